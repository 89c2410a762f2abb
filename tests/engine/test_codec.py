"""The caches' codec: typed records to compact JSON and back, exactly; a wrong shape is an error."""

from __future__ import annotations

from dataclasses import dataclass

import orjson
import pytest

from rhetoric.engine.codec import decoder, encode
from rhetoric.records import Frame, Mention, Stance
from rhetoric.session import Session
from rhetoric.shifts.model import Evidence, Shift, TagRole, TagState
from rhetoric.shifts.positions import Position

from ..conftest import SEED_CORPUS


def _round(record):
    return decoder(type(record))(orjson.loads(encode(record)))


def test_every_position_and_shift_of_the_seed_round_trips() -> None:
    session = Session.open(SEED_CORPUS)
    timelines = session.corpus_analysis().timelines
    records = [r for tl in timelines for r in (*tl.positions, *tl.shifts)]
    assert any(isinstance(r, Shift) for r in records) and any(isinstance(r, Position) for r in records)
    for record in records:
        back = _round(record)
        assert back == record
        assert encode(back) == encode(record)
        if isinstance(record, Shift):
            assert back.to_dict() == record.to_dict()


@pytest.mark.parametrize(
    "record",
    [
        Mention("ceasefire", 0, 5, "truce", 0, "truce", statement_id=None, score=0.25),
        Frame("s-1", 0, "s-1#0.1", "x", "2024", ("ceasefire",), ("other",), "if", modality="open"),
        Stance("s-1", "ceasefire", "support", ("x", "y"), 0, 5),
        TagState(TagRole.CONDITION, "support", (Evidence(None, 0, 5, "truce"),), "firm", stated=True),
    ],
)
def test_records_round_trip_with_their_types(record) -> None:
    back = _round(record)
    assert back == record
    for name in record.__dataclass_fields__:
        before, after = getattr(record, name), getattr(back, name)
        # Enums and tuples come back as such (a plain string given for an enum comes back an enum).
        assert type(after) is type(before) or isinstance(before, str)


@pytest.mark.parametrize(
    ("cls", "row"),
    [
        (Evidence, ["s-1", 0, 5]),  # too short
        (Evidence, {"statement_id": "s-1"}),  # not a row
        (TagState, ["nonsense", "support", [], "none", False]),  # no such role
        (TagState, ["condition", "support", 5, "none", False]),  # evidence not a list
        (TagState, [["condition"], "support", [], "none", False]),  # an unhashable enum value
        (Shift, []),
    ],
)
def test_a_row_of_the_wrong_shape_is_an_error(cls, row) -> None:
    with pytest.raises((ValueError, TypeError)):
        decoder(cls)(row)


def test_a_type_the_codec_does_not_know_fails_when_compiled() -> None:
    @dataclass(frozen=True)
    class WithDict:
        table: dict[str, int]

    with pytest.raises(TypeError, match="cannot decode"):
        decoder(WithDict)


def test_a_decoded_record_is_made_without_init_yet_equals_and_hashes_as_one_built() -> None:
    record = Frame("s-1", 0, "s-1#0.1", "x", "2024", ("ceasefire",), ("other",), "if", modality="open")
    back = _round(record)
    assert vars(back) == vars(record) and hash(back) == hash(record)
    with pytest.raises(AttributeError):
        back.cue = "changed"  # still frozen
