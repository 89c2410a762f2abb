"""Shift pairs with the coders' readings swapped in: how many pairs each reading costs.

The verdict rules are only as good as the readings they compare. This script scores the 87
realdev shift pairs as ``realdev.py`` does, once with the tool's own readings and then with the
coders' gold readings substituted for one component at a time (tags, frames, stances,
commitment) and for all of them together. The last row is the ceiling of the verdict rules on
this data: what they give when every reading is the coders'.

Usage (from the project root, ``../shared/realdev`` beside it)::

    python tests/benchmarks/pairs_oracle.py [--realdev ../shared/realdev] [--misses all]

Nothing here is trained: the gold readings are inputs, so the figures say where the remaining
errors come from, not how well anything would do on unseen text.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

COMPONENTS = ("tags", "frames", "stances", "commitment")


def _gold_analysis(a, g: dict, use: set[str]):
    """``a`` (the tool's analysis) with the coders' readings of ``use`` swapped in."""
    from rhetoric.records import Frame, Mention, Stance
    from rhetoric.types import Commitment, Polarity, Relation, StanceValue

    sid = a.statement.id
    speaker = a.statement.speaker
    mentions, frames, stances, commitment = a.mentions, a.frames, a.stances, a.commitment
    if "tags" in use:
        found = {m.tag: m for m in a.mentions}
        mentions = tuple(found.get(t) or Mention(t, 0, 0, "", 0, t, statement_id=sid) for t in g["tags"])
    if "frames" in use:
        frames = tuple(
            Frame(sid, 0, f"{sid}#gold.{k}", speaker, a.statement.date, tuple(f["outcomes"]),
                  tuple(f["conditions"]), "gold", relation=Relation(f.get("relation") or "precondition"),
                  polarity=Polarity(f.get("polarity") or "affirmed"))
            for k, f in enumerate(g["frames"])
        )
    if "stances" in use:
        stances = tuple(Stance(sid, t, StanceValue(v), (speaker,), 0, 0) for t, v in g["stances"].items())
    if "commitment" in use and g.get("commitment"):
        commitment = Commitment(g["commitment"])
    return dataclasses.replace(a, mentions=mentions, frames=frames, stances=stances, commitment=commitment)


def compare_pairs(realdev: Path, use: set[str] = frozenset()) -> list[tuple[dict, dict]]:
    """Each realdev pair with the tool's shift (``Shift.to_dict()``), the readings of ``use`` from the coders."""
    import realdev as rd

    from rhetoric.analyzer import Analyzer
    from rhetoric.corpus.store import Corpus
    from rhetoric.shifts.compare import compare

    gold = {g["id"]: g for g in map(json.loads, open(realdev / "gold.jsonl", encoding="utf-8"))}
    pairs = [json.loads(line) for line in open(realdev / "pairs.jsonl", encoding="utf-8")]
    with tempfile.TemporaryDirectory(prefix="rh-oracle-") as tmp:
        corpus_dir, sid = rd.build_corpus(realdev, ROOT / "corpora" / "ukraine-nato", Path(tmp))
        analyzer = Analyzer.for_corpus(corpus_dir)
        ours = {a.statement.id: a for a in analyzer.analyze_corpus(Corpus(corpus_dir))}
        back = {v: k for k, v in sid.items() if v}
        read = {i: _gold_analysis(a, gold[back[i]], use) if use else a for i, a in ours.items()}
        out = []
        for pr in pairs:
            a, b = sid.get(pr["from"]), sid.get(pr["to"])
            if a and b:
                shift = compare(read[a], read[b], opposites=analyzer.opposites, scales=analyzer.scales)
                out.append((pr, shift.to_dict()))
        return out


def items_right(pr: dict, c: dict) -> bool:
    """Whether the shift finds the pair's gold added and dropped items (as ``score.py`` counts them)."""
    got_add = set(c["added"]) | set(c["outcome_to"]) | {x["tag"] for x in c["stance_changes"]}
    got_drop = set(c["dropped"]) | set(c["outcome_from"]) | {x["tag"] for x in c["stance_changes"]}
    return set(pr["added"]) <= got_add and set(pr["dropped"]) <= got_drop


def score(realdev: Path, use: set[str], misses=None) -> int:
    """Pairs right with the readings of ``use`` taken from the coders."""
    good = 0
    for pr, c in compare_pairs(realdev, use):
        ok = items_right(pr, c) and c["verdict"] in pr["verdict_ok"]
        good += ok
        if misses is not None and not ok:
            print(f"  {pr['from']}->{pr['to']} gold {pr['verdict_ok']} add={pr['added']} drop={pr['dropped']}"
                  f" | {c['verdict']} add={list(c['added'])} drop={list(c['dropped'])}", file=misses)
    return good


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--realdev", type=Path, default=ROOT / ".." / "shared" / "realdev")
    ap.add_argument("--misses", choices=[*COMPONENTS, "all", "none"], default="none",
                    help="list the missed pairs of one row")
    args = ap.parse_args()
    if not (args.realdev / "pairs.jsonl").exists():
        sys.exit(f"no realdev at {args.realdev}")
    rows = [("tool's readings", set())] + [(f"coders' {c}", {c}) for c in COMPONENTS]
    rows.append(("coders' readings, all", set(COMPONENTS)))
    for name, use in rows:
        which = "all" if use == set(COMPONENTS) else next(iter(use), "none")
        out = sys.stdout if args.misses != "none" and args.misses == which else None
        n = score(args.realdev, use, out)
        print(f"{name:<24} {n}/87")


if __name__ == "__main__":
    main()
