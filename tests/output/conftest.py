"""Fixtures for output-contract tests: the CLI fixtures (runner, cli) re-used."""

from tests.cli.conftest import cli, runner  # noqa: F401
