"""The matcher's compiled terms, start window and reach: the same matches as the plain search."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rhetoric.codebook.patterns import parse_pattern
from rhetoric.tagging.matcher import PatternMatcher

PATTERNS = [
    "cease-fire|truce",
    "withdraw* ~3 troops|forces",
    "the? end ~2 of? war|conflict",
    "no ~1 deal",
    "us|u.s. aid|support*",
    "peace ~2 deal ~2 now ~2 or ~2 never",  # gapped enough for the shared search
    "all ~3 occupied? territor*",
]
MATCHER = PatternMatcher([parse_pattern(p) for p in PATTERNS])
WORDS = ["the", "end", "of", "war", "cease", "fire", "ceasefire", "truce", "withdraw", "withdrawal",
         "troops", "forces", "no", "deal", "us", "aid", "support", "supporting", "peace", "now", "or",
         "never", "all", "occupied", "territory", "x"]
SENTENCES = st.lists(st.sampled_from(WORDS), max_size=24)


@pytest.mark.parametrize(
    ("pattern", "reach"),
    [("truce", 1), ("cease-fire", 2), ("withdraw* ~3 troops", 5), ("the? end ~2 of? war", 6)],
)
def test_reach(pattern: str, reach: int) -> None:
    assert PatternMatcher([parse_pattern(pattern)]).reach(0) == reach


@settings(max_examples=300, deadline=None)
@given(SENTENCES)
def test_no_match_is_longer_than_its_reach(norms: list[str]) -> None:
    for pid, start, end in MATCHER.find(norms):
        assert end - start <= MATCHER.reach(pid)


@settings(max_examples=300, deadline=None)
@given(SENTENCES, st.integers(0, 25), st.integers(0, 25), st.sets(st.integers(0, len(PATTERNS) - 1)))
def test_window_keeps_exactly_the_matches_starting_in_it(norms: list[str], lo: int, hi: int, only: set[int]) -> None:
    subset = frozenset(only) or None
    full = MATCHER.find(norms, subset)
    assert MATCHER.find(norms, subset, lo=lo, hi=hi) == [m for m in full if lo <= m[1] < hi]
    assert MATCHER.find(norms, subset, lo=lo) == [m for m in full if lo <= m[1]]


def test_window_reads_past_its_end() -> None:
    # A match starting inside the window may end after it.
    norms = ["we", "withdraw", "all", "our", "troops"]
    assert MATCHER.find(norms, lo=1, hi=2) == [(1, 1, 5)]
    assert MATCHER.find(norms, lo=2) == []


@pytest.mark.parametrize(
    ("norms", "expected"),
    [
        (["a", "truce"], [(0, 1, 2)]),
        (["cease", "fire"], [(0, 0, 2)]),
        (["the", "end", "of", "the", "war"], [(2, 0, 5), (2, 1, 5)]),
        (["end", "war"], [(2, 0, 2)]),
        (["supporting", "us", "aid"], [(4, 1, 3)]),
        (["no", "x", "x", "deal"], []),
    ],
)
def test_compiled_terms_match_like_the_pattern_language(norms: list[str], expected: list) -> None:
    assert MATCHER.find(norms) == expected


def _reference_ends(terms, ei: int, ti: int, slack: int, norms: list[str], out: set[int]) -> None:
    """The pattern language read literally, piece by piece (the matcher's search before compiling)."""
    if ei == len(terms):
        out.add(ti)
        return
    term = terms[ei]
    allowed = slack + term.gap
    for p in range(ti, min(ti + allowed + 1, len(norms))):
        for variant in term.variants:
            q = p
            for piece in variant:
                if q >= len(norms) or not piece.matches(norms[q]):
                    break
                q += 1
            else:
                _reference_ends(terms, ei + 1, q, 0, norms, out)
    if term.optional:
        _reference_ends(terms, ei + 1, ti, allowed, norms, out)


def _reference_find(norms: list[str]) -> list[tuple[int, int, int]]:
    found = []
    for pid, pattern in enumerate(MATCHER.patterns):
        for ti in range(len(norms)):
            ends: set[int] = set()
            for ei, term in enumerate(pattern.terms):
                # A match starts with the first term, or a later one after skipped optional terms.
                for variant in term.variants:
                    q = ti
                    for piece in variant:
                        if q >= len(norms) or not piece.matches(norms[q]):
                            break
                        q += 1
                    else:
                        _reference_ends(pattern.terms, ei + 1, q, 0, norms, ends)
                if not term.optional:
                    break
            if ends:
                found.append((pid, ti, max(ends)))
    return sorted(found)


@settings(max_examples=400, deadline=None)
@given(SENTENCES)
def test_matches_equal_the_literal_reading(norms: list[str]) -> None:
    assert MATCHER.find(norms) == _reference_find(norms)
