"""Fixtures for the codebook stage: small codebook files shipped under ``tests/codebook/data``."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
MINI_CODEBOOK = DATA / "mini.toml"
BAD_CODEBOOK = DATA / "bad.toml"

#: Golden file: every problem of ``bad.toml``, one a line, in the order the check reports them.
BAD_EXPECTED = DATA / "bad.expected.txt"


@pytest.fixture
def mini_codebook() -> Path:
    """Path of a small valid codebook (tags ceasefire and peace_deal, a [frames] table)."""
    return MINI_CODEBOOK


@pytest.fixture
def bad_codebook() -> Path:
    """Path of a codebook with one of every kind of problem."""
    return BAD_CODEBOOK


@pytest.fixture
def bad_problems() -> list[str]:
    """The problems ``rhetoric codebook check`` must report for ``bad.toml``."""
    return BAD_EXPECTED.read_text(encoding="utf-8").splitlines()
