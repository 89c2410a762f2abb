"""Extraction never crashes on odd text, and its invariants hold (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rhetoric.actors import ActorRegistry
from rhetoric.extract.pipeline import extract_statements

from .conftest import ACTORS_FILE

ACTORS = ActorRegistry.load(ACTORS_FILE)
PIECES = [
    "Zelensky",
    "Putin",
    "he",
    "She",
    "the Ukrainian president",
    "Moscow",
    "said",
    "told",
    "has argued",
    "that",
    "according to",
    "is said to",
    "support",
    "last week",
    "on Sunday",
    "previously",
    "and",
    "but",
    ",",
    ".",
    ":",
    ";",
    "–",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "«",
    "»",
    "\n",
    "\n\n",
    "the",
    "war",
    "NATO",
    "adding",
    "in 2022",
    "Mr",
    "U.S.",
    "(",
    ")",
    "?",
    "it",
    "they",
    "calls for",
    "renewed",
    "…",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(PIECES), max_size=60), st.sampled_from([None, "2024", "2024-12", "2024-12-03"])
)
def test_never_crashes_and_spans_are_exact(pieces: list[str], date: str | None) -> None:
    text = " ".join(pieces)
    candidates = extract_statements(text, actors=ACTORS, article_date=date)
    for c in candidates:
        assert text[c.start : c.end] == c.text
        assert c.text.strip()
        assert 0 < c.confidence <= 1
        assert c.kind in ("direct", "paraphrase", "reported")
    keys = [c.sort_key() for c in candidates]
    assert keys == sorted(keys)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text: str) -> None:
    for c in extract_statements(text, actors=ACTORS, article_date="2024-12"):
        assert text[c.start : c.end] == c.text
