"""Benchmark of the engines: one process, ``--jobs 2``, a 2-worker Dask LocalCluster, and the cache.

Generates a corpus of N variants of the seed statements, then in one run:

1. analyses every statement with one process, with 2 local processes and with a Dask
   LocalCluster of 2 workers (cluster start-up timed apart), ``--rounds`` times interleaved;
   checks the analyses are identical to one process's, and prints for each: wall time,
   statements per second, the wall ratio to one process, the parent's CPU time (the serial
   part: sending chunks, receiving and unpacking results, for Dask also the scheduler), the
   workers' CPU time (local pool: reaped children; Dask: workers and nannies), the load
   average, and a *CPU-bound ratio*: one process's CPU time over what the run needs on two
   idle cores, max(total CPU / 2, parent CPU). On a shared machine wall ratios swing with
   the load; the CPU figures are the steadier ones;
2. ``report`` after one ``add``: ``analyze_all`` with empty caches; one statement added and the
   report with the analyses cached but no timeline cache (as before the timeline cache); one
   more added and ``analyze_all``; one more and the report with both caches; the report again
   with nothing changed; wall and CPU seconds, in-process, and the cache files' sizes.

Ratios come from the same run (the machine is shared; absolute times swing with the load).

Usage:
    python tests/benchmarks/engines.py [--statements 20000] [--rounds 1] [--skip-dask] [--skip-cache]
        [--skip-engines] [--profile]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
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


def _children_cpu() -> float:
    """CPU seconds of this process's finished (reaped) child processes: the local pool's workers."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _dask_cpu(client) -> float:
    """CPU seconds used so far by the Dask workers and their nannies (all processes of the cluster)."""
    total = sum(client.run(time.process_time).values())
    try:
        total += sum(client.run(time.process_time, nanny=True).values())
    except TypeError:  # an older distributed without nanny=True
        pass
    return total


def measure(label: str, fn, workers_cpu, n: int, base: dict | None) -> dict:
    """Run ``fn`` once: wall, parent CPU, workers' CPU, load average; print one line."""
    load = os.getloadavg()[0]
    w0, p0, c0 = time.perf_counter(), time.process_time(), workers_cpu()
    result = fn()
    wall, parent, workers = time.perf_counter() - w0, time.process_time() - p0, workers_cpu() - c0
    row = {"label": label, "wall": wall, "parent": parent, "workers": workers, "result": result}
    row["load"] = (load + os.getloadavg()[0]) / 2
    if base is None:
        ratio = cpu_ratio = 1.0
        note = ""
    else:
        ratio = base["wall"] / wall
        # What 2 idle cores would give: the run needs at least total CPU / 2 of wall time, and
        # at least the parent's CPU time (one process, the serial part). Idle waits not counted.
        cpu_ratio = base["parent"] / max((parent + workers) / 2, parent)
        same = "identical" if result == base["result"] else "DIFFERENT"
        note = f"output {same}"
    row["ratio"], row["cpu_ratio"] = ratio, cpu_ratio
    print(
        f"  {label:<17}{wall:8.1f} s wall {n / wall:7.0f}/s {ratio:5.2f}x | parent cpu {parent:7.1f} s"
        f" ({100 * parent / (base or row)['parent']:4.1f}% of 1 process) workers cpu {workers:7.1f} s"
        f" | cpu-bound {cpu_ratio:4.2f}x | load {row['load']:4.1f}  {note}",
        flush=True,
    )
    return row


def engines(root: Path, n: int, skip_dask: bool, rounds: int = 1) -> None:
    """The analysis of every statement by each engine, ``rounds`` times interleaved."""
    statements = Corpus(root).statements()
    recipe = AnalyzerRecipe.of(root)
    analyzer = recipe.build()
    print(f"analysis of {n:,} statements (cache not involved); load average {os.getloadavg()}")
    client = None
    with ExitStack() as stack:
        if not skip_dask:
            from rhetoric.engine.dask import dask_client

            engine = Engine(kind=EngineKind.DASK, jobs=2)
            t_start, client = timed(lambda: stack.enter_context(dask_client(engine)))
            # Run on the already started cluster: pass its address as a scheduler would be given.
            remote = Engine(kind=EngineKind.DASK, scheduler=client.scheduler.address)
            print(f"  (Dask LocalCluster of 2 workers started in {t_start:.1f} s, not in the times below)")
        rows: dict[str, list[dict]] = {}
        for r in range(rounds):
            if rounds > 1:
                print(f" round {r + 1}")
            base = measure(
                "1 process",
                lambda: list(analyze_statements(statements, recipe=recipe, engine=Engine(), analyzer=analyzer)),
                lambda: 0.0, n, None,
            )
            rows.setdefault("1 process", []).append(base)
            two = measure(
                "--jobs 2",
                lambda: list(analyze_statements(statements, recipe=recipe, engine=Engine(jobs=2))),
                _children_cpu, n, base,
            )
            rows.setdefault("--jobs 2", []).append(two)
            if client is not None:
                dask = measure(
                    "dask, 2 workers",
                    lambda: list(analyze_statements(statements, recipe=recipe, engine=remote)),
                    lambda: _dask_cpu(client), n, base,
                )
                rows.setdefault("dask, 2 workers", []).append(dask)
                base["result"] = two["result"] = dask["result"] = None
    print(" summary (median over rounds):")
    for label, got in rows.items():
        wall = statistics.median(x["ratio"] for x in got)
        cpu = statistics.median(x["cpu_ratio"] for x in got)
        parent = statistics.median(x["parent"] for x in got)
        print(f"  {label:<17} wall ratio {wall:4.2f}x  cpu-bound ratio {cpu:4.2f}x  parent cpu {parent:6.1f} s")
    if client is not None:
        print(f"  dask with its cluster start: {rows['1 process'][-1]['wall'] / (rows['dask, 2 workers'][-1]['wall'] + t_start):.2f}x")


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
    for kind in ("statements", "analysis", "timelines"):
        size = sum(p.stat().st_size for p in folder.glob(f"{kind}-*.jsonl"))
        print(f"  {kind} cache file  {size / 1e6:8.1f} MB ({size / n:.0f} bytes/statement)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=20000)
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--rounds", type=int, default=1, help="interleaved rounds of the three engines")
    parser.add_argument("--skip-cache", action="store_true")
    parser.add_argument("--skip-engines", action="store_true")
    parser.add_argument("--profile", action="store_true", help="profile the report after one add")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        t, _ = timed(lambda: build(root, args.statements))
        print(f"generated {args.statements:,} statements in {t:.1f} s")
        if not args.skip_engines:
            engines(root, args.statements, args.skip_dask, args.rounds)
        if not args.skip_cache:
            cache(root, args.profile)


if __name__ == "__main__":
    main()
