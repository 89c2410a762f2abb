"""Occasion grouping by date: the pruned search gives the same groups as comparing every occasion."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rhetoric.records import Statement
from rhetoric.shifts.occasions import _clusters_by_date, _dates_meet, group_by_occasion, reading_order

DATES = ["2024", "2024-05", "2024-06", "2024-06-01", "2024-06-02", "2024-06-30", "2024-07-15", "2025-01"]
QUALIFIERS = ["", "", "circa", "before", "after"]


def _exhaustive(bucket):
    clusters = []
    for s in bucket:
        home = next((c for c in clusters if all(_dates_meet(s, x) for x in c)), None)
        if home is None:
            clusters.append([s])
        else:
            home.append(s)
    return clusters


statements = st.lists(
    st.tuples(st.sampled_from(DATES), st.sampled_from(QUALIFIERS), st.integers(0, 3)), max_size=25
).map(
    lambda rows: [
        Statement.create(
            speaker="x", date=d, date_qualifier=q, text=f"statement {k}", source="One Outlet", position=p,
            added_at="2024-01-01T00:00:00Z",
        )
        for k, (d, q, p) in enumerate(rows)
    ]
)


@settings(max_examples=300, deadline=None)
@given(statements)
def test_pruned_search_equals_the_exhaustive_one(items) -> None:
    bucket = sorted(items, key=reading_order)
    assert _clusters_by_date(bucket, lambda s: s) == _exhaustive(bucket)


def test_days_apart_are_two_occasions_and_a_month_joins_its_day() -> None:
    def make(date, text):
        return Statement.create(speaker="x", date=date, text=text, source="Wire", added_at="t")

    a, b, c = make("2024-06-01", "one"), make("2024-06", "two"), make("2024-06-20", "three")
    groups = group_by_occasion([c, b, a], lambda s: s)
    assert [[s.text for s in g] for g in groups] == [["two", "one"], ["three"]]
