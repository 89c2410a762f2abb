"""Rendering candidates: table layout, empty outputs, unknown formats."""

from __future__ import annotations

import pytest

from rhetoric.errors import ValidationError
from rhetoric.extract.candidate import Candidate
from rhetoric.extract.render import NO_CANDIDATES, render_candidates

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
    header, row = render_candidates([CAND], "table").splitlines()
    assert header.split() == ["#", "speaker", "date", "qual", "kind", "conf", "cue", "text"]
    assert "Olaf Scholz (?)" in row and "2025-03" in row and "before" in row and "0.68" in row
    assert row.endswith("a" * 79 + "…")


@pytest.mark.parametrize(("fmt", "empty"), [("table", NO_CANDIDATES), ("json", "[]")])
def test_empty(fmt: str, empty: str) -> None:
    assert render_candidates([], fmt) == empty


def test_csv_header_first_columns() -> None:
    header = render_candidates([], "csv")
    assert header.startswith(
        "speaker,speaker_as_written,kind,date,date_qualifier,start,end,cue,confidence,text"
    )


def test_unknown_format() -> None:
    with pytest.raises(ValidationError, match="unknown format 'xml'"):
        render_candidates([CAND], "xml")
