"""Condition frames: which tagged items are outcomes, which are conditions, how firmly, per sentence.

For every sentence with mentions, each condition cue (``rhetoric/lang/<code>/cues.toml``)
proposes a frame by the position of mentions around it: "OUTCOME … until CONDITION",
"CONDITION is vital for OUTCOME", "the best way to OUTCOME is CONDITION", "no OUTCOME
without CONDITION", "give X in exchange for Y", "must first CONDITION", "the necessity
of CONDITION for OUTCOME", "OUTCOME by CONDITION-ing", "For OUTCOME to be durable,
CONDITION must …", "OUTCOME without preconditions". A short side that only points back
("until this happens", "such a step") takes the mention it points to, in the sentence or
the one before. A condition that fits no tag is kept as ``other`` with its words. The
words the shapes read (clause boundaries, negation, modals …) are the language's
(:mod:`rhetoric.frames.clauses`).

Example:
    >>> from rhetoric.records import Mention
    >>> text = "Talks are not possible until Russia withdraws its troops."
    >>> ms = [Mention("negotiations", 0, 5, "Talks", 0, "talks"),
    ...       Mention("withdrawal", 36, 56, "withdraws its troops", 0, "withdraw*")]
    >>> f = detect_frames(text, ms)[0]
    >>> f.outcomes, f.conditions, f.cue, f.polarity.value, f.modality.value
    (('negotiations',), ('withdrawal',), 'not possible until', 'negated', 'firm')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..records import Frame, Mention
from ..text.sentences import split_sentences
from ..types import Polarity, Relation, Span
from .clauses import FrameWords, boundaries, region_after, region_before
from .cues import CueHit, CueTable, default_cue_table
from .modality import modality_of
from .sides import clean_other, outermost, resolve_roles, side_tags

OTHER = "other"
#: Punctuation right after a cue (closing quotes first): the clause ends there.
_CLAUSE_PUNCT = re.compile(r"[\s\"'”’»)\]]*[,.;:!?]")
#: A mention that takes a cue in and ends the clause this few words after the cue is a time ("after the war").
_MAX_TIME_WORDS = 3
#: What may stand after a mention at the end of its clause.
_CLOSERS = " \t\n,.;:!?\"'”’»)]"
#: Words an attributive cue may stand before its noun ("unconditional, lasting ceasefire").
_MAX_MODIFIER_WORDS = 3
#: How far (characters) before a cue's clause a concessive opener that starts it may begin ("even though").
_CONCESSIVE_REACH = 12
#: An outcome or condition side this short that holds only an anaphor ("until this happens") points back.
_MAX_ANAPHOR_WORDS = 6


def _required(words: FrameWords, requires: str) -> re.Pattern[str]:
    return {
        "negation": words.negation,
        "only": words.only,
        "exchange_verb": words.exchange_verb,
        "modal": words.modal,
        "demand": words.modal_demand,
    }[requires]


@dataclass(frozen=True)
class _Proposal:
    outcomes: tuple[Mention, ...]
    conditions: tuple[Mention, ...]
    other_text: str
    other_span: Span | None
    cue_start: int
    cue_end: int
    cue_text: str
    relation: str
    negated: bool
    region: Span


class _Sentence:
    """Mentions, cues and boundaries of one sentence, with the region helpers the shapes need."""

    def __init__(
        self,
        text: str,
        span: Span,
        mentions: Sequence[Mention],
        words: FrameWords,
        previous: Sequence[Mention] = (),
        previous_outcomes: Sequence[Mention] = (),
    ) -> None:
        self.text = text
        self.start, self.end = span
        self.mentions = mentions
        self.words = words
        #: Mentions of the sentence before (what an anaphor "this", "such a step" may point back to).
        self.previous = previous
        #: Outcomes of the frames of the sentence before: what "this goal" on an outcome side points back to.
        self.previous_outcomes = previous_outcomes
        self.bounds = boundaries(text, self.start, self.end, words=words)
        self.hits: list[CueHit] = []
        self.hit_starts: list[int] = []
        self.fronted_until = self.start
        #: The fronted clause that made a frame ("If this means X, …"): a cue inside it makes none.
        self.inner: Span = (self.start, self.start)

    def set_hits(self, hits: list[CueHit]) -> None:
        # "an unconditional ceasefire" describes its noun and opens no region: it cuts none.
        self.hits = hits
        self.hit_starts = [h.start for h in hits if h.cue.shape != "unconditional"]

    def anaphor(
        self, a: int, b: int, other: Sequence[Mention] = (), *, outcome: bool = False
    ) -> tuple[Mention, ...]:
        """What a short side with an anaphor ("this", "such a step") points back to.

        The nearest mention before ``a`` in the sentence that is not on the frame's other
        side, else (an outcome side) the outcomes of the frames of the sentence before, else
        the last mention of the sentence before; nothing when ``text[a:b]`` is longer than a
        few words or has no anaphor.
        """
        if b <= a or len(self.text[a:b].split()) > _MAX_ANAPHOR_WORDS:
            return ()
        if not self.words.anaphor.search(self.text, a, b):
            return ()
        before = [m for m in self.mentions if m.end <= a and m not in other]
        if before:
            return (before[-1],)
        if outcome and self.previous_outcomes:
            # "We can talk after they withdraw. This goal can be reached through X": the goal is the talks.
            return tuple(self.previous_outcomes)
        return (self.previous[-1],) if self.previous else ()

    def inside(self, a: int, b: int) -> tuple[Mention, ...]:
        """Mentions that start in ``[a, b)``: a long mention ("the plan aims to stop the war") may run past."""
        return tuple(m for m in self.mentions if a <= m.start < b)

    def taking_in(self, hit: CueHit) -> tuple[Mention, ...]:
        """Mentions that take the cue's words in and belong to the side after it.

        "after the conflict" (a mention from the cue on), "to end the war" (from inside the cue on).
        """
        return tuple(
            m for m in self.mentions if hit.start <= m.start < hit.end and (m.end > hit.end or m.start > hit.start)
        )

    def clause_start(self, pos: int) -> int:
        start = region_before(self.text, self.start, pos, self.bounds)
        # After a fronted clause that made a frame ("To win talks, X would … in exchange for Y"),
        # a later cue's clause starts after its comma.
        return max(start, self.fronted_until) if pos > self.fronted_until else start

    def clause_end(self, pos: int) -> int:
        end = region_after(self.text, pos, self.end, self.bounds, words=self.words)
        # Another cue starts another frame.
        i = bisect.bisect_right(self.hit_starts, pos)
        if i < len(self.hit_starts) and self.hit_starts[i] < end:
            end = self.hit_starts[i]
        return end

    def next_comma(self, pos: int, end: int) -> int | None:
        """The comma that closes a fronted clause: not one that goes on with "and", "or", "as well as"."""
        i = self.text.find(",", pos, end)
        while i >= 0 and self.words.continues.match(self.text, i + 1):
            i = self.text.find(",", i + 1, end)
        return None if i < 0 else i

    def fronted(self, hit: CueHit) -> bool:
        """Whether the cue opens its clause ("Until X, Y"; "He said that if X, Y")."""
        sep = region_before(self.text, self.start, hit.start, self.bounds, attach_across=False)
        last_comma = self.text.rfind(",", sep, hit.start)
        if last_comma >= 0:
            sep = last_comma + 1
        before = self.text[sep : hit.start].strip(" \t\"'“”‘’«»()[]")
        if self.words.fronting_filler.match(before):
            return True
        # "… and for the truce to hold, both sides must …": a purpose coordinated with what came before.
        return hit.cue.position == "fronted" and hit.cue.shape == "pre" and bool(self.words.list_tail.search(before))


def _propose(sent: _Sentence, hit: CueHit) -> _Proposal | None:
    shape, cue, w = hit.cue.shape, hit.cue, sent.words
    text = sent.text
    if cue.unstated:
        return _unstated(sent, hit)
    c_start = sent.clause_start(hit.start)
    if shape in ("post", "exchange", "no_without", "pre") and sent.fronted(hit):
        comma = sent.next_comma(hit.end, sent.end)
        if comma is not None:
            main_end = region_after(text, comma + 1, sent.end, sent.bounds, words=w)
            # "Without X, there is no Y": the negation stands in the main clause.
            if cue.requires != "negation" or w.negation.search(text, comma + 1, main_end):
                if cue.requires not in ("", "negation") and not _required(w, cue.requires).search(
                    text, hit.start, main_end
                ):
                    return None
                return _fronted(sent, hit, comma)
            return None
        if cue.position == "fronted":
            return None
    if cue.requires and not _required(w, cue.requires).search(text, _requirement_floor(sent, hit, c_start), hit.start):
        futile = _futile_after(sent, hit) if shape == "no_without" else None
        if futile is None:
            return None
        # "Talks without Russia are a road to nowhere": the condition runs up to the predicate.
        return _build(sent, hit, (c_start, hit.start), (hit.end, futile), c_start)
    if shape in ("post", "no_without", "exchange") and _CLAUSE_PUNCT.match(text, hit.end):
        # "… complies with the Russian demands," — a cue word the clause ends on names no condition.
        return None
    if shape in ("post", "no_without", "exchange", "unconditional"):
        o_start, o_end = c_start, hit.start
        k_start, k_end = hit.end, sent.clause_end(hit.end)
        outcome_part, condition_part = (o_start, o_end), (k_start, k_end)
        if (
            cue.id == "before"
            and w.modal_demand.search(text, o_start, o_end)
            and not w.negation.search(text, o_start, o_end)
        ):
            # "Russia must withdraw before talks can start": the condition comes first.
            outcome_part, condition_part = condition_part, outcome_part
        if cue.flip_on_demand and w.wants.match(text, k_start, k_end):
            # "Kyiv must withdraw if it wants the fighting to stop": the wish is what is at stake.
            outcome_part, condition_part = condition_part, outcome_part
        if shape == "exchange" and w.receive.search(text, o_start, o_end):
            # "Russia wants sanctions relief in return for a truce": the truce is what Russia gives.
            outcome_part, condition_part = condition_part, outcome_part
        if shape == "unconditional":
            outcome_part, condition_part = (o_start, sent.clause_end(hit.end)), (hit.end, hit.end)
            if cue.nearest_outcome:
                # "an unconditional, lasting ceasefire and a peace deal": the adjective's noun only.
                noun = _modified_noun(sent, hit, outcome_part)
                if noun:
                    return _build(sent, hit, outcome_part, condition_part, o_start, outcome_mentions=noun)
        return _build(sent, hit, outcome_part, condition_part, o_start)
    if shape == "pre":
        return _build(sent, hit, (hit.end, sent.clause_end(hit.end)), (c_start, hit.start), c_start)
    if shape == "conditions_are":
        k_end = sent.clause_end(hit.end)
        cop = w.copula.search(text, hit.end, k_end)
        if cop is None or not sent.inside(cop.end(), k_end):
            return None
        return _build(sent, hit, (hit.end, cop.start()), (cop.end(), k_end), c_start)
    if shape == "x_for_y":
        # "the necessity of a truce for any peace effort": the condition, then what it is for.
        k_end = sent.clause_end(hit.end)
        link = w.purpose_link.search(text, hit.end, k_end)
        if link is None:
            return None
        return _build(sent, hit, (link.end(), k_end), (hit.end, link.start()), c_start)
    if shape == "must_first":
        k_end = sent.clause_end(hit.end)
        then = w.then.search(text, hit.end, k_end)
        cond_end = then.start() if then else k_end
        outs = [m for m in sent.mentions if m.end <= c_start or m.start >= cond_end]
        o_span = (
            min((m.start for m in outs), default=hit.start),
            max((m.end for m in outs), default=hit.start),
        )
        return _build(sent, hit, o_span, (hit.end, cond_end), c_start, outcome_mentions=tuple(outs))
    return None


def _modified_noun(sent: _Sentence, hit: CueHit, part: Span) -> tuple[Mention, ...]:
    """The mention an attributive cue describes: the first one after it within a few words, else the last before."""
    after = [m for m in sent.mentions if hit.end <= m.start < part[1]]
    if after and len(sent.text[hit.end : after[0].start].split()) <= _MAX_MODIFIER_WORDS:
        return (after[0],)
    before = [m for m in sent.mentions if part[0] <= m.start and m.end <= hit.start]
    return (before[-1],) if before else ()


def _unstated(sent: _Sentence, hit: CueHit) -> _Proposal | None:
    """A condition the text does not name: the cue's own words are the ``other`` condition.

    "conditions for a truce" (shape ``pre``: the outcome follows); "Ukraine can join when the
    time is right", "When the time is right, Ukraine can join" (``post``: the outcome is the
    cue's clause, or the clause after it); with ``looks_back``, "We back the truce, but there
    are conditions" takes the nearest earlier clause with mentions, else the outcomes of the
    frames of the sentence before ("X means Y. There are other conditions.").
    """
    text, w = sent.text, sent.words
    c_start = sent.clause_start(hit.start)
    negated = False
    if hit.cue.shape == "pre":
        part = (hit.end, sent.clause_end(hit.end))
        outcomes = sent.taking_in(hit) + sent.inside(*part)
    else:
        part = (c_start, hit.start)
        outcomes = sent.inside(*part)
        negated = bool(outcomes) and _negation_reaches(text, w, part, hit.start)
        after = _CLAUSE_PUNCT.match(text, hit.end)
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
    return _Proposal(
        outcomes, (), clean_other(hit.text), (hit.start, hit.end), hit.start, hit.end,
        " ".join(hit.text.split()), hit.cue.relation, negated, (min(points), max(points)),
    )


def _fronted(sent: _Sentence, hit: CueHit, comma: int) -> _Proposal | None:
    """ "Until X, Y" / "If we speak ceasefire, we need Z" / "In return for X, Y" / "To end X, Y must …"."""
    proposal = _fronted_proposal(sent, hit, comma)
    # Later cues' clauses start after the fronted one, whether or not it made a frame.
    sent.fronted_until = comma + 1
    if proposal is not None:
        sent.inner = (hit.start, comma + 1)
    return proposal


def _fronted_proposal(sent: _Sentence, hit: CueHit, comma: int) -> _Proposal | None:
    text, cue, w = sent.text, hit.cue, sent.words
    # A gap phrase ("for ~4 to be") may hold the outcome itself.
    sub = (hit.start if cue.shape == "pre" else hit.end, comma)
    main_end = sent.clause_end(comma + 1)
    said = w.reporting.match(text, main_end)
    if said and "," not in text[comma + 1 : main_end] and not sent.inside(comma + 1, main_end):
        # "Once the plans are presented, it was agreed that talks would continue": what was agreed is the main clause.
        main_end = sent.clause_end(said.end())
    main = (comma + 1, main_end)
    if cue.flip_on_demand:
        whole_end = region_after(text, comma + 1, sent.end, sent.bounds, words=w)
        modal = w.modal_demand.search(text, main[0], whole_end)
        if modal:
            # "If we speak ceasefire, we need security guarantees": the if-clause is what is at stake.
            return _build(
                sent, hit, sub, (modal.end(), whole_end), hit.start, cue_text=f"{hit.text} … {modal.group(0)}"
            )
    if cue.shape == "exchange":
        receive = w.receive.search(text, main[0], main[1])
        return _build(sent, hit, sub if receive else main, main if receive else sub, hit.start)
    if cue.shape == "pre":
        return _build(sent, hit, sub, main, hit.start)
    return _build(sent, hit, main, sub, hit.start)


def _build(
    sent: _Sentence,
    hit: CueHit,
    outcome_part: Span,
    condition_part: Span,
    clause_start: int,
    *,
    outcome_mentions: tuple[Mention, ...] | None = None,
    cue_text: str | None = None,
) -> _Proposal | None:
    text, w = sent.text, sent.words
    outcomes = outcome_mentions if outcome_mentions is not None else sent.inside(*outcome_part)
    conditions = sent.inside(*condition_part) if condition_part[1] > condition_part[0] else ()
    if condition_part[0] == hit.end:
        # A mention that takes the cue word in ("after the conflict subsides") belongs to the condition …
        taken = tuple(m for m in sent.mentions if hit.start <= m.start < hit.end < m.end)
        end = max((m.end for m in taken), default=hit.end)
        if (
            taken
            and not conditions
            and not text[end : condition_part[1]].strip(_CLOSERS)
            and len(text[hit.end : end].split()) <= _MAX_TIME_WORDS
        ):
            # … unless it is a short noun phrase ending the clause: "borders restored after the war" names a
            # time ("as long as Zelenskyy remains in office" is a condition).
            return None
        conditions = taken + conditions
    elif outcome_part[0] == hit.end and outcome_mentions is None:
        # … and to the outcome when that follows ("a truce is needed to end the war").
        outcomes = sent.taking_in(hit) + outcomes
    if outcome_part[1] == hit.start and len(outcomes) > 1 and outcome_mentions is None:
        # "Aid goes on while the talks run, unless X": a clause inside the outcome is not what X buys.
        first = min(outcomes, key=lambda m: m.start)
        sub = w.embedded.search(text, first.end, hit.start)
        if sub is not None:
            outcomes = tuple(m for m in outcomes if m.start < sub.start())
    if outcome_part[1] == hit.start and len(outcomes) > 1 and outcome_mentions is None:
        # "The army has not pulled back and the talks will resume once …": the cue's clause is the last conjunct.
        outcomes = _last_conjunct(text, w, outcomes, hit.start)
    if hit.cue.nearest_outcome and outcome_part[1] == hit.start and len(outcomes) > 1:
        # Means attach to the nearest predicate: "the plan would stop the fighting by freezing the line".
        last = max(m.start for m in outcomes)
        outcomes = tuple(m for m in outcomes if m.start == last)
    outcomes, conditions = outermost(outcomes), outermost(conditions)
    if not outcomes and outcome_mentions is None:
        outcomes = sent.anaphor(*outcome_part, other=conditions, outcome=True) or _antecedent(
            sent, outcome_part, hit.start, conditions
        )
    if not conditions and hit.cue.relation != Relation.UNCONDITIONAL.value:
        conditions = sent.anaphor(*condition_part, other=outcomes)
        if not conditions and not text[condition_part[0] : condition_part[1]].strip(_CLOSERS):
            # The cue is the anaphor itself: "In that case, talks can start", "If so, …".
            conditions = sent.anaphor(hit.start, hit.end, other=outcomes)
    cue_start, cue_end, cue_str = hit.start, hit.end, cue_text or hit.text
    if hit.cue.shape in ("post", "no_without") and outcome_part[1] == hit.start:
        pred = w.neg_predicate_before_cue.search(text, outcome_part[0], hit.start)
        if pred:
            cue_start = pred.start()
            cue_str = text[cue_start : hit.end] if cue_text is None else cue_str
    other_text, other_span = "", None
    # Only a condition that follows its cue is kept untagged; text before a cue is too often a subject.
    if not conditions and hit.cue.relation != Relation.UNCONDITIONAL.value and condition_part[0] >= hit.end:
        other_text = clean_other(text[condition_part[0] : condition_part[1]])
        if len(other_text.split()) < 2 or w.temporal.match(other_text):
            other_text = ""
        if other_text:
            i = text.find(other_text.split()[0], condition_part[0], condition_part[1])
            other_span = (i, condition_part[1])
    if not outcomes or (
        not conditions and not other_text and hit.cue.relation != Relation.UNCONDITIONAL.value
    ):
        return None
    neg_region = (min(outcome_part[0], clause_start), max(outcome_part[1], cue_start))
    if outcome_part[0] >= hit.end and condition_part[1] <= hit.start:
        # "A truce is needed to ensure that Russia will not attack again": a negation in the purpose is what the
        # outcome says, not a link ruled out; only the condition's clause and the cue can negate the frame.
        neg_region = (min(condition_part[0], clause_start), cue_end)
    negated = (
        hit.cue.shape == "no_without"
        or _negation_reaches(text, w, neg_region, cue_start)
        or cue_str.lower().startswith(("not ", "never "))
    )
    if hit.cue.relation == Relation.UNCONDITIONAL.value:
        negated = bool(w.negation.search(text, outcome_part[0], hit.start))
    points = [
        cue_start,
        cue_end,
        *(m.start for m in outcomes + conditions),
        *(m.end for m in outcomes + conditions),
    ]
    if other_span:
        points.extend(other_span)
    region = (min(points), max(points))
    return _Proposal(
        outcomes,
        conditions,
        other_text,
        other_span,
        cue_start,
        cue_end,
        " ".join(cue_str.split()),
        hit.cue.relation,
        negated,
        region,
    )


def _last_conjunct(text: str, w: FrameWords, outcomes: tuple[Mention, ...], cue_start: int) -> tuple[Mention, ...]:
    """The outcomes after the last coordinated predicate or clause before the cue (all when none)."""
    first = min(m.start for m in outcomes)
    cut = None
    for conj in w.new_conjunct.finditer(text, first, cue_start):
        if any(m.start >= conj.start() for m in outcomes):
            cut = conj.start()
    return outcomes if cut is None else tuple(m for m in outcomes if m.start >= cut)


def _antecedent(sent: _Sentence, part: Span, cue_start: int, conditions: tuple[Mention, ...]) -> tuple[Mention, ...]:
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


def _futile_after(sent: _Sentence, hit: CueHit) -> int | None:
    """Where a predicate that rules the outcome out ("is impossible", "will not work") follows the condition."""
    end = sent.clause_end(hit.end)
    pred = sent.words.futile.search(sent.text, hit.end, end)
    if pred is None or sent.words.relative.search(sent.text, hit.end, pred.start()):
        return None
    return pred.start()


def _requirement_floor(sent: _Sentence, hit: CueHit, c_start: int) -> int:
    """Where a cue's requirement may stand: a modal counts only after the last relative opener or attribution verb."""
    if hit.cue.requires != "modal":
        return c_start
    floor = c_start
    for words in (sent.words.relative, sent.words.attribution):
        for m in words.finditer(sent.text, c_start, hit.start):
            floor = max(floor, m.end())
    return floor


def _third_party(sent: _Sentence, hit: CueHit) -> bool:
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


def _negation_reaches(text: str, w: FrameWords, region: Span, cue_start: int) -> bool:
    """Whether a negation in ``region`` governs the cue at ``cue_start``.

    A negation before a coordinated predicate or clause ("he was not upset and was ready to talk
    once …") belongs to the earlier conjunct, not to the cue after it.
    """
    for neg in w.negation.finditer(text, *region):
        if neg.end() <= cue_start and w.new_conjunct.search(text, neg.end(), cue_start):
            continue
        return True
    return False


def _counts(sent: _Sentence, hit: CueHit) -> bool:
    cue = hit.cue
    if cue.requires and not _required(sent.words, cue.requires).search(sent.text, sent.start, sent.end):
        if not (cue.shape == "no_without" and sent.words.futile.search(sent.text, hit.end, sent.end)):
            return False
    if cue.position != "any" and sent.fronted(hit) != (cue.position == "fronted"):
        return False
    return True


def detect_frames(
    text: str,
    mentions: Sequence[Mention],
    *,
    sentences: Sequence[Span] | None = None,
    statement_id: str | None = None,
    speaker: str = "",
    date: str = "",
    cues: CueTable | None = None,
    roles: Mapping[str, str] | None = None,
) -> list[Frame]:
    """Condition frames of a text, one per cue that links tagged outcomes to conditions.

    Args:
        text: The statement text the mentions index into.
        mentions: Tagged mentions (from :class:`~rhetoric.tagging.tagger.Tagger`).
        sentences: Sentence spans; computed with :func:`split_sentences` when omitted.
        statement_id: Id recorded in each frame (None for free text).
        speaker: Canonical speaker recorded in each frame.
        date: Date recorded in each frame.
        cues: Cue table (defaults to the packaged one).
        roles: Tag id → role hint (``outcome``/``condition``/``either``), used only
            when a tag falls on both sides of a cue.

    Returns:
        Frames in text order; never raises on any text.
    """
    if not mentions or not text:
        return []
    cues = cues or default_cue_table()
    roles = roles or {}
    spans = list(sentences) if sentences is not None else split_sentences(text)
    frames: list[Frame] = []
    prefix = statement_id or "text"
    words = cues.words
    previous: list[Mention] = []
    prev_outcomes: list[Mention] = []
    for index, span in enumerate(spans):
        in_sentence = [m for m in mentions if m.start >= span[0] and m.end <= span[1]]
        prev, previous = previous, in_sentence or previous
        if not in_sentence and not prev_outcomes:
            continue
        found = cues.find(text, span[0], span[1])
        if not in_sentence:
            # "X means Y. There are other conditions.": only a cue that looks back reads a sentence without mentions.
            found = [h for h in found if h.cue.looks_back]
        earlier, prev_outcomes = prev_outcomes, []
        if not found:
            continue
        sent = _Sentence(text, span, in_sentence, words, prev, earlier)
        # At one place, "conditions for … are" is tried before "condition for" (pre). A cue whose
        # requirement appears nowhere in the sentence, or that stands where it may not, is no cue and
        # must not cut another cue's region ("until Russia pays *for* the damage").
        hits = sorted(
            (h for h in found if _counts(sent, h)),
            key=lambda h: (h.start, h.cue.shape != "conditions_are"),
        )
        if not hits:
            continue
        sent.set_hits(hits)
        seen: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
        done_at: set[int] = set()
        for hit in hits:
            if hit.start in done_at or sent.inner[0] < hit.start < sent.inner[1] or _third_party(sent, hit):
                continue
            proposal = _propose(sent, hit)
            if proposal is None:
                continue
            outcomes, conditions = resolve_roles(side_tags(proposal.outcomes), side_tags(proposal.conditions), roles)
            if not outcomes:
                continue
            others: tuple[str, ...] = ()
            if not conditions and proposal.other_text:
                conditions, others = (OTHER,), (proposal.other_text,)
            if proposal.relation != Relation.UNCONDITIONAL.value and not conditions:
                continue
            key = (outcomes, conditions)
            if key in seen:
                continue
            seen.add(key)
            done_at.add(hit.start)
            prev_outcomes.extend(m for m in proposal.outcomes if m not in prev_outcomes)
            # An outcome taken from the sentence before ("There are other conditions") anchors at the cue.
            anchor = min((m.start for m in proposal.outcomes if m.start >= span[0]), default=proposal.cue_start)
            frames.append(
                Frame(
                    statement_id=statement_id,
                    sentence=index,
                    frame_id=f"{prefix}#{index}.{len(seen)}",
                    speaker=speaker,
                    date=date,
                    outcomes=outcomes,
                    conditions=conditions,
                    cue=proposal.cue_text.lower(),
                    relation=proposal.relation,
                    polarity=(Polarity.NEGATED if proposal.negated else Polarity.AFFIRMED).value,
                    modality=modality_of(
                        text,
                        min(proposal.region[0], sent.clause_start(anchor)),
                        proposal.region[1],
                        anchor=anchor,
                    ),
                    start=proposal.region[0],
                    end=proposal.region[1],
                    other_conditions=others,
                )
            )
    return frames
