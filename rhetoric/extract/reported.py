"""Attribution cues in a sentence: who is reported as saying (or holding) what, with character spans.

Works on a *masked* copy of the article (quoted words hidden, offsets kept), one
sentence unit at a time, without a parser. Shapes recognised:

* subject-first: ``X said (that) …``, ``X told reporters …``, ``X has argued that …``,
  ``X, for his part, has previously argued …``, ``X has never supported …`` (stance verbs keep
  the verb in the content), ``X renewed calls for …``, ``X opened up to …``;
* hearsay passives: ``X is said to support …``, ``X is believed to …``;
* ``according to X, …`` and ``…, according to X``;
* quote-first and trailing: ``“…,” he said``, ``“…,” said X``, ``…, X said on Sunday.``;
* participles continuing the subject's speech: ``…, adding that …``;
* several attributions per sentence, split at coordinating boundaries (``, and X said …``),
  while cues inside reported content ("according to X, the US opposes it") stay nested.

Subjects come back as spans; :mod:`speakers` resolves them.

Example:
    >>> text = "Zelensky said on Sunday that talks were impossible."
    >>> [(a.cue, text[a.content[0]:a.content[1]]) for a in find_attributions(text, text, (0, len(text)))]
    [('said', 'talks were impossible')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .lexicon import (
    ADVERBIAL_STARTERS,
    AUXILIARIES,
    BE_FORMS,
    CLAUSE_WORDS,
    DETERMINERS,
    HEARSAY_PARTICIPLES,
    INVERTING_LEMMAS,
    NEGATIONS,
    OBJECT_VERBS,
    PARENTHETICAL_STARTERS,
    PARTICIPLE_CUES,
    PARTICLES,
    PRONOUNS,
    REPORTING_LEMMAS,
    STANCE_LEMMAS,
    VAGUE_QUANTIFIERS,
    VERB_FORMS,
    VERB_GROUP_ADVERBS,
)
from .quotes import MASK_CHAR, QUOTE_PAIRS
from .reltime import find_time_cues
from .types import CharSpan, CueClass, Pattern

_TOKEN_RE = re.compile(r"[^\W\d_][\w’'.\-]*(?<![.])|\d[\d,.]*|" + MASK_CHAR + r"+|[^\s\w]")
_CLOSE_MARKS = frozenset('”"»’›“')
_OPEN_MARKS = frozenset(QUOTE_PAIRS)
_STRONG_STOPS = frozenset(";:")
_DELIMS = frozenset(",;:–—()")
_BOUNDARY_WORDS = frozenset(
    "and but while whereas although though yet as because so meanwhile however since when if".split()
)
_COORDINATING_WORDS = frozenset("and but while whereas yet".split())
_CLAUSE_MARKERS = frozenset(
    "will would can could must should may might is are was were has have had did does do won't wouldn't "
    "can't cannot isn't aren't wasn't weren't hasn't haven't didn't doesn't don't".split()
)
#: Verbs that take a clause without "that" ("said Ukraine would ...").
_ZERO_THAT = frozenset(
    "say tell add argue claim believe think insist warn stress note admit acknowledge predict "
    "suggest signal indicate hint maintain contend concede reiterate write recall".split()
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


@dataclass(frozen=True)
class Attribution:
    """One attribution found in a sentence unit (spans into the article)."""

    pattern: Pattern
    cue: str
    cue_span: CharSpan
    content: CharSpan
    subject: CharSpan | None = None
    cue_class: CueClass = CueClass.REPORTING
    perfect: bool = False
    inherit: bool = False
    dangling: bool = False
    scope: tuple[CharSpan, ...] = ()
    extra_contents: tuple[CharSpan, ...] = ()
    relay: CharSpan | None = None


@dataclass
class _Cue:
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


def _is_quote_mark(tok: Token) -> bool:
    return tok.text in _OPEN_MARKS or tok.text in _CLOSE_MARKS


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


class _UnitParser:
    def __init__(self, text: str, masked: str, unit: CharSpan, accept: Callable[[str], bool]) -> None:
        self.text = text
        self.masked = masked
        self.unit = unit
        self.accept = accept
        self.toks = tokenize(masked, *unit)
        self.time_ids = _time_token_ids(self.toks, masked)

    # -- cue discovery ---------------------------------------------------------------------------

    def cues(self) -> list[_Cue]:
        out: list[_Cue] = []
        toks = self.toks
        k = 0
        while k < len(toks):
            t = toks[k]
            low = t.low
            if low == "according" and k + 1 < len(toks) and toks[k + 1].low == "to":
                out.append(_Cue("according", k, k + 2, pattern=Pattern.ACCORDING_TO))
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

    def _verb_cue(self, k: int) -> _Cue | None:
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
            return _Cue("hearsay", k, k + 2, lemma, vg, pattern=Pattern.HEARSAY, cue_class=CueClass.STANCE)
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
                return _Cue(
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
        cue = _Cue("verb", k, end, lemma, vg, perfect=perfect)
        # "…,” said Zelensky": tried only when no subject precedes the verb.
        cue.may_invert = (
            lemma in INVERTING_LEMMAS
            and vg == k
            and prev is not None
            and (prev.text == "," or prev.text in _CLOSE_MARKS or prev.text in "–—")
            and nxt is not None
            and nxt.low not in ("that", ":", "it", "this")
            and not _is_quote_mark(nxt)
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
            if t.text in _DELIMS or _is_quote_mark(t) or MASK_CHAR in t.text:
                segments.append((list(reversed(cur)), t))
                cur = []
                if t.text in _STRONG_STOPS or _is_quote_mark(t) or MASK_CHAR in t.text or t.text in "()":
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
            if p.text in ",;–—" or p.low in _BOUNDARY_WORDS:
                if p.low in _COORDINATING_WORDS or p.text == ";":
                    coordinating = True
                j -= 1
                continue
            break
        if j == 0:
            return self.unit[0], coordinating
        return toks[j].start if j < len(toks) else self.unit[1], coordinating

    def span_text(self, i0: int, i1: int) -> str:
        return self.text[self.toks[i0].start : self.toks[i1 - 1].end]


def _clause_follows(parser: _UnitParser, k: int) -> bool:
    toks = parser.toks
    for j in range(k, min(len(toks), k + 10)):
        if toks[j].low in _CLAUSE_MARKERS or (
            toks[j].low in VERB_FORMS and toks[j].low.endswith(("ed", "s"))
        ):
            return True
        if toks[j].text in ".;":
            return False
    return False


#: Words that may sit between a reporting verb and its content without being content
#: ("said in a statement on Sunday that", "told reporters in Ankara").
_ADVERBIAL_WORDS = frozenset(
    """
    in on at to during after before with via from a an the his her its their statement interview
    conference news press briefing video address televised speech post meeting summit forum visit
    reporters journalists audience parliament lawmakers broadcaster television radio phone call
    late early afternoon morning evening night separately also again later earlier
    """.split()
)


def _has_left(p: _UnitParser, cue: _Cue) -> bool:
    """Whether the subject is preceded by a comma, dash or closing quote (content on the left)."""
    if cue.subject is None or cue.subject[0] == 0:
        return False
    prev = p.toks[cue.subject[0] - 1]
    return prev.text in ",–—" or prev.text in _CLOSE_MARKS


def _right_content_start(parser: _UnitParser, cue: _Cue) -> tuple[int | None, bool]:
    """Token index where reported content starts after a reporting verb, and whether it is a clause.

    Returns ``(None, True)`` when only adverbials follow (a trailing or dangling attribution).
    """
    toks = parser.toks
    k = cue.end_index
    n = len(toks)
    j = k
    while j < n:
        t = toks[j]
        if t.low == "that" and j + 1 < n:
            return j + 1, True
        if t.text == ":":
            return j + 1, True
        if t.text in _OPEN_MARKS and t.text not in _CLOSE_MARKS - {"“"}:
            return j, True
        if t.text == "," and j + 1 < n and toks[j + 1].text in _OPEN_MARKS:
            return j + 1, True
        if t.text in ",.;!?" or t.low in PARTICIPLE_CUES:
            break
        object_slot = cue.lemma in OBJECT_VERBS and j - k < 4
        if not (j in parser.time_ids or t.low in _ADVERBIAL_WORDS or t.text[0].isupper() or object_slot):
            break
        j += 1
    if j >= n or toks[j].text in ",.;!?" or toks[j].low in PARTICIPLE_CUES:
        if _has_left(parser, cue) or j >= n or (toks[j].text in ".!?" and j == n - 1):
            return None, True
    if cue.lemma in OBJECT_VERBS and cue.lemma != "promise":
        # "told the BBC he would ...": the clause starts at the first pronoun.
        for i in range(k + 1, min(n, k + 8)):
            if toks[i].low in PRONOUNS:
                return i, True
    if cue.lemma == "say" or (cue.lemma in _ZERO_THAT and _clause_follows(parser, k)):
        while k < n - 1 and k in parser.time_ids:
            k += 1  # "said on Tuesday the plan was dead": the time phrase is not content
        return k, True
    return k, False


def find_attributions(
    text: str,
    masked: str,
    unit: CharSpan,
    accept: Callable[[str], bool] | None = None,
) -> list[Attribution]:
    """Attributions in one sentence unit.

    Args:
        text: The article.
        masked: The article with quoted words masked (:func:`quotes.mask_quotes`).
        unit: The unit's span (a sentence, or sentences joined by a quote running across them).
        accept: Whether a subject phrase can be a speaker (default: any non-empty phrase).

    Returns:
        Attributions in text order; content spans exclude surrounding punctuation.

    Example:
        >>> t = "Putin has long cited NATO expansion, and Moscow has presented its terms as final."
        >>> [(a.cue, t[a.subject[0]:a.subject[1]]) for a in find_attributions(t, t, (0, len(t)))]
        [('has long cited', 'Putin'), ('has presented', 'Moscow')]
    """
    accept = accept or (lambda phrase: bool(phrase.strip()))
    p = _UnitParser(text, masked, unit, accept)
    toks = p.toks
    if not toks:
        return []
    cues = p.cues()
    accepted: list[_Cue] = []
    for cue in cues:
        if cue.kind in ("verb", "hearsay"):
            _verb_subject(p, cue, accepted)
            if cue.subject is None and not cue.inherit and not cue.may_invert:
                continue
            if not cue.valid and cue.may_invert:
                cue.kind, cue.pattern = "inverted", Pattern.QUOTE_ATTRIBUTED
                _inverted(p, cue)
        elif cue.kind == "according":
            _according(p, cue)
        elif cue.kind == "participle":
            cue.valid, cue.inherit = bool(accepted), True
            cue.clause_start = toks[cue.index - 1].start
        if cue.kind not in ("verb", "hearsay") and not cue.valid:
            continue
        # Nesting: a cue inside reported content belongs to that content, unless a coordinated
        # clause with its own subject starts there; a stance content ends at any new clause.
        parent = next(
            (
                a
                for a in reversed(accepted)
                if a.right_open and a.kind != "boundary" and a.content[0] <= toks[cue.index].start
            ),
            None,
        )
        if cue.kind in ("verb", "hearsay") and not cue.valid:
            if parent is not None and cue.subject is not None and _np_start(toks[cue.subject[0]]):
                accepted.append(_boundary_only(cue))
            continue
        if cue.kind == "verb":
            _verb_content(p, cue)
        elif cue.kind == "hearsay":
            cue.content = [toks[cue.end_index].start if cue.end_index < len(toks) else unit[1], unit[1]]
        elif cue.kind == "participle":
            _participle_content(p, cue)
        trailing = cue.left_content is not None and not cue.right_open
        if parent is not None and parent.cue_class == CueClass.REPORTING and cue.kind in ("verb", "hearsay"):
            if trailing and cue.subject is not None:
                # "Putin told him that …, the White House said": the relay of the reported content.
                parent.content[1] = min(parent.content[1], cue.clause_start)
                parent.relay = (toks[cue.subject[0]].start, toks[cue.subject[1] - 1].end)
                continue
            if not (cue.coordinating or cue.inherit):
                continue
        if trailing and cue.left_content is not None:
            # A sentence-final "…, X said" owns the clause before it, cues in it included.
            lo, hi = cue.left_content
            accepted = [a for a in accepted if not lo <= toks[a.index].start < hi]
        accepted.append(cue)
    return _finish(p, accepted)


def _verb_subject(p: _UnitParser, cue: _Cue, accepted: list[_Cue]) -> None:
    """Find and check the subject of a verb cue; a verb right after "and"/"but" shares the previous one."""
    toks = p.toks
    found = p.subject(cue.vg_start)
    if found is None:
        before = toks[cue.vg_start - 1].low if cue.vg_start else ""
        if before in ("and", "but") and any(a.kind != "boundary" for a in accepted):
            cue.inherit = cue.valid = True
            cue.clause_start = toks[cue.vg_start - 1].start
            cue.coordinating = True
        return
    (i0, i1), clause_start, coordinating = found
    cue.subject, cue.clause_start, cue.coordinating = (i0, i1), clause_start, coordinating
    phrase = p.span_text(i0, i1)
    cue.valid = phrase.lower() in PRONOUNS or p.accept(phrase)
    if cue.valid and cue.lemma not in ("say", "tell") and toks[cue.index].low == cue.lemma:
        # A bare base form ("the support") is a verb only after an auxiliary or a plural subject.
        group = [toks[j].low for j in range(cue.vg_start, cue.index)]
        plural = phrase.lower() in ("they", "we", "i", "you") or " and " in phrase or phrase.endswith("s")
        cue.valid = any(g in AUXILIARIES for g in group) or plural


def _np_start(tok: Token) -> bool:
    """Whether a token can begin a noun phrase (so that a failed subject still marks a new clause)."""
    return (
        tok.text[0].isupper() or tok.low in PRONOUNS or tok.low in DETERMINERS or tok.low in VAGUE_QUANTIFIERS
    )


def _boundary_only(cue: _Cue) -> _Cue:
    marker = _Cue("boundary", cue.index, cue.end_index, clause_start=cue.clause_start)
    marker.right_open = False
    marker.content = [cue.clause_start, cue.clause_start]
    return marker


def _according(p: _UnitParser, cue: _Cue) -> None:
    toks = p.toks
    k = cue.end_index
    start_clause, _coord = p._clause_start(cue.index)
    before = [
        t
        for t in toks[: cue.index]
        if t.is_word and t.low not in ADVERBIAL_STARTERS and t.low not in _BOUNDARY_WORDS
    ]
    # "But according to X, …" leads its clause; "…, according to X" closes one.
    leading = not before or toks[cue.index - 1].text in ";:"
    comma = next((j for j in range(k, len(toks)) if toks[j].text in ",;:"), None)
    if leading and comma is not None and comma > k:
        phrase = p.span_text(k, comma)
        cue.subject = (k, comma)
        cue.valid = p.accept(phrase)
        cue.content = [toks[comma + 1].start if comma + 1 < len(toks) else p.unit[1], p.unit[1]]
        cue.clause_start = toks[cue.index].start
        return
    # Trailing: "…, according to X." The subject runs to the end of the unit (or the next comma).
    end = comma if comma is not None else len(toks)
    while end > k and toks[end - 1].text in ".!?":
        end -= 1
    if end <= k:
        return
    cue.subject = (k, end)
    cue.valid = p.accept(p.span_text(k, end))
    cue.right_open = False
    rest = [t for t in toks[end:] if t.is_word]
    # "Russia, according to the Kremlin, will never …": the claim surrounds the attribution.
    cue.left_content = (p.unit[0], p.unit[1] if rest else toks[cue.index].start)
    cue.content = list(cue.left_content)
    cue.clause_start = p.unit[0]


def _inverted(p: _UnitParser, cue: _Cue) -> None:
    toks = p.toks
    k = cue.end_index
    end = k
    while end < len(toks) and toks[end].text not in ",.;!?" and toks[end].low not in PARTICIPLE_CUES:
        if end in p.time_ids and end > k:
            break
        end += 1
    if end <= k:
        return
    cue.subject = (k, end)
    cue.valid = p.accept(p.span_text(k, end))
    cue.right_open = False
    left = _left_content(p, cue.index)
    if left is None:
        cue.valid = False
        return
    cue.left_content = left
    cue.content = list(left)
    cue.clause_start = left[0]


def _left_content(p: _UnitParser, i0: int, *, quote_only: bool = False) -> CharSpan | None:
    """Content before an attribution that ends its sentence: the quote right before it, or the clause."""
    toks = p.toks
    j = i0 - 1
    while j >= 0 and toks[j].text in ",–—":
        j -= 1
    if j < 0:
        return None
    if toks[j].text in _CLOSE_MARKS or (j > 0 and toks[j].text in ",." and toks[j - 1].text in _CLOSE_MARKS):
        close = j if toks[j].text in _CLOSE_MARKS else j - 1
        opening = close - 1
        while opening >= 0 and MASK_CHAR in toks[opening].text:
            opening -= 1
        if opening >= 0 and opening < close - 1 and toks[opening].text in _OPEN_MARKS:
            return toks[opening].start, toks[close].end
    if quote_only:
        return None
    if toks[j].end <= p.unit[0]:
        return None
    return p.unit[0], toks[j].end


def _verb_content(p: _UnitParser, cue: _Cue) -> None:
    toks = p.toks
    unit_end = p.unit[1]
    lemma = cue.lemma
    reporting = lemma in REPORTING_LEMMAS
    start_index, clause = _right_content_start(p, cue) if reporting else (cue.end_index, False)
    if reporting and start_index is None:
        left = _left_content(p, cue.subject[0]) if cue.subject else None
        cue.right_open = False
        quoted = left is not None and p.masked[left[0]] in _OPEN_MARKS
        cue.pattern = Pattern.QUOTE_ATTRIBUTED if left is None or quoted else Pattern.REPORTED_CLAUSE
        if left is None:
            cue.content = [toks[cue.index].end, toks[cue.index].end]  # dangling: "Zelensky said:"
        else:
            cue.left_content = left
            cue.content = list(left)
        return
    if reporting and clause:
        cue.cue_class = CueClass.REPORTING
        cue.content = [toks[start_index].start if start_index < len(toks) else unit_end, unit_end]
        cue.pattern = Pattern.REPORTED_CLAUSE
        # A quote right before the subject is a split quotation ("“…,” he said, “…”").
        if cue.subject is not None:
            cue.left_content = _left_content(p, cue.subject[0], quote_only=True)
        return
    if lemma not in STANCE_LEMMAS and not reporting:
        return
    cue.cue_class = CueClass.STANCE
    cue.pattern = Pattern.STANCE
    cue.content = [toks[cue.vg_start].start, unit_end]


def _participle_content(p: _UnitParser, cue: _Cue) -> None:
    toks = p.toks
    start_index, clause = _right_content_start(p, cue)
    if start_index is not None and clause:
        cue.content = [toks[start_index].start if start_index < len(toks) else p.unit[1], p.unit[1]]
    else:
        cue.cue_class = CueClass.STANCE
        cue.content = [toks[cue.index].start, p.unit[1]]


def _finish(p: _UnitParser, accepted: list[_Cue]) -> list[Attribution]:
    toks = p.toks
    # Right-running contents stop where the next clause of an attribution (or participle) begins.
    for n, cue in enumerate(accepted):
        if not cue.right_open:
            continue
        for later in accepted[n + 1 :]:
            if later.clause_start > cue.content[0]:
                cue.content[1] = min(cue.content[1], later.clause_start)
                break
            if later.left_content is not None and later.left_content[0] >= cue.content[0]:
                cue.content[1] = min(cue.content[1], later.left_content[0])
                break
    out: list[Attribution] = []
    for cue in accepted:
        if cue.kind == "boundary":
            continue
        s, e = _trim(p.text, p.masked, cue.content[0], cue.content[1])
        subject = None
        if cue.subject is not None:
            subject = (toks[cue.subject[0]].start, toks[cue.subject[1] - 1].end)
            subject = _trim_subject(p.text, *subject)
        cue_start = toks[cue.vg_start if cue.kind in ("verb", "hearsay") else cue.index].start
        cue_end = toks[cue.end_index - 1].end
        scope: list[CharSpan] = []
        if cue.kind in ("verb", "hearsay", "participle"):
            scope.append((cue.clause_start, cue_end))
            if cue.cue_class == CueClass.REPORTING and s > cue_end:
                scope.append((cue_end, s))
            if not cue.right_open:
                scope.append((cue_end, p.unit[1]))
        elif cue.kind == "according":
            scope.append(
                (cue.clause_start, toks[cue.index].start)
                if cue.left_content is None
                else (cue_start, p.unit[1])
            )
        elif cue.kind == "inverted":
            scope.append((cue_start, p.unit[1]))
        extra: tuple[CharSpan, ...] = ()
        if cue.left_content is not None and cue.right_open and s < e:
            extra = (_trim(p.text, p.masked, *cue.left_content),)
        dangling = s >= e
        out.append(
            Attribution(
                pattern=cue.pattern,
                cue=" ".join(p.text[cue_start:cue_end].split()),
                cue_span=(cue_start, cue_end),
                content=(s, e),
                subject=subject,
                cue_class=cue.cue_class,
                perfect=cue.perfect,
                inherit=cue.inherit,
                dangling=dangling,
                scope=tuple(scope),
                extra_contents=extra,
                relay=cue.relay,
            )
        )
    return out


def _trim(text: str, masked: str, s: int, e: int) -> CharSpan:
    """Strip whitespace, a leading "that"/colon/comma and trailing sentence punctuation outside quotes."""
    while s < e and (text[s].isspace() or text[s] in ",:;–—"):
        s += 1
    while e > s and (text[e - 1].isspace() or (text[e - 1] in ".,;:–—" and masked[e - 1] == text[e - 1])):
        e -= 1
    if text[s : s + 5].lower() == "that ":
        s += 5
    return s, e


def _trim_subject(text: str, s: int, e: int) -> CharSpan:
    while e > s and text[e - 1] in ",;: ":
        e -= 1
    return s, e
