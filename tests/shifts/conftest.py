"""Fixtures for the shifts stage: statements analysed from hand-made mentions."""

from __future__ import annotations

import pytest

from rhetoric.frames.detect import detect_frames
from rhetoric.frames.stances import detect_stances
from rhetoric.records import Statement, StatementAnalysis

from ..frames.conftest import mentions_for


def analysed(
    speaker: str, date: str, text: str, marks: list[tuple[str, str]], qualifier: str = ""
) -> StatementAnalysis:
    """A statement with mentions at the given phrases, and its frames and stances."""
    statement = Statement.create(
        speaker=speaker, date=date, text=text, date_qualifier=qualifier, added_at="t"
    )
    mentions = tuple(
        m.__class__(**{**m.__dict__, "statement_id": statement.id}) for m in mentions_for(text, marks)
    )
    frames = tuple(detect_frames(text, mentions, statement_id=statement.id, speaker=speaker, date=date))
    stances = tuple(detect_stances(text, mentions, statement_id=statement.id, speaker=speaker, frames=frames))
    return StatementAnalysis(text, mentions, frames, stances, statement)


@pytest.fixture
def stmt():
    """``stmt(speaker, date, text, [(tag, phrase), ...], qualifier="")`` → a StatementAnalysis."""
    return analysed
