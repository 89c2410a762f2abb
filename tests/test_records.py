"""Tests for rhetoric.records, rhetoric.dates and rhetoric.errors."""

from __future__ import annotations

import pytest

from rhetoric.dates import PartialDate
from rhetoric.errors import ValidationError
from rhetoric.records import Mention, Stance, Statement, statement_id
from rhetoric.types import Polarity, Precision, StanceValue


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("2024", Precision.YEAR),
        ("2024-12", Precision.MONTH),
        ("2024-12-01", Precision.DAY),
        ("2024-02-29", Precision.DAY),
    ],
)
def test_partial_date_precision(text: str, precision: Precision) -> None:
    d = PartialDate.parse(text)
    assert d.precision is precision
    assert str(d) == text


@pytest.mark.parametrize("text", ["2024-13-01", "24/11/2024", "2023-02-29", "2024-1", "", "2024-00"])
def test_partial_date_rejects(text: str) -> None:
    with pytest.raises(ValidationError, match="invalid date"):
        PartialDate.parse(text)


def test_before_sorts_before_dated_statements_in_its_period() -> None:
    before = PartialDate.parse("2024-12").sort_key("before")
    month = PartialDate.parse("2024-12").sort_key("")
    day = PartialDate.parse("2024-12-01").sort_key("")
    assert before < month < day or before < day


def test_statement_id_is_stable_under_whitespace_and_case() -> None:
    assert statement_id("zelensky", "2024-12-01", "NATO  is\nnecessary") == statement_id(
        "Zelensky", "2024-12-01", "nato is necessary"
    )


def test_statement_rejects_unknown_key_by_name() -> None:
    s = Statement.create(speaker="putin", date="2024", text="x")
    with pytest.raises(ValidationError, match="unknown key\\(s\\): colour"):
        Statement.from_dict({**s.to_dict(), "colour": "red"})


def test_statement_rejects_tampered_id() -> None:
    s = Statement.create(speaker="putin", date="2024", text="x")
    with pytest.raises(ValidationError, match="does not match the content"):
        Statement.from_dict({**s.to_dict(), "text": "y"})


@pytest.mark.parametrize("position", [None, 0, 7])
def test_position_round_trips(position) -> None:
    s = Statement.create(speaker="nato", date="2024", text="x", position=position)
    d = s.to_dict()
    assert ("position" in d) == (position is not None)
    assert Statement.from_dict(d) == s and s.position == position


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-1, "must be >= 0, got -1"),
        ("1", "must be an integer, got str"),
        (1.0, "must be an integer, got float"),
        (False, "must be an integer, got bool"),
    ],
)
def test_bad_position_is_rejected(value, message) -> None:
    d = {**Statement.create(speaker="nato", date="2024", text="x").to_dict(), "position": value}
    with pytest.raises(ValidationError) as info:
        Statement.from_dict(d)
    assert info.value.field == "position" and message in info.value.message


@pytest.mark.parametrize("polarity", [Polarity.AFFIRMED, Polarity.NEGATED])
@pytest.mark.parametrize("statement_id", [None, "s1"])
def test_fast_mention_equals_the_constructor(polarity: Polarity, statement_id: str | None) -> None:
    from dataclasses import asdict, fields

    fast = Mention.typed("talks", 3, 8, "Talks", 1, "talks", statement_id, polarity)
    slow = Mention("talks", 3, 8, "Talks", 1, "talks", statement_id, polarity=polarity)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert asdict(fast) == asdict(slow) and fast.to_dict() == slow.to_dict()
    # Same instance state in the same order (pickles alike); a new Mention field fails here.
    assert list(vars(fast).items()) == list(vars(slow).items())
    assert list(vars(fast)) == [f.name for f in fields(Mention)]


@pytest.mark.parametrize("value", list(StanceValue))
@pytest.mark.parametrize("statement_id", [None, "s1"])
def test_fast_stance_equals_the_constructor(value: StanceValue, statement_id: str | None) -> None:
    from dataclasses import asdict, fields

    fast = Stance.typed(statement_id, "talks", value, ("kyiv", "nato"), 3, 8, 1, "calls for")
    slow = Stance(statement_id, "talks", value.value, ("kyiv", "nato"), 3, 8, sentence=1, cue="calls for")
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert fast.stance is value and slow.stance is value
    assert asdict(fast) == asdict(slow) and fast.to_dict() == slow.to_dict()
    # Same instance state in the same order (pickles alike); a new Stance field fails here.
    assert list(vars(fast).items()) == list(vars(slow).items())
    assert list(vars(fast)) == [f.name for f in fields(Stance)]
