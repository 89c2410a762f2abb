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

import codecs
import re
from collections.abc import Hashable, Mapping
from functools import lru_cache

import ahocorasick

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
        #: Every reader's ``(firsts, seconds)``, by reader number.
        self.readers: list[tuple[frozenset[str], Mapping[str, frozenset[str]]]] = []
        self._reader_ids: dict[Hashable, int] = {}
        self._tables: _Tables | None = None

    def add(self, words: frozenset[str], seconds: Mapping[str, frozenset[str]]) -> int:
        """Register a reader's first words; its number (the same for the same words and seconds)."""
        key = (words, frozenset(seconds.items()))
        reader = self._reader_ids.get(key)
        if reader is None:
            reader = self._reader_ids[key] = len(self.readers)
            self.readers.append((words, dict(seconds)))
            self.version += 1
            self._tables = None
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
            self._tables = None
        return reader

    def tables(self) -> _Tables:
        """The Aho-Corasick automaton of the first words and what each key gives each reader (see
        :class:`_Tables`), made again once a reader comes."""
        if self._tables is None:
            self._tables = _Tables(self)
        return self._tables

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


class _Tables:
    """One version of the vocabulary as the automaton reads it (kept whole by an index made with it).

    The automaton holds the first words as they stand in a text of words and spaces
    (:func:`_spaced`). A word some reader leaves open is a key ``" word "``. A word some reader
    compares the next word of is also a key ``" word next "`` for each word that may follow it,
    and ``" word  "`` (a gap of several characters); a word no reader leaves open is only these.
    Each key's value is ``(compared, word, back, given, next)``: whether it compares the next
    word, the word, how far the word's start lies before the key's last character, which readers
    take the word's offset (for ``" word "`` the readers that take the word whatever follows, for
    the others each next word's readers: those whose phrases go on with it), and the next word
    of a key ``" word next "`` (None for the others).
    """

    __slots__ = ("automaton", "by_word", "count", "follow", "underscore")

    def __init__(self, vocabulary: _Vocabulary) -> None:
        automaton = ahocorasick.Automaton()
        by_word: dict[str, list[tuple[int, frozenset[str] | None]]] = {}
        for reader, (firsts, seconds) in enumerate(vocabulary.readers):
            for word in firsts:
                by_word.setdefault(word, []).append((reader, seconds.get(word)))
        #: What may follow each compared word (a copy: the vocabulary's sets grow with new readers).
        self.follow = {word: frozenset(after) for word, after in vocabulary.follow.items()}
        for word, readers in by_word.items():
            if word in vocabulary.open:
                anyway = tuple(reader for reader, allowed in readers if allowed is None)
                automaton.add_word(f" {word} ", (False, word, len(word) + 1, anyway, None))
            if word in self.follow:
                given: dict[str, tuple[int, ...]] = {}
                for after in self.follow[word]:
                    given[after] = tuple(r for r, allowed in readers if allowed and after in allowed)
                automaton.add_word(f" {word}  ", (True, word, len(word) + 2, given, None))
                for after in self.follow[word]:
                    back = len(word) + len(after) + 2
                    automaton.add_word(f" {word} {after} ", (True, word, back, given, after))
        if by_word:
            automaton.make_automaton()
        self.automaton = automaton
        #: Each first word's readers, with the words that may follow it for each (None: any).
        self.by_word = {word: tuple(readers) for word, readers in by_word.items()}
        #: How many readers the vocabulary had.
        self.count = len(vocabulary.readers)
        #: Whether a key holds "_" (then a letter that is not ASCII cannot stand as "_": _spaced).
        self.underscore = any("_" in word for word in by_word) or any(
            "_" in after for afters in self.follow.values() for after in afters
        )


_VOCABULARY = _Vocabulary()


class TextWords:
    """Where each first word of a lexicon starts in one text, and each lexicon's candidate offsets.

    One scan of the lower-cased text by the automaton of every lexicon's first words finds them
    (a word of the text is a first word when its lower case is one) and hands each reader its
    offsets. Where lower-casing changes the text's length, offsets would shift: ``indexed`` is
    false and readers go word by word. The words are maximal runs of word characters of the
    whole text: a reader of a range must check that no word runs across its ends.
    """

    __slots__ = (
        "_candidates", "_low", "_order", "_starts", "_tables", "_vocabulary", "exotic", "indexed", "version"
    )

    def __init__(self, text: str, vocabulary: _Vocabulary, *, automaton: bool = True) -> None:
        ascii_ = text.isascii()
        # An ASCII text keeps its length in lower case (the automaton's text is lowered on the way).
        low = None if ascii_ else text.lower()
        #: Whether the index holds (lower-casing kept every offset); if not, readers go word by word.
        self.indexed = ascii_ or len(low) == len(text)
        #: Whether the text holds a letter ``re`` matches with an ASCII letter though its lower
        #: case is another (dotted and dotless i, long s): second words are then not compared.
        self.exotic = not ascii_ and EXOTIC.search(text) is not None
        #: The vocabulary's version the index was made with.
        self.version = vocabulary.version
        self._vocabulary = vocabulary
        #: The vocabulary's automaton and readers as they stood then.
        self._tables = vocabulary.tables()
        #: The text's lower case, or the text itself when ASCII (lowered when the order is asked for).
        self._low = low if low is not None else text
        #: ``(offset, lower-case first word, the word after it or None)`` in text order (made
        #: when asked for where the automaton gave the readers their offsets).
        self._order: list[tuple[int, str, str | None]] | None = []
        self._starts: list[list[int]] | None = None
        self._candidates: dict[object, list[int]] = {}
        if not self.indexed:
            return
        if automaton and not self.exotic:
            # Every reader's offsets found in one pass (the regex below is the reference).
            self._starts = _automaton_starts(text, low, self._tables)
            self._order = None
        else:
            # Read after a space, a word at the start is one after a non-word character too.
            lowered = text.lower() if low is None else low
            scan = vocabulary.regex(followed=not self.exotic).finditer(" " + lowered)
            self._order = [(m.start(), m[1] or m[2], m[3]) for m in scan]

    @property
    def order(self) -> list[tuple[int, str, str | None]]:
        """``(offset, lower-case first word, the word after it or None)`` in text order."""
        if self._order is None:
            low = self._low
            self._order = _automaton_order(low.lower() if low.isascii() else low, self._tables)
        return self._order

    def starts(self, reader: int) -> list[int]:
        """Offsets of the first words of a registered reader (:func:`index_reader`), in text order.

        The same offsets as :meth:`starts_of` with the reader's words; every reader's are
        sorted out at once, the first time one is asked for (when the automaton did not).
        """
        lists = self._starts
        if lists is None:
            tables = self._tables
            lists = self._starts = [[] for _ in range(tables.count)]
            exotic = self.exotic
            for at, word, after in self.order:
                # The regex without closed words also finds "" (a gap before a non-word character).
                for number, allowed in tables.by_word.get(word, ()):
                    if allowed is None or exotic or after in allowed:
                        lists[number].append(at)
        if reader >= len(lists):
            # A reader that came after this index was made (text_words() makes a new one): the
            # words of the vocabulary the index was made with, read as the old per-reader loop did.
            firsts, seconds = self._vocabulary.readers[reader]
            return self.starts_of(firsts, seconds, key=("reader", reader))
        return lists[reader]

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
            order = self.order
            if not seconds or self.exotic:
                found = [at for at, word, _ in order if word in firsts]
            else:
                found = []
                for at, word, after in order:
                    if word in firsts:
                        allowed = seconds.get(word)
                        if allowed is None or after in allowed:
                            found.append(at)
            self._candidates[key] = found
        return found


#: ASCII letters, digits and the underscore (``\\w`` of an ASCII text) stay; every other byte becomes a space.
_RUNS = bytes(b if chr(b).isascii() and (chr(b).isalnum() or b == 0x5F) else 0x20 for b in range(256))
#: :data:`_RUNS`, capitals lowered.
_LOWER_RUNS = bytes(b + 32 if 0x41 <= b <= 0x5A else b for b in _RUNS)
#: Any non-word character but a space (which stays as it is).
_NON_WORD = re.compile(r"[^\w ]")


def _other_letters(error: UnicodeEncodeError) -> tuple[str, int]:
    """Codec error handler: a character that is not ASCII becomes ``_`` if it is a word character
    (``re``'s ``\\w``: alphanumeric), a space otherwise (what :data:`_NON_WORD` makes of it)."""
    chunk = error.object[error.start : error.end]
    return "".join("_" if ch.isalnum() else " " for ch in chunk), error.end


codecs.register_error("rhetoric-text-words", _other_letters)
#: The word after a first word, past spaces, quotes and commas (as :meth:`_Vocabulary.regex` reads it).
_AFTER = re.compile(rf"{SEPARATOR}(\w+)")


def _spaced(text: str, low: str | None, tables: _Tables) -> str:
    """The lower-cased text with a space for every non-word character, and one at each end.

    ``low`` is the text's lower case, None for an ASCII text (lowered here, by bytes).
    """
    if low is None:
        return f" {text.encode('ascii').translate(_LOWER_RUNS).decode('ascii')} "
    if tables.underscore:
        return f" {_NON_WORD.sub(' ', low)} "
    # The first words are ASCII: a word with other letters ("naïve") stays one word ("na_ve"),
    # not a key (no key holds "_"); a curly quote is a space, as _NON_WORD.sub(" ", low) has it.
    return f" {low.encode('ascii', 'rhetoric-text-words').translate(_LOWER_RUNS).decode('ascii')} "


def _automaton_starts(text: str, low: str | None, tables: _Tables) -> list[list[int]]:
    """Every reader's offsets (:meth:`TextWords.starts`) of a text with no exotic letter, in one pass.

    The automaton finds each first word; a key of a word alone hands it to the readers that
    take it whatever follows, a key with the next word (or a gap) to the readers whose phrases
    go on with the next word, read past separators as the regex reads it (so each reader reads
    the offsets it reads from :func:`_automaton_order`'s index). ``low`` is the text's lower
    case (None for ASCII).
    """
    lists: list[list[int]] = [[] for _ in range(tables.count)]
    if not tables.by_word:
        return lists
    # Compared in lower case: an ASCII text is read as it is and its next word lowered.
    source = text if low is None else low
    match_after = _AFTER.match
    late: set[int] | None = None
    for end, (compared, word, back, given, after) in tables.automaton.iter(_spaced(text, low, tables)):
        at = end - back
        if not compared:
            for number in given:
                lists[number].append(at)
            continue
        gap = at + len(word)
        if after is not None and source[gap] == " ":
            # " word next " over a plain space: the next word is the key's (what the regex reads).
            readers = given[after]
        else:
            # " word next " or " word  ": the next word counts when only separators stand before it.
            found = match_after(source, gap)
            if found is None:
                continue
            readers = given.get(found[1] if low is not None else found[1].lower())
        if readers:
            for number in readers:
                lists[number].append(at)
            if late is None:
                late = set()
            late.update(readers)
    if late:
        # Found at the end of the word after it: after the words that stand before that one.
        for number in late:
            lists[number].sort()
    return lists


def _automaton_order(low: str, tables: _Tables) -> list[tuple[int, str, str | None]]:
    """:class:`TextWords`' index of a lower-cased text (no exotic letter), found in C.

    Every non-word character becomes a space and the automaton of :class:`_Tables` finds the
    first words in one pass. Every reader reads the same offsets as from the regex's index: a
    word no reader leaves open is kept only before a word it may be followed by (the regex keeps
    it before a word any such word may be followed by, which no reader takes), and a word some
    reader compares the next word of carries it only when it is one it may be followed by
    (None otherwise, which no reader takes either).
    """
    if not tables.by_word:
        return []
    follow = tables.follow
    order: list[tuple[int, str, str | None]] = []
    # Where an open word that may carry its next word stands in ``order``.
    carried: dict[int, int] = {}
    unsorted = False
    match_after = _AFTER.match
    spaced = _spaced(low, None if low.isascii() else low, tables)
    for end, (compared, word, back, _, _) in tables.automaton.iter(spaced):
        at = end - back
        if not compared:
            if word in follow:
                carried[at] = len(order)
            order.append((at, word, None))
            continue
        # " word next " or " word  ": the next word counts when only separators stand before it.
        found = match_after(low, at + len(word))
        if found is None or found[1] not in follow[word]:
            continue
        i = carried.get(at)
        if i is None:
            # A word no reader leaves open, found at the end of the word after it.
            order.append((at, word, found[1]))
            unsorted = True
        else:
            order[i] = (at, word, found[1])
    if unsorted:
        order.sort()
    return order


@lru_cache(maxsize=4)
def _text_words(text: str, version: int) -> TextWords:
    return TextWords(text, _VOCABULARY)


def text_words(text: str) -> TextWords:
    """The first words of ``text``, indexed once for all the lexicons that read it."""
    global _LAST
    # Every reader of one statement asks for the same text object many times in a row.
    last_text, words = _LAST
    if last_text is text and words is not None and words.version == _VOCABULARY.version:
        return words
    words = _text_words(text, _VOCABULARY.version)
    # One tuple, rebound at once: another thread never sees a text with another text's index.
    _LAST = (text, words)
    return words


#: The text asked for last and its index.
_LAST: tuple[str | None, TextWords | None] = (None, None)


def index_reader(words: frozenset[str], seconds: Mapping[str, frozenset[str]] | None = None) -> int | None:
    """Register a reader's first words (see :func:`index_words`); its number for :meth:`TextWords.starts`.

    Returns:
        The reader's number, or None when its words cannot be indexed (read word by word).
    """
    if not all(w.isascii() for w in words):
        return None
    return _VOCABULARY.add(words, seconds or {})


def index_words(words: frozenset[str], seconds: Mapping[str, frozenset[str]] | None = None) -> bool:
    """Add a reader's first words (lower case) to the vocabulary every text is indexed by.

    Args:
        words: The words the reader's phrases can start with.
        seconds: For some of them, every word that can follow (past :data:`SEPARATOR`).

    Returns:
        Whether they are indexed: a word that is not ASCII may be spelt otherwise in lower
        case, and its reader must go word by word.
    """
    return index_reader(words, seconds) is not None


__all__ = ["EXOTIC", "SEPARATOR", "TextWords", "index_reader", "index_words", "text_words"]
