"""Scoring by speaker + overlapping span, and the annotation loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rhetoric.errors import InputFormatError
from rhetoric.extract.candidate import Candidate
from rhetoric.extract.evaluate import Expected, load_expected, score


def _cand(speaker: str, start: int, end: int) -> Candidate:
    return Candidate(speaker, speaker, "x" * (end - start), "paraphrase", "2024", "", start, end, "said", 0.9)


def test_score_counts() -> None:
    gold = [Expected("a", "q", 0, 10), Expected("b", "q", 20, 30), Expected("c", "q", 40, 50)]
    cands = [_cand("a", 5, 12), _cand("x", 22, 25), _cand("b", 60, 70)]
    s = score(cands, gold)
    assert (len(s.correct), len(s.spurious), len(s.recovered), len(s.missed)) == (1, 2, 1, 2)
    assert [e.speaker for e in s.wrong_speaker] == ["b"]
    assert s.summary() == "precision 0.33 (1/3), recall 0.33 (1/3)"


def test_empty_score_is_perfect() -> None:
    assert (score([], []).precision, score([], []).recall) == (1.0, 1.0)


def test_load_expected_locates_quotes(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_text(json.dumps([{"speaker": "putin", "quote": "said no", "date": "2024"}]))
    (e,) = load_expected(path, "Putin said no.")
    assert (e.speaker, e.start, e.end, e.date) == ("putin", 6, 13, "2024")


def test_load_expected_rejects_a_quote_not_in_the_article(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_text(json.dumps([{"speaker": "putin", "quote": "said yes"}]))
    with pytest.raises(InputFormatError) as info:
        load_expected(path, "Putin said no.")
    assert (info.value.line, info.value.field) == (1, "quote")
