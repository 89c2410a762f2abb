"""Whole-corpus analysis: speaker selection, progress callback, timelines, mention roles."""

from __future__ import annotations

import pytest

from rhetoric.analysis import mention_role
from rhetoric.errors import CorpusError, NotFoundError
from rhetoric.records import Frame, Mention, StatementAnalysis
from rhetoric.session import analyze_all
from tests.conftest import SEED_CORPUS


def test_all_statements_and_one_timeline_per_actor() -> None:
    ca = analyze_all(SEED_CORPUS)
    assert len(ca.analyses) == 13
    speakers = [tl.speaker for tl in ca.timelines]
    assert speakers == sorted(speakers) and len(speakers) == len(set(speakers)) == 11
    assert ca.name == "ukraine-nato"
    assert ca.as_of == "2026-11-28T00:00:00Z"
    assert ca.timeline_of("zelensky").analyses[0].statement.id == "s-134636953483"


@pytest.mark.parametrize(
    ("speakers", "expected"),
    [
        (["zelensky"], ["zelensky"]),
        (["Zelenskyy", "the Kremlin leader"], ["putin", "zelensky"]),
        (["Kiev"], ["ukraine"]),
    ],
)
def test_speakers_resolve_through_aliases(speakers, expected) -> None:
    ca = analyze_all(SEED_CORPUS, speakers=speakers)
    assert [tl.speaker for tl in ca.timelines] == expected
    assert {a.statement.speaker for a in ca.analyses} == set(expected)


def test_unknown_speaker_is_not_found() -> None:
    with pytest.raises(NotFoundError, match="no statement of 'nobody'"):
        analyze_all(SEED_CORPUS, speakers=["zelensky", "nobody"])


def test_missing_corpus(tmp_path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        analyze_all(tmp_path / "nothing")


def test_progress_is_called_once_per_statement() -> None:
    calls = []
    analyze_all(SEED_CORPUS, speakers=["zelensky"], progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_timeline_of_unknown_actor() -> None:
    ca = analyze_all(SEED_CORPUS, speakers=["putin"])
    with pytest.raises(NotFoundError):
        ca.timeline_of("zelensky")


TEXT = "No talks until withdrawal. Later a truce, and talks again."
NEG = Mention("negotiations", 3, 8, "talks", 0, "talks")
WD = Mention("withdrawal", 15, 25, "withdrawal", 0, "withdrawal")
TRUCE = Mention("ceasefire", 35, 40, "truce", 1, "truce")
TALKS2 = Mention("negotiations", 46, 51, "talks", 1, "talks")
FRAME = Frame(None, 0, "f", "", "", ("negotiations",), ("withdrawal",), "until", start=3, end=25)


@pytest.mark.parametrize(
    ("mention", "frames", "role"),
    [
        (WD, (FRAME,), "condition"),
        (NEG, (FRAME,), "outcome"),
        (TRUCE, (FRAME,), "mentioned"),
        # outside every frame span, the tag's role in the statement's frames still counts
        (TALKS2, (FRAME,), "outcome"),
        (WD, (), "mentioned"),
    ],
)
def test_mention_role(mention, frames, role) -> None:
    analysis = StatementAnalysis(TEXT, (NEG, WD, TRUCE, TALKS2), frames, ())
    assert mention_role(analysis, mention) == role
