"""The console script imports only the command module it runs: the map of names to modules is right.

``rhetoric.cli.COMMANDS`` is written by hand; these tests check it against what the
command modules really register, so a new command cannot be forgotten in it.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from rhetoric import cli
from rhetoric.cli import COMMAND_MODULES, COMMANDS, app

from ..conftest import REPO_ROOT


def _module(callback) -> str:
    return callback.__module__.rsplit(".", 1)[-1]


def registered() -> dict[str, set[str]]:
    """Top-level name -> the modules whose functions it runs (a group: its subcommands')."""
    out: dict[str, set[str]] = {}
    for command in app.registered_commands:
        out[command.name] = {_module(command.callback)}
    for group in app.registered_groups:
        out[group.name] = {_module(c.callback) for c in group.typer_instance.registered_commands}
    return out


def test_every_registered_command_is_in_the_map() -> None:
    assert sorted(COMMANDS) == sorted(registered())


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_map_names_the_modules_that_register_the_command(name: str) -> None:
    assert registered()[name] <= set(COMMANDS[name])
    assert set(COMMANDS[name]) <= set(COMMAND_MODULES)


def test_codebook_group_module_comes_before_its_subcommand_modules() -> None:
    # tag_cmds creates the `codebook` group that codebook_cmds adds `import`/`export` to.
    assert COMMANDS["codebook"][0] == "tag_cmds"


@pytest.mark.parametrize(
    ("argv", "loaded", "not_loaded"),
    [
        (["tag", "a ceasefire"], {"tag_cmds"}, {"report_cmds", "learn_cmds", "corpus_cmds"}),
        (["--version"], set(COMMAND_MODULES), set()),
        (["report", "--out", "x"], {"report_cmds"}, {"tag_cmds", "learn_cmds"}),
        (["no-such-command"], set(COMMAND_MODULES), set()),
        ([], set(COMMAND_MODULES), set()),
    ],
)
def test_main_loads_only_what_the_command_needs(argv: list[str], loaded: set[str], not_loaded: set[str]) -> None:
    code = (
        "import sys; from rhetoric.cli import load_commands; load_commands(sys.argv[1:]); "
        "print(' '.join(m.rsplit('.', 1)[-1] for m in sys.modules if m.startswith('rhetoric.cli.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *argv], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    modules = set(out.stdout.split())
    assert loaded <= modules
    assert not (not_loaded & modules)


def test_package_attribute_app_is_the_typer_app_with_every_command() -> None:
    assert cli.app is app
    assert len(app.registered_commands) + len(app.registered_groups) == len(COMMANDS)
