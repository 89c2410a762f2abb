"""Rendering candidates: the review table, empty outputs, the rows and columns of the data formats."""

from __future__ import annotations

import io
from dataclasses import fields

from rhetoric.extract.candidate import Candidate
from rhetoric.extract.render import CANDIDATE_COLUMNS, NO_CANDIDATES, candidate_rows, candidates_table
from rhetoric.output.spec import COMMAND_TABLES, TYPES, own_columns
from rhetoric.output.write import write_rows

LONG = "a" * 100
CAND = Candidate(
    "Olaf Scholz",
    "Scholz",
    LONG,
    "paraphrase",
    "2025-03",
    "before",
    0,
    100,
    "insisted",
    0.68,
    speaker_known=False,
)


def test_table_marks_unknown_speakers_and_shortens_text() -> None:
    header, row = candidates_table([CAND]).splitlines()
    assert header.split() == ["#", "speaker", "date", "qual", "kind", "conf", "cue", "text"]
    assert "Olaf Scholz (?)" in row and "2025-03" in row and "before" in row and "0.68" in row
    assert row.endswith("a" * 79 + "…")


def test_empty_table() -> None:
    assert candidates_table([]) == NO_CANDIDATES


def test_columns_are_the_specs_and_every_candidate_field() -> None:
    assert CANDIDATE_COLUMNS == own_columns("extract")
    assert sorted(CANDIDATE_COLUMNS) == sorted(f.name for f in fields(Candidate))
    assert all(c.type in TYPES and c.meaning.strip() for c in COMMAND_TABLES["extract"])


def test_csv_header_first_columns() -> None:
    out = io.StringIO(newline="")
    assert write_rows(candidate_rows([]), CANDIDATE_COLUMNS, "csv", out) == 0
    assert out.getvalue().startswith(
        "speaker,speaker_as_written,kind,date,date_qualifier,start,end,cue,confidence,text"
    )


def test_rows_keep_native_values() -> None:
    (row,) = candidate_rows([CAND])
    assert (row["confidence"], row["speaker_known"], row["position"]) == (0.68, False, 0)
    out = io.StringIO(newline="")
    write_rows([row], CANDIDATE_COLUMNS, "csv", out)
    assert out.getvalue().splitlines()[1].endswith(",false,,0")
