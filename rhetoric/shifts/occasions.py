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
from typing import TypeVar

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
    """
    clusters: list[list[T]] = []
    open_: list[tuple[list[T], list]] = []  # (cluster, [earliest last day of its undirected dates])
    for item in bucket:
        st = statement_of(item)
        undirected = st.date_qualifier not in _DIRECTIONAL
        if undirected:
            first = st.partial_date.first_day()
            open_ = [(c, end) for c, end in open_ if end[0] is None or end[0] >= first]
        home = next(
            ((c, end) for c, end in open_ if all(_dates_meet(st, statement_of(x)) for x in c)), None
        )
        last = st.partial_date.last_day() if undirected else None
        if home is None:
            cluster = [item]
            clusters.append(cluster)
            open_.append((cluster, [last]))
        else:
            home[0].append(item)
            if last is not None and (home[1][0] is None or last < home[1][0]):
                home[1][0] = last
    return clusters


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
    buckets: dict[tuple[str, ...], list[T]] = {}
    for item in sorted(items, key=lambda x: reading_order(statement_of(x))):
        key = occasion_key(statement_of(item))
        buckets.setdefault(key[:2] if key[0] == "source" else key, []).append(item)
    groups: list[list[T]] = []
    for key, bucket in buckets.items():
        if key[0] != "source":
            groups.append(bucket)
            continue
        groups += _clusters_by_date(bucket, statement_of)
    ordered = [sorted(g, key=lambda x: reading_order(statement_of(x))) for g in groups]
    return sorted(ordered, key=lambda g: reading_order(statement_of(g[0])))


def group_occasions(statements: Sequence[Statement]) -> tuple[Occasion, ...]:
    """The occasions of some statements, in date order."""
    return tuple(Occasion(occasion_key(g[0]), tuple(g)) for g in group_by_occasion(statements, lambda s: s))
