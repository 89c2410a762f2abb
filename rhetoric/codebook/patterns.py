"""The codebook pattern language: an explicit parser (never ``eval``) into token terms.

A pattern is a sequence of space-separated items, matched against word tokens
(see :mod:`rhetoric.text.tokens`), case- and diacritic-insensitively:

=====================  ================================================================
``peace deal``         consecutive tokens
``withdraw*``          suffix wildcard: any token starting with ``withdraw``
``truce|armistice``    alternatives for one position
``cease-fire``         hyphen: matches ``cease-fire``, ``cease fire`` and ``ceasefire``
``security? guarantee*``  optional token (``?`` after the item)
``withdraw* ~3 troops``   bounded gap: up to 3 tokens between the neighbours
``3.67%``              numbers and symbols: ``3.67%`` and ``3.67 %`` (``%``, ``§``, ``$`` are tokens)
=====================  ================================================================

Size limits keep matching fast and predictable: at most ``MAX_TERMS`` (16) items and
``MAX_PATTERN_CHARS`` (1,000) characters per pattern; a longer phrase is better split into
several patterns. ``rhetoric codebook check`` reports a pattern beyond them.

Words are folded like the text: ``Kyiv’s`` is ``kyiv`` (a possessive ``'s`` is
dropped), ``U.S.`` is ``us``, ``İstanbul`` is ``istanbul``. Text hyphens split
tokens, so a plain ``1991 borders`` also matches ``pre-1991 borders``.

Example:
    >>> p = parse_pattern("withdraw* ~3 troops|forces")
    >>> [(t.gap, t.optional, [[(x.norm, x.prefix) for x in v] for v in t.variants]) for t in p.terms]
    [(0, False, [[('withdraw', True)]]), (3, False, [[('troops', False)], [('forces', False)]])]
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from ..errors import PatternError
from ..text.normalize import fold_char
from ..text.tokens import SYMBOLS, word_norm

#: Largest gap ``~N`` accepted.
MAX_GAP = 10
#: Most items (positions) in one pattern; real phrases need far fewer.
MAX_TERMS = 16
#: Longest pattern source accepted, in characters.
MAX_PATTERN_CHARS = 1000
#: Fewest characters before a ``*`` wildcard.
MIN_WILDCARD_PREFIX = 2
# Characters a pattern word may contain besides letters and digits (after folding).
_WORD_PUNCT = frozenset("'.-")


@dataclass(frozen=True, slots=True)
class Piece:
    """One token test: equal to ``norm``, or starting with it when ``prefix`` (a ``*`` wildcard)."""

    norm: str
    prefix: bool = False

    def matches(self, token: str) -> bool:
        """Whether a folded token passes this test.

        Example:
            >>> Piece("withdraw", prefix=True).matches("withdrawal")
            True
        """
        return token.startswith(self.norm) if self.prefix else token == self.norm


@dataclass(frozen=True, slots=True)
class Term:
    """One pattern position: alternative token sequences, optionally optional, after a gap.

    Attributes:
        variants: Alternatives; each a sequence of pieces (``cease-fire`` gives
            ``(cease, fire)`` and ``(ceasefire,)``).
        optional: Whether the term may be absent (``tok?``).
        gap: How many tokens may stand between the previous term and this one (``~N``).
    """

    variants: tuple[tuple[Piece, ...], ...]
    optional: bool = False
    gap: int = 0


@dataclass(frozen=True, slots=True)
class Pattern:
    """A parsed pattern: its source text and its terms."""

    source: str
    terms: tuple[Term, ...]

    def literals(self, *, max_count: int = 1000) -> list[str]:
        """Literal phrases the pattern matches when wildcards and gaps are taken literally.

        Wildcards contribute their prefix, gaps nothing; optional terms both ways. Used to
        compare with phrase matchers and to build prefilters.

        Example:
            >>> parse_pattern("security? guarantee*").literals()
            ['security guarantee', 'guarantee']
        """
        phrases: list[list[str]] = [[]]
        for term in self.terms:
            grown = [p + [x.norm for x in v] for p in phrases for v in term.variants]
            if term.optional:
                grown += phrases
            phrases = grown[:max_count]
        return [" ".join(p) for p in phrases if p]


#: Patterns parsed so far, by source (bounded: ad-hoc ``kwic`` queries should not grow it forever).
_PARSED: dict[str, Pattern] = {}
_MAX_PARSED = 20_000


def _error(message: str, source: str, pos: int) -> PatternError:
    exc = PatternError(f"{message} at column {pos + 1} of {source!r}")
    exc.position = pos  # type: ignore[attr-defined]
    return exc


@cache  # per character: codebooks repeat the same few (start-up time)
def _is_word_char(ch: str) -> bool:
    f = fold_char(ch)
    if not f:
        # A combining accent folds away but belongs to its word.
        return unicodedata.category(ch).startswith("M")
    return all(c.isalnum() or c in _WORD_PUNCT or c in SYMBOLS for c in f)


def is_symbolic(variant: tuple[Piece, ...]) -> bool:
    """Whether a variant is made of symbol tokens only (``%``): it cannot anchor a pattern.

    Example:
        >>> is_symbolic((Piece("%"),)), is_symbolic((Piece("60"), Piece("%")))
        (True, False)
    """
    return all(p.norm in SYMBOLS for p in variant)


def _norms(raw: str, source: str, pos: int) -> list[str]:
    """Token forms of one hyphen-free word: one word, or words and symbols (``3.67%``)."""
    norms = _word_norm(raw)
    pairs = zip(norms, norms[1:], strict=False)
    if not norms or any(a not in SYMBOLS and b not in SYMBOLS for a, b in pairs):
        raise _error(f"{raw!r} is not a single word", source, pos)
    return list(norms)


@lru_cache(maxsize=4096)
def _word_norm(raw: str) -> tuple[str, ...]:
    # Pattern words repeat across a codebook's patterns (start-up time).
    return tuple(word_norm(raw))


def _parse_alternative(source: str, text: str, pos: int) -> tuple[tuple[Piece, ...], ...]:
    """Variants of one alternative such as ``cease-fire*`` starting at ``pos`` in ``source``."""
    star = text.endswith("*")
    body = text[:-1] if star else text
    if "*" in body:
        raise _error("'*' may only end a word", source, pos + body.index("*"))
    if not body:
        raise _error("a wildcard needs a word before '*'", source, pos)
    groups: list[list[str]] = []
    offset = 0
    # Only '-' among ASCII characters folds to '-': an ASCII body splits as it is.
    dashed = body if body.isascii() else "".join("-" if fold_char(c) == "-" else c for c in body)
    for raw in dashed.split("-"):
        if not raw:
            raise _error("empty word around a hyphen", source, pos + offset)
        for i, ch in enumerate(raw):
            if not _is_word_char(ch):
                raise _error(f"unexpected character {ch!r}", source, pos + offset + i)
        groups.append(_norms(raw, source, pos + offset))
        offset += len(raw) + 1
    parts = [n for g in groups for n in g]
    if star and (len(parts[-1]) < MIN_WILDCARD_PREFIX or parts[-1] in SYMBOLS):
        raise _error(
            f"a wildcard needs at least {MIN_WILDCARD_PREFIX} letters before '*'", source, pos + len(body)
        )
    split = tuple(Piece(p) for p in parts[:-1]) + (Piece(parts[-1], star),)
    if len(groups) == 1 or any(len(g) > 1 or g[0] in SYMBOLS for g in groups):
        return (split,)
    return (split, (Piece("".join(parts), star),))


def _parse_term(source: str, text: str, pos: int, gap: int) -> Term:
    optional = text.endswith("?")
    body = text[:-1] if optional else text
    if "?" in body:
        raise _error("'?' may only end an item", source, pos + body.index("?"))
    if not body:
        raise _error("'?' needs a word before it", source, pos)
    variants: list[tuple[Piece, ...]] = []
    offset = 0
    for alt in body.split("|"):
        if not alt:
            raise _error("empty alternative around '|'", source, pos + offset)
        for v in _parse_alternative(source, alt, pos + offset):
            if v not in variants:
                variants.append(v)
        offset += len(alt) + 1
    return Term(tuple(variants), optional, gap)


def parse_pattern(source: str) -> Pattern:
    """Parse one pattern.

    Args:
        source: The pattern as written in the codebook.

    Returns:
        The parsed :class:`Pattern`.

    Raises:
        PatternError: Saying what is wrong and at which column (``.position`` is 0-based).

    Example:
        >>> parse_pattern("cease-fire|truce").terms[0].variants[1][0].norm
        'ceasefire'
        >>> parse_pattern("peace ~0 deal")
        Traceback (most recent call last):
        ...
        rhetoric.errors.PatternError: a gap must be ~1 to ~10 at column 7 of 'peace ~0 deal'
    """
    if not isinstance(source, str):
        raise PatternError(f"a pattern must be a string, got {type(source).__name__}")
    # Loading a codebook validates every pattern and building its tagger parses them again;
    # parsed patterns are immutable, so the second parse is a lookup (start-up time).
    parsed = _PARSED.get(source)
    if parsed is not None:
        return parsed
    if not source.strip():
        raise _error("empty pattern", source, 0)
    if len(source) > MAX_PATTERN_CHARS:
        raise PatternError(
            f"pattern is {len(source)} characters long, more than {MAX_PATTERN_CHARS}: "
            f"{source[:40]!r}… (split it into several patterns)"
        )
    terms: list[Term] = []
    pending_gap: tuple[int, int] | None = None  # (size, position)
    pos = 0
    n = len(source)
    while pos < n:
        if source[pos].isspace():
            pos += 1
            continue
        end = pos
        while end < n and not source[end].isspace():
            end += 1
        item = source[pos:end]
        if item.startswith("~"):
            digits = item[1:]
            if not digits.isdigit() or not digits.isascii():
                raise _error("a gap is '~' followed by a number", source, pos)
            size = int(digits)
            if not 1 <= size <= MAX_GAP:
                raise _error(f"a gap must be ~1 to ~{MAX_GAP}", source, pos)
            if pending_gap is not None:
                raise _error("two gaps in a row", source, pos)
            if not terms:
                raise _error("a pattern cannot start with a gap", source, pos)
            pending_gap = (size, pos)
        else:
            if len(terms) == MAX_TERMS:
                raise _error(
                    f"more than {MAX_TERMS} items in one pattern (split it into several patterns)",
                    source,
                    pos,
                )
            terms.append(_parse_term(source, item, pos, pending_gap[0] if pending_gap else 0))
            pending_gap = None
        pos = end
    if pending_gap is not None:
        raise _error("a pattern cannot end with a gap", source, pending_gap[1])
    if all(t.optional for t in terms):
        raise _error("a pattern needs at least one item that is not optional", source, 0)
    if all(t.optional or any(is_symbolic(v) for v in t.variants) for t in terms):
        # The prefilter finds a pattern by a word or number every match contains.
        raise _error("a pattern needs a word or number besides symbols (write '60 %', not '%')", source, 0)
    parsed = Pattern(source, tuple(terms))
    if len(_PARSED) < _MAX_PARSED:
        _PARSED[source] = parsed
    return parsed


def _words(term: Term) -> set[str]:
    """The single-word alternatives of a term (``fire|ceasefire`` -> fire, ceasefire)."""
    return {v[0].norm for v in term.variants if len(v) == 1 and not v[0].prefix}


def pattern_warnings(pattern: Pattern) -> list[str]:
    """Likely mistakes with ``|``, which joins single words, not phrases.

    Flags only forms that cannot be meant literally: an alternative that spells its
    neighbour and itself as one word (``cease fire|ceasefire`` reads "cease ceasefire";
    ``ceasefire|cease fire`` reads "ceasefire fire"), and an alternative repeating the word
    before it (``peace deal|peace agreement`` reads "peace peace agreement").

    Example:
        >>> pattern_warnings(parse_pattern("cease fire|ceasefire"))
        ["'fire|ceasefire' offers 'ceasefire', which already spells 'cease' + 'fire': '|' joins single words, so this also matches 'cease ceasefire'; write 'cease-fire' (matches cease fire, cease-fire and ceasefire) or two patterns"]
        >>> pattern_warnings(parse_pattern("peace deal|agreement"))
        []
    """
    out: list[str] = []
    terms = pattern.terms
    items = pattern.source.split()
    items = [i for i in items if not i.startswith("~")]
    for k in range(1, len(terms)):
        a, b = terms[k - 1], terms[k]
        if b.gap:
            continue
        wa, wb = _words(a), _words(b)
        for x, y in sorted((x, y) for x in wa for y in wb):
            if x + y in wb and y != x + y:
                out.append(
                    f"{items[k]!r} offers {x + y!r}, which already spells {x!r} + {y!r}: '|' joins single "
                    f"words, so this also matches {x + ' ' + x + y!r}; write {x + '-' + y!r} (matches "
                    f"{x} {y}, {x}-{y} and {x}{y}) or two patterns"
                )
            if x + y in wa and x != x + y:
                out.append(
                    f"{items[k - 1]!r} offers {x + y!r}, which already spells {x!r} + {y!r}: '|' joins single "
                    f"words, so this also matches {x + y + ' ' + y!r}; write {x + '-' + y!r} (matches "
                    f"{x} {y}, {x}-{y} and {x}{y}) or two patterns"
                )
        repeated = sorted(wa & wb) if len(b.variants) > 1 else []
        for word in repeated:
            out.append(
                f"{items[k]!r} repeats {word!r} from the word before: '|' joins single words, so this "
                f"reads {word + ' ' + word!r}; to offer phrases write one pattern per phrase"
            )
    return out


__all__ = [
    "MAX_GAP",
    "MAX_PATTERN_CHARS",
    "MAX_TERMS",
    "MIN_WILDCARD_PREFIX",
    "Pattern",
    "Piece",
    "Term",
    "is_symbolic",
    "parse_pattern",
    "pattern_warnings",
]
