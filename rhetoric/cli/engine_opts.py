"""The engine options shared by every analysing command: ``--jobs``, ``--engine``, ``--scheduler``.

Defined once here so ``tag``, ``frames``, ``stances``, ``report`` and ``export`` spell and
document them the same way; :func:`engine_of` turns them into an :class:`~rhetoric.engine.Engine`.

Example:
    $ rhetoric report --jobs 2
    $ rhetoric export all --out exports/ --engine dask --scheduler tcp://10.0.0.5:8786
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from ..engine.spec import CHUNK_SIZE, Engine, EngineKind
from ..errors import UsageError

#: Environment variable setting the statements per task (tuning; tests use small chunks).
CHUNK_ENV = "RHETORIC_CHUNK_SIZE"

JobsOpt = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        min=0,
        help="Worker processes for the analysis: 0 = every core, 1 = this process only. Output is the same.",
    ),
]

EngineOpt = Annotated[
    EngineKind,
    typer.Option(
        "--engine", help="local (processes on this machine) or dask (a Dask cluster; the dask extra)."
    ),
]

SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="With --engine dask: the scheduler address (tcp://host:8786). Default: a local cluster of --jobs workers.",
    ),
]


def engine_of(jobs: int, engine: EngineKind, scheduler: str | None) -> Engine:
    """The engine the options ask for.

    Raises:
        UsageError: If ``--scheduler`` is given without ``--engine dask``.

    Example:
        >>> engine_of(1, EngineKind.LOCAL, None).in_process
        True
    """
    size = os.environ.get(CHUNK_ENV, "").strip()
    if size and not (size.isdigit() and int(size) > 0):
        raise UsageError(f"{CHUNK_ENV} must be a positive number of statements, got {size!r}")
    return Engine(kind=engine, jobs=jobs, scheduler=scheduler, chunk_size=int(size) if size else CHUNK_SIZE)


__all__ = ["CHUNK_ENV", "EngineOpt", "JobsOpt", "SchedulerOpt", "engine_of"]
