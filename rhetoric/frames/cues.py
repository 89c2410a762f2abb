"""Condition-cue table: load the packaged ``cues.toml``, extend it per corpus, find cues in text.

Phrases are literal words (never evaluated); they compile to one alternation so a
sentence is scanned once. Longer phrases win where cues overlap.

Example:
    >>> table = default_cue_table()
    >>> [(h.cue.id, h.text) for h in table.find("No talks until they leave, as long as we agree.")]
    [('until', 'until'), ('as_long_as', 'as long as')]
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import CodebookError
from ..types import Relation

SHAPES = ("post", "pre", "conditions_are", "no_without", "exchange", "must_first", "unconditional")
CUE_KEYS = ("id", "phrases", "shape", "relation", "requires")
#: What a cue needs earlier in its clause to count: a negation ("no talks *while* …"), "only"
#: ("talks only *after* …") or a verb of exchange ("trade land *for* peace").
REQUIRES = ("", "negation", "only", "exchange_verb")


@dataclass(frozen=True)
class CueSpec:
    """One kind of condition cue and how it places outcome and condition."""

    id: str
    phrases: tuple[str, ...]
    shape: str
    relation: str
    requires: str = ""


@dataclass(frozen=True)
class CueHit:
    """A cue found in a text: which cue, where, and the words as written."""

    cue: CueSpec
    start: int
    end: int
    text: str


def _phrase_regex(phrase: str) -> str:
    words = phrase.lower().split()
    parts = [re.escape(w).replace("'", "['’]").replace("\\-", "[-‐‑–]?") for w in words]
    return r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"


_WORD_RE = re.compile(r"\w+(?:['’]\w+)?")


def _first_word(phrase: str) -> str:
    return _WORD_RE.match(phrase.lower().replace("’", "'").strip()).group(0)


def _key(phrase: str) -> str:
    # Matched text may differ from the listed phrase in case, spacing, apostrophes and hyphens.
    return re.sub(r"[\W_]+", "", phrase.casefold())


def _validate_entry(entry: Any, where: str) -> CueSpec:
    problems: list[str] = []
    if not isinstance(entry, dict):
        raise CodebookError("cue entries must be tables", problems=[f"[{where}] not a table"])
    cue_id = str(entry.get("id", ""))
    label = f"{where}.{cue_id or '?'}"
    unknown = [k for k in entry if k not in CUE_KEYS]
    if unknown:
        problems.append(f"[{label}] unknown key(s): {', '.join(unknown)}")
    if not cue_id:
        problems.append(f"[{label}.id] missing")
    phrases = entry.get("phrases", [])
    if (
        not isinstance(phrases, list)
        or not phrases
        or not all(isinstance(p, str) and p.strip() for p in phrases)
    ):
        problems.append(f"[{label}.phrases] must be a non-empty list of non-empty strings")
    shape = entry.get("shape", "")
    if shape not in SHAPES:
        problems.append(f"[{label}.shape] {shape!r} is not one of {', '.join(SHAPES)}")
    relation = entry.get("relation", "precondition")
    if relation not in {r.value for r in Relation}:
        problems.append(
            f"[{label}.relation] {relation!r} is not one of precondition, exchange, unconditional"
        )
    requires = entry.get("requires", "")
    if requires not in REQUIRES:
        problems.append(f"[{label}.requires] {requires!r} must be empty or one of {', '.join(REQUIRES[1:])}")
    if problems:
        raise CodebookError("invalid condition cue", problems=problems)
    return CueSpec(cue_id, tuple(p.strip() for p in phrases), shape, relation, requires)


class CueTable:
    """A compiled set of condition cues."""

    def __init__(self, cues: list[CueSpec]) -> None:
        self.cues = tuple(cues)
        entries: list[tuple[str, CueSpec]] = []
        for cue in self.cues:
            entries.extend((p, cue) for p in cue.phrases)
        # Longest phrase first, so the alternation prefers "only if" over "if".
        entries.sort(key=lambda pc: (-len(pc[0]), pc[0]))
        self._entries = entries
        self._by_phrase: dict[str, list[CueSpec]] = {}
        for phrase, cue in entries:
            self._by_phrase.setdefault(_key(phrase), []).append(cue)
        # One small alternation per first word: a sentence is scanned word by word and only
        # words that can open a cue try their phrases (a single big alternation is ~10x slower).
        by_first: dict[str, list[str]] = {}
        for phrase, _ in entries:
            by_first.setdefault(_first_word(phrase), []).append(phrase)
        self._by_first = {
            word: re.compile("|".join(f"(?:{_phrase_regex(p)})" for p in phrases), re.IGNORECASE)
            for word, phrases in by_first.items()
        }

    @classmethod
    def from_dicts(cls, entries: list[dict], *, where: str = "cue") -> CueTable:
        """Build from parsed TOML ``[[cue]]`` tables.

        Raises:
            CodebookError: Listing every problem as ``[where.id.field] message``.
        """
        cues, problems = [], []
        for i, entry in enumerate(entries):
            try:
                cues.append(_validate_entry(entry, f"{where}[{i}]"))
            except CodebookError as exc:
                problems.extend(exc.problems)
        if problems:
            raise CodebookError("invalid condition cues", problems=problems)
        return cls(cues)

    def extended(self, entries: list[dict]) -> CueTable:
        """A new table with extra cues (a codebook's ``[[frames.cue]]``) appended."""
        return CueTable([*self.cues, *CueTable.from_dicts(entries, where="frames.cue").cues])

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CueHit]:
        """Every cue in ``text[start:end]``, left to right, non-overlapping, longest first.

        A phrase listed under several cues yields one hit per cue at the same place.
        """
        end = len(text) if end is None else end
        hits: list[CueHit] = []
        resume = start
        for w in _WORD_RE.finditer(text, start, end):
            if w.start() < resume:
                continue
            regex = self._by_first.get(w.group(0).lower().replace("’", "'"))
            m = regex.match(text, w.start(), end) if regex else None
            if m is None:
                continue
            for cue in self._by_phrase.get(_key(m.group(0)), ()):
                hits.append(CueHit(cue, m.start(), m.end(), m.group(0)))
            resume = m.end()
        return hits


@lru_cache(maxsize=1)
def default_cue_table() -> CueTable:
    """The packaged cue table (``rhetoric/frames/data/cues.toml``)."""
    raw = resources.files("rhetoric.frames").joinpath("data/cues.toml").read_text(encoding="utf-8")
    return CueTable.from_dicts(tomllib.loads(raw)["cue"])
