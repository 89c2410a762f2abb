"""``joins_none``: when it lets statements be added to cached occasions, grouping everything gives
the cached occasions unchanged followed by the added statements' own."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rhetoric.records import Statement
from rhetoric.shifts.occasions import group_by_occasion, joins_none, reading_order

DATES = [
    "2024",
    "2024-05",
    "2024-06",
    "2024-06-01",
    "2024-06-02",
    "2024-06-30",
    "2024-07-15",
    "2025",
    "2025-01",
]
QUALIFIERS = ["", "", "", "circa", "before", "after"]
SOURCES = ["", "One Outlet", "one  outlet", "Other Paper"]
OCCASIONS = ["", "", "", "Summit"]


def _statements(rows, start: int) -> list[Statement]:
    return [
        Statement.create(
            speaker="x",
            date=d,
            date_qualifier=q,
            text=f"statement {start + k}",
            source=src,
            occasion=occ,
            position=p,
            added_at="2024-01-01T00:00:00Z",
        )
        for k, (d, q, src, occ, p) in enumerate(rows)
    ]


row = st.tuples(
    st.sampled_from(DATES),
    st.sampled_from(QUALIFIERS),
    st.sampled_from(SOURCES),
    st.sampled_from(OCCASIONS),
    st.one_of(st.none(), st.integers(0, 3)),
)


def _ids(groups) -> list[tuple[str, ...]]:
    return [tuple(s.id for s in g) for g in groups]


@settings(max_examples=400, deadline=None)
@given(st.lists(row, max_size=20), st.lists(row, min_size=1, max_size=4))
def test_what_joins_none_allows_groups_as_the_cached_occasions_then_the_new(cached_rows, added_rows) -> None:
    cached = _statements(cached_rows, 0)
    added = _statements(added_rows, len(cached_rows))
    groups = group_by_occasion(cached, lambda s: s)
    new = group_by_occasion(added, lambda s: s)
    edges = [(g[0], g[-1]) for g in groups]
    after_all = not groups or reading_order(new[0][0]) > reading_order(groups[-1][0])
    if joins_none(edges, added) and after_all:  # (the timeline cache checks both)
        assert _ids(group_by_occasion([*cached, *added], lambda s: s)) == _ids(groups) + _ids(new)


def test_a_later_statement_of_a_cached_source_joins_none_and_one_of_its_day_does() -> None:
    cached = _statements(
        [("2024-06", "", "One Outlet", "", None), ("2024-06-02", "", "One Outlet", "", None)], 0
    )
    groups = group_by_occasion(cached, lambda s: s)
    edges = [(g[0], g[-1]) for g in groups]
    later = _statements([("2024-07-15", "", "one  outlet", "", None)], 9)
    same_day = _statements([("2024-06-02", "", "One Outlet", "", 3)], 9)
    assert joins_none(edges, later)
    assert not joins_none(edges, same_day)
    assert joins_none(edges, _statements([("2025", "", "", "", None)], 9))  # no source: its own occasion
