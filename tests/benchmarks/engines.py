"""Benchmark of the engines: one process, ``--jobs 2``, a 2-worker Dask LocalCluster, and the cache.

Generates a corpus of N variants of the seed statements, then in one run:

1. analyses every statement with one process, with 2 local processes and with a Dask
   LocalCluster of 2 workers (cluster start-up timed apart), checks the analyses are
   identical, and prints times, statements per second and ratios to one process;
2. ``report`` after one ``add``: ``analyze_all`` with empty caches; one statement added and the
   report with the analyses cached but no timeline cache (as before the timeline cache); one
   more added and ``analyze_all``; one more and the report with both caches; the report again
   with nothing changed; wall and CPU seconds, in-process, and the cache files' sizes.

Ratios come from the same run (the machine is shared; absolute times swing with the load).

Usage:
    python tests/benchmarks/engines.py [--statements 20000] [--skip-dask] [--skip-cache] [--skip-engines] [--profile]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from rhetoric.corpus import add_statement  # noqa: E402
from rhetoric.corpus.store import Corpus  # noqa: E402
from rhetoric.engine import Engine, EngineKind  # noqa: E402
from rhetoric.engine.local import AnalyzerRecipe, analyze_statements  # noqa: E402
from tests.benchmarks.report_scale import build  # noqa: E402


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def engines(root: Path, n: int, skip_dask: bool) -> None:
    statements = Corpus(root).statements()
    recipe = AnalyzerRecipe.of(root)
    analyzer = recipe.build()
    print(f"analysis of {n:,} statements (cache not involved)")
    t1, one = timed(lambda: list(analyze_statements(statements, recipe=recipe, engine=Engine(), analyzer=analyzer)))
    print(f"  1 process        {t1:8.1f} s  {n / t1:8.0f} statements/s  1.00x")
    t2, two = timed(lambda: list(analyze_statements(statements, recipe=recipe, engine=Engine(jobs=2))))
    same = "identical" if two == one else "DIFFERENT"
    print(f"  --jobs 2         {t2:8.1f} s  {n / t2:8.0f} statements/s  {t1 / t2:.2f}x  output {same}")
    if skip_dask:
        return
    from rhetoric.engine.dask import dask_client
    from rhetoric.engine.local import analyze_chunk, map_chunks

    engine = Engine(kind=EngineKind.DASK, jobs=2)
    start = time.perf_counter()
    with dask_client(engine) as client:
        t_start = time.perf_counter() - start
        # Run on the already started cluster: pass its address as a scheduler would be given.
        remote = Engine(kind=EngineKind.DASK, scheduler=client.scheduler.address)
        chunks = [statements[i : i + remote.chunk_size] for i in range(0, n, remote.chunk_size)]
        td, parts = timed(lambda: list(map_chunks(analyze_chunk, chunks, recipe=recipe, engine=remote)))
    dask_out = [a for part in parts for a in part]
    same = "identical" if dask_out == one else "DIFFERENT"
    print(f"  dask, 2 workers  {td:8.1f} s  {n / td:8.0f} statements/s  {t1 / td:.2f}x  output {same}")
    print(f"  (LocalCluster start-up {t_start:.1f} s, not included; with it {t1 / (td + t_start):.2f}x)")


def _timed_both(fn):
    """Wall and CPU seconds of ``fn()`` (on a shared machine CPU time is the steadier figure)."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def cache(root: Path, profile: bool = False) -> None:
    from rhetoric.reports.write import write_report
    from rhetoric.session import analyze_all

    out = root.parent / "reports"
    n = len(Corpus(root).statements())
    folder = root / ".cache"

    def add(i: int) -> None:
        add_statement(Corpus(root), speaker="zelensky", date=f"2026-0{i}", text="We want a ceasefire, then talks.")

    def line(label: str, wall: float, cpu: float, note: str = "") -> None:
        print(f"  {label:<44} {wall:8.2f} s wall {cpu:8.2f} s cpu  {note}")

    print(f"analysis and timeline caches on {n:,} statements, in-process, one process")
    cold = _timed_both(lambda: analyze_all(root))
    line("analyze_all, empty caches", *cold)
    add(1)
    for stale in folder.glob("timelines-*.jsonl"):
        stale.unlink()  # as before the timeline cache: analyses cached, every timeline built
    line("report after one add, analyses cached only", *_timed_both(lambda: write_report(root, out_dir=out)))
    add(2)
    line("analyze_all after one add", *_timed_both(lambda: analyze_all(root)))
    add(3)
    after = _timed_both(lambda: write_report(root, out_dir=out))
    line("report after one add (both caches)", *after, f"{cold[1] / after[1]:.0f}x less cpu than cold")
    line("report again, nothing changed", *_timed_both(lambda: write_report(root, out_dir=out)))
    if profile:
        import cProfile
        import pstats

        add(4)
        prof = cProfile.Profile()
        prof.runcall(write_report, root, out_dir=out)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(35)
    for kind in ("analysis", "timelines"):
        size = sum(p.stat().st_size for p in folder.glob(f"{kind}-*.jsonl"))
        print(f"  {kind} cache file  {size / 1e6:8.1f} MB ({size / n:.0f} bytes/statement)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=20000)
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-cache", action="store_true")
    parser.add_argument("--skip-engines", action="store_true")
    parser.add_argument("--profile", action="store_true", help="profile the report after one add")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        t, _ = timed(lambda: build(root, args.statements))
        print(f"generated {args.statements:,} statements in {t:.1f} s")
        if not args.skip_engines:
            engines(root, args.statements, args.skip_dask)
        if not args.skip_cache:
            cache(root, args.profile)


if __name__ == "__main__":
    main()
