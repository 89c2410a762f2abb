"""Learned fallback, 5-fold cross-validated on realdev: rules alone vs rules+fallback, per fold and overall.

The statements are split into 5 folds (seeded shuffle); for each fold the fallback is trained on
the other four and scored on this one, so no statement is ever scored by a model that saw it.
Frame role pairs and speaker stances are counted as ``../shared/realdev/score.py`` counts them
(:mod:`rhetoric.learn.evaluate_claims`); "overall" sums the counts of the five folds.

Run from the project root::

    python tests/benchmarks/fallback_cv.py [--realdev DIR] [--folds 5] [--seed 0] [--threshold 0.6]

It reads the real statements from ``../shared/realdev/`` and writes only to a temporary folder;
no model is saved.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.realdev import DEFAULT_REALDEV, build_corpus  # noqa: E402


def _fmt(c) -> str:
    p, r, f = (0.0 if v is None else v for v in (c.precision, c.recall, c.f1))
    return f"P={p:.3f} R={r:.3f} F1={f:.3f} (tp {c.tp} fp {c.fp} fn {c.fn})"


def cross_validate(realdev: Path, template: Path, *, folds: int, seed: int, threshold: float) -> list[tuple]:
    """Per fold: ``(fold, rules result, rules+fallback result)`` (ClaimResult of the held-out statements)."""
    from sklearn.model_selection import KFold

    from rhetoric.analyzer import Analyzer
    from rhetoric.corpus.store import Corpus
    from rhetoric.learn.evaluate_claims import score_claims
    from rhetoric.learn.fallback import Examples, train_fallback
    from rhetoric.learn.gold import load_resolved

    with tempfile.TemporaryDirectory(prefix="rh-cv-") as tmp:
        corpus_dir, _sid = build_corpus(realdev, template, Path(tmp))
        analyzer = Analyzer.for_corpus(corpus_dir)
        corpus = Corpus(corpus_dir)
        _gold, items = load_resolved(realdev / "gold.jsonl", corpus_dir, tag_ids=analyzer.codebook.tag_ids)
        rows = []
        for r in items:
            statement = corpus.get(r.statement_id) if r.statement_id else None
            a = analyzer.analyze(statement) if statement else analyzer.analyze_text(r.text)
            rows.append((r, a, statement.speaker if statement else ""))
    out = []
    splitter = KFold(n_splits=folds, shuffle=True, random_state=seed)
    for k, (train_idx, test_idx) in enumerate(splitter.split(rows), start=1):
        examples = Examples(language=analyzer.codebook.language or "en")
        for i in train_idx:
            r, a, _speaker = rows[i]
            examples.add(r.item, a.text, a.mentions, a.frames)
        model = train_fallback(
            examples,
            codebook_sha256=analyzer.codebook.sha256,
            language=examples.language,
            seed=seed,
            threshold=threshold,
        )
        held = [rows[i] for i in test_idx]
        completed = []
        for r, a, speaker in held:
            s = a.statement
            frames, stances = model.complete(
                a.text, a.mentions, a.frames, a.stances,
                statement_id=s.id if s else None, speaker=speaker, date=s.date if s else "",
            )  # fmt: skip
            completed.append((r, dataclasses.replace(a, frames=frames, stances=stances), speaker))
        out.append((k, score_claims("rules", held), score_claims("rules+fallback", completed)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--realdev", type=Path, default=DEFAULT_REALDEV)
    ap.add_argument("--corpus-template", type=Path, default=ROOT / "corpora" / "ukraine-nato")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threshold", type=float, default=None)
    args = ap.parse_args()
    if not (args.realdev / "gold.jsonl").exists():
        print(f"no realdev set at {args.realdev}; nothing to score")
        return
    from rhetoric.learn.evaluate import Counts, micro
    from rhetoric.learn.fallback import DEFAULT_FALLBACK_THRESHOLD

    threshold = DEFAULT_FALLBACK_THRESHOLD if args.threshold is None else args.threshold
    results = cross_validate(
        args.realdev, args.corpus_template, folds=args.folds, seed=args.seed, threshold=threshold
    )
    total = {(s, c): Counts() for s in ("rules", "rules+fallback") for c in ("frames", "stances")}
    print(f"{args.folds}-fold cross-validation on {args.realdev} (seed {args.seed}, threshold {threshold})")
    for k, rules, both in results:
        for name, res in (("rules", rules), ("rules+fallback", both)):
            fr, st = micro(res.frames), micro(res.stances)
            total[(name, "frames")] += fr
            total[(name, "stances")] += st
            print(f"fold {k} {name:<15} frames {_fmt(fr)}; stances {_fmt(st)}")
    for name in ("rules", "rules+fallback"):
        print(
            f"overall {name:<15} frames {_fmt(total[(name, 'frames')])}; "
            f"stances {_fmt(total[(name, 'stances')])}"
        )


if __name__ == "__main__":
    main()
