"""The typer application and the error edge shared by every command module.

Commands register with :func:`command`, which turns a :class:`RhetoricError`
into ``Error: …`` on stderr and exit code 1; usage errors keep typer's exit 2.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import CorpusError, RhetoricError, UsageError
from .coerce import install as _install_fast_coercion
from .helptext import HelpCommand

_install_fast_coercion()  # plain option values skip pydantic (start-up time)

app = typer.Typer(
    name="rhetoric",
    help="Offline rhetoric-change analyzer: how actors' stated conditions move over time.\n\n"
    "Example: rhetoric list --speaker zelensky",
    no_args_is_help=True,
    add_completion=True,
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


#: ``--corpus`` of the commands that write: no default value, so an unnamed corpus can be told apart.
WriteCorpusOpt = Annotated[
    Path | None,
    typer.Option(
        "--corpus",
        envvar="RHETORIC_CORPUS",
        help=f"Corpus folder (env RHETORIC_CORPUS). Writing needs it named: the default {DEFAULT_CORPUS} "
        "is the shipped example.",
        show_default=False,
    ),
]


def require_named_corpus(corpus: Path | None) -> Path:
    """The corpus to write to; the default (shipped example) only when ``--corpus`` or
    ``RHETORIC_CORPUS`` named it, so a first ``add`` never changes it by accident.

    Raises:
        CorpusError: If no corpus was named.
    """
    if corpus is None:
        raise CorpusError(
            f"not writing to the shipped example corpus {str(DEFAULT_CORPUS)!r} by default",
            hint=f"name it with --corpus {DEFAULT_CORPUS} (or RHETORIC_CORPUS) to write there, "
            "or create your own with `rhetoric init DIR`",
        )
    return corpus


def fail(message: str) -> typer.Exit:
    """Print ``Error: message`` to stderr and return the exit to raise (code 1)."""
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(1)


def warn(message: str) -> None:
    """Print ``Warning: message`` to stderr."""
    typer.echo(f"Warning: {message}", err=True)


#: What to do about an operating-system error, by errno (the message names the path).
_OS_FIXES = {
    errno.EACCES: "check the permissions of the file and its folder, or choose another location",
    errno.EPERM: "check the permissions of the file and its folder, or choose another location",
    errno.EROFS: "the file system is read-only; choose a writable location",
    errno.ENOSPC: "the disk is full; free some space and retry (nothing was half-written)",
    errno.EDQUOT: "the disk quota is exceeded; free some space and retry (nothing was half-written)",
    errno.EFBIG: "the file would exceed the size limit; free space or raise the limit and retry",
    errno.EISDIR: "a folder stands where a file is expected; move it away or choose another path",
    errno.ENOTDIR: "a file stands where a folder is expected; move it away or choose another path",
    errno.EEXIST: "remove it or choose another name",
    errno.ENOENT: "check the path",
    errno.ENAMETOOLONG: "use a shorter file name",
    errno.EMFILE: "too many open files; raise the limit (ulimit -n) and retry",
}


def os_error_message(exc: OSError) -> str:
    """One line for an ``OSError``: the path(s), what happened, how to fix it.

    Example:
        >>> os_error_message(PermissionError(13, "Permission denied", "out/a.csv"))
        "'out/a.csv': permission denied (check the permissions of the file and its folder, or choose another location)"
    """
    what = (exc.strerror or str(exc) or type(exc).__name__).rstrip(".")
    what = what[:1].lower() + what[1:]
    where = ""
    if exc.filename is not None:
        where = repr(os.fsdecode(exc.filename))
        if exc.filename2 is not None:
            where += f" -> {os.fsdecode(exc.filename2)!r}"
        where += ": "
    fix = _OS_FIXES.get(exc.errno or 0)
    return f"{where}{what}" + (f" ({fix})" if fix else "")


def _quiet_broken_pipe() -> typer.Exit:
    """The reader went away (``| head``): stop quietly, and let exit-time flushes go nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout replaced (tests) or already closed
        pass
    return typer.Exit(0)


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
                result = fn(*args, **kw)
                # Flush here, not at exit, so that a closed pipe is seen while we can still handle it.
                sys.stdout.flush()
                return result
            except UsageError as exc:
                raise typer.BadParameter(str(exc)) from None
            except RhetoricError as exc:
                raise fail(str(exc)) from None
            except BrokenPipeError:
                raise _quiet_broken_pipe() from None
            except OSError as exc:
                if exc.errno == errno.EPIPE:
                    raise _quiet_broken_pipe() from None
                raise fail(os_error_message(exc)) from None
            except RecursionError:
                raise fail(
                    "the input is nested too deeply to read (a JSON or TOML value inside thousands of "
                    "brackets); check the file for a malformed or hostile line"
                ) from None
            except UnicodeError as exc:
                raise fail(_unicode_message(exc)) from None

        kwargs.setdefault("cls", HelpCommand)  # readable metavars, an example that pastes
        return (parent or app).command(name, **kwargs)(wrapper)

    return decorator


def _unicode_message(exc: UnicodeError) -> str:
    if isinstance(exc, UnicodeDecodeError | UnicodeEncodeError):
        bad = exc.object[exc.start : exc.end]
        return (
            f"text is not valid {exc.encoding} ({exc.reason}: {bad!r}); "
            "check the file or argument for invalid bytes or lone surrogates"
        )
    return f"text cannot be encoded or decoded: {exc}; check the input for invalid bytes"


def _version_callback(value: bool) -> None:
    if value:
        from .. import __version__  # importlib.metadata only when asked (start-up time)

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
