"""The stance words of one language, compiled into the regexes :mod:`rhetoric.frames.stances` reads.

Every phrase comes from ``rhetoric/lang/<code>/stances.toml`` and ``negation.toml``; this module
only assembles them (cues before the item, verbs after it, predicates, qualifiers …), once per
language object.

Example:
    >>> w = stance_words()
    >>> bool(w.negator.search("we will not accept it"))
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import Language, per_language
from ..lang.alternation import by_letter, followers
from . import stance_shapes
from .lexicon import Head, Lexicon, Scanner, firsts_of
from .stance_shapes import ShapeWords, shape_words


@dataclass(frozen=True)
class StanceWords:
    """The compiled stance regexes of one language."""

    before: Lexicon
    negated_before_cue: Scanner
    pronoun: Lexicon
    after_ending: re.Pattern[str]
    #: The verbs of :attr:`after_ending` at the start of a word: where none stands, it cannot match.
    after_ending_verb: Scanner
    after_support: re.Pattern[str]
    predicate: re.Pattern[str]
    #: The judgements of :attr:`predicate` at the start of a word: where none stands, it cannot match.
    predicate_head: Scanner
    #: A negator right before an item ("no truce", "can't join"): searched in a short window
    #: before it, read at the window's first words the text index has (Scanner).
    negated_item: Scanner
    qualifiers: Lexicon
    goal: Lexicon
    determiner_before: re.Pattern[str]
    generic_subject: Scanner
    leading_qualifiers: re.Pattern[str]
    coordination: re.Pattern[str]
    deontic: re.Pattern[str]
    infinitive: Lexicon
    preposition: re.Pattern[str]
    mention_only: re.Pattern[str]
    subordinator: re.Pattern[str]
    ending_item: Scanner
    negator: re.Pattern[str]
    negator_next: re.Pattern[str]
    refusal_cue: re.Pattern[str]
    refusal_cue_in_text: re.Pattern[str]
    rhetorical: re.Pattern[str]
    shapes: ShapeWords


def _negated_item(lang: Language, rx: re.Pattern[str]) -> Scanner:
    """``rx`` (:attr:`StanceWords.negated_item`) through the text index: its matches open with a
    phrase of the negation lists or with "never", at the start of a word."""
    keys = [("negation", "negated_modals"), ("negation", "negative_determiners"), ("negation", "negated_auxiliaries")]
    alternatives = [alt for file, key in keys for alt in lang.alternatives(file, key)]
    if not all(head[:1].isascii() and head[:1].isalnum() for _, head, _ in alternatives):
        return Scanner(rx, None)
    # "never" is no list's phrase here: it opens a match whatever word follows.
    seconds = {word: after for word, after in followers(alternatives).items() if word != "never"}
    return Scanner(rx, Lexicon(rx, firsts_of(lang, keys) | {"never"}, seconds))


def _compile(lang: Language, *, grouped: bool = True) -> StanceWords:
    """The stance regexes of ``lang``; ``grouped=False`` spells their phrase lists flat (the reference)."""
    def p(key: str, file: str = "stances") -> str:
        # Grouped by first letter (the same matches; ``re`` tries one letter's phrases at a place).
        source = lang.pattern(file, key)
        return by_letter(source) if grouped else source

    def bounded(source: str) -> str:
        return rf"(?<!\w)(?:{source})(?!\w)"

    neg = f"{p('negators', 'negation')}|{p('negated_modals', 'negation')}"

    def cue(head: Head) -> str:
        ending = rf"(?:{head('stances', 'ending_verbs')})(?:\s+(?P<supply>{p('supply_gerunds')}))?|{head('stances', 'ending_phrases')}"
        oppose = head("stances", "oppose_verbs", "oppose_phrases", initial=True)
        support = head("stances", "support_verbs", "support_phrases", initial=True)
        return bounded(rf"(?P<ending>{ending})|(?P<oppose>{oppose})|(?P<support>{support})")

    def pronoun(head: Head) -> str:
        cue = rf"(?P<oppose>{head('stances', 'oppose_verbs')})|(?P<support>{head('stances', 'support_verbs')})"
        return rf"(?<!\w)(?:{cue})\s+(?:{p('object_pronouns')})(?!\w)"

    def qualifiers(head: Head) -> str:
        return (
            rf"(?<!\w)(?:{head('stances', 'advocacy_qualifiers')})(?:\s*,?(?:\s+(?:and|or))?\s+(?:{p('advocacy_qualifiers')}))*"
            rf"(?:\s*,?\s+[\w'’-]+){{0,2}}?[\s\"“”‘’]+$"
        )

    def goal(head: Head) -> str:
        return (
            rf"(?<!\w)(?:{head('stances', 'goal_markers')})\s+(?:(?:{p('determiners')}|{p('advocacy_qualifiers')})"
            rf"(?:\s*,)?(?:\s+(?:and|or))?\s+){{0,4}}$"
        )

    def infinitive(head: Head) -> str:
        # An editor's bracket may close after the marker: "[One should] negotiate".
        return rf"(?<!\w)(?:{head('stances', 'infinitive_markers')})[\]\)]?\s+(?:(?:{p('adverbs')}|\w+ly)\s+){{0,2}}$"

    modal_aux = r"(?:(?:must|should|will|would|can|could|may|might|shall|to|has\s+to|have\s+to|had\s+to|needs?\s+to)\s+)?"
    copula = p("copulas")
    return StanceWords(
        before=Lexicon.of(lang, cue, [("stances", k) for k in (
            "ending_verbs", "ending_phrases", "oppose_verbs", "oppose_phrases", "support_verbs", "support_phrases"
        )]),
        # Searched in a 60-character window before a cue: read at the index's first words (Scanner).
        negated_before_cue=Scanner.of(
            lang,
            re.compile(rf"(?<!\w)(?:{neg})\W+(?:\w+\W+){{0,3}}$", re.IGNORECASE),
            [("negation", "negators"), ("negation", "negated_modals")],
        ),
        pronoun=Lexicon.of(lang, pronoun, [("stances", "oppose_verbs"), ("stances", "support_verbs")]),
        after_ending=re.compile(
            rf"\W*(?:\w+\W+){{0,3}}?(?P<neg>{modal_aux}(?:{neg})\s+)?{modal_aux}(?:(?:be|been|being|get|got)\s+)?"
            rf"(?P<verb>{p('after_ending')})(?!\w)",
            re.IGNORECASE,
        ),
        after_ending_verb=Scanner.of(
            lang, re.compile(bounded(p("after_ending")), re.IGNORECASE), [("stances", "after_ending")]
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
        predicate_head=Scanner.of(
            lang,
            re.compile(bounded(f"{p('predicate_oppose')}|{p('predicate_support')}"), re.IGNORECASE),
            [("stances", "predicate_oppose"), ("stances", "predicate_support")],
        ),
        negated_item=_negated_item(
            lang,
            re.compile(
                rf"(?<!\w)(?:(?:{p('negated_modals', 'negation')}|never|{p('negative_determiners', 'negation')})\s+(?:\w+\s+)?"
                rf"|(?:{p('negated_auxiliaries', 'negation')})\s+)$",
                re.IGNORECASE,
            ),
        ),
        qualifiers=Lexicon.of(lang, qualifiers, [("stances", "advocacy_qualifiers")]),
        goal=Lexicon.of(lang, goal, [("stances", "goal_markers")]),
        generic_subject=Scanner.of(
            lang,
            re.compile(
                rf"(?<!\w)(?P<holder>{p('third_party_holders')})(?:\s+(?:{p('subject_skip')}|\w+ly))*\s+$",
                re.IGNORECASE,
            ),
            [("stances", "third_party_holders")],
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
        infinitive=Lexicon.of(lang, infinitive, [("stances", "infinitive_markers")]),
        preposition=re.compile(bounded(p("prepositions")), re.IGNORECASE),
        mention_only=re.compile(bounded(p("mention_only")), re.IGNORECASE),
        subordinator=re.compile(bounded(p("subordinators")), re.IGNORECASE),
        ending_item=Scanner.of(
            lang,
            re.compile(bounded(f"{p('ending_verbs')}|{p('ending_phrases')}|{p('after_ending')}"), re.IGNORECASE),
            [("stances", "ending_verbs"), ("stances", "ending_phrases"), ("stances", "after_ending")],
        ),
        negator=re.compile(bounded(neg), re.IGNORECASE),
        negator_next=re.compile(rf"\s+(?:{neg})(?!\w)", re.IGNORECASE),
        refusal_cue=re.compile(p("refusal_cues"), re.IGNORECASE),
        refusal_cue_in_text=re.compile(bounded(p("refusal_cues")), re.IGNORECASE),
        # At the start of a sentence, after quotes and a conjunction: "“But why would we …".
        rhetorical=re.compile(rf"[\s\"'“”‘’«»]*(?:(?:{p('fronting_fillers', 'frames')})[\s,]+)?(?:{p('rhetorical_openers')})(?!\w)", re.IGNORECASE),
        shapes=shape_words(lang) if grouped else stance_shapes._compile(lang, grouped=False),
    )


#: The stance regexes of a language (English when None), compiled once per language object.
stance_words = per_language(_compile)
