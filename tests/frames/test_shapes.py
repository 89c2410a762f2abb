"""Frame shapes of real rhetoric (necessity, basis, sequence, means, purpose, anaphora) through two codebooks.

Each shape is tested with sentences written for these tests, once with the shipped
codebook (a war) and once with a small codebook of another negotiation (hostages and a
truce), so a shape is a pattern of English, not of one conflict; the negative twins are
the same words used for something else ("a report based on interviews", "after the
meeting, he said").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rhetoric.analyzer import Analyzer
from rhetoric.codebook.load import load_codebook
from rhetoric.frames.config import FramesConfig
from rhetoric.lang import language_of
from rhetoric.tagging.tagger import Tagger

from ..conftest import SEED_CORPUS

HOSTAGES = Path(__file__).parent / "data" / "hostages_codebook.toml"


@pytest.fixture(scope="module")
def war() -> Analyzer:
    return Analyzer.for_corpus(SEED_CORPUS)


@pytest.fixture(scope="module")
def hostages() -> Analyzer:
    codebook = load_codebook(HOSTAGES)
    config = FramesConfig.from_codebook_table(
        codebook.extensions.get("frames"), tag_ids=codebook.tag_ids, language=language_of(codebook)
    )
    return Analyzer(Tagger.from_codebook(codebook), cues=config.cues)


def pairs(analyzer: Analyzer, text: str) -> set[tuple[str, str]]:
    return {
        (o, c)
        for f in analyzer.analyze_text(text).frames
        for o in f.outcomes
        for c in f.conditions
        if "other" not in (o, c)
    }


# shape, text, expected (outcome, condition) pairs — with the hostages codebook
HOSTAGE_CASES = [
    ("necessity", "Mediators stressed the necessity of a lasting truce for any hostage release.",
     {("hostages", "truce")}),
    ("vital-for", "Aid deliveries are vital for any truce.", {("truce", "aid")}),
    ("based-on", "The talks should be based on a prisoner exchange.", {("talks", "prisoners")}),
    ("on-the-basis-of", "A truce can be agreed on the basis of a prisoner exchange.", {("truce", "prisoners")}),
    ("only-way", "Talks are the only way to bring the hostages home.", {("hostages", "talks")}),
    ("first-steps-toward", "One of the first steps toward a permanent end to the war could be a truce.",
     {("war_end", "truce")}),
    ("after-modal", "We can discuss a prisoner exchange after the hostages are freed.",
     {("prisoners", "hostages")}),
    ("by-gerund", "Israel could end the war by withdrawing its troops from the city.",
     {("war_end", "pullback")}),
    ("in-order-to", "Hamas must free the hostages in order to get a truce.", {("truce", "hostages")}),
    ("fronted-to", "To end the war, both sides must agree on a prisoner exchange.", {("war_end", "prisoners")}),
    ("for-y-to-be", "For the truce to be durable, aid trucks must enter every day.", {("truce", "aid")}),
    ("inverted-if", "Should the truce collapse, the hostages would be at risk.", {("hostages", "truce")}),
    ("anaphor-this", "The army must pull back from the city. There will be no talks until this happens.",
     {("talks", "pullback")}),
    ("anaphor-such", "Both sides agreed to a truce. Such a step is vital for the release of the hostages.",
     {("hostages", "truce")}),
    ("pave-the-way", "The truce would pave the way for talks.", {("talks", "truce")}),
    ("ultimately", "They agreed to a truce and, ultimately, a permanent end to the war.", {("war_end", "truce")}),
    ("through", "The hostages can only be freed through talks.", {("hostages", "talks")}),
    ("as-part-of", "As part of the truce, Hamas released the hostages.", {("truce", "hostages")}),
    ("step-toward", "The release of the prisoners is a first step toward a truce.", {("truce", "prisoners")}),
    ("best-way-is", "The best way to bring the hostages home is a truce.", {("hostages", "truce")}),
    # The same words used for something else: no frame.
    ("based-on-report", "A report based on talks with former hostages was published.", set()),
    ("after-time", "After the talks in Doha, the minister said the hostages were safe.", set()),
    ("after-no-modal", "Prisoners were moved after the truce began.", set()),
    ("by-agent", "The prisoners were released by the army near the truce line.", set()),
    ("through-time", "The truce held through the night.", set()),
    ("need-for-no-link", "Mediators stressed the need for aid and a truce.", set()),
    ("means-noun", "Aid is used as a means of pressure on the talks.", set()),
    ("once-again", "The talks resumed once again on Monday with the hostages' families present.", set()),
    ("these-noun", "We discussed a truce. Once these drafts are ready, talks will continue.", set()),
]

# the same shapes with the shipped codebook
WAR_CASES = [
    ("necessity", "He underlined the necessity of a full ceasefire for any peace agreement.",
     {("peace_deal", "ceasefire")}),
    ("vital-for", "Security guarantees are vital for a lasting peace.", {("peace_deal", "security_guarantees")}),
    ("based-on", "Any negotiations should be based on the withdrawal of Russian troops.",
     {("negotiations", "withdrawal")}),
    ("on-the-basis-of", "The war must end on the basis of negotiations.", {("war_end", "negotiations")}),
    ("after-modal", "We can negotiate after the withdrawal of their troops.", {("negotiations", "withdrawal")}),
    ("by-gerund", "Russia could end the war by withdrawing its troops.", {("war_end", "withdrawal")}),
    ("for-y-to-be", "For peace to be durable, sanctions must stay in place.", {("peace_deal", "sanctions")}),
    ("anaphor-this", "Russia must withdraw its troops. There can be no negotiations until this happens.",
     {("negotiations", "withdrawal")}),
    ("pave-the-way", "A ceasefire would pave the way for a peace agreement.", {("peace_deal", "ceasefire")}),
    ("step-toward", "A ceasefire is a first step towards negotiations.", {("negotiations", "ceasefire")}),
    ("based-on-report", "A report based on negotiations records was published.", set()),
    ("after-time", "After the negotiations in Istanbul, he said the ceasefire was holding.", set()),
]


@pytest.mark.parametrize(("shape", "text", "expected"), HOSTAGE_CASES, ids=[c[0] for c in HOSTAGE_CASES])
def test_shapes_with_other_negotiation(hostages, shape, text, expected) -> None:
    assert pairs(hostages, text) == expected


@pytest.mark.parametrize(("shape", "text", "expected"), WAR_CASES, ids=[c[0] for c in WAR_CASES])
def test_shapes_with_shipped_codebook(war, shape, text, expected) -> None:
    assert pairs(war, text) == expected


@pytest.mark.parametrize(
    ("text", "relation", "polarity"),
    [
        ("The army must pull back from the city. There will be no talks until this happens.",
         "precondition", "negated"),
        ("Hamas will free ten hostages in exchange for a truce.", "exchange", "affirmed"),
        ("A truce can be agreed on the basis of a prisoner exchange.", "precondition", "affirmed"),
    ],
)
def test_relation_and_polarity(hostages, text, relation, polarity) -> None:
    frames = [f for f in hostages.analyze_text(text).frames if "other" not in f.conditions]
    assert [(f.relation, f.polarity) for f in frames] == [(relation, polarity)]
