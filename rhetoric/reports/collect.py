"""Gather what a report shows: per actor, statements in date order, their analyses, the timeline
and the current position; an overview row per actor.

The **current position** of an actor is the session's rule
(:func:`rhetoric.shifts.current.current_position`), so exports and the pandas API offer the same one.
The overview's *latest shift* is the shift into the latest occasion.

Example:
    >>> data = collect_report("corpora/ukraine-nato", speakers=["zelensky"])  # doctest: +SKIP
    >>> data.actors[0].current.conditions  # doctest: +SKIP
    ('nato_membership',)
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from os import PathLike

from ..analysis import CorpusAnalysis, Provenance
from ..records import Statement, StatementAnalysis
from ..session import Session
from ..shifts.current import CurrentPosition, current_position
from ..shifts.timeline import Timeline
from ..types import ProgressFn

_UNSAFE = re.compile(r"[^a-z0-9_-]+")


def slug(name: str) -> str:
    """A name safe in file names and HTML ids; unusual names get a short hash to stay distinct.

    Example:
        >>> slug("zelensky"), slug("AP/Reuters <b>")
        ('zelensky', 'ap_reuters_b-97edb5')
    """
    safe = _UNSAFE.sub("_", name.lower()).strip("_")
    if safe == name and safe:
        return safe
    return f"{safe or 'actor'}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:6]}"


@dataclass(frozen=True)
class ActorReport:
    """One actor's part of the report."""

    speaker: str
    name: str
    role: str
    timeline: Timeline
    current: CurrentPosition

    @property
    def anchor(self) -> str:
        """HTML id of the actor's section (safe whatever the speaker is called)."""
        return f"actor-{slug(self.speaker)}"

    @property
    def analyses(self) -> tuple[StatementAnalysis, ...]:
        """The actor's statement analyses in date order."""
        return self.timeline.analyses

    @property
    def statements(self) -> tuple[Statement, ...]:
        """The actor's statements in date order."""
        return tuple(a.statement for a in self.timeline.analyses)

    @property
    def period(self) -> str:
        """``first – last`` date (one date when they agree)."""
        first, last = self.statements[0].date, self.statements[-1].date
        return first if first == last else f"{first} – {last}"

    @property
    def latest_verdict(self) -> str:
        """Verdict of the actor's latest shift (empty with a single statement)."""
        return self.timeline.shifts[-1].verdict.value if self.timeline.shifts else ""


@dataclass(frozen=True)
class ReportData:
    """Everything a report renders, in display order."""

    title: str
    corpus: str
    as_of: str
    provenance: Provenance
    n_statements: int
    actors: tuple[ActorReport, ...]
    tag_labels: dict[str, str]


def report_data(ca: CorpusAnalysis) -> ReportData:
    """Arrange an analysed corpus for reporting: actors with most statements first, then by id."""
    actors = []
    for tl in sorted(ca.timelines, key=lambda t: (-len(t.analyses), t.speaker)):
        actor = ca.actors.get(tl.speaker)
        actors.append(
            ActorReport(
                speaker=tl.speaker,
                name=ca.actor_name(tl.speaker),
                role=actor.role if actor else "",
                timeline=tl,
                current=current_position(tl),
            )
        )
    return ReportData(
        title=f"Rhetoric report: {ca.name}",
        corpus=ca.name,
        as_of=ca.as_of,
        provenance=ca.provenance,
        n_statements=len(ca.analyses),
        actors=tuple(actors),
        tag_labels={t.id: t.label for t in ca.codebook.tags},
    )


def collect_report(
    corpus_dir: str | PathLike,
    *,
    speakers: Iterable[str] | None = None,
    parties: Iterable[str] | None = None,
    codebook_path: str | PathLike | None = None,
    progress: ProgressFn | None = None,
) -> ReportData:
    """Analyse a corpus (or some speakers, or some parties: one timeline each) and gather the report data.

    Raises:
        CorpusError: If the corpus is missing.
        NotFoundError: If a requested speaker has no statement.
    """
    session = Session.open(corpus_dir, codebook=codebook_path)
    return report_data(session.corpus_analysis(speakers=speakers, parties=parties, progress=progress))


def frame_summary(frame, escape: Callable[[str], str] = str) -> str:
    """One line for a frame: ``outcomes ⇐ conditions (relation, polarity, modality; cue “…”)``.

    Args:
        frame: The frame.
        escape: Applied to the words taken from the statement (cue, untagged conditions).

    Example:
        >>> from rhetoric.records import Frame
        >>> f = Frame(None, 0, "f", "", "", ("negotiations",), ("withdrawal",), "until", polarity="negated")
        >>> frame_summary(f)
        'negotiations ⇐ withdrawal (precondition, negated, neutral; cue “until”)'
    """
    outcomes = ", ".join(frame.outcomes) or "—"
    conditions = ", ".join(frame.conditions) or "no conditions"
    other = f"; other: {escape('; '.join(frame.other_conditions))}" if frame.other_conditions else ""
    return (
        f"{outcomes} ⇐ {conditions} ({frame.relation}, {frame.polarity}, {frame.modality}; "
        f"cue “{escape(frame.cue)}”{other})"
    )
