"""Command-line interface: thin typer commands over the library, one module per command group.

Example:
    $ rhetoric --help
"""

from __future__ import annotations

# Importing a command module registers its commands on ``app``.
from . import (
    codebook_cmds,  # noqa: F401
    corpus_cmds,  # noqa: F401
    extract_cmds,  # noqa: F401
    frames_cmds,  # noqa: F401
    learn_cmds,  # noqa: F401
    report_cmds,  # noqa: F401
    shifts_cmds,  # noqa: F401
    tag_cmds,  # noqa: F401
)
from .app import app


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
