"""A speaker's position in one statement or one occasion: per item its role, stance, commitment
and evidence.

An item (codebook tag) has a **position** when the speaker gives it a role in a condition frame
(condition or outcome), takes a stance on it, or commits about it (a firm, open or hedged marker
in the sentence that mentions it: "we will never …", "we are ready to …"). The stance is what the speaker wants to happen
to the item: a stated stance (from the stance readings, counted only where the speaker holds
it) wins; a condition the speaker demands is otherwise ``support``; an outcome without a stated
stance has none (offering talks "if …" is not yet wanting them). A bare mention is no position.

**Commitment** comes from the modality markers (:func:`rhetoric.frames.modality.modality_of`):
firm → ``firm``, open → ``open``, hypothetical → ``hedged``, no marker → ``none``; an item in a
frame takes the frame's modality, any other item the marker nearest to its mention.

Across the statements of one occasion (or a set) they are read in order and the latest stated
stance wins.

Example:
    >>> from rhetoric.records import StatementAnalysis
    >>> from rhetoric.records import Frame, Mention
    >>> m = Mention("ceasefire", 0, 5, "truce", 0, "truce", statement_id="s-1")
    >>> f = Frame("s-1", 0, "s-1#0.1", "x", "2024", ("ceasefire",), ("other",), "if", modality="open")
    >>> p = position_of([StatementAnalysis("truce if", (m,), (f,), ())])
    >>> p.role("ceasefire").value, str(p.modality), p.commitment, p.has_position
    ('outcome', 'open', 'open', True)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..frames.modality import modality_of
from ..records import Frame, StatementAnalysis
from ..text.sentences import split_sentences
from ..types import Modality, Polarity, Relation, StanceValue
from .model import STANCE_NONE, Commitment, Evidence, TagRole, TagState

_ROLE_RANK = {TagRole.CONDITION: 3, TagRole.OUTCOME: 2, TagRole.MENTIONED: 1, TagRole.ABSENT: 0}
_MODALITY_RANK = {
    Modality.FIRM.value: 3,
    Modality.OPEN.value: 2,
    Modality.HYPOTHETICAL.value: 1,
    Modality.NEUTRAL.value: 0,
}
OTHER = "other"
#: Modality of a reading → commitment of a position.
COMMITMENT_OF = {
    Modality.FIRM.value: Commitment.FIRM.value,
    Modality.OPEN.value: Commitment.OPEN.value,
    Modality.HYPOTHETICAL.value: Commitment.HEDGED.value,
    Modality.NEUTRAL.value: Commitment.NONE.value,
}
#: Firmness of a commitment (``none`` is unknown, not soft: it has no rank).
COMMITMENT_RANK = {Commitment.HEDGED.value: 0, Commitment.OPEN.value: 1, Commitment.FIRM.value: 2}


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
    commitment: str = Commitment.NONE.value

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

    @property
    def positioned(self) -> tuple[str, ...]:
        """Items the speaker states a position on (a role in a frame or a stance), first-seen order."""
        return tuple(t for t, s in self.states if t != OTHER and s.positioned)

    @property
    def has_position(self) -> bool:
        """Whether the speaker states a position on any item."""
        return bool(self.positioned) or bool(self.frames)

    def commitment_evidence(self) -> tuple[Evidence, ...]:
        """Evidence of the items whose commitment is the position's commitment."""
        return tuple(
            ev
            for t, s in self.states
            if s.positioned and s.commitment == self.commitment
            for ev in s.evidence[:1]
        )

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


def _commitment_near(a: StatementAnalysis, anchor: int) -> str:
    """The commitment marked in the sentence around ``anchor`` (nearest marker wins)."""
    start, end = next(((s, e) for s, e in split_sentences(a.text) if s <= anchor < e), (0, len(a.text)))
    return COMMITMENT_OF.get(modality_of(a.text, start, end, anchor=anchor), Commitment.NONE.value)


def position_of(
    analyses: Sequence[StatementAnalysis], *, speaker: str | None = None, own_speakers: bool = False
) -> Position:
    """Aggregate analyses (one statement, an occasion, or a set by one speaker) into a position.

    Args:
        analyses: Statement analyses, read in the order given (sort them first: by date, or by
            position in the source within an occasion).
        speaker: Whose stances count; defaults to the statements' speaker.
        own_speakers: Count each statement's stances of its own speaker instead (a party read
            through several officials).

    Returns:
        The position.
    """
    ordered = list(analyses)
    if speaker is None:
        speaker = next((a.statement.speaker for a in ordered if a.statement), "")
    roles: dict[str, TagRole] = {}
    stances: dict[str, str] = {}
    stated: set[str] = set()
    commitments: dict[str, str] = {}
    evidence: dict[str, list[Evidence]] = {}
    frames: list[Frame] = []
    statement_commitment = Commitment.NONE.value
    for a in ordered:
        first_at: dict[str, int] = {}
        for m in a.mentions:
            roles.setdefault(m.tag, TagRole.MENTIONED)
            first_at.setdefault(m.tag, m.start)
            evidence.setdefault(m.tag, []).append(_evidence(a, m.start, m.end))
        for f in a.frames:
            frames.append(f)
            for tag in (*f.outcomes, *f.conditions):
                commitments[tag] = COMMITMENT_OF.get(f.modality, Commitment.NONE.value)
            for tag in f.outcomes:
                if _ROLE_RANK[TagRole.OUTCOME] > _ROLE_RANK[roles.get(tag, TagRole.ABSENT)]:
                    roles[tag] = TagRole.OUTCOME
            for tag in f.conditions:
                if tag != OTHER:
                    roles[tag] = TagRole.CONDITION
        holder = a.statement.speaker if own_speakers and a.statement else speaker
        for s in sorted(a.stances, key=lambda s: s.start):
            if s.stance != StanceValue.NEUTRAL.value and (not holder or holder in s.holders):
                stances[s.tag] = s.stance
                stated.add(s.tag)
        framed = {t for f in a.frames for t in (*f.outcomes, *f.conditions)}
        for tag, at in first_at.items():
            if tag not in framed:
                commitments[tag] = _commitment_near(a, at)
        held = [
            at
            for t, at in first_at.items()
            if t in stances or t in framed or commitments.get(t, "none") != Commitment.NONE.value
        ]
        if held or a.frames:
            anchor = min(held) if held else a.frames[0].start
            here = (
                max((COMMITMENT_OF.get(f.modality, "none") for f in a.frames), key=_firmness)
                if a.frames
                else _commitment_near(a, anchor)
            )
            if here != Commitment.NONE.value:
                statement_commitment = here
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

    def stance(tag: str) -> str:
        if tag in stances:
            return stances[tag]
        return StanceValue.SUPPORT.value if roles[tag] is TagRole.CONDITION else STANCE_NONE

    states = tuple(
        (
            tag,
            TagState(
                roles[tag],
                stance(tag),
                tuple(evidence.get(tag, ())),
                commitments.get(tag, Commitment.NONE.value),
                stated=tag in stated,
            ),
        )
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
        commitment=statement_commitment,
    )


def _firmness(commitment: str) -> int:
    return COMMITMENT_RANK.get(commitment, -1)
