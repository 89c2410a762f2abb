"""Fixtures for CLI tests: the corpus fixtures (re-used, not copied), a typer CliRunner and a runner shortcut."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.corpus.conftest import bare_corpus, corpus, seed_copy, write_file  # noqa: F401


@pytest.fixture
def runner() -> CliRunner:
    """Invokes the typer app in-process, stdout and stderr kept apart."""
    return CliRunner()


@pytest.fixture
def cli(runner: CliRunner):
    """Run ``rhetoric ARGS...`` in-process; returns the click Result (stdout, stderr, exit_code)."""
    from rhetoric.cli import app

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return run
