"""Benchmark of ``rhetoric export all`` at scale: wall time, statements per second and peak RSS.

Generates a corpus of N variants of the seed statements (``report_scale.build``), or takes one
already generated (``--corpus``: generating a million statements takes a quarter of an hour),
then runs ``rhetoric export all`` in a child process and reads its peak resident set size
with ``resource.getrusage(RUSAGE_CHILDREN)`` (the largest of the child and its worker
processes). The analysis cache is off (``RHETORIC_CACHE=0``: the cold figure) unless
``--cache`` is given.

Usage:
    python tests/benchmarks/export_scale.py --statements 100000 [--corpus DIR] [--format csv]
        [--jobs 0] [--cache] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from tests.benchmarks.report_scale import build  # noqa: E402


def export(corpus: Path, out: Path, *, fmt: str, jobs: int, cache: bool) -> tuple[float, float, int, str]:
    """Run ``rhetoric export all`` in a child process: wall and CPU seconds, peak RSS in bytes, its output."""
    env = {**os.environ, "RHETORIC_CACHE": "1" if cache else "0"}
    cmd = [sys.executable, "-m", "rhetoric", "export", "all", "--corpus", str(corpus), "--out", str(out)]
    cmd += ["--format", fmt, "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"export failed ({done.returncode}):\n{done.stderr}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = usage.ru_maxrss * 1024  # kilobytes on Linux
    return wall, usage.ru_utime + usage.ru_stime, peak, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--corpus", type=Path, help="a corpus already generated with --statements N")
    parser.add_argument("--format", default="csv", choices=["csv", "jsonl", "parquet"])
    parser.add_argument("--jobs", type=int, default=0, help="0: every core (the CLI default)")
    parser.add_argument("--cache", action="store_true", help="leave the analysis cache on")
    parser.add_argument("--out", type=Path, help="export folder (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp) / "corpus"
            start = time.perf_counter()
            build(corpus, args.statements)
            print(f"generated {args.statements:,} statements in {time.perf_counter() - start:.1f} s")
        n = sum(1 for line in open(corpus / "statements.jsonl", "rb") if line.strip())
        out = args.out or Path(tmp) / "out"
        wall, cpu, peak, stdout = export(corpus, out, fmt=args.format, jobs=args.jobs, cache=args.cache)
        print(stdout, end="")
        size = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
        cache = "on" if args.cache else "off (cold)"
        print(f"export all, {n:,} statements, --format {args.format}, --jobs {args.jobs}, analysis cache {cache}")
        print(f"  wall time     {wall:10.1f} s")
        print(f"  CPU time      {cpu:10.1f} s (the export process and its workers: steadier on a shared machine)")
        print(f"  throughput    {n / wall:10.0f} statements/s")
        print(f"  peak RSS      {peak / 2**20:10.0f} MB (largest of the export process and its workers)")
        print(f"  files         {size / 1e6:10.1f} MB")


if __name__ == "__main__":
    main()
