"""Whole-corpus analysis: every statement analysed once, grouped into one timeline per actor.

Reports, exports and the pandas API (:mod:`rhetoric.api`) all start from a
:class:`CorpusAnalysis`, which a :class:`rhetoric.session.Session` builds
(:meth:`~rhetoric.session.Session.corpus_analysis`), so they agree on every mention, frame,
stance and shift.

Example:
    >>> from rhetoric.session import Session
    >>> ca = Session.open("corpora/ukraine-nato").corpus_analysis(speakers=["Zelenskyy"])
    >>> [tl.speaker for tl in ca.timelines], len(ca.timelines[0].shifts)
    (['zelensky'], 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .actors import ActorRegistry
from .codebook.model import Codebook
from .codebook.scales import Scale
from .errors import NotFoundError
from .records import Mention, StatementAnalysis
from .shifts.timeline import Timeline


@dataclass(frozen=True)
class Provenance:
    """Which codebook and rhetoric version produced a result (carried on every exported row)."""

    codebook: str
    codebook_version: str
    codebook_sha256: str
    rhetoric_version: str

    @classmethod
    def of(cls, codebook: Codebook) -> Provenance:
        """The provenance of results computed with ``codebook`` by this rhetoric."""
        return cls(codebook.name, codebook.version, codebook.sha256, __version__)

    def to_dict(self) -> dict[str, str]:
        """The four provenance columns."""
        return {
            "codebook": self.codebook,
            "codebook_version": self.codebook_version,
            "codebook_sha256": self.codebook_sha256,
            "rhetoric_version": self.rhetoric_version,
        }


@dataclass(frozen=True)
class CorpusAnalysis:
    """Every (selected) statement of a corpus analysed, and each actor's timeline."""

    corpus_dir: Path
    analyses: tuple[StatementAnalysis, ...]
    timelines: tuple[Timeline, ...]
    actors: ActorRegistry
    codebook: Codebook
    provenance: Provenance
    #: What the shifts were compared with (the analyzer's): party timelines built later use the same.
    opposites: tuple[tuple[str, str], ...] = ()
    scales: tuple[Scale, ...] = ()

    @property
    def name(self) -> str:
        """The corpus name (its folder name)."""
        return self.corpus_dir.resolve().name

    @property
    def as_of(self) -> str:
        """The latest ``added_at`` of the statements: a timestamp that only changes with the data."""
        return max((a.statement.added_at for a in self.analyses if a.statement), default="")

    def actor_name(self, speaker: str) -> str:
        """The actor's display name from ``actors.toml`` (the id when unknown)."""
        actor = self.actors.get(speaker)
        return actor.name if actor and actor.name else speaker

    def timeline_of(self, speaker: str) -> Timeline:
        """The timeline of one actor id.

        Raises:
            NotFoundError: If the actor has no statement in the analysis.
        """
        for tl in self.timelines:
            if tl.speaker == speaker:
                return tl
        raise NotFoundError(f"no statement of {speaker!r} in the analysed corpus")


def mention_role(analysis: StatementAnalysis, mention: Mention) -> str:
    """The part a mention plays in its statement: ``condition``, ``outcome`` or ``mentioned``.

    A frame whose evidence span covers the mention decides; otherwise any frame of the
    statement naming the tag; otherwise it is a bare mention.

    Example:
        >>> from rhetoric.records import Frame
        >>> m = Mention("withdrawal", 15, 25, "withdrawal", 0, "withdrawal")
        >>> f = Frame(None, 0, "f", "", "", ("negotiations",), ("withdrawal",), "until", start=0, end=25)
        >>> mention_role(StatementAnalysis("No talks until withdrawal", (m,), (f,), ()), m)
        'condition'
    """
    covering = [f for f in analysis.frames if f.start <= mention.start and mention.end <= f.end]
    for frames in (covering, analysis.frames):
        for f in frames:
            if mention.tag in f.conditions:
                return "condition"
            if mention.tag in f.outcomes:
                return "outcome"
    return "mentioned"
