"""What a report can show of a large corpus: which statements get a card, which shifts are detailed,
and a per-period summary of the rest, so the page stays small at any corpus size.

Rules (the full data is always in ``rhetoric export``):

- an actor with at most :data:`ALL_CARDS_UP_TO` statements shows every statement, and with at
  most :data:`ALL_SHIFTS_UP_TO` shifts every shift;
- otherwise its strongest shifts are detailed (same order as the notable shifts: verdict,
  evidence, recency), and cards are shown for the statements on both sides of those shifts and
  for the latest statements, up to a share of :data:`CARD_BUDGET` for the whole page; the other
  statements are counted per period (month, else year) with the tags they mention;
- actor sections past :data:`MAX_SECTIONS`, or once the page has reached :data:`BYTE_BUDGET`,
  are written compact (position and chart, no cards), and the overview lists at most
  :data:`MAX_OVERVIEW_ROWS` actors.

Example:
    >>> card_share(11), card_share(400)
    (30, 3)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..engine.cache import mention_tags
from ..records import StatementAnalysis
from .collect import ActorReport

#: Every statement of an actor gets a card up to this many statements.
ALL_CARDS_UP_TO = 50
#: Every shift of an actor is detailed up to this many shifts.
ALL_SHIFTS_UP_TO = 20
#: Cards of one folded actor at most (before those its detailed shifts need).
CARDS_PER_ACTOR = 30
#: Detailed shifts of one folded actor at most.
SHIFTS_PER_ACTOR = 10
#: Cards of folded actors on the whole page, shared among the actor sections.
CARD_BUDGET = 900
#: Actor sections written in full; later ones are compact.
MAX_SECTIONS = 60
#: Overview rows at most (actors with most statements first).
MAX_OVERVIEW_ROWS = 200
#: Characters of actor sections after which the remaining sections are compact.
BYTE_BUDGET = 3_500_000
#: Tags listed per period row.
TAGS_PER_PERIOD = 6


def card_share(n_sections: int) -> int:
    """Cards one folded actor may show when ``n_sections`` sections share :data:`CARD_BUDGET`."""
    return max(3, min(CARDS_PER_ACTOR, CARD_BUDGET // max(n_sections, 1)))


@dataclass(frozen=True)
class PeriodRow:
    """Statements of one period: how many, how many have a card, the tags mentioned most."""

    period: str
    statements: int
    shown: int
    tags: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ActorDigest:
    """What one actor's section shows: card and shift indices (in timeline order), period rows."""

    cards: tuple[int, ...]
    shifts: tuple[int, ...]
    periods: tuple[PeriodRow, ...]
    total: int

    @property
    def folded(self) -> bool:
        """Whether some statements have no card."""
        return len(self.cards) < self.total


def period_key(dates: Sequence[str], max_periods: int = 40) -> int:
    """How many characters of a date make its period: 7 (month), or 4 (year) when months are many.

    Example:
        >>> period_key(["2024-01-02", "2024-02"]), period_key([f"{y}-01" for y in range(1900, 1950)])
        (7, 4)
    """
    months = {d[:7] for d in dates}
    return 7 if len(months) <= max_periods else 4


def period_counts(actor: ActorReport) -> dict[str, tuple[list[int], Counter]]:
    """Period → (statement indices, tag → statements mentioning it), computed once per actor."""
    cached = actor.__dict__.get("_period_counts")  # frozen dataclass: cache beside its fields
    if cached is not None:
        return cached
    # (kept in the timeline cache: an unchanged actor's tag lists are not read again)
    out = actor.summary.periods if actor.summary else counts_by_period(actor.analyses)
    actor.__dict__["_period_counts"] = out
    return out


def counts_by_period(analyses: Sequence[StatementAnalysis]) -> dict[str, tuple[list[int], Counter]]:
    """Period → (statement indices, tag → statements mentioning it) of analyses in date order."""
    width = period_key([a.statement.date for a in analyses])
    gathered: dict[str, tuple[list[int], list[str]]] = {}
    for i, a in enumerate(analyses):
        key = a.statement.date[:width] or "undated"
        entry = gathered.get(key)
        if entry is None:  # (not setdefault: that would build the pair per statement)
            entry = gathered[key] = ([], [])
        entry[0].append(i)
        entry[1].extend(mention_tags(a))  # (a cached analysis is not decoded for this)
    # Counted once per period: a Counter updated per statement cost more than the rest together.
    return {key: (indices, Counter(tags)) for key, (indices, tags) in gathered.items()}


def _periods(actor: ActorReport, shown: set[int]) -> tuple[PeriodRow, ...]:
    return tuple(
        PeriodRow(
            key,
            len(indices),
            sum(1 for i in indices if i in shown),
            tuple(sorted(tags.items(), key=lambda kv: (-kv[1], kv[0]))[:TAGS_PER_PERIOD]),
        )
        for key, (indices, tags) in period_counts(actor).items()
    )


def digest(actor: ActorReport, *, n_sections: int = 1) -> ActorDigest:
    """Choose what the actor's section shows (rules in the module docstring)."""
    tl = actor.timeline
    n = len(tl.analyses)
    if actor.n_shifts <= ALL_SHIFTS_UP_TO:
        shifts = tuple(range(actor.n_shifts))
    else:
        shifts = tuple(sorted(actor.shift_ranking[:SHIFTS_PER_ACTOR]))
    if n <= ALL_CARDS_UP_TO:
        return ActorDigest(tuple(range(n)), shifts, (), n)
    index = actor.index
    wanted: set[int] = set()
    for k in shifts:
        # the first statement of each side: the notable entry and the shift detail link to it
        shift = actor.shift(k)
        for ids in (shift.from_ids, shift.to_ids):
            wanted.update(index[i] for i in ids[:1] if i in index)
    wanted.update(range(max(0, n - card_share(n_sections)), n))  # and the latest statements
    cards = tuple(sorted(wanted))
    return ActorDigest(cards, shifts, _periods(actor, set(cards)), n)


def compact_digest(actor: ActorReport) -> ActorDigest:
    """A section without cards or shift details: only the period summary."""
    return ActorDigest((), (), _periods(actor, set()), len(actor.analyses))


__all__ = [
    "ALL_CARDS_UP_TO",
    "BYTE_BUDGET",
    "MAX_OVERVIEW_ROWS",
    "MAX_SECTIONS",
    "ActorDigest",
    "PeriodRow",
    "card_share",
    "compact_digest",
    "digest",
    "period_key",
]
