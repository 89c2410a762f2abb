"""Phrase lists matched fast: a regex plus the first words its phrases can start with.

Python's ``re`` tries every alternative of a long phrase list at every position of a text;
looking each word of the text up in a set of first words, and matching only there, is many
times faster. The words of a text are indexed once and shared by every lexicon reading it.

Example:
    >>> import re
    >>> lex = Lexicon(re.compile(r"(?<!\\w)(?:call(?:s|ed)?\\s+for|reject(?:s|ed)?)(?!\\w)", re.I), frozenset({"call", "calls", "called", "reject", "rejects", "rejected"}))
    >>> [m.group(0) for m in lex.finditer("Kyiv called for talks; Moscow rejected them.", 0, 44)]
    ['called for', 'rejected']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..lang import Language
from ..lang.schema import SCHEMA

_TOKEN_RE = re.compile(r"\w+")


@lru_cache(maxsize=4)
def _tokens(text: str) -> tuple[list[int], list[str]]:
    """Word starts and lower-case words of a text, computed once for all the lexicons that read it."""
    starts, words = [], []
    for m in _TOKEN_RE.finditer(text):
        starts.append(m.start())
        words.append(m.group(0).lower())
    return starts, words


@dataclass(frozen=True)
class Lexicon:
    """A phrase regex and the first words its phrases can start with.

    Python's ``re`` tries every alternative of a long phrase list at every position; looking
    up each word of the text in ``firsts`` first and matching only there is many times faster
    (the stance stage must keep pace with tagging).
    """

    rx: re.Pattern[str]
    firsts: frozenset[str]

    def finditer(self, text: str, start: int, end: int):
        """Non-overlapping matches in ``text[start:end]``, left to right (as ``re.finditer``)."""
        starts, words = _tokens(text)
        pos = start
        firsts = self.firsts
        for i in range(bisect_left(starts, start), len(starts)):
            at = starts[i]
            if at >= end:
                break
            if at < pos or words[i] not in firsts:
                continue
            match = self.rx.match(text, at, end)
            if match:
                yield match
                pos = match.end()

    def search(self, text: str, start: int, end: int) -> re.Match | None:
        """The leftmost match in ``text[start:end]``, or ``None``."""
        return next(self.finditer(text, start, end), None)


def firsts_of(lang: Language, keys: list[tuple[str, str]]) -> frozenset[str]:
    """The first word (``\\w+`` token, lower-case) of every phrase of ``keys``, verbs inflected."""
    out: set[str] = set()
    for file, key in keys:
        verbs = SCHEMA[file][key] == "verbs"
        for phrase in lang.phrases(file, key):
            head = phrase.split()[0]
            for form in lang.verb_forms(head) if verbs else (head,):
                form = form.lower()
                token = _TOKEN_RE.search(form)
                if token:
                    out.add(token.group(0))
                if "-" in form:
                    # "-" also matches nothing: "non-starter" is written "nonstarter" too.
                    out.add(_TOKEN_RE.search(form.replace("-", "")).group(0))
    return frozenset(out)


__all__ = ["Lexicon", "firsts_of"]
