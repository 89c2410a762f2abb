"""Per-tag thresholds: the lowest cut whose additions (lexicon misses) reach the target precision."""

from __future__ import annotations

import numpy as np
import pytest

from rhetoric.learn.thresholds import FLOOR, out_of_fold, pick_thresholds

P = [0.95, 0.9, 0.8, 0.7, 0.6, 0.35, 0.2]


@pytest.mark.parametrize(
    ("labels", "lexicon", "precision", "min_hits", "expected"),
    [
        ([1, 1, 1, 0, 0, 0, 0], [0] * 7, 0.9, 2, 0.8),  # stops before the first wrong one
        ([1, 1, 1, 0, 1, 1, 1], [0] * 7, 0.7, 2, 0.35),  # one miss tolerated at 70%; 0.2 is below the floor
        ([1, 0, 1, 1, 0, 0, 0], [0] * 7, 0.9, 1, 0.95),  # breaks at 0.9: only the top one is kept
        ([1, 0, 1, 1, 0, 0, 0], [0] * 7, 0.9, 2, None),  # ... and one hit is not enough
        ([0, 0, 0, 0, 0, 0, 0], [0] * 7, 0.9, 1, None),  # nothing right: never added
        ([0, 1, 1, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0], 0.9, 2, 0.8),  # a lexicon cell is not an addition
        ([1, 1, 1, 1, 1, 1, 1], [0] * 7, 0.9, 10, None),  # too few hits in all
    ],
)
def test_pick_thresholds(labels, lexicon, precision, min_hits, expected) -> None:
    got = pick_thresholds(
        np.array(P)[:, None],
        np.array(labels)[:, None],
        np.array(lexicon, dtype=bool)[:, None],
        ("t",),
        precision=precision,
        min_hits=min_hits,
    )
    assert got == {"t": expected}
    assert expected is None or expected >= FLOOR


def test_pick_thresholds_per_column() -> None:
    proba = np.array([[0.9, 0.9], [0.8, 0.8], [0.1, 0.1]])
    labels = np.array([[1, 0], [1, 0], [0, 1]])
    got = pick_thresholds(proba, labels, np.zeros((3, 2), bool), ("a", "b"), precision=0.9, min_hits=2)
    assert got == {"a": 0.8, "b": None}


def test_out_of_fold_scores_every_sample_once_and_never_on_its_own_training() -> None:
    seen: list[int] = []

    def fit_predict(train: list[int], test: list[int]) -> np.ndarray:
        assert not set(train) & set(test)
        seen.extend(test)
        return np.array([[float(i)] for i in test])

    out = out_of_fold(fit_predict, 7, folds=3, seed=0)
    assert sorted(seen) == list(range(7))
    assert out[:, 0].tolist() == [float(i) for i in range(7)]
