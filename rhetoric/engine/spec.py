"""Which engine runs the analysis: a small frozen record, and the one in effect for a call.

The CLI sets the engine around a library call (``with use_engine(...)``) so that deep entry
points (``analyze_all`` under reports and exports) use it without every layer passing it on;
library callers may also pass ``engine=`` explicitly. The library default is one process.

Example:
    >>> Engine(jobs=0).workers() >= 1
    True
    >>> Engine(kind=EngineKind.DASK, scheduler="tcp://10.0.0.5:8786").describe()
    'dask (tcp://10.0.0.5:8786)'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum

from ..errors import UsageError

#: Statements per task sent to a worker: large enough that pickling and scheduling cost little
#: per statement, small enough that memory per worker stays bounded.
CHUNK_SIZE = 1000


class EngineKind(StrEnum):
    """Where the per-statement analysis runs."""

    LOCAL = "local"
    DASK = "dask"


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int | None) -> int:
    """Worker processes for ``--jobs``: None or 0 means every available core.

    Raises:
        UsageError: If ``jobs`` is negative.

    Example:
        >>> resolve_jobs(3)
        3
    """
    if jobs is None or jobs == 0:
        return available_cores()
    if jobs < 0:
        raise UsageError(f"--jobs must be 0 (all cores) or a positive number, got {jobs}")
    return jobs


@dataclass(frozen=True)
class Engine:
    """An engine choice.

    Attributes:
        kind: Local processes or a Dask cluster.
        jobs: Local worker processes (1: in this process; 0: every core). With Dask, the
            number of workers of the local cluster started when no scheduler is given.
        scheduler: Dask scheduler address (``tcp://host:8786``); None starts a LocalCluster.
        chunk_size: Statements per task.
    """

    kind: EngineKind = EngineKind.LOCAL
    jobs: int = 1
    scheduler: str | None = None
    chunk_size: int = CHUNK_SIZE

    def __post_init__(self) -> None:
        resolve_jobs(self.jobs)  # fail early on a negative count
        if self.chunk_size < 1:
            raise UsageError(f"chunk size must be positive, got {self.chunk_size}")
        if self.scheduler is not None and self.kind is not EngineKind.DASK:
            raise UsageError("--scheduler needs --engine dask")

    def workers(self) -> int:
        """The number of worker processes (``jobs`` resolved)."""
        return resolve_jobs(self.jobs)

    @property
    def in_process(self) -> bool:
        """Whether the analysis runs in this process (local engine, one job)."""
        return self.kind is EngineKind.LOCAL and self.workers() == 1

    def describe(self) -> str:
        """A short human description."""
        if self.kind is EngineKind.DASK:
            return f"dask ({self.scheduler or f'local cluster, {self.workers()} workers'})"
        return f"local ({self.workers()} process{'es' if self.workers() > 1 else ''})"


_IN_PROCESS = Engine()
_CURRENT: ContextVar[Engine | None] = ContextVar("rhetoric_engine", default=None)
# What the current ``use_engine`` block keeps open until it ends (a Dask client), by name.
_SCOPE: ContextVar[tuple[Engine, ExitStack, dict[str, object]] | None] = ContextVar(
    "rhetoric_engine_scope", default=None
)


def current_engine() -> Engine:
    """The engine in effect (one process unless a caller chose another)."""
    return _CURRENT.get() or _IN_PROCESS


@contextmanager
def use_engine(engine: Engine) -> Iterator[Engine]:
    """Run the body with ``engine`` as the current engine."""
    token = _CURRENT.set(engine)
    stack = ExitStack()
    scope = _SCOPE.set((engine, stack, {}))
    try:
        with stack:
            yield engine
    finally:
        _SCOPE.reset(scope)
        _CURRENT.reset(token)


@contextmanager
def engine_resource(engine: Engine, name: str, open_: Callable[[], AbstractContextManager]) -> Iterator[object]:
    """A resource of ``engine`` (a Dask client) opened once per ``use_engine`` block.

    Inside a block for this engine the resource opened by ``open_()`` stays open for the
    block's later steps (the analysis, then the shift stage, share one cluster) and closes
    when the block ends; outside one it is opened and closed around the caller's body.
    """
    scope = _SCOPE.get()
    if scope is None or scope[0] != engine:
        with open_() as resource:
            yield resource
        return
    _, stack, resources = scope
    if name not in resources:
        resources[name] = stack.enter_context(open_())
    yield resources[name]


__all__ = [
    "CHUNK_SIZE",
    "Engine",
    "EngineKind",
    "available_cores",
    "current_engine",
    "engine_resource",
    "resolve_jobs",
    "use_engine",
]
