"""Whole frames on realdev: outcome, condition (``other`` included), relation and polarity, per statement.

``realdev.py`` scores frame role pairs of tags only, as the shared script does; a shift compares
frames whole, so an untagged condition (``other``) or a wrong polarity changes a verdict while the
pair figure stays the same. This script counts, per statement, the frames read as
``(outcome, condition, relation, polarity)`` against the coders' (pairs only one coder gave are
neither hit nor miss), and how many statements have exactly the coders' frames.

Run from the project root::

    python tests/benchmarks/whole_frames.py [--realdev ../shared/realdev] [--pairs-only] [--misses]

It reads the real statements from ``../shared/realdev/`` (never copied into the repository).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def quads(frames) -> set[tuple[str, str, str, str]]:
    """``(outcome, condition, relation, polarity)`` of frame dicts; ``-`` for an unconditional frame."""
    return {
        (o, c, f.get("relation") or "precondition", f.get("polarity") or "affirmed")
        for f in frames
        for o in f["outcomes"]
        for c in (f["conditions"] or ["-"])
    }


def score(realdev: Path, *, pairs_only: bool = False, misses=None) -> dict[str, int]:
    """Whole-frame counts on realdev: ``exact``/``statements``, ``tp``, ``fp``, ``fn``."""
    import realdev as rd

    from rhetoric.analyzer import Analyzer
    from rhetoric.corpus.store import Corpus

    gold = {g["id"]: g for g in map(json.loads, open(realdev / "gold.jsonl", encoding="utf-8"))}
    keep = None
    if pairs_only:
        keep = set()
        for p in map(json.loads, open(realdev / "pairs.jsonl", encoding="utf-8")):
            keep |= {p["from"], p["to"]}
    out = {"exact": 0, "statements": 0, "tp": 0, "fp": 0, "fn": 0}
    with tempfile.TemporaryDirectory(prefix="rh-whole-") as tmp:
        corpus_dir, sid = rd.build_corpus(realdev, ROOT / "corpora" / "ukraine-nato", Path(tmp))
        analyzer = Analyzer.for_corpus(corpus_dir)
        ours = {a.statement.id: a for a in analyzer.analyze_corpus(Corpus(corpus_dir))}
        for rid, g in gold.items():
            if (keep is not None and rid not in keep) or not sid.get(rid):
                continue
            a = ours[sid[rid]]
            pred = quads(
                {"outcomes": f.outcomes, "conditions": f.conditions, "relation": str(f.relation),
                 "polarity": str(f.polarity)}
                for f in a.frames
            )
            want = quads(g["frames"])
            optional = {tuple(x) for x in g["optional_frame_pairs"]}
            extra = {q for q in pred - want if q[:2] not in optional}
            miss = want - pred
            out["statements"] += 1
            out["exact"] += not (extra or miss)
            out["tp"] += len(pred & want)
            out["fp"] += len(extra)
            out["fn"] += len(miss)
            if misses is not None and (extra or miss):
                print(f"{rid} miss={sorted(miss)} extra={sorted(extra)}", file=misses)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--realdev", type=Path, default=ROOT.parent / "shared" / "realdev")
    ap.add_argument("--pairs-only", action="store_true", help="only the statements of the 87 shift pairs")
    ap.add_argument("--misses", action="store_true", help="list each statement whose frames differ")
    args = ap.parse_args()
    if not (args.realdev / "gold.jsonl").exists():
        print(f"no realdev set at {args.realdev}; nothing to score")
        return
    r = score(args.realdev, pairs_only=args.pairs_only, misses=sys.stdout if args.misses else None)
    print(f"whole frames: {r['exact']}/{r['statements']} statements exact; "
          f"frames tp={r['tp']} fp={r['fp']} fn={r['fn']}")


if __name__ == "__main__":
    main()
