"""`rhetoric extract` through typer's CliRunner: formats, exit codes and exact messages."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app

from .conftest import ARTICLES_DIR, SEED_ARTICLE, SEED_DATE

EMPTY = (
    "{path}: the article is empty: there is no text to extract statements from "
    "(pass a plain-text news article)"
)
JSON_KEYS = {"speaker", "speaker_as_written", "text", "kind", "date", "date_qualifier", "start", "end", "cue"}


@pytest.fixture
def run(corpus_dir: Path):
    runner = CliRunner()

    def invoke(*args: str, stdin: bytes | None = None):
        return runner.invoke(app, ["extract", *args, "--corpus", str(corpus_dir)], input=stdin)

    return invoke


def test_table_on_the_seed(run) -> None:
    result = run(str(SEED_ARTICLE), "--date", SEED_DATE)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["#", "speaker", "date", "qual", "kind", "conf", "cue", "text"]
    assert any(
        "zelensky" in line and "2024-12  circa" in line and "renewed calls for" in line for line in lines
    )


def test_json_contract(run) -> None:
    result = run(str(SEED_ARTICLE), "--date", SEED_DATE, "--format", "json", "--source", "Nordic Times")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) >= 12
    for row in rows:
        assert JSON_KEYS <= set(row)
        assert 0 < row["confidence"] <= 1
        assert row["source"] == "Nordic Times"
        assert row["document"] == str(SEED_ARTICLE)
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)


def test_csv(run) -> None:
    result = run(str(SEED_ARTICLE), "--date", SEED_DATE, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["speaker"] and set(JSON_KEYS) <= set(rows[0])


def test_stdin(run) -> None:
    result = run(
        "-",
        "--date",
        "2024-12-03",
        "--format",
        "json",
        stdin=b"Putin said on Sunday that talks were over.",
    )
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    assert (row["speaker"], row["text"], row["date"], row["document"]) == (
        "putin",
        "talks were over",
        "2024-12-01",
        "",
    )


def test_no_attributions(run) -> None:
    article = ARTICLES_DIR / "no_attribution.txt"
    result = run(str(article), "--date", "2024-12-03")
    assert (result.exit_code, result.stdout) == (0, "no attributed statements found\n")
    result = run(str(article), "--date", "2024-12-03", "--format", "json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    assert "Warning: no attributed statements found" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", EMPTY),
        (b"  \n\n", EMPTY),
        (
            b"%PDF\x00\x01\x02",
            "{path}: looks like a binary file (NUL byte at offset 4) "
            "(extract statements from a plain-text (UTF-8) article; convert PDFs or HTML to text first)",
        ),
        (
            b"Zelensky sagte, die Lage sei schwierig \xe4hnlich wie 2022.",
            "{path}: not UTF-8: byte 0xe4 at offset 39 cannot be decoded "
            "(convert it first, e.g. `iconv -f latin1 -t utf-8 {path} > bad.utf8.txt`)",
        ),
    ],
    ids=["empty", "whitespace", "binary", "latin1"],
)
def test_bad_input(run, tmp_path: Path, corpus_dir: Path, content: bytes, message: str) -> None:
    article = tmp_path / "bad.txt"
    article.write_bytes(content)
    result = run(str(article))
    assert result.exit_code == 1
    assert result.stderr == "Error: " + message.format(path=article) + "\n"
    assert result.stdout == ""
    assert (corpus_dir / "statements.jsonl").read_bytes() == b""


def test_missing_article(run, tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: article '{tmp_path / 'nope.txt'}' does not exist (check the path, or pass - to read stdin)\n"
    )


def test_unbalanced_quotes_do_not_crash(run) -> None:
    result = run(str(ARTICLES_DIR / "unbalanced_quote.txt"), "--date", "2024-12-03", "--format", "json")
    assert result.exit_code == 0
    (row,) = json.loads(result.stdout)
    assert row["text"] == "the plan was “a betrayal of everything we fought for."
    assert row["confidence"] <= 0.3 and "unbalanced quote" in row["note"]


def test_invalid_date_option(run) -> None:
    result = run(str(SEED_ARTICLE), "--date", "2024-13-01")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: [--date] invalid date '2024-13-01': month 13 is not 1-12 "
        "(use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-12-01)\n"
    )


def test_invalid_format_is_a_usage_error(run) -> None:
    assert run(str(SEED_ARTICLE), "--format", "xml").exit_code == 2


def test_nothing_is_written_without_add(run, corpus_dir: Path) -> None:
    before = (corpus_dir / "statements.jsonl").read_bytes()
    assert run(str(SEED_ARTICLE), "--date", SEED_DATE).exit_code == 0
    assert (corpus_dir / "statements.jsonl").read_bytes() == before
    assert sorted(p.name for p in corpus_dir.iterdir()) == ["actors.toml", "statements.jsonl"]


def test_add_refuses_undated_candidates(run, corpus_dir: Path) -> None:
    result = run("-", "--add", stdin=b"Putin said last week that talks were over.")
    assert result.exit_code == 1
    assert result.stderr.startswith("Warning: the article has no date")
    assert (
        "Error: 1 candidate(s) have no date: #1 putin (relative dates need the article date" in result.stderr
    )
    assert (corpus_dir / "statements.jsonl").read_bytes() == b""


def test_missing_actors_file_warns(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["extract", "-", "--date", "2024", "--corpus", str(tmp_path)], input=b"Putin said no."
    )
    assert result.exit_code == 0
    assert (
        result.stderr
        == f"Warning: no actors file at {tmp_path / 'actors.toml'}: speakers are kept as written\n"
    )
    assert "Putin (?)" in result.stdout


def test_add_writes_reviewed_candidates_once(run, corpus_dir: Path) -> None:
    first = run(str(SEED_ARTICLE), "--date", SEED_DATE, "--add")
    assert first.exit_code == 0, first.output
    lines = (corpus_dir / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 12
    assert first.stdout.rstrip().endswith(f"added {len(lines)}, duplicates 0, rejected 0")
    stored = [json.loads(line) for line in lines]
    assert {s["speaker"] for s in stored} >= {"zelensky", "putin", "trump", "kellogg", "nato"}
    assert all(s["document"] == str(SEED_ARTICLE) and s["note"].startswith("extracted") for s in stored)
    second = run(str(SEED_ARTICLE), "--date", SEED_DATE, "--add")
    assert second.stdout.rstrip().endswith(f"added 0, duplicates {len(lines)}, rejected 0")
    assert len((corpus_dir / "statements.jsonl").read_text(encoding="utf-8").splitlines()) == len(lines)


def test_sidecar_supplies_date_and_outlet(run, tmp_path: Path) -> None:
    article = tmp_path / SEED_ARTICLE.name
    article.write_bytes(SEED_ARTICLE.read_bytes())
    article.with_suffix(".toml").write_text(
        'outlet = "Nordic Times"\ntitle = "Reports: US opposes Ukrainian NATO membership"\n'
        'date = "2024-12"\nurl = "https://example.org/reports"\n'
        'note = "relays Le Monde\'s report of 2024-12-03"\n',
        encoding="utf-8",
    )
    result = run(str(article), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    remark = next(r for r in rows if "necessary thing" in r["text"])
    assert (remark["date"], remark["date_qualifier"], remark["source"]) == (
        "2024-12",
        "circa",
        "Nordic Times",
    )
    assert remark["url"] == "https://example.org/reports"
    overridden = json.loads(run(str(article), "--format", "json", "--date", "2024-12-03").stdout)
    assert next(r for r in overridden if "necessary thing" in r["text"])["date"] == "2024-11"


TOO_BIG = (
    "Error: {path}: the article is 20.0 MB, over the limit of 2.0 MB "
    "(extract works on one news article at a time: split the file into articles)\n"
)


def test_a_20_mb_article_is_refused_quickly(run, tmp_path: Path, corpus_dir: Path) -> None:
    article = tmp_path / "huge.txt"
    article.write_bytes(b"Kallas said the talks were over. " * 606_061)  # 20.0 MB
    started = time.perf_counter()
    result = run(str(article), "--date", "2025-03", "--add")
    assert time.perf_counter() - started < 5  # refused before reading or parsing
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == TOO_BIG.format(path=article)
    assert (corpus_dir / "statements.jsonl").read_bytes() == b""


def test_a_20_mb_stdin_is_refused(run) -> None:
    result = run("-", "--date", "2025-03", stdin=b"x" * 20_000_000)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: <stdin>: the article is more than the limit of 2.0 MB (extract")
