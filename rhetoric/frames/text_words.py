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

from ..lang.alternation import NEVER, word_trie

#: The letters ``re`` matches with an ASCII letter case-insensitively though their lower case is
#: another: dotted capital I, dotless i, long s.
EXOTIC = re.compile("[\u0130\u0131\u017f]")
#: What may stand between the words of a phrase (condition cues: '"based on', "and, ultimately,").
SEPARATOR = "[\\s\"“”‘’«»,]+"


class _Vocabulary:
    """Every ASCII first word of every reader, and the words that may follow each: one trie regex.

    A first word every reader says must be followed by one of a few words (``the`` by ``need``,
    ``goal`` …) is indexed only where one follows; a word any reader leaves open, everywhere.
    """

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.open: set[str] = set()
        self.follow: dict[str, set[str]] = {}
        self.version = 0
        self._regex: dict[bool, re.Pattern[str]] = {}

    def add(self, words: frozenset[str], seconds: Mapping[str, frozenset[str]]) -> None:
        before = (len(self.words), len(self.open), sum(map(len, self.follow.values())))
        for word in words:
            self.words.add(word)
            if word in seconds:
                self.follow.setdefault(word, set()).update(seconds[word])
            else:
                self.open.add(word)
        if (len(self.words), len(self.open), sum(map(len, self.follow.values()))) != before:
            self.version += 1
            self._regex = {}

    def regex(self, followed: bool) -> re.Pattern[str]:
        """A first word after a non-word character: group 1 or 2 the word, group 3 the word after it.

        Opening with ``\\W`` lets ``re`` skip to the next gap between words in C instead of
        trying every letter (a lookbehind would be tried at each); a text is read with a space
        before it. With ``followed``, a word no reader leaves open must be followed by a word
        some reader's phrases go on with (each reader checks its own).
        """
        if followed not in self._regex:
            closed = {w for w in self.follow if w not in self.open} if followed else set()
            after = set().union(*(self.follow[w] for w in closed))
            free = word_trie(self.words - closed) if self.words - closed else NEVER
            bound = rf"({word_trie(closed)})(?={SEPARATOR}(?:{word_trie(after)})(?!\w))" if closed else "()"
            # The word after it, past spaces, quotes and commas (what a phrase's second word reads).
            self._regex[followed] = re.compile(rf"\W(?:({free})|{bound})(?!\w)(?=(?:{SEPARATOR}(\w+))?)")
        return self._regex[followed]


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

    def __init__(self, text: str, vocabulary: _Vocabulary) -> None:
        low = text.lower()
        order: list[tuple[int, str, str | None]] = []
        #: Whether the index holds (lower-casing kept every offset); if not, readers go word by word.
        self.indexed = len(low) == len(text)
        #: Whether the text holds a letter ``re`` matches with an ASCII letter though its lower
        #: case is another (dotted and dotless i, long s): second words are then not compared.
        self.exotic = bool(EXOTIC.search(text))
        if self.indexed:
            # Read after a space, a word at the start is one after a non-word character too.
            scan = vocabulary.regex(followed=not self.exotic).finditer(" " + low)
            order.extend((m.start(), m[1] or m[2], m[3]) for m in scan)
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
                found = []
                for at, word, after in self._order:
                    if word in firsts:
                        allowed = seconds.get(word)
                        if allowed is None or after in allowed:
                            found.append(at)
            self._candidates[key] = found
        return found


@lru_cache(maxsize=4)
def _text_words(text: str, version: int) -> TextWords:
    return TextWords(text, _VOCABULARY)


def text_words(text: str) -> TextWords:
    """The first words of ``text``, indexed once for all the lexicons that read it."""
    return _text_words(text, _VOCABULARY.version)


def index_words(words: frozenset[str], seconds: Mapping[str, frozenset[str]] | None = None) -> bool:
    """Add a reader's first words (lower case) to the vocabulary every text is indexed by.

    Args:
        words: The words the reader's phrases can start with.
        seconds: For some of them, every word that can follow (past :data:`SEPARATOR`).

    Returns:
        Whether they are indexed: a word that is not ASCII may be spelt otherwise in lower
        case, and its reader must go word by word.
    """
    if not all(w.isascii() for w in words):
        return False
    _VOCABULARY.add(words, seconds or {})
    return True


__all__ = ["EXOTIC", "SEPARATOR", "TextWords", "index_words", "text_words"]
