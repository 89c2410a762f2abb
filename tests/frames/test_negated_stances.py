"""A negated mention's stance is computed against its tag: supporting "staying in power" opposes a
change of leader (codebook ``polarity = "negated"``)."""

from __future__ import annotations

import pytest

from rhetoric.analyzer import Analyzer
from rhetoric.codebook.model import Codebook, TagSpec
from rhetoric.frames.stances import detect_stances
from rhetoric.shifts.positions import position_of
from rhetoric.tagging import Tagger
from rhetoric.types import Role

TAGGER = Tagger.from_codebook(
    Codebook(
        "neg",
        "1",
        "en",
        "",
        (
            TagSpec(
                "leadership_change",
                "Leadership change",
                "",
                Role.EITHER,
                patterns=("new leader*", "stay* in power"),
                negated=("stay* in power",),
            ),
            TagSpec("ceasefire", "Ceasefire", "", Role.EITHER, patterns=("ceasefire",)),
        ),
    )
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We support the president staying in power.", [("leadership_change", "oppose")]),
        ("We reject the president staying in power.", [("leadership_change", "support")]),
        ("We support a new leader.", [("leadership_change", "support")]),
        ("We reject any new leadership.", [("leadership_change", "oppose")]),
        ("The president is staying in power, reports say.", [("leadership_change", "neutral")]),
        # coordination shares the words' stance, each item then read against its own tag
        (
            "We want a ceasefire and the president staying in power.",
            [("ceasefire", "support"), ("leadership_change", "oppose")],
        ),
        (
            "We want the president staying in power and a ceasefire.",
            [("leadership_change", "oppose"), ("ceasefire", "support")],
        ),
    ],
)
def test_negated_mention_flips_the_stance(text: str, expected: list) -> None:
    stances = detect_stances(text, TAGGER.tag(text))
    assert [(s.tag, s.stance) for s in stances] == expected


def test_negated_mention_reaches_the_position() -> None:
    analysis = Analyzer(TAGGER).analyze_text("We support the president staying in power.", speaker="x")
    assert position_of([analysis], speaker="x").state("leadership_change").stance == "oppose"
