"""An actor's timeline: statements in date order, a position matrix, and shifts between neighbours.

Imprecise dates sort at the start of their period and ``before`` dates before the
dated statements they precede (:meth:`rhetoric.records.Statement.sort_key`).

Example:
    >>> tl = timeline([])
    >>> tl.matrix(), tl.shifts
    ({}, ())
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..frames.analyze import StatementAnalysis
from ..types import StanceValue
from .compare import compare
from .model import Shift, TagRole
from .positions import Position, position_of

#: Cell values of the position matrix.
CELL_VALUES = ("condition", "outcome", "support", "oppose", "mentioned", "absent")


@dataclass(frozen=True)
class Timeline:
    """One speaker's statements in order, with their positions and consecutive shifts."""

    speaker: str
    analyses: tuple[StatementAnalysis, ...]
    positions: tuple[Position, ...]
    shifts: tuple[Shift, ...]

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
                elif state.stance != StanceValue.NEUTRAL.value:
                    row.append(state.stance)
                else:
                    row.append("mentioned")
            out[tag] = row
        return out


def timeline(
    analyses: Iterable[StatementAnalysis], *, speaker: str = "", opposites: Sequence[tuple[str, str]] = ()
) -> Timeline:
    """Build a speaker's timeline from the analyses of their statements.

    Args:
        analyses: Analyses of the speaker's statements, in any order.
        speaker: The speaker (taken from the statements when empty).
        opposites: Pairs of contradicting tags, passed to :func:`compare`.
    """
    ordered = tuple(sorted(analyses, key=lambda a: a.statement.sort_key() if a.statement else ()))
    speaker = speaker or next((a.statement.speaker for a in ordered if a.statement), "")
    positions = tuple(position_of([a], speaker=speaker) for a in ordered)
    shifts = tuple(
        compare(x, y, opposites=opposites, speaker=speaker)
        for x, y in zip(ordered, ordered[1:], strict=False)
    )
    return Timeline(speaker, ordered, positions, shifts)
