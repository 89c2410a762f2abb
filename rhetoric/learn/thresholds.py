"""Per-tag model thresholds chosen by cross-validation, for what the model adds to the lexicon.

The model only adds a tag where the lexicon did not find it, so its threshold is judged on those
samples alone: out-of-fold probabilities (seeded K-fold over the training set) are compared with
the labels of the samples the lexicon left without the tag, and each tag gets the lowest threshold
whose additions reach the target precision with at least ``min_hits`` correct ones. A tag whose
additions never reach it gets no threshold (``None``): the model then never adds it. That keeps
the lexicon's precision and lets the model lift recall only where it has earned it.

Example:
    >>> import numpy as np
    >>> proba = np.array([[0.9], [0.8], [0.7], [0.4], [0.2]])
    >>> labels = np.array([[1], [1], [0], [1], [0]])
    >>> lexicon = np.zeros((5, 1), dtype=bool)
    >>> pick_thresholds(proba, labels, lexicon, ("t",), precision=0.9, min_hits=2)
    {'t': 0.8}
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence

import numpy as np

#: Precision the model's additions must reach (out of fold) for a tag to get a threshold.
DEFAULT_PRECISION = 0.9
#: Fewest correct out-of-fold additions for a tag to get a threshold.
DEFAULT_MIN_HITS = 2
#: Folds of the internal cross-validation.
DEFAULT_FOLDS = 3
#: No threshold below this is considered (a probability this low is never a finding).
FLOOR = 0.3


def pick_thresholds(
    proba: np.ndarray,
    labels: np.ndarray,
    lexicon: np.ndarray,
    tag_ids: Sequence[str],
    *,
    precision: float = DEFAULT_PRECISION,
    min_hits: int = DEFAULT_MIN_HITS,
) -> dict[str, float | None]:
    """The lowest threshold per tag whose additions reach ``precision`` with ``min_hits`` hits.

    Args:
        proba: Out-of-fold probabilities, shape ``(samples, tags)``.
        labels: Gold 0/1 labels, same shape.
        lexicon: Whether the lexicon found the tag, same shape (those cells are not additions).
        tag_ids: Column names.
        precision: Target precision of the additions.
        min_hits: Fewest correct additions.

    Returns:
        ``{tag: threshold or None}`` (None: the model never adds the tag).
    """
    out: dict[str, float | None] = {}
    for j, tag in enumerate(tag_ids):
        free = ~lexicon[:, j]
        p, y = proba[free, j], labels[free, j].astype(bool)
        best = None
        for cut in sorted({float(x) for x in p if x >= FLOOR}, reverse=True):
            chosen = p >= cut
            hits = int((chosen & y).sum())
            if hits / int(chosen.sum()) < precision:
                break  # lower cuts only add more of what just broke the target
            if hits >= min_hits:
                best = cut
        out[tag] = best
    return out


def out_of_fold(
    fit_predict: Callable[[list[int], list[int]], np.ndarray], n: int, *, folds: int, seed: int
) -> np.ndarray:
    """Stack ``fit_predict(train, test)`` over seeded shuffled K folds into one probability array.

    Example:
        >>> out_of_fold(lambda tr, te: np.full((len(te), 1), 0.5), 6, folds=3, seed=0).shape
        (6, 1)
    """
    from sklearn.model_selection import KFold

    result: np.ndarray | None = None
    for train, test in KFold(min(folds, n), shuffle=True, random_state=seed).split(np.arange(n)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            part = fit_predict(list(train), list(test))
        if result is None:
            result = np.zeros((n, part.shape[1]))
        result[test] = part
    return result if result is not None else np.zeros((n, 0))


__all__ = ["DEFAULT_FOLDS", "DEFAULT_MIN_HITS", "DEFAULT_PRECISION", "out_of_fold", "pick_thresholds"]
