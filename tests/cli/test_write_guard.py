"""Write commands refuse the default (shipped example) corpus unless --corpus or RHETORIC_CORPUS names it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED_CORPUS

MESSAGE = (
    "Error: not writing to the shipped example corpus 'corpora/ukraine-nato' by default "
    "(name it with --corpus corpora/ukraine-nato (or RHETORIC_CORPUS) to write there, "
    "or create your own with `rhetoric init DIR`)\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ["add", "--speaker", "Putin", "--date", "2024", "--text", "No truce."],
        ["import", "quotes.csv"],
        ["remove", "s-2287e0e1b45e", "--yes"],
        ["validate", "--repair", "--yes"],
        ["extract", "seeds/000_194b2d9dfd68f7ca.txt", "--add"],
    ],
)
def test_default_corpus_is_not_written(cli, tmp_path: Path, monkeypatch, args) -> None:
    # Work in a copy laid out like the repository, so a failing guard can never touch the real one.
    shutil.copytree(SEED_CORPUS, tmp_path / "corpora" / "ukraine-nato")
    shutil.copytree(SEED_CORPUS.parent.parent / "seeds", tmp_path / "seeds")
    (tmp_path / "quotes.csv").write_text("speaker,date,text\nPutin,2024,No truce.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RHETORIC_CORPUS", raising=False)
    before = (tmp_path / "corpora" / "ukraine-nato" / "statements.jsonl").read_bytes()
    result = cli(*args)
    assert result.exit_code == 1
    assert result.stderr == MESSAGE
    assert (tmp_path / "corpora" / "ukraine-nato" / "statements.jsonl").read_bytes() == before


def test_reading_commands_still_default(cli, monkeypatch) -> None:
    monkeypatch.delenv("RHETORIC_CORPUS", raising=False)
    assert cli("validate").exit_code == 0
    assert cli("extract", "seeds/000_194b2d9dfd68f7ca.txt").exit_code == 0


def test_named_by_environment_is_written(runner, tmp_path: Path, monkeypatch) -> None:
    from rhetoric.cli import app

    copy = tmp_path / "c"
    shutil.copytree(SEED_CORPUS, copy)
    result = runner.invoke(
        app, ["add", "--speaker", "Putin", "--date", "2024", "--text", "No truce."], env={"RHETORIC_CORPUS": str(copy)}
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("s-")
    assert (copy / "statements.jsonl").read_bytes() != (SEED_CORPUS / "statements.jsonl").read_bytes()
