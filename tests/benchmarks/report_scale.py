"""Benchmark of ``rhetoric report`` and ``rhetoric export`` on a generated corpus of N statements.

The corpus repeats the seed statements with varied dates and a variant number (so every id
differs) over the seed's actors. Prints wall time per operation, per-statement cost, output
sizes, and the ratio to the reference measured in the same run: the same operation on the
13-statement seed corpus (mostly interpreter and import start-up).

Usage:
    python tests/benchmarks/report_scale.py [--statements 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from rhetoric.corpus import add_statements, init_corpus  # noqa: E402

SEED = REPO_ROOT / "corpora" / "ukraine-nato"


def build(root: Path, n: int) -> Path:
    """A corpus of ``n`` variants of the seed statements."""
    corpus = init_corpus(root)
    for name in ("actors.toml", "codebook.toml"):
        shutil.copy(SEED / name, root / name)
    seed = [json.loads(line) for line in (SEED / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    rng = random.Random(7)
    rows = []
    for i in range(n):
        row = dict(rng.choice(seed))
        row.pop("id")
        row["text"] = f"{row['text']} (variant {i})"
        row["date"] = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}"
        rows.append(row)
    add_statements(corpus, rows, added_at="2026-01-01T00:00:00Z")
    return root


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "rhetoric", *args], check=True, capture_output=True, cwd=REPO_ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=2000)
    n = parser.parse_args().statements
    with tempfile.TemporaryDirectory() as tmp:
        big = build(Path(tmp) / "big", n)
        out = Path(tmp) / "out"
        print(f"{'operation':<28}{'seed (13)':>12}{f'N={n}':>12}{'ms/stmt':>10}{'ratio':>8}")
        for name, args in (
            ("report (html+md)", ["report", "--out", str(out)]),
            ("export all (csv)", ["export", "--out", str(out)]),
            ("export all (parquet)", ["export", "--out", str(out), "--format", "parquet"]),
        ):
            ref = timed([*args, "--corpus", str(SEED)])
            big_t = timed([*args, "--corpus", str(big)])
            per = (big_t - ref) / n * 1000
            print(f"{name:<28}{ref:>11.2f}s{big_t:>11.2f}s{per:>10.2f}{big_t / ref:>8.1f}")
        sizes = {p.name: p.stat().st_size for p in sorted(out.iterdir())}
        print("output sizes (N):", ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sizes.items()))


if __name__ == "__main__":
    main()
