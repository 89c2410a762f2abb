"""Benchmark of the engines: one process, ``--jobs 2``, a 2-worker Dask LocalCluster, and the cache.

Generates a corpus of N variants of the seed statements, then in one run:

1. analyses every statement with one process, with 2 local processes and with a Dask
   LocalCluster of 2 workers (cluster start-up timed apart), checks the analyses are
   identical, and prints times, statements per second and ratios to one process;
2. ``report`` after one ``add``: the report on the full corpus with an empty cache, then one
   statement added and the report again (cache warm), in-process, as wall times.

Ratios come from the same run (the machine is shared; absolute times swing with the load).

Usage:
    python tests/benchmarks/engines.py [--statements 20000] [--skip-dask] [--skip-cache]
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


def cache(root: Path) -> None:
    from rhetoric.reports.write import write_report
    from rhetoric.session import analyze_all

    out = root.parent / "reports"
    n = len(Corpus(root).statements())
    print(f"analysis cache on {n:,} statements, in-process, one process")
    cold, _ = timed(lambda: analyze_all(root))
    print(f"  analyze_all, empty cache       {cold:8.1f} s")
    add_statement(Corpus(root), speaker="zelensky", date="2026-02", text="We want a ceasefire, then talks.")
    warm, _ = timed(lambda: analyze_all(root))
    print(f"  analyze_all after one add      {warm:8.1f} s  ({cold / warm:.0f}x faster)")
    report, _ = timed(lambda: write_report(root, out_dir=out))
    print(f"  report (md + html), cache warm {report:8.1f} s  (rendering: {report - warm:.1f} s)")
    size = sum(p.stat().st_size for p in (root / ".cache").glob("analysis-*.jsonl"))
    print(f"  cache file                     {size / 1e6:8.1f} MB ({size / n:.0f} bytes/statement)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=20000)
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-cache", action="store_true")
    parser.add_argument("--skip-engines", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        t, _ = timed(lambda: build(root, args.statements))
        print(f"generated {args.statements:,} statements in {t:.1f} s")
        if not args.skip_engines:
            engines(root, args.statements, args.skip_dask)
        if not args.skip_cache:
            cache(root)


if __name__ == "__main__":
    main()
