"""Benchmark of ``rhetoric report`` and ``rhetoric export`` on a generated corpus of N statements.

The corpus repeats the seed statements with varied dates and a variant number (so every id
differs) over the seed's actors. Prints wall time per operation, per-statement cost, output
sizes, and the ratio to the reference measured in the same run: the same operation on the
13-statement seed corpus (mostly interpreter and import start-up).

The in-process part (wall and CPU seconds: on a shared machine the CPU time is the steadier
figure) separates the analysis (tagging, frames, stances, timelines: shared with
export) from the report's own cost (collecting positions and notable shifts, rendering HTML and
Markdown), with the size of each file.

Usage:
    python tests/benchmarks/report_scale.py [--statements 2000] [--stages-only] [--analysis-cache FILE]
"""

from __future__ import annotations

import argparse
import json
import pickle
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


def stages(corpus: Path, cache: Path | None = None) -> dict[str, float]:
    """Seconds per stage of the report, in this process, and the sizes of the two files.

    With ``cache``, the analysis is pickled there on the first run and loaded on later ones (its
    time is then the loading time: re-measure the rendering without analysing again).
    """
    from rhetoric.reports.collect import report_data
    from rhetoric.reports.html import report_html
    from rhetoric.reports.markdown import report_markdown
    from rhetoric.session import Session

    out: dict[str, float] = {}
    start, cpu = time.perf_counter(), time.process_time()
    if cache is not None and cache.exists():
        ca = pickle.loads(cache.read_bytes())
    else:
        ca = Session.open(corpus).corpus_analysis()
        if cache is not None:
            sys.setrecursionlimit(max(sys.getrecursionlimit(), 100_000))
            cache.write_bytes(pickle.dumps(ca))
    out["analysis"], out["analysis cpu"] = time.perf_counter() - start, time.process_time() - cpu
    results = {}
    for name, step in (
        ("collect", lambda: report_data(ca)),
        ("html", lambda: report_html(results["collect"])),
        ("markdown", lambda: report_markdown(results["collect"])),
    ):
        start, cpu = time.perf_counter(), time.process_time()
        results[name] = step()
        out[name], out[f"{name} cpu"] = time.perf_counter() - start, time.process_time() - cpu
    page, md = results["html"], results["markdown"]
    out["render (collect+html+md)"] = out["collect"] + out["html"] + out["markdown"]
    out["render cpu"] = out["collect cpu"] + out["html cpu"] + out["markdown cpu"]
    out["html MB"] = len(page.encode("utf-8")) / 1e6
    out["md MB"] = len(md.encode("utf-8")) / 1e6
    return out


def print_stages(n: int, big: Path, cache: Path | None = None) -> None:
    ref, got = stages(SEED), stages(big, cache)
    print(f"{'stage (in process)':<28}{'seed (13)':>12}{f'N={n}':>12}{'ms/stmt':>10}{'ratio':>8}")
    for name in ref:
        if name.endswith("MB"):
            print(f"{name:<28}{ref[name]:>11.3f} {got[name]:>11.3f} {'':>10}{got[name] / ref[name]:>8.1f}")
        else:
            per = (got[name] - ref[name]) / n * 1000
            print(f"{name:<28}{ref[name]:>11.3f}s{got[name]:>11.3f}s{per:>10.3f}{got[name] / ref[name]:>8.1f}")


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "rhetoric", *args], check=True, capture_output=True, cwd=REPO_ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=2000)
    parser.add_argument("--stages-only", action="store_true", help="only the in-process stages")
    parser.add_argument(
        "--analysis-cache", type=Path, help="pickle of the N-statement analysis: written once, then reused"
    )
    args = parser.parse_args()
    n = args.statements
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.analysis_cache
        big = SEED if cache is not None and cache.exists() else build(Path(tmp) / "big", n)
        print_stages(n, big, cache)
        if args.stages_only or cache is not None:  # a cached analysis has no corpus to run commands on
            return
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
