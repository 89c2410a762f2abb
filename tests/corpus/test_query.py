"""Tests for rhetoric.corpus.query: filtered listing, lookup and the DataFrame loader."""

from __future__ import annotations

import pandas as pd
import pytest

from rhetoric.corpus import Corpus, add_statements, get_statement, list_statements, load_statements_frame
from rhetoric.corpus import query as query_module
from rhetoric.errors import CorpusError, NotFoundError, ValidationError
from rhetoric.records import STATEMENT_FIELDS


def _speakers(corpus: Corpus, **filters) -> list[str]:
    return [s.speaker for s in list_statements(corpus, **filters)]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (dict(speaker="Zelenskyy"), ["zelensky"] * 3),
        (dict(speaker="the Ukrainian president", limit=1), ["zelensky"]),
        (dict(speaker="Kiev"), ["ukraine"]),
        (dict(speaker="Nobody"), []),
        (dict(kind="reported"), ["france", "uk"]),
        (dict(until="2022"), ["ukraine"]),
        (
            dict(since="2024-12-02"),
            "le_monde le_monde_diplomat france uk trump kellogg nato putin russia zelensky zelensky".split(),
        ),
        (dict(contains="CEASE-FIRE"), ["zelensky"]),
        (dict(contains="country’s survival"), ["zelensky"]),
        (dict(speaker="zelensky", kind="direct", since="2024-12-01", until="2024-12-01"), ["zelensky"] * 2),
        (dict(limit=0), []),
    ],
)
def test_list_filters(seed_copy: Corpus, filters: dict, expected: list[str]) -> None:
    assert _speakers(seed_copy, **filters) == expected  # in file order


def test_since_until_overlap_imprecise_dates(corpus: Corpus) -> None:
    add_statements(
        corpus,
        [
            {"speaker": "nato", "date": "2024", "text": "year"},
            {"speaker": "nato", "date": "2024-06", "text": "month"},
            {"speaker": "nato", "date": "2024-06-15", "text": "day"},
            {"speaker": "nato", "date": "2025-01-01", "text": "later"},
        ],
    )
    assert [s.text for s in list_statements(corpus, since="2024-06-10", until="2024-06-20")] == [
        "year",
        "month",
        "day",
    ]
    assert [s.text for s in list_statements(corpus, since="2025")] == ["later"]


def test_contains_prefilter_keeps_non_ascii_case_folds(corpus: Corpus) -> None:
    # KELVIN SIGN lower-cases to ASCII "k": the byte prefilter must not drop it.
    add_statements(corpus, [{"speaker": "nato", "date": "2024", "text": "300 \u212a"}])
    assert [s.text for s in list_statements(corpus, contains="300 k")] == ["300 \u212a"]


def test_list_finds_lines_across_block_boundaries(corpus: Corpus, monkeypatch) -> None:
    monkeypatch.setattr(query_module, "_BLOCK", 64)
    rows = [{"speaker": ["nato", "putin"][i % 2], "date": "2024", "text": f"n{i}"} for i in range(30)]
    add_statements(corpus, rows)
    assert [s.text for s in list_statements(corpus, speaker="putin")] == [f"n{i}" for i in range(1, 30, 2)]
    assert len(list(list_statements(corpus))) == 30


def test_list_reports_a_bad_line_with_its_number(corpus: Corpus, monkeypatch) -> None:
    monkeypatch.setattr(query_module, "_BLOCK", 64)
    add_statements(corpus, [{"speaker": "nato", "date": "2024", "text": f"n{i}"} for i in range(5)])
    with corpus.statements_path.open("ab") as fh:
        fh.write(b'{"id": "x", "speaker": "nato"\n')
    with pytest.raises(ValidationError, match=r"statements\.jsonl:6: malformed JSON"):
        list(list_statements(corpus, speaker="nato"))


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (dict(since="12/2024"), r"\[since\] invalid date '12/2024'"),
        (dict(until="2024-13"), r"\[until\] invalid date"),
        (dict(kind="quote"), r"\[kind\] unknown kind 'quote'"),
        (dict(limit=-1), r"\[limit\] limit must be 0 or more"),
    ],
)
def test_list_rejects_bad_filters(seed_copy: Corpus, filters: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        list(list_statements(seed_copy, **filters))


def test_get_statement(seed_copy: Corpus) -> None:
    first = seed_copy.statements()[0]
    assert get_statement(seed_copy, f"  {first.id} ") == first
    with pytest.raises(NotFoundError, match=r"no statement with id 's-000000000000' \(list ids with"):
        get_statement(seed_copy, "s-000000000000")


def test_frame_matches_statements(seed_copy: Corpus) -> None:
    frame = load_statements_frame(seed_copy)
    assert list(frame.columns) == list(STATEMENT_FIELDS)
    expected = pd.DataFrame([s.to_dict() for s in seed_copy.statements()])
    assert frame.astype(object).equals(expected.astype(object))


def test_frame_of_empty_corpus(bare_corpus: Corpus) -> None:
    frame = load_statements_frame(bare_corpus)
    assert len(frame) == 0 and list(frame.columns) == list(STATEMENT_FIELDS)


def test_frame_of_broken_corpus_says_run_validate(corpus: Corpus) -> None:
    corpus.statements_path.write_text('{"id": "s-1", "colour": "red"}\n')
    with pytest.raises(CorpusError, match="run `rhetoric validate`"):
        load_statements_frame(corpus)
