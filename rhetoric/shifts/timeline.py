"""An actor's (or a party's) timeline: statements in date order grouped into occasions, a
position matrix, and shifts between consecutive occasions.

Statements of one occasion (one article, one speech: :mod:`rhetoric.shifts.occasions`) are read
together as one position and never compared with each other. Imprecise dates sort at the start
of their period and ``before`` dates before the dated statements they precede
(:meth:`rhetoric.records.Statement.sort_key`).

Example:
    >>> tl = timeline([])
    >>> tl.matrix(), tl.shifts, tl.occasions
    ({}, (), ())
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial

from ..codebook.scales import Scale
from ..records import StatementAnalysis
from .compare import compare, compare_positions
from .model import STANCE_NONE, Shift, TagRole
from .occasions import group_by_occasion
from .positions import Position, position_of

#: Cell values of the position matrix.
CELL_VALUES = ("condition", "outcome", "support", "oppose", "mentioned", "absent")


@dataclass(frozen=True)
class Timeline:
    """One speaker's (or party's) statements in order, their positions, occasions and shifts.

    ``positions`` has one entry per statement (the matrix columns); ``occasions`` holds the
    statement indices of each occasion; ``shifts`` has one entry per pair of consecutive
    occasions.
    """

    speaker: str
    analyses: tuple[StatementAnalysis, ...]
    positions: tuple[Position, ...]
    shifts: tuple[Shift, ...]
    occasions: tuple[tuple[int, ...], ...] = ()
    #: The party this timeline reads together ("" for one person's timeline).
    party: str = ""

    def tags(self) -> tuple[str, ...]:
        """Every tag any statement mentions, in first-seen order."""
        return tuple(dict.fromkeys(t for p in self.positions for t in p.tags()))

    def matrix(self) -> dict[str, list[str]]:
        """Tag → one cell per statement: condition, outcome, support, oppose, mentioned or absent."""
        out: dict[str, list[str]] = {}
        for tag in self.tags():
            row = []
            for p in self.positions:
                state = p.state(tag)
                if state.role in (TagRole.CONDITION, TagRole.OUTCOME):
                    row.append(state.role.value)
                elif state.role is TagRole.ABSENT:
                    row.append("absent")
                elif state.stance != STANCE_NONE:
                    row.append(state.stance)
                else:
                    row.append("mentioned")
            out[tag] = row
        return out

    def shift_steps(self) -> tuple[tuple[str, str], ...]:
        """For each shift, the 1-based statement numbers of its two occasions (``"2"``, ``"3–4"``).

        Example:
            >>> Timeline("x", (), (), (), ((0,), (1, 2))).shift_steps()
            (('1', '2–3'),)
        """

        def label(indices: tuple[int, ...]) -> str:
            first, last = indices[0] + 1, indices[-1] + 1
            return str(first) if first == last else f"{first}–{last}"

        return tuple((label(x), label(y)) for x, y in zip(self.occasions, self.occasions[1:], strict=False))

    def shift_offsets(self) -> tuple[float, ...]:
        """For each shift, the x position between its occasions (in statement columns, 0-based)."""
        return tuple(x[-1] + 0.5 for x in self.occasions[:-1])


def timeline(
    analyses: Iterable[StatementAnalysis],
    *,
    speaker: str = "",
    opposites: Sequence[tuple[str, str]] = (),
    party: str = "",
    scales: Sequence[Scale] = (),
    previous: Timeline | None = None,
) -> Timeline:
    """Build a timeline from the analyses of one speaker's (or one party's) statements.

    Args:
        analyses: Analyses of the statements, in any order.
        speaker: The speaker or party label (taken from the statements when empty).
        opposites: Pairs of contradicting tags, passed to :func:`compare`.
        party: The party, when this is a party timeline: each statement's stances count for
            its own speaker, and the shifts are labelled with the party.
        scales: Ordered scales of tags, passed to :func:`compare`.
        previous: An earlier timeline of the same speaker (or party), built with the same
            ``opposites`` and ``scales``: its positions and shifts are reused where their
            statements' analyses are unchanged (incremental analysis: the result is the same).
    """
    with_statement = [a for a in analyses if a.statement]
    groups = group_by_occasion(with_statement, lambda a: a.statement)
    ordered = tuple(a for g in groups for a in g)
    speaker = speaker or next((a.statement.speaker for a in ordered), "")
    known, known_shifts = _reusable(previous, ordered, speaker=speaker, party=party)

    def read(group: Sequence[StatementAnalysis]) -> Position:
        single = group[0].statement.id if len(group) == 1 else None
        if single is not None and (hit := known.get(single)) is not None:
            return hit  # read before, or by ``previous`` (an occasion of one reads as its statement)
        found = occasion_position(group, label=party or speaker, party=bool(party))
        if single is not None:
            known[single] = found
        return found

    positions = tuple(read([a]) for a in ordered)
    occasions: list[tuple[int, ...]] = []
    i = 0
    for g in groups:
        occasions.append(tuple(range(i, i + len(g))))
        i += len(g)
    # An occasion's position is read only when a shift next to it is not known from ``previous``:
    # after one add, the many-statement occasions of a long timeline are not read again.
    lazy = ((tuple(a.statement.id for a in g), cache(partial(read, g))) for g in groups)
    shifts = tuple(_shifts(lazy, opposites=opposites, scales=scales, party=party, known=known_shifts))
    return Timeline(speaker, ordered, positions, shifts, tuple(occasions), party)


def appended_occasions(
    groups: Sequence[Sequence[StatementAnalysis]],
    *,
    start: int,
    before: tuple[tuple[str, ...], Callable[[], Position]] | None,
    speaker: str,
    party: str = "",
    opposites: Sequence[tuple[str, str]] = (),
    scales: Sequence[Scale] = (),
) -> tuple[tuple[Position, ...], tuple[tuple[int, ...], ...], tuple[Shift, ...]]:
    """What occasions added after the last one of a timeline add to it, read as :func:`timeline`
    reads them: their statements' positions, their occasions (statement indices from ``start``,
    the timeline's length before) and the shifts from ``before`` (the statement ids of the
    timeline's last occasion and how to read its position; None for an empty timeline) through
    them. ``groups`` are the added occasions in order, as :func:`group_by_occasion` gives them,
    all after the timeline's (the caller checks: then the timeline of every statement is the
    old one with these appended).
    """
    known: dict[str, Position] = {}

    def read(group: Sequence[StatementAnalysis]) -> Position:
        single = group[0].statement.id if len(group) == 1 else None
        if single is not None and (hit := known.get(single)) is not None:
            return hit
        found = occasion_position(group, label=party or speaker, party=bool(party))
        if single is not None:
            known[single] = found
        return found

    positions = tuple(read([a]) for g in groups for a in g)
    occasions: list[tuple[int, ...]] = []
    i = start
    for g in groups:
        occasions.append(tuple(range(i, i + len(g))))
        i += len(g)
    lazy = [(tuple(a.statement.id for a in g), cache(partial(read, g))) for g in groups]
    shifts = tuple(
        _shifts(
            [before, *lazy] if before is not None else lazy,
            opposites=opposites,
            scales=scales,
            party=party,
            known=None,
        )
    )
    return positions, tuple(occasions), shifts


def occasion_position(group: Sequence[StatementAnalysis], *, label: str, party: bool = False) -> Position:
    """The position of one occasion's statements: one speaker's, or a party's (each statement's
    stances counted for its own speaker)."""
    if party:
        return position_of(group, speaker=label, own_speakers=True)
    return position_of(group, speaker=label)


def shifts_between(
    positions: Iterable[Position],
    *,
    opposites: Sequence[tuple[str, str]] = (),
    scales: Sequence[Scale] = (),
    party: str = "",
    known: Mapping[tuple[tuple[str, ...], tuple[str, ...]], Shift] | None = None,
) -> Iterator[Shift]:
    """The shifts between consecutive occasion positions, lazily (a streamed export holds one at a time).

    ``known`` shifts (by their statement ids) are reused; a party's shifts carry the party as speaker.
    """
    return _shifts(
        ((p.statement_ids, partial(_given, p)) for p in positions),
        opposites=opposites,
        scales=scales,
        party=party,
        known=known,
    )


def _given(position: Position) -> Position:
    return position


def _shifts(
    occasions: Iterable[tuple[tuple[str, ...], Callable[[], Position]]],
    *,
    opposites: Sequence[tuple[str, str]],
    scales: Sequence[Scale],
    party: str,
    known: Mapping[tuple[tuple[str, ...], tuple[str, ...]], Shift] | None,
) -> Iterator[Shift]:
    """:func:`shifts_between` over ``(statement ids, how to read the position)`` pairs: a
    position is read only for a shift that is not ``known``."""
    before: tuple[tuple[str, ...], Callable[[], Position]] | None = None
    for ids, position in occasions:
        if before is not None:
            shift = (known or {}).get((before[0], ids))
            if shift is None:
                shift = compare_positions(before[1](), position(), opposites=opposites, scales=scales)
            yield replace(shift, speaker=party) if party else shift
        before = (ids, position)


def _reusable(
    previous: Timeline | None, ordered: Sequence[StatementAnalysis], *, speaker: str, party: str
) -> tuple[dict[str, Position], dict[tuple[tuple[str, ...], tuple[str, ...]], Shift]]:
    """What ``previous`` read from statements whose analyses are unchanged: their positions by
    statement id, and the shifts between occasions made only of such statements."""
    if previous is None or (previous.speaker, previous.party) != (speaker, party):
        return {}, {}
    now = {a.statement.id: a for a in ordered}
    same = {
        a.statement.id
        for a in previous.analyses
        if a.statement and ((b := now.get(a.statement.id)) is a or b == a)
    }
    positions = {
        a.statement.id: p
        for a, p in zip(previous.analyses, previous.positions, strict=True)
        if a.statement and a.statement.id in same
    }
    shifts = {
        (s.from_ids, s.to_ids): s
        for s in previous.shifts
        if same.issuperset(s.from_ids) and same.issuperset(s.to_ids)
    }
    return positions, shifts


__all__ = [
    "CELL_VALUES",
    "Timeline",
    "appended_occasions",
    "compare",
    "occasion_position",
    "shifts_between",
    "timeline",
]
