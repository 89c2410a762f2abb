"""Loading and checking codebooks: every problem at once, extensions passed through."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from rhetoric.codebook import load_codebook, loads_codebook, parse_codebook
from rhetoric.errors import CodebookError, NotFoundError
from rhetoric.tagging.check import check_codebook
from rhetoric.types import Role

HEAD = '[codebook]\nname = "x"\n'
TAG = (
    '[[tag]]\nid = "truce"\nlabel = "Truce"\ndescription = "A pause."\nrole = "outcome"\n'
    'patterns = ["truce"]\n'
)


def test_load_mini(mini_codebook: Path) -> None:
    cb = load_codebook(mini_codebook)
    assert (cb.name, cb.version, cb.language) == ("mini", "0.1", "en")
    assert cb.tag_ids == ("ceasefire", "peace_deal")
    spec = cb.tag("ceasefire")
    assert spec.role is Role.EITHER
    assert spec.patterns == ("cease-fire*", "truce")
    assert spec.exclude == ("ceasefire violation*",)
    assert spec.examples_positive == ("They agreed to a truce.", "A cease fire now.")
    assert cb.sha256 == hashlib.sha256(mini_codebook.read_bytes()).hexdigest()
    assert cb.path == mini_codebook
    assert cb.extensions == {"frames": {"opposites": [["ceasefire", "peace_deal"]]}}


def test_unknown_tag_raises(mini_codebook: Path) -> None:
    with pytest.raises(NotFoundError, match="no tag 'truce'"):
        load_codebook(mini_codebook).tag("truce")


def test_bad_codebook_reports_every_problem(bad_codebook: Path, bad_problems: list[str]) -> None:
    assert check_codebook(bad_codebook) == bad_problems


def test_load_raises_with_all_structural_problems(bad_codebook: Path, bad_problems: list[str]) -> None:
    with pytest.raises(CodebookError) as info:
        load_codebook(bad_codebook)
    structural = [p for p in bad_problems if ".examples." not in p]
    assert info.value.problems == structural
    assert f"{len(structural)} problem(s)" in str(info.value)


def test_partial_codebook_keeps_good_tags(bad_codebook: Path) -> None:
    cb, problems = parse_codebook(bad_codebook.read_bytes())
    assert cb.tag_ids == ("peace_deal",)
    assert problems


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "name = 'x'\n[codebook]\nname = 'x'\n" + TAG,
            "[codebook] unknown top-level key 'name' (allowed: codebook, tag, frames, words)",
        ),
        ('[codebook]\nname = ""\n' + TAG, "[codebook.name] is empty"),
        (
            "[codebook\n",
            "[codebook] invalid TOML: Expected ']' at the end of a table declaration (at line 1, column 10)",
        ),
        (HEAD, "[codebook] no tags (add [[tag]] tables)"),
        (HEAD + "[tag]\nid='a'\n", "[codebook] 'tag' must be an array of tables: write [[tag]], not [tag]"),
        (TAG, "[codebook] the [codebook] table is missing"),
        (
            HEAD + TAG.replace('role = "outcome"\n', ""),
            "[truce.role] is missing (use outcome, condition, either)",
        ),
        (HEAD + TAG.replace('label = "Truce"\n', "label = 3\n"), "[truce.label] must be a string"),
        (
            HEAD + TAG + "[tag.examples]\npositive = 'x'\n",
            "[truce.examples.positive] must be a list of strings",
        ),
        (
            HEAD + TAG + "[tag.examples]\nneutral = []\n",
            "[truce.examples.neutral] unknown key (allowed: positive, negative)",
        ),
        (HEAD + TAG.replace('["truce"]', '["truce", "truce"]'), "[truce.patterns] duplicate pattern 'truce'"),
        (
            HEAD + TAG + "frames = 3\n",
            "[truce.frames] unknown key (allowed: id, label, description, role, patterns, exclude, examples)",
        ),
        (HEAD + TAG + "[frames]\n", None),
    ],
)
def test_structural_problems(text: str, problem: str | None) -> None:
    _cb, problems = parse_codebook(text.encode())
    assert problems == ([problem] if problem else [])


def test_not_utf8() -> None:
    _cb, problems = parse_codebook(b"\xff\xfe[codebook]")
    assert problems[0].startswith("[codebook] not UTF-8")


def test_loads_codebook() -> None:
    assert loads_codebook(HEAD + TAG).tag("truce").label == "Truce"
    with pytest.raises(CodebookError):
        loads_codebook(HEAD)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="does not exist"):
        load_codebook(tmp_path / "codebook.toml")
    with pytest.raises(NotFoundError, match="is a directory"):
        check_codebook(tmp_path)
