"""Gather what a report shows: per actor, statements in date order, their analyses, the timeline
and the current position; an overview row per actor.

The **current position** of an actor is the session's rule
(:func:`rhetoric.shifts.current.current_position`), so exports and the pandas API offer the same one.
The overview shows each actor's strongest shift (:mod:`rhetoric.reports.notable`) and its latest.

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
from functools import cached_property
from os import PathLike

from ..analysis import CorpusAnalysis, Provenance
from ..engine.codec import gc_paused
from ..records import Statement, StatementAnalysis
from ..session import Session
from ..shifts.current import CurrentPosition, current_position, directed
from ..shifts.model import Shift
from ..shifts.positions import Position
from ..shifts.timeline import Timeline, timeline
from ..types import ProgressFn
from .summary import REPORT_SUMMARY, ReportSummary, ranking

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
    #: The member actor ids when this is a party read together ("" members: one actor).
    members: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Id-safe key of the actor (``party-…`` for a party), the base of its HTML ids."""
        return f"party-{slug(self.speaker)}" if self.members else slug(self.speaker)

    @property
    def anchor(self) -> str:
        """HTML id of the actor's section (safe whatever the speaker is called)."""
        return f"actor-{self.key}"

    @property
    def analyses(self) -> tuple[StatementAnalysis, ...]:
        """The actor's statement analyses in date order."""
        return self.timeline.analyses

    @cached_property
    def statements(self) -> tuple[Statement, ...]:
        """The actor's statements in date order."""
        return tuple(a.statement for a in self.timeline.analyses)

    @property
    def period(self) -> str:
        """``first – last`` date (one date when they agree)."""
        first, last = self.analyses[0].statement.date, self.analyses[-1].statement.date
        return first if first == last else f"{first} – {last}"

    @property
    def summary(self) -> ReportSummary | None:
        """The timeline's report summary when it was read back from the timeline cache
        (:mod:`rhetoric.reports.summary`): its positions and shifts are then decoded only
        where the report shows them."""
        return getattr(self.timeline, "report_summary", None)

    def position(self, i: int) -> Position:
        """The ``i``-th position of the timeline (decoding only it from a cached timeline)."""
        return self.timeline.position_at(i) if self.summary else self.timeline.positions[i]

    def shift(self, k: int) -> Shift:
        """The ``k``-th shift of the timeline (decoding only it from a cached timeline)."""
        return self.timeline.shift_at(k) if self.summary else self.timeline.shifts[k]

    @property
    def n_shifts(self) -> int:
        """How many shifts the timeline has."""
        return self.timeline.n_shifts if self.summary else len(self.timeline.shifts)

    # Computed once per actor and shared by the HTML and Markdown renderers (a frozen dataclass
    # still lets cached_property store into the instance's __dict__).
    @cached_property
    def columns(self) -> tuple[list, bool]:
        """Chart and matrix columns (:func:`rhetoric.reports.charts.timeline_columns`)."""
        from .charts import timeline_columns

        return self.summary.columns if self.summary else timeline_columns(self.timeline)

    @cached_property
    def index(self) -> dict[str, int]:
        """Statement id → its place in the actor's timeline."""
        return {a.statement.id: i for i, a in enumerate(self.timeline.analyses) if a.statement}

    @cached_property
    def tags(self) -> tuple[str, ...]:
        """Every tag the actor's statements mention, first seen first (``Timeline.tags``, once)."""
        return self.summary.tags if self.summary else self.timeline.tags()

    @cached_property
    def shift_ranking(self) -> tuple[int, ...]:
        """Indices of the actor's shifts, strongest first (:mod:`rhetoric.reports.notable`)."""
        return self.summary.ranking if self.summary else ranking(self.timeline)

    @property
    def verdicts(self) -> tuple[str, ...]:
        """Each shift's verdict value, in timeline order."""
        if self.summary:
            return self.summary.verdicts
        return tuple(s.verdict.value for s in self.timeline.shifts)

    @property
    def latest_verdict(self) -> str:
        """Verdict of the actor's latest shift (empty with a single statement)."""
        return self.shift(self.n_shifts - 1).verdict.value if self.n_shifts else ""


def current_of(tl: Timeline) -> CurrentPosition:
    """:func:`~rhetoric.shifts.current.current_position`, read from the timeline's report summary
    when it has one."""
    summary = getattr(tl, "report_summary", None)
    return summary.current if summary is not None else current_position(tl)


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
    #: Parties of ``actors.toml`` with statements by two or more members, each read together.
    parties: tuple[ActorReport, ...] = ()


def report_data(
    ca: CorpusAnalysis,
    *,
    party_timelines: Callable[[list[tuple[str, list[StatementAnalysis]]]], list[Timeline]] | None = None,
) -> ReportData:
    """Arrange an analysed corpus for reporting: actors with most statements first, then by id.

    Args:
        ca: The analysed corpus.
        party_timelines: Builds the parties' timelines from ``(party, analyses)`` pairs, in
            order (a session's, through its timeline cache); by default each is built here.
    """
    actors = []
    for tl in sorted(ca.timelines, key=lambda t: (-len(t.analyses), t.speaker)):
        actor = ca.actors.get(tl.speaker)
        actors.append(
            ActorReport(
                speaker=tl.speaker,
                name=ca.actor_name(tl.speaker),
                role=actor.role if actor else "",
                timeline=tl,
                current=current_of(tl),
            )
        )
    return ReportData(
        parties=party_reports(ca, timelines=party_timelines),
        title=f"Rhetoric report: {ca.name}",
        corpus=ca.name,
        as_of=ca.as_of,
        provenance=ca.provenance,
        n_statements=len(ca.analyses),
        actors=tuple(actors),
        tag_labels={t.id: t.label for t in ca.codebook.tags},
    )


def party_reports(
    ca: CorpusAnalysis,
    *,
    timelines: Callable[[list[tuple[str, list[StatementAnalysis]]]], list[Timeline]] | None = None,
) -> tuple[ActorReport, ...]:
    """A timeline per party of ``actors.toml`` whose members made statements as two or more
    speakers (a party of one speaker says what that actor's own timeline says), by party name.

    ``timelines`` builds them from ``(party, analyses)`` pairs (see :func:`report_data`)."""
    by_speaker = {tl.speaker: tl for tl in ca.timelines}
    parties = {
        party: present
        for party, members in sorted(ca.actors.parties().items())
        if len(present := tuple(m for m in members if m in by_speaker)) >= 2
    }
    if not parties:
        return ()
    groups = [
        (party, [a for m in present for a in by_speaker[m].analyses]) for party, present in parties.items()
    ]
    if timelines is not None:
        built = timelines(groups)
    else:
        built = [
            timeline(analyses, speaker=party, opposites=ca.opposites, scales=ca.scales, party=party)
            for party, analyses in groups
        ]
    out = []
    for (party, present), tl in zip(parties.items(), built, strict=True):
        out.append(
            ActorReport(
                speaker=party,
                name=ca.actor_name(party),
                role="party: " + ", ".join(ca.actor_name(m) for m in present),
                timeline=tl,
                current=current_of(tl),
                members=present,
            )
        )
    return tuple(out)


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
    session = Session.open(corpus_dir, codebook=codebook_path, timeline_summary=REPORT_SUMMARY)
    ca = session.corpus_analysis(speakers=speakers, parties=parties, progress=progress)
    with gc_paused():  # (parties' timelines, current positions: records beside every analysis)
        # The parties' timelines go through the session's timeline cache, as the actors' do: an
        # unchanged party is read back, one whose members gained a statement rebuilt from it.
        return report_data(ca, party_timelines=session.party_timelines)


def frame_summary(frame, escape: Callable[[str], str] = str, position=None) -> str:
    """One line for a frame: ``outcomes ⇐ conditions (relation, polarity, modality; cue “…”)``.

    Args:
        frame: The frame.
        escape: Applied to the words taken from the statement (cue, untagged conditions).
        position: The speaker's position in the statement: a condition the speaker opposes
            reads ``against TAG``.

    Example:
        >>> from rhetoric.records import Frame
        >>> f = Frame(None, 0, "f", "", "", ("negotiations",), ("withdrawal",), "until", polarity="negated")
        >>> frame_summary(f)
        'negotiations ⇐ withdrawal (precondition, negated, neutral; cue “until”)'
    """
    outcomes = ", ".join(frame.outcomes) or "—"
    stance = (lambda t: position.state(t).stance) if position is not None else (lambda t: "")
    conditions = ", ".join(directed(t, stance(t)) for t in frame.conditions) or "no conditions"
    other = f"; other: {escape('; '.join(frame.other_conditions))}" if frame.other_conditions else ""
    return (
        f"{outcomes} ⇐ {conditions} ({frame.relation}, {frame.polarity}, {frame.modality}; "
        f"cue “{escape(frame.cue)}”{other})"
    )
