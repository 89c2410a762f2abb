"""Frames and stances end to end with the shipped codebook, on varied news-style statements."""

from __future__ import annotations

import pytest

from rhetoric.analyzer import Analyzer

from ..conftest import SEED_CORPUS


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    """The shipped corpus's analyzer (codebook, cue extensions, actors)."""
    return Analyzer.for_corpus(SEED_CORPUS)


# speaker, text, (outcomes, conditions, relation, polarity) of the first frame
FRAMES = [
    (
        "russia",
        "Russia is ready for negotiations, but only if Ukraine recognises the new territorial realities.",
        (("negotiations",), ("territorial_concession",), "precondition", "affirmed"),
    ),
    (
        "putin",
        "As soon as Kyiv begins the real withdrawal of troops from these regions, and also notifies that it is "
        "abandoning its plans to join NATO, we will issue an order to cease fire and start negotiations.",
        (("ceasefire", "negotiations"), ("withdrawal", "nato_membership"), "precondition", "affirmed"),
    ),
    (
        "putin",
        "Our conditions for starting negotiations are simple: the withdrawal of Ukrainian troops and Kyiv's "
        "renunciation of NATO membership.",
        (("negotiations",), ("withdrawal", "nato_membership"), "precondition", "affirmed"),
    ),
    (
        "zelensky",
        "There can be no talk of any ceasefire without security guarantees.",
        (("ceasefire",), ("security_guarantees",), "precondition", "negated"),
    ),
    (
        "macron",
        "European troops could be deployed to Ukraine once a peace deal is signed.",
        (("foreign_troops",), ("peace_deal",), "precondition", "affirmed"),
    ),
    (
        "peskov",
        "A ceasefire is only possible if arms deliveries to Kyiv stop.",
        (("ceasefire",), ("military_aid",), "precondition", "affirmed"),
    ),
    (
        "zelensky",
        "Sanctions must not be lifted until Russia pays for the damage it has caused.",
        (("sanctions",), ("accountability",), "precondition", "negated"),
    ),
    (
        "putin",
        "We are ready for talks with Ukraine without preconditions, starting in Istanbul.",
        (("negotiations",), (), "unconditional", "affirmed"),
    ),
    (
        "zelensky",
        "A just peace means the return of all our territories.",
        (("peace_deal",), ("borders_1991",), "precondition", "affirmed"),
    ),
    (
        "vance",
        "The war will not end until both sides agree to freeze the front line.",
        (("war_end",), ("ceasefire",), "precondition", "negated"),
    ),
    (
        "zelensky",
        "If we speak ceasefire, we need security guarantees.",
        (("ceasefire",), ("security_guarantees",), "precondition", "affirmed"),
    ),
]


@pytest.mark.parametrize(("speaker", "text", "expected"), FRAMES, ids=[t[:40] for _, t, _ in FRAMES])
def test_frames_with_shipped_codebook(analyzer, speaker, text, expected) -> None:
    frames = analyzer.analyze_text(text, speaker=speaker).frames
    assert frames, "no frame"
    f = frames[0]
    assert (f.outcomes, f.conditions, f.relation, f.polarity) == expected


STANCES = [
    (
        "trump",
        "Ukraine can't join NATO, and that is the reason this whole thing started.",
        "nato_membership",
        "oppose",
    ),
    (
        "lavrov",
        "Any deployment of foreign troops in Ukraine is unacceptable to us.",
        "foreign_troops",
        "oppose",
    ),
    ("peskov", "A ceasefire is only possible if arms deliveries to Kyiv stop.", "military_aid", "oppose"),
    ("zelensky", "Sanctions must not be lifted until Russia pays for the damage.", "sanctions", "support"),
    (
        "zelensky",
        "We will never recognise the occupied territories as Russian.",
        "territorial_concession",
        "oppose",
    ),
    ("putin", "Kyiv must abandon its plans to join NATO.", "nato_membership", "oppose"),
    ("zelensky", "We are asking our partners for more air defence systems.", "military_aid", "support"),
    ("zelensky", "Ukraine will never trade its land for peace.", "territorial_concession", "oppose"),
    (
        "lavrov",
        "A truce only after Western countries stop supplying weapons to Kyiv.",
        "military_aid",
        "oppose",
    ),
    ("rutte", "Ukraine's path to NATO membership is irreversible.", "nato_membership", "support"),
    ("starmer", "Britain is prepared to put boots on the ground in Ukraine.", "foreign_troops", "support"),
    ("putin", "We are not against a ceasefire, but there are nuances.", "ceasefire", "support"),
]


@pytest.mark.parametrize(
    ("speaker", "text", "tag", "stance"), STANCES, ids=[t[:40] for _, t, _, _ in STANCES]
)
def test_stances_with_shipped_codebook(analyzer, speaker, text, tag, stance) -> None:
    stances = [s for s in analyzer.analyze_text(text, speaker=speaker).stances if s.tag == tag]
    assert stances and stances[0].stance == stance, stances
