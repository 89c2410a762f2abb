"""Benchmark of corpus operations on a generated 1,000,000-statement corpus.

Prints, for each operation, the time, the goal and the ratio goal/measured (>= 1.0 meets
the goal), and the peak RSS of the process that ran it. Each operation runs in its own
subprocess; its peak RSS comes from ``os.wait4`` (the child and any workers it waited for).
References measured in the same run: interpreter start-up with the CLI imported, and a
plain stdlib ``json.loads`` of every line.

Usage:
    python tests/benchmarks/corpus_ops.py [--statements 1000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from rhetoric.corpus import init_corpus  # noqa: E402
from rhetoric.records import statement_id  # noqa: E402

SPEAKERS = [f"actor_{i:02d}" for i in range(48)] + ["zelensky", "putin"]
WORDS = (
    "the talks on a ceasefire and security guarantees for Ukraine must begin only after Russia withdraws "
    "its troops from occupied territory while NATO membership remains off the table for now and the "
    "allies discuss sanctions military aid peace deal negotiations border elections prisoners exchange"
).split()
ADDED_AT = "2026-01-01T00:00:00Z"


def generate(folder: Path, n: int) -> Path:
    """Write ``n`` canonical statement lines (about 440 bytes each) and the seed actors."""
    corpus = init_corpus(folder)
    shutil.copy(REPO_ROOT / "corpora" / "ukraine-nato" / "actors.toml", corpus.actors_path)
    rng = random.Random(1)
    with open(corpus.statements_path, "wb", buffering=16 * 1024 * 1024) as fh:
        for i in range(n):
            # The rare speaker only appears at the very end: a list for it scans the whole file.
            speaker = "kellogg" if i == n - 1 else rng.choice(SPEAKERS)
            date = f"{rng.randint(2014, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            text = " ".join(rng.choices(WORDS, k=45)).capitalize() + f" ({i})."
            record = {
                "id": statement_id(speaker, date, text),
                "speaker": speaker,
                "speaker_as_written": speaker.title(),
                "date": date,
                "date_qualifier": "",
                "text": text,
                "kind": "direct",
                "source": "Benchmark Times",
                "url": "",
                "document": "",
                "added_at": ADDED_AT,
                "note": "",
            }
            fh.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    return corpus.path


def run(args: list[str]) -> tuple[float, int, str]:
    """Run a subprocess; return wall seconds, peak RSS in MiB, stdout."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(args)}")
    return seconds, usage.ru_maxrss // 1024, out.decode()


def cli(corpus: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "rhetoric", *args, "--corpus", str(corpus)]


def worker(op: str, corpus_dir: str) -> None:
    """Time one library call in this process and print seconds as JSON (run as a subprocess)."""
    from rhetoric.corpus import Corpus, load_statements_frame, validate_corpus

    corpus = Corpus(corpus_dir)
    if op == "frame":
        import pandas  # noqa: F401  (import cost is paid once per process, not per statement)
        import pyarrow.json  # noqa: F401
    start = time.perf_counter()
    if op == "validate":
        report = validate_corpus(corpus)
        assert report.ok, report.problems[:3]
        count = report.statements
    elif op == "frame":
        count = len(load_statements_frame(corpus))
    elif op == "json-reference":
        with open(corpus.statements_path, "rb") as fh:
            count = sum(1 for line in fh if json.loads(line))
    else:
        raise SystemExit(f"unknown op {op}")
    print(json.dumps({"seconds": time.perf_counter() - start, "count": count}))


def report(name: str, measured: str, goal: str, ratio: float, rss: int) -> None:
    verdict = "meets goal" if ratio >= 1 else "BELOW goal"
    print(
        f"{name:<34} {measured:>16}  goal {goal:<10} ratio {ratio:5.2f}  {verdict:<10}  peak RSS {rss:4d} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder and keep it")
    parser.add_argument("--worker", nargs=2, metavar=("OP", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return

    tmp = None
    if args.keep:
        corpus = args.keep
        if not (corpus / "statements.jsonl").exists():
            generate(corpus, args.statements)
    else:
        tmp = tempfile.mkdtemp(prefix="rhetoric-bench-")
        corpus = Path(tmp) / "corpus"
        t = time.perf_counter()
        generate(corpus, args.statements)
        print(f"generated {args.statements:,} statements in {time.perf_counter() - t:.1f} s")
    try:
        n = sum(1 for _ in open(corpus / "statements.jsonl", "rb"))
        size = (corpus / "statements.jsonl").stat().st_size
        print(f"corpus: {n:,} statements, {size / 2**20:.0f} MiB; cpus: {os.cpu_count()}\n")
        me = [sys.executable, str(Path(__file__).resolve()), "--worker"]

        startup = statistics.median(run([sys.executable, "-c", "import rhetoric.cli"])[0] for _ in range(5))
        print(f"reference: interpreter start-up with the CLI imported: {startup:.3f} s")
        _, _, out = run([*me, "json-reference", str(corpus)])
        ref = json.loads(out)
        ref_rate = ref["count"] / ref["seconds"]
        print(f"reference: stdlib json.loads of every line: {ref_rate:,.0f} lines/s\n")

        times, rss = [], 0
        for i in range(20):
            seconds, peak, _ = run(
                cli(
                    corpus,
                    "add",
                    "--speaker",
                    "Zelenskyy",
                    "--date",
                    "2024-12-01",
                    "--text",
                    f"bench add {i}",
                )
            )
            times.append(seconds)
            rss = max(rss, peak)
        add = statistics.median(times)
        report("add (CLI, median of 20)", f"{add:.3f} s", "<= 0.5 s", 0.5 / add, rss)

        seconds, peak, out = run(
            cli(corpus, "list", "--speaker", "zelensky", "--limit", "20", "--format", "json")
        )
        assert len(json.loads(out)) == 20
        report("list --speaker X --limit 20 (CLI)", f"{seconds:.3f} s", "<= 2 s", 2 / seconds, peak)
        seconds, peak, out = run(
            cli(corpus, "list", "--speaker", "kellogg", "--limit", "20", "--format", "json")
        )
        assert len(json.loads(out)) == 1
        report("  worst case: full scan, 1 match", f"{seconds:.3f} s", "<= 2 s", 2 / seconds, peak)

        seconds, peak, _ = run(cli(corpus, "validate"))
        rate = n / seconds
        report("validate (CLI, wall)", f"{rate:,.0f} lines/s", ">= 200k/s", rate / 200_000, peak)
        _, peak, out = run([*me, "validate", str(corpus)])
        lib = json.loads(out)
        rate = lib["count"] / lib["seconds"]
        report("  validate_corpus() alone", f"{rate:,.0f} lines/s", ">= 200k/s", rate / 200_000, peak)
        print(f"{'':34} {rate / ref_rate:.2f}x the stdlib json.loads reference")

        _, peak, out = run([*me, "frame", str(corpus)])
        lib = json.loads(out)
        rate = lib["count"] / lib["seconds"]
        report("load_statements_frame()", f"{rate:,.0f} stmts/s", ">= 300k/s", rate / 300_000, peak)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
