"""Frame role pairs on the real development statements stay above the floor (skipped without realdev).

Reads ``../shared/realdev/`` next to the repository (or ``$RHETORIC_REALDEV``); none of its
text is kept here. Counting is the shared ``score.py``'s: a predicted (outcome, condition) pair
that only one coder gave is neither a hit nor a miss.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REALDEV = Path(os.environ.get("RHETORIC_REALDEV", ROOT / ".." / "shared" / "realdev"))

#: Floors just under what the merged rules and codebook hold (P 0.765 R 0.609 F1 0.678); the issue's
#: goal is F1 0.80 at P 0.80. The codebook's higher tag recall let more frames through, some of them
#: wrong in direction, so precision fell from 0.85 (frames alone) to 0.765: a drop below is a regression.
MIN_PRECISION = 0.75
MIN_F1 = 0.66


@pytest.fixture(scope="module")
def realdev_pairs(tmp_path_factory):
    if not (REALDEV / "statements.jsonl").is_file() or not (REALDEV / "gold.jsonl").is_file():
        pytest.skip(f"no realdev set at {REALDEV}")
    from rhetoric.analyzer import Analyzer
    from rhetoric.corpus.store import Corpus

    from ..benchmarks.realdev import build_corpus

    corpus_dir, sid = build_corpus(REALDEV, ROOT / "corpora" / "ukraine-nato", tmp_path_factory.mktemp("rd"))
    analyzer = Analyzer.for_corpus(corpus_dir)
    predicted: dict[str, set] = {}
    for a in analyzer.analyze_corpus(Corpus(corpus_dir)):
        predicted[a.statement.id] = {
            (o, c) for f in a.frames for o in f.outcomes for c in f.conditions if "other" not in (o, c)
        }
    gold = [json.loads(line) for line in open(REALDEV / "gold.jsonl", encoding="utf-8")]
    return [(predicted.get(sid.get(g["id"]) or "", set()), g) for g in gold]


def test_realdev_frame_pairs_above_floor(realdev_pairs) -> None:
    tp = fp = fn = 0
    for pred, g in realdev_pairs:
        gp = {(o, c) for x in g["frames"] for o in x["outcomes"] for c in x["conditions"] if "other" not in (o, c)}
        optional = {tuple(x) for x in g["optional_frame_pairs"]}
        tp += len(pred & gp)
        fp += len(pred - gp - optional)
        fn += len(gp - pred)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert precision >= MIN_PRECISION, (precision, recall, f1)
    assert f1 >= MIN_F1, (precision, recall, f1)
