"""Corpus-level shift queries with the shipped codebook and actors, on statements added through the library."""

from __future__ import annotations

import shutil

import pytest

from rhetoric.corpus import add_statement, init_corpus
from rhetoric.errors import NotFoundError
from rhetoric.session import Session
from rhetoric.shifts.model import Verdict
from rhetoric.shifts.queries import compare_periods, compare_statements

from ..conftest import SEED_CORPUS


@pytest.fixture
def corpus(tmp_path):
    """An empty corpus with the shipped actors and codebook."""
    c = init_corpus(tmp_path / "c")
    for name in ("actors.toml", "codebook.toml"):
        shutil.copy(SEED_CORPUS / name, c.path / name)
    return c


def _add(corpus, speaker, date, text):
    return add_statement(
        corpus, speaker=speaker, date=date, text=text, added_at="2026-01-01T00:00:00Z"
    ).statement.id


def test_neutrality_to_nato_is_a_reversal_through_the_speakers_state(corpus) -> None:
    a = _add(
        corpus,
        "Zelensky",
        "2022-03-29",
        "Ukraine is ready to adopt neutral status in exchange for security guarantees.",
    )
    b = _add(corpus, "Zelensky", "2023-07", "Security guarantees are impossible until Ukraine joins NATO.")
    shift = compare_statements(Session.open(corpus.path), from_id=a, to_id=b)
    assert shift.verdict is Verdict.REVERSED
    assert "neutrality" in shift.reasons[0]


def test_conditions_dropped_to_no_preconditions_is_softened(corpus) -> None:
    _add(corpus, "Putin", "2022", "Talks are only possible if Kyiv recognises the new territorial realities.")
    _add(corpus, "Putin", "2024-06", "We are ready for negotiations without any preconditions.")
    shift = compare_periods(Session.open(corpus.path), speaker="Vladimir Putin", until="2023", since="2024")
    assert (shift.dropped, shift.verdict) == (("territorial_concession",), Verdict.SOFTENED)
    tl = Session.open(corpus.path).timeline(speaker="putin")
    assert tl.matrix() == {
        "negotiations": ["outcome", "outcome"],
        "territorial_concession": ["condition", "absent"],
    }


def test_unknown_speaker_has_no_timeline(corpus) -> None:
    with pytest.raises(NotFoundError, match="no statement of 'nobody'"):
        Session.open(corpus.path).timeline(speaker="nobody")
