"""Engines: where the per-statement analysis runs (this process, all local cores, a Dask cluster).

The analysis of one statement depends only on that statement, the codebook and the
language data, so it can run anywhere and in any order; results are put back in corpus
order, which keeps every output byte-identical to a one-process run.

Example:
    >>> from rhetoric.engine import Engine, use_engine, current_engine
    >>> with use_engine(Engine(jobs=2)):
    ...     current_engine().jobs
    2
    >>> current_engine().jobs
    1
"""

from __future__ import annotations

from .spec import Engine, EngineKind, current_engine, resolve_jobs, use_engine

__all__ = ["Engine", "EngineKind", "current_engine", "resolve_jobs", "use_engine"]
