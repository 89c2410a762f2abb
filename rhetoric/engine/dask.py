"""The Dask engine: the per-statement analysis over the workers of a Dask cluster.

The client streams the corpus in chunks (partitions of ``chunk_size`` statements), submits
each to the cluster, pickled by the client (the scheduler passes the bytes on), with the
small :class:`~rhetoric.engine.local.AnalyzerRecipe`, and keeps two chunks per worker in
flight; every worker builds the analyzer once (from the corpus path, so workers must see
the corpus folder at the same path and run the same rhetoric) and results come back
packed (:func:`~rhetoric.engine.local.pack_analyses`) in corpus order, so exports are
byte-identical to the local engine.
Without ``--scheduler`` a LocalCluster of ``--jobs`` worker processes is started and shut
down afterwards. Needs the ``dask`` extra (``pip install 'rhetoric[dask]'``); ``dask`` is
imported only here, only when this engine is chosen.

Example:
    >>> from rhetoric.engine import Engine, EngineKind, use_engine  # doctest: +SKIP
    >>> from rhetoric.session import analyze_all  # doctest: +SKIP
    >>> with use_engine(Engine(kind=EngineKind.DASK, jobs=2)):  # doctest: +SKIP
    ...     ca = analyze_all("corpora/ukraine-nato")
"""

from __future__ import annotations

import logging
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import EngineError
from .local import AnalyzerRecipe
from .spec import Engine, engine_resource

#: Seconds to wait for a scheduler given with ``--scheduler``.
CONNECT_TIMEOUT = 20

#: Worker settings for pure-Python tasks: the event loop's 20 ms tick, the 10 ms statistical
#: profiler and the 0.5 s monitors all take the GIL from the running task. Measured here, a
#: 500-statement chunk took ~10 s per worker with Dask's defaults and ~7 s with these (a plain
#: process: ~6.5 s). Put the same in the workers' dask config on a real cluster (docs/engines.md).
QUIET_WORKERS = {
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.worker.memory.monitor-interval": "5s",
}


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise EngineError(
            "--engine dask needs Dask, which is not installed",
            hint="install the extra: pip install 'rhetoric[dask]' (or use the local engine with --jobs)",
        ) from None
    return distributed


@contextmanager
def dask_client(engine: Engine) -> Iterator[Any]:
    """A ``distributed.Client`` for the engine: its scheduler, or a LocalCluster closed afterwards.

    Raises:
        EngineError: If Dask is missing or the scheduler cannot be reached.
    """
    distributed = _distributed()
    if engine.scheduler is not None:
        try:
            client = distributed.Client(engine.scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(
                f"cannot reach the Dask scheduler {engine.scheduler!r}: {exc}",
                hint="check the address (tcp://host:8786) and that `dask scheduler` runs there",
            ) from None
        with client:
            yield client
        return
    import dask

    with dask.config.set(QUIET_WORKERS):  # the nannies hand this config to their workers
        cluster = distributed.LocalCluster(
            n_workers=engine.workers(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    with cluster, distributed.Client(cluster) as client:
        yield client


def run_pickled(task: Callable[[AnalyzerRecipe, list[Any]], Any], recipe: AnalyzerRecipe, blob: bytes) -> Any:
    """``task(recipe, chunk)`` on a worker, the chunk sent pickled (see :func:`map_chunks_dask`)."""
    return task(recipe, pickle.loads(blob))


def map_chunks_dask(
    task: Callable[[AnalyzerRecipe, list[Any]], list[Any]],
    chunks: Iterable[list[Any]],
    *,
    recipe: AnalyzerRecipe,
    engine: Engine,
) -> Iterator[list[Any]]:
    """Run ``task(recipe, chunk)`` on the cluster for each chunk; yield the results in input order.

    Within one ``use_engine`` block every call shares one client (and its LocalCluster).
    """
    with engine_resource(engine, "dask-client", lambda: dask_client(engine)) as client:
        workers = max(1, len(client.nthreads()))
        pending: deque[Any] = deque()
        for chunk in chunks:
            # Pickled here: the scheduler (in this process for a LocalCluster) passes bytes on
            # instead of unpickling the statements and pickling them again for the worker.
            blob = pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)
            pending.append(client.submit(run_pickled, task, recipe, blob, pure=False))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


__all__ = ["CONNECT_TIMEOUT", "QUIET_WORKERS", "dask_client", "map_chunks_dask", "run_pickled"]
