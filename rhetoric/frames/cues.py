"""Condition-cue table: the language's ``cues.toml`` records, extended per corpus, found in text.

Phrases are literal words (never evaluated); per first word they compile to one
alternation so a sentence is scanned once. Longer phrases win where cues overlap. A
cue's local exceptions (``not_before``, ``not_after``, ``next_word_ends``) are checked
here, so an exception is no hit at all and cuts no other cue's region.

Example:
    >>> table = default_cue_table()
    >>> [(h.cue.id, h.text) for h in table.find("No talks until they leave, as long as we agree.")]
    [('until', 'until'), ('as_long_as', 'as long as')]
    >>> [h.cue.id for h in table.find("They met once again, even if late.")]
    []
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import CodebookError
from ..lang import phrase_regex, validate_cues
from ..lang.alternation import followers
from .clauses import FrameWords, frame_words
from .text_words import SEPARATOR, index_reader, text_words

if TYPE_CHECKING:
    from ..lang import Language

_HYPHENS = "-‐‑"
#: How far back (characters) the word that takes an infinitive is looked for ("urged both sides to").
_TAKER_REACH = 60
_SEP = SEPARATOR


@dataclass(frozen=True)
class CueSpec:
    """One kind of condition cue and how it places outcome and condition."""

    id: str
    phrases: tuple[str, ...]
    shape: str
    relation: str
    requires: str = ""
    position: str = "any"
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    next_word_ends: tuple[str, ...] = ()
    flip_on_demand: bool = False
    infinitive: bool = False
    nearest_outcome: bool = False
    unstated: bool = False
    looks_back: bool = False
    _before_re: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _after_re: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _next_re: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_record(cls, rec: Mapping[str, Any]) -> CueSpec:
        """A cue from a validated record (see :func:`rhetoric.lang.validate_cues`)."""

        def alt(key: str) -> str:
            return "|".join(phrase_regex(p) for p in rec.get(key, ()))

        nb, na, nx = alt("not_before"), alt("not_after"), alt("next_word_ends")
        return cls(
            id=rec["id"],
            phrases=tuple(rec["phrases"]),
            shape=rec["shape"],
            relation=rec.get("relation", "precondition"),
            requires=rec.get("requires", ""),
            position=rec.get("position", "any"),
            not_before=tuple(rec.get("not_before", ())),
            not_after=tuple(rec.get("not_after", ())),
            next_word_ends=tuple(rec.get("next_word_ends", ())),
            flip_on_demand=bool(rec.get("flip_on_demand", False)),
            infinitive=bool(rec.get("infinitive", False)),
            nearest_outcome=bool(rec.get("nearest_outcome", False)),
            unstated=bool(rec.get("unstated", False)),
            looks_back=bool(rec.get("looks_back", False)),
            _before_re=re.compile(rf"(?<!\w)(?:{nb})\s*$", re.IGNORECASE) if nb else None,
            _after_re=re.compile(rf"\s*(?:{na})(?!\w)", re.IGNORECASE) if na else None,
            _next_re=re.compile(rf"\s*\w+(?:{nx})(?!\w)", re.IGNORECASE) if nx else None,
        )

    def holds_at(self, text: str, start: int, end: int, floor: int = 0) -> bool:
        """Whether the words around ``text[start:end]`` leave this cue a cue."""
        if self._before_re is not None and self._before_re.search(text[max(floor, start - 24) : start]):
            return False
        if self._after_re is not None and self._after_re.match(text, end):
            return False
        return self._next_re is None or bool(self._next_re.match(text, end))


@dataclass(frozen=True)
class CueHit:
    """A cue found in a text: which cue, where, and the words as written."""

    cue: CueSpec
    start: int
    end: int
    text: str


_WORD_RE = re.compile(r"\w+(?:['’]\w+)?")
_WORD_CHAR = re.compile(r"\w")
#: Two word characters: a word runs across this place.
_CUT = re.compile(r"\w\w")
#: The word (or number: "1,000") right before and right after a cue, across quotes.
_TOKEN_BEFORE = re.compile(r"(\w[\w,.]*)[\s\"'“”‘’«»]*$")
_TOKEN_AFTER = re.compile(r"[\s\"'“”‘’«»]*(\w[\w,.]*\w|\w)")


def like_for_like(text: str, start: int, end: int) -> bool:
    """Whether the same word or number stands on both sides of ``text[start:end]``.

    "all for all", "1,000 for 1,000", "one for one" name a rate of a swap, not what is given
    for what.

    Example:
        >>> like_for_like("exchanged all for all", 14, 17), like_for_like("land for peace", 5, 8)
        (True, False)
    """
    before = _TOKEN_BEFORE.search(text, max(0, start - 40), start)
    after = _TOKEN_AFTER.match(text, end)
    return bool(before and after) and before.group(1).rstrip(",.").lower() == after.group(1).lower()


def _first_word(phrase: str) -> str:
    return _WORD_RE.match(phrase.lower().replace("’", "'").strip()).group(0)


class CueTable:
    """A compiled set of condition cues."""

    def __init__(self, cues: list[CueSpec], *, language: Language | None = None) -> None:
        self.cues = tuple(cues)
        #: The language whose clause words the frame shapes read with these cues (None: English).
        self.language = language
        entries: list[tuple[str, CueSpec]] = []
        for cue in self.cues:
            entries.extend((p, cue) for p in cue.phrases)
        # Longest phrase first, so the alternation prefers "only if" over "if".
        entries.sort(key=lambda pc: (-len(pc[0]), pc[0]))
        # One small alternation per first word: a sentence is scanned word by word and only
        # words that can open a cue try their phrases (a single big alternation is ~10x slower).
        # Each distinct phrase is a named group; the group says which cues the match is.
        by_first: dict[str, dict[str, list[CueSpec]]] = {}
        for phrase, cue in entries:
            by_first.setdefault(_first_word(phrase), {}).setdefault(phrase.lower(), []).append(cue)
        self._groups: dict[str, list[CueSpec]] = {}
        self._sources: dict[str, str] = {}
        for word, phrases in by_first.items():
            parts = []
            for phrase, specs in phrases.items():
                name = f"p{len(self._groups)}"
                self._groups[name] = specs
                # Quotes and commas may stand between the words of a cue ('be "based on', 'and, ultimately,').
                regex = phrase_regex(phrase).replace(r"\s+", _SEP)
                parts.append(f"(?P<{name}>{regex})(?!\\w)")
            self._sources[word] = "|".join(parts)
        # Compiled on first use: a short text needs a few of them, and start-up stays small.
        self._by_first: dict[str, re.Pattern[str]] = {}
        # The word before an apostrophe in each first word ("don" of "don't"): where a cue can start.
        self._runs = frozenset(word.split("'")[0] for word in self._sources)
        # A first word every phrase of which goes on with one of a few words is read only before one.
        self._seconds = followers((phrase, phrase.split()[0], "".join(phrase.split()[1:2])) for phrase, _ in entries)
        self._reader = index_reader(self._runs, self._seconds)
        self._indexed = self._reader is not None

    def _regex(self, word: str) -> re.Pattern[str] | None:
        regex = self._by_first.get(word)
        if regex is None:
            source = self._sources.get(word)
            if source is None:
                return None
            regex = self._by_first[word] = re.compile(source, re.IGNORECASE)
        return regex

    def _words(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """The words of ``text[start:end]`` as ``_WORD_RE`` reads them, or those of them a cue can open.

        The text's index (:func:`~rhetoric.frames.text_words.text_words`) gives the words that can
        open a cue; each is a word of the reading unless an apostrophe joins it to the word before
        ("rock'n'roll") or a word runs across ``start`` or ``end``: then every word is read.
        """
        words = text_words(text) if self._indexed else None
        if words is None or not words.indexed or _CUT.match(text, start - 1, start + 1) or _CUT.match(text, end - 1, end + 1):
            return _WORD_RE.finditer(text, start, end)
        starts = words.starts(self._reader)
        starts = starts[bisect_left(starts, start) : bisect_left(starts, end)]
        for at in starts:
            if at - 2 >= start and text[at - 1] in "'’" and _WORD_CHAR.match(text, at - 2):
                return _WORD_RE.finditer(text, start, end)
        return (_WORD_RE.match(text, at, end) for at in starts)

    def _purpose_at(self, text: str, pos: int, floor: int) -> bool:
        """Whether an infinitive cue at ``pos`` states a purpose: not the infinitive a word takes, not a list item.

        "agreed to end the war", "ready to end it", "urged Russia to end it" complete the word
        before them; in "to stop the shelling, to stop the fighting" the second is one more item.
        """
        words = self.words
        if words.infinitive_taker.search(text, max(floor, pos - _TAKER_REACH), pos):
            return False
        cont = words.list_tail.search(text, max(floor, pos - _TAKER_REACH), pos)
        if cont is None:
            return True
        # The item before the separator opens with the same word ("to …, to …").
        first = _WORD_RE.match(text, pos)
        prev_start = max(text.rfind(",", floor, cont.start()) + 1, text.rfind(";", floor, cont.start()) + 1, floor)
        return first is None or not re.search(
            rf"(?<!\w){re.escape(first.group(0))}\s+\w", text[prev_start : cont.start()], re.IGNORECASE
        )

    @property
    def words(self) -> FrameWords:
        """The compiled clause words of :attr:`language`."""
        return frame_words(self.language)

    @classmethod
    def from_dicts(cls, entries: Any, *, where: str = "cue", language: Language | None = None) -> CueTable:
        """Build from parsed TOML ``[[cue]]`` tables.

        Raises:
            CodebookError: Listing every problem as ``[where[i].id.field] message``.
        """
        problems: list[str] = []
        records = validate_cues(entries, where, problems)
        if problems:
            raise CodebookError("invalid condition cues", problems=problems)
        return cls([CueSpec.from_record(r) for r in records], language=language)

    def extended(self, entries: Any) -> CueTable:
        """A new table with extra cues (a codebook's ``[[frames.cue]]``) appended."""
        extra = CueTable.from_dicts(entries, where="frames.cue").cues
        return CueTable([*self.cues, *extra], language=self.language)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CueHit]:
        """Every cue in ``text[start:end]``, left to right, non-overlapping, longest first.

        A phrase listed under several cues yields one hit per cue at the same place; a
        word joined to the one before by a hyphen ("land-for-peace") is no cue.
        """
        end = len(text) if end is None else end
        hits: list[CueHit] = []
        resume = start
        for w in self._words(text, start, end):
            if w.start() < resume or (w.start() > start and text[w.start() - 1] in _HYPHENS):
                continue
            regex = self._regex(w.group(0).lower().replace("’", "'"))
            m = regex.match(text, w.start(), end) if regex else None
            if m is None:
                continue
            found = False
            for cue in self._groups[m.lastgroup]:
                if (
                    cue.holds_at(text, m.start(), m.end(), start)
                    and (not cue.infinitive or self._purpose_at(text, m.start(), start))
                    and not (cue.shape == "exchange" and like_for_like(text, m.start(), m.end()))
                ):
                    hits.append(CueHit(cue, m.start(), m.end(), m.group(0)))
                    found = True
            if found:
                resume = m.end()
        return hits


def cue_table(lang: Language | None = None) -> CueTable:
    """The cue table of a language (its ``cues.toml`` plus a codebook's ``[[words.cues.cue]]``), cached."""
    if lang is None:
        return default_cue_table()
    cached = lang._patterns.get("frames.cue_table")
    if cached is None:
        cached = CueTable([CueSpec.from_record(r) for r in lang.cues()], language=lang)
        lang._patterns["frames.cue_table"] = cached
    return cached


def default_cue_table() -> CueTable:
    """The English cue table (``rhetoric/lang/en/cues.toml``)."""
    from ..lang import load_language

    return cue_table(load_language("en"))
