"""Fixtures for CLI tests: the corpus fixtures (re-used, not copied) and a typer CliRunner."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.corpus.conftest import bare_corpus, corpus, seed_copy, write_file  # noqa: F401


@pytest.fixture
def cli():
    """Run ``rhetoric ARGS...`` in-process; returns the click Result (stdout, stderr, exit_code)."""
    from rhetoric.cli import app

    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return run
