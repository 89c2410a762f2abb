"""Clause parsing for attribution: tokens of the masked text, cue verbs, verb groups and subjects.

A :class:`UnitParser` reads one sentence unit of the masked article (quoted words hidden)
and finds the cues of attribution (speech and stance verbs with their auxiliaries and
adverbs, "according to", participles) and, for each verb, the subject noun phrase before
it: comma-delimited segments are read from the verb leftwards, parentheticals ("for his
part") skipped, appositives and list items joined, clause words ("that", "because") and
verbs stopping the phrase.

Example:
    >>> p = UnitParser("Zelensky, for his part, has argued so.", "Zelensky, for his part, has argued so.",
    ...                (0, 38), accept=lambda phrase: True)
    >>> [(c.lemma, p.span_text(*p.subject(c.vg_start)[0])) for c in p.cues()]
    [('argue', 'Zelensky')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .lexicon import (
    AUXILIARIES,
    BE_FORMS,
    CLAUSE_WORDS,
    HEARSAY_PARTICIPLES,
    INVERTING_LEMMAS,
    NEGATIONS,
    PARENTHETICAL_STARTERS,
    PARTICIPLE_CUES,
    PARTICLES,
    PRONOUNS,
    VERB_FORMS,
    VERB_GROUP_ADVERBS,
)
from .quotes import MASK_CHAR, QUOTE_PAIRS
from .reltime import find_time_cues
from .types import CharSpan, CueClass, Pattern

_TOKEN_RE = re.compile(r"[^\W\d_][\w’'.\-]*(?<![.])|\d[\d,.]*|" + MASK_CHAR + r"+|[^\s\w]")
CLOSE_MARKS = frozenset('”"»’›“')
OPEN_MARKS = frozenset(QUOTE_PAIRS)
_STRONG_STOPS = frozenset(";:")
_DELIMS = frozenset(",;:–—()")
BOUNDARY_WORDS = frozenset(
    "and but while whereas although though yet as because so meanwhile however since when if".split()
)
COORDINATING_WORDS = frozenset("and but while whereas yet".split())
CLAUSE_MARKERS = frozenset(
    "will would can could must should may might is are was were has have had did does do won't wouldn't "
    "can't cannot isn't aren't wasn't weren't hasn't haven't didn't doesn't don't".split()
)
#: Verbs that take a clause without "that" ("said Ukraine would ...").
ZERO_THAT = frozenset(
    "say tell add argue claim believe think insist warn stress note admit acknowledge predict suggest "
    "signal indicate hint maintain contend concede reiterate write recall hope fear point make".split()
)
_MAX_SUBJECT_TOKENS = 14


@dataclass(frozen=True)
class Token:
    """A token of the masked text: word, number, punctuation mark, or a run of masked quote text."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        """Lower-case text, curly apostrophes straightened."""
        return self.text.lower().replace("’", "'")

    @property
    def is_word(self) -> bool:
        """A word or number, not punctuation or masked text."""
        return self.text[0].isalnum()


@dataclass
class Cue:
    kind: str  # verb | according | inverted | participle | hearsay
    index: int  # token index of the cue word
    end_index: int  # token index after the cue (particles included)
    lemma: str = ""
    vg_start: int = 0  # token index of the verb group start
    subject: tuple[int, int] | None = None  # token index range [i, j)
    clause_start: int = 0  # char offset where this clause begins
    coordinating: bool = False
    valid: bool = False
    perfect: bool = False
    content: list[int] = field(default_factory=lambda: [0, 0])
    cue_class: CueClass = CueClass.REPORTING
    pattern: Pattern = Pattern.REPORTED_CLAUSE
    left_content: CharSpan | None = None
    right_open: bool = True  # content runs to the right and may be cut by a later clause
    may_invert: bool = False
    inherit: bool = False  # speaker of the previous attribution ("…, adding", "… but warned")
    relay: CharSpan | None = None  # "…, the White House said" after reported content


def tokenize(masked: str, start: int, end: int) -> list[Token]:
    """Tokens of ``masked[start:end]`` with article offsets.

    Example:
        >>> [t.text for t in tokenize("He said: “··”.", 0, 14)]
        ['He', 'said', ':', '“', '··', '”', '.']
    """
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(masked, start, end)]


def is_quote_mark(tok: Token) -> bool:
    return tok.text in OPEN_MARKS or tok.text in CLOSE_MARKS


def _is_verbish(tok: Token) -> bool:
    low = tok.low
    return low in AUXILIARIES or (low in VERB_FORMS and low not in ("state", "states", "report", "reports"))


def _time_token_ids(tokens: list[Token], masked: str) -> set[int]:
    if not tokens:
        return set()
    cues = find_time_cues(masked, tokens[0].start, tokens[-1].end)
    ids: set[int] = set()
    for k, t in enumerate(tokens):
        if any(c.start <= t.start < c.end for c in cues):
            ids.add(k)
    return ids


class UnitParser:
    def __init__(self, text: str, masked: str, unit: CharSpan, accept: Callable[[str], bool]) -> None:
        self.text = text
        self.masked = masked
        self.unit = unit
        self.accept = accept
        self.toks = tokenize(masked, *unit)
        self.time_ids = _time_token_ids(self.toks, masked)

    # -- cue discovery ---------------------------------------------------------------------------

    def cues(self) -> list[Cue]:
        out: list[Cue] = []
        toks = self.toks
        k = 0
        while k < len(toks):
            t = toks[k]
            low = t.low
            if low == "according" and k + 1 < len(toks) and toks[k + 1].low == "to":
                out.append(Cue("according", k, k + 2, pattern=Pattern.ACCORDING_TO))
                k += 2
                continue
            # A capitalised verb form inside a sentence is a name ("the United States").
            if low in VERB_FORMS and (t.text.islower() or k == 0):
                cue = self._verb_cue(k)
                if cue is not None:
                    out.append(cue)
                    k = cue.end_index
                    continue
            k += 1
        return out

    def _prev(self, k: int) -> Token | None:
        return self.toks[k - 1] if k > 0 else None

    def _verb_cue(self, k: int) -> Cue | None:
        toks = self.toks
        t = toks[k]
        low = t.low
        lemma = VERB_FORMS[low]
        prev = self._prev(k)
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if prev is not None and prev.low == "to":
            return None  # an infinitive ("to call it") is not a statement of the subject
        if nxt is not None and nxt.low in AUXILIARIES and nxt.low not in ("be", "been", "being"):
            return None  # "the Baltic states have argued": a noun before the verb
        # Passive hearsay: "is said to support".
        if (
            low in HEARSAY_PARTICIPLES
            and prev is not None
            and prev.low in BE_FORMS
            and nxt
            and nxt.low == "to"
        ):
            vg = self._group_start(k)
            return Cue("hearsay", k, k + 2, lemma, vg, pattern=Pattern.HEARSAY, cue_class=CueClass.STANCE)
        if low.endswith("ing"):
            if (
                low in PARTICIPLE_CUES
                and prev is not None
                and (
                    prev.text == ","
                    or (
                        prev.low in ("instead", "while", "before", "after")
                        and k > 1
                        and toks[k - 2].text == ","
                    )
                )
            ):
                return Cue(
                    "participle", k, self._particle_end(k, lemma), lemma, k, pattern=Pattern.PARTICIPLE
                )
            vg = self._group_start(k)
            if not any(toks[j].low in BE_FORMS for j in range(vg, k)):
                return None
        end = self._particle_end(k, lemma)
        if lemma in PARTICLES and end == k + 1:
            return None
        vg = self._group_start(k)
        group = [toks[j].low for j in range(vg, k)]
        # A past participle after a form of "be" is passive ("it should be noted"): no speaker.
        if group and group[-1] in BE_FORMS and not low.endswith("ing"):
            return None
        if any(g in BE_FORMS for g in group[-2:]) and not low.endswith("ing"):
            return None
        perfect = any(g in ("has", "have", "had", "'s", "'ve", "'d") for g in group)
        cue = Cue("verb", k, end, lemma, vg, perfect=perfect)
        # "…,” said Zelensky": tried only when no subject precedes the verb.
        cue.may_invert = (
            lemma in INVERTING_LEMMAS
            and vg == k
            and prev is not None
            and (prev.text == "," or prev.text in CLOSE_MARKS or prev.text in "–—")
            and nxt is not None
            and nxt.low not in ("that", ":", "it", "this")
            and not is_quote_mark(nxt)
            and nxt.text not in ".,"
        )
        return cue

    def _particle_end(self, k: int, lemma: str) -> int:
        particles = PARTICLES.get(lemma, ())
        toks = self.toks
        for particle in sorted(particles, key=lambda p: -len(p.split())):
            words = particle.split()
            seq = [toks[j].low for j in range(k + 1, min(len(toks), k + 1 + len(words)))]
            if seq == words:
                return k + 1 + len(words)
        return k + 1

    def _group_start(self, k: int) -> int:
        """Index of the first token of the verb group ending at the verb ``k`` (auxiliaries, adverbs)."""
        j = k
        while j > 0:
            p = self.toks[j - 1]
            low = p.low
            if low in AUXILIARIES or low in VERB_GROUP_ADVERBS or low in NEGATIONS or low == "n't":
                j -= 1
                continue
            if low.endswith("ly") and p.is_word and not p.text[0].isupper() and len(low) > 4:
                j -= 1
                continue
            if (j - 1) in self.time_ids and p.is_word and not p.text[0].isupper() and j - 2 >= 0:
                # "has on Sunday said" is rare; "Zelensky on Sunday said" puts the time before the verb.
                j -= 1
                continue
            if (j - 1) in self.time_ids and low in (
                "sunday",
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
            ):
                j -= 1
                continue
            break
        return j

    # -- subjects --------------------------------------------------------------------------------

    def _np_tail(self, ids: list[int]) -> list[int]:
        """The longest suffix of a segment that can be a subject noun phrase."""
        toks = self.toks
        tail: list[int] = []
        for pos in range(len(ids) - 1, -1, -1):
            j = ids[pos]
            t = toks[j]
            low = t.low
            if not t.is_word or j in self.time_ids:
                break
            if low in CLAUSE_WORDS and low != "for" and low != "as":
                break
            if _is_verbish(t) and low not in PRONOUNS:
                break
            if low == "and":
                before = toks[ids[pos - 1]] if pos > 0 else None
                if before is None or not (before.text[0].isupper() or before.low in ("the",)):
                    break
            tail.append(j)
            if len(tail) > _MAX_SUBJECT_TOKENS:
                return []
        tail.reverse()
        # A leading preposition makes a prepositional phrase ("In Kyiv Zelensky said"): drop it.
        while tail and toks[tail[0]].low in ("in", "on", "at", "from", "to", "with", "by", "after", "during"):
            tail = tail[1:]
        while tail and toks[tail[0]].low in ("and", "but", "so", "then", "also"):
            tail = tail[1:]
        return tail

    def _segment_is_np(self, ids: list[int]) -> bool:
        if not ids:
            return False
        first = self.toks[ids[0]].low
        if first in PARENTHETICAL_STARTERS or any(j in self.time_ids for j in ids):
            return False
        return self._np_tail(ids) == ids

    def subject(self, vg: int) -> tuple[tuple[int, int], int, bool] | None:
        """Subject token range before the verb group ``vg``, clause start offset, coordinating flag."""
        toks = self.toks
        # Comma-delimited segments, nearest the verb first.
        segments: list[tuple[list[int], Token | None]] = []
        cur: list[int] = []
        j = vg - 1
        while j >= 0:
            t = toks[j]
            if t.text in _DELIMS or is_quote_mark(t) or MASK_CHAR in t.text:
                segments.append((list(reversed(cur)), t))
                cur = []
                if t.text in _STRONG_STOPS or is_quote_mark(t) or MASK_CHAR in t.text or t.text in "()":
                    break
            else:
                cur.append(j)
            j -= 1
        else:
            segments.append((list(reversed(cur)), None))
        chosen: list[int] = []
        for n, (ids, delim) in enumerate(segments):
            if not ids:
                if n == 0 and delim is not None and delim.text == ",":
                    continue  # "Kellogg, has previously suggested": the appositive's closing comma
                break
            if not chosen:
                if delim is not None and delim.text == "," and toks[ids[0]].low in PARENTHETICAL_STARTERS:
                    continue  # ", for his part," between subject and verb
                tail = self._np_tail(ids)
                if not tail:
                    return None
                chosen = tail
                pronoun = len(tail) == 1 and toks[tail[0]].low in PRONOUNS
                if pronoun or len(tail) < len(ids) or delim is None or delim.text != ",":
                    break
                continue
            # An appositive or list item must itself name a speaker ("the EU's foreign policy
            # chief"), which a clause with an unknown verb ("drones struck …") does not.
            if self._segment_is_np(ids) and self.accept(self.span_text(ids[0], ids[-1] + 1)):
                chosen = ids + chosen
                if delim is None or delim.text != ",":
                    break
                continue
            tail = self._np_tail(ids)
            head_before = toks[ids[len(ids) - len(tail) - 1]].low if tail and len(tail) < len(ids) else ""
            if tail and head_before in CLAUSE_WORDS | {"and", "but"} and toks[tail[0]].text[0].isupper():
                chosen = tail + chosen
            break
        if not chosen:
            return None
        # Trailing commas inside the chosen range are part of appositives; drop an unmatched last comma.
        i0, i1 = chosen[0], chosen[-1] + 1
        clause_start, coordinating = self._clause_start(i0)
        return (i0, i1), clause_start, coordinating

    def _clause_start(self, i0: int) -> tuple[int, bool]:
        toks = self.toks
        j = i0
        coordinating = False
        while j > 0:
            p = toks[j - 1]
            if p.text in ",;–—" or p.low in BOUNDARY_WORDS:
                if p.low in COORDINATING_WORDS or p.text == ";":
                    coordinating = True
                j -= 1
                continue
            break
        if j == 0:
            return self.unit[0], coordinating
        return toks[j].start if j < len(toks) else self.unit[1], coordinating

    def span_text(self, i0: int, i1: int) -> str:
        return self.text[self.toks[i0].start : self.toks[i1 - 1].end]
