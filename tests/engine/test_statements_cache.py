"""Statements cache: an unchanged corpus is not parsed again, an add parses only the new line, and
anything else (an edit, a removal, a damaged or torn cache) gives exactly what parsing the corpus gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.corpus import add_statement
from rhetoric.corpus.query import list_statements
from rhetoric.corpus.remove import remove_statement
from rhetoric.corpus.store import Corpus
from rhetoric.engine import statements as statements_module
from rhetoric.engine.cache import CACHE_DIR, AnalysisCache
from rhetoric.engine.statements import cache_file, read_statements
from rhetoric.errors import ValidationError
from rhetoric.session import Session

from .conftest import generate_corpus

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return generate_corpus(tmp_path / "c", 40)


def _parsed(corpus: Path) -> list:
    return list(list_statements(Corpus(corpus)))


def _check(corpus: Path, *, parsed: int | None = None) -> None:
    """What the cache gives equals parsing the corpus, with the right entry keys."""
    got = read_statements(Corpus(corpus))
    assert got.statements == _parsed(corpus)
    assert got.keys == {s.id: AnalysisCache.entry_key(s) for s in got.statements}
    if parsed is not None:
        assert got.parsed == parsed


def test_an_unchanged_corpus_is_not_parsed_again(corpus: Path) -> None:
    _check(corpus, parsed=40)
    _check(corpus, parsed=0)


def test_a_session_reads_an_unchanged_corpus_without_parsing_it(corpus: Path, monkeypatch) -> None:
    Session.open(corpus).corpus_analysis()
    calls = []
    real = statements_module.parse_line
    monkeypatch.setattr(statements_module, "parse_line", lambda *a, **k: calls.append(1) or real(*a, **k))
    from rhetoric.corpus import query, store

    monkeypatch.setattr(query, "parse_line", statements_module.parse_line)
    monkeypatch.setattr(store, "parse_line", statements_module.parse_line)
    add_statement(Corpus(corpus), speaker="zelensky", date="2026-02", text="We want a ceasefire, then talks.")
    calls.clear()
    Session.open(corpus).corpus_analysis()
    assert len(calls) == 1  # the new line only (was every line of the corpus)
    calls.clear()
    Session.open(corpus).corpus_analysis()
    assert calls == []


def test_an_add_parses_only_the_new_line(corpus: Path) -> None:
    _check(corpus)
    add_statement(Corpus(corpus), speaker="zelensky", date="2026-02", text="We want a ceasefire, then talks.")
    _check(corpus, parsed=1)
    _check(corpus, parsed=0)


def test_an_edit_or_removal_parses_the_corpus_again(corpus: Path) -> None:
    _check(corpus)
    remove_statement(Corpus(corpus), Corpus(corpus).statements()[3].id)
    _check(corpus, parsed=39)
    path = corpus / "statements.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows[5]["note"] = "edited"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    _check(corpus, parsed=39)
    _check(corpus, parsed=0)


def test_a_last_line_without_newline_is_parsed_each_time_until_it_has_one(corpus: Path) -> None:
    path = corpus / "statements.jsonl"
    data = path.read_bytes()
    path.write_bytes(data.rstrip(b"\n"))
    _check(corpus, parsed=40)
    _check(corpus, parsed=1)  # the unfinished last line is never cached
    add_statement(Corpus(corpus), speaker="putin", date="2026-03", text="Talks only if Kyiv drops NATO.")
    _check(corpus, parsed=2)
    _check(corpus, parsed=0)


def test_statements_with_meta_read_back_exactly(corpus: Path) -> None:
    path = corpus / "statements.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows[2]["meta"] = {"desk": "kyiv", "n": 2, "ok": True, "x": None, "f": 1.5}
    rows[4]["meta"] = {"k": "v"}
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    first = _parsed(corpus)
    assert first[2].meta  # (the corpus keeps unknown fields)
    _check(corpus)
    _check(corpus, parsed=0)


def test_statements_a_row_would_not_read_back_are_kept_as_their_line(corpus: Path, monkeypatch) -> None:
    def no_row(_value):
        raise TypeError("not encodable")

    monkeypatch.setattr(statements_module, "encode", no_row)
    _check(corpus, parsed=40)
    assert b'"{\\"' in cache_file(Corpus(corpus)).read_bytes()  # the corpus lines themselves
    _check(corpus, parsed=0)


def test_a_malformed_line_fails_as_list_statements_does(corpus: Path) -> None:
    path = corpus / "statements.jsonl"
    _check(corpus)
    with open(path, "ab") as fh:
        fh.write(b"\n{not json\n")
    with pytest.raises(ValidationError) as expected:
        _parsed(corpus)
    with pytest.raises(ValidationError) as got:
        read_statements(Corpus(corpus))
    assert str(got.value) == str(expected.value)
    assert (got.value.path, got.value.line) == (expected.value.path, expected.value.line)


@pytest.mark.parametrize(
    "damage", ["crc", "torn", "row-dropped", "garbage", "header", "checkpoint", "checkpoint-only", "empty"]
)
def test_a_damaged_or_torn_cache_gives_what_the_corpus_says(corpus: Path, damage: str) -> None:
    _check(corpus)
    add_statement(Corpus(corpus), speaker="zelensky", date="2026-02", text="We want a ceasefire, then talks.")
    _check(corpus, parsed=1)  # two checkpoints now
    path = cache_file(Corpus(corpus))
    header, *lines = path.read_bytes().split(b"\n")
    rows = [i for i, line in enumerate(lines) if line and not line.startswith(b"#")]
    if damage == "crc":
        k = rows[7]
        lines[k] = lines[k][:-6] + b"xxxxx]"
    elif damage == "torn":
        lines = lines[: rows[20]] + [lines[rows[20]][:30]]
    elif damage == "row-dropped":
        del lines[rows[9]]
    elif damage == "garbage":
        lines = [b"x\ty\tz" for _ in lines]
    elif damage == "header":
        header = b"#rhetoric-statements-cache 0 other"
    elif damage == "checkpoint":
        lines = [line.replace(b"\t41\t", b"\t40\t") if line.startswith(b"#upto") else line for line in lines]
    elif damage == "checkpoint-only":
        lines = [line for line in lines if line.startswith(b"#upto")]
    else:
        header, lines = b"", []
    path.write_bytes(b"\n".join([header, *lines]))
    _check(corpus, parsed=41)  # parsed again, whole
    _check(corpus, parsed=0)  # and cached again


def test_a_cache_for_another_corpus_content_is_not_used(corpus: Path, tmp_path: Path) -> None:
    _check(corpus)
    other = generate_corpus(tmp_path / "other", 40, seed=8)
    (other / CACHE_DIR).mkdir(exist_ok=True)
    (other / CACHE_DIR / cache_file(Corpus(corpus)).name).write_bytes(cache_file(Corpus(corpus)).read_bytes())
    _check(other, parsed=40)


def test_disabled_by_environment(corpus: Path, monkeypatch) -> None:
    monkeypatch.setenv("RHETORIC_CACHE", "0")
    Session.open(corpus).corpus_analysis()
    assert not list((corpus / CACHE_DIR).glob("statements-*.jsonl"))


def test_report_after_an_add_equals_a_run_without_cache(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    def report(out: Path) -> dict[str, bytes]:
        result = runner.invoke(app, ["report", "--out", str(out), "--corpus", str(corpus)])
        assert result.exit_code == 0, result.output
        return {p.name: p.read_bytes() for p in sorted(out.iterdir())}

    report(tmp_path / "warm")
    add_statement(Corpus(corpus), speaker="zelensky", date="2026-02", text="We want a ceasefire, then talks.")
    cached = report(tmp_path / "cached")
    with monkeypatch.context() as m:
        m.setenv("RHETORIC_CACHE", "0")
        assert cached == report(tmp_path / "plain")


def test_a_selection_of_some_speakers_streams_the_corpus(corpus: Path, monkeypatch) -> None:
    session = Session.open(corpus)

    def every_statement(*_a, **_k):
        raise AssertionError("every statement held for a selection of one speaker")

    monkeypatch.setattr(session, "_read_statements", every_statement)
    assert {s.speaker for s in session.select(speakers=["zelensky"])} == {"zelensky"}
