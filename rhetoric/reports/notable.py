"""Notable shifts: for each actor (and party) the strongest shift of its timeline, the finding a
report leads with.

**Strongest** is decided by one rule, in this order:

1. the verdict's weight: ``reversed`` > ``hardened`` = ``softened`` > ``reframed`` = ``mixed`` >
   ``unchanged`` > ``no_position``;
2. then the evidence: more quoted spans behind the shift's change events (both sides) wins;
3. then recency: the later shift wins.

So an earlier softening is never hidden behind a trailing ``unchanged``; among two softenings
the better-evidenced one leads, and among equals the latest. Entries are listed strongest
first (same key across actors), actors in report order on a tie.

Example:
    >>> from rhetoric.shifts.model import Verdict
    >>> [VERDICT_WEIGHT[v] for v in (Verdict.REVERSED, Verdict.SOFTENED, Verdict.MIXED, Verdict.UNCHANGED)]
    [4, 3, 2, 1]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..records import StatementAnalysis
from ..shifts.model import ChangeEvent, Shift, Verdict
from .collect import ActorReport

#: Weight of each verdict in the choice of the strongest shift (rule 1 of the module docstring).
VERDICT_WEIGHT = {
    Verdict.REVERSED: 4,
    Verdict.HARDENED: 3,
    Verdict.SOFTENED: 3,
    Verdict.REFRAMED: 2,
    Verdict.MIXED: 2,
    Verdict.UNCHANGED: 1,
    Verdict.NO_POSITION: 0,
}


def evidence_count(shift: Shift) -> int:
    """Quoted spans behind the shift's change events, both sides counted.

    Example:
        >>> from rhetoric.shifts.model import EventType, Evidence
        >>> e = ChangeEvent(EventType.CONDITION_DROPPED, "withdrawal", "", (Evidence("s-1", 0, 5, "troops"),), ())
        >>> evidence_count(Shift((), (), "", "", "", (), (), (), (), (), (), "", "", "", "", (), (e,), Verdict.SOFTENED))
        1
    """
    return sum(len(e.evidence_from) + len(e.evidence_to) for e in shift.events)


def strength(shift: Shift, index: int) -> tuple[int, int, int]:
    """Sort key of a shift: verdict weight, evidence count, position in its timeline."""
    return (VERDICT_WEIGHT.get(shift.verdict, 0), evidence_count(shift), index)


def strongest_index(actor: ActorReport) -> int | None:
    """Index into the actor's shifts of the strongest shift (None without any shift)."""
    return actor.shift_ranking[0] if actor.shift_ranking else None


def shift_anchor(actor: ActorReport, k: int) -> str:
    """HTML id of the ``k``-th shift's detail in the actor's section (0-based ``k``)."""
    return f"shift-{actor.key}-{k + 1}"


@dataclass(frozen=True)
class NotableShift:
    """One actor's (or party's) strongest shift, with the statements on each side."""

    actor: ActorReport
    index: int
    shift: Shift
    before: tuple[StatementAnalysis, ...]
    after: tuple[StatementAnalysis, ...]

    @property
    def anchor(self) -> str:
        """HTML id of this entry in the notable-shifts section."""
        return f"notable-{self.actor.key}"

    @property
    def detail_anchor(self) -> str:
        """HTML id of the shift's detail in the actor's section."""
        return shift_anchor(self.actor, self.index)

    @property
    def steps(self) -> tuple[str, str]:
        """Statement numbers of the two occasions (``"1"``, ``"2–3"``)."""
        return self.actor.timeline.shift_steps()[self.index]

    @property
    def events(self) -> tuple[ChangeEvent, ...]:
        """The shift's change events."""
        return self.shift.events

    @property
    def tags(self) -> tuple[str, ...]:
        """Every tag the shift concerns (for filtering)."""
        s = self.shift
        found = [*s.added, *s.dropped, *s.kept, *s.outcome_from, *s.outcome_to, *(e.tag for e in s.events)]
        return tuple(dict.fromkeys(t for t in found if t))


def _side(actor: ActorReport, ids: tuple[str, ...], events: Iterable[ChangeEvent], before: bool) -> tuple:
    """The statements of one side, the one quoted most by the evidence first."""
    quoted: dict[str | None, int] = {}
    for e in events:
        for ev in e.evidence_from if before else e.evidence_to:
            quoted[ev.statement_id] = quoted.get(ev.statement_id, 0) + 1
    # in timeline order, looked up by id rather than by reading every statement
    analyses, index = actor.timeline.analyses, actor.index
    found = [analyses[i] for i in sorted({index[sid] for sid in ids if sid in index})]
    return tuple(sorted(found, key=lambda a: -quoted.get(a.statement.id, 0)))


def notable_of(actor: ActorReport) -> NotableShift | None:
    """The actor's strongest shift (rule in the module docstring), or None without a shift."""
    k = strongest_index(actor)
    if k is None:
        return None
    shift = actor.shift(k)
    return NotableShift(
        actor=actor,
        index=k,
        shift=shift,
        before=_side(actor, shift.from_ids, shift.events, True),
        after=_side(actor, shift.to_ids, shift.events, False),
    )


def notable_shifts(actors: Iterable[ActorReport]) -> tuple[NotableShift, ...]:
    """The strongest shift of each actor that has one, strongest first (ties in the given order).

    Example:
        >>> notable_shifts([])
        ()
    """
    found = [n for n in (notable_of(a) for a in actors) if n is not None]
    order = {id(n): i for i, n in enumerate(found)}
    return tuple(
        sorted(
            found,
            key=lambda n: (-VERDICT_WEIGHT.get(n.shift.verdict, 0), -evidence_count(n.shift), order[id(n)]),
        )
    )


__all__ = ["VERDICT_WEIGHT", "NotableShift", "evidence_count", "notable_of", "notable_shifts", "strength"]
