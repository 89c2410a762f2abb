"""Token-sequence matcher: many compiled patterns, one pass over a sentence's tokens.

Patterns are indexed by the tokens they can start with (exact words in a dict,
wildcard prefixes by length), so each token position only tries the patterns that
can begin there.

Example:
    >>> from rhetoric.codebook.patterns import parse_pattern
    >>> m = PatternMatcher([parse_pattern("withdraw* ~2 troops"), parse_pattern("troops")])
    >>> m.find(["we", "withdraw", "all", "troops"])
    [(0, 1, 4), (1, 3, 4)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..codebook.patterns import Pattern, Piece, Term


def _ends(terms: tuple[Term, ...], ei: int, ti: int, slack: int, norms: Sequence[str], out: set[int]) -> None:
    """Collect every token index where a match of ``terms[ei:]`` can end, starting at ``ti``.

    ``slack`` is gap allowance carried over from skipped optional terms. The first term of a
    match is anchored (the caller has placed ``ti`` on it), so ``_match_from`` handles it.
    """
    if ei == len(terms):
        out.add(ti)
        return
    term = terms[ei]
    allowed = slack + term.gap
    n = len(norms)
    for g in range(allowed + 1):
        p = ti + g
        if p >= n:
            break
        for variant in term.variants:
            q = p
            for piece in variant:
                if q >= n or not piece.matches(norms[q]):
                    break
                q += 1
            else:
                _ends(terms, ei + 1, q, 0, norms, out)
    if term.optional:
        _ends(terms, ei + 1, ti, allowed, norms, out)


def _match_from(pattern: Pattern, ei: int, ti: int, norms: Sequence[str]) -> int | None:
    """Longest match end when ``pattern`` starts with term ``ei`` exactly at token ``ti``."""
    terms = pattern.terms
    out: set[int] = set()
    term = terms[ei]
    for variant in term.variants:
        q = ti
        for piece in variant:
            if q >= len(norms) or not piece.matches(norms[q]):
                break
            q += 1
        else:
            _ends(terms, ei + 1, q, 0, norms, out)
    return max(out) if out else None


class PatternMatcher:
    """Finds matches of many patterns in a token sequence."""

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        """Index the patterns by every token they can start with.

        Args:
            patterns: Parsed patterns; results refer to them by position.
        """
        self.patterns = tuple(patterns)
        # Per pattern: (first piece, term index) for every term a match can start with,
        # i.e. the first term and any after leading optional terms.
        self._starts: list[list[tuple[Piece, int]]] = []
        for pattern in self.patterns:
            starts = []
            for ei, term in enumerate(pattern.terms):
                starts.extend((variant[0], ei) for variant in term.variants)
                if not term.optional:
                    break
            self._starts.append(starts)
        self._full = self._index(range(len(self.patterns)))
        self._subsets: dict[frozenset[int], _Index] = {}

    def _index(self, pids: Iterable[int]) -> _Index:
        exact: dict[str, list[tuple[int, int]]] = defaultdict(list)
        prefix: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for pid in pids:
            for first, ei in self._starts[pid]:
                (prefix if first.prefix else exact)[first.norm].append((pid, ei))
        return dict(exact), dict(prefix), sorted({len(k) for k in prefix})

    def find(self, norms: Sequence[str], only: frozenset[int] | None = None) -> list[tuple[int, int, int]]:
        """Every (pattern id, start token, end token) match, the longest per start and pattern.

        Args:
            norms: Folded token forms of one sentence.
            only: Try only these pattern ids (all when None); the index for each such set is
                built once and kept.

        Returns:
            Sorted ``(pattern_id, start, end)`` triples, ``end`` exclusive.
        """
        if only is None:
            exact, prefix, lengths = self._full
        else:
            index = self._subsets.get(only)
            if index is None:
                if len(self._subsets) >= _MAX_SUBSETS:
                    self._subsets.clear()
                index = self._subsets[only] = self._index(sorted(only))
            exact, prefix, lengths = index
        found: dict[tuple[int, int], int] = {}
        patterns = self.patterns
        for ti, norm in enumerate(norms):
            entries = exact.get(norm)
            if lengths:
                entries = list(entries or ())
                for k in lengths:
                    if k > len(norm):
                        break
                    entries.extend(prefix.get(norm[:k], ()))
            if not entries:
                continue
            for pid, ei in entries:
                end = _match_from(patterns[pid], ei, ti, norms)
                if end is not None and end > found.get((pid, ti), -1):
                    found[(pid, ti)] = end
        return sorted((pid, s, e) for (pid, s), e in found.items())


_Index = tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]], list[int]]
# Subset indexes kept at most (a codebook's candidate sets repeat; this bounds memory).
_MAX_SUBSETS = 4096


__all__ = ["PatternMatcher"]
