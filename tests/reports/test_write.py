"""write_report: file names, formats, speakers, progress, errors, determinism across runs."""

from __future__ import annotations

import pytest

from rhetoric.errors import NotFoundError, UsageError
from rhetoric.reports.write import write_report
from tests.conftest import SEED_CORPUS
from tests.golden import assert_golden

from .conftest import GOLDEN_DIR


def test_both_formats_by_default(tmp_path) -> None:
    paths = write_report(SEED_CORPUS, out_dir=tmp_path / "r")
    assert [p.name for p in paths] == ["ukraine-nato.html", "ukraine-nato.md"]
    assert_golden(paths[0].read_bytes(), GOLDEN_DIR / "ukraine-nato.html")
    assert_golden(paths[1].read_bytes(), GOLDEN_DIR / "ukraine-nato.md")
    assert not list((tmp_path / "r").glob(".*.tmp"))


def test_two_runs_are_byte_identical(tmp_path) -> None:
    first = [p.read_bytes() for p in write_report(SEED_CORPUS, out_dir=tmp_path / "a")]
    second = [p.read_bytes() for p in write_report(SEED_CORPUS, out_dir=tmp_path / "b")]
    assert first == second


def test_committed_example_is_current(tmp_path, repo_root) -> None:
    paths = write_report(SEED_CORPUS, out_dir=tmp_path)
    for p in paths:
        committed = repo_root / "reports" / p.name
        assert committed.read_bytes() == p.read_bytes(), f"regenerate {committed} with `rhetoric report`"


@pytest.mark.parametrize(
    ("speakers", "formats", "names"),
    [
        (["Zelenskyy"], ("md",), ["ukraine-nato-zelensky.md"]),
        (["putin", "zelensky"], ("html",), ["ukraine-nato-putin-zelensky.html"]),
        (None, ("md", "html", "md"), ["ukraine-nato.md", "ukraine-nato.html"]),
    ],
)
def test_names_follow_corpus_and_speakers(tmp_path, speakers, formats, names) -> None:
    paths = write_report(SEED_CORPUS, speakers=speakers, formats=formats, out_dir=tmp_path)
    assert [p.name for p in paths] == names


def test_progress_callback(tmp_path) -> None:
    seen = []
    write_report(SEED_CORPUS, formats=["md"], out_dir=tmp_path, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (13, 13) and len(seen) == 13


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"formats": ["pdf"]}, UsageError, "unknown report format 'pdf'"),
        ({"formats": []}, UsageError, "no report format given"),
        ({"speakers": ["nobody"]}, NotFoundError, "no statement of 'nobody'"),
    ],
)
def test_errors_write_nothing(tmp_path, kwargs, error, message) -> None:
    with pytest.raises(error, match=message):
        write_report(SEED_CORPUS, out_dir=tmp_path / "out", **kwargs)
    assert not (tmp_path / "out").exists()


def test_odd_speaker_names_stay_safe(awkward_corpus, tmp_path) -> None:
    import re

    (html_path,) = write_report(
        awkward_corpus.path, speakers=["AP/Reuters <b>"], formats=["html"], out_dir=tmp_path
    )
    assert html_path.parent == tmp_path and html_path.name == "awkward-ap_reuters_b-97edb5.html"
    page = html_path.read_text(encoding="utf-8")
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert all(re.fullmatch(r"[A-Za-z][\w.-]*", i) for i in ids), ids
    refs = re.findall(r'(?:href="#|url\(#)([^")]+)', page)
    assert refs and set(refs) <= set(ids)
    assert "<b>" not in page and "AP/Reuters &lt;b&gt;" in page
