"""KWIC: rows in corpus order with exact offsets, windows, @tag queries and their errors."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest

from rhetoric.codebook import load_codebook
from rhetoric.corpus.store import Corpus
from rhetoric.errors import NotFoundError, PatternError, ValidationError
from rhetoric.output.write import iter_json, write_csv
from rhetoric.records import Statement
from rhetoric.tagging.kwic import KWIC_COLUMNS, KwicRow, kwic, query_tagger


def rows(mini_corpus, query: str, **kwargs) -> list[KwicRow]:
    path, _ = mini_corpus
    return list(kwic(Corpus(path), query, **kwargs))


@pytest.mark.parametrize(
    ("query", "window", "expected"),
    [
        (
            "truce",
            5,
            [
                ("A", "truce", ". Then a peace deal"),
                ("from four regions, then a", "truce", "can follow, he said"),
            ],
        ),
        ("truce", 1, [("A", "truce", ". Then"), ("a", "truce", "can")]),
        ("truce", 0, [("", "truce", ""), ("", "truce", "")]),
        ("withdraw* ~3 troops", 2, [("Kyiv must", "withdraw its troops", "from four")]),
        ("peace deal|agreement", 5, [("A truce. Then a", "peace deal", "")]),
        ("armistice", 5, []),
    ],
)
def test_kwic_pattern_query(mini_corpus, query: str, window: int, expected: list) -> None:
    assert [(r.left, r.match, r.right) for r in rows(mini_corpus, query, window=window)] == expected


def test_rows_carry_statement_fields_and_exact_offsets(mini_corpus) -> None:
    path, (a, _b, c) = mini_corpus
    got = rows(mini_corpus, "truce")
    assert [(r.statement_id, r.speaker, r.date, r.tag, r.pattern) for r in got] == [
        (a.id, "a", "2024", None, "truce"),
        (c.id, "putin", "2024-06-14", None, "truce"),
    ]
    for row, statement in zip(got, (a, c), strict=True):
        assert statement.text[row.start : row.end] == row.match


def test_context_collapses_whitespace(mini_corpus) -> None:
    (row,) = rows(mini_corpus, "withdraw* ~3 troops", window=5)
    assert row.right == "from four regions, then a"


def test_tag_query_uses_patterns_and_excludes(tmp_path: Path) -> None:
    (tmp_path / "codebook.toml").write_bytes(
        Path(__file__).parents[1].joinpath("codebook/data/mini.toml").read_bytes()
    )
    corpus = Corpus(tmp_path)
    corpus.statements_path.touch()
    corpus.append(
        [Statement.create(speaker="x", date="2024", text="The minerals deal, then a deal.", added_at="t")]
    )
    got = list(kwic(corpus, "@peace_deal", window=2))
    assert [(r.left, r.match, r.tag, r.pattern) for r in got] == [("then a", "deal", "peace_deal", "deal")]


def test_tag_query_with_explicit_codebook(mini_corpus) -> None:
    path, _ = mini_corpus
    codebook = load_codebook(path / "codebook.toml")
    assert [r.match for r in kwic(Corpus(path), "@ceasefire", codebook=codebook)] == ["truce", "truce"]


@pytest.mark.parametrize(
    ("query", "error", "message"),
    [
        (
            "@unknown_tag",
            NotFoundError,
            "no tag 'unknown_tag' in codebook 'mini' (known tags: ceasefire, peace_deal)",
        ),
        ("peace ~0 deal", PatternError, "a gap must be ~1 to ~10 at column 7 of 'peace ~0 deal'"),
        ("cease-*", PatternError, "empty word around a hyphen at column 7 of 'cease-*'"),
    ],
)
def test_bad_queries(mini_corpus, query: str, error: type, message: str) -> None:
    with pytest.raises(error) as info:
        rows(mini_corpus, query)
    assert str(info.value) == message


def test_negative_window_and_tag_query_without_codebook(mini_corpus) -> None:
    with pytest.raises(ValidationError, match=r"\[window\] window must be 0 or more, got -1"):
        rows(mini_corpus, "truce", window=-1)
    with pytest.raises(ValidationError, match="names a tag but no codebook was given"):
        query_tagger("@ceasefire")


def test_kwic_columns_are_the_row_fields() -> None:
    assert KWIC_COLUMNS == tuple(f.name for f in dataclasses.fields(KwicRow))


def test_json_and_csv_formats(mini_corpus) -> None:
    got = rows(mini_corpus, "truce", window=1)
    data = json.loads("".join(iter_json(r.to_dict() for r in got)))
    assert [list(d) for d in data] == [list(KWIC_COLUMNS)] * 2
    assert data[0]["tag"] is None and data[0]["match"] == "truce"
    buf = io.StringIO()
    write_csv((r.to_dict() for r in got), KWIC_COLUMNS, buf)
    lines = buf.getvalue().splitlines()
    assert lines[0] == ",".join(KWIC_COLUMNS)
    assert lines[1].endswith(",2024,A,truce,. Then,2,7,,truce")
