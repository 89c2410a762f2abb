"""Could a learned verdict beat the rules? Leave-one-out figures on the realdev shift pairs.

The verdict rules (:mod:`rhetoric.shifts.verdict`) are a short hand-written list. This script
asks whether a classifier trained on the coders' verdicts would do better, scored honestly:
leave-one-out over the 87 pairs (each pair predicted by a model that never saw it), seeded.
Features: the counts of each change-event type of the tool's comparison, the commitment of each
side, the numbers of items added, dropped and kept, the rules' own verdict, and optionally the
words of both statements (tf-idf). A pair is right as in ``score.py``: the gold items found and
the verdict among the coders'.

Usage (from the project root, ``../shared/realdev`` beside it)::

    python tests/benchmarks/verdict_cv.py [--realdev ../shared/realdev]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

VERDICTS = ("unchanged", "hardened", "softened", "reframed", "mixed", "reversed", "no_position")
RANK = {"hedged": 0, "open": 1, "firm": 2}


def features(c: dict, event_types: list[str]) -> list[float]:
    """One pair's numeric features from its shift."""
    n = Counter(e["type"] for e in c["events"])
    return [
        *(n[t] for t in event_types),
        RANK.get(c["commitment_from"], -1),
        RANK.get(c["commitment_to"], -1),
        len(c["added"]),
        len(c["dropped"]),
        len(c["kept"]),
        *(float(c["verdict"] == v) for v in VERDICTS),
    ]


def loo(rows: list[tuple[dict, dict]], texts: dict[str, str], *, words: bool) -> int:
    """Pairs right under leave-one-out with a seeded logistic regression."""
    import numpy as np
    from pairs_oracle import items_right
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import LeaveOneOut

    types = sorted({e["type"] for _, c in rows for e in c["events"]})
    x = np.array([features(c, types) for _, c in rows], float)
    y = np.array([pr["verdict_ok"][0] for pr, _ in rows])
    docs = [texts[pr["from"]] + " ||| " + texts[pr["to"]] for pr, _ in rows]
    good = 0
    for train, test in LeaveOneOut().split(x):
        x_train, x_test = csr_matrix(x[train]), csr_matrix(x[test])
        if words:
            tv = TfidfVectorizer(min_df=2)
            x_train = hstack([x_train, tv.fit_transform([docs[i] for i in train])])
            x_test = hstack([x_test, tv.transform([docs[i] for i in test])])
        model = LogisticRegression(max_iter=2000, random_state=0).fit(x_train, y[train])
        pr, c = rows[test[0]]
        good += items_right(pr, c) and model.predict(x_test)[0] in pr["verdict_ok"]
    return good


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--realdev", type=Path, default=ROOT / ".." / "shared" / "realdev")
    args = ap.parse_args()
    if not (args.realdev / "pairs.jsonl").exists():
        sys.exit(f"no realdev at {args.realdev}")
    from pairs_oracle import compare_pairs, items_right

    rows = compare_pairs(args.realdev)
    texts = {r["id"]: r["text"] for r in map(json.loads, open(args.realdev / "statements.jsonl", encoding="utf-8"))}
    rules = sum(items_right(pr, c) and c["verdict"] in pr["verdict_ok"] for pr, c in rows)
    print(f"verdict rules (nothing learned)       {rules}/{len(rows)}")
    print(f"learned, events, leave-one-out        {loo(rows, texts, words=False)}/{len(rows)}")
    print(f"learned, events + words, leave-one-out {loo(rows, texts, words=True)}/{len(rows)}")


if __name__ == "__main__":
    main()
