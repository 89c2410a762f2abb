"""Statement-level precision and recall of the shipped codebook: self-written held-out set beside realdev.

Run from the repository root::

    python tests/benchmarks/codebook_heldout.py [--realdev DIR] [--folds 5] [--seed 0]

Batches a, b and c of ``tests/tagging/data/heldout.jsonl`` were written at different times; each was
scored before the codebook changes it prompted (see the closing notes), so the figures printed now
are development figures. They are sentences written by the same hand as the patterns, so they are
printed beside the real statements of ``../shared/realdev/`` (read, never copied; skipped when the
folder is absent), to keep the gap between the two visible:

- ``lexicon``: the codebook alone on every realdev statement;
- ``lexicon+model`` and ``model``: K-fold cross-validation over realdev (shuffled, seeded): the model
  is trained on the codebook examples, ``corpora/ukraine-nato/gold/heldout.jsonl`` and the realdev
  statements of the other folds, with its per-tag thresholds and ``near`` setting, and scored on the
  held-out fold only. ``model`` counts only what the model adds (the lexicon's own tags removed from
  both sides), the measure of whether it is worth running.

Counting is that of the shared ``score.py``: a required tag missed is a false negative, a predicted
tag neither required nor optional a false positive.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from rhetoric.tagging import load_tagger  # noqa: E402

CORPUS = REPO_ROOT / "corpora" / "ukraine-nato"
DEFAULT_REALDEV = REPO_ROOT.parent / "shared" / "realdev"


def _line(name: str, n: int, tp: int, fp: int, fn: int) -> str:
    p, r = tp / (tp + fp or 1), tp / (tp + fn or 1)
    return f"{name:<14} {n:>10} {p:>10.3f} {r:>8.3f} {2 * p * r / (p + r or 1):>6.3f}"


def heldout(tagger) -> None:
    """The self-written held-out statements, per batch."""
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
    print("self-written held-out set (tests/tagging/data/heldout.jsonl)")
    print(f"{'batch':<14} {'statements':>10} {'precision':>10} {'recall':>8} {'f1':>6}")
    for key in sorted(counts, key=lambda k: (k == "all", k)):
        tp, fp, fn, n = counts[key]
        print(_line(key, n, tp, fp, fn))


def load_realdev(folder: Path) -> list[dict]:
    """Realdev statements joined with their gold: ``id``, ``text``, ``tags``, ``optional_tags``."""
    gold = {}
    for line in (folder / "gold.jsonl").open(encoding="utf-8"):
        g = json.loads(line)
        gold[g["id"]] = g
    rows = []
    for line in (folder / "statements.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        g = gold[r["id"]]
        rows.append(
            {"id": r["id"], "text": r["text"], "tags": set(g["tags"]), "optional": set(g["optional_tags"])}
        )
    return rows


def _count(c: list[int], pred: set[str], row: dict, drop: set[str] = frozenset()) -> None:
    req, opt = row["tags"] - drop, row["optional"]
    pred = pred - drop
    c[0] += len(pred & req)
    c[1] += len(pred - req - opt)
    c[2] += len(req - pred)


def realdev(tagger, rows: list[dict], *, folds: int, seed: int) -> None:
    """Lexicon alone on all of realdev; lexicon+model and model additions by K-fold CV."""
    import numpy as np
    from sklearn.model_selection import KFold

    from rhetoric.learn.gold import GoldItem, ResolvedItem, load_gold, resolve_gold
    from rhetoric.learn.model import train_model
    from rhetoric.learn.predict import with_model_mentions

    codebook = tagger.codebook
    base = resolve_gold(load_gold(CORPUS / "gold" / "heldout.jsonl", tag_ids=codebook.tag_ids), None)
    lexicon = [tagger.tag(r["text"]) for r in rows]
    lex_c, both_c, add_c = [0, 0, 0], [0, 0, 0], [0, 0, 0]
    for r, ms in zip(rows, lexicon, strict=True):
        _count(lex_c, {m.tag for m in ms}, r)
    t0 = time.perf_counter()
    known = set(codebook.tag_ids)
    for train, test in KFold(folds, shuffle=True, random_state=seed).split(np.arange(len(rows))):
        items = [
            ResolvedItem(
                GoldItem(
                    line=i + 1,
                    statement_id=None,
                    text=rows[i]["text"],
                    tags=tuple(sorted(rows[i]["tags"] & known)),
                    optional_tags=tuple(sorted(rows[i]["optional"] & known)),
                ),
                None,
                rows[i]["text"],
                "realdev",
            )
            for i in train
        ]
        model = train_model(codebook, gold=[*base, *items], tagger=tagger, seed=seed)
        for i in test:
            ms = with_model_mentions(model, rows[i]["text"], lexicon[i])
            lex_tags = {m.tag for m in lexicon[i]}
            _count(both_c, {m.tag for m in ms}, rows[i])
            _count(add_c, {m.tag for m in ms}, rows[i], drop=lex_tags)
    elapsed = time.perf_counter() - t0
    print(
        f"\nrealdev ({len(rows)} real statements; model figures by {folds}-fold CV, seed {seed}, "
        f"{elapsed:.0f} s)"
    )
    print(f"{'system':<14} {'statements':>10} {'precision':>10} {'recall':>8} {'f1':>6}")
    print(_line("lexicon", len(rows), *lex_c))
    print(_line("lexicon+model", len(rows), *both_c))
    print(_line("model adds", len(rows), *add_c))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--realdev", type=Path, default=DEFAULT_REALDEV)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    tagger = load_tagger(CORPUS)
    heldout(tagger)
    if not (args.realdev / "gold.jsonl").is_file():
        print(f"\nno realdev set at {args.realdev}; realdev figures skipped")
        return
    realdev(tagger, load_realdev(args.realdev), folds=args.folds, seed=args.seed)


if __name__ == "__main__":
    main()
