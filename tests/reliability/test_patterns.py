"""Pattern blow-up: gapped patterns match in polynomial time, and oversized patterns are refused."""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Sequence

import pytest

from rhetoric.codebook.patterns import MAX_PATTERN_CHARS, MAX_TERMS, Pattern, parse_pattern
from rhetoric.errors import PatternError
from rhetoric.tagging.check import check_codebook
from rhetoric.tagging.matcher import PatternMatcher
from rhetoric.text.tokens import word_norm

# Sentences dense in "the": the worst case for a pattern made of "the" and gaps.
_WORDS = "the the the the of the talks the war the troops the border the deal the".split()


def _statements(count: int, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    return [[rng.choice(_WORDS) for _ in range(40)] for _ in range(count)]


def _news_statements(count: int) -> list[list[str]]:
    """Token sequences of generated news-like statements (1-5 sentences each, matched whole)."""
    from rhetoric.codebook.load import load_codebook
    from rhetoric.text.tokens import tokenize
    from tests.benchmarks.newsgen import generate_statements

    codebook = load_codebook("corpora/ukraine-nato/codebook.toml")
    texts = list(itertools.islice(generate_statements(codebook, count * 3, seed=3), count))
    return [[t.norm for t in tokenize(text)] for text in texts]


def test_eight_gaps_over_a_thousand_statements_in_under_a_second() -> None:
    pattern = parse_pattern(" ~10 ".join(["the"] * 9))  # `the ~10` ×8
    matcher = PatternMatcher([pattern])
    statements = _news_statements(1000)
    # CPU time of this process: the bound is about the algorithm, not a busy machine.
    started = time.process_time()
    found = sum(len(matcher.find(tokens)) for tokens in statements)
    elapsed = time.process_time() - started
    assert found > 0
    assert elapsed < 1.0, f"{elapsed:.2f} s"


def test_dense_worst_case_stays_polynomial() -> None:
    """Sentences that are half "the": the old matcher took minutes, this one about a second."""
    pattern = parse_pattern(" ~10 ".join(["the"] * 9))
    started = time.process_time()
    found = sum(len(PatternMatcher([pattern]).find(tokens)) for tokens in _statements(300))
    assert found > 0
    assert time.process_time() - started < 2.0


def test_a_pattern_of_the_maximum_size_matches_without_recursion() -> None:
    words = ["the?"] * (MAX_TERMS - 1) + ["war"]
    pattern = parse_pattern(" ~10 ".join(words))
    tokens = ["the"] * 100 + ["war"]
    assert PatternMatcher([pattern]).find(tokens)[0] == (0, 0, 101)


# -- the same matches as the plain recursive definition ---------------------------------------------


def _reference(pattern: Pattern, ei: int, ti: int, norms: Sequence[str]) -> int | None:
    """The matcher's specification, written as the obvious exponential recursion."""

    def ends(k: int, pos: int, slack: int, out: set[int]) -> None:
        if k == len(pattern.terms):
            out.add(pos)
            return
        term = pattern.terms[k]
        allowed = slack + term.gap
        for p in range(pos, min(pos + allowed + 1, len(norms))):
            for variant in term.variants:
                q = p
                if all(q + i < len(norms) and piece.matches(norms[q + i]) for i, piece in enumerate(variant)):
                    ends(k + 1, q + len(variant), 0, out)
        if term.optional:
            ends(k + 1, pos, allowed, out)

    out: set[int] = set()
    for variant in pattern.terms[ei].variants:
        if all(ti + i < len(norms) and piece.matches(norms[ti + i]) for i, piece in enumerate(variant)):
            ends(ei + 1, ti + len(variant), 0, out)
    return max(out) if out else None


_ITEMS = ["a", "b", "a|b", "a?", "b?", "c", "a-b", "ab*", "c?"]


@pytest.mark.parametrize("seed", range(5))
def test_matches_equal_the_recursive_definition(seed: int) -> None:
    rng = random.Random(seed)
    patterns = []
    while len(patterns) < 60:
        n = rng.randint(1, 5)
        parts = [rng.choice(_ITEMS)]
        for _ in range(n - 1):
            if rng.random() < 0.5:
                parts.append(f"~{rng.randint(1, 3)}")
            parts.append(rng.choice(_ITEMS))
        try:
            patterns.append(parse_pattern(" ".join(parts)))
        except PatternError:
            continue
    matcher = PatternMatcher(patterns)
    for _ in range(40):
        tokens = [rng.choice(["a", "b", "c", "ab", "abc", "d"]) for _ in range(rng.randint(0, 14))]
        expected = set()
        for pid, pattern in enumerate(patterns):
            for ti in range(len(tokens)):
                ends = [
                    e
                    for ei, term in enumerate(pattern.terms)
                    if all(t.optional for t in pattern.terms[:ei])
                    if (e := _reference(pattern, ei, ti, tokens)) is not None
                ]
                if ends:
                    expected.add((pid, ti, max(ends)))
        assert set(matcher.find(tokens)) == expected, tokens


# -- size limits -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (" ".join(["word"] * (MAX_TERMS + 1)), f"more than {MAX_TERMS} items in one pattern"),
        (" ".join(["w"] * 1500), f"more than {MAX_PATTERN_CHARS}"),  # was a RecursionError
        ("|".join(["word"] * 300), f"more than {MAX_PATTERN_CHARS}"),
    ],
)
def test_oversized_patterns_are_refused(source: str, message: str) -> None:
    with pytest.raises(PatternError, match=message):
        parse_pattern(source)


def test_patterns_at_the_limits_parse() -> None:
    assert len(parse_pattern(" ".join(["word"] * MAX_TERMS)).terms) == MAX_TERMS
    source = "|".join(["word"] * ((MAX_PATTERN_CHARS + 1) // 5))
    assert len(source) <= MAX_PATTERN_CHARS
    assert parse_pattern(source).terms


def test_codebook_check_reports_an_oversized_pattern(tmp_path) -> None:
    big = " ".join(["peace"] * (MAX_TERMS + 1))
    path = tmp_path / "codebook.toml"
    path.write_text(
        '[codebook]\nname = "c"\nversion = "1"\nlanguage = "en"\n\n'
        '[[tag]]\nid = "peace"\nlabel = "Peace"\nrole = "either"\n'
        f'patterns = ["peace deal", "{big}"]\n',
        encoding="utf-8",
    )
    problems = check_codebook(path)
    assert any("[peace.patterns]" in p and f"more than {MAX_TERMS} items" in p for p in problems), problems


def test_word_norm_is_what_the_benchmark_tokens_are() -> None:
    assert word_norm("the") == ["the"]


def test_one_gap_then_many_optional_items_stays_fast() -> None:
    pattern = parse_pattern("the ~10 " + " ".join(["of?"] * (MAX_TERMS - 2)) + " war")
    tokens = ["the", "of"] * 30 + ["war"]
    started = time.process_time()
    assert PatternMatcher([pattern]).find(tokens)
    assert time.process_time() - started < 1.0
