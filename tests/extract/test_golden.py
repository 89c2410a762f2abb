"""Golden outputs of the test articles (own texts in several outlet styles), and their precision/recall.

Regenerate the golden files after an intended change with::

    RHETORIC_UPDATE_GOLDEN=1 python -m pytest tests/extract/test_golden.py

and review the diff (``git diff tests/extract/golden``) before committing it.
"""

from __future__ import annotations

import json
import os

import pytest

from rhetoric.actors import ActorRegistry
from rhetoric.extract.article import read_article
from rhetoric.extract.evaluate import load_expected, score
from rhetoric.extract.pipeline import extract_statements

from .conftest import ANNOTATED_ARTICLES, ARTICLES_DIR, GOLDEN_DIR

UPDATE = os.environ.get("RHETORIC_UPDATE_GOLDEN") == "1"


def _candidates(name: str, actors: ActorRegistry):
    article = read_article(ARTICLES_DIR / f"{name}.txt")
    candidates = extract_statements(
        article.text, actors=actors, article_date=article.date, source=article.source, document=f"{name}.txt"
    )
    return article, candidates


def test_there_are_enough_test_articles() -> None:
    assert len(ANNOTATED_ARTICLES) >= 4


@pytest.mark.parametrize("name", ANNOTATED_ARTICLES)
def test_golden_output(name: str, actors: ActorRegistry) -> None:
    _article, candidates = _candidates(name, actors)
    rendered = json.dumps([c.to_dict() for c in candidates], ensure_ascii=False, indent=2) + "\n"
    golden = GOLDEN_DIR / f"{name}.json"
    if UPDATE:
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), f"missing {golden.name}: run with RHETORIC_UPDATE_GOLDEN=1"
    assert rendered == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ANNOTATED_ARTICLES)
def test_precision_and_recall_against_hand_annotations(name: str, actors: ActorRegistry) -> None:
    article, candidates = _candidates(name, actors)
    result = score(candidates, load_expected(ARTICLES_DIR / f"{name}.expected.json", article.text))
    assert result.recall >= 0.8, result.summary()
    assert result.precision >= 0.8, result.summary()


@pytest.mark.parametrize("name", ANNOTATED_ARTICLES)
def test_annotated_dates(name: str, actors: ActorRegistry) -> None:
    article, candidates = _candidates(name, actors)
    for expected in load_expected(ARTICLES_DIR / f"{name}.expected.json", article.text):
        if not expected.date:
            continue
        hits = [
            c
            for c in candidates
            if c.speaker == expected.speaker and c.start < expected.end and expected.start < c.end
        ]
        assert hits, expected.quote
        assert (hits[0].date, hits[0].date_qualifier) == (expected.date, expected.date_qualifier), (
            expected.quote
        )
