"""Stance shapes that judge a whole phrase around an item, not the item alone.

The cue words of :mod:`rhetoric.frames.stances` sit next to the item; these shapes govern
a stretch of text that holds it, and turn whatever the item's own cue says:

* an extraposed judgement: "it is irresponsible to hold elections now", "it is not in our
  interest to fund the war", "it would be a mistake to …" (the judgement of the infinitive
  or "that" clause is the stance on the items in it, composed with their own cue);
* the complement of a verb of wanting: "Beijing hopes that a truce will be agreed",
  "we insist that the bases be closed";
* a disparaging word right before the item: "a dictator's peace", "a sham truce";
* a consequence judged after the item as subject: "a ceasefire now would only prolong the
  war", "such a truce would save lives";
* words that do not distance a cue from its item: "excludes the possibility of membership".

The words are data (``stances.toml``: ``disparaging_qualifiers``, ``transparent_nouns``,
``extraposed_links``, ``complement_verbs``, ``consequence_oppose``, ``consequence_support``,
``relative_pronouns``); this module compiles them and finds the shapes.

Example:
    >>> from rhetoric.lang import load_language
    >>> w = shape_words(load_language("en"))
    >>> text = "It is utterly irresponsible to talk of elections."
    >>> extraposed(w, text, 0, text.index("elections"))
    ('oppose', 0, 30)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import Language, per_language
from ..lang.alternation import by_letter
from .lexicon import Lexicon, Scanner

SUPPORT = "support"
OPPOSE = "oppose"

# An extraposed judgement reaches this many words into its clause ("to engage in topics related to …").
_MAX_EXTRAPOSED_WORDS = 10
# The item stands this close after "hopes that" ("hopes that a ceasefire …").
_MAX_COMPLEMENT_WORDS = 5
_BREAK_RE = re.compile(r"[;:,()\[\]]|[.!?]\s|[—–]")


@dataclass(frozen=True)
class ShapeWords:
    """The compiled shape regexes of one language."""

    extraposed: Scanner
    complement: Scanner
    disparaging: Scanner
    leading_disparaging: re.Pattern[str]
    transparent: re.Pattern[str]
    consequence: re.Pattern[str]
    relative: re.Pattern[str]
    #: "whether", "wonder if" …: searched in a short window before an item (Scanner).
    question: Scanner
    copula: re.Pattern[str]
    negator: re.Pattern[str]
    negated_before: re.Pattern[str]


def _compile(lang: Language, *, grouped: bool = True) -> ShapeWords:
    """The shape regexes of ``lang``; ``grouped=False`` spells their phrase lists flat (the reference)."""
    def p(key: str, file: str = "stances") -> str:
        # Grouped by first letter (the same matches; ``re`` tries one letter's phrases at a place).
        source = lang.pattern(file, key)
        return by_letter(source) if grouped else source

    neg = f"{p('negators', 'negation')}|{p('negated_modals', 'negation')}"
    quote = r"[\s\"“”‘’']"
    adverbs = rf"(?:(?:{p('adverbs')}|\w+ly)\s+)"
    judged = rf"(?:(?P<oppose>{p('predicate_oppose')})|(?P<support>{p('predicate_support')}))"
    modal = f"(?:{p('consequence_modals')})"
    # "it is (not) (utterly) irresponsible to", "it would be a mistake to", "it's in our interest that"
    extraposed = re.compile(
        # Up to two words may stand before the judgement: "it would be delusional folly to".
        rf"(?<!\w)it(?P<aux>['’]s|(?:\s+[\w'’]+){{1,3}}?)\s+(?P<mod>(?:[\w'’-]+\s+){{0,2}}?){judged}\s+(?:{p('extraposed_links')})(?!\w)",
        re.IGNORECASE,
    )
    return ShapeWords(
        # Every match opens with the word "it": read where the text index has one (Scanner).
        extraposed=Scanner(extraposed, Lexicon(extraposed, frozenset({"it"}))),
        complement=Scanner.of(
            lang,
            re.compile(rf"(?<!\w)(?:{p('complement_verbs')})\s+that(?!\w)", re.IGNORECASE),
            [("stances", "complement_verbs")],
        ),
        disparaging=Scanner.of(
            lang,
            re.compile(rf"(?<!\w)(?:{p('disparaging_qualifiers')}){quote}+$", re.IGNORECASE),
            [("stances", "disparaging_qualifiers")],
        ),
        leading_disparaging=re.compile(rf"(?:{p('disparaging_qualifiers')})(?!\w)", re.IGNORECASE),
        transparent=re.compile(rf"(?<!\w)(?:{p('transparent_nouns')})(?!\w)", re.IGNORECASE),
        consequence=re.compile(
            rf"\W*(?:[\w'’-]+\W+){{0,3}}?{modal}(?P<neg>\s+(?:not|never))?\s+{adverbs}{{0,2}}{quote}*"
            rf"(?:(?P<oppose>{p('consequence_oppose')})|(?P<support>{p('consequence_support')}))(?!\w)",
            re.IGNORECASE,
        ),
        relative=re.compile(rf"(?<!\w)(?:{p('relative_pronouns')})(?!\w)", re.IGNORECASE),
        copula=re.compile(rf"(?<!\w)(?:{p('copulas')})(?!\w)", re.IGNORECASE),
        question=Scanner.of(
            lang,
            re.compile(rf"(?<!\w)(?:{p('question_openers')})(?!\w)", re.IGNORECASE),
            [("stances", "question_openers")],
        ),
        negator=re.compile(rf"(?<!\w)(?:{neg})(?!\w)", re.IGNORECASE),
        negated_before=re.compile(rf"(?<!\w)(?:{neg})\W+(?:\w+\W+){{0,3}}$", re.IGNORECASE),
    )


#: The shape regexes of a language, compiled once per language object.
shape_words = per_language(_compile)


def _flip(stance: str) -> str:
    return OPPOSE if stance == SUPPORT else SUPPORT


def compose(judgement: str, inner: str | None) -> str:
    """A judgement over a phrase and the item's own stance in it: wanting what is judged bad is bad.

    >>> compose("oppose", "support"), compose("oppose", "oppose"), compose("support", None)
    ('oppose', 'support', 'support')
    """
    return judgement if inner in (None, SUPPORT) else _flip(judgement)


def _short(text: str, start: int, end: int, max_words: int) -> bool:
    gap = text[start:end]
    return len(gap.split()) <= max_words and not _BREAK_RE.search(gap)


def extraposed(words: ShapeWords, text: str, s_start: int, pos: int) -> tuple[str, int, int] | None:
    """The judgement of an "it is … to/that" clause holding ``pos``: ``(stance, start, end)`` or None.

    A negator inside ("it is not in our interest") or just before ("I do not think it is wise")
    turns the judgement.
    """
    found = None
    for match in words.extraposed.finditer(text, s_start, pos):
        found = match
    if found is None or not _short(text, found.end(), pos, _MAX_EXTRAPOSED_WORDS):
        return None
    aux = found.group("aux") + " " + found.group("mod")
    if not aux.startswith(("'", "’")) and not words.copula.search(aux):
        # "it said … necessary to": the words before the judgement hold a copula ("is", "would be").
        return None
    stance = OPPOSE if found.group("oppose") else SUPPORT
    if words.negator.search(aux) or words.negated_before.search(text, max(s_start, found.start() - 60), found.start()):
        stance = _flip(stance)
    return stance, found.start(), found.end()


def complement(words: ShapeWords, text: str, s_start: int, pos: int) -> tuple[str, int, int] | None:
    """The item opens the "that" clause of a verb of wanting ("hopes that a truce will hold"): support,
    or oppose when the clause or the verb is negated ("insist that Kyiv never joins")."""
    found = None
    for match in words.complement.finditer(text, s_start, pos):
        found = match
    if found is None or not _short(text, found.end(), pos, _MAX_COMPLEMENT_WORDS):
        return None
    stance = SUPPORT
    if words.negator.search(text, found.end(), pos):
        stance = OPPOSE
    if words.negated_before.search(text, max(s_start, found.start() - 60), found.start()):
        stance = _flip(stance)
    return stance, found.start(), found.end()


def disparaged(words: ShapeWords, text: str, start: int, end: int, window_start: int) -> tuple[int, int] | None:
    """A disparaging word right before the item or opening it ("a sham truce"): its span, or None."""
    match = words.disparaging.search(text, max(window_start, start - 40), start)
    if match:
        return match.start(), match.end()
    lead = words.leading_disparaging.match(text, start, end)
    if lead and lead.end() < end:
        return lead.start(), lead.end()
    return None


def consequence(words: ShapeWords, text: str, end: int, limit: int) -> tuple[str, int, int, int] | None:
    """A consequence the item as subject would have ("… would only prolong the war"):
    ``(stance, start, end, head)``, ``head`` where the consequence's words begin."""
    match = words.consequence.match(text, end, limit)
    if not match:
        return None
    head = match.start("oppose") if match.group("oppose") else match.start("support")
    if _BREAK_RE.search(text, end, head) or words.relative.search(text, end, head):
        return None
    stance = OPPOSE if match.group("oppose") else SUPPORT
    if match.group("neg"):
        stance = _flip(stance)
    return stance, end, match.end(), head


def strip_transparent(words: ShapeWords, gap: str) -> str:
    """The gap between a cue and its item without words that keep the cue on the item
    ("rules out the possibility of membership" is as near as "rules out membership")."""
    return words.transparent.sub(" ", gap)


__all__ = [
    "ShapeWords",
    "complement",
    "compose",
    "consequence",
    "disparaged",
    "extraposed",
    "shape_words",
    "strip_transparent",
]
