"""Frames and stances on the hand-curated seed corpus, with the shipped codebook and actors."""

from __future__ import annotations

import pytest

from rhetoric.analyzer import Analyzer
from rhetoric.corpus.store import Corpus

from ..conftest import SEED_CORPUS


@pytest.fixture(scope="module")
def seed():
    """Analyse the seed corpus once; look statements up by speaker and a phrase of their text."""
    analyzer = Analyzer.for_corpus(SEED_CORPUS)
    results = list(analyzer.analyze_corpus(Corpus(SEED_CORPUS)))

    def find(speaker: str, phrase: str):
        (hit,) = [a for a in results if a.statement.speaker == speaker and phrase in a.statement.text]
        return hit

    return find


@pytest.mark.parametrize(
    ("speaker", "phrase", "expected"),
    [
        (
            "zelensky",
            "not possible until",
            (
                ("negotiations",),
                ("withdrawal", "borders_1991"),
                "not possible until",
                "precondition",
                "negated",
                "firm",
            ),
        ),
        (
            "zelensky",
            "as long as",
            (("ceasefire",), ("nato_membership",), "as long as", "precondition", "affirmed", "open"),
        ),
        (
            "kellogg",
            "in exchange for",
            (("nato_membership",), ("peace_deal",), "in exchange for", "exchange", "affirmed", "open"),
        ),
        (
            "nato",
            "until the war",
            (("nato_membership",), ("war_end",), "until", "precondition", "negated", "firm"),
        ),
        (
            "russia",
            "requiring",
            (
                ("peace_deal",),
                ("nato_membership", "neutrality", "territorial_concession"),
                "requiring",
                "precondition",
                "affirmed",
                "firm",
            ),
        ),
    ],
)
def test_seed_frames(seed, speaker, phrase, expected) -> None:
    (frame,) = seed(speaker, phrase).frames
    assert (
        frame.outcomes,
        frame.conditions,
        frame.cue,
        frame.relation,
        frame.polarity,
        frame.modality,
    ) == expected
    assert frame.speaker == speaker


def _stances(analysis, tag):
    return {(s.stance, s.holders) for s in analysis.stances if s.tag == tag}


def test_moscow_terms_oppose_membership(seed) -> None:
    assert ("oppose", ("russia",)) in _stances(seed("russia", "requiring"), "nato_membership")


def test_diplomat_attributes_opposition(seed) -> None:
    stances = _stances(seed("le_monde_diplomat", "oppose it"), "nato_membership")
    assert ("oppose", ("us", "germany", "hungary")) in stances


@pytest.mark.parametrize("speaker", ["france", "uk"])
def test_france_and_uk_support(seed, speaker) -> None:
    assert _stances(seed(speaker, "said to support"), "nato_membership") == {("support", ("france", "uk"))}


def test_trump_never_supported(seed) -> None:
    assert _stances(seed("trump", "never supported"), "nato_membership") == {("oppose", ("trump",))}
