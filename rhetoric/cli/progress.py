"""A rich progress bar for commands that analyse many statements (stderr, transient, TTY only).

The library reports progress through a ``progress(done, total)`` callback; this module turns
that into a bar that disappears when done, and into nothing when stderr is not a terminal
(pipes, CI logs and tests stay clean).

Example:
    >>> with progress_bar("analysing") as update:  # doctest: +SKIP
    ...     write_report("corpora/ukraine-nato", progress=update)
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from ..types import ProgressFn

#: Fewer statements than this finish too fast for a bar to help.
MIN_TOTAL = 20


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # replaced or closed streams
        return False


@contextmanager
def progress_bar(description: str, *, min_total: int = MIN_TOTAL) -> Iterator[ProgressFn | None]:
    """Yield a ``progress(done, total)`` callback drawing a transient bar on stderr, or None off a TTY.

    Args:
        description: Label shown before the bar.
        min_total: Show the bar only for at least this many items.
    """
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    # rich redirects stdout into its live display (on stderr) by default: `frames --all --format
    # csv > f.csv` would then print the CSV on the terminal and leave f.csv empty. Redirect only
    # when stdout is the same terminal, where printing above the bar keeps the screen tidy.
    with Progress(
        *columns,
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=_is_terminal(sys.stdout),
        redirect_stderr=False,
    ) as bar:
        task = bar.add_task(description, total=None, visible=False)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, visible=total >= min_total)

        yield update
