"""The subject regexes of :mod:`rhetoric.frames.holders` with their word lists grouped by first letter
find what the flat lists find (the tail a holder's verb skips back over, and the joins of holders)."""

from __future__ import annotations

import random

import pytest

from rhetoric.frames.holders import _subject_regexes
from rhetoric.lang import load_language

OTHER = ("Germany", "the", "US", "France", "talks", "ready", "family", "ly", "fly", "x", "UK's", "n't", "&", ",")


@pytest.mark.parametrize("seed", range(3))
def test_grouped_subject_words_find_what_flat_words_find(seed):
    lang = load_language("en")
    grouped, flat = _subject_regexes(lang), _subject_regexes(lang, grouped=False)
    assert grouped[0].pattern != flat[0].pattern  # the grouping is what runs
    words = [*lang.phrases("stances", "subject_skip"), *lang.phrases("stances", "holder_joins"), *OTHER]
    gaps = (" ", "  ", ", ", " , ", "\t", "")
    rng = random.Random(seed)
    for _ in range(400):
        parts = [rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(0, 12))]
        head = "".join(part.upper() if rng.random() < 0.1 else part for part in parts)
        for start in range(0, len(head) + 1, 5):
            assert grouped[0].search(head, start).span() == flat[0].search(head, start).span(), (head, start)
    joins = [f"{a}{j}{b}" for j in lang.phrases("stances", "holder_joins") for a in (" ", ", ", ",") for b in (" ", "")]
    for gap in [*joins, *(j.upper() for j in joins), " ", ", ", " & ", " and and ", ""]:
        found = grouped[1].match(gap), flat[1].match(gap)
        assert (found[0] and found[0].span()) == (found[1] and found[1].span()), gap
