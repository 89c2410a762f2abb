"""Ordered scales in shifts: moving along a scale softens or hardens, jumping end to end reverses.

Readings are built by hand (so the scale rule, not the reader, is tested), then the same on
sentences read through a codebook with a ``[[scale]]``.
"""

from __future__ import annotations

import pytest

from rhetoric.analyzer import Analyzer
from rhetoric.codebook import loads_codebook
from rhetoric.codebook.scales import Scale
from rhetoric.records import Mention, Stance, StatementAnalysis
from rhetoric.shifts.compare import compare
from rhetoric.shifts.model import EventType, Verdict
from rhetoric.tagging import Tagger

SCALE = Scale(
    "enrichment",
    ("zero_enrichment", "enrichment_cap", "high_enrichment"),
    hard="zero_enrichment",
    hard_for=(("iran", "high_enrichment"),),
)


def backing(tag: str, speaker: str, stance: str = "support") -> StatementAnalysis:
    text = f"We {stance} {tag}."
    start = text.index(tag)
    mention = Mention(tag, start, start + len(tag), tag, 0, tag)
    return StatementAnalysis(
        text, (mention,), (), (Stance(None, tag, stance, (speaker,), start, start + len(tag)),)
    )


@pytest.mark.parametrize(
    ("speaker", "before", "after", "verdict", "event"),
    [
        ("usa", "zero_enrichment", "enrichment_cap", Verdict.SOFTENED, EventType.SOFTENED),
        ("usa", "enrichment_cap", "zero_enrichment", Verdict.HARDENED, EventType.HARDENED),
        ("iran", "high_enrichment", "enrichment_cap", Verdict.SOFTENED, EventType.SOFTENED),
        ("iran", "enrichment_cap", "high_enrichment", Verdict.HARDENED, EventType.HARDENED),
        ("usa", "zero_enrichment", "high_enrichment", Verdict.REVERSED, EventType.STANCE_REVERSED),
        ("iran", "high_enrichment", "zero_enrichment", Verdict.REVERSED, EventType.STANCE_REVERSED),
    ],
)
def test_moves_along_a_scale(
    speaker: str, before: str, after: str, verdict: Verdict, event: EventType
) -> None:
    shift = compare(backing(before, speaker), backing(after, speaker), speaker=speaker, scales=(SCALE,))
    assert shift.verdict is verdict
    scale_events = [e for e in shift.events if e.detail.startswith("scale ")]
    assert [(e.type, e.detail) for e in scale_events] == [
        (event, f"scale enrichment: {before} → {after} ({verdict.value})")
    ]


def test_without_scales_the_same_move_is_only_reframed() -> None:
    shift = compare(backing("zero_enrichment", "usa"), backing("enrichment_cap", "usa"), speaker="usa")
    assert shift.verdict is Verdict.REFRAMED


def test_no_direction_for_the_speaker_means_no_signal() -> None:
    plain = Scale("enrichment", SCALE.steps)
    shift = compare(
        backing("zero_enrichment", "oman"), backing("enrichment_cap", "oman"), speaker="oman", scales=(plain,)
    )
    assert shift.verdict is Verdict.REFRAMED
    assert not [e for e in shift.events if e.detail.startswith("scale ")]


def test_opposing_a_step_is_not_standing_on_it() -> None:
    a = backing("zero_enrichment", "usa")
    b = backing("enrichment_cap", "usa", stance="oppose")
    shift = compare(a, b, speaker="usa", scales=(SCALE,))
    assert not [e for e in shift.events if e.detail.startswith("scale ")]


CODEBOOK = """
[codebook]
name = "scales"

[[tag]]
id = "zero_enrichment"
label = "Zero enrichment"
description = "No enrichment at all."
role = "either"
patterns = ["zero enrichment"]

[[tag]]
id = "enrichment_cap"
label = "Capped enrichment"
description = "Enrichment capped at a low level."
role = "either"
patterns = ["3.67%", "capped enrichment"]

[[tag]]
id = "high_enrichment"
label = "High enrichment"
description = "Enrichment to 60% or more."
role = "either"
patterns = ["60 %", "90 %"]

[[scale]]
id = "enrichment"
steps = ["zero_enrichment", "enrichment_cap", "high_enrichment"]
hard = "zero_enrichment"
hard_for = { tehran_side = "high_enrichment" }
"""


@pytest.mark.parametrize(
    ("speaker", "before", "after", "verdict"),
    [
        (
            "envoy",
            "We insist on zero enrichment.",
            "We could accept enrichment capped at 3.67%.",
            Verdict.SOFTENED,
        ),
        (
            "envoy",
            "We could accept enrichment capped at 3.67 %.",
            "We insist on zero enrichment.",
            Verdict.HARDENED,
        ),
        ("envoy", "We insist on zero enrichment.", "We now accept enrichment to 60%.", Verdict.REVERSED),
        (
            "tehran_side",
            "We insist on enrichment to 60 %.",
            "We could accept enrichment capped at 3.67%.",
            Verdict.SOFTENED,
        ),
    ],
)
def test_scale_shifts_on_sentences(speaker: str, before: str, after: str, verdict: Verdict) -> None:
    analyzer = Analyzer(Tagger.from_codebook(loads_codebook(CODEBOOK)))
    a = analyzer.analyze_text(before, speaker=speaker)
    b = analyzer.analyze_text(after, speaker=speaker)
    shift = compare(a, b, speaker=speaker, scales=analyzer.scales)
    assert shift.verdict is verdict, (shift.reasons, [s.to_dict() for s in (*a.stances, *b.stances)])
