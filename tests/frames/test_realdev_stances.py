"""Stances and commitment on the real development statements stay above their floors.

Reads ``../shared/realdev/`` (never copied into the repository) and skips cleanly when it is
absent. Counting is the shared scorer's (speaker stances per tag, last support/oppose row wins).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CANDIDATES = [ROOT / ".." / "shared" / "realdev", ROOT / ".." / ".." / "shared" / "realdev"]
REALDEV = next((p.resolve() for p in CANDIDATES if (p / "gold.jsonl").exists()), None)

#: Floors just under today's figures (stances P 0.876 R 0.769 F1 0.819, commitment 0.763, after the
#: stance shapes of the third round; the issue's target was F1 >= 0.75 at precision >= 0.80): a drop
#: is a regression.
STANCE_F1_FLOOR = 0.80
STANCE_PRECISION_FLOOR = 0.85
COMMITMENT_ACCURACY_FLOOR = 0.75


@pytest.fixture(scope="module")
def figures():
    if REALDEV is None:
        pytest.skip("no ../shared/realdev here")
    from tests.benchmarks.realdev import score

    return score(REALDEV, ROOT / "corpora" / "ukraine-nato", with_pairs=False)


def test_stances_stay_above_the_floor(figures) -> None:
    precision, _, f1 = figures["stances"]
    assert precision >= STANCE_PRECISION_FLOOR, figures["stances"]
    assert f1 >= STANCE_F1_FLOOR, figures["stances"]


def test_commitment_stays_above_the_floor(figures) -> None:
    right, n = figures["commitment"]
    assert n and right / n >= COMMITMENT_ACCURACY_FLOOR, figures["commitment"]
