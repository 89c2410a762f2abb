"""Benchmark of start-up: wall time of short ``rhetoric`` commands against ``python -c pass``.

On a shared machine absolute times swing with the load, so every round runs the reference
(a bare interpreter) and each command back to back, and the script prints per-round times
and the median, minimum and maximum of each, and each command's time minus the reference's
in the same round (the cost that is rhetoric's own).

The first run of each command writes Python's bytecode caches (``__pycache__``), as an
installed package has them; the children run without ``PYTHONDONTWRITEBYTECODE`` for that.
``--no-bytecode`` measures the other case (every module compiled from source each run, as
under ``PYTHONDONTWRITEBYTECODE=1`` with no caches written before): it deletes the
worktree's ``rhetoric/**/__pycache__`` first.

Usage:
    python tests/benchmarks/startup.py [--rounds 5] [--no-bytecode]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def commands(out: Path) -> dict[str, list[str]]:
    """Name -> argv of each timed command (the reference first)."""
    rhetoric = [sys.executable, "-m", "rhetoric"]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        'rhetoric tag "a ceasefire"': [*rhetoric, "tag", "a ceasefire"],
        "rhetoric report (seed corpus)": [*rhetoric, "report", "--out", str(out)],
    }


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one run (CPU time suffers less from other users' load)."""
    cpu, start = _cpu(), time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, cwd=REPO_ROOT, env=env)
    return time.perf_counter() - start, _cpu() - cpu


def child_env(bytecode: bool) -> dict[str, str]:
    """The children's environment: bytecode caches written (as installed) or never."""
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        for cache in (REPO_ROOT / "rhetoric").rglob("__pycache__"):
            shutil.rmtree(cache)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-bytecode", action="store_true", help="compile every module from source each run")
    args = parser.parse_args()
    rounds = args.rounds
    env = child_env(not args.no_bytecode)
    with tempfile.TemporaryDirectory() as tmp:
        cmds = commands(Path(tmp) / "reports")
        for argv in cmds.values():  # warm the bytecode caches once (and the file system)
            timed(argv, env)
        times: dict[str, list[float]] = {name: [] for name in cmds}
        cpus: dict[str, list[float]] = {name: [] for name in cmds}
        for _ in range(rounds):
            for name, argv in cmds.items():
                wall, cpu = timed(argv, env)
                times[name].append(wall)
                cpus[name].append(cpu)
    load = os.getloadavg()
    print(f"bytecode caches: {'no (compiled each run)' if args.no_bytecode else 'yes'}; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    ref = times["python -c pass"]
    print(f"{'command':32} {'median':>7} {'min':>6} {'max':>6} {'minus pass':>11} {'CPU s':>6}")
    for name, ts in times.items():
        own = statistics.median(t - r for t, r in zip(ts, ref, strict=True))
        cpu = statistics.median(cpus[name])
        print(f"{name:32} {statistics.median(ts):7.2f} {min(ts):6.2f} {max(ts):6.2f} {own:11.2f} {cpu:6.2f}")


if __name__ == "__main__":
    main()
