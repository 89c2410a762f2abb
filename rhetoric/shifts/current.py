"""An actor's current position: the latest conditions it states and the stances it holds now.

The rule is the report's, offered by the corpus session
(:meth:`rhetoric.session.Session.current_position`) and the pandas API
(``rhetoric.load(...).current_positions()``), so every output says the same.

Example:
    >>> from rhetoric.session import Session
    >>> current_position(Session.open("corpora/ukraine-nato").timeline(speaker="zelensky")).conditions
    ('nato_membership',)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..types import StanceValue
from .model import STANCE_NONE, TagRole
from .positions import OTHER, Position, position_of
from .timeline import Timeline


def directed(tag: str, stance: str) -> str:
    """A tag named with the direction the speaker wants: ``against TAG`` when the speaker opposes
    it (a condition that something be dropped or never happen), else the tag.

    Example:
        >>> directed("nato_membership", "oppose"), directed("ceasefire", "support")
        ('against nato_membership', 'ceasefire')
    """
    return f"against {tag}" if stance == StanceValue.OPPOSE.value else tag


@dataclass(frozen=True)
class CurrentPosition:
    """Where an actor stands now, and which statements say so (rule: :func:`current_position`)."""

    as_of_id: str
    as_of_date: str
    framed_id: str
    conditions: tuple[str, ...]
    outcomes: tuple[str, ...]
    modality: str
    supports: tuple[str, ...]
    opposes: tuple[str, ...]

    @property
    def condition_labels(self) -> tuple[str, ...]:
        """The conditions with their direction: a condition the actor wants undone (Russia
        demanding that Ukraine drop NATO membership) reads ``against nato_membership``.

        Example:
            >>> CurrentPosition("", "", "", ("nato_membership", "neutrality"), (), "", (), ("nato_membership",)
            ...                 ).condition_labels
            ('against nato_membership', 'neutrality')
        """
        return tuple(directed(t, StanceValue.OPPOSE if t in self.opposes else "") for t in self.conditions)


def latest_stances(positions: Iterable[Position]) -> list[tuple[str, str]]:
    """Each tag's stance over several statements, read from their one-statement positions exactly
    as :func:`~rhetoric.shifts.positions.position_of` reads them together (the latest stated
    stance; else ``support`` for a tag demanded as a condition; else ``none``), without reading
    the texts again (the report's cost stays the rendering's at any corpus size).

    Example:
        >>> latest_stances([])
        []
    """
    return StanceFold().add(positions).stances()


@dataclass
class StanceFold:
    """The running reading of :func:`latest_stances`: fed positions in order, it can be kept and
    fed more later (a timeline that gained statements at its end) with the same result as
    reading them all at once."""

    stated: dict[str, str] = field(default_factory=dict)
    demanded: set[str] = field(default_factory=set)
    order: dict[str, None] = field(default_factory=dict)

    def add(self, positions: Iterable[Position]) -> StanceFold:
        """Read more positions (after those read so far); returns itself."""
        stated, demanded, order = self.stated, self.demanded, self.order
        for p in positions:
            for tag, state in p.states:
                order.setdefault(tag)
                if state.stated:
                    stated[tag] = state.stance
                if state.role is TagRole.CONDITION:
                    demanded.add(tag)
        return self

    def stances(self) -> list[tuple[str, str]]:
        """Each tag's stance (as :func:`latest_stances` gives it)."""
        fallback = {True: StanceValue.SUPPORT.value, False: STANCE_NONE}
        stated, demanded = self.stated, self.demanded
        return [(t, stated.get(t, fallback[t in demanded])) for t in self.order if t != OTHER]


def current_position(tl: Timeline) -> CurrentPosition:
    """The actor's current position from its timeline.

    The position is read by occasion (statements of one source and day, or one ``occasion``,
    read together in source order — :mod:`rhetoric.shifts.occasions`), so it never depends on
    the order of statements inside one article: conditions and outcomes come from the latest
    occasion that states conditions (a later remark without any frame does not drop them, as in
    :func:`rhetoric.shifts.compare.compare`); stances are the latest the actor took on each tag
    from that occasion on. An actor who never states conditions is read from all its statements.

    Example:
        >>> from rhetoric.shifts.timeline import timeline
        >>> current_position(timeline([])).conditions
        ()
    """
    return current_reading(tl)[0]


def current_reading(tl: Timeline) -> tuple[CurrentPosition, int | None, StanceFold]:
    """:func:`current_position` with what it read: the index of the latest occasion that states
    conditions (None when none does) and the stances read from that occasion on, so that a
    timeline that gains occasions at its end can be read again from there
    (:func:`extended_current`)."""
    if not tl.analyses:
        return CurrentPosition("", "", "", (), (), "", (), ()), None, StanceFold()
    occasions = tl.occasions or tuple((i,) for i in range(len(tl.analyses)))
    at = next(
        (
            k
            for k in range(len(occasions) - 1, -1, -1)
            if any(tl.positions[i].has_frames for i in occasions[k])
        ),
        None,
    )
    framed = _read(tl, occasions[at]) if at is not None else None
    fold = StanceFold().add(tl.positions[i] for occ in occasions[at or 0 :] for i in occ)
    return _current(tl, framed, fold), at, fold


def extended_current(
    tl: Timeline,
    before: CurrentPosition,
    at: int | None,
    fold: StanceFold,
    *,
    first: int,
    position: Callable[[int], Position],
) -> tuple[CurrentPosition, int | None, StanceFold]:
    """:func:`current_reading` of a timeline whose occasions from ``first`` on were added after
    ``before``, ``at`` and ``fold`` were read (``fold`` is fed on, not copied): only the added
    occasions' positions are read (``position(i)``: the ``i``-th one). Same result as
    :func:`current_reading` of the whole timeline."""
    occasions = tl.occasions
    latest = next(
        (
            k
            for k in range(len(occasions) - 1, first - 1, -1)
            if any(position(i).has_frames for i in occasions[k])
        ),
        None,
    )
    if latest is not None:  # a newly added occasion states conditions: read from it on
        fold = StanceFold().add(position(i) for occ in occasions[latest:] for i in occ)
        return _current(tl, _read(tl, occasions[latest]), fold), latest, fold
    fold.add(position(i) for occ in occasions[first:] for i in occ)
    kept = CurrentPosition(
        "", "", before.framed_id, before.conditions, before.outcomes, before.modality, (), ()
    )
    return _current(tl, kept, fold), at, fold


def _read(tl: Timeline, indices: Iterable[int]) -> Position:
    group = [tl.analyses[i] for i in indices]
    if tl.party:
        return position_of(group, speaker=tl.party, own_speakers=True)
    return position_of(group, speaker=tl.speaker)


def _current(tl: Timeline, framed: Position | CurrentPosition | None, fold: StanceFold) -> CurrentPosition:
    latest = tl.analyses[-1].statement
    stances = fold.stances()
    if isinstance(framed, CurrentPosition):  # (as read before the timeline grew)
        framed_id, conditions, outcomes, modality = (
            framed.framed_id,
            framed.conditions,
            framed.outcomes,
            framed.modality,
        )
    elif framed is not None:
        framed_id, conditions = framed.statement_ids[0], framed.conditions
        outcomes, modality = framed.outcomes, framed.modality
    else:
        framed_id, conditions, outcomes, modality = "", (), (), ""
    return CurrentPosition(
        as_of_id=latest.id,
        as_of_date=latest.date,
        framed_id=framed_id,
        conditions=conditions,
        outcomes=outcomes,
        modality=modality,
        supports=tuple(t for t, s in stances if s == StanceValue.SUPPORT),
        opposes=tuple(t for t, s in stances if s == StanceValue.OPPOSE),
    )
