"""Each verdict rule on hand-built readings (so the rule, not the reader, is tested) and on sentences."""

from __future__ import annotations

import pytest

from rhetoric.records import Frame, Mention, Stance, StatementAnalysis
from rhetoric.shifts.compare import compare
from rhetoric.shifts.model import ChangeEvent, EventType, Verdict
from rhetoric.shifts.verdict import decide

SPEAKER = "x"


def reading(
    text: str,
    marks: list[tuple[str, str]],
    frames: list[tuple[tuple[str, ...], tuple[str, ...], str, str]] = (),
    stances: list[tuple[str, str]] = (),
) -> StatementAnalysis:
    """Readings given by hand: mentions at phrases, frames (outcomes, conditions, polarity, modality)
    and the speaker's stances."""
    mentions = []
    for tag, phrase in marks:
        start = text.lower().index(phrase.lower())
        mentions.append(Mention(tag, start, start + len(phrase), phrase, 0, phrase))
    fr = tuple(
        Frame(None, 0, f"f{i}", SPEAKER, "", o, c, "if", polarity=p, modality=m, start=0, end=len(text))
        for i, (o, c, p, m) in enumerate(frames)
    )
    st = tuple(Stance(None, tag, value, (SPEAKER,), 0, len(text)) for tag, value in stances)
    return StatementAnalysis(text, tuple(mentions), fr, st)


TRUCE = ("ceasefire", "truce")
TALKS = ("negotiations", "talks")
AID = ("military_aid", "weapons")
SWAP = ("prisoners", "prisoner swap")


def test_rule1_no_position_when_a_side_only_mentions() -> None:
    a = reading("The truce was discussed at length.", [TRUCE])
    b = reading("We want a truce now.", [TRUCE], stances=[("ceasefire", "support")])
    shift = compare(a, b, speaker=SPEAKER)
    assert shift.verdict is Verdict.NO_POSITION
    assert shift.reasons == ("rule 1: the earlier side states no position on any item",)


def test_rule1_no_position_never_unchanged_for_two_bare_mentions() -> None:
    a = reading("Reporters asked about the truce.", [TRUCE])
    b = reading("The truce came up again.", [TRUCE])
    assert compare(a, b, speaker=SPEAKER).verdict is Verdict.NO_POSITION


def test_rule1_going_from_nothing_to_a_frame_is_not_hardened() -> None:
    a = reading("Talks were mentioned.", [TALKS])
    b = reading(
        "No talks unless the weapons stop.",
        [TALKS, AID],
        [(("negotiations",), ("military_aid",), "negated", "firm")],
    )
    assert compare(a, b, speaker=SPEAKER).verdict is Verdict.NO_POSITION


def test_rule2_stated_stance_flipped_is_reversed() -> None:
    a = reading("We back the truce.", [TRUCE], stances=[("ceasefire", "support")])
    b = reading("We reject any truce.", [TRUCE], stances=[("ceasefire", "oppose")])
    shift = compare(a, b, speaker=SPEAKER)
    assert shift.verdict is Verdict.REVERSED
    assert [(c.tag, c.from_, c.to) for c in shift.stance_changes] == [("ceasefire", "support", "oppose")]


def test_rule2_needs_a_stated_stance_not_a_frame_reading() -> None:
    # A demand ("talks only if …": condition, support) then talks offered as an outcome is no flip.
    a = reading(
        "A truce only if talks start.",
        [TRUCE, TALKS],
        [(("ceasefire",), ("negotiations",), "affirmed", "neutral")],
    )
    b = reading(
        "Talks only if the truce holds.",
        [TALKS, TRUCE],
        [(("negotiations",), ("ceasefire",), "affirmed", "neutral")],
    )
    assert compare(a, b, speaker=SPEAKER).verdict is not Verdict.REVERSED


def test_rule3_same_positions_are_unchanged() -> None:
    a = reading("We back the truce.", [TRUCE], stances=[("ceasefire", "support")])
    b = reading("We still back the truce.", [TRUCE], stances=[("ceasefire", "support")])
    shift = compare(a, b, speaker=SPEAKER)
    assert (shift.verdict, shift.kept, shift.events) == (Verdict.UNCHANGED, ("ceasefire",), ())


def test_rule3_a_supported_item_taken_up_beside_a_kept_one_is_unchanged() -> None:
    a = reading("We back the truce.", [TRUCE], stances=[("ceasefire", "support")])
    b = reading(
        "We back the truce and talks.",
        [TRUCE, TALKS],
        stances=[("ceasefire", "support"), ("negotiations", "support")],
    )
    shift = compare(a, b, speaker=SPEAKER)
    assert (shift.verdict, shift.added, shift.kept) == (Verdict.UNCHANGED, ("negotiations",), ("ceasefire",))


def test_rule3_one_item_swapped_for_another_is_not_unchanged() -> None:
    a = reading(
        "We back the truce and a prisoner swap.",
        [TRUCE, SWAP],
        stances=[("ceasefire", "support"), ("prisoners", "support")],
    )
    b = reading(
        "We back the truce and talks.",
        [TRUCE, TALKS],
        stances=[("ceasefire", "support"), ("negotiations", "support")],
    )
    shift = compare(a, b, speaker=SPEAKER)
    assert (shift.added, shift.dropped) == (("negotiations",), ("prisoners",))
    assert shift.verdict is Verdict.REFRAMED


@pytest.mark.parametrize(
    ("before", "after", "verdict"),
    [
        ("open", "firm", Verdict.HARDENED),
        ("firm", "open", Verdict.SOFTENED),
        ("firm", "hypothetical", Verdict.SOFTENED),
        ("firm", "firm", Verdict.UNCHANGED),
        ("neutral", "firm", Verdict.UNCHANGED),  # no marker is unknown commitment, not a soft one
    ],
)
def test_rule4_commitment_alone_moves_the_verdict(before: str, after: str, verdict: Verdict) -> None:
    frame = (("ceasefire",), ("negotiations",), "affirmed")
    a = reading("A truce if talks start.", [TRUCE, TALKS], [(*frame, before)])
    b = reading("A truce if talks start.", [TRUCE, TALKS], [(*frame, after)])
    assert compare(a, b, speaker=SPEAKER).verdict is verdict


def test_rule4_condition_dropped_softens_and_added_hardens() -> None:
    one = reading(
        "A truce if talks start.",
        [TRUCE, TALKS],
        [(("ceasefire",), ("negotiations",), "affirmed", "neutral")],
    )
    two = reading(
        "A truce if talks start and weapons stop.",
        [TRUCE, TALKS, AID],
        [(("ceasefire",), ("negotiations", "military_aid"), "affirmed", "neutral")],
    )
    assert compare(one, two, speaker=SPEAKER).verdict is Verdict.HARDENED
    down = compare(two, one, speaker=SPEAKER)
    assert (down.verdict, down.conditions_dropped) == (Verdict.SOFTENED, ("military_aid",))


def test_rule4_condition_demanded_before_is_not_new() -> None:
    # Talks were already wanted; making them the condition of a truce adds no demand.
    a = reading("We want talks.", [TALKS], stances=[("negotiations", "support")])
    b = reading(
        "A truce if talks start.",
        [TRUCE, TALKS],
        [(("ceasefire",), ("negotiations",), "affirmed", "neutral")],
    )
    assert compare(a, b, speaker=SPEAKER).conditions_added == ()


def test_rule5_more_conditions_added_than_dropped_hardens() -> None:
    a = reading(
        "A truce if talks start.",
        [TRUCE, TALKS],
        [(("ceasefire",), ("negotiations",), "affirmed", "neutral")],
    )
    b = reading(
        "A truce if weapons stop and a prisoner swap happens.",
        [TRUCE, AID, SWAP],
        [(("ceasefire",), ("military_aid", "prisoners"), "affirmed", "neutral")],
    )
    shift = compare(a, b, speaker=SPEAKER)
    assert shift.verdict is Verdict.HARDENED and shift.reasons[0].startswith("rule 5")


def test_rule5_one_condition_for_another_is_reframed() -> None:
    a = reading(
        "A truce if talks start.",
        [TRUCE, TALKS],
        [(("ceasefire",), ("negotiations",), "affirmed", "neutral")],
    )
    b = reading(
        "A truce if weapons stop.", [TRUCE, AID], [(("ceasefire",), ("military_aid",), "affirmed", "neutral")]
    )
    assert compare(a, b, speaker=SPEAKER).verdict is Verdict.REFRAMED


def test_rule6_only_the_outcome_changed_is_reframed() -> None:
    a = reading(
        "A truce if talks start.",
        [TRUCE, TALKS],
        [(("ceasefire",), ("negotiations",), "affirmed", "neutral")],
    )
    b = reading(
        "A prisoner swap if talks start.",
        [SWAP, TALKS],
        [(("prisoners",), ("negotiations",), "affirmed", "neutral")],
    )
    shift = compare(a, b, speaker=SPEAKER)
    assert shift.verdict is Verdict.REFRAMED and shift.reasons[0].startswith("rule 6")


def test_a_demand_against_an_item_is_a_condition_against_it() -> None:
    # "Talks only if Kyiv gives up the weapons": the weapons are a condition the speaker opposes.
    a = reading(
        "Talks only if Kyiv gives up the weapons.",
        [TALKS, AID],
        [(("negotiations",), ("military_aid",), "affirmed", "firm")],
        stances=[("military_aid", "oppose")],
    )
    shift = compare(a, a, speaker=SPEAKER)
    state = dict((t, s) for t, s, _ in shift.tags)["military_aid"]
    assert (state.role.value, state.stance, state.commitment) == ("condition", "oppose", "firm")


@pytest.mark.parametrize(
    ("events", "stated", "verdict"),
    [
        ([], (True, True), Verdict.UNCHANGED),
        ([EventType.CONDITION_DROPPED], (True, False), Verdict.NO_POSITION),
        ([], (False, False), Verdict.NO_POSITION),
        ([EventType.STANCE_REVERSED, EventType.CONDITION_ADDED], (True, True), Verdict.REVERSED),
        ([EventType.ITEM_TAKEN_UP], (True, True), Verdict.UNCHANGED),
        ([EventType.ITEM_TAKEN_UP, EventType.ITEM_LET_GO], (True, True), Verdict.REFRAMED),
        ([EventType.SOFTENED], (True, True), Verdict.SOFTENED),
        (
            [EventType.CONDITION_ADDED, EventType.CONDITION_ADDED, EventType.CONDITION_DROPPED],
            (True, True),
            Verdict.HARDENED,
        ),
        ([EventType.CONDITION_DROPPED, EventType.HARDENED, EventType.SOFTENED], (True, True), Verdict.MIXED),
    ],
)
def test_decide_table(events, stated, verdict) -> None:
    assert decide([ChangeEvent(t, "t", "", (), ()) for t in events], stated=stated)[0] is verdict


def test_decide_nothing_kept_and_no_signal_is_reframed() -> None:
    assert decide([ChangeEvent(EventType.ITEM_TAKEN_UP, "t", "", (), ())], kept=())[0] is Verdict.REFRAMED


# The same rules on sentences read by the pipeline.


def test_sentences_firm_refusal_then_readiness_softens(stmt) -> None:
    a = stmt(
        "x",
        "2023",
        "There will be no ceasefire until the occupiers withdraw.",
        [("ceasefire", "ceasefire"), ("withdrawal", "occupiers withdraw")],
    )
    b = stmt(
        "x",
        "2024",
        "We could accept a ceasefire if the occupiers withdraw.",
        [("ceasefire", "ceasefire"), ("withdrawal", "occupiers withdraw")],
    )
    shift = compare(a, b)
    assert shift.verdict is Verdict.SOFTENED
    assert "withdrawal" in shift.kept


def test_sentences_a_bare_remark_has_no_position(stmt) -> None:
    a = stmt(
        "x",
        "2023",
        "Talks must start only after a full withdrawal.",
        [("negotiations", "Talks"), ("withdrawal", "full withdrawal")],
    )
    b = stmt("x", "2024", "He spoke to reporters about the talks in Geneva.", [("negotiations", "talks")])
    assert compare(a, b).verdict is Verdict.NO_POSITION
