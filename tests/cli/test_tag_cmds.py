"""CLI: rhetoric codebook check/show and rhetoric tag (exit codes, exact messages, formats)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app

DATA = Path(__file__).resolve().parents[1] / "codebook" / "data"
MINI = DATA / "mini.toml"
BAD = DATA / "bad.toml"


def test_check_bad_codebook_prints_every_problem(runner: CliRunner) -> None:
    result = runner.invoke(app, ["codebook", "check", "--codebook", str(BAD)])
    assert result.exit_code == 1
    assert result.stdout == (DATA / "bad.expected.txt").read_text(encoding="utf-8")
    assert result.stderr == f"Error: 13 problem(s) in {BAD}\n"


def test_check_good_codebook(runner: CliRunner) -> None:
    result = runner.invoke(app, ["codebook", "check", "--codebook", str(MINI)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"OK: {MINI}: 2 tags, 6 patterns, 5 examples pass\n"


def test_check_warns_without_failing(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "codebook.toml"
    path.write_text(MINI.read_text(encoding="utf-8").replace('"truce"]', '"truce", "cease fire|ceasefire"]'))
    result = runner.invoke(app, ["codebook", "check", "--codebook", str(path)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(
        "Warning: [ceasefire.patterns] pattern 'cease fire|ceasefire': 'fire|ceasefire' offers 'ceasefire'"
    )
    assert result.stdout.startswith("OK: ")


def test_check_uses_the_corpus_codebook(runner: CliRunner, mini_corpus) -> None:
    path, _ = mini_corpus
    result = runner.invoke(app, ["codebook", "check", "--corpus", str(path)])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"OK: {path / 'codebook.toml'}: 2 tags")


def test_check_missing_codebook(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["codebook", "check", "--corpus", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: codebook '{tmp_path / 'codebook.toml'}' does not exist")


def test_show(runner: CliRunner) -> None:
    result = runner.invoke(app, ["codebook", "show", "--codebook", str(MINI), "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout == (
        "tag,role,label,patterns,exclude,positive,negative\n"
        "ceasefire,either,Ceasefire,2,1,2,1\n"
        "peace_deal,outcome,Peace deal,2,1,1,1\n"
    )
    table = runner.invoke(app, ["codebook", "show", "--codebook", str(MINI)])
    assert table.exit_code == 0 and "ceasefire" in table.stdout and "peace_deal" in table.stdout


def test_show_table_at_80_columns(runner: CliRunner, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, ["codebook", "show", "--codebook", str(MINI)])
    assert (result.exit_code, result.stderr) == (0, "")
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "                     mini 0.1 (2 tags)",
        "",
        " tag          role      pat   excl   +ex   -ex   label",
        " " + "─" * 58,
        " ceasefire    either      2      1     2     1   Ceasefire",
        " peace_deal   outcome     2      1     1     1   Peace deal",
        "",
        "      pat: patterns, excl: exclude patterns, +ex/-ex:",
        "                 positive/negative examples",
    ]


def test_show_seed_codebook_fits_80_columns_uncut(runner: CliRunner, monkeypatch) -> None:
    from rhetoric.codebook import load_codebook
    from tests.conftest import SEED_CORPUS

    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, ["codebook", "show", "--corpus", str(SEED_CORPUS)])
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80 and "…" not in result.stdout
    assert lines[2].split() == ["tag", "role", "pat", "excl", "+ex", "-ex", "label"]
    firsts = [line.split()[0] for line in lines[4:] if line.strip() and not line.startswith(" " * 10)]
    assert firsts[: len(load_codebook(SEED_CORPUS / "codebook.toml").tags)] == [
        t.id for t in load_codebook(SEED_CORPUS / "codebook.toml").tags
    ]


@pytest.mark.parametrize("columns", ["50", "79"])
def test_show_narrow_terminal_folds_each_tag_into_one_cell(runner: CliRunner, monkeypatch, columns: str) -> None:
    from tests.conftest import SEED_CORPUS

    monkeypatch.setenv("COLUMNS", columns)
    result = runner.invoke(app, ["codebook", "show", "--corpus", str(SEED_CORPUS)])
    assert (result.exit_code, result.stderr) == (0, "")
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert max(len(line) for line in lines) <= int(columns) and "…" not in result.stdout
    (row,) = [line for line in lines if line.startswith(" territorial_concession ")]
    assert row.split()[:4] == ["territorial_concession", "either", "·", "35"]


def test_show_bad_codebook_fails(runner: CliRunner) -> None:
    result = runner.invoke(app, ["codebook", "show", "--codebook", str(BAD)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: 11 problem(s) in '{BAD}'")


def test_tag_text_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["tag", "No deal. A truce!", "--codebook", str(MINI), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {"statement_id": None, "tag": "peace_deal", "start": 3, "end": 7, "text": "deal", "sentence": 0,
         "pattern": "deal", "polarity": "affirmed"},
        {"statement_id": None, "tag": "ceasefire", "start": 11, "end": 16, "text": "truce", "sentence": 1,
         "pattern": "truce", "polarity": "affirmed"},
    ]  # fmt: skip


def test_tag_stdin_csv(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["tag", "-", "--codebook", str(MINI), "--format", "csv"], input="A cease fire."
    )
    assert result.exit_code == 0
    assert (
        result.stdout
        == "statement_id,tag,start,end,text,sentence,pattern,polarity\n,ceasefire,2,12,cease fire,0,cease-fire*,affirmed\n"
    )


@pytest.fixture
def negated_codebook(tmp_path: Path) -> Path:
    """The mini codebook with a negated pattern: "no truce" says the opposite of ceasefire."""
    path = tmp_path / "codebook.toml"
    text = MINI.read_text(encoding="utf-8")
    path.write_text(
        text.replace('patterns = ["cease-fire*", "truce"]',
                     'patterns = ["cease-fire*", { pattern = "fighting goes on", polarity = "negated" }]'),
        encoding="utf-8",
    )  # fmt: skip
    return path


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("csv", "statement_id,tag,start,end,text,sentence,pattern,polarity\n"
                ",ceasefire,0,16,Fighting goes on,0,fighting goes on,negated\n"
                ",ceasefire,21,31,cease-fire,0,cease-fire*,affirmed\n"),
        ("jsonl", '{"statement_id": null, "tag": "ceasefire", "start": 0, "end": 16, "text": "Fighting goes on", '
                  '"sentence": 0, "pattern": "fighting goes on", "polarity": "negated"}\n'
                  '{"statement_id": null, "tag": "ceasefire", "start": 21, "end": 31, "text": "cease-fire", '
                  '"sentence": 0, "pattern": "cease-fire*", "polarity": "affirmed"}\n'),
        ("table", "Fighting goes on, no cease-fire.\n"
                  "  ceasefire  'Fighting goes on'  sentence 0  pattern 'fighting goes on' (negated)\n"
                  "  ceasefire  'cease-fire'  sentence 0  pattern 'cease-fire*'\n\n"),
    ],
)  # fmt: skip
def test_tag_prints_the_polarity_of_each_mention(
    runner: CliRunner, negated_codebook: Path, fmt: str, expected: str
) -> None:
    result = runner.invoke(
        app, ["tag", "Fighting goes on, no cease-fire.", "--codebook", str(negated_codebook), "--format", fmt]
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == expected


def test_tag_empty_json_is_an_empty_array(runner: CliRunner) -> None:
    result = runner.invoke(app, ["tag", "nothing", "--codebook", str(MINI), "--format", "json"])
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_tag_all_and_id(runner: CliRunner, mini_corpus) -> None:
    path, (a, b, c) = mini_corpus
    result = runner.invoke(app, ["tag", "--all", "--corpus", str(path), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["statement_id"], r["tag"], r["text"]) for r in rows] == [
        (a.id, "ceasefire", "truce"),
        (a.id, "peace_deal", "peace deal"),
        (c.id, "ceasefire", "truce"),
    ]
    one = runner.invoke(app, ["tag", "--id", a.id, "--corpus", str(path), "--format", "json"])
    assert [m["statement_id"] for m in json.loads(one.stdout)] == [a.id, a.id]
    shown = runner.invoke(app, ["tag", "--id", b.id, "--corpus", str(path)])
    assert shown.exit_code == 0
    assert shown.stdout == f"{b.id}\nNothing here.\n  (no mentions)\n\n"


def test_tag_highlighted_output(runner: CliRunner) -> None:
    result = runner.invoke(app, ["tag", "A truce now.", "--codebook", str(MINI)])
    assert result.exit_code == 0
    assert result.stdout == "A truce now.\n  ceasefire  'truce'  sentence 0  pattern 'truce'\n\n"


def test_tag_unknown_id(runner: CliRunner, mini_corpus) -> None:
    path, _ = mini_corpus
    result = runner.invoke(app, ["tag", "--id", "s-000000000000", "--corpus", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no statement 's-000000000000'")


@pytest.mark.parametrize("args", [[], ["text", "--all"], ["--all", "--id", "x"]])
def test_tag_needs_exactly_one_source(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, ["tag", *args, "--codebook", str(MINI)])
    assert result.exit_code == 2
    assert "give exactly one of TEXT (or '-' for stdin), --id ID or --all" in result.stderr


def test_kwic_csv_and_json(runner: CliRunner, mini_corpus) -> None:
    path, (a, _b, c) = mini_corpus
    result = runner.invoke(app, ["kwic", "truce", "--window", "1", "--corpus", str(path), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "statement_id,speaker,date,left,match,right,start,end,tag,pattern\n"
        f"{a.id},a,2024,A,truce,. Then,2,7,,truce\n"
        f"{c.id},putin,2024-06-14,a,truce,can,56,61,,truce\n"
    )
    result = runner.invoke(app, ["kwic", "@peace_deal", "--corpus", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert [(r["match"], r["tag"], r["pattern"]) for r in json.loads(result.stdout)] == [
        ("peace deal", "peace_deal", "peace deal|agreement")
    ]


def test_kwic_table(runner: CliRunner, mini_corpus) -> None:
    path, (a, _b, _c) = mini_corpus
    result = runner.invoke(app, ["kwic", "peace deal", "--corpus", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "peace deal: 1 match(es)" in result.stdout
    assert a.id in result.stdout and "A truce. Then a" in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["peace ~0 deal"], 1, "Error: a gap must be ~1 to ~10 at column 7 of 'peace ~0 deal'\n"),
        (["truce|"], 1, "Error: empty alternative around '|' at column 7 of 'truce|'\n"),
        (
            ["@unknown_tag"],
            1,
            "Error: no tag 'unknown_tag' in codebook 'mini' (known tags: ceasefire, peace_deal)\n",
        ),
        (["truce", "--window", "-1"], 2, None),
    ],
)
def test_kwic_errors(runner: CliRunner, mini_corpus, args: list[str], code: int, message: str | None) -> None:
    path, _ = mini_corpus
    result = runner.invoke(app, ["kwic", *args, "--corpus", str(path)])
    assert result.exit_code == code
    assert result.stdout == ""
    if message is not None:
        assert result.stderr == message


def test_kwic_missing_corpus(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["kwic", "truce", "--corpus", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")


def test_help_ends_with_example(runner: CliRunner) -> None:
    for cmd in (["tag"], ["codebook", "check"], ["codebook", "show"], ["kwic"]):
        result = runner.invoke(app, [*cmd, "--help"])
        assert "Example: rhetoric" in result.stdout
