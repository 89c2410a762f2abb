"""The --add path: near-duplicates of statements stored from the same article, positions, rejected indexes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.corpus import Corpus, init_corpus
from rhetoric.extract.adding import add_candidates, near_duplicates, same_article, text_overlap
from rhetoric.extract.candidate import Candidate
from rhetoric.records import Statement
from tests.conftest import REPO_ROOT

from .conftest import SEED_ARTICLE


def _cand(speaker: str, text: str, *, url: str = "https://news.example/a", position: int = 0) -> Candidate:
    return Candidate(
        speaker,
        speaker,
        text,
        "paraphrase",
        "2024-05",
        "",
        0,
        len(text),
        "said",
        0.9,
        url=url,
        position=position,
    )


def _stored(speaker: str, text: str, *, url: str = "https://news.example/a") -> Statement:
    return Statement.create(speaker=speaker, date="2024-05", text=text, url=url)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("the ministers agreed to meet again", "The ministers agreed to meet again in June.", 1.0),
        ("the ministers agreed", "nothing in common here", 0.0),
        ("", "anything", 0.0),
    ],
)
def test_text_overlap(a: str, b: str, expected: float) -> None:
    assert text_overlap(a, b) == expected


@pytest.mark.parametrize(
    ("candidate", "statement", "same"),
    [
        (_cand("x", "t"), _stored("x", "t"), True),
        (_cand("x", "t", url="https://news.example/b"), _stored("x", "t"), False),
        (_cand("x", "t", url=""), _stored("x", "t", url=""), False),  # nothing names the article
    ],
)
def test_same_article(candidate: Candidate, statement: Statement, same: bool) -> None:
    assert same_article(candidate, statement) is same


def test_a_wider_or_narrower_span_of_a_stored_statement_is_a_duplicate() -> None:
    stored = [_stored("ankara", "Ankara said the corridor must stay open without conditions.")]
    batch = [
        _cand("ankara", "the corridor must stay open without conditions"),
        _cand("ankara", "talks resume"),
    ]
    assert list(near_duplicates(batch, stored)) == [0]


def test_a_speaker_resolved_differently_is_still_a_duplicate_but_two_speakers_stay_two() -> None:
    stored = [_stored("minister", "the corridor must stay open"), _stored("france", "we back the plan")]
    batch = [
        _cand("Mevlut Cavusoglu", "the corridor must stay open"),  # the same remark, speaker now resolved
        _cand("france", "we back the plan"),
        _cand("uk", "we back the plan"),  # the same words from a second speaker: a statement of its own
    ]
    found = near_duplicates(batch, stored)
    assert {n: s.speaker for n, s in found.items()} == {0: "minister", 1: "france"}


def test_the_same_words_from_another_article_are_added(tmp_path: Path) -> None:
    corpus = init_corpus(tmp_path / "c")
    first = add_candidates(corpus, [_cand("nato", "the door stays open", position=3)])
    again = add_candidates(corpus, [_cand("nato", "the door stays open to new members")])
    # (the same speaker, date and text would be one statement id whatever the article)
    other = add_candidates(
        corpus, [_cand("nato", "the door stays open, again", url="https://news.example/b")]
    )
    assert [r.summary() for r in (first, again, other)] == [
        "added 1, duplicates 0, rejected 0",
        "added 0, duplicates 1, rejected 0",
        "added 1, duplicates 0, rejected 0",
    ]
    assert again.warnings[0].startswith("1 candidate(s) restate statements stored from the same article")
    assert [s.position for s in corpus.statements()] == [3, 0]


def test_seed_into_the_shipped_corpus_adds_no_near_duplicates(tmp_path: Path) -> None:
    shutil.copytree(REPO_ROOT / "corpora" / "ukraine-nato", tmp_path / "c")
    before = (tmp_path / "c" / "statements.jsonl").read_text(encoding="utf-8")
    result = CliRunner().invoke(
        app, ["extract", str(SEED_ARTICLE), "--add", "--format", "json", "--corpus", str(tmp_path / "c")]
    )
    assert result.exit_code == 0, result.output
    n = len(json.loads(result.stdout))
    assert n == 14
    assert result.stderr.rstrip().endswith(f"added 0, duplicates {n}, rejected 0")
    assert (tmp_path / "c" / "statements.jsonl").read_text(encoding="utf-8") == before
    assert Corpus(tmp_path / "c").statements()  # still a valid corpus
