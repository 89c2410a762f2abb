"""Occasion summaries: comparing a statement with each open occasion's summary groups exactly as comparing with every date."""

from __future__ import annotations

import random

import pytest

from rhetoric.records import Statement
from rhetoric.shifts.occasions import _DIRECTIONAL, _clusters_by_date, _dates_meet, reading_order
from rhetoric.types import DateQualifier


def _reference(bucket: list[Statement]) -> list[list[Statement]]:
    """The plain rule: a statement joins the first occasion whose every date it meets."""
    clusters: list[list[Statement]] = []
    for st in bucket:
        home = next((c for c in clusters if all(_dates_meet(st, x) for x in c)), None)
        if home is None:
            clusters.append([st])
        else:
            home.append(st)
    return clusters


def _statements(seed: int, n: int) -> list[Statement]:
    rng = random.Random(seed)
    qualifiers = [DateQualifier.NONE] * 6 + [DateQualifier.CIRCA, DateQualifier.BEFORE, DateQualifier.AFTER]
    out = []
    for i in range(n):
        year = rng.choice([2023, 2024])
        date = rng.choice(
            [
                f"{year}",
                f"{year}-{rng.randint(1, 12):02d}",
                f"{year}-{rng.randint(1, 3):02d}-0{rng.randint(1, 9)}",
            ]
        )
        out.append(
            Statement.create(
                speaker="x",
                date=date,
                text=f"t{i}",
                source="Paper",
                added_at="t",
                date_qualifier=rng.choice(qualifiers),
            )
        )
    return out


@pytest.mark.parametrize("seed", range(40))
def test_clusters_equal_the_plain_rule(seed: int) -> None:
    bucket = sorted(_statements(seed, 60), key=reading_order)
    clusters = _clusters_by_date(bucket, lambda s: s)
    assert clusters == _reference(bucket)
    assert len(clusters) < len(bucket)  # some statements did share an occasion


def test_directed_dates_meet_only_their_equal() -> None:
    a, b, c = (
        Statement.create(speaker="x", date=d, text=d + q.value, source="P", added_at="t", date_qualifier=q)
        for d, q in (
            ("2024-06", DateQualifier.BEFORE),
            ("2024-06", DateQualifier.BEFORE),
            ("2024-06", DateQualifier.NONE),
        )
    )
    assert a.date_qualifier in _DIRECTIONAL
    assert _clusters_by_date([a, c, b], lambda s: s) == [[a, b], [c]]
