"""How far a frame's words reach: negation and conjuncts, concessive and relative clauses, unstated conditions.

Helpers of :mod:`rhetoric.frames.detect` on one :class:`~rhetoric.frames.sentence.Sentence`:
a negation stays in its conjunct ("he was not upset and was ready to talk once …"), a
concessive clause with a named subject is another actor's ("even though Kyiv refused any deal
requiring X"), a modal before a relative clause or an attribution does not license a cue in it,
a relative clause on the outcome side takes its noun, and a cue that names a condition without
stating it ("when the time is right") proposes ``other``. The words are the language's
(``frames.toml``, ``negation.toml``); the reach is here.

Example:
    >>> from rhetoric.frames.clauses import frame_words
    >>> text = "He was not upset and was ready to talk once they leave."
    >>> negation_reaches(text, frame_words(), (0, 38), 39)
    False
"""

from __future__ import annotations

from ..records import Mention
from ..types import Span
from .clauses import FrameWords, region_before
from .cues import CueHit
from .sentence import CLAUSE_PUNCT, Proposal, Sentence, required_words
from .sides import clean_other, outermost

#: Words an attributive cue may stand before its noun ("unconditional, lasting ceasefire").
_MAX_MODIFIER_WORDS = 3
#: How far (characters) before a cue's clause a concessive opener that starts it may begin ("even though").
_CONCESSIVE_REACH = 12


def modified_noun(sent: Sentence, hit: CueHit, part: Span) -> tuple[Mention, ...]:
    """The mention an attributive cue describes: the first one after it within a few words, else the last before."""
    after = [m for m in sent.mentions if hit.end <= m.start < part[1]]
    if after and len(sent.text[hit.end : after[0].start].split()) <= _MAX_MODIFIER_WORDS:
        return (after[0],)
    before = [m for m in sent.mentions if part[0] <= m.start and m.end <= hit.start]
    return (before[-1],) if before else ()


def unstated(sent: Sentence, hit: CueHit) -> Proposal | None:
    """A condition the text does not name: the cue's own words are the ``other`` condition.

    "conditions for a truce" (shape ``pre``: the outcome follows); "Ukraine can join when the
    time is right", "When the time is right, Ukraine can join" (``post``: the outcome is the
    cue's clause, or the clause after it); with ``looks_back``, "We back the truce, but there
    are conditions" takes the nearest earlier clause with mentions, else the outcomes of the
    frames of the sentence before ("X means Y. There are other conditions.").
    """
    text, w = sent.text, sent.words
    c_start = sent.clause_start(hit.start)
    if hit.cue.requires and not required_words(w, hit.cue.requires).search(
        text, requirement_floor(sent, hit, c_start), hit.start
    ):
        # "The truce came at the right time" is a time; "Ukraine will join at the right time" waits on it.
        return None
    negated = False
    if hit.cue.shape == "pre":
        part = (hit.end, sent.clause_end(hit.end))
        outcomes = sent.taking_in(hit) + sent.inside(*part)
    else:
        part = (c_start, hit.start)
        outcomes = sent.inside(*part)
        negated = bool(outcomes) and negation_reaches(text, w, part, hit.start)
        after = CLAUSE_PUNCT.match(text, hit.end)
        if not outcomes and after and text[after.end() - 1] == ",":
            part = (after.end(), sent.clause_end(after.end()))
            outcomes = sent.inside(*part)
        if not outcomes and hit.cue.looks_back:
            before = [m for m in sent.mentions if m.end <= c_start]
            if before:
                start = region_before(text, sent.start, before[-1].start, sent.bounds, attach_across=False)
                outcomes = tuple(m for m in before if m.start >= start)
            else:
                outcomes = tuple(sent.previous_outcomes)
    outcomes = outermost(tuple(outcomes))
    if not outcomes:
        return None
    here = [m for m in outcomes if m.start >= sent.start]
    points = [hit.start, hit.end, *(m.start for m in here), *(m.end for m in here)]
    return Proposal(
        outcomes, (), clean_other(hit.text), (hit.start, hit.end), hit.start, hit.end,
        " ".join(hit.text.split()), hit.cue.relation, negated, (min(points), max(points)),
    )


def last_conjunct(text: str, w: FrameWords, outcomes: tuple[Mention, ...], cue_start: int) -> tuple[Mention, ...]:
    """The outcomes after the last coordinated predicate or clause before the cue (all when none)."""
    first = min(m.start for m in outcomes)
    cut = None
    for conj in w.new_conjunct.finditer(text, first, cue_start):
        if any(m.start >= conj.start() for m in outcomes):
            cut = conj.start()
    return outcomes if cut is None else tuple(m for m in outcomes if m.start >= cut)


def antecedent(sent: Sentence, part: Span, cue_start: int, conditions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The noun a relative clause describes, when the outcome side is that clause.

    "a truce, which can be extended, and which is subject to Russia's consent": the clause
    "and which is" starts the outcome side; the truce before it is the outcome.
    """
    if part[1] != cue_start:
        return ()
    lead = sent.text[part[0] : cue_start].lstrip(" \t,\"'“”‘’")
    opener = sent.words.relative.match(lead)
    if opener is None and not (sent.words.continues.match(lead) and sent.words.relative.search(lead)):
        return ()
    before = [m for m in sent.mentions if m.end <= part[0] and m not in conditions]
    return (before[-1],) if before else ()


def futile_after(sent: Sentence, hit: CueHit) -> int | None:
    """Where a predicate that rules the outcome out ("is impossible", "will not work") follows the condition."""
    end = sent.clause_end(hit.end)
    pred = sent.words.futile.search(sent.text, hit.end, end)
    if pred is None or sent.words.relative.search(sent.text, hit.end, pred.start()):
        return None
    return pred.start()


def requirement_floor(sent: Sentence, hit: CueHit, c_start: int) -> int:
    """Where a cue's requirement may stand: a modal counts only after the last relative opener or attribution verb."""
    if hit.cue.requires != "modal":
        return c_start
    floor = c_start
    for words in (sent.words.relative, sent.words.attribution):
        for m in words.finditer(sent.text, c_start, hit.start):
            floor = max(floor, m.end())
    return floor


def third_party(sent: Sentence, hit: CueHit) -> bool:
    """Whether the cue stands in a concessive clause with a named subject ("even though Kyiv refused any deal requiring X").

    Such a clause reports another actor's position; the opener must stand in the cue's clause
    (or end right where it starts) with no comma between it and the cue.
    """
    text = sent.text
    floor = max(sent.start, sent.clause_start(hit.start) - _CONCESSIVE_REACH)
    last = None
    for m in sent.words.third_party_concession.finditer(text, floor, hit.start):
        last = m
    return last is not None and "," not in text[last.end() : hit.start]


def negation_reaches(text: str, w: FrameWords, region: Span, cue_start: int) -> bool:
    """Whether a negation in ``region`` governs the cue at ``cue_start``.

    A negation before a coordinated predicate or clause ("he was not upset and was ready to talk
    once …") belongs to the earlier conjunct, not to the cue after it.
    """
    for neg in w.negation.finditer(text, *region):
        if neg.end() <= cue_start and w.new_conjunct.search(text, neg.end(), cue_start):
            continue
        return True
    return False


__all__ = [
    "antecedent", "futile_after", "last_conjunct", "modified_noun", "negation_reaches", "requirement_floor",
    "third_party", "unstated",
]
