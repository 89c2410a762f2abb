"""The tagger's inlined tokeniser (fast regex path included) equals the tokeniser on any range."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rhetoric.tagging.tagger import _plain, _sentence_tokens
from rhetoric.text.normalize import fold
from rhetoric.text.tokens import iter_folded_tokens

# Letters, digits and every character the fast path has to rule out (joins, symbols, non-ASCII).
ALPHABET = "ab z19 .,'’%$-\n\"!éß"


def reference(text: str, fs: int, fe: int) -> tuple[list[str], list[tuple[int, int]]]:
    folded = fold(text)
    tokens = [(n, s, e) for n, s, e, _j in iter_folded_tokens(folded.text) if fs <= s < fe]
    return [n for n, _s, _e in tokens], [folded.original_span(s, e) for _n, s, e in tokens]


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=16), st.data())
def test_same_tokens_as_the_tokeniser_on_any_range(text: str, data: st.DataObject) -> None:
    _assert_same_tokens(text, data, prefix=1)


def _assert_same_tokens(text: str, data: st.DataObject, *, prefix: int) -> None:
    """On a drawn range of ``text``: the same norms and spans as the tokeniser, also for the first ``prefix``."""
    folded = fold(text)
    fs = data.draw(st.integers(0, len(folded.text)))
    fe = data.draw(st.integers(fs, len(folded.text)))
    norms, locate = _sentence_tokens(folded, fs, fe)
    want_norms, want_spans = reference(text, fs, fe)
    assert norms == want_norms
    assert list(locate(len(norms))) == want_spans
    assert list(locate(prefix)) == want_spans[:prefix]
    # Read out of order, one token at a time (as _mentions reads a match's first and last token).
    spans = locate(len(norms))
    assert [spans[i] for i in reversed(range(len(norms)))] == want_spans[::-1]


def test_numbers_with_separators_take_the_fast_path() -> None:
    text = "about 10,000 people and 3.5 percent"
    norms, locate = _sentence_tokens(fold(text), 0, len(text))
    assert norms == ["about", "10,000", "people", "and", "3.5", "percent"]
    assert list(locate(2)) == [(0, 5), (6, 12)]


def test_initialisms_possessives_and_joins_on_the_ascii_path() -> None:
    text = "Kyiv's U.S. aid 3.5bn"
    norms, locate = _sentence_tokens(fold(text), 0, len(text))
    assert norms == ["kyiv", "us", "aid", "3.5", "bn"]
    assert list(locate(5)) == [(0, 4), (7, 11), (12, 15), (16, 19), (19, 21)]


# Sentence-like text: words, numbers with and without separators, initialisms, possessives,
# symbols and the punctuation around them, so that both the chunk path (_plain) and the regex
# fallback see realistic and odd input.
WORDS = st.sampled_from(
    [
        "talks",
        "Kyiv",
        "10,000",
        "3.5",
        "1,234.5",
        "2014",
        "U.S.",
        "u.n",
        "Kyiv's",
        "don't",
        "60%",
        "$6bn",
        "3.5bn",
        "end.The",
        "1..2",
        "5.",
        "a.",
        "x",
        "Mr.",
        "e.g.",
        "’",
        "é",
    ]
)
SEPARATORS = st.sampled_from([" ", "  ", ", ", ". ", "! ", " - ", " (", ") ", '"', "\n", "."])


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(WORDS, SEPARATORS), max_size=12), st.data())
def test_same_tokens_as_the_tokeniser_on_sentence_like_text(
    parts: list[tuple[str, str]], data: st.DataObject
) -> None:
    _assert_same_tokens("".join(w + s for w, s in parts), data, prefix=2)


def test_words_and_numbers_take_the_chunk_path() -> None:
    text = "About 10,000 people,  1,234.5 tonnes and 3.5 percent (2014)."
    assert _plain(fold(text).text) is not None
    norms, locate = _sentence_tokens(fold(text), 0, len(text))
    assert norms == ["about", "10,000", "people", "1,234.5", "tonnes", "and", "3.5", "percent", "2014"]
    assert list(locate(4)) == [(0, 5), (6, 12), (13, 19), (22, 29)]
    assert list(locate(100)) == reference(text, 0, len(text))[1]


@pytest.mark.parametrize(
    "text",
    [
        "a 3.5bn deal",
        "the U.S. plan",
        "Kyiv's aid",
        "up 60% now",
        "it ended.The talks",
        "1..2 or 1,,2",
        "rose 5.,6 pc",
    ],
)
def test_odd_chunks_take_the_regex_path_with_the_same_tokens(text: str) -> None:
    folded = fold(text)
    assert _plain(folded.text) is None
    norms, locate = _sentence_tokens(folded, 0, len(folded.text))
    want_norms, want_spans = reference(text, 0, len(folded.text))
    assert (norms, list(locate(len(norms)))) == (want_norms, want_spans)
