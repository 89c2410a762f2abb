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

from collections.abc import Iterable
from dataclasses import dataclass

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
    stated: dict[str, str] = {}
    demanded: set[str] = set()
    order: dict[str, None] = {}
    for p in positions:
        for tag, state in p.states:
            order.setdefault(tag)
            if state.stated:
                stated[tag] = state.stance
            if state.role is TagRole.CONDITION:
                demanded.add(tag)
    fallback = {True: StanceValue.SUPPORT.value, False: STANCE_NONE}
    return [(t, stated.get(t, fallback[t in demanded])) for t in order if t != OTHER]


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
    if not tl.analyses:
        return CurrentPosition("", "", "", (), (), "", (), ())
    latest = tl.analyses[-1].statement
    occasions = tl.occasions or tuple((i,) for i in range(len(tl.analyses)))

    def read(indices):
        group = [tl.analyses[i] for i in indices]
        if tl.party:
            return position_of(group, speaker=tl.party, own_speakers=True)
        return position_of(group, speaker=tl.speaker)

    at = next(
        (
            k
            for k in range(len(occasions) - 1, -1, -1)
            if any(tl.positions[i].has_frames for i in occasions[k])
        ),
        None,
    )
    framed = read(occasions[at]) if at is not None else None
    stances = latest_stances(tl.positions[i] for occ in occasions[at or 0 :] for i in occ)
    return CurrentPosition(
        as_of_id=latest.id,
        as_of_date=latest.date,
        framed_id=framed.statement_ids[0] if framed else "",
        conditions=framed.conditions if framed else (),
        outcomes=framed.outcomes if framed else (),
        modality=framed.modality if framed else "",
        supports=tuple(t for t, s in stances if s == StanceValue.SUPPORT),
        opposes=tuple(t for t, s in stances if s == StanceValue.OPPOSE),
    )


__all__ = ["CurrentPosition", "current_position", "latest_stances"]
