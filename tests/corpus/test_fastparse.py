"""The fast path agrees with the full validator: same statement or a deferral, never a different answer."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rhetoric.corpus.fastparse import fast_statement, fast_statement_id
from rhetoric.corpus.store import encode_statement
from rhetoric.errors import ValidationError
from rhetoric.records import Statement, statement_id


@pytest.mark.parametrize(
    "text",
    [
        "plain words",
        " leading",
        "trailing ",
        "double  space",
        "tab\there",
        "new\nline",
        "\x1cfile sep",
        "Kyïv",
        "ŞTRASSE ß",
        "ﬁ ligature",
        "K\u212a",
        "A\u0301 combining",
        "x",
    ],
)
def test_fast_id_equals_reference(text: str) -> None:
    for speaker in ("Putin", " zelensky ", "Zelenskyy’s"):
        assert fast_statement_id(speaker, "2024-12", text) == statement_id(speaker, "2024-12", text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(min_size=1, max_size=20))
def test_fast_id_property(text: str, speaker: str) -> None:
    assert fast_statement_id(speaker, "2024", text) == statement_id(speaker, "2024", text)


def _full(raw: bytes) -> Statement | None:
    try:
        return Statement.from_dict(json.loads(raw))
    except (ValidationError, ValueError):
        return None


BASE = Statement.create(
    speaker="nato", date="2024-12", text="Not until the war is over.", added_at="t"
).to_dict()


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"kind": ""},
        {"kind": "quote"},
        {"speaker_as_written": ""},
        {"date": "2024-12 "},
        {"date": "2024-13"},
        {"note": None},
        {"note": 5},
        {"text": "   "},
        {"speaker": " nato"},
        {"date_qualifier": "about"},
        {"id": "s-000000000000"},
    ],
)
def test_fast_path_never_disagrees(change: dict) -> None:
    raw = json.dumps({**BASE, **change}, ensure_ascii=False).encode()
    fast, full = fast_statement(raw), _full(raw)
    assert fast is None or fast == full
    if not change:
        assert fast == full == Statement(**BASE)


def test_canonical_lines_take_the_fast_path() -> None:
    s = Statement.create(speaker="Zelenskyy", date="2024-12-01", text="Kyïv  “quoted”\n", added_at="t")
    assert fast_statement(encode_statement(s)) == s
