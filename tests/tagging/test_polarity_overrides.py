"""Tagging with negated patterns (mentions carry ``polarity``) and with ``overrides`` precedence."""

from __future__ import annotations

import pytest

from rhetoric.codebook.model import Codebook, TagSpec
from rhetoric.tagging import Tagger
from rhetoric.types import Role


def spec(tag: str, *patterns: str, negated: tuple[str, ...] = (), overrides: tuple[str, ...] = ()) -> TagSpec:
    return TagSpec(tag, tag, "", Role.EITHER, patterns=patterns, negated=negated, overrides=overrides)


def tagged(tagger: Tagger, text: str) -> list[tuple[str, str, str]]:
    fast = [(m.tag, m.text, m.polarity) for m in tagger.tag(text)]
    assert fast == [(m.tag, m.text, m.polarity) for m in tagger.tag_exhaustive(text)]
    return fast


NEGATED = Tagger.from_codebook(
    Codebook(
        "neg",
        "1",
        "en",
        "",
        (
            spec("withdrawal", "withdraw*", "leave gaza", "not leave gaza", negated=("not leave gaza",)),
            spec("leadership_change", "new leader*", "stay* in power", negated=("stay* in power",)),
        ),
    )
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army will withdraw.", [("withdrawal", "withdraw", "affirmed")]),
        ("The army will leave Gaza.", [("withdrawal", "leave Gaza", "affirmed")]),
        # the longer, negated pattern wins over the affirmed one inside it
        ("The army will not leave Gaza.", [("withdrawal", "not leave Gaza", "negated")]),
        ("He is staying in power.", [("leadership_change", "staying in power", "negated")]),
        ("They want a new leader.", [("leadership_change", "new leader", "affirmed")]),
        ("Nothing here.", []),
    ],
)
def test_negated_patterns_mark_their_mentions(text: str, expected: list) -> None:
    assert tagged(NEGATED, text) == expected


PRECEDENCE = Tagger.from_codebook(
    Codebook(
        "prec",
        "1",
        "en",
        "",
        (
            spec("enrichment", "enrich*"),
            spec("zero_enrichment", "zero enrichment", overrides=("enrichment",)),
            spec("enrichment_cap", "enrichment cap*", "3.67%", overrides=("enrichment",)),
            spec("talks", "talks"),
            spec("deal", "deal", "talks on a deal"),
        ),
    )
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the overriding tag's mention replaces the overlapping one
        ("We demand zero enrichment.", [("zero_enrichment", "zero enrichment", "affirmed")]),
        (
            "An enrichment cap at 3.67%.",
            [("enrichment_cap", "enrichment cap", "affirmed"), ("enrichment_cap", "3.67%", "affirmed")],
        ),
        # only where they overlap: a separate mention of the overridden tag stays
        (
            "Zero enrichment, they said; enrichment goes on.",
            [("zero_enrichment", "Zero enrichment", "affirmed"), ("enrichment", "enrichment", "affirmed")],
        ),
        ("Enrichment goes on.", [("enrichment", "Enrichment", "affirmed")]),
        # without overrides, different tags may overlap (as before)
        ("New talks on a deal.", [("talks", "talks", "affirmed"), ("deal", "talks on a deal", "affirmed")]),
    ],
)
def test_overrides_take_precedence_where_mentions_overlap(text: str, expected: list) -> None:
    assert sorted(tagged(PRECEDENCE, text)) == sorted(expected)
