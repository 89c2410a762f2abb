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

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import compress, count, repeat
from operator import or_

from ..codebook.patterns import Pattern, Piece, Term


def _variant_end(variant: tuple[Piece, ...], q: int, norms: Sequence[str]) -> int:
    """Token index after ``variant`` matched at ``q``, or -1."""
    n = len(norms)
    for piece in variant:
        if q >= n or not piece.matches(norms[q]):
            return -1
        q += 1
    return q


# A term compiled for the direct search: its one-token variants as a set of words and a
# tuple of wildcard prefixes (one C call tests a token against all of them), its longer
# variants, its gap and whether it is optional.
_Compiled = tuple[frozenset[str], tuple[str, ...], tuple[tuple[Piece, ...], ...], int, bool]


def _compile(pattern: Pattern) -> tuple[_Compiled, ...]:
    """The terms of ``pattern`` in the form :func:`_ends` reads."""
    out = []
    for term in pattern.terms:
        exact = frozenset(v[0].norm for v in term.variants if len(v) == 1 and not v[0].prefix)
        prefixes = tuple(v[0].norm for v in term.variants if len(v) == 1 and v[0].prefix)
        multi = tuple(v for v in term.variants if len(v) > 1)
        out.append((exact, prefixes, multi, term.gap, term.optional))
    return tuple(out)


def _ends(
    terms: tuple[_Compiled, ...], ei: int, ti: int, slack: int, norms: Sequence[str], out: set[int]
) -> None:
    """Collect every token index where a match of ``terms[ei:]`` can end, starting at ``ti``.

    ``slack`` is gap allowance carried over from skipped optional terms. The first term of a
    match is anchored (the caller has placed ``ti`` on it), so ``_match_from`` handles it.
    Only the largest end is used, so a place reached by two variants is followed once.
    """
    if ei == len(terms):
        out.add(ti)
        return
    exact, prefixes, multi, gap, optional = terms[ei]
    allowed = slack + gap
    for p in range(ti, min(ti + allowed + 1, len(norms))):
        tok = norms[p]
        if tok in exact or (prefixes and tok.startswith(prefixes)):
            _ends(terms, ei + 1, p + 1, 0, norms, out)
        for variant in multi:
            q = _variant_end(variant, p, norms)
            if q != -1:
                _ends(terms, ei + 1, q, 0, norms, out)
    if optional:
        _ends(terms, ei + 1, ti, allowed, norms, out)


def _match_from(terms: tuple[_Compiled, ...], ei: int, ti: int, norms: Sequence[str]) -> int | None:
    """Longest match end when a pattern (compiled ``terms``) starts with term ``ei`` exactly at token ``ti``.

    Direct search, fastest for the usual patterns; with fewer than ``_SHARED_SEARCH_GAPS``
    gaps and optional items its branching stays small, and recursion depth is bounded by ``MAX_TERMS``. Patterns
    with more gaps use :class:`_GapSearch`.
    """
    out: set[int] = set()
    exact, prefixes, multi, _gap, _optional = terms[ei]
    tok = norms[ti]
    if tok in exact or (prefixes and tok.startswith(prefixes)):
        _ends(terms, ei + 1, ti + 1, 0, norms, out)
    for variant in multi:
        q = _variant_end(variant, ti, norms)
        if q != -1:
            _ends(terms, ei + 1, q, 0, norms, out)
    return max(out) if out else None


def _term_hits(term: Term, norms: Sequence[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of every place a term matches (any variant) in the sentence."""
    exact = {v[0].norm for v in term.variants if len(v) == 1 and not v[0].prefix}
    prefixes = tuple(v[0].norm for v in term.variants if len(v) == 1 and v[0].prefix)
    # (map and compress test each token in C, as in PatternMatcher.find)
    places = map(exact.__contains__, norms)
    if prefixes:
        places = map(or_, places, map(str.startswith, norms, repeat(prefixes)))
    hits = [(p, p + 1) for p in compress(count(), places)]
    for variant in term.variants:
        if len(variant) > 1:
            for p in range(len(norms)):
                q = _variant_end(variant, p, norms)
                if q != -1:
                    hits.append((p, q))
    return hits


class _GapSearch:
    """Longest matches of one gapped pattern in one sentence, memoised across start positions.

    Tried naively at every start, a pattern with gaps redoes the same sub-matches over and over
    (exponential in the number of gaps: ``the ~10`` eight times took minutes). Here the places
    each term matches are listed once per sentence, and each ``(term, place)`` and
    ``(term, position, carried gap)`` is solved once, so the work is bounded by
    terms × matches × gap; only states a match can reach are visited. Recursion depth is at
    most twice the pattern's terms (``MAX_TERMS`` bounds it).
    """

    __slots__ = ("hits", "memo", "norms", "terms", "values")

    def __init__(self, pattern: Pattern, norms: Sequence[str]) -> None:
        self.terms = pattern.terms
        self.norms = norms
        self.hits: list[tuple[list[int], list[int]] | None] = [None] * len(self.terms)
        self.values: list[dict[int, int]] = [{} for _ in self.terms]
        self.memo: dict[tuple[int, int, int], int] = {}

    def _hits(self, k: int) -> tuple[list[int], list[int]]:
        """Starts and ends of every match of term ``k`` in the sentence, by start."""
        found = self.hits[k]
        if found is None:
            term = self.terms[k]
            same = next((i for i in range(k) if self.hits[i] is not None and self.terms[i] == term), None)
            if same is not None:  # a repeated term ("the ~3 the") matches at the same places
                found = self.hits[same]
            else:
                pairs = sorted(_term_hits(term, self.norms))
                found = ([p for p, _ in pairs], [q for _, q in pairs])
            self.hits[k] = found
        return found

    def anchored(self, k: int, p: int) -> int:
        """Longest end of ``terms[k:]`` with term ``k`` starting exactly at token ``p`` (-1: none)."""
        starts, _ = self._hits(k)
        i = bisect_left(starts, p)
        best = -1
        while i < len(starts) and starts[i] == p:
            best = max(best, self._value(k, i))
            i += 1
        return best

    def _value(self, k: int, i: int) -> int:
        """Longest end of ``terms[k:]`` through the ``i``-th match of term ``k``."""
        memo = self.values[k]
        found = memo.get(i)
        if found is None:
            found = memo[i] = self.free(k + 1, self._hits(k)[1][i], 0)
        return found

    def free(self, k: int, pos: int, slack: int) -> int:
        """Longest end of ``terms[k:]`` with term ``k`` starting within its gap after ``pos``."""
        if k == len(self.terms):
            return pos
        key = (k, pos, slack)
        found = self.memo.get(key)
        if found is not None:
            return found
        term = self.terms[k]
        allowed = slack + term.gap
        starts, _ = self._hits(k)
        best = -1
        i = bisect_left(starts, pos)
        while i < len(starts) and starts[i] <= pos + allowed:
            end = self._value(k, i)
            if end > best:
                best = end
            i += 1
        if term.optional:
            best = max(best, self.free(k + 1, pos, allowed))
        self.memo[key] = best
        return best


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
        # A pattern with few gaps and optional items costs little tried start by start; from
        # three on, branches multiply and sub-matches repeat enough to share (see _GapSearch).
        self._gapped = [
            sum(1 for t in p.terms if t.gap or t.optional) >= _SHARED_SEARCH_GAPS for p in self.patterns
        ]
        self._compiled = tuple(_compile(p) for p in self.patterns)
        self._full = self._index(range(len(self.patterns)))
        self._subsets: dict[frozenset[int], _Index] = {}

    def _index(self, pids: Iterable[int]) -> _Index:
        exact: dict[str, list[tuple[int, int]]] = defaultdict(list)
        prefix: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for pid in pids:
            for first, ei in self._starts[pid]:
                (prefix if first.prefix else exact)[first.norm].append((pid, ei))
        # The prefixes as one tuple: ``str.startswith`` (C) rules out most tokens before any slicing.
        return dict(exact), dict(prefix), sorted({len(k) for k in prefix}), tuple(prefix)

    def reach(self, pid: int) -> int:
        """Most tokens a match of pattern ``pid`` can span (every gap taken, the longest variants).

        Example:
            >>> from rhetoric.codebook.patterns import parse_pattern
            >>> PatternMatcher([parse_pattern("cease-fire ~2 now?")]).reach(0)
            5
        """
        return sum(t.gap + max(len(v) for v in t.variants) for t in self.patterns[pid].terms)

    def find(
        self, norms: Sequence[str], only: frozenset[int] | None = None, *, lo: int = 0, hi: int | None = None
    ) -> list[tuple[int, int, int]]:
        """Every (pattern id, start token, end token) match, the longest per start and pattern.

        Args:
            norms: Folded token forms of one sentence.
            only: Try only these pattern ids (all when None); the index for each such set is
                built once and kept.
            lo: Only matches starting at token ``lo`` or later (the rest of the sentence is
                still read: a match may run on past ``hi``).
            hi: Only matches starting before token ``hi`` (all when None).

        Returns:
            Sorted ``(pattern_id, start, end)`` triples, ``end`` exclusive.
        """
        if only is None:
            exact, prefix, lengths, prefixes = self._full
        else:
            index = self._subsets.get(only)
            if index is None:
                if len(self._subsets) >= _MAX_SUBSETS:
                    self._subsets.clear()
                index = self._subsets[only] = self._index(sorted(only))
            exact, prefix, lengths, prefixes = index
        # Where a pattern can start at all, found in one comprehension (most tokens cannot).
        window = norms if lo == 0 and hi is None else norms[lo:hi]
        # (map and compress test each token in C, without a Python step per token)
        starts = map(exact.__contains__, window)
        if prefixes:
            starts = map(or_, starts, map(str.startswith, window, repeat(prefixes)))
        positions = list(compress(count(lo), starts))
        if not positions:
            # (most exclude searches: none of their first words is in the sentence)
            return []
        found: dict[tuple[int, int], int] = {}
        patterns, compiled = self.patterns, self._compiled
        searches: dict[int, _GapSearch] = {}  # gapped patterns: one memo per sentence
        for ti in positions:
            norm = norms[ti]
            entries = exact.get(norm)
            if prefixes and norm.startswith(prefixes):
                entries = list(entries or ())
                for k in lengths:
                    if k > len(norm):
                        break
                    entries.extend(prefix.get(norm[:k], ()))
            if not entries:
                continue
            for pid, ei in entries:
                if self._gapped[pid]:
                    search = searches.get(pid)
                    if search is None:
                        search = searches[pid] = _GapSearch(patterns[pid], norms)
                    end = search.anchored(ei, ti)
                    end = None if end == -1 else end
                else:
                    end = _match_from(compiled[pid], ei, ti, norms)
                if end is not None and end > found.get((pid, ti), -1):
                    found[(pid, ti)] = end
        if len(found) == 1:
            # (one match: the usual result)
            (pid, s), e = next(iter(found.items()))
            return [(pid, s, e)]
        return sorted([(pid, s, e) for (pid, s), e in found.items()])


_SHARED_SEARCH_GAPS = 3
_Index = tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]], list[int], tuple[str, ...]]
# Subset indexes kept at most (a codebook's candidate sets repeat; this bounds memory).
_MAX_SUBSETS = 4096


__all__ = ["PatternMatcher"]
