"""Statement-level precision and recall of the shipped codebook on the held-out statements, per batch.

Run from the repository root::

    python tests/benchmarks/codebook_heldout.py

Batches a, b and c of ``tests/tagging/data/heldout.jsonl`` were written at different times; each was
scored before the codebook changes it prompted (see the closing notes), so the figures printed now
are development figures.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from rhetoric.tagging import load_tagger  # noqa: E402


def main() -> None:
    tagger = load_tagger(REPO_ROOT / "corpora" / "ukraine-nato")
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp, fp, fn, statements
    for line in (REPO_ROOT / "tests" / "tagging" / "data" / "heldout.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        got, gold = {m.tag for m in tagger.tag(row["text"])}, set(row["tags"])
        for key in (row.get("batch", "?"), "all"):
            c = counts[key]
            c[0] += len(got & gold)
            c[1] += len(got - gold)
            c[2] += len(gold - got)
            c[3] += 1
    print(f"{'batch':<6} {'statements':>10} {'precision':>10} {'recall':>8} {'f1':>6}")
    for key in sorted(counts, key=lambda k: (k == "all", k)):
        tp, fp, fn, n = counts[key]
        p, r = tp / (tp + fp or 1), tp / (tp + fn or 1)
        print(f"{key:<6} {n:>10} {p:>10.3f} {r:>8.3f} {2 * p * r / (p + r or 1):>6.3f}")


if __name__ == "__main__":
    main()
