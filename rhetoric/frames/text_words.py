"""Where the words that open a phrase start in a text: one scan for every lexicon and cue table.

The stance and modality lexicons (:mod:`rhetoric.frames.lexicon`) and the condition cues
(:mod:`rhetoric.frames.cues`) try their phrases only at words that can open one. Their first
words make one vocabulary; a text is scanned once (lower-cased, by a trie of the vocabulary)
and each reader takes the offsets of its own words from the index.

Example:
    >>> _ = index_words(frozenset({"call", "reject"}))
    >>> text_words("Kyiv called for talks; Moscow rejected them. Call it off.").starts_of(frozenset({"call"}))
    [45]
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang.alternation import word_trie


class _Vocabulary:
    """Every ASCII first word of every lexicon built: the words a text is indexed by, as one trie regex."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.version = 0
        self._regex: tuple[re.Pattern[str], re.Pattern[str]] | None = None

    def add(self, words: frozenset[str]) -> None:
        if not words <= self.words:
            self.words |= words
            self.version += 1
            self._regex = None

    @property
    def regex(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The first word at the start of a text, and one after a non-word character.

        Opening with ``\\W`` lets ``re`` skip to the next gap between words in C instead of
        trying every letter (a lookbehind would be tried at each).
        """
        if self._regex is None:
            trie = word_trie(self.words)
            self._regex = (re.compile(rf"({trie})(?!\w)"), re.compile(rf"\W({trie})(?!\w)"))
        return self._regex


_VOCABULARY = _Vocabulary()


class TextWords:
    """Where each first word of a lexicon starts in one text, and each lexicon's candidate offsets.

    One scan of the lower-cased text by the trie of every lexicon's first words finds them
    (a word of the text is a first word when its lower case is one). Where lower-casing changes
    the text's length, offsets would shift: ``indexed`` is false and readers go word by word.
    The words are maximal runs of word characters of the whole text: a reader of a range must
    check that no word runs across its ends.
    """

    __slots__ = ("_candidates", "_order", "indexed")

    def __init__(self, text: str, regex: tuple[re.Pattern[str], re.Pattern[str]]) -> None:
        low = text.lower()
        order: list[tuple[int, str]] = []
        #: Whether the index holds (lower-casing kept every offset); if not, readers go word by word.
        self.indexed = len(low) == len(text)
        if self.indexed:
            first = regex[0].match(low)
            if first:
                order.append((0, first.group(1)))
            order.extend((m.start(1), m.group(1)) for m in regex[1].finditer(low))
        #: ``(offset, lower-case first word)`` in text order.
        self._order = order
        self._candidates: dict[frozenset[str], list[int]] = {}

    def starts_of(self, firsts: frozenset[str]) -> list[int]:
        """Sorted offsets of the words of ``firsts`` (computed once per set of words)."""
        found = self._candidates.get(firsts)
        if found is None:
            found = self._candidates[firsts] = [at for at, word in self._order if word in firsts]
        return found


@lru_cache(maxsize=4)
def _text_words(text: str, version: int) -> TextWords:
    return TextWords(text, _VOCABULARY.regex)


def text_words(text: str) -> TextWords:
    """The first words of ``text``, indexed once for all the lexicons that read it."""
    return _text_words(text, _VOCABULARY.version)


def index_words(words: frozenset[str]) -> bool:
    """Add ``words`` (lower case) to the vocabulary every text is indexed by.

    Returns:
        Whether they are indexed: a word that is not ASCII may be spelt otherwise in lower
        case, and its reader must go word by word.
    """
    if not all(w.isascii() for w in words):
        return False
    _VOCABULARY.add(words)
    return True


__all__ = ["TextWords", "index_words", "text_words"]
