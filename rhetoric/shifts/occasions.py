"""Occasions: the statements of one speech, interview or article, read together as one position.

Statements form one occasion when they share an explicit ``occasion`` field, or else when they
share their ``source`` and their dates can mean the same day (several statements extracted from
one article: ``2024-12-01`` and ``circa 2024-12`` meet; a ``before``/``after`` date meets only the
very same qualified date). A statement without a source and without an occasion is an occasion
of its own. Within an
occasion statements are read in their order in the source (``position``; then id); occasions
are ordered by date. Shifts are computed between occasions, never inside one.

Example:
    >>> from rhetoric.records import Statement
    >>> a = Statement.create(speaker="x", date="2024-06", text="One.", source="Paper", added_at="t")
    >>> b = Statement.create(speaker="x", date="2024-06", text="Two.", source="Paper", added_at="t")
    >>> c = Statement.create(speaker="x", date="2024-07", text="Three.", source="Paper", added_at="t")
    >>> [len(o.statements) for o in group_occasions([c, b, a])]
    [2, 1]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ..records import Statement
from ..types import DateQualifier

T = TypeVar("T")


def occasion_key(statement: Statement) -> tuple[str, ...]:
    """The key that groups a statement with the others of its occasion.

    Example:
        >>> s = Statement.create(speaker="x", date="2024", text="a", occasion="Davos", added_at="t")
        >>> occasion_key(s)
        ('occasion', 'Davos')
    """
    if statement.occasion:
        return ("occasion", statement.occasion)
    if statement.source.strip():
        return (
            "source",
            " ".join(statement.source.split()).casefold(),
            statement.date_qualifier,
            statement.date,
        )
    return ("statement", statement.id)


#: Qualifiers whose date meets only an equal date and qualifier.
_DIRECTIONAL = frozenset({DateQualifier.BEFORE, DateQualifier.AFTER})


def _dates_meet(a: Statement, b: Statement) -> bool:
    """Whether two statements' dates can mean the same day (partial dates are intervals)."""
    if a.date_qualifier in _DIRECTIONAL or b.date_qualifier in _DIRECTIONAL:
        return (a.date, a.date_qualifier) == (b.date, b.date_qualifier)
    return a.partial_date.overlaps(b.partial_date)


def _clusters_by_date(bucket: list[T], statement_of: Callable[[T], Statement]) -> list[list[T]]:
    """One source, several days: a statement joins the first occasion whose every date it meets.

    ``bucket`` is in reading order, so first days never decrease. An occasion holding an undirected
    date that ends before the current statement's first day can meet no later statement either
    (a ``before``/``after`` date meets only its equal), so it leaves the search: the grouping is the
    same as comparing with every occasion, at the cost of the occasions still open.

    Each open occasion is summed up so a statement is compared with it once, not with each of its
    dates: undirected dates are intervals, and an interval meets every one of them exactly when it
    meets their intersection (latest first day to earliest last day); a directed date meets only
    its equal, so an occasion holding one holds only that (date, qualifier).
    """
    clusters: list[list[T]] = []
    open_: list[_Open] = []
    for item in bucket:
        st = statement_of(item)
        if st.date_qualifier in _DIRECTIONAL:
            same = (st.date, st.date_qualifier)
            home = next((o for o in open_ if o.directed == same), None)
            if home is None:
                open_.append(_Open([item], None, None, same))
                clusters.append(open_[-1].items)
            else:
                home.items.append(item)
            continue
        first, last = st.partial_date.first_day(), st.partial_date.last_day()
        open_ = [o for o in open_ if o.last is None or o.last >= first]
        home = next((o for o in open_ if o.directed is None and first <= o.last and o.first <= last), None)
        if home is None:
            open_.append(_Open([item], first, last, None))
            clusters.append(open_[-1].items)
        else:
            home.items.append(item)
            home.first, home.last = max(home.first, first), min(home.last, last)
    return clusters


class _Open:
    """An occasion still open in :func:`_clusters_by_date`: its items and what a newcomer must meet."""

    __slots__ = ("directed", "first", "items", "last")

    def __init__(self, items: list, first: Any, last: Any, directed: tuple | None) -> None:
        self.items = items
        self.first, self.last = first, last  # the intersection of its undirected dates (None: none)
        self.directed = directed  # (date, qualifier) of its directed dates, None if undirected


def reading_order(statement: Statement) -> tuple:
    """Sort key: by date, then by position in the source (unknown positions last), then id.

    Example:
        >>> reading_order(Statement.create(speaker="x", date="2024", text="b", added_at="t"))[-2]
        1073741824
    """
    *date_key, sid = statement.sort_key()
    position = statement.position if statement.position is not None else 1 << 30
    return (*date_key, position, sid)


@dataclass(frozen=True)
class Occasion:
    """Statements of one occasion in reading order."""

    key: tuple[str, ...]
    statements: tuple[Statement, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        """The statement ids in reading order."""
        return tuple(s.id for s in self.statements)

    @property
    def date(self) -> str:
        """The date of the occasion (its first statement's)."""
        return self.statements[0].date


def group_by_occasion(items: Iterable[T], statement_of: Callable[[T], Statement]) -> list[list[T]]:
    """Group items (statements, analyses) by occasion; groups in date order, items in reading order.

    Args:
        items: Anything that carries a statement.
        statement_of: How to get the statement of an item.

    Returns:
        One list per occasion.
    """
    # Each item's reading order computed once (by identity), not again for every sort below.
    items = items if isinstance(items, (list, tuple)) else list(items)
    order = {id(x): reading_order(statement_of(x)) for x in items}

    def key_of(x: T) -> tuple:
        return order[id(x)]

    buckets: dict[tuple[str, ...], list[T]] = {}
    for item in sorted(items, key=key_of):
        buckets.setdefault(bucket(statement_of(item)), []).append(item)
    groups: list[list[T]] = []
    for key, members in buckets.items():
        if key[0] != "source":
            groups.append(members)
            continue
        groups += _clusters_by_date(members, statement_of)
    ordered = [sorted(g, key=key_of) for g in groups]
    return sorted(ordered, key=lambda g: key_of(g[0]))


def bucket(statement: Statement) -> tuple[str, ...]:
    """What :func:`group_by_occasion` sorts a statement into before clustering by date: its
    occasion, its source (all dates), or itself."""
    key = occasion_key(statement)
    return key[:2] if key[0] == "source" else key


def joins_none(cached: Sequence[tuple[Statement, Statement]], added: Sequence[Statement]) -> bool:
    """Whether statements ``added`` to those of some occasions leave each of these as it is and
    come after them all: then the occasions of all of them are the cached ones followed by those
    of ``added`` alone (what a cached timeline is extended by). Conservative: False when unsure.

    Args:
        cached: Each occasion's first and last statement in reading order (as
            :func:`group_by_occasion` gives them).
        added: The new statements.

    An added statement may share a source with cached ones when it reads after every cached
    statement of that source and its dates can meet no cached occasion of it (it begins after
    the last day of one of the occasion's statements, so after their common days; a
    ``before``/``after`` date is not tried). An explicit ``occasion`` already cached is joined.
    """
    by_bucket: dict[tuple[str, ...], list[tuple[Statement, Statement]]] = {}
    for first, last in cached:
        by_bucket.setdefault(bucket(first), []).append((first, last))
    shared: dict[tuple[str, ...], list[Statement]] = {}
    for st in added:
        if (b := bucket(st)) in by_bucket:
            shared.setdefault(b, []).append(st)
    for b, news in shared.items():
        if b[0] != "source" or any(s.date_qualifier in _DIRECTIONAL for s in news):
            return False
        earliest = min(map(reading_order, news))
        first_day = min(s.partial_date.first_day() for s in news)
        for first, last in by_bucket[b]:
            if reading_order(last) >= earliest:
                return False  # (read in another order, the clusters could differ)
            if first.date_qualifier not in _DIRECTIONAL and first_day <= first.partial_date.last_day():
                return False
    return True


def group_occasions(statements: Sequence[Statement]) -> tuple[Occasion, ...]:
    """The occasions of some statements, in date order."""
    return tuple(Occasion(occasion_key(g[0]), tuple(g)) for g in group_by_occasion(statements, lambda s: s))
