"""Fixtures for CLI tests: a typer runner (corpora come from the root ``mini_corpus``)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner


@pytest.fixture
def runner() -> CliRunner:
    """Invokes the typer app in-process, stdout and stderr kept apart."""
    return CliRunner()
