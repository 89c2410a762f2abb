"""Shift records: typed change events between two positions and the headline verdict.

Example:
    >>> e = ChangeEvent(EventType.CONDITION_DROPPED, "withdrawal", "", (Evidence("s-1", 0, 5, "troops"),), ())
    >>> e.to_dict()["evidence"]["from"][0]["text"]
    'troops'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class TagRole(StrEnum):
    """The part a tag plays in a position."""

    CONDITION = "condition"
    OUTCOME = "outcome"
    MENTIONED = "mentioned"
    ABSENT = "absent"


class Commitment(StrEnum):
    """How firmly a position is put: firm (must, never), open (ready to, could), hedged (if, in
    theory) or none (no marker)."""

    FIRM = "firm"
    OPEN = "open"
    HEDGED = "hedged"
    NONE = "none"


#: What the speaker wants to happen to an item: ``support``, ``oppose`` or ``none``.
STANCE_NONE = "none"


class EventType(StrEnum):
    """Kinds of change between two positions (how each counts: :mod:`rhetoric.shifts.verdict`).

    ``stance_reversed`` is a turn to an item's declared opposite; ``stance_flipped`` a stated
    stance turned support ↔ oppose on one item; ``stance_taken`` / ``stance_let_go`` a stance
    where there was none / none where there was one; ``ruled_out`` an item newly opposed;
    ``softened`` / ``hardened`` a frame's polarity or conditions attached to an offer;
    ``firmer`` / ``less_firm`` the tone (commitment or the frames' modality).
    """

    ITEM_TAKEN_UP = "item_taken_up"
    ITEM_LET_GO = "item_let_go"
    CONDITION_ADDED = "condition_added"
    CONDITION_DROPPED = "condition_dropped"
    OUTCOME_CHANGED = "outcome_changed"
    STANCE_REVERSED = "stance_reversed"
    STANCE_FLIPPED = "stance_flipped"
    STANCE_TAKEN = "stance_taken"
    STANCE_LET_GO = "stance_let_go"
    RULED_OUT = "ruled_out"
    FIRMER = "firmer"
    LESS_FIRM = "less_firm"
    SOFTENED = "softened"
    HARDENED = "hardened"
    BECAME_UNCONDITIONAL = "became_unconditional"
    ROLE_CHANGED = "role_changed"


class Verdict(StrEnum):
    """Headline of a shift (rules in :mod:`rhetoric.shifts.verdict`)."""

    UNCHANGED = "unchanged"
    SOFTENED = "softened"
    HARDENED = "hardened"
    REVERSED = "reversed"
    REFRAMED = "reframed"
    MIXED = "mixed"
    NO_POSITION = "no_position"


@dataclass(frozen=True)
class Evidence:
    """A span of a statement's text that shows a position."""

    statement_id: str | None
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"statement_id": self.statement_id, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class TagState:
    """The speaker's position on one item: role, stance, commitment and the evidence spans.

    ``stance`` is what the speaker wants to happen to the item (a demand that Ukraine drop NATO
    membership is ``oppose`` on ``nato_membership``, whatever the item's role).
    """

    role: TagRole = TagRole.ABSENT
    stance: str = STANCE_NONE
    evidence: tuple[Evidence, ...] = ()
    commitment: str = Commitment.NONE.value
    #: Whether the stance was stated (a stance reading) rather than implied by a frame.
    stated: bool = False

    @property
    def positioned(self) -> bool:
        """Whether the speaker states a position on the item: a role in a frame, a stance, or a
        commitment marked about it."""
        return (
            self.role in (TagRole.CONDITION, TagRole.OUTCOME)
            or self.stance != STANCE_NONE
            or self.commitment != Commitment.NONE.value
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form ``{role, stance, commitment, evidence}``."""
        return {
            "role": self.role.value,
            "stance": self.stance,
            "commitment": self.commitment,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class StanceChange:
    """The speaker's stance on a tag moved (``support→oppose``)."""

    tag: str
    from_: str
    to: str

    def to_dict(self) -> dict[str, str]:
        """JSON form ``{tag, from, to}``."""
        return {"tag": self.tag, "from": self.from_, "to": self.to}


@dataclass(frozen=True)
class ChangeEvent:
    """One typed change, with the evidence from both sides."""

    type: EventType
    tag: str
    detail: str
    evidence_from: tuple[Evidence, ...]
    evidence_to: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON form ``{type, tag, detail, evidence: {from: [...], to: [...]}}``."""
        return {
            "type": self.type.value,
            "tag": self.tag,
            "detail": self.detail,
            "evidence": {
                "from": [e.to_dict() for e in self.evidence_from],
                "to": [e.to_dict() for e in self.evidence_to],
            },
        }


@dataclass(frozen=True)
class Shift:
    """How a position moved from one statement (or set of statements) to another."""

    from_ids: tuple[str, ...]
    to_ids: tuple[str, ...]
    speaker: str
    from_date: str
    to_date: str
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    kept: tuple[str, ...]
    outcome_from: tuple[str, ...]
    outcome_to: tuple[str, ...]
    stance_changes: tuple[StanceChange, ...]
    modality_from: str
    modality_to: str
    polarity_from: str
    polarity_to: str
    role_changes: tuple[tuple[str, str, str], ...]
    events: tuple[ChangeEvent, ...]
    verdict: Verdict
    reasons: tuple[str, ...] = ()
    tags: tuple[tuple[str, TagState, TagState], ...] = field(default=(), compare=False)
    conditions_added: tuple[str, ...] = ()
    conditions_dropped: tuple[str, ...] = ()
    commitment_from: str = Commitment.NONE.value
    commitment_to: str = Commitment.NONE.value
    #: Remarks on how the comparison was read (order swapped, speakers of one party, …).
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON contract (``from``/``to`` are ids; lists for sets of statements)."""
        return {
            "from": self.from_ids[0] if len(self.from_ids) == 1 else list(self.from_ids),
            "to": self.to_ids[0] if len(self.to_ids) == 1 else list(self.to_ids),
            "speaker": self.speaker,
            "from_date": self.from_date,
            "to_date": self.to_date,
            "added": list(self.added),
            "dropped": list(self.dropped),
            "kept": list(self.kept),
            "conditions_added": list(self.conditions_added),
            "conditions_dropped": list(self.conditions_dropped),
            "outcome_from": list(self.outcome_from),
            "outcome_to": list(self.outcome_to),
            "stance_changes": [c.to_dict() for c in self.stance_changes],
            "modality_from": self.modality_from,
            "modality_to": self.modality_to,
            "polarity_from": self.polarity_from,
            "polarity_to": self.polarity_to,
            "commitment_from": self.commitment_from,
            "commitment_to": self.commitment_to,
            "role_changes": [{"tag": t, "from": a, "to": b} for t, a, b in self.role_changes],
            "tags": {tag: {"from": a.to_dict(), "to": b.to_dict()} for tag, a, b in self.tags},
            "events": [e.to_dict() for e in self.events],
            "verdict": self.verdict.value,
            "reasons": list(self.reasons),
            "notes": list(self.notes),
        }
