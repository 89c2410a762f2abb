"""Stances: who supports, who opposes each tagged item, read from the words around its mention.

The words are data (``rhetoric/lang/<code>/stances.toml`` and ``negation.toml``); this
module is the engine. A stance is about the TAGGED ITEM, not a verb's surface: a cue
is read in this order, the first that speaks wins:

1. a stance verb with a pronoun object after the item, its subject a named actor
   ("… because the US and Germany oppose it");
2. the nearest cue before the item in its clause: a support verb or goal phrase ("calls
   for a truce", "the need for guarantees"), an oppose verb ("ruled out membership") or
   an ending verb or noun ("lift sanctions", "a cessation of aid") — an ending governs
   only what goes on, never an item that is itself an ending ("end the war" IS the item
   war_end), and a cue that opposes an ending supports the thing ("rejected lifting
   sanctions"); a negator flips any cue ("not ready to"); a cue governs the items coordinated
   after its object ("ruled out membership and the deployment of troops"); a judgement of
   the phrase holding cue and item composes with it ("calls for a truce are premature");
3. the item's own verb after it or inside it: ended ("sanctions must be lifted") or
   demanded ("a full truce must follow", "Russia must leave");
4. the "that" clause of a verb of wanting ("hopes that a truce …"), a disparaging word
   ("a sham truce"), a negated modal or negative determiner ("can't join NATO", "there can
   be no truce unless …": ruled out until a condition holds is opposed);
5. a predicate linked to it by a copula ("talks are the only way", "membership is not on
   the table") or a consequence it would have ("would only prolong the war"), unless
   asked about ("whether a truce is achievable");
6. a condition the statement's frames demand is supported;
7. desirability or a goal marker before it ("a just and lasting peace", "waiting for
   talks", "to end the war"), unless the sentence only reports or asks ("we discussed a
   full ceasefire");
8. an item coordinated with the previous one shares its stance ("a truce and, ultimately,
   an end to the war"); the outcome of an affirmed precondition is wanted.

Over all of these, an extraposed judgement ("it is irresponsible to …", "it is not in our
interest to …") composes with whatever the item's clause says (:mod:`.stance_shapes`).

Holders are the actors named as the cue's subject, or an unnamed third party ("critics
warned against …"), else the speaker.

Example:
    >>> from rhetoric.records import Mention
    >>> text = "Trump has never supported Ukrainian NATO membership."
    >>> m = Mention("nato_membership", 36, 51, "NATO membership", 0, "nato membership")
    >>> st = detect_stances(text, [m], speaker="trump")[0]
    >>> st.stance.value, st.holders, st.cue
    ('oppose', ('trump',), 'never supported')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..actors import ActorRegistry
from ..lang import Language
from ..records import Frame, Mention, Stance
from ..text.sentences import sentence_index, split_sentences
from ..types import Polarity, Span, StanceValue
from .clauses import boundaries, frame_words, region_before
from .holders import finder_for
from .stance_shapes import complement, compose, consequence, disparaged, extraposed, strip_transparent
from .stance_words import StanceWords, stance_words

SUPPORT = StanceValue.SUPPORT.value
OPPOSE = StanceValue.OPPOSE.value
NEUTRAL = StanceValue.NEUTRAL.value
# The record's enum for a stance read as its string (Stance.typed takes the enum as it is).
_STANCE_VALUES = {value.value: value for value in StanceValue}

_MAX_GAP_WORDS = 6
# An ending verb governs the noun phrase right after it ("lift the sanctions"), no further.
_MAX_GAP_ENDING = 2
# A condition the speaker demands keeps its "support" unless a verb stands this close before it.
_MAX_GAP_OVER_DEMAND = 3
# A cue that governs an ending cue stands this close before it ("rejected lifting sanctions").
_MAX_GAP_GOVERNOR = 3
_PREDICATE_WINDOW = 90
# A judgement composes with the cue inside its subject only this close to the item ("calls for a truce
# are premature"), not across a longer verb phrase ("… is facing opposition from key players").
_MAX_JUDGED_REACH = 5
_AFTER_WINDOW = 60
# The head of a list before its last item: "the sovereignty, independence, unity and ".
_LIST_GAP_RE = re.compile(r"^\s*(?:[\w'’-]+\s+)?(?:[\w'’-]+(?:\s+[\w'’-]+)?\s*,\s*)+(?:[\w'’-]+(?:\s+[\w'’-]+)?\s*,?\s+)?(?:and|or)\s+$")
_BREAK_RE = re.compile(r"[;:,()\[\]]|[.!?]\s|[—–]")
#: Two word characters: a word runs across this place.
_CUT = re.compile(r"\w\w")


class _Cue(NamedTuple):
    """What decided a stance (a tuple, not a frozen dataclass: one or more are built per mention)."""

    stance: str
    start: int
    end: int
    text: str
    holders: tuple[str, ...] = ()
    # Words between the item and the judgement's head (predicates and consequences only).
    reach: int = 0


def _flip(stance: str) -> str:
    return OPPOSE if stance == SUPPORT else SUPPORT


def _against_tag(stance: str, mention: Mention) -> str:
    """The stance on the tag: a negated mention ("staying in power" for a change of leader)
    supported is the tag opposed (codebook ``polarity = "negated"``); neutral stays neutral."""
    return _flip(stance) if mention.polarity is Polarity.NEGATED and stance != NEUTRAL else stance


def _words(text: str) -> str:
    return " ".join(text.split()).lower()


def _kind(match: re.Match) -> str:
    return "ending" if match.group("ending") else OPPOSE if match.group("oppose") else SUPPORT


class _Context:
    """One statement's text, its mention spans and the language's stance words."""

    __slots__ = ("_cues", "_ending_items", "_limit", "spans", "text", "words")

    def __init__(self, text: str, words: StanceWords, spans: tuple[Span, ...]) -> None:
        self.text = text
        self.words = words
        self.spans = spans
        self._cues: list[re.Match | None] = []
        self._ending_items: dict[Span, bool] = {}
        # No cue before a mention starts at or after the last mention's start (see cues()).
        self._limit = max(a for a, _ in spans) if spans else len(text)

    def ending_item(self, mention: Mention) -> bool:
        """Whether the mention's words end something ("end the war"): read once per mention."""
        span = (mention.start, mention.end)
        found = self._ending_items.get(span)
        if found is None:
            found = self._ending_items[span] = self.words.ending_item.search(self.text, *span) is not None
        return found

    def cues(self, start: int, end: int) -> list[re.Match]:
        """Cue matches inside ``text[start:end]``: the text is scanned once for all its mentions.

        The scan reads the whole text left to right but stops at the last mention's start: a match
        from there on ends after every mention's start, where no cue before a mention may end.
        """
        limit = self._limit
        if end > limit:
            # Not a cue before a mention: read the whole text.
            found = self.words.before.finditer(self.text, 0, len(self.text))
            return [m for m in found if m.start() >= start and m.end() <= end]
        if not self._cues:
            for m in self.words.before.finditer(self.text, 0, len(self.text)):
                if m.start() >= limit:
                    break
                self._cues.append(m)
            if not self._cues:
                self._cues.append(None)
        return [m for m in self._cues if m is not None and m.start() >= start and m.end() <= end]

    def inside_mention(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self.spans)

    def linked(self, start: int, end: int, max_words: int, *, lists: bool = False) -> bool:
        """``text[start:end]`` is a short gap no punctuation or subordinate clause breaks.

        With ``lists``, the gap may also be the head of a list ending in "and"/"or"
        ("honour the sovereignty, independence and [territorial integrity]").
        """
        gap = strip_transparent(self.words.shapes, self.text[start:end])
        if self.words.subordinator.search(gap):
            return False
        if len(gap.split()) <= max_words and not _BREAK_RE.search(gap):
            return True
        return lists and len(gap.split()) <= 2 * max_words and bool(_LIST_GAP_RE.match(gap))

    def coordinated(self, start: int, end: int) -> bool:
        """``text[start:end]`` is one or more mentions joined by coordinators ("membership and the")."""
        inside = [(max(a, start), min(b, end)) for a, b in self.spans if a < end and start < b]
        if not inside:
            return False
        gap, cursor = [], start
        for a, b in sorted(inside):
            gap.append(self.text[cursor:a])
            cursor = max(cursor, b)
        gap.append(self.text[cursor:end])
        # The first item may open with a short head of its own ("Ukraine's membership"); the last
        # join ends in a determiner, so a noun follows, not a second verb ("drop X and commit to Y").
        head_ok = len(gap[0].split()) <= 2 and not _BREAK_RE.search(gap[0])
        joins = gap[1:]
        return (
            head_ok
            and bool(self.words.determiner_before.search(joins[-1]))
            and all(self.words.coordination.fullmatch(part) for part in joins)
        )

    def negated(self, clause_start: int, pos: int) -> re.Match | None:
        # A negator stands at most four words before: 60 characters are plenty.
        return self.words.negated_before_cue.search(self.text, max(clause_start, pos - 60), pos)


def _attributive(ctx: _Context, match: re.Match, clause_start: int) -> bool:
    """A participle after a determiner is an adjective, not a holder's act ("the proposed truce")."""
    word = match.group(0)
    if " " in word or not word.lower().endswith(("ed", "en")):
        return False
    return bool(ctx.words.determiner_before.search(ctx.text, max(clause_start, match.start() - 12), match.start()))


def _cue_before(ctx: _Context, mention: Mention, clause_start: int, max_gap: int) -> _Cue | None:
    """The nearest cue before the mention that governs it (see the module docs, step 2)."""
    text = ctx.text
    cues = [
        m for m in ctx.cues(clause_start, mention.start)
        if not ctx.inside_mention(*m.span()) and not _attributive(ctx, m, clause_start)
    ]
    for i in range(len(cues) - 1, -1, -1):
        match = cues[i]
        kind = _kind(match)
        if kind == "ending":
            # "end the war" is the item war_end; "stop supplying weapons" opposes the supply.
            # (Whether the item is an ending is read only here, where an ending cue asks.)
            if (
                ctx.ending_item(mention)
                or not ctx.linked(match.end(), mention.start, _MAX_GAP_ENDING + 2 * bool(match.group("supply")))
                or ctx.words.preposition.search(text, match.end(), mention.start)
            ):
                continue
        elif not ctx.linked(match.end(), mention.start, max_gap, lists=True):
            continue
        stance, start = (OPPOSE if kind == "ending" else kind), match.start()
        if ctx.words.negator.search(text, match.end(), mention.start):
            # "guaranteeing that Ukraine will not join NATO"
            stance = _flip(stance)
        neg = ctx.negated(clause_start, start)
        if neg:
            stance, start = _flip(stance), neg.start()
        elif i > 0 and (
            ctx.linked(cues[i - 1].end(), match.start(), _MAX_GAP_GOVERNOR)
            or ctx.coordinated(cues[i - 1].end(), match.start())
        ):
            # The cue's own governor: "ready to adopt" (the subject stands before "ready"), or
            # "rejected lifting sanctions", "drop its plans to join": a cue against a cue turns it;
            # so does one governing an item coordinated before ("ruled out X and the deployment of Y").
            governor = cues[i - 1]
            start = governor.start()
            if _kind(governor) != SUPPORT:
                stance = _flip(stance)
            neg = ctx.negated(clause_start, start)
            if neg:
                stance, start = _flip(stance), neg.start()
        return _Cue(stance, start, match.end(), _words(text[start : match.end()]))
    return None


def _after(ctx: _Context, mention: Mention, sent_end: int) -> _Cue | None:
    """The item's own verb after it: ended (oppose) or demanded (support); step 3."""
    text = ctx.text
    limit = min(sent_end, mention.end + _AFTER_WINDOW)
    inside = ctx.words.deontic.search(text, mention.start, mention.end)
    if inside and inside.start() > mention.start:
        # "the war has to stop", "Russia must leave": the item the mention states is demanded.
        negated = ctx.words.negator_next.match(text, inside.end(), mention.end)
        end = negated.end() if negated else inside.end()
        return _Cue(OPPOSE if negated else SUPPORT, inside.start(), end, _words(text[inside.start() : end]))
    match = None
    # The verb stands at the start of a word after the mention (or right at its end, which may
    # cut a word): where the index shows none, the long pattern is not tried.
    # (Whether the item is an ending is read last: the index mostly answers first.)
    if (
        _CUT.match(text, mention.end - 1, mention.end + 1)
        or not ctx.words.after_ending_verb.absent(text, mention.end, limit)
    ) and not ctx.ending_item(mention):
        match = ctx.words.after_ending.match(text, mention.end, limit)
    if match and ctx.linked(mention.end, match.start("verb"), 5) and not ctx.inside_mention(*match.span("verb")):
        stance = SUPPORT if match.group("neg") else OPPOSE
        start = match.start("neg") if match.group("neg") else match.start("verb")
        return _Cue(stance, start, match.end(), _words(text[start : match.end()]))
    match = ctx.words.after_support.match(text, mention.end, limit)
    if match and not ctx.inside_mention(*match.span("verb")):
        stance = OPPOSE if match.group("neg") else SUPPORT
        return _Cue(stance, match.start("verb"), match.end(), _words(text[match.start("verb") : match.end()]))
    return None


def _negated_item(ctx: _Context, mention: Mention, clause_start: int) -> _Cue | None:
    match = ctx.words.negated_item.search(ctx.text, max(clause_start, mention.start - 30), mention.start)
    if not match:
        return None
    return _Cue(OPPOSE, match.start(), match.end(), _words(match.group(0)))


def _rhetorical(ctx: _Context, s_start: int, s_end: int) -> bool:
    """The sentence is a rhetorical question: it opens with "why would", "who would" … and ends with "?"."""
    return ctx.text[s_start:s_end].rstrip(" \"'”’»").endswith("?") and bool(ctx.words.rhetorical.match(ctx.text, s_start, s_end))


def _negated_clause(ctx: _Context, mention: Mention, s_start: int, sent_end: int) -> bool:
    """A negator between the refusal cue and the end of the mention's clause ("if they do not leave")."""
    # The cue may open the mention itself ("as long as he remains in office").
    cues = list(ctx.words.refusal_cue_in_text.finditer(ctx.text, s_start, mention.end))
    start = cues[-1].end() if cues else s_start
    end = _BREAK_RE.search(ctx.text, mention.end, sent_end)
    return bool(ctx.words.negator.search(ctx.text, start, end.start() if end else sent_end))


def _complement(ctx: _Context, mention: Mention, s_start: int) -> _Cue | None:
    found = complement(ctx.words.shapes, ctx.text, s_start, mention.start)
    return _Cue(found[0], found[1], found[2], _words(ctx.text[found[1] : found[2]])) if found else None


def _disparaged(ctx: _Context, mention: Mention, clause_start: int) -> _Cue | None:
    found = disparaged(ctx.words.shapes, ctx.text, mention.start, mention.end, clause_start)
    if not found:
        return None
    neg = ctx.negated(clause_start, found[0])
    start = neg.start() if neg else found[0]
    return _Cue(SUPPORT if neg else OPPOSE, start, found[1], _words(ctx.text[start : found[1]]))


def _predicate(ctx: _Context, mention: Mention, sent_end: int, clause_start: int) -> _Cue | None:
    """A predicate judging the item as subject, or a consequence it would have (step 5); none asked
    about ("whether a truce was achievable") and none of a relative clause inside the phrase."""
    text, limit = ctx.text, min(sent_end, mention.end + _PREDICATE_WINDOW)
    if ctx.words.shapes.question.search(text, max(clause_start, mention.start - 40), mention.start):
        return None
    # The judgement follows a space or a quote: where the index shows none, the pattern cannot match.
    absent = ctx.words.predicate_head.absent(text, mention.end, limit)
    match = None if absent else ctx.words.predicate.match(text, mention.end, limit)
    head = (match.start("oppose") if match.group("oppose") else match.start("support")) if match else 0
    if match and not _BREAK_RE.search(text, mention.end, head):
        stance = OPPOSE if match.group("oppose") else SUPPORT
        start = match.start("mid")
        if ctx.words.negator.search(match.group("mid")):
            stance = _flip(stance)
        pre = text[mention.end : start].split()
        if len(pre) <= 3 and ctx.words.shapes.relative.fullmatch(pre[0].strip("\"“”‘’'")):
            # "talks that are a trap": the predicate is a relative clause's.
            return None
        if ctx.words.subordinator.search(text, mention.end, start):
            # "diplomacy because this war is not in anyone's interest": another clause's predicate.
            return None
        reach = len(text[mention.end : head].split())
        return _Cue(stance, start, match.end(), _words(text[start : match.end()]), reach=reach)
    found = consequence(ctx.words.shapes, text, mention.end, limit)
    if not found:
        return None
    return _Cue(found[0], found[1], found[2], _words(text[found[1] : found[2]]), reach=len(text[found[1] : found[3]].split()))


def _advocated(ctx: _Context, mention: Mention, clause_start: int, sentence: Span) -> _Cue | None:
    """Desirability right before the item, in a sentence that does more than report or ask (step 7)."""
    text = ctx.text
    window = max(clause_start, mention.start - 80)
    # The first of the lexicons, in this order, with a match outside every mention (a plain loop:
    # this runs for most mentions, and two nested generators cost as much as the searches).
    lexicon = match = None
    for lx in (ctx.words.qualifiers, ctx.words.goal, ctx.words.infinitive):
        m = lx.search(text, window, mention.start)
        if m and not ctx.inside_mention(*m.span()):
            lexicon, match = lx, m
            break
    if match is None:
        # "a just peace": the qualifier may open the mention itself.
        match = ctx.words.leading_qualifiers.match(text, mention.start, mention.end)
        if not match or match.end() >= mention.end:
            return None
    s_start, s_end = sentence
    if text[s_start:s_end].rstrip(" \"'”’").endswith("?"):
        return None
    if ctx.words.mention_only.search(text, clause_start, mention.start):
        return None
    neg = ctx.negated(clause_start, match.start())
    if neg and lexicon is ctx.words.infinitive:
        # An act denied: "nobody would sign away land", "we will not end the talks".
        return _Cue(OPPOSE, neg.start(), mention.start, _words(text[neg.start() : mention.start]))
    if neg:
        return None
    return _Cue(SUPPORT, match.start(), mention.start, _words(match.group(0)))


def detect_stances(
    text: str,
    mentions: Sequence[Mention],
    *,
    sentences: Sequence[Span] | None = None,
    statement_id: str | None = None,
    speaker: str = "",
    actors: ActorRegistry | None = None,
    frames: Sequence[Frame] = (),
    language: Language | None = None,
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
        language: Language data (a codebook's, with its ``[words.stances]``); English when omitted.

    Returns:
        Stances in mention order; never raises on any text.
    """
    if not mentions:
        return []
    words = stance_words(language)
    # The language's clause words (a codebook's [words.frames] included), as the frames read them.
    clause_words = frame_words(language)
    spans = list(sentences) if sentences is not None else split_sentences(text)
    finder = finder_for(actors, language) if actors is not None and len(actors) else None
    ctx = _Context(text, words, tuple((m.start, m.end) for m in mentions))
    speaker_holders = (speaker,) if speaker else ()
    # "Ukraine is ready to …" said by Ukraine's president is the president's stance too.
    me = actors.get(speaker) if actors is not None and speaker else None
    own = me.affiliation if me else ""
    demanded = {(f.sentence, tag) for f in frames for tag in f.conditions}
    # "If this means giving up land, it will not be a fair peace": the condition of a refusal is rejected.
    refused = {
        (f.sentence, tag)
        for f in frames
        if f.polarity == "negated" and words.refusal_cue.fullmatch(f.cue.strip())
        for tag in f.conditions
    }
    # "We are ready for talks if Russia withdraws": what the speaker makes conditional, they want.
    wanted = {
        (f.sentence, tag)
        for f in frames
        if f.relation == "precondition" and f.polarity != "negated"
        for tag in f.outcomes
    }
    out: list[Stance] = []
    for mention in mentions:
        index = sentence_index(spans, mention.start) if spans else 0
        s_start, s_end = spans[index] if spans else (0, len(text))
        bounds = boundaries(text, s_start, s_end, words=clause_words)
        clause_start = region_before(text, s_start, mention.start, bounds, attach_across=False)
        demanded_here = (index, mention.tag) in demanded
        chosen: _Cue | None = None
        pronoun = words.pronoun.search(text, mention.end, s_end)
        if pronoun and finder:
            holders = finder.subject_before(text, pronoun.start(), s_start)
            if holders:
                stance = OPPOSE if pronoun.group("oppose") else SUPPORT
                start = pronoun.start()
                neg = ctx.negated(s_start, start)
                if neg:
                    stance, start = _flip(stance), neg.start()
                chosen = _Cue(stance, start, pronoun.end(), _words(text[start : pronoun.end()]), holders)
        if chosen is None:
            before = _cue_before(ctx, mention, clause_start, _MAX_GAP_OVER_DEMAND if demanded_here else _MAX_GAP_WORDS)
            if before:
                holders = finder.subject_before(text, before.start, clause_start) if finder else ()
                generic = words.generic_subject.search(text, max(clause_start, before.start - 60), before.start)
                if not holders and generic:
                    # "critics warned against a ceasefire": theirs, not the speaker's.
                    holders = (_words(generic.group("holder")),)
                judged = None if holders else _predicate(ctx, mention, s_end, clause_start)
                if judged and judged.reach <= _MAX_JUDGED_REACH:
                    # "Calls for a truce now are premature": the judgement of the phrase holding the cue.
                    before = _Cue(compose(judged.stance, before.stance), before.start, judged.end, f"{before.text} … {judged.text}")
                elif holders:
                    before = _Cue(before.stance, before.start, before.end, before.text, holders)
            chosen = before or _after(ctx, mention, s_end)
            # "There can be no truce unless …", "talks are impossible until …": what the speaker rules
            # out until a condition is met is opposed (as coders read it), the frame says the rest.
            chosen = (
                chosen
                or _complement(ctx, mention, s_start)
                or _disparaged(ctx, mention, clause_start)
                or _negated_item(ctx, mention, clause_start)
                or _predicate(ctx, mention, s_end, clause_start)
            )
        if chosen and _rhetorical(ctx, s_start, s_end):
            # "Why would we agree to a freeze?": the question denies what its words state.
            chosen = _Cue(_flip(chosen.stance), chosen.start, chosen.end, f"{chosen.text} (rhetorical question)", chosen.holders)
        if chosen and own and own in chosen.holders and speaker not in chosen.holders:
            chosen = _Cue(chosen.stance, chosen.start, chosen.end, chosen.text, (speaker, *chosen.holders))
        judged = extraposed(words.shapes, text, s_start, mention.start)
        if judged and (chosen is None or chosen.start >= judged[2]):
            # "it is irresponsible to hold elections now": the judgement of the clause holding the item.
            inner = chosen.stance if chosen else None
            chosen = _Cue(compose(judged[0], inner), judged[1], judged[2], _words(text[judged[1] : judged[2]]))
        if chosen is None and demanded_here:
            if (index, mention.tag) in refused and not _negated_clause(ctx, mention, s_start, s_end):
                chosen = _Cue(OPPOSE, mention.start, mention.end, "condition of a refusal")
            else:
                chosen = _Cue(SUPPORT, mention.start, mention.end, "demanded as a condition")
        if chosen is None:
            chosen = _advocated(ctx, mention, clause_start, (s_start, s_end))
        if chosen is None and out and out[-1].stance != NEUTRAL and out[-1].sentence == index:
            # "a ceasefire and, ultimately, an end to the war": coordinated items share a stance.
            prev = out[-1]
            gap = ctx.words.coordination.fullmatch(text, prev.end, mention.start)
            if gap and prev.end < mention.start and len(text[prev.end : mention.start].split()) <= 5:
                surface = _against_tag(prev.stance, mentions[len(out) - 1])  # the words' stance, not the tag's
                chosen = _Cue(surface, prev.start, prev.end, prev.cue, prev.holders)
        if chosen is None and (index, mention.tag) in wanted:
            chosen = _Cue(SUPPORT, mention.start, mention.end, "outcome of a condition")
        if chosen is None:
            chosen = _Cue(NEUTRAL, mention.start, mention.end, "")
        out.append(
            Stance.typed(
                statement_id,
                mention.tag,
                _STANCE_VALUES[_against_tag(chosen.stance, mention)],
                chosen.holders or speaker_holders,
                mention.start,
                mention.end,
                index,
                chosen.text,
            )
        )
    return out
