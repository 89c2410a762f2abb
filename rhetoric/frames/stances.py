"""Stances: who supports, who opposes each tagged item, read from the words around its mention.

A stance verb before a mention governs it ("has never supported … NATO membership"),
a predicate after it judges it ("membership is not on the table"), and a verb with a
pronoun object attributes it ("… because the US, Germany and Hungary oppose it").
Holders are the actors named as the verb's subject, else the speaker. A condition
that a frame demands is supported by the speaker.

Example:
    >>> from rhetoric.records import Mention
    >>> text = "Trump has never supported Ukrainian NATO membership."
    >>> m = Mention("nato_membership", 36, 51, "NATO membership", 0, "nato membership")
    >>> st = detect_stances(text, [m], speaker="trump")[0]
    >>> st.stance, st.holders, st.cue
    ('oppose', ('trump',), 'never supported')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..actors import ActorRegistry
from ..records import Frame, Mention, Stance
from ..text.sentences import sentence_index, split_sentences
from ..types import Span, StanceValue
from .clauses import boundaries, region_before
from .holders import finder_for

_SUPPORT = (
    r"support(?:s|ed|ing)?|backs|backed|backing|in\s+favou?r\s+of|favou?r(?:s|ed|ing)?|call(?:s|ed|ing)?\s+(?:for|to)"
    r"|push(?:es|ed|ing)?\s+for|press(?:es|ed|ing)?\s+for|demand(?:s|ed|ing)?|insist(?:s|ed|ing)?\s+on"
    r"|want(?:s|ed|ing)?|seek(?:s|ing)?|sought|welcome(?:s|d)?|endorse(?:s|d)?|advocat(?:e|es|ed|ing)"
    r"|agree(?:s|d)?\s+to|accept(?:s|ed|ing)?|propos(?:e|es|ed|ing)|appl(?:y|ies|ied)\s+for|ask(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?for"
    r"|urg(?:e|es|ed|ing)|hope(?:s|d)?\s+for|aim(?:s|ed)?\s+(?:for|at)|strive(?:s)?\s+for|work(?:s|ed)?\s+towards?"
    r"|commit(?:s|ted|ting)?\s+to|ready\s+(?:for|to)|open\s+to|open(?:s|ed)?\s+up\s+to|pursue(?:s|d)?|promis(?:e|es|ed|ing)"
    r"|vow(?:s|ed)?|pledg(?:e|es|ed)|prepared\s+to|willing\s+to|suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)"
    r"|send(?:s|ing)?|sent|deliver(?:s|ed|ing)?|continu(?:e|es|ed|ing)\s+to|need(?:s|ed)?|requir(?:e|es|ed|ing)|deserves?|guarantee(?:s|d)?"
)
_OPPOSE = (
    r"(?:stop|stops|stopped|stopping|halt\w*|end|ends|ended|ending|cease\w*|cut\w*|suspend\w*)\s+"
    r"(?:supplying|sending|providing|delivering|funding|arming|financing)|oppos(?:e|es|ed|ing)|opposition\s+to|against|reject(?:s|ed|ing)?|rul(?:e|es|ed|ing)\s+out|refus(?:e|es|ed|ing)"
    r"|block(?:s|ed|ing)?|veto(?:es|ed|ing)?|drop(?:s|ped|ping)?|renounc(?:e|es|ed|ing)|abandon(?:s|ed|ing)?"
    r"|give\s+up|gave\s+up|giving\s+up|gives\s+up|put(?:s|ting)?\s+off|postpon(?:e|es|ed|ing)|delay(?:s|ed|ing)?"
    r"|defer(?:s|red|ring)?|condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|halt(?:s|ed|ing)?"
    r"|cut(?:s|ting)?\s+off|scrap(?:s|ped|ping)?|resist(?:s|ed|ing)?|warn(?:s|ed|ing)?\s+against|end(?:s|ed|ing)?"
    r"|stop(?:s|ped|ping)?|freez(?:e|es|ing)|froze|suspend(?:s|ed|ing)?|withdr[ae]w(?:s|n|ing)?\s+from"
)
_PREDICATE_OPPOSE = (
    r"(?:stop|stops|stopped|stopping|halt\w*|end|ends|ended|ending|cease\w*|cut\w*|suspend\w*)\s+"
    r"(?:supplying|sending|providing|delivering|funding|arming|financing)|not\s+on\s+the\s+table|off\s+the\s+table|unrealistic|unacceptable|out\s+of\s+the\s+question|a\s+non[-\s]?starter"
    r"|not\s+an\s+option|impossible|dead|uneasy|a\s+red\s+line|premature|a\s+mistake|illegitimate|null\s+and\s+void"
)
_PREDICATE_SUPPORT = (
    r"necessary|essential|vital|indispensable|a\s+must|the\s+only\s+way|crucial|key|inevitable|irreversible"
    r"|unstoppable|on\s+the\s+table"
)

_A = "['’]"
_NEG_NEAR = re.compile(
    r"(?<!\w)(?:not|never|no\s+longer|n"
    + _A
    + r"t|cannot|won"
    + _A
    + r"t|refus\w+\s+to|unwilling\s+to)\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
_VERB_RE = re.compile(rf"(?<!\w)(?:(?P<oppose>{_OPPOSE})|(?P<support>{_SUPPORT}))(?!\w)", re.IGNORECASE)
_PRONOUN_RE = re.compile(
    rf"(?<!\w)(?:(?P<oppose>{_OPPOSE})|(?P<support>{_SUPPORT}))\s+(?:it|this|that|them|the\s+idea|the\s+move|such\s+a\s+step)(?!\w)",
    re.IGNORECASE,
)
_PREDICATE_RE = re.compile(
    rf"(?<!\w)(?:(?P<oppose>{_PREDICATE_OPPOSE})|(?P<support>{_PREDICATE_SUPPORT}))(?!\w)", re.IGNORECASE
)
# "arms deliveries … stop", "sanctions must not be lifted": a verb right after the mention acts on it.
_POST_VERB_RE = re.compile(
    r"\W*(?:\w+\W+){0,3}?(?P<neg>(?:must|should|will|would|can|may)?\s*(?:not|never|n['’]t)\s+)?"
    r"(?:(?:must|should|will|would|to|can|may|has\s+to|have\s+to)\s+)?(?:be\s+)?"
    r"(?P<verb>stop|stops|stopped|end|ends|ended|cease|ceases|ceased|halt|halts|halted|lifted|eased|dropped|"
    r"abandoned|scrapped|suspended|withdrawn|cut\s+off|frozen|postponed|ruled\s+out|rejected|blocked)(?!\w)",
    re.IGNORECASE,
)
# "Ukraine can't join NATO", "we will never recognise …": a negated modal right before the mention.
_NEG_BEFORE_RE = re.compile(
    r"(?<!\w)(?:can['’]t|cannot|can\s+not|won['’]t|will\s+not|will\s+never|would\s+never|must\s+not|"
    r"shall\s+not|never|no)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_MAX_GAP_WORDS = 6
# A verb does not reach across a subordinate clause ("abandon its NATO ambitions *before* any settlement").
_SUBORDINATOR_RE = re.compile(
    r"(?<!\w)(?:before|after|until|unless|if|when|while|once|because|as\s+long\s+as|so\s+that|than)(?!\w)",
    re.IGNORECASE,
)
# A condition the speaker demands keeps its "support" unless a verb stands this close before it.
_MAX_GAP_OVER_DEMAND = 3
_PREDICATE_WINDOW = 90


@dataclass(frozen=True)
class _Cue:
    stance: str
    start: int
    end: int
    text: str
    holders: tuple[str, ...] = ()


def _flip(stance: str) -> str:
    return StanceValue.OPPOSE.value if stance == StanceValue.SUPPORT.value else StanceValue.SUPPORT.value


def _cue_from(match: re.Match, text: str, clause_start: int) -> _Cue:
    stance = StanceValue.OPPOSE.value if match.group("oppose") else StanceValue.SUPPORT.value
    start = match.start()
    neg = _NEG_NEAR.search(text, clause_start, match.start())
    if neg:
        stance, start = _flip(stance), neg.start()
    return _Cue(stance, start, match.end(), " ".join(text[start : match.end()].split()).lower())


def _verb_before(
    text: str, mention: Mention, clause_start: int, max_gap: int = _MAX_GAP_WORDS
) -> _Cue | None:
    best = None
    for match in _VERB_RE.finditer(text, clause_start, mention.start):
        gap = text[match.end() : mention.start]
        if len(gap.split()) <= max_gap and not re.search(r"[;:,]", gap) and not _SUBORDINATOR_RE.search(gap):
            best = match
    return _cue_from(best, text, clause_start) if best else None


def _verb_after(text: str, mention: Mention, sent_end: int) -> _Cue | None:
    match = _POST_VERB_RE.match(text, mention.end, min(sent_end, mention.end + 60))
    if not match or _SUBORDINATOR_RE.search(text, mention.end, match.start("verb")):
        return None
    stance = StanceValue.SUPPORT.value if match.group("neg") else StanceValue.OPPOSE.value
    start = match.start("neg") if match.group("neg") else match.start("verb")
    return _Cue(stance, start, match.end(), " ".join(text[start : match.end()].split()).lower())


def _negated_before(text: str, mention: Mention, clause_start: int) -> _Cue | None:
    match = _NEG_BEFORE_RE.search(text, max(clause_start, mention.start - 30), mention.start)
    if not match:
        return None
    return _Cue(
        StanceValue.OPPOSE.value, match.start(), match.end(), " ".join(match.group(0).split()).lower()
    )


def _predicate_after(text: str, mention: Mention, sent_end: int) -> _Cue | None:
    match = _PREDICATE_RE.search(text, mention.end, min(sent_end, mention.end + _PREDICATE_WINDOW))
    if not match:
        return None
    stance = StanceValue.OPPOSE.value if match.group("oppose") else StanceValue.SUPPORT.value
    start = match.start()
    neg = _NEG_NEAR.search(text, mention.end, match.start())
    if neg and not match.group(0).lower().startswith("not"):
        stance, start = _flip(stance), neg.start()
    return _Cue(stance, start, match.end(), " ".join(text[start : match.end()].split()).lower())


def detect_stances(
    text: str,
    mentions: Sequence[Mention],
    *,
    sentences: Sequence[Span] | None = None,
    statement_id: str | None = None,
    speaker: str = "",
    actors: ActorRegistry | None = None,
    frames: Sequence[Frame] = (),
) -> list[Stance]:
    """One stance per mention: support, oppose or neutral, and who holds it.

    Args:
        text: The statement text the mentions index into.
        mentions: Tagged mentions.
        sentences: Sentence spans; computed when omitted.
        statement_id: Id recorded in each stance.
        speaker: Canonical speaker, the holder unless the sentence names others.
        actors: Registry used to resolve named holders; without it, the speaker holds every stance.
        frames: The statement's frames; a condition a frame demands counts as supported.

    Returns:
        Stances in mention order; never raises on any text.
    """
    if not mentions:
        return []
    spans = list(sentences) if sentences is not None else split_sentences(text)
    finder = finder_for(actors) if actors is not None and len(actors) else None
    speaker_holders = (speaker,) if speaker else ()
    # "Ukraine is ready to …" said by Ukraine's president is the president's stance too.
    me = actors.get(speaker) if actors is not None and speaker else None
    own = me.affiliation if me else ""
    demanded = {(f.sentence, tag) for f in frames for tag in f.conditions}
    # "Talks are impossible until …": the frame, not a stance, is what the predicate expresses.
    # (An exchange refused — "will never trade land for peace" — is a stance, so it is not listed.)
    at_stake = {(f.sentence, tag) for f in frames if f.relation != "exchange" for tag in f.outcomes}
    out: list[Stance] = []
    for mention in mentions:
        index = sentence_index(spans, mention.start) if spans else 0
        s_start, s_end = spans[index] if spans else (0, len(text))
        bounds = boundaries(text, s_start, s_end)
        clause_start = region_before(text, s_start, mention.start, bounds, attach_across=False)
        chosen: _Cue | None = None
        pronoun = _PRONOUN_RE.search(text, mention.end, s_end)
        if pronoun and finder:
            cue = _cue_from(pronoun, text, s_start)
            holders = finder.subject_before(text, pronoun.start(), s_start)
            if holders:
                chosen = _Cue(cue.stance, cue.start, cue.end, cue.text, holders)
        if chosen is None:
            demanded_here = (index, mention.tag) in demanded
            chosen = _verb_before(
                text, mention, clause_start, _MAX_GAP_OVER_DEMAND if demanded_here else _MAX_GAP_WORDS
            )
            # A predicate after the mention ("membership is unrealistic") has the mention as its subject.
            if chosen and finder:
                holders = finder.subject_before(text, chosen.start, clause_start)
                if holders:
                    chosen = _Cue(chosen.stance, chosen.start, chosen.end, chosen.text, holders)
            chosen = chosen or _verb_after(text, mention, s_end)
            if (index, mention.tag) not in at_stake:
                chosen = (
                    chosen
                    or _negated_before(text, mention, clause_start)
                    or _predicate_after(text, mention, s_end)
                )
        if chosen and own and own in chosen.holders and speaker not in chosen.holders:
            chosen = _Cue(chosen.stance, chosen.start, chosen.end, chosen.text, (speaker, *chosen.holders))
        if chosen is None and (index, mention.tag) in demanded:
            chosen = _Cue(StanceValue.SUPPORT.value, mention.start, mention.end, "demanded as a condition")
        if chosen is None:
            chosen = _Cue(StanceValue.NEUTRAL.value, mention.start, mention.end, "")
        out.append(
            Stance(
                statement_id=statement_id,
                tag=mention.tag,
                stance=chosen.stance,
                holders=chosen.holders or speaker_holders,
                start=mention.start,
                end=mention.end,
                sentence=index,
                cue=chosen.text,
            )
        )
    return out
