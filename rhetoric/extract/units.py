"""Sentence units of an article: headlines and datelines to skip, sentences joined across quotations.

Example:
    >>> from rhetoric.extract.quotes import find_quotes
    >>> t = 'He said: “One. Two.” Then left.'
    >>> [t[s:e] for s, e in sentence_units(t, find_quotes(t))]
    ['He said: “One. Two.”', 'Then left.']
"""

from __future__ import annotations

import re

from ..text.sentences import split_sentences
from .quotes import Quote
from .types import CharSpan

#: "KYIV, Feb 19 (Reuters) - ": the dateline that opens a wire story (no statement of its own).
DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,2}?)?(?:\s*\([^)]{1,40}\))?\s*[-–—]{1,2}\s+"
)
_SENTENCE_END = ".!?"


def is_headline(text: str, para: CharSpan, *, first: bool = False) -> bool:
    """A paragraph without sentence-final punctuation and at most 15 words (a title or subheading).

    The article's first paragraph is its headline at any length when it has no final punctuation
    (a long title "…, Kremlin spokesperson says" is not a statement of the body).

    Example:
        >>> is_headline("Changing rhetoric", (0, 17)), is_headline("He said no.", (0, 11))
        (True, False)
    """
    body = text[para[0] : para[1]].rstrip()
    last = body[-1:]
    ends = last in _SENTENCE_END + ":" or (last in '”"’»' and body[-2:-1] in _SENTENCE_END + ",")
    return not ends and ". " not in body and (first or len(body.split()) <= 15)


def sentence_units(text: str, quotes: list[Quote]) -> list[CharSpan]:
    """Sentences, joined where a quotation runs across a sentence (or paragraph) boundary.

    Example:
        >>> from rhetoric.extract.quotes import find_quotes
        >>> t = 'He said: “One. Two.” Then left.'
        >>> [t[s:e] for s, e in sentence_units(t, find_quotes(t))]
        ['He said: “One. Two.”', 'Then left.']
    """
    units = [list(span) for span in split_sentences(text)]
    merged: list[list[int]] = []
    qi = 0
    for span in units:
        while qi < len(quotes) and quotes[qi].end <= span[0]:
            qi += 1
        if merged and any(
            q.start < merged[-1][1] and q.end > span[0] for q in quotes[max(0, qi - 1) : qi + 2]
        ):
            merged[-1][1] = max(merged[-1][1], span[1])
        else:
            merged.append(span)
    return [(s, e) for s, e in merged]
