"""Shared pytest fixtures for the rhetoric test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = REPO_ROOT / "corpora" / "ukraine-nato"
SEEDS_DIR = REPO_ROOT / "seeds"


@pytest.fixture
def repo_root() -> Path:
    """The repository root."""
    return REPO_ROOT
