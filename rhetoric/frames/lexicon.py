"""Phrase lists matched fast: a regex tried only at the words its phrases can start with.

Python's ``re`` tries every alternative of a long phrase list at every position of a text.
A :class:`Lexicon` tries its regex only at the words of the text that can open one of its
phrases (``firsts``), and its phrases are a trie by first word
(:func:`rhetoric.lang.alternation.alternation`), so at such a word ``re`` walks a few letters
to the phrases that open with it. The words of a text are indexed once (:func:`rhetoric.frames.text_words.text_words`)
and shared by every lexicon that reads it.

Example:
    >>> import re
    >>> lex = Lexicon(re.compile(r"(?<!\\w)(?:call(?:s|ed)?\\s+for|reject(?:s|ed)?)(?!\\w)", re.I), frozenset({"call", "calls", "called", "reject", "rejects", "rejected"}))
    >>> [m.group(0) for m in lex.finditer("Kyiv called for talks; Moscow rejected them.", 0, 44)]
    ['called for', 'rejected']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache

from ..lang import Language
from ..lang.alternation import NEVER, alternation, by_initial_order, followers
from ..lang.schema import SCHEMA
from .text_words import index_reader, text_words

_TOKEN_RE = re.compile(r"\w+")

#: ``head(file, *keys, initial=False)``: the alternation of the phrases of ``file.key…`` (in
#: the order of :func:`~rhetoric.frames.clauses.by_initial` with ``initial``).
Head = Callable[..., str]
#: Builds a lexicon's regex source around its head lists (the lists whose phrases open a match).
Source = Callable[[Head], str]


@lru_cache(maxsize=4)
def _tokens(text: str) -> tuple[list[int], list[str]]:
    """Word starts and lower-case words of a text (the word-by-word reading)."""
    starts, words = [], []
    for m in _TOKEN_RE.finditer(text):
        starts.append(m.start())
        words.append(m.group(0).lower())
    return starts, words


class Lexicon:
    """A phrase regex and the first words its phrases can start with.

    Python's ``re`` tries every alternative of a long phrase list at every position; trying
    the phrases only at words of ``firsts`` is many times faster (the stance stage must keep
    pace with tagging).
    """

    def __init__(
        self, rx: re.Pattern[str], firsts: frozenset[str], seconds: Mapping[str, frozenset[str]] | None = None
    ) -> None:
        self.rx = rx
        self.firsts = firsts
        #: For some first words, the words that can follow them (a word followed by another is no candidate).
        self.seconds = dict(seconds or {})
        # A first word that is not ASCII may be spelt otherwise in lower case: read word by word.
        self._reader = index_reader(firsts, self.seconds)
        self._indexed = self._reader is not None

    @classmethod
    def of(cls, language: Language, source: Source, firsts: list[tuple[str, str]], *, trie: bool = True) -> Lexicon:
        """A case-insensitive lexicon whose regex is ``source(head)``.

        Args:
            language: The language data.
            source: Builds the regex source; every match opens with a phrase of the lists it reads
                through ``head`` (right after zero-width assertions), and no letter may follow
                such a phrase's last word.
            firsts: The ``(file, key)`` lists whose first words are where a match may start.
            trie: Spell the head lists as tries (``False``: flat alternations, the reference).
        """
        used: list[tuple[str, str, str]] = []

        def head(file: str, *keys: str, initial: bool = False) -> str:
            alternatives = [alt for key in keys for alt in language.alternatives(file, key)]
            used.extend(alternatives)
            if initial:
                alternatives = by_initial_order(alternatives)
            if trie:
                return alternation(alternatives)
            return "|".join(s for s, *_ in alternatives) or NEVER

        rx = re.compile(source(head), re.IGNORECASE)
        return cls(rx, firsts_of(language, firsts), followers(used) if trie else None)

    @property
    def indexed(self) -> bool:
        """Whether the text index gives this lexicon's first words (else it reads word by word)."""
        return self._indexed

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """Non-overlapping matches in ``text[start:end]``, left to right (as ``re.finditer``)."""
        words = text_words(text) if self._indexed else None
        if words is None or not words.indexed:
            return self._finditer_words(text, start, end)
        return self._finditer_starts(text, words.starts(self._reader), start, end)

    def _finditer_starts(self, text: str, starts: list[int], start: int, end: int) -> Iterator[re.Match[str]]:
        pos = start
        rx = self.rx
        for i in range(bisect_left(starts, start), len(starts)):
            at = starts[i]
            if at >= end:
                break
            if at < pos:
                continue
            match = rx.match(text, at, end)
            if match:
                yield match
                pos = match.end()

    def _finditer_words(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """:meth:`finditer` word by word (any text)."""
        starts, words = _tokens(text)
        firsts = self.firsts
        return self._finditer_starts(text, [at for at, w in zip(starts, words, strict=True) if w in firsts], start, end)

    def search(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """The leftmost match in ``text[start:end]``, or ``None``: :meth:`finditer`'s first.

        Spelt out as a loop rather than ``next(self.finditer(...))``: readers ask for a search
        a dozen times a mention, and the generator cost about as much as the match.
        """
        words = text_words(text) if self._indexed else None
        if words is None or not words.indexed:
            return next(self._finditer_words(text, start, end), None)
        starts = words.starts(self._reader)
        rx = self.rx
        for i in range(bisect_left(starts, start), len(starts)):
            at = starts[i]
            if at >= end:
                break
            match = rx.match(text, at, end)
            if match:
                return match
        return None


#: Two word characters: a word runs across this place.
_CUT = re.compile(r"\w\w")


class Scanner:
    """A regex read as ``re`` reads it, through the text index where that finds the same matches.

    The regex must be one whose every match opens with a phrase of the lists given, each phrase
    opening with an ASCII letter or digit at the start of a word (after zero-width assertions).
    Then a match starts at a word of the text whose lower case is a first word, and
    :class:`Lexicon` finds it, unless the text holds a letter ``re`` folds onto an ASCII one
    though its lower case is another (exotic, or lower case of another length), or a word runs
    across the end of the range (``re`` then reads the cut word as a word of its own): there,
    and for lists that open otherwise, the regex itself runs.
    """

    def __init__(self, rx: re.Pattern[str], lexicon: Lexicon | None) -> None:
        self.rx = rx
        self.lexicon = lexicon if lexicon is not None and lexicon.indexed else None

    @classmethod
    def of(cls, language: Language, rx: re.Pattern[str], keys: list[tuple[str, str]]) -> Scanner:
        """``rx`` with the first words (and what may follow them) of the phrases of ``keys``."""
        # Every spelling counts: the inflected and irregular forms of a verb too.
        alternatives = [alt for file, key in keys for alt in language.alternatives(file, key)]
        if not all(head[:1].isascii() and head[:1].isalnum() for _, head, _ in alternatives):
            return cls(rx, None)
        return cls(rx, Lexicon(rx, firsts_of(language, keys), followers(alternatives)))

    def _indexed(self, text: str, end: int) -> Lexicon | None:
        lexicon = self.lexicon
        if lexicon is None:
            return None
        words = text_words(text)
        if not words.indexed or words.exotic or _CUT.match(text, end - 1, end + 1):
            return None
        return lexicon

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """``rx.search(text, start, end)`` (the whole text by default, as ``re``)."""
        end = len(text) if end is None else end
        lexicon = self._indexed(text, end)
        return lexicon.search(text, start, end) if lexicon else self.rx.search(text, start, end)

    def absent(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether the index shows that ``rx`` matches nowhere in ``text[start:end]`` (False: it may)."""
        end = len(text) if end is None else end
        lexicon = self._indexed(text, end)
        return lexicon is not None and lexicon.search(text, start, end) is None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """``rx.finditer(text, start, end)`` (the whole text by default, as ``re``)."""
        end = len(text) if end is None else end
        lexicon = self._indexed(text, end)
        return lexicon.finditer(text, start, end) if lexicon else self.rx.finditer(text, start, end)


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


__all__ = ["Head", "Lexicon", "Scanner", "Source", "firsts_of"]
