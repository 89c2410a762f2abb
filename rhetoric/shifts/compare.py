"""Diff of two positions: conditions added, dropped and kept, outcomes, stances, tone, and a verdict.

Example:
    >>> from rhetoric.frames.analyze import StatementAnalysis
    >>> from rhetoric.records import Frame
    >>> a = StatementAnalysis("", (), (Frame(None, 0, "a", "", "", ("negotiations",), ("withdrawal",), "until",
    ...     polarity="negated", modality="firm"),), ())
    >>> b = StatementAnalysis("", (), (Frame(None, 0, "b", "", "", ("ceasefire",), ("nato_membership",),
    ...     "as long as", modality="open"),), ())
    >>> shift = compare(a, b)
    >>> shift.dropped, shift.added, shift.verdict.value
    (('withdrawal',), ('nato_membership',), 'softened')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..frames.analyze import StatementAnalysis
from ..types import Modality, Polarity, StanceValue
from .model import ChangeEvent, EventType, Shift, StanceChange, TagRole
from .positions import OTHER, Position, position_of
from .verdict import decide

# Lower is softer. Neutral (no marker) sits between open and firm.
_FIRMNESS = {
    Modality.OPEN.value: 0,
    Modality.HYPOTHETICAL.value: 0,
    Modality.NEUTRAL.value: 1,
    Modality.FIRM.value: 2,
}


def _as_list(x: StatementAnalysis | Sequence[StatementAnalysis]) -> list[StatementAnalysis]:
    return [x] if isinstance(x, StatementAnalysis) else list(x)


def _supports(p: Position, tag: str) -> bool:
    state = p.state(tag)
    return state.stance == StanceValue.SUPPORT.value or (
        state.role is TagRole.CONDITION and state.stance != StanceValue.OPPOSE.value
    )


def _event(
    kind: EventType, tag: str, detail: str, a: Position, b: Position, *, tone: bool = False
) -> ChangeEvent:
    if tone:
        return ChangeEvent(kind, tag, detail, a.frame_evidence(), b.frame_evidence())
    return ChangeEvent(kind, tag, detail, a.state(tag).evidence, b.state(tag).evidence)


def compare_positions(a: Position, b: Position, *, opposites: Iterable[tuple[str, str]] = ()) -> Shift:
    """Diff two positions.

    Args:
        a: The earlier position.
        b: The later position.
        opposites: Pairs of tags that contradict each other (from the codebook's
            ``[frames] opposites``); turning from one to the other is a reversal.

    Returns:
        The shift, with typed events and the verdict.
    """
    events: list[ChangeEvent] = []
    cond_a, cond_b = a.conditions, b.conditions
    added = tuple(t for t in cond_b if t not in cond_a)
    # A condition is dropped only when the later position states conditions and no longer backs it;
    # a later remark that merely calls for it again ("join NATO!") keeps it.
    dropped = tuple(t for t in cond_a if t not in cond_b and b.has_frames and not _supports(b, t))
    kept = tuple(t for t in cond_a if t in cond_b or _supports(b, t))
    role_changes: list[tuple[str, str, str]] = []
    for tag in dict.fromkeys((*a.tags(), *b.tags())):
        ra, rb = a.role(tag), b.role(tag)
        if {ra, rb} == {TagRole.OUTCOME, TagRole.CONDITION}:
            role_changes.append((tag, ra.value, rb.value))
            events.append(_event(EventType.ROLE_CHANGED, tag, f"{ra.value}→{rb.value}", a, b))
    moved = {t for t, _, _ in role_changes}
    for tag in dropped:
        if tag not in moved:
            events.append(_event(EventType.CONDITION_DROPPED, tag, "", a, b))
    for tag in added:
        if tag not in moved:
            events.append(_event(EventType.CONDITION_ADDED, tag, "", a, b))
    out_a, out_b = a.outcomes, b.outcomes
    for tag in out_b:
        if tag not in out_a and tag not in moved:
            events.append(_event(EventType.OUTCOME_CHANGED, tag, "now at stake", a, b))
    for tag in out_a if b.has_frames else ():
        if tag not in out_b and tag not in moved:
            events.append(_event(EventType.OUTCOME_CHANGED, tag, "no longer at stake", a, b))

    stance_changes: list[StanceChange] = []
    for tag in dict.fromkeys((*a.tags(), *b.tags())):
        sa, sb = a.state(tag).stance, b.state(tag).stance
        if a.role(tag) is TagRole.ABSENT or b.role(tag) is TagRole.ABSENT or sa == sb:
            continue
        stance_changes.append(StanceChange(tag, sa, sb))
        if {sa, sb} == {StanceValue.SUPPORT.value, StanceValue.OPPOSE.value}:
            events.append(_event(EventType.STANCE_REVERSED, tag, f"{sa}→{sb}", a, b))
    for x, y in opposites:
        for first, second in ((x, y), (y, x)):
            if _supports(a, first) and _supports(b, second) and not _supports(b, first):
                events.append(
                    ChangeEvent(
                        EventType.STANCE_REVERSED,
                        first,
                        f"support for {first} → support for its opposite {second}",
                        a.state(first).evidence,
                        b.state(second).evidence,
                    )
                )

    if a.has_frames and b.has_frames:
        fa, fb = _FIRMNESS.get(a.modality, 1), _FIRMNESS.get(b.modality, 1)
        if fa != fb:
            kind = EventType.SOFTENED if fb < fa else EventType.HARDENED
            events.append(_event(kind, "", f"modality {a.modality}→{b.modality}", a, b, tone=True))
        if a.polarity != b.polarity:
            kind = EventType.SOFTENED if b.polarity == Polarity.AFFIRMED.value else EventType.HARDENED
            events.append(_event(kind, "", f"polarity {a.polarity}→{b.polarity}", a, b, tone=True))
    for tag in b.unconditional:
        if tag not in a.unconditional and (a.role(tag) is not TagRole.ABSENT or cond_a):
            events.append(_event(EventType.BECAME_UNCONDITIONAL, tag, "offered without preconditions", a, b))
    for tag in a.unconditional:
        if tag not in b.unconditional and b.role(tag) is TagRole.OUTCOME and cond_b:
            events.append(
                _event(EventType.HARDENED, tag, "conditions attached to an unconditional offer", a, b)
            )

    verdict, reasons = decide(events)
    tags = tuple((t, a.state(t), b.state(t)) for t in dict.fromkeys((*a.tags(), *b.tags())) if t != OTHER)
    return Shift(
        from_ids=a.statement_ids,
        to_ids=b.statement_ids,
        speaker=b.speaker or a.speaker,
        from_date=a.date_to,
        to_date=b.date_to,
        added=added,
        dropped=dropped,
        kept=kept,
        outcome_from=out_a,
        outcome_to=out_b,
        stance_changes=tuple(stance_changes),
        modality_from=a.modality,
        modality_to=b.modality,
        polarity_from=a.polarity,
        polarity_to=b.polarity,
        role_changes=tuple(role_changes),
        events=tuple(events),
        verdict=verdict,
        reasons=reasons,
        tags=tags,
    )


def compare(
    a: StatementAnalysis | Sequence[StatementAnalysis],
    b: StatementAnalysis | Sequence[StatementAnalysis],
    *,
    opposites: Iterable[tuple[str, str]] = (),
    speaker: str | None = None,
) -> Shift:
    """Diff two statements, or two sets of statements (each aggregated into a position).

    Args:
        a: The earlier statement analysis (or several).
        b: The later one (or several).
        opposites: Pairs of contradicting tags (see :func:`compare_positions`).
        speaker: Whose stances count (defaults to each side's speaker).

    Returns:
        The shift.
    """
    return compare_positions(
        position_of(_as_list(a), speaker=speaker),
        position_of(_as_list(b), speaker=speaker),
        opposites=opposites,
    )
