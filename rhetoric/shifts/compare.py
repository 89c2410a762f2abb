"""Diff of two positions: items taken up, let go and kept, conditions, outcomes, stances,
commitment and tone, each with evidence from both sides, and a verdict.

Example:
    >>> from rhetoric.records import StatementAnalysis
    >>> from rhetoric.records import Frame
    >>> a = StatementAnalysis("", (), (Frame(None, 0, "a", "", "", ("negotiations",), ("withdrawal",), "until",
    ...     polarity="negated", modality="firm"),), ())
    >>> b = StatementAnalysis("", (), (Frame(None, 0, "b", "", "", ("ceasefire",), ("nato_membership",),
    ...     "as long as", modality="open"),), ())
    >>> shift = compare(a, b)
    >>> shift.conditions_dropped, shift.conditions_added, shift.verdict.value
    (('withdrawal',), ('nato_membership',), 'softened')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..records import StatementAnalysis
from ..types import Modality, Polarity, StanceValue
from .model import ChangeEvent, EventType, Shift, StanceChange, TagRole
from .occasions import reading_order
from .positions import COMMITMENT_RANK, OTHER, Position, position_of
from .verdict import decide

# Lower is softer. Neutral (no marker) is unknown, not in between: it moves nothing.
_FIRMNESS = {
    Modality.OPEN.value: 0,
    Modality.HYPOTHETICAL.value: 0,
    Modality.FIRM.value: 2,
}
_FLIP = {StanceValue.SUPPORT.value, StanceValue.OPPOSE.value}


def _as_list(x: StatementAnalysis | Sequence[StatementAnalysis]) -> list[StatementAnalysis]:
    items = [x] if isinstance(x, StatementAnalysis) else list(x)
    return sorted(items, key=lambda a: reading_order(a.statement) if a.statement else ())


def _supports(p: Position, tag: str) -> bool:
    state = p.state(tag)
    return state.stance == StanceValue.SUPPORT.value or state.role is TagRole.CONDITION


def _event(
    kind: EventType, tag: str, detail: str, a: Position, b: Position, *, tone: bool = False
) -> ChangeEvent:
    if tone:
        return ChangeEvent(kind, tag, detail, a.frame_evidence(), b.frame_evidence())
    return ChangeEvent(kind, tag, detail, a.state(tag).evidence, b.state(tag).evidence)


def _item_events(a: Position, b: Position) -> tuple[list[ChangeEvent], dict[str, tuple]]:
    """Items taken up / let go, conditions added / dropped, role changes and outcome changes."""
    events: list[ChangeEvent] = []
    pa, pb = a.positioned, b.positioned
    # A condition is new only when the earlier position did not already back the item; it is
    # dropped only when the later position no longer backs it ("join NATO!" keeps the demand).
    cond_added = tuple(
        t for t in b.conditions if t not in a.conditions and (t == OTHER or not _supports(a, t))
    )
    cond_dropped = tuple(
        t
        for t in a.conditions
        if t not in b.conditions and (t == OTHER or not _supports(b, t)) and b.has_position
    )
    role_changes = []
    for tag in dict.fromkeys((*pa, *pb)):
        ra, rb = a.role(tag), b.role(tag)
        if {ra, rb} == {TagRole.OUTCOME, TagRole.CONDITION}:
            role_changes.append((tag, ra.value, rb.value))
            events.append(_event(EventType.ROLE_CHANGED, tag, f"{ra.value}→{rb.value}", a, b))
    moved = {t for t, _, _ in role_changes}
    for tag in cond_dropped:
        if tag not in moved:
            events.append(_event(EventType.CONDITION_DROPPED, tag, "", a, b))
    for tag in cond_added:
        if tag not in moved:
            events.append(_event(EventType.CONDITION_ADDED, tag, "", a, b))
    flagged = set(cond_added) | set(cond_dropped) | moved
    added = tuple(t for t in pb if t not in pa)
    dropped = tuple(t for t in pa if t not in pb)
    events += [_event(EventType.ITEM_TAKEN_UP, t, b.state(t).stance, a, b) for t in added if t not in flagged]
    events += [_event(EventType.ITEM_LET_GO, t, a.state(t).stance, a, b) for t in dropped if t not in flagged]
    if a.frames and b.frames:
        out_a, out_b = a.outcomes, b.outcomes
        for tag in out_b:
            if tag not in out_a and tag not in moved:
                events.append(_event(EventType.OUTCOME_CHANGED, tag, "now at stake", a, b))
        for tag in out_a:
            if tag not in out_b and tag not in moved:
                events.append(_event(EventType.OUTCOME_CHANGED, tag, "no longer at stake", a, b))
    lists = {
        "added": added,
        "dropped": dropped,
        "kept": tuple(t for t in pa if t in pb),
        "conditions_added": cond_added,
        "conditions_dropped": cond_dropped,
        "role_changes": tuple(role_changes),
    }
    return events, lists


def _stance_events(
    a: Position, b: Position, opposites: Iterable[tuple[str, str]]
) -> tuple[list[ChangeEvent], list[StanceChange]]:
    """Stance changes on items both sides mention; reversals (support ↔ oppose, or to an opposite)."""
    events: list[ChangeEvent] = []
    changes: list[StanceChange] = []
    for tag in dict.fromkeys((*a.tags(), *b.tags())):
        if tag == OTHER:
            continue
        sa, sb = a.state(tag), b.state(tag)
        # Only items both sides mention: an item let go is listed as dropped, not as a stance.
        if sa.stance == sb.stance or TagRole.ABSENT in (sa.role, sb.role):
            continue
        changes.append(StanceChange(tag, sa.stance, sb.stance))
        # A reversal needs one side to *state* its stance: a condition demanded ("talks only
        # if …") and an outcome later offered are not a flip.
        if {sa.stance, sb.stance} == _FLIP and (sa.stated or sb.stated):
            events.append(_event(EventType.STANCE_REVERSED, tag, f"{sa.stance}→{sb.stance}", a, b))
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
    return events, changes


def _tone_events(a: Position, b: Position) -> list[ChangeEvent]:
    """Frame modality and polarity (both sides framed), commitment, unconditional offers."""
    events: list[ChangeEvent] = []
    if a.frames and b.frames:
        fa, fb = _FIRMNESS.get(a.modality), _FIRMNESS.get(b.modality)
        if fa is not None and fb is not None and fa != fb:
            kind = EventType.SOFTENED if fb < fa else EventType.HARDENED
            events.append(_event(kind, "", f"modality {a.modality}→{b.modality}", a, b, tone=True))
        if a.polarity != b.polarity:
            kind = EventType.SOFTENED if b.polarity == Polarity.AFFIRMED.value else EventType.HARDENED
            events.append(_event(kind, "", f"polarity {a.polarity}→{b.polarity}", a, b, tone=True))
    ca, cb = COMMITMENT_RANK.get(a.commitment), COMMITMENT_RANK.get(b.commitment)
    if (
        not any(e.detail.startswith("modality") for e in events)
        and ca is not None
        and cb is not None
        and ca != cb
    ):
        kind = EventType.SOFTENED if cb < ca else EventType.HARDENED
        events.append(
            ChangeEvent(
                kind,
                "",
                f"commitment {a.commitment}→{b.commitment}",
                a.commitment_evidence(),
                b.commitment_evidence(),
            )
        )
    for tag in b.unconditional:
        # Softer only if the item was offered on conditions before; a demand repeated "now,
        # without preconditions" was never conditional.
        if tag not in a.unconditional and a.role(tag) is TagRole.OUTCOME:
            events.append(_event(EventType.BECAME_UNCONDITIONAL, tag, "offered without preconditions", a, b))
    for tag in a.unconditional:
        if tag not in b.unconditional and b.role(tag) is TagRole.OUTCOME and b.conditions:
            events.append(
                _event(EventType.HARDENED, tag, "conditions attached to an unconditional offer", a, b)
            )
    return events


def compare_positions(a: Position, b: Position, *, opposites: Iterable[tuple[str, str]] = ()) -> Shift:
    """Diff two positions.

    Args:
        a: The earlier position.
        b: The later position.
        opposites: Pairs of tags that contradict each other (from the codebook's
            ``[frames] opposites``); turning from one to the other is a reversal.

    Returns:
        The shift, with typed events and the verdict (rules in :mod:`rhetoric.shifts.verdict`).
    """
    item_events, lists = _item_events(a, b)
    stance_events, stance_changes = _stance_events(a, b, opposites)
    events = [*item_events, *stance_events, *_tone_events(a, b)]
    verdict, reasons = decide(events, stated=(a.has_position, b.has_position), kept=lists["kept"])
    tags = tuple((t, a.state(t), b.state(t)) for t in dict.fromkeys((*a.tags(), *b.tags())) if t != OTHER)
    return Shift(
        from_ids=a.statement_ids,
        to_ids=b.statement_ids,
        speaker=b.speaker or a.speaker,
        from_date=a.date_to,
        to_date=b.date_to,
        added=lists["added"],
        dropped=lists["dropped"],
        kept=lists["kept"],
        outcome_from=a.outcomes,
        outcome_to=b.outcomes,
        stance_changes=tuple(stance_changes),
        modality_from=a.modality,
        modality_to=b.modality,
        polarity_from=a.polarity,
        polarity_to=b.polarity,
        role_changes=lists["role_changes"],
        events=tuple(events),
        verdict=verdict,
        reasons=reasons,
        tags=tags,
        conditions_added=lists["conditions_added"],
        conditions_dropped=lists["conditions_dropped"],
        commitment_from=a.commitment,
        commitment_to=b.commitment,
    )


def compare(
    a: StatementAnalysis | Sequence[StatementAnalysis],
    b: StatementAnalysis | Sequence[StatementAnalysis],
    *,
    opposites: Iterable[tuple[str, str]] = (),
    speaker: str | None = None,
    own_speakers: bool = False,
) -> Shift:
    """Diff two statements, or two sets of statements (each read in order as one position).

    Args:
        a: The earlier statement analysis (or several).
        b: The later one (or several).
        opposites: Pairs of contradicting tags (see :func:`compare_positions`).
        speaker: Whose stances count (defaults to each side's speaker).
        own_speakers: Count each statement's stances of its own speaker (a party's officials).

    Returns:
        The shift.
    """
    return compare_positions(
        position_of(_as_list(a), speaker=speaker, own_speakers=own_speakers),
        position_of(_as_list(b), speaker=speaker, own_speakers=own_speakers),
        opposites=opposites,
    )
