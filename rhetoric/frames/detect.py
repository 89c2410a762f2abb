"""Condition frames: which tagged items are outcomes, which are conditions, how firmly, per sentence.

For every sentence with mentions, each condition cue (``rhetoric/lang/<code>/cues.toml``)
proposes a frame by the position of mentions around it: "OUTCOME … until CONDITION",
"CONDITION is vital for OUTCOME", "the best way to OUTCOME is CONDITION", "no OUTCOME
without CONDITION", "give X in exchange for Y", "must first CONDITION", "the necessity
of CONDITION for OUTCOME", "OUTCOME by CONDITION-ing", "For OUTCOME to be durable,
CONDITION must …", "OUTCOME without preconditions". A short side that only points back
("until this happens", "such a step") takes the mention it points to, in the sentence or
the one before. A condition that fits no tag is kept as ``other`` with its words, and so is
one the text names without stating ("when the time is right", "there are conditions"). The
words the shapes read (clause boundaries, negation, modals …) are the language's
(:mod:`rhetoric.frames.clauses`); how far they reach (a negation's conjunct, a concessive or
relative clause) is :mod:`rhetoric.frames.scope`.

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

from collections.abc import Mapping, Sequence

from ..records import Frame, Mention
from ..text.sentences import split_sentences
from ..types import Polarity, Relation, Span
from .clauses import region_after
from .cues import CueHit, CueTable, default_cue_table
from .modality import modality_of
from .scope import (
    antecedent,
    futile_after,
    last_conjunct,
    modified_noun,
    negation_reaches,
    requirement_floor,
    third_party,
    unstated,
)
from .sentence import CLAUSE_PUNCT, Proposal, Sentence, required_words
from .sides import clean_other, outermost, resolve_roles, side_tags

OTHER = "other"
#: A mention that takes a cue in and ends the clause this few words after the cue is a time ("after the war").
_MAX_TIME_WORDS = 3
#: What may stand after a mention at the end of its clause.
_CLOSERS = " \t\n,.;:!?\"'”’»)]"


def _propose(sent: Sentence, hit: CueHit) -> Proposal | None:
    shape, cue, w = hit.cue.shape, hit.cue, sent.words
    text = sent.text
    if cue.unstated:
        return unstated(sent, hit)
    c_start = sent.clause_start(hit.start)
    if shape in ("post", "exchange", "no_without", "pre") and sent.fronted(hit):
        comma = sent.next_comma(hit.end, sent.end)
        if comma is not None:
            main_end = region_after(text, comma + 1, sent.end, sent.bounds, words=w)
            # "Without X, there is no Y": the negation stands in the main clause.
            if cue.requires != "negation" or w.negation.search(text, comma + 1, main_end):
                if cue.requires not in ("", "negation") and not required_words(w, cue.requires).search(
                    text, hit.start, main_end
                ):
                    return None
                return _fronted(sent, hit, comma)
            return None
        if cue.position == "fronted":
            return None
    if cue.requires and not required_words(w, cue.requires).search(text, requirement_floor(sent, hit, c_start), hit.start):
        futile = futile_after(sent, hit) if shape == "no_without" else None
        if futile is None:
            return None
        # "Talks without Russia are a road to nowhere": the condition runs up to the predicate.
        return _build(sent, hit, (c_start, hit.start), (hit.end, futile), c_start)
    if shape in ("post", "no_without", "exchange") and CLAUSE_PUNCT.match(text, hit.end):
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
                noun = modified_noun(sent, hit, outcome_part)
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


def _fronted(sent: Sentence, hit: CueHit, comma: int) -> Proposal | None:
    """ "Until X, Y" / "If we speak ceasefire, we need Z" / "In return for X, Y" / "To end X, Y must …"."""
    proposal = _fronted_proposal(sent, hit, comma)
    # Later cues' clauses start after the fronted one, whether or not it made a frame.
    sent.fronted_until = comma + 1
    if proposal is not None:
        sent.inner = (hit.start, comma + 1)
    return proposal


def _fronted_proposal(sent: Sentence, hit: CueHit, comma: int) -> Proposal | None:
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
        after = _resumed(sent, main)
        if after is not None:
            # "For the truce to hold, it must include guarantees": the pronoun is the purpose's
            # outcome, the cue after it opens the condition (it makes no frame of its own then).
            main = (main[0], sent.clause_end(after.end))
        return _build(sent, hit, sub, main, hit.start)
    return _build(sent, hit, main, sub, hit.start)


def _resumed(sent: Sentence, main: Span) -> CueHit | None:
    """The cue that a main clause opening with only a resumptive pronoun runs into ("it must include")."""
    at = main[1]
    hit = next((h for h in sent.hits if h.start == at), None)
    if hit is None or hit.cue.shape != "post" or hit.cue.unstated:
        return None
    return hit if sent.words.resumptive.match(sent.text, main[0], at) else None


def _build(
    sent: Sentence,
    hit: CueHit,
    outcome_part: Span,
    condition_part: Span,
    clause_start: int,
    *,
    outcome_mentions: tuple[Mention, ...] | None = None,
    cue_text: str | None = None,
) -> Proposal | None:
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
        outcomes = last_conjunct(text, w, outcomes, hit.start)
    if hit.cue.nearest_outcome and outcome_part[1] == hit.start and len(outcomes) > 1:
        # Means attach to the nearest predicate: "the plan would stop the fighting by freezing the line".
        last = max(m.start for m in outcomes)
        outcomes = tuple(m for m in outcomes if m.start == last)
    outcomes, conditions = outermost(outcomes), outermost(conditions)
    if not outcomes and outcome_mentions is None:
        outcomes = sent.anaphor(*outcome_part, other=conditions, outcome=True) or antecedent(
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
        or negation_reaches(text, w, neg_region, cue_start)
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
    return Proposal(
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


def _counts(sent: Sentence, hit: CueHit) -> bool:
    cue = hit.cue
    if cue.requires and not required_words(sent.words, cue.requires).search(sent.text, sent.start, sent.end):
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
        sent = Sentence(text, span, in_sentence, words, prev, earlier)
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
            if hit.start in done_at or sent.inner[0] < hit.start < sent.inner[1] or third_party(sent, hit):
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
                        language=cues.language,
                    ),
                    start=proposal.region[0],
                    end=proposal.region[1],
                    other_conditions=others,
                )
            )
    return frames
