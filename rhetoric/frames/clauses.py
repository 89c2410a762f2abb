"""Clause boundaries and the word classes frame shapes read, compiled from the language package.

Frames and stances look for mentions in regions of a sentence; a region stops at
a clause boundary (semicolon, spaced dash, ", but", "however", "said that" …). The
words come from ``rhetoric/lang/<code>/frames.toml`` and ``negation.toml``; they are
compiled once per language (:func:`frame_words`), on first use.

Example:
    >>> s = "He said that talks are over, but a truce holds; nothing else."
    >>> [s[a:b] for a, b in boundaries(s)]
    ['said that', ', but', ';']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lang import per_language
from .lexicon import Lexicon, Scanner, firsts_of
from .text_words import text_words

if TYPE_CHECKING:
    from ..lang import Language

#: How far (characters) a clause region reaches from its cue: bounds the work on run-on text.
MAX_REACH = 600


@dataclass(frozen=True)
class FrameWords:
    """The compiled word classes of one language (see ``frames.toml`` for what each one is)."""

    boundary: re.Pattern[str]
    weak_after: re.Pattern[str]
    continues: re.Pattern[str]
    fronting_filler: re.Pattern[str]
    negation: Scanner
    neg_predicate_before_cue: Scanner
    modal_demand: Scanner
    modal: Scanner
    copula: re.Pattern[str]
    then: re.Pattern[str]
    receive: re.Pattern[str]
    exchange_verb: Scanner
    wants: re.Pattern[str]
    only: Scanner
    temporal: re.Pattern[str]
    anaphor: re.Pattern[str]
    resumptive: re.Pattern[str]
    purpose_link: re.Pattern[str]
    infinitive_taker: re.Pattern[str]
    list_tail: re.Pattern[str]
    embedded: re.Pattern[str]
    new_conjunct: re.Pattern[str]
    third_party_concession: Scanner
    relative: re.Pattern[str]
    attribution: re.Pattern[str]
    reporting: re.Pattern[str]
    futile: re.Pattern[str]
    #: :attr:`boundary` in two parts, read apart (:func:`boundaries`): its punctuation and comma
    #: alternatives, and its words tried only where the text's index has one of their first words
    #: (None when a phrase does not open with a letter: then only :attr:`boundary` is read).
    boundary_punct: re.Pattern[str] | None = None
    boundary_words: Lexicon | None = None


def _alt(lang: Language, file: str, key: str) -> str:
    return f"(?:{by_initial(lang.pattern(file, key))})"


def by_initial(source: str) -> str:
    """The same alternation grouped by first letter: ``re`` tries one small group per position, not all.

    Phrase patterns hold no ``|`` of their own, so splitting on it is safe.
    """
    groups: dict[str, list[str]] = {}
    for alt in source.split("|"):
        key = alt[0].lower() if alt[:1].isalpha() else ""
        groups.setdefault(key, []).append(alt[1:] if key else alt)
    parts = [f"{k}(?:{'|'.join(v)})" for k, v in groups.items() if k]
    parts.extend(groups.get("", []))
    return "|".join(parts)


def _words(source: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){source}(?!\w)", re.IGNORECASE)


def _compile(lang: Language) -> FrameWords:
    def a(key: str, file: str = "frames") -> str:
        return _alt(lang, file, key)

    def scanned(key: str) -> Scanner:
        # Read through the text index where that finds what the regex finds (Scanner).
        return Scanner.of(lang, _words(a(key)), [("frames", key)])

    negation = "|".join(
        (a("negators", "negation"), a("negated_modals", "negation"), a("negative_words"))
    )
    punct = rf";|\s[–—-]\s|—|(?<!\w)–|–(?!\w)|,\s*{a('boundary_after_comma')}(?!\w)"
    words = rf"(?<!\w){a('boundary_words')}(?!\w)|(?<!\w){a('reporting_verbs')}(?!\w)"
    word_keys = [("frames", "boundary_words"), ("frames", "reporting_verbs")]
    # A word alternative opens with a letter, a punctuation one never does: at one place only one
    # part can match, and the two parts read apart find what the whole finds (see boundaries()).
    # (Every spelling counts: the inflected and irregular forms of a verb too.)
    apart = all(
        head[:1].isascii() and head[:1].isalpha() for file, key in word_keys for _, head, _ in lang.alternatives(file, key)
    )
    return FrameWords(
        boundary=re.compile(f"{punct}|{words}", re.IGNORECASE),
        # The punctuation alternatives with their first character taken first (and the alternative
        # then told by a look-behind): ``re`` skips in C to the next such character.
        boundary_punct=re.compile(
            rf"[;\s—–,](?:(?<=;)|(?<=\s)[–—-]\s|(?<=—)|(?<=–)(?<!\w–)|(?<=–)(?!\w)"
            rf"|(?<=,)\s*{a('boundary_after_comma')}(?!\w))",
            re.IGNORECASE,
        )
        if apart
        else None,
        boundary_words=Lexicon(re.compile(words, re.IGNORECASE), firsts_of(lang, word_keys)) if apart else None,
        weak_after=re.compile(rf",\s*{a('weak_after_comma')}$", re.IGNORECASE),
        continues=re.compile(rf"\s*{a('continuers')}(?!\w)", re.IGNORECASE),
        fronting_filler=re.compile(rf"^(?:{a('fronting_fillers')}(?!\w)\s*,?\s*)*$", re.IGNORECASE),
        # Searched over sides and whole sentences: read at the index's first words (Scanner).
        negation=Scanner.of(
            lang,
            _words(f"(?!{a('not_negations', 'negation')}(?!\\w))(?:{negation})"),
            [("negation", "negators"), ("negation", "negated_modals"), ("frames", "negative_words")],
        ),
        # Searched back from a cue over its outcome side: read at the index's first words (Scanner).
        neg_predicate_before_cue=Scanner.of(
            lang,
            re.compile(rf"(?<!\w){a('negated_possibility')}\s*$", re.IGNORECASE),
            [("frames", "negated_possibility")],
        ),
        modal_demand=scanned("demand_modals"),
        modal=scanned("modals"),
        copula=re.compile(rf"(?<!\w){a('copulas')}(?!\w)|:", re.IGNORECASE),
        then=_words(a("then_words")),
        receive=_words(a("receive_verbs")),
        exchange_verb=scanned("exchange_verbs"),
        wants=re.compile(rf"\s*\w+\s+(?:\w+\s+)?{a('wish_verbs')}(?!\w)", re.IGNORECASE),
        only=scanned("only"),
        # Numbers are times whatever the language: "until 2025", "within 30 days".
        temporal=re.compile(
            rf"\s*(?:{a('temporal_prefixes')}\s+)*(?:{a('temporal')}|\d{{4}}|\d+\s+\w+)(?!\w)", re.IGNORECASE
        ),
        anaphor=_words(a("anaphors")),
        # Matched over the whole stretch between a fronted clause's comma and the next cue (a modal may
        # stand between: "it has to be backed by").
        resumptive=re.compile(rf"\s*{a('resumptive_subjects')}(?:\s+{a('modals')})?\s*$", re.IGNORECASE),
        purpose_link=_words(a("purpose_link")),
        # Searched in the few words before an infinitive cue, so anchored at their end.
        infinitive_taker=re.compile(
            rf"(?<!\w)(?:{a('infinitive_verbs')}|{a('infinitive_words')}"
            rf"|{a('object_infinitive_verbs')}\s+(?:[^\s]+\s+){{0,2}}[^\s]+)\s*$",
            re.IGNORECASE,
        ),
        embedded=_words(a("embedded_openers")),
        new_conjunct=re.compile(
            rf"(?<!\w){a('conjunct_coordinators')}\s+"
            rf"(?:{a('conjunct_pronouns')}\s+|{a('conjunct_determiners')}\s+[^\s,;]+\s+)?"
            rf"{a('conjunct_verbs')}(?!\w)",
            re.IGNORECASE,
        ),
        # Case-sensitive on the name only: "although Kyiv …", "even though the Kremlin …" (a name has two
        # letters or more: "although I think …" is the speaker).
        # Read at the openers the text index has (Scanner), not at every place of the clause.
        third_party_concession=Scanner.of(
            lang,
            re.compile(
                rf"(?<!\w)(?i:{a('concessive_openers')})[\s\"“‘]+(?:(?i:{a('conjunct_determiners')})\s+)?[A-Z]\w"
            ),
            [("frames", "concessive_openers")],
        ),
        futile=_words(a("futile_predicates")),
        reporting=re.compile(rf"{a('reporting_verbs')}(?!\w)", re.IGNORECASE),
        relative=_words(a("relative_openers")),
        attribution=_words(a("attribution_verbs")),
        list_tail=re.compile(rf"(?:,\s*(?:{a('continuers')}(?!\w))?|\s{a('continuers')})\s*$", re.IGNORECASE),
    )


#: The compiled word classes of a language (English when None), built once per language object.
frame_words = per_language(_compile)


def boundaries(
    text: str, start: int = 0, end: int | None = None, *, words: FrameWords | None = None
) -> tuple[tuple[int, int], ...]:
    """Spans of clause boundaries in ``text[start:end]``, left to right.

    Frames and stances read the same sentences: the spans are kept for the last few.
    """
    words = words or frame_words()
    end = len(text) if end is None else end
    key = (id(words), text, start, end)
    hit = _SPANS.get(key)
    if hit is not None and hit[0] is words:
        return hit[1]
    spans = _boundaries(words, text, start, end)
    if len(_SPANS) >= _SPANS_KEPT:
        # Emptied at once (safe across threads): the sentences of one statement are read together.
        _SPANS.clear()
    _SPANS[key] = (words, spans)
    return spans


#: The boundaries of the last few sentences read, by ``(id(words), text, start, end)`` (the
#: words kept beside them, so that a reused id never answers for another language).
_SPANS: dict[tuple[int, str, int, int], tuple[FrameWords, tuple[tuple[int, int], ...]]] = {}
_SPANS_KEPT = 64
#: Two word characters: a word runs across this place.
_CUT = re.compile(r"\w\w")
#: Where a match of :attr:`FrameWords.boundary_punct` may start: at one of its punctuation marks,
#: or at the character before a dash (a spaced dash).
_PUNCT_MARK = re.compile("[;,—–-]")
_DASHES = "—–-"


def punct_search(punct: re.Pattern[str], text: str, pos: int, end: int) -> re.Match[str] | None:
    """``punct.search(text, pos, end)`` for :attr:`FrameWords.boundary_punct`, tried only where it may start.

    Its matches open with ``;``, ``,``, a dash, or the space before a dash (``" – "``); ``re``
    would try its alternatives at every space of the sentence, where nearly all of them fail.
    """
    for mark in _PUNCT_MARK.finditer(text, pos, end):
        at = mark.start()
        if at > pos and text[at] in _DASHES:
            found = punct.match(text, at - 1, end)
            if found is not None:
                return found
        found = punct.match(text, at, end)
        if found is not None:
            return found
    return None


def _boundaries(words: FrameWords, text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """:attr:`FrameWords.boundary`'s matches in ``text[start:end]``, read in two parts where they can be.

    ``re`` tries every alternative of the whole at every place of a sentence; its punctuation
    alternatives alone are quick, and its words are tried only where the text's index has one
    of their first words (:class:`~rhetoric.frames.lexicon.Lexicon`). The two parts never match
    at one place, so the leftmost match of either, read on from its end, is the whole's next
    match. The index is not used where it may read otherwise than ``re``: a text with a letter
    ``re`` folds to another one (exotic, or lower case of another length), or a word running
    across either end of the range.
    """
    lexicon, punct = words.boundary_words, words.boundary_punct
    if lexicon is None or punct is None or not lexicon.indexed:
        return tuple(m.span() for m in words.boundary.finditer(text, start, end))
    index = text_words(text)
    if (
        not index.indexed
        or index.exotic
        or _CUT.match(text, start - 1, start + 1)
        or _CUT.match(text, end - 1, end + 1)
    ):
        return tuple(m.span() for m in words.boundary.finditer(text, start, end))
    spans: list[tuple[int, int]] = []
    p = punct_search(punct, text, start, end)
    w = lexicon.search(text, start, end)
    while p is not None or w is not None:
        # On a tie (never, see above) the whole would take its punctuation first.
        m = p if w is None or (p is not None and p.start() <= w.start()) else w
        spans.append(m.span())
        cursor = m.end()
        if p is not None and p.start() < cursor:
            p = punct_search(punct, text, cursor, end)
        if w is not None and w.start() < cursor:
            w = lexicon.search(text, cursor, end)
    return tuple(spans)


def region_before(
    text: str, start: int, pos: int, bounds: Sequence[tuple[int, int]], *, attach_across: bool = True
) -> int:
    """Start of the clause that ends at ``pos``: after the last boundary ending before it.

    A boundary touching ``pos`` (a dash or ", but" right before a cue) does not count,
    because the cue attaches across it ("a cease-fire – as long as …"); with
    ``attach_across=False`` (for a mention rather than a cue) it does. Never reaches
    further back than :data:`MAX_REACH` characters.
    """
    i = bisect.bisect_right(bounds, (pos, pos)) - 1
    while i >= 0:
        b_start, b_end = bounds[i]
        if b_end <= pos and b_start >= start and (text[b_end:pos].strip(" ,") or not attach_across):
            return max(b_end, pos - MAX_REACH)
        i -= 1
    return max(start, pos - MAX_REACH)


def region_after(
    text: str, pos: int, end: int, bounds: Sequence[tuple[int, int]], *, words: FrameWords | None = None
) -> int:
    """End of the clause that starts at ``pos``: the first strong boundary after it, or ``end``.

    ", and" does not end the region: conditions are often listed ("withdraw, pay
    reparations, and restore the borders"). Never reaches further than :data:`MAX_REACH`.
    """
    weak = (words or frame_words()).weak_after
    limit = min(end, pos + MAX_REACH)
    for i in range(bisect.bisect_left(bounds, (pos, pos)), len(bounds)):
        b_start, b_end = bounds[i]
        if b_start >= limit:
            break
        if not weak.match(text[b_start:b_end]):
            return b_start
    return limit
