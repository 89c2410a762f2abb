"""Anchor choice: for each pattern, words one of which every match contains, as rare as possible.

The prefilter (:mod:`rhetoric.tagging.prefilter`) looks for these anchors to decide
where a pattern can match. Any required term would do; the cheapest is the one least
likely in ordinary text, judged by a list of frequent English words and by length.

Example:
    >>> from rhetoric.codebook.patterns import parse_pattern
    >>> sorted(p.norm for p in pattern_anchors(parse_pattern("the end ~3 war|conflict")))
    ['conflict', 'war']
"""

from __future__ import annotations

from ..codebook.patterns import Pattern, Piece, Term, is_symbolic
from ..text.tokens import SYMBOLS

# Frequent English (and wire-copy) words: a term made only of these is a poor anchor,
# because nearly every text contains one. Order does not matter.
COMMON_WORDS: frozenset[str] = frozenset(
    """
    a about after again against all also am an and any are as at back be because been before
    being between both but by came can come comes coming could day did do does done down during
    each even every few first for from further get gets getting go goes going got had has have
    having he her here him his how i if in into is it its just last like made make many may me
    more most much must my new no not now of off on once one only or other our out over own
    people said same say says see she should since so some still such take than that the their
    them then there these they this those through time to told too two under until up us very
    was way we week well were what when where which while who why will with would year years
    you your
    government president minister officials official country state states world news report
    reported according told added statement percent million billion end part help support
    move place point side home high long work use show set put call plan change group case
    number money today including
    """.split()
)

# Function words in nearly every sentence: a term offering one is taken as present rather
# than looked up (tracking them would cost more than it saves).
FUNCTION_WORDS = frozenset(
    "a an the to of in on at for with and or is are was be by from as it that this not no".split()
)

# Every prefix of a common word: a wildcard anchor beginning one is as poor as the word.
_COMMON_PREFIXES: frozenset[str] = frozenset(w[:i] for w in COMMON_WORDS for i in range(1, len(w) + 1))

# Relative cost of an anchor (how often it is expected to occur in ordinary text).
_COMMON_COST = 1.0
# A symbol ("%") is never an anchor: the prefilter looks for words and numbers.
_SYMBOL_COST = float("inf")


def _piece_cost(piece: Piece) -> float:
    norm = piece.norm
    if norm in SYMBOLS:
        return _SYMBOL_COST
    if piece.prefix:
        if norm in _COMMON_PREFIXES:
            return _COMMON_COST
        return 0.2 if len(norm) <= 3 else 0.05 if len(norm) <= 5 else 0.01
    if norm in COMMON_WORDS:
        return _COMMON_COST
    return 0.1 if len(norm) <= 2 else 0.03 if len(norm) <= 4 else 0.01


def term_anchors(term: Term) -> tuple[float, set[Piece]]:
    """The cheapest required piece of each variant, and their summed cost."""
    pieces = {min(variant, key=lambda p: (_piece_cost(p), -len(p.norm), p.norm)) for variant in term.variants}
    return sum(_piece_cost(p) for p in pieces), pieces


def anchor_term(pattern: Pattern) -> tuple[int, set[Piece]]:
    """Index of the required term with the cheapest anchors, and those anchors."""
    best: tuple[float, int, set[Piece]] | None = None
    for ti, term in enumerate(pattern.terms):
        if term.optional or any(is_symbolic(v) for v in term.variants):
            continue
        cost, pieces = term_anchors(term)
        if best is None or cost < best[0]:
            best = (cost, ti, pieces)
    assert best is not None  # the parser rejects patterns without a required word or number
    return best[1], best[2]


def pattern_anchors(pattern: Pattern) -> frozenset[Piece]:
    """Pieces one of which every match of ``pattern`` contains as a whole token (or token prefix).

    Example:
        >>> from rhetoric.codebook.patterns import parse_pattern
        >>> sorted(p.norm for p in pattern_anchors(parse_pattern("the? cease-fire|truce")))
        ['cease', 'ceasefire', 'truce']
    """
    return frozenset(anchor_term(pattern)[1])


__all__ = ["COMMON_WORDS", "FUNCTION_WORDS", "anchor_term", "pattern_anchors", "term_anchors"]
