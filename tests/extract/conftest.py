"""Fixtures for the extraction tests: the actor table, the seed article, test articles, a scratch corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from rhetoric.actors import ActorRegistry
from tests.conftest import REPO_ROOT, SEEDS_DIR

DATA_DIR = Path(__file__).resolve().parent / "data"
ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
ACTORS_FILE = DATA_DIR / "actors.toml"
SEED_ARTICLE = SEEDS_DIR / "000_194b2d9dfd68f7ca.txt"
SEED_EXPECTED = DATA_DIR / "seed_expected.json"
#: The seed's publication date at the precision its sidecar records (issue 2).
SEED_DATE = "2024-12"
#: Test articles that carry hand annotations (``NAME.expected.json``) and a golden output.
ANNOTATED_ARTICLES = sorted(p.stem.removesuffix(".expected") for p in ARTICLES_DIR.glob("*.expected.json"))

__all__ = ["REPO_ROOT"]


@pytest.fixture(scope="session")
def actors() -> ActorRegistry:
    """The seed's actors (test copy of the hand-curated actor table)."""
    return ActorRegistry.load(ACTORS_FILE)


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article's text."""
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """An empty corpus folder with the test actor table."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "statements.jsonl").write_bytes(b"")
    (folder / "actors.toml").write_bytes(ACTORS_FILE.read_bytes())
    return folder
