"""A speaker's position in one statement or a set: each tag's role and stance, with evidence.

Roles come from frames (a condition outranks an outcome, which outranks a bare
mention); stances count only where the speaker holds them ("the US opposes it",
reported by a diplomat, is not the diplomat's position). Across a set of
statements the latest explicit stance wins.

Example:
    >>> from rhetoric.frames.analyze import StatementAnalysis
    >>> from rhetoric.records import Frame, Mention
    >>> m = Mention("ceasefire", 0, 5, "truce", 0, "truce", statement_id="s-1")
    >>> f = Frame("s-1", 0, "s-1#0.1", "x", "2024", ("ceasefire",), ("other",), "if", modality="open")
    >>> p = position_of([StatementAnalysis("truce if", (m,), (f,), ())])
    >>> p.role("ceasefire").value, p.modality
    ('outcome', 'open')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..frames.analyze import StatementAnalysis
from ..records import Frame
from ..types import Modality, Polarity, Relation, StanceValue
from .model import Evidence, TagRole, TagState

_ROLE_RANK = {TagRole.CONDITION: 3, TagRole.OUTCOME: 2, TagRole.MENTIONED: 1, TagRole.ABSENT: 0}
_MODALITY_RANK = {
    Modality.FIRM.value: 3,
    Modality.OPEN.value: 2,
    Modality.HYPOTHETICAL.value: 1,
    Modality.NEUTRAL.value: 0,
}
OTHER = "other"


@dataclass(frozen=True)
class Position:
    """What one speaker says about each tag in one or more statements."""

    statement_ids: tuple[str, ...]
    speaker: str
    date_from: str
    date_to: str
    states: tuple[tuple[str, TagState], ...]
    frames: tuple[Frame, ...]
    modality: str
    polarity: str
    unconditional: tuple[str, ...]
    texts: tuple[tuple[str | None, str], ...] = ()

    def frame_evidence(self) -> tuple[Evidence, ...]:
        """The evidence spans of the frames that set the position's tone (its latest framed statement)."""
        texts = dict(self.texts)
        latest = self.frames[-1].statement_id if self.frames else None
        return tuple(
            Evidence(f.statement_id, f.start, f.end, texts.get(f.statement_id, "")[f.start : f.end])
            for f in self.frames
            if f.statement_id == latest
        )

    @property
    def has_frames(self) -> bool:
        """Whether any statement states a condition (or an unconditional offer)."""
        return bool(self.frames)

    def state(self, tag: str) -> TagState:
        """The tag's state (``absent`` when the position does not mention it)."""
        return dict(self.states).get(tag, TagState())

    def role(self, tag: str) -> TagRole:
        """The tag's role."""
        return self.state(tag).role

    def tags(self) -> tuple[str, ...]:
        """Tags the position mentions, in first-seen order."""
        return tuple(t for t, _ in self.states)

    def with_role(self, role: TagRole) -> tuple[str, ...]:
        """Tags in a role, in first-seen order."""
        return tuple(t for t, s in self.states if s.role is role)

    @property
    def conditions(self) -> tuple[str, ...]:
        """Tags demanded as conditions (``other`` included when an untagged condition is demanded)."""
        tags = self.with_role(TagRole.CONDITION)
        has_other = any(OTHER in f.conditions for f in self.frames)
        return (*tags, OTHER) if has_other else tags

    @property
    def outcomes(self) -> tuple[str, ...]:
        """Tags at stake as outcomes."""
        return self.with_role(TagRole.OUTCOME)


def _evidence(a: StatementAnalysis, start: int, end: int) -> Evidence:
    sid = a.statement.id if a.statement else None
    return Evidence(sid, start, end, a.text[start:end])


def _sort_key(a: StatementAnalysis) -> tuple:
    return a.statement.sort_key() if a.statement else ()


def position_of(analyses: Sequence[StatementAnalysis], *, speaker: str | None = None) -> Position:
    """Aggregate analyses (one statement or a set by one speaker) into a position.

    Args:
        analyses: Statement analyses; ordered by date here.
        speaker: Whose stances count; defaults to the statements' speaker.

    Returns:
        The position.
    """
    ordered = sorted(analyses, key=_sort_key)
    if speaker is None:
        speaker = next((a.statement.speaker for a in ordered if a.statement), "")
    roles: dict[str, TagRole] = {}
    stances: dict[str, str] = {}
    evidence: dict[str, list[Evidence]] = {}
    frames: list[Frame] = []
    for a in ordered:
        for m in a.mentions:
            roles.setdefault(m.tag, TagRole.MENTIONED)
            evidence.setdefault(m.tag, []).append(_evidence(a, m.start, m.end))
        for f in a.frames:
            frames.append(f)
            for tag in f.outcomes:
                if _ROLE_RANK[TagRole.OUTCOME] > _ROLE_RANK[roles.get(tag, TagRole.ABSENT)]:
                    roles[tag] = TagRole.OUTCOME
            for tag in f.conditions:
                if tag != OTHER:
                    roles[tag] = TagRole.CONDITION
        for s in sorted(a.stances, key=lambda s: s.start):
            if s.stance != StanceValue.NEUTRAL.value and (not speaker or speaker in s.holders):
                stances[s.tag] = s.stance
    # The tone of a set is the tone of its latest statement that has frames ("firm, then open" is open now).
    latest = next((a.frames for a in reversed(ordered) if a.frames), ())
    modality = max(
        (f.modality for f in latest), key=lambda m: _MODALITY_RANK.get(m, 0), default=Modality.NEUTRAL.value
    )
    negated = any(f.polarity == Polarity.NEGATED.value for f in latest)
    polarity = Polarity.NEGATED.value if negated else Polarity.AFFIRMED.value
    unconditional = tuple(
        dict.fromkeys(t for f in frames if f.relation == Relation.UNCONDITIONAL.value for t in f.outcomes)
    )
    states = tuple(
        (tag, TagState(roles[tag], stances.get(tag, StanceValue.NEUTRAL.value), tuple(evidence.get(tag, ()))))
        for tag in roles
    )
    ids = tuple(a.statement.id for a in ordered if a.statement)
    dates = [a.statement.date for a in ordered if a.statement]
    return Position(
        statement_ids=ids,
        speaker=speaker,
        date_from=dates[0] if dates else "",
        date_to=dates[-1] if dates else "",
        states=states,
        frames=tuple(frames),
        modality=modality,
        polarity=polarity,
        unconditional=unconditional,
        texts=tuple((a.statement.id if a.statement else None, a.text) for a in ordered),
    )
