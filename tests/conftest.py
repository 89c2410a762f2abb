"""Shared pytest fixtures for the rhetoric test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from rhetoric.corpus.store import Corpus
from rhetoric.records import Statement

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = REPO_ROOT / "corpora" / "ukraine-nato"
SEEDS_DIR = REPO_ROOT / "seeds"
MINI_CODEBOOK = REPO_ROOT / "tests" / "codebook" / "data" / "mini.toml"


@pytest.fixture(autouse=True)
def _no_analysis_cache(monkeypatch) -> None:
    """Tests analyse for real: no ``.cache`` beside the seed corpus, no results from an earlier run.

    ``tests/engine`` turns the cache back on to test it (and checks it equals the uncached path).
    """
    monkeypatch.setenv("RHETORIC_CACHE", "0")


@pytest.fixture
def repo_root() -> Path:
    """The repository root."""
    return REPO_ROOT


@pytest.fixture
def mini_corpus(tmp_path: Path) -> tuple[Path, list[Statement]]:
    """A corpus folder with the mini codebook (ceasefire, peace_deal) and three statements."""
    (tmp_path / "codebook.toml").write_bytes(MINI_CODEBOOK.read_bytes())
    corpus = Corpus(tmp_path)
    corpus.statements_path.touch()
    statements = [
        Statement.create(speaker="a", date="2024", text="A truce. Then a peace deal.", added_at="t"),
        Statement.create(speaker="b", date="2025", text="Nothing here.", added_at="t"),
        Statement.create(
            speaker="putin",
            date="2024-06-14",
            text="Kyiv must withdraw its troops from four regions,\nthen a truce can follow, he said.",
            added_at="t",
        ),
    ]
    corpus.append(statements)
    return tmp_path, statements
