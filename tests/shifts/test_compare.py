"""Shifts between statements: events, lists and the verdict rule set, on many shapes of change."""

from __future__ import annotations

import pytest

from rhetoric.shifts.compare import compare
from rhetoric.shifts.model import EventType, Verdict

OPPOSITES = (("borders_1991", "territorial_concession"), ("neutrality", "nato_membership"))


def test_seed_shape_softened(stmt) -> None:
    a = stmt(
        "zelensky",
        "2024-06",
        "Peace negotiations are not possible until Russia carries out a complete "
        "withdrawal and restores the 1991 borders.",
        [
            ("negotiations", "Peace negotiations"),
            ("withdrawal", "complete withdrawal"),
            ("borders_1991", "1991 borders"),
        ],
    )
    b = stmt(
        "zelensky",
        "2024-11",
        "He opened up to agreeing to a cease-fire – as long as NATO membership can be guaranteed.",
        [("ceasefire", "cease-fire"), ("nato_membership", "NATO membership")],
    )
    shift = compare(a, b)
    assert set(shift.dropped) >= {"withdrawal", "borders_1991"}
    assert set(shift.added) >= {"nato_membership"}
    assert (shift.outcome_from, shift.outcome_to) == (("negotiations",), ("ceasefire",))
    assert (shift.modality_from, shift.modality_to) == ("firm", "open")
    assert shift.verdict is Verdict.SOFTENED
    kinds = {(e.type, e.tag) for e in shift.events}
    assert (EventType.CONDITION_DROPPED, "withdrawal") in kinds
    assert (EventType.CONDITION_ADDED, "nato_membership") in kinds
    dropped = next(e for e in shift.events if e.type is EventType.CONDITION_DROPPED and e.tag == "withdrawal")
    assert [ev.text for ev in dropped.evidence_from] == ["complete withdrawal"]
    d = shift.to_dict()
    assert (d["from"], d["to"]) == (a.statement.id, b.statement.id)
    assert {"type", "tag", "evidence"} <= set(d["events"][0])


def test_conditions_dropped_to_without_preconditions(stmt) -> None:
    a = stmt(
        "putin",
        "2023",
        "Talks are only possible if Kyiv recognises the new territorial realities.",
        [("negotiations", "Talks"), ("territorial_concession", "new territorial realities")],
    )
    b = stmt(
        "putin",
        "2024",
        "We are ready for negotiations without any preconditions.",
        [("negotiations", "negotiations")],
    )
    shift = compare(a, b)
    assert shift.dropped == ("territorial_concession",)
    assert EventType.BECAME_UNCONDITIONAL in {e.type for e in shift.events}
    assert shift.verdict is Verdict.SOFTENED


def test_attaching_conditions_hardens(stmt) -> None:
    a = stmt("x", "2023", "We are ready for talks without preconditions.", [("negotiations", "talks")])
    b = stmt(
        "x",
        "2024",
        "Talks are impossible until all troops withdraw.",
        [("negotiations", "Talks"), ("withdrawal", "troops withdraw")],
    )
    shift = compare(a, b)
    assert shift.added == ("withdrawal",)
    assert shift.verdict is Verdict.HARDENED


def test_reversal_from_conceding_territory_to_restoring_borders(stmt) -> None:
    a = stmt(
        "x",
        "2022-03",
        "We could accept territorial concessions in exchange for a ceasefire.",
        [("territorial_concession", "territorial concessions"), ("ceasefire", "ceasefire")],
    )
    b = stmt(
        "x",
        "2023-01",
        "A ceasefire is impossible until Ukraine restores its 1991 borders.",
        [("ceasefire", "ceasefire"), ("borders_1991", "1991 borders")],
    )
    shift = compare(a, b, opposites=OPPOSITES)
    assert shift.verdict is Verdict.REVERSED
    assert any(
        e.type is EventType.STANCE_REVERSED and e.tag == "territorial_concession" for e in shift.events
    )


def test_neutrality_replaced_by_nato_demand(stmt) -> None:
    a = stmt(
        "x",
        "2022-03",
        "We are ready to discuss neutral status in exchange for security guarantees.",
        [("neutrality", "neutral status"), ("security_guarantees", "security guarantees")],
    )
    b = stmt(
        "x",
        "2024-11",
        "Security guarantees are impossible until Ukraine joins NATO.",
        [("security_guarantees", "Security guarantees"), ("nato_membership", "joins NATO")],
    )
    without = compare(a, b)
    # Without declared opposites: a new condition, a firmer, negated tone, and a tag that changed role.
    assert without.verdict is Verdict.HARDENED
    assert without.role_changes == (("security_guarantees", "condition", "outcome"),)
    assert compare(a, b, opposites=OPPOSITES).verdict is Verdict.REVERSED


def test_explicit_stance_flip_to_oppose_hardens(stmt) -> None:
    a = stmt("x", "2023", "We support sanctions on Russian oil.", [("sanctions", "sanctions")])
    b = stmt("x", "2024", "We reject sanctions on Russian oil.", [("sanctions", "sanctions")])
    shift = compare(a, b)
    assert [c.to_dict() for c in shift.stance_changes] == [
        {"tag": "sanctions", "from": "support", "to": "oppose"}
    ]
    assert shift.verdict is Verdict.HARDENED
    assert compare(b, a).verdict is Verdict.SOFTENED


def test_same_position_is_unchanged(stmt) -> None:
    text = "No ceasefire without security guarantees."
    marks = [("ceasefire", "ceasefire"), ("security_guarantees", "security guarantees")]
    shift = compare(stmt("x", "2023", text, marks), stmt("x", "2024", text + " ", marks))
    assert (shift.events, shift.verdict, shift.kept) == ((), Verdict.UNCHANGED, ("ceasefire", "security_guarantees"))


def test_condition_substituted_without_tone_change_is_reframed(stmt) -> None:
    a = stmt(
        "x",
        "2023",
        "A ceasefire requires the return of prisoners.",
        [("ceasefire", "ceasefire"), ("prisoners", "prisoners")],
    )
    b = stmt(
        "x",
        "2024",
        "A ceasefire requires security guarantees.",
        [("ceasefire", "ceasefire"), ("security_guarantees", "security guarantees")],
    )
    shift = compare(a, b)
    assert (shift.added, shift.dropped, shift.verdict) == (
        ("security_guarantees",),
        ("prisoners",),
        Verdict.REFRAMED,
    )


def test_firmer_tone_with_a_dropped_condition_is_mixed(stmt) -> None:
    a = stmt(
        "x",
        "2023",
        "We could sign a peace deal once prisoners are exchanged and sanctions are lifted.",
        [("peace_deal", "peace deal"), ("prisoners", "prisoners"), ("sanctions", "sanctions")],
    )
    b = stmt(
        "x",
        "2024",
        "We will never sign a peace deal until prisoners are exchanged.",
        [("peace_deal", "peace deal"), ("prisoners", "prisoners")],
    )
    shift = compare(a, b)
    assert shift.dropped == ("sanctions",)
    assert shift.verdict is Verdict.HARDENED  # tone (open→firm, affirmed→negated) decides rule 5


def test_only_outcome_changed_is_reframed(stmt) -> None:
    a = stmt(
        "x",
        "2023",
        "Talks are possible once troops withdraw.",
        [("negotiations", "Talks"), ("withdrawal", "troops withdraw")],
    )
    b = stmt(
        "x",
        "2024",
        "A truce is possible once troops withdraw.",
        [("ceasefire", "truce"), ("withdrawal", "troops withdraw")],
    )
    shift = compare(a, b)
    assert (shift.outcome_from, shift.outcome_to, shift.verdict) == (
        ("negotiations",),
        ("ceasefire",),
        Verdict.REFRAMED,
    )


def test_sets_aggregate_each_side(stmt) -> None:
    early = [
        stmt(
            "x",
            "2022-01",
            "No talks until troops withdraw.",
            [("negotiations", "talks"), ("withdrawal", "troops withdraw")],
        ),
        stmt(
            "x",
            "2022-05",
            "No talks until borders are restored to 1991.",
            [("negotiations", "talks"), ("borders_1991", "borders are restored to 1991")],
        ),
    ]
    late = [
        stmt(
            "x",
            "2024-01",
            "Talks could start once prisoners are freed.",
            [("negotiations", "Talks"), ("prisoners", "prisoners")],
        )
    ]
    shift = compare(early, late)
    assert set(shift.dropped) == {"withdrawal", "borders_1991"}
    assert shift.to_dict()["from"] == [a.statement.id for a in early]
    assert shift.verdict is Verdict.SOFTENED


@pytest.mark.parametrize(
    ("events", "verdict"),
    [
        ([], Verdict.UNCHANGED),
        ([EventType.STANCE_REVERSED, EventType.CONDITION_DROPPED], Verdict.REVERSED),
        ([EventType.CONDITION_DROPPED, EventType.SOFTENED], Verdict.SOFTENED),
        ([EventType.CONDITION_ADDED, EventType.HARDENED], Verdict.HARDENED),
        ([EventType.CONDITION_ADDED, EventType.CONDITION_DROPPED], Verdict.REFRAMED),
        ([EventType.CONDITION_ADDED, EventType.CONDITION_DROPPED, EventType.LESS_FIRM], Verdict.SOFTENED),
        (
            [EventType.CONDITION_ADDED, EventType.CONDITION_DROPPED, EventType.SOFTENED, EventType.HARDENED],
            Verdict.REFRAMED,
        ),
        ([EventType.ROLE_CHANGED], Verdict.REFRAMED),
        ([EventType.CONDITION_DROPPED, EventType.FIRMER], Verdict.SOFTENED),
        ([EventType.CONDITION_DROPPED, EventType.HARDENED, EventType.FIRMER], Verdict.HARDENED),
        ([EventType.CONDITION_DROPPED, EventType.CONDITION_ADDED, EventType.FIRMER], Verdict.HARDENED),
        ([EventType.BECAME_UNCONDITIONAL], Verdict.SOFTENED),
        ([EventType.OUTCOME_CHANGED], Verdict.REFRAMED),
    ],
)
def test_verdict_rules(events, verdict) -> None:
    from rhetoric.shifts.model import ChangeEvent
    from rhetoric.shifts.verdict import decide

    assert decide([ChangeEvent(t, "tag", "", (), ()) for t in events])[0] is verdict


def test_verdict_rule_mixed() -> None:
    from rhetoric.shifts.model import ChangeEvent
    from rhetoric.shifts.verdict import decide

    events = [
        ChangeEvent(EventType.CONDITION_DROPPED, "a", "", (), ()),
        ChangeEvent(EventType.HARDENED, "", "x", (), ()),
        ChangeEvent(EventType.SOFTENED, "", "y", (), ()),
    ]
    verdict, reasons = decide(events)
    assert verdict is Verdict.MIXED and reasons[0].startswith("rule 4")


def test_a_later_remark_without_conditions_drops_nothing(stmt) -> None:
    a = stmt(
        "x",
        "2024-11",
        "A cease-fire is possible as long as NATO membership is guaranteed.",
        [("ceasefire", "cease-fire"), ("nato_membership", "NATO membership")],
    )
    b = stmt("x", "2024-12", "We renewed calls to join NATO.", [("nato_membership", "join NATO")])
    shift = compare(a, b)
    assert (shift.conditions_dropped, shift.kept, shift.verdict) == ((), ("nato_membership",), Verdict.UNCHANGED)
    assert shift.dropped == ("ceasefire",)  # an outcome no longer at stake is let go, not a softening
