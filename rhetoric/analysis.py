"""Whole-corpus analysis: every statement analysed once, grouped into one timeline per actor.

Reports, exports and the pandas API (:mod:`rhetoric.api`) all start from a
:class:`CorpusAnalysis`, so they agree on every mention, frame, stance and shift.
The library never prints: long runs report through an optional ``progress(done, total)``
callback.

Example:
    >>> ca = analyze_all("corpora/ukraine-nato", speakers=["Zelenskyy"])  # doctest: +SKIP
    >>> [tl.speaker for tl in ca.timelines], len(ca.timelines[0].shifts)  # doctest: +SKIP
    (['zelensky'], 2)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from . import __version__
from .actors import ActorRegistry
from .codebook.model import Codebook
from .corpus.store import Corpus
from .errors import NotFoundError, UsageError
from .frames.analyze import Analyzer, StatementAnalysis
from .records import Mention
from .shifts.timeline import Timeline, timeline

#: ``progress(done, total)``: called after each analysed statement.
ProgressFn = Callable[[int, int], None]


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


def _resolve_speakers(corpus: Corpus, speakers: Iterable[str]) -> set[str]:
    registry = corpus.actors()
    out = set()
    for name in speakers:
        actor = registry.resolve(name)
        out.add(actor.id if actor else name.strip())
    return out


def analyze_all(
    corpus_dir: str | PathLike,
    *,
    speakers: Iterable[str] | None = None,
    parties: Iterable[str] | None = None,
    codebook_path: str | PathLike | None = None,
    progress: ProgressFn | None = None,
) -> CorpusAnalysis:
    """Analyse every statement of a corpus (or of some speakers) and build each actor's timeline.

    Args:
        corpus_dir: The corpus folder.
        speakers: Only these speakers (ids, names or aliases from ``actors.toml``); all when None.
        parties: Instead of speakers, these parties (``party`` in ``actors.toml``): the
            statements of their members, one timeline per party (as ``timeline --party``).
        codebook_path: Another codebook file to use instead of the corpus's.
        progress: Called as ``progress(done, total)`` after each statement.

    Returns:
        The analyses in file order and the timelines sorted by actor id.

    Raises:
        CorpusError: If the corpus is missing.
        NotFoundError: If a requested speaker has no statement, or a party is unknown or silent.
        UsageError: If both speakers and parties are given.
        CodebookError: If the codebook is malformed.
    """
    corpus = Corpus(corpus_dir).require()
    analyzer = Analyzer.for_corpus(corpus_dir, codebook_path=codebook_path)
    statements = corpus.statements()
    party_of: dict[str, str] = {}
    if parties is not None:
        if speakers is not None:
            raise UsageError("give --speaker or --party, not both")
        from .shifts.queries import party_members

        for name in parties:
            label, members = party_members(corpus.actors(), name)
            if not any(s.speaker in members for s in statements):
                raise NotFoundError(
                    f"no statement of party {label!r} in {str(corpus.statements_path)!r}",
                    hint="list the speakers with `rhetoric list` or check the parties in actors.toml",
                )
            party_of.update((m, label) for m in members if m not in party_of)
        statements = [s for s in statements if s.speaker in party_of]
    if speakers is not None:
        wanted = _resolve_speakers(corpus, speakers)
        present = {s.speaker for s in statements}
        missing = sorted(wanted - present)
        if missing:
            raise NotFoundError(
                f"no statement of {', '.join(map(repr, missing))} in {str(corpus.statements_path)!r}",
                hint="list the speakers with `rhetoric list` or check the aliases in actors.toml",
            )
        statements = [s for s in statements if s.speaker in wanted]
    analyses = []
    for done, statement in enumerate(statements, start=1):
        analyses.append(analyzer.analyze(statement))
        if progress is not None:
            progress(done, len(statements))
    by_speaker: dict[str, list[StatementAnalysis]] = {}
    for a in analyses:
        by_speaker.setdefault(party_of.get(a.statement.speaker, a.statement.speaker), []).append(a)
    timelines = tuple(
        timeline(by_speaker[sp], speaker=sp, opposites=analyzer.opposites, party=sp if party_of else "")
        for sp in sorted(by_speaker)
    )
    return CorpusAnalysis(
        corpus_dir=Path(corpus_dir),
        analyses=tuple(analyses),
        timelines=timelines,
        actors=analyzer.actors,
        codebook=analyzer.codebook,
        provenance=Provenance.of(analyzer.codebook),
    )
