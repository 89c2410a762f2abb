"""The typer application and the error edge shared by every command module.

Commands register with :func:`command`, which turns a :class:`RhetoricError`
into ``Error: …`` on stderr and exit code 1; usage errors keep typer's exit 2.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import __version__
from ..errors import RhetoricError, UsageError

app = typer.Typer(
    name="rhetoric",
    help="Offline rhetoric-change analyzer: how actors' stated conditions move over time.\n\n"
    "Example: rhetoric list --speaker zelensky",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DEFAULT_CORPUS = Path("corpora/ukraine-nato")

CorpusOpt = Annotated[
    Path,
    typer.Option(
        "--corpus",
        envvar="RHETORIC_CORPUS",
        help="Corpus folder (env RHETORIC_CORPUS).",
        show_default=True,
    ),
]

CodebookOpt = Annotated[
    Path | None,
    typer.Option("--codebook", help="Codebook file (default: the corpus's codebook.toml)."),
]


def fail(message: str) -> typer.Exit:
    """Print ``Error: message`` to stderr and return the exit to raise (code 1)."""
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(1)


def warn(message: str) -> None:
    """Print ``Warning: message`` to stderr."""
    typer.echo(f"Warning: {message}", err=True)


def command(name: str | None = None, *, parent: typer.Typer | None = None, **kwargs: Any) -> Callable:
    """Register a CLI command whose library errors become ``Error: …`` and exit 1.

    Args:
        name: Command name (defaults to the function name).
        parent: Typer group to register on (defaults to the root app).
        **kwargs: Passed to ``Typer.command``.
    """

    def decorator(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kw: Any) -> Any:
            try:
                return fn(*args, **kw)
            except UsageError as exc:
                raise typer.BadParameter(str(exc)) from None
            except RhetoricError as exc:
                raise fail(str(exc)) from None

        return (parent or app).command(name, **kwargs)(wrapper)

    return decorator


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"rhetoric {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Offline rhetoric-change analyzer: how actors' stated conditions move over time.

    Example: rhetoric list --speaker zelensky
    """
