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
from collections.abc import Container, Sequence

from ..codebook.patterns import Pattern, Term


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
        self._exact: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._prefix: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for pid, pattern in enumerate(self.patterns):
            # A match can start at the first term, or after leading optional terms.
            for ei, term in enumerate(pattern.terms):
                for variant in term.variants:
                    first = variant[0]
                    (self._prefix if first.prefix else self._exact)[first.norm].append((pid, ei))
                if not term.optional:
                    break
        self._exact = dict(self._exact)
        self._prefix = dict(self._prefix)
        self._prefix_lengths = sorted({len(k) for k in self._prefix})

    def find(self, norms: Sequence[str], only: Container[int] | None = None) -> list[tuple[int, int, int]]:
        """Every (pattern id, start token, end token) match, the longest per start and pattern.

        Args:
            norms: Folded token forms of one sentence.
            only: Try only these pattern ids (all when None).

        Returns:
            Sorted ``(pattern_id, start, end)`` triples, ``end`` exclusive.
        """
        found: dict[tuple[int, int], int] = {}
        exact, prefix, lengths = self._exact, self._prefix, self._prefix_lengths
        for ti, norm in enumerate(norms):
            entries = list(exact.get(norm, ()))
            for k in lengths:
                if k > len(norm):
                    break
                entries.extend(prefix.get(norm[:k], ()))
            for pid, ei in entries:
                if only is not None and pid not in only:
                    continue
                end = _match_from(self.patterns[pid], ei, ti, norms)
                if end is not None and end > found.get((pid, ti), -1):
                    found[(pid, ti)] = end
        return sorted((pid, s, e) for (pid, s), e in found.items())


__all__ = ["PatternMatcher"]
