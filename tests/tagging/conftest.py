"""Fixtures for the tagging stage: the shipped codebook compiled once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rhetoric.codebook import load_codebook
from rhetoric.tagging import Tagger

REPO_ROOT = Path(__file__).resolve().parents[2]
SHIPPED_CODEBOOK = REPO_ROOT / "corpora" / "ukraine-nato" / "codebook.toml"
HELDOUT = Path(__file__).resolve().parent / "data" / "heldout.jsonl"


@pytest.fixture(scope="session")
def shipped_tagger() -> Tagger:
    """The ukraine-nato codebook, compiled."""
    return Tagger.from_codebook(load_codebook(SHIPPED_CODEBOOK))


def heldout_rows() -> list[dict]:
    """Held-out statements (written for testing, not codebook examples) with expected tag sets."""
    return [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
