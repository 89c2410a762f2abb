"""Every command's --help at 80 columns: readable metavars, no line over 80, an example that pastes."""

from __future__ import annotations

import re
import shlex

import pytest
import typer
from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.cli.helptext import keep_example_whole, metavar_for

from .test_help import COMMANDS

GROUPS = [[], ["codebook"], ["gold"]]


def _help(path: list[str]) -> str:
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _example(command) -> str:
    return command.help.strip().splitlines()[-1].removeprefix("Example: ")


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_help_at_80_columns(name: str, command) -> None:
    text = _help(name.split())
    assert not re.search(r"<(list\[|class|str>|int|float|path>|Path)", text), text
    assert "{" not in text.split("\n", 1)[0], "usage line shows a {required} argument in braces"
    long = [line for line in text.splitlines() if len(line) > 80]
    assert long == [], f"lines over 80 columns in `rhetoric {name} --help`"
    # the example is printed whole on one line (never wrapped), so it pastes
    example = f"Example: {_example(command)}"
    assert any(line.strip() == example for line in text.splitlines()), f"example wrapped:\n{text}"
    # no option name or path broken at a hyphen
    assert not re.search(r"[\w/]-\n", text), text


@pytest.mark.parametrize("path", GROUPS, ids=lambda p: " ".join(p) or "rhetoric")
def test_group_help_has_no_type_metavars(path: list[str]) -> None:
    text = _help(path)
    assert "<list[" not in text and "<class" not in text
    assert all(len(line) <= 80 for line in text.splitlines())


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_example_parses(name: str, command) -> None:
    """The example names this command and only options it has, with valid values."""
    words = shlex.split(_example(command))
    assert words[: 1 + len(name.split())] == ["rhetoric", *name.split()]
    args = words[1 + len(name.split()) :]
    click_command = typer.main.get_command(app)
    for part in name.split():
        click_command = click_command.commands[part]
    ctx = click_command.make_context(name, list(args), resilient_parsing=False)
    assert ctx.params is not None


@pytest.mark.parametrize(
    ("name", "choice", "choices", "many", "expected"),
    [
        ("--corpus", False, (), False, "DIR"),
        ("--speaker", False, (), False, "ACTOR"),
        ("--id", False, (), False, "ID"),
        ("--from-speaker", False, (), False, "ACTOR"),
        ("--tag", False, (), False, "TAG"),
        ("--min-confidence", False, (), False, "P"),
        ("--date-qualifier", False, (), False, "DATE_QUALIFIER"),
        ("tables", False, (), True, "TABLE…"),
        ("files", False, (), True, "FILE…"),
        ("--format", True, ("html", "md"), False, "[html|md]"),
    ],
)
def test_metavar_for(name, choice, choices, many, expected) -> None:
    assert metavar_for(name, is_choice=choice, choices=choices, many=many) == expected


def test_keep_example_whole_leaves_text_without_an_example() -> None:
    assert keep_example_whole("Just text.") == "Just text."
    assert keep_example_whole(None) is None
