"""Fixtures for corpus tests: fresh corpora in temp folders and byte snapshots."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rhetoric.corpus import Corpus, init_corpus
from tests.conftest import SEED_CORPUS


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    """An empty corpus with the seed corpus's actors (so aliases resolve)."""
    c = init_corpus(tmp_path / "corpus")
    shutil.copy(SEED_CORPUS / "actors.toml", c.actors_path)
    return c


@pytest.fixture
def bare_corpus(tmp_path: Path) -> Corpus:
    """An empty corpus straight from `init` (no actors)."""
    return init_corpus(tmp_path / "bare")


@pytest.fixture
def seed_copy(tmp_path: Path) -> Corpus:
    """A writable copy of the shipped seed corpus."""
    target = tmp_path / "seed"
    shutil.copytree(SEED_CORPUS, target)
    return Corpus(target)


@pytest.fixture
def write_file(tmp_path: Path):
    """Write bytes or text to a file in the temp folder and return its path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write
