"""Condition cues found through the text's word index are the cues a word-by-word reading finds."""

from __future__ import annotations

import copy

import pytest

from rhetoric.frames.cues import default_cue_table

TEXTS = (
    "No talks until Russia withdraws, as long as we agree; only if they leave.",
    "Rock'n'roll until dawn: don't talk unless asked, o'clock if possible, land-for-peace in exchange for a truce.",
    "UNTIL they LEAVE, there will be no peace — unless, of course, the ceasefire holds ‘until spring’.",
    "Until\u0130 and ıf ſo, provided that talks resume; we’d talk if only they’d go, provided-that.",
    "as long as",
    "ıf ſo, in exchange for a truce, in return for aid; on condition that, on the condition that, ın exchange for.",
    "In exchange, for a truce; in “exchange” for aid, in, exchange for it; on condition that; on condition, that.",
)


@pytest.fixture(scope="module")
def tables():
    indexed = default_cue_table()
    plain = copy.copy(indexed)
    plain._indexed = False  # the word-by-word reading
    return indexed, plain


@pytest.mark.parametrize("text", TEXTS)
def test_indexed_cues_equal_word_by_word(tables, text):
    indexed, plain = tables
    ranges = [(0, len(text)), (2, len(text) - 3), (6, 30), (0, 5), (len(text), len(text))]
    for start, end in ranges:
        got = [(h.cue.id, h.start, h.end, h.text) for h in indexed.find(text, start, end)]
        assert got == [(h.cue.id, h.start, h.end, h.text) for h in plain.find(text, start, end)], (start, end)


def test_indexed_cues_find_something(tables):
    hits = tables[0].find(TEXTS[0])
    assert [h.cue.id for h in hits][:2] == ["until", "as_long_as"]
