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
from collections.abc import Hashable, Mapping
from functools import lru_cache

from ..lang.alternation import word_trie

#: The letters ``re`` matches with an ASCII letter case-insensitively though their lower case is
#: another: dotted capital I, dotless i, long s.
EXOTIC = re.compile("[\u0130\u0131\u017f]")


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
            # The word after it, when only spaces stand between (what a phrase's second word reads).
            after = r"(?!\w)(?=(?:\s+(\w+))?)"
            self._regex = (re.compile(rf"({trie}){after}"), re.compile(rf"\W({trie}){after}"))
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

    __slots__ = ("_candidates", "_order", "exotic", "indexed")

    def __init__(self, text: str, regex: tuple[re.Pattern[str], re.Pattern[str]]) -> None:
        low = text.lower()
        order: list[tuple[int, str, str | None]] = []
        #: Whether the index holds (lower-casing kept every offset); if not, readers go word by word.
        self.indexed = len(low) == len(text)
        #: Whether the text holds a letter ``re`` matches with an ASCII letter though its lower
        #: case is another (dotted and dotless i, long s): second words are then not compared.
        self.exotic = bool(EXOTIC.search(text))
        if self.indexed:
            first = regex[0].match(low)
            if first:
                order.append((0, first.group(1), first.group(2)))
            order.extend((m.start(1), m.group(1), m.group(2)) for m in regex[1].finditer(low))
        #: ``(offset, lower-case first word, the word after it or None)`` in text order.
        self._order = order
        self._candidates: dict[object, list[int]] = {}

    def starts_of(
        self, firsts: frozenset[str], seconds: Mapping[str, frozenset[str]] | None = None, *, key: Hashable = None
    ) -> list[int]:
        """Offsets of the words of ``firsts`` in text order (computed once per reader).

        Args:
            firsts: The words a reader's phrases can start with.
            seconds: For some of them, the words that can follow (after spaces): a first word
                followed by another is no candidate.
            key: What tells this reader's candidates apart (``firsts`` when None; give it with
                ``seconds``).
        """
        key = firsts if key is None else key
        found = self._candidates.get(key)
        if found is None:
            if not seconds or self.exotic:
                found = [at for at, word, _ in self._order if word in firsts]
            else:
                found = [
                    at
                    for at, word, after in self._order
                    if word in firsts and (word not in seconds or after in seconds[word])
                ]
            self._candidates[key] = found
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


__all__ = ["EXOTIC", "TextWords", "index_words", "text_words"]
