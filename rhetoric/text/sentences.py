"""Sentence splitting with Punkt's decisions for a set of abbreviations (no nltk, no downloads).

Example:
    >>> text = "Gen. Kellogg met Mr. Zelensky in the U.S. on Sunday. They talked."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Gen. Kellogg met Mr. Zelensky in the U.S. on Sunday.', 'They talked.']
"""

from __future__ import annotations

import re
from functools import lru_cache

from .punkt import PunktSplitter

# Lower-cased, without the final period, as Punkt stores them.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cmdr adm sgt sen rep gov pres st jr sr rev hon amb
    nos vs etc approx dept est fig inc ltd co corp univ
    u.s u.k u.n e.u u.s.a u.s.s.r n.y d.c
    jan feb mar apr jun jul aug sep sept oct nov dec
    a.m p.m i.e e.g cf al
    """.split()
)


# "No." abbreviates "number" only before a number ("No. 10 Downing Street"); elsewhere it is
# the word no ending a sentence ("The answer was no. Talks ended."). Punkt's abbreviations
# cannot look ahead, so "no" is not one of them and such breaks are undone afterwards.
_NUMBER_SIGN = re.compile(r"(?<![^\W_])[Nn][Oo]\.\Z")


def _join_number_signs(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and line[start].isdigit() and _NUMBER_SIGN.search(line, out[-1][0], out[-1][1]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


_SPLITTER = PunktSplitter(ABBREVIATIONS)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split text into sentences.

    Args:
        text: Any text.

    Returns:
        Half-open ``(start, end)`` character spans into ``text``, in order, covering
        every sentence (surrounding whitespace excluded). Line breaks always end a
        sentence; "No." ends one unless a number follows it.

    Example:
        >>> split_sentences("One. Two.")
        [(0, 4), (5, 9)]
    """
    return list(_split_cached(text))


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`split_sentences` as a tuple, shared with other callers: for readers that keep it as it is.

    Example:
        >>> sentence_spans("One. Two.")
        ((0, 4), (5, 9))
    """
    return _split_cached(text)


@lru_cache(maxsize=32)
def _split_cached(text: str) -> tuple[tuple[int, int], ...]:
    # The tagger and the frames stage split the same statement one after the other.
    lines = text.splitlines(keepends=True)
    if len(lines) == 1:
        # One line (most statements): no offsets to shift.
        return tuple(_join_number_signs(text, _SPLITTER.span_tokenize(text))) if text.strip() else ()
    spans: list[tuple[int, int]] = []
    pos = 0
    # A line break ends a sentence: headlines and paragraphs carry no final period.
    for line in lines:
        if line.strip():
            spans.extend(
                (pos + s, pos + e) for s, e in _join_number_signs(line, _SPLITTER.span_tokenize(line))
            )
        pos += len(line)
    return tuple(spans)


def sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence whose span contains ``offset`` (the nearest preceding one otherwise).

    Example:
        >>> sentence_index([(0, 4), (5, 9)], 6)
        1
    """
    lo, hi = 0, len(spans) - 1
    best = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if spans[mid][0] <= offset:
            best = mid
            lo = mid + 1
        else:
            hi = mid - 1
    return best
