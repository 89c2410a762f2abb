"""The tagger's inlined tokeniser (fast regex path included) equals the tokeniser on any range."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rhetoric.tagging.tagger import _sentence_tokens
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
    folded = fold(text)
    fs = data.draw(st.integers(0, len(folded.text)))
    fe = data.draw(st.integers(fs, len(folded.text)))
    norms, locate = _sentence_tokens(folded, fs, fe)
    want_norms, want_spans = reference(text, fs, fe)
    assert norms == want_norms
    assert locate(len(norms)) == want_spans
    assert locate(1) == want_spans[:1]


def test_numbers_with_separators_take_the_fast_path() -> None:
    text = "about 10,000 people and 3.5 percent"
    norms, locate = _sentence_tokens(fold(text), 0, len(text))
    assert norms == ["about", "10,000", "people", "and", "3.5", "percent"]
    assert locate(2) == [(0, 5), (6, 12)]


def test_initialisms_possessives_and_joins_on_the_ascii_path() -> None:
    text = "Kyiv's U.S. aid 3.5bn"
    norms, locate = _sentence_tokens(fold(text), 0, len(text))
    assert norms == ["kyiv", "us", "aid", "3.5", "bn"]
    assert locate(5) == [(0, 4), (7, 11), (12, 15), (16, 19), (19, 21)]
