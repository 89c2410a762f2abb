"""Command-line interface: thin typer commands over the library, one module per command group.

Start-up matters for a command-line tool run once per text: ``main`` imports only the module
that registers the command named on the command line (all of them for ``--help``, shell
completion or an unknown name), so ``rhetoric tag TEXT`` never loads report or learning code.

Example:
    $ rhetoric --help
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

from .app import app as _root

#: The command modules, in the order their commands appear in ``--help``.
COMMAND_MODULES = (
    "codebook_cmds",
    "corpus_cmds",
    "extract_cmds",
    "frames_cmds",
    "learn_cmds",
    "report_cmds",
    "shifts_cmds",
    "tag_cmds",
)

#: Top-level command (or group) name -> the modules that register it and its subcommands
#: (``tests/cli/test_lazy_commands.py`` checks this against what the modules register).
COMMANDS: dict[str, tuple[str, ...]] = {
    "codebook": ("tag_cmds", "codebook_cmds"),
    **dict.fromkeys(("init", "add", "import", "list", "show", "remove", "validate"), ("corpus_cmds",)),
    "extract": ("extract_cmds",),
    **dict.fromkeys(("frames", "stances"), ("frames_cmds",)),
    **dict.fromkeys(("gold", "train", "suggest", "evaluate", "agreement"), ("learn_cmds",)),
    **dict.fromkeys(("report", "export"), ("report_cmds",)),
    **dict.fromkeys(("compare", "timeline"), ("shifts_cmds",)),
    **dict.fromkeys(("tag", "kwic"), ("tag_cmds",)),
}


def load_commands(argv: Sequence[str] | None = None) -> None:
    """Register the commands ``argv`` (without the program name) can run: one module, or all.

    Example:
        >>> load_commands(["tag", "a ceasefire"])
        >>> any(c.name == "tag" for c in _root.registered_commands)
        True
    """
    first = next((a for a in argv or () if not a.startswith("-")), None)
    for module in COMMANDS.get(first, COMMAND_MODULES) if first is not None else COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{module}")


def main() -> None:
    """Console-script entry point."""
    load_commands(sys.argv[1:])
    _root()


# ``from .app import app as _root`` left the submodule ``app`` bound here; drop it so that
# ``rhetoric.cli.app`` (tests, ``python -m rhetoric``) goes through ``__getattr__`` and gets the
# Typer app with every command registered. Submodule imports use ``sys.modules``, unaffected.
del globals()["app"]


def __getattr__(name: str):
    if name == "app":
        load_commands()
        globals()["app"] = _root
        return _root
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["COMMANDS", "COMMAND_MODULES", "app", "load_commands", "main"]
