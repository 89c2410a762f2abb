"""Every command (and sub-command) has help text ending in an example, takes --corpus, and is in the README or docs/."""

from __future__ import annotations

import pytest
import typer

from rhetoric.cli import app

from ..conftest import REPO_ROOT


def _leaves(group, prefix: str = "") -> list[tuple[str, object]]:
    # typer ships its own click; a group is whatever has sub-commands.
    if getattr(group, "commands", None):
        out = []
        for name, sub in sorted(group.commands.items()):
            out.extend(_leaves(sub, f"{prefix} {name}".strip()))
        return out
    return [(prefix, group)]


COMMANDS = _leaves(typer.main.get_command(app))


def test_the_command_set() -> None:
    names = {name for name, _ in COMMANDS}
    assert {
        "init",
        "add",
        "import",
        "list",
        "show",
        "remove",
        "validate",
        "codebook check",
        "codebook show",
        "tag",
        "frames",
        "stances",
        "compare",
        "timeline",
        "extract",
        "train",
        "suggest",
        "evaluate",
        "agreement",
        "gold template",
    } <= names


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_help_ends_with_an_example(name: str, command) -> None:
    assert command.help, f"{name} has no help"
    assert command.help.strip().splitlines()[-1].startswith(f"Example: rhetoric {name}")


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_takes_corpus_option(name: str, command) -> None:
    assert any(p.name == "corpus" for p in command.params), f"{name} has no --corpus"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_appears_in_the_docs(name: str, command) -> None:
    pages = [REPO_ROOT / "README.md", *(REPO_ROOT / "docs").glob("*.md")]
    assert any(f"rhetoric {name}" in p.read_text(encoding="utf-8") for p in pages)


def test_shell_completion_is_offered() -> None:
    from typer.testing import CliRunner

    from rhetoric.cli import app

    out = CliRunner().invoke(app, ["--help"]).stdout
    assert "--install-completion" in out and "--show-completion" in out


def test_codebook_show_never_cuts_a_tag_id() -> None:
    from typer.testing import CliRunner

    from rhetoric.cli import app

    out = CliRunner().invoke(app, ["codebook", "show"], env={"COLUMNS": "50"}).stdout
    for tag in ("territorial_concession", "security_guarantees", "nato_membership"):
        assert tag in out
