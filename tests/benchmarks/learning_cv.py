"""Cross-validated per-tag F1 of the lexicon alone, the model alone and lexicon+model.

Data: the shipped codebook's example sentences (labelled as for training) plus the annotated
statements of ``corpora/ukraine-nato/gold/heldout.jsonl``. K-fold (default 5, shuffled with a
fixed seed): the model is trained on the other folds (codebook examples and gold that fall there)
and scored on the held-out fold; the lexicon needs no training and is scored on the same items.
Figures are statement-level F1 per tag (optional tags are neither FP nor FN), on all items and on
the gold statements alone (the lexicon was written against its own examples, so on those it is
right by construction).

Run: python tests/benchmarks/learning_cv.py [--folds 5] [--seed 0] [--threshold 0.5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.model_selection import KFold

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rhetoric.codebook import load_codebook  # noqa: E402
from rhetoric.learn.evaluate import Counts, macro, micro  # noqa: E402
from rhetoric.learn.gold import load_gold, resolve_gold  # noqa: E402
from rhetoric.learn.model import build_pipeline, training_set  # noqa: E402
from rhetoric.tagging import Tagger  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "ukraine-nato"


def _counts(pred: np.ndarray, gold: np.ndarray, care: np.ndarray) -> Counts:
    return Counts(
        tp=int((pred & gold & care).sum()),
        fp=int((pred & ~gold & care).sum()),
        fn=int((~pred & gold & care).sum()),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--c", type=float, default=None, help="override the regularisation strength")
    args = ap.parse_args()

    codebook = load_codebook(CORPUS / "codebook.toml")
    tagger = Tagger.from_codebook(codebook)
    gold_items = resolve_gold(load_gold(CORPUS / "gold" / "heldout.jsonl", tag_ids=codebook.tag_ids), None)
    data = training_set(codebook, gold=gold_items, tagger=tagger)
    tags = data.tag_ids
    n, k = len(data.texts), len(tags)
    gold = data.labels.astype(bool)
    # Optional tags of gold items are not scored; codebook examples have none.
    care = np.ones((n, k), dtype=bool)
    optional = {r.text: set(r.item.optional_tags) for r in gold_items}
    is_gold = np.array([t in optional for t in data.texts])
    for i, text in enumerate(data.texts):
        for j, t in enumerate(tags):
            if t in optional.get(text, ()):
                care[i, j] = False
    lexicon = np.zeros((n, k), dtype=bool)
    for i, text in enumerate(data.texts):
        for m in tagger.tag(text):
            lexicon[i, tags.index(m.tag)] = True

    model = np.zeros((n, k), dtype=bool)
    t0 = time.perf_counter()
    kwargs = {"seed": args.seed} | ({"c": args.c} if args.c is not None else {})
    for train, test in KFold(args.folds, shuffle=True, random_state=args.seed).split(data.texts):
        pipe = build_pipeline(**kwargs)
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pipe.fit([data.texts[i] for i in train], data.labels[train])
            proba = pipe.predict_proba([data.texts[i] for i in test])
        model[test] = proba >= args.threshold
    elapsed = time.perf_counter() - t0
    systems = {"lexicon": lexicon, "model": model, "both": lexicon | model}

    print(
        f"{args.folds}-fold CV, seed {args.seed}, threshold {args.threshold}: {n} items "
        f"({int((~is_gold).sum())} codebook examples, {int(is_gold.sum())} gold statements), "
        f"{args.folds} trainings in {elapsed:.1f} s"
    )
    for title, rows in (("all items", np.ones(n, bool)), ("gold statements only", is_gold)):
        per = {
            name: {t: _counts(p[rows, j], gold[rows, j], care[rows, j]) for j, t in enumerate(tags)}
            for name, p in systems.items()
        }
        print(f"\nPer-tag F1 ({title}, {int(rows.sum())} items)")
        print(f"{'tag':<24}{'support':>8}{'lexicon':>9}{'model':>9}{'both':>9}")
        for t in tags:
            sup = per["lexicon"][t].support
            cells = "".join(
                f"{'-' if per[s][t].f1 is None else format(per[s][t].f1, '.3f'):>9}" for s in systems
            )
            print(f"{t:<24}{sup:>8}{cells}")
        mi = {s: micro(per[s]) for s in systems}
        ma = {s: macro(per[s]) for s in systems}
        print(f"{'micro F1':<32}" + "".join(f"{mi[s].f1:>9.3f}" for s in systems))
        print(f"{'macro F1':<32}" + "".join(f"{ma[s]['f1']:>9.3f}" for s in systems))
        print(f"{'micro precision':<32}" + "".join(f"{mi[s].precision:>9.3f}" for s in systems))
        print(f"{'micro recall':<32}" + "".join(f"{mi[s].recall:>9.3f}" for s in systems))


if __name__ == "__main__":
    main()
