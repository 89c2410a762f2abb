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
   sanctions"); a negator flips any cue ("not ready to");
3. the item's own verb after it: ended ("sanctions must be lifted") or demanded
   ("a full truce must follow");
4. a negated modal or negative determiner right before it ("can't join NATO", "no truce");
5. a predicate linked to it by a copula ("talks are the only way", "membership is not on
   the table");
6. a condition the statement's frames demand is supported;
7. desirability or a goal marker before it ("a just and lasting peace", "waiting for
   talks", "to end the war"), unless the sentence only reports or asks ("we discussed a
   full ceasefire");
8. an item coordinated with the previous one shares its stance ("a truce and, ultimately,
   an end to the war"); the outcome of an affirmed precondition is wanted.

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
from dataclasses import dataclass

from ..actors import ActorRegistry
from ..lang import Language, load_language
from ..records import Frame, Mention, Stance
from ..text.sentences import sentence_index, split_sentences
from ..types import Span, StanceValue
from .clauses import boundaries, region_before
from .holders import finder_for
from .lexicon import Lexicon, firsts_of

SUPPORT = StanceValue.SUPPORT.value
OPPOSE = StanceValue.OPPOSE.value
NEUTRAL = StanceValue.NEUTRAL.value

_MAX_GAP_WORDS = 6
# An ending verb governs the noun phrase right after it ("lift the sanctions"), no further.
_MAX_GAP_ENDING = 2
# A condition the speaker demands keeps its "support" unless a verb stands this close before it.
_MAX_GAP_OVER_DEMAND = 3
# A cue that governs an ending cue stands this close before it ("rejected lifting sanctions").
_MAX_GAP_GOVERNOR = 3
_PREDICATE_WINDOW = 90
_AFTER_WINDOW = 60
# The head of a list before its last item: "the sovereignty, independence, unity and ".
_LIST_GAP_RE = re.compile(r"^\s*(?:[\w'’-]+\s+)?(?:[\w'’-]+(?:\s+[\w'’-]+)?\s*,\s*)+(?:[\w'’-]+(?:\s+[\w'’-]+)?\s*,?\s+)?(?:and|or)\s+$")
_BREAK_RE = re.compile(r"[;:,()\[\]]|[.!?]\s|[—–]")


@dataclass(frozen=True)
class StanceWords:
    """The compiled stance regexes of one language."""

    before: Lexicon
    negated_before_cue: re.Pattern[str]
    pronoun: Lexicon
    after_ending: re.Pattern[str]
    after_support: re.Pattern[str]
    predicate: re.Pattern[str]
    negated_item: re.Pattern[str]
    qualifiers: Lexicon
    goal: Lexicon
    determiner_before: re.Pattern[str]
    generic_subject: re.Pattern[str]
    leading_qualifiers: re.Pattern[str]
    coordination: re.Pattern[str]
    deontic: re.Pattern[str]
    infinitive: Lexicon
    preposition: re.Pattern[str]
    mention_only: re.Pattern[str]
    subordinator: re.Pattern[str]
    ending_item: re.Pattern[str]
    negator: re.Pattern[str]


_CACHE: dict[int, tuple[Language, StanceWords]] = {}


def stance_words(language: Language | None = None) -> StanceWords:
    """The stance regexes of ``language`` (English by default), compiled once per language object."""
    language = language or load_language("en")
    hit = _CACHE.get(id(language))
    if hit is None or hit[0] is not language:
        hit = _CACHE[id(language)] = (language, _compile(language))
    return hit[1]


def _compile(lang: Language) -> StanceWords:
    def p(key: str, file: str = "stances") -> str:
        return lang.pattern(file, key)

    def bounded(source: str) -> str:
        return rf"(?<!\w)(?:{source})(?!\w)"

    neg = f"{p('negators', 'negation')}|{p('negated_modals', 'negation')}"
    ending = rf"(?:{p('ending_verbs')})(?:\s+(?P<supply>{p('supply_gerunds')}))?|{p('ending_phrases')}"
    cue = (
        rf"(?P<ending>{ending})|(?P<oppose>{p('oppose_verbs')}|{p('oppose_phrases')})"
        rf"|(?P<support>{p('support_verbs')}|{p('support_phrases')})"
    )
    pronoun_cue = rf"(?P<oppose>{p('oppose_verbs')})|(?P<support>{p('support_verbs')})"
    modal_aux = r"(?:(?:must|should|will|would|can|could|may|might|shall|to|has\s+to|have\s+to|had\s+to|needs?\s+to)\s+)?"
    copula = p("copulas")
    return StanceWords(
        before=Lexicon(
            re.compile(bounded(cue), re.IGNORECASE),
            firsts_of(lang, [("stances", k) for k in (
                "ending_verbs", "ending_phrases", "oppose_verbs", "oppose_phrases", "support_verbs", "support_phrases"
            )]),
        ),
        negated_before_cue=re.compile(rf"(?<!\w)(?:{neg})\W+(?:\w+\W+){{0,3}}$", re.IGNORECASE),
        pronoun=Lexicon(
            re.compile(rf"(?<!\w)(?:{pronoun_cue})\s+(?:{p('object_pronouns')})(?!\w)", re.IGNORECASE),
            firsts_of(lang, [("stances", "oppose_verbs"), ("stances", "support_verbs")]),
        ),
        after_ending=re.compile(
            rf"\W*(?:\w+\W+){{0,3}}?(?P<neg>{modal_aux}(?:{neg})\s+)?{modal_aux}(?:(?:be|been|being|get|got)\s+)?"
            rf"(?P<verb>{p('after_ending')})(?!\w)",
            re.IGNORECASE,
        ),
        after_support=re.compile(
            rf"[\s\"'”’“]*(?:[\w'’-]+\s+){{0,3}}?(?P<verb>{p('after_support')})(?!\w)(?P<neg>\s+(?:{neg})(?!\w))?",
            re.IGNORECASE,
        ),
        predicate=re.compile(
            rf"\W*(?:[\w'’-]+\W+){{0,4}}?(?:{modal_aux})?(?:{copula})(?!\w)"
            rf"(?P<mid>(?:[\s\"“”‘’]+[\w'’-]+){{0,8}}?)[\s\"“”‘’]+(?:(?P<oppose>{p('predicate_oppose')})|(?P<support>{p('predicate_support')}))(?!\w)",
            re.IGNORECASE,
        ),
        negated_item=re.compile(
            rf"(?<!\w)(?:{p('negated_modals', 'negation')}|never|{p('negative_determiners', 'negation')})\s+(?:\w+\s+)?$",
            re.IGNORECASE,
        ),
        qualifiers=Lexicon(re.compile(
            rf"(?<!\w)(?:{p('advocacy_qualifiers')})(?:\s*,?(?:\s+(?:and|or))?\s+(?:{p('advocacy_qualifiers')}))*"
            rf"(?:\s*,?\s+[\w'’-]+){{0,2}}?[\s\"“”‘’]+$",
            re.IGNORECASE,
        ), firsts_of(lang, [("stances", "advocacy_qualifiers")])),
        goal=Lexicon(re.compile(
            rf"(?<!\w)(?:{p('goal_markers')})\s+(?:(?:{p('determiners')}|{p('advocacy_qualifiers')})"
            rf"(?:\s*,)?(?:\s+(?:and|or))?\s+){{0,4}}$",
            re.IGNORECASE,
        ), firsts_of(lang, [("stances", "goal_markers")])),
        generic_subject=re.compile(
            rf"(?<!\w)(?P<holder>{p('third_party_holders')})(?:\s+(?:{p('subject_skip')}|\w+ly))*\s+$",
            re.IGNORECASE,
        ),
        determiner_before=re.compile(rf"(?<!\w)(?:{p('determiners')})\s+$", re.IGNORECASE),
        leading_qualifiers=re.compile(
            rf"(?:(?:{p('determiners')})\s+)?(?:{p('advocacy_qualifiers')})(?:\s*,?(?:\s+(?:and|or))?\s+(?:{p('advocacy_qualifiers')}))*\s+",
            re.IGNORECASE,
        ),
        coordination=re.compile(
            rf"(?:[\s,\"“”‘’]|(?<!\w)(?:{p('coordinators')}|{p('determiners')}|{p('advocacy_qualifiers')}|\w+ly)(?!\w))*",
            re.IGNORECASE,
        ),
        deontic=re.compile(bounded(p("after_support")), re.IGNORECASE),
        infinitive=Lexicon(re.compile(
            rf"(?<!\w)(?:{p('infinitive_markers')})\s+(?:(?:{p('adverbs')}|\w+ly)\s+){{0,2}}$", re.IGNORECASE
        ), firsts_of(lang, [("stances", "infinitive_markers")])),
        preposition=re.compile(bounded(p("prepositions")), re.IGNORECASE),
        mention_only=re.compile(bounded(p("mention_only")), re.IGNORECASE),
        subordinator=re.compile(bounded(p("subordinators")), re.IGNORECASE),
        ending_item=re.compile(bounded(f"{p('ending_verbs')}|{p('ending_phrases')}|{p('after_ending')}"), re.IGNORECASE),
        negator=re.compile(bounded(neg), re.IGNORECASE),
    )


@dataclass(frozen=True)
class _Cue:
    stance: str
    start: int
    end: int
    text: str
    holders: tuple[str, ...] = ()


def _flip(stance: str) -> str:
    return OPPOSE if stance == SUPPORT else SUPPORT


def _words(text: str) -> str:
    return " ".join(text.split()).lower()


def _kind(match: re.Match) -> str:
    return "ending" if match.group("ending") else OPPOSE if match.group("oppose") else SUPPORT


@dataclass(frozen=True)
class _Context:
    """One statement's text, its mention spans and the language's stance words."""

    text: str
    words: StanceWords
    spans: tuple[Span, ...]

    def inside_mention(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self.spans)

    def linked(self, start: int, end: int, max_words: int, *, lists: bool = False) -> bool:
        """``text[start:end]`` is a short gap no punctuation or subordinate clause breaks.

        With ``lists``, the gap may also be the head of a list ending in "and"/"or"
        ("honour the sovereignty, independence and [territorial integrity]").
        """
        gap = self.text[start:end]
        if self.words.subordinator.search(gap):
            return False
        if len(gap.split()) <= max_words and not _BREAK_RE.search(gap):
            return True
        return lists and len(gap.split()) <= 2 * max_words and bool(_LIST_GAP_RE.match(gap))

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
        m for m in ctx.words.before.finditer(text, clause_start, mention.start)
        if not ctx.inside_mention(*m.span()) and not _attributive(ctx, m, clause_start)
    ]
    ending_item = bool(ctx.words.ending_item.search(text, mention.start, mention.end))
    for i in range(len(cues) - 1, -1, -1):
        match = cues[i]
        kind = _kind(match)
        if kind == "ending":
            # "end the war" is the item war_end; "stop supplying weapons" opposes the supply.
            if (
                ending_item
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
        elif i > 0 and ctx.linked(cues[i - 1].end(), match.start(), _MAX_GAP_GOVERNOR):
            # The cue's own governor: "ready to adopt" (the subject stands before "ready"), or
            # "rejected lifting sanctions", "drop its plans to join": a cue against a cue turns it.
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
    ending_item = bool(ctx.words.ending_item.search(text, mention.start, mention.end))
    if ending_item:
        inside = ctx.words.deontic.search(text, mention.start, mention.end)
        if inside:
            # "the war has to stop": the item (an ending) is demanded.
            return _Cue(SUPPORT, inside.start(), inside.end(), _words(inside.group(0)))
    match = None if ending_item else ctx.words.after_ending.match(text, mention.end, limit)
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


def _predicate(ctx: _Context, mention: Mention, sent_end: int) -> _Cue | None:
    limit = min(sent_end, mention.end + _PREDICATE_WINDOW)
    match = ctx.words.predicate.match(ctx.text, mention.end, limit)
    if not match or _BREAK_RE.search(ctx.text, mention.end, match.start("oppose") if match.group("oppose") else match.start("support")):
        return None
    stance = OPPOSE if match.group("oppose") else SUPPORT
    start = match.start("mid")
    if ctx.words.negator.search(match.group("mid")):
        stance = _flip(stance)
    return _Cue(stance, start, match.end(), _words(ctx.text[start : match.end()]))


def _advocated(ctx: _Context, mention: Mention, clause_start: int, sentence: Span) -> _Cue | None:
    """Desirability right before the item, in a sentence that does more than report or ask (step 7)."""
    text = ctx.text
    window = max(clause_start, mention.start - 80)
    found = (
        rx.search(text, window, mention.start)
        for rx in (ctx.words.qualifiers, ctx.words.goal, ctx.words.infinitive)
    )
    match = next((m for m in found if m and not ctx.inside_mention(*m.span())), None)
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
    if ctx.negated(clause_start, match.start()):
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
    spans = list(sentences) if sentences is not None else split_sentences(text)
    finder = finder_for(actors, language) if actors is not None and len(actors) else None
    ctx = _Context(text, words, tuple((m.start, m.end) for m in mentions))
    speaker_holders = (speaker,) if speaker else ()
    # "Ukraine is ready to …" said by Ukraine's president is the president's stance too.
    me = actors.get(speaker) if actors is not None and speaker else None
    own = me.affiliation if me else ""
    demanded = {(f.sentence, tag) for f in frames for tag in f.conditions}
    # "We are ready for talks if Russia withdraws": what the speaker makes conditional, they want.
    wanted = {
        (f.sentence, tag)
        for f in frames
        if f.relation == "precondition" and f.polarity != "negated"
        for tag in f.outcomes
    }
    # "Talks are impossible until …": the frame, not a stance, is what the predicate expresses.
    # (An exchange refused — "will never trade land for peace" — is a stance, so it is not listed.)
    at_stake = {
        (f.sentence, tag)
        for f in frames
        if f.relation != "exchange" and f.polarity == "negated"
        for tag in f.outcomes
    }
    out: list[Stance] = []
    for mention in mentions:
        index = sentence_index(spans, mention.start) if spans else 0
        s_start, s_end = spans[index] if spans else (0, len(text))
        bounds = boundaries(text, s_start, s_end)
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
            chosen = _cue_before(ctx, mention, clause_start, _MAX_GAP_OVER_DEMAND if demanded_here else _MAX_GAP_WORDS)
            if chosen:
                holders = finder.subject_before(text, chosen.start, clause_start) if finder else ()
                generic = words.generic_subject.search(text, max(clause_start, chosen.start - 60), chosen.start)
                if not holders and generic:
                    # "critics warned against a ceasefire": theirs, not the speaker's.
                    holders = (_words(generic.group("holder")),)
                if holders:
                    chosen = _Cue(chosen.stance, chosen.start, chosen.end, chosen.text, holders)
            chosen = chosen or _after(ctx, mention, s_end)
            if (index, mention.tag) not in at_stake:
                chosen = chosen or _negated_item(ctx, mention, clause_start) or _predicate(ctx, mention, s_end)
        if chosen and own and own in chosen.holders and speaker not in chosen.holders:
            chosen = _Cue(chosen.stance, chosen.start, chosen.end, chosen.text, (speaker, *chosen.holders))
        if chosen is None and demanded_here:
            chosen = _Cue(SUPPORT, mention.start, mention.end, "demanded as a condition")
        if chosen is None and (index, mention.tag) not in at_stake:
            chosen = _advocated(ctx, mention, clause_start, (s_start, s_end))
        if chosen is None and out and out[-1].stance != NEUTRAL and out[-1].sentence == index:
            # "a ceasefire and, ultimately, an end to the war": coordinated items share a stance.
            prev = out[-1]
            gap = ctx.words.coordination.fullmatch(text, prev.end, mention.start)
            if gap and prev.end < mention.start and len(text[prev.end : mention.start].split()) <= 5:
                chosen = _Cue(prev.stance, prev.start, prev.end, prev.cue, prev.holders)
        if chosen is None and (index, mention.tag) in wanted:
            chosen = _Cue(SUPPORT, mention.start, mention.end, "outcome of a condition")
        if chosen is None:
            chosen = _Cue(NEUTRAL, mention.start, mention.end, "")
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
