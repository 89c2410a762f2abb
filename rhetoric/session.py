"""The corpus session: one open corpus with its codebook, actors and analyzer, statement selection,
per-statement analyses computed once, timelines and current positions.

Every command, report, export and :func:`rhetoric.load` goes through a session, so they agree on
which statements a selection means (and fail with the same message), and nothing is analysed
twice. Everything loads lazily: opening a session reads nothing; the codebook loads when first
needed, the analyzer (tagger, cue table, optional fallback) when the first statement is analysed.

Example:
    >>> session = Session.open("corpora/ukraine-nato")
    >>> tl = session.timeline(speaker="Zelensky")
    >>> tl.speaker, len(tl.analyses) == len(session.select(speakers=["zelensky"]))
    ('zelensky', True)
    >>> session.current_position(speaker="zelensky").conditions
    ('nato_membership',)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from .actors import ActorRegistry
from .codebook.load import load_codebook
from .codebook.model import Codebook
from .corpus.query import list_statements
from .corpus.store import Corpus
from .engine import current_engine
from .engine.local import AnalyzerRecipe, analyze_statements, tag_statements
from .errors import NotFoundError, UsageError
from .records import Mention, Statement, StatementAnalysis
from .tagging.tagger import Tagger
from .types import ProgressFn

if TYPE_CHECKING:  # the analysis stages load on first use, so `rhetoric tag` never imports them
    from .analysis import CorpusAnalysis, Provenance
    from .analyzer import Analyzer
    from .engine.timelines import TimelineCache, TimelineSummary
    from .shifts.current import CurrentPosition
    from .shifts.timeline import Timeline

#: The one message for a call that names no input, or more than one.
INPUTS_ERROR = "give exactly one of TEXT (or '-' for stdin), --id ID or --all"
#: The one hint of a speaker (or party) without statements.
SPEAKER_HINT = "list the speakers with `rhetoric list` or check the aliases in actors.toml"


def check_inputs(*, text: str | None, ids: Sequence[str] | None, all_statements: bool) -> None:
    """Refuse a call naming no input or several (free text, statement ids, the whole corpus).

    Raises:
        UsageError: Unless exactly one of them is given.

    Example:
        >>> check_inputs(text=None, ids=["s-1"], all_statements=True)
        Traceback (most recent call last):
        rhetoric.errors.UsageError: give exactly one of TEXT (or '-' for stdin), --id ID or --all
    """
    if sum([text is not None, bool(ids), all_statements]) != 1:
        raise UsageError(INPUTS_ERROR)


class Session:
    """One open corpus: codebook, actors, analyzer, selection and the analyses computed so far.

    Build one with :meth:`open`. Analyses are cached by statement id for the life of the
    session; :meth:`analyze` is the one place a batch of statements is analysed (where a
    parallel engine or a persistent cache plugs in).
    """

    def __init__(
        self,
        corpus: Corpus,
        *,
        codebook_path: Path | None = None,
        with_model: bool = False,
        timeline_summary: TimelineSummary | None = None,
    ) -> None:
        self.corpus = corpus
        self.codebook_path = codebook_path if codebook_path is not None else corpus.codebook_path
        self.with_model = with_model
        self._cache: dict[str, StatementAnalysis] = {}
        self._entry_keys: dict[str, str] = {}  # statement id -> id and record digest (both caches' key)
        # statement id -> (statement, entry key) as the statements cache gave them (not computed again)
        self._read_keys: dict[str, tuple[Statement, str]] = {}
        #: Summaries kept beside cached timelines (the report passes its own: only the few
        #: positions and shifts it shows of an unchanged actor are then decoded).
        self.timeline_summary = timeline_summary

    @classmethod
    def open(
        cls,
        corpus: str | PathLike,
        *,
        codebook: str | PathLike | None = None,
        with_model: bool = False,
        timeline_summary: TimelineSummary | None = None,
    ) -> Session:
        """Open a corpus folder (nothing is read yet).

        Args:
            corpus: The corpus folder (its codebook and actors serve free text too).
            codebook: Another codebook file to use instead of the corpus's.
            with_model: Let the corpus's trained fallback (``rhetoric train --frames``) fill
                what the rules leave empty.
            timeline_summary: What to keep beside each cached timeline so that a reader of a few
                of its positions need not decode it whole (the report's own).
        """
        return cls(
            Corpus(corpus),
            codebook_path=Path(codebook) if codebook else None,
            with_model=with_model,
            timeline_summary=timeline_summary,
        )

    def __repr__(self) -> str:
        return f"Session({str(self.corpus.path)!r})"

    # -- what the corpus holds -------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """The corpus folder."""
        return self.corpus.path

    @cached_property
    def codebook(self) -> Codebook:
        """The codebook (loaded on first use).

        Raises:
            NotFoundError: If it does not exist.
            CodebookError: If it is malformed.
        """
        return load_codebook(self.codebook_path)

    @cached_property
    def actors(self) -> ActorRegistry:
        """The corpus's actors, with their parties (empty without ``actors.toml``)."""
        return self.corpus.actors()

    @cached_property
    def tagger(self) -> Tagger:
        """The codebook compiled for tagging."""
        return Tagger.from_codebook(self.codebook)

    @cached_property
    def analyzer(self) -> Analyzer:
        """Tagger, cue table, actors and (with ``with_model``) the trained fallback.

        Raises:
            CodebookError: If the codebook's ``[frames]`` table is malformed.
            ModelError: With ``with_model``, if the fallback is missing or stale.
        """
        fallback = None
        if self.with_model:
            from .learn.fallback import load_fallback  # scikit-learn loads only when asked

            fallback = load_fallback(self.path, codebook=self.codebook)
        from .analyzer import Analyzer

        return Analyzer.from_codebook(
            self.codebook, tagger=self.tagger, actors=self.actors, fallback=fallback
        )

    @property
    def provenance(self) -> Provenance:
        """Which codebook and rhetoric version produce this session's results."""
        from .analysis import Provenance

        return Provenance.of(self.codebook)

    # -- selection -------------------------------------------------------------------------------

    def speaker_ids(self, speakers: Iterable[str]) -> list[str]:
        """Actor ids of names, ids or aliases (``actors.toml``); an unknown name stays as written."""
        out = []
        for name in speakers:
            actor = self.actors.resolve(name)
            out.append(actor.id if actor else name.strip())
        return out

    def members(self, *, speaker: str | None = None, party: str | None = None) -> tuple[str, list[str]]:
        """The label and the actor ids whose statements count: one person, or a party's members.

        Raises:
            UsageError: Unless exactly one of ``speaker`` and ``party`` is given.
            NotFoundError: If the party is unknown.
        """
        if (speaker is None) == (party is None):
            raise UsageError("give --speaker or --party")
        if party is not None:
            resolved = self.actors.resolve_party(party)
            if resolved is None:
                known = ", ".join(sorted(self.actors.parties())) or "none"
                raise NotFoundError(
                    f"no party {party!r} in actors.toml (parties: {known})",
                    hint='give actors a party, e.g. party = "hamas" under [actors.<id>]',
                )
            return resolved, list(self.actors.parties()[resolved])
        (sid,) = self.speaker_ids([speaker])
        return sid, [sid]

    def select(
        self,
        *,
        ids: Sequence[str] | None = None,
        speakers: Iterable[str] | None = None,
        party: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[Statement]:
        """The statements asked for: by id (in the order given), or every statement (file order)
        of some speakers or a party, within a date range. Dates are intervals: a statement dated
        ``2024`` is kept by ``until="2024-06"`` and by ``since="2024-06"``, since it may fall there.

        Args:
            ids: Statement ids; no other filter applies then.
            speakers: Actor ids, names or aliases; each must have a statement.
            party: A party of ``actors.toml``; its members' statements.
            since: Keep statements that may fall on or after this date (``YYYY[-MM[-DD]]``).
            until: Keep statements that may fall on or before this date.

        Raises:
            CorpusError: If the corpus is missing.
            NotFoundError: If an id is not in the corpus, a speaker has no statement, or the party
                is unknown.
            ValidationError: If a date is malformed.
        """
        self.corpus.require()
        if ids is not None:
            return [self._get(sid) for sid in ids]
        wanted: set[str] | None = None
        if party is not None:
            wanted = set(self.members(party=party)[1])
        if speakers is not None:
            asked = self.speaker_ids(speakers)
            wanted = set(asked) if wanted is None else wanted & set(asked)
        if since is None and until is None and wanted is None:
            every = self._read_statements()
        else:  # streamed: only the statements asked for are held (a corpus may be too large to hold)
            every = list_statements(self.corpus, since=since, until=until)
        found = [s for s in every if wanted is None or s.speaker in wanted]
        period = "".join(f" {word} {d}" for word, d in (("from", since), ("up to", until)) if d)
        if speakers is not None:
            missing = sorted(set(asked) - {s.speaker for s in found})
            if missing:
                self._no_statement_of(", ".join(map(repr, missing)), period)
        if party is not None and not found:
            self._no_statement_of(repr(self.members(party=party)[0]), period)
        return found

    def _read_statements(self) -> list[Statement]:
        """Every statement in file order, through the statements cache beside the corpus
        (:mod:`rhetoric.engine.statements`: an unchanged corpus is not parsed again), which also
        gives each statement's entry key in the analysis and timeline caches."""
        from .engine.cache import enabled
        from .engine.statements import read_statements

        read = read_statements(self.corpus, use_cache=enabled())
        # Keyed by id but kept with the very statement read: a key is only used for that object.
        self._read_keys = {s.id: (s, key) for s in read.statements if (key := read.keys.get(s.id))}
        return read.statements

    def _no_statement_of(self, who: str, period: str = "") -> None:
        raise NotFoundError(
            f"no statement of {who}{period} in {str(self.corpus.statements_path)!r}", hint=SPEAKER_HINT
        )

    def _get(self, sid: str) -> Statement:
        cached = self._cache.get(sid)
        return cached.statement if cached is not None else self.corpus.require_statement(sid)

    def inputs(
        self, *, text: str | None = None, ids: Sequence[str] | None = None, all_statements: bool = False
    ) -> Iterator[Statement | str]:
        """Free text, some statements, or every statement, streaming (exactly one is given).

        Raises:
            UsageError: Unless exactly one of ``text``, ``ids`` and ``all_statements`` is given.
            NotFoundError: If an id is not in the corpus (raised when reached).
        """
        check_inputs(text=text, ids=ids, all_statements=all_statements)
        if text is not None:
            return iter([text])
        self.corpus.require()
        if all_statements:
            return self.corpus.iter_statements()
        return (self._get(sid) for sid in ids)

    # -- analysis --------------------------------------------------------------------------------

    def analyze(
        self, statements: Iterable[Statement], *, progress: ProgressFn | None = None
    ) -> list[StatementAnalysis]:
        """Analyse a batch of statements (each once per session: results are cached by id).

        This is the one place where statements are analysed in bulk; a parallel engine or a
        persistent cache belongs here.

        Args:
            statements: The statements, in the order wanted back.
            progress: Called as ``progress(done, total)`` after each statement.
        """
        statements = list(statements)
        todo = [s for s in statements if s.id not in self._cache]
        if todo:
            ahead = len(statements) - len(todo)
            counted = None if progress is None else (lambda done, _n: progress(ahead + done, len(statements)))
            # The current engine (rhetoric.engine: --jobs, --engine dask) analyses what the
            # persistent cache beside the corpus does not already hold.
            from .engine.cache import analyze_cached  # hashes code and data: only for analyses

            computed = analyze_cached(
                self.path,
                todo,
                self.analyzer,
                lambda missing: analyze_statements(missing, recipe=self.recipe, analyzer=self.analyzer),
                progress=counted,
                whole_corpus=len(todo) == self._size(),
                keys=self._entry_keys,
                known=self._read_keys,
                lazy=True,  # a report decodes in full only the statements it shows
            )
            for a in computed:
                self._cache[a.statement.id] = a
        elif progress is not None:
            for done in range(1, len(statements) + 1):
                progress(done, len(statements))
        return [self._cache[s.id] for s in statements]

    def _size(self) -> int:
        """Statements in the corpus (whether a batch covers all of it)."""
        return sum(1 for _ in self.corpus.iter_lines())

    @property
    def recipe(self) -> AnalyzerRecipe:
        """How worker processes build this session's analyzer (:mod:`rhetoric.engine`)."""
        return AnalyzerRecipe.of(self.path, codebook_path=self.codebook_path, with_model=self.with_model)

    def analysis_of(self, statement: Statement) -> StatementAnalysis:
        """One statement's analysis (cached)."""
        cached = self._cache.get(statement.id)
        if cached is None:
            cached = self._cache[statement.id] = self.analyzer.analyze(statement)
        return cached

    def stream(self, statements: Iterable[Statement]) -> Iterator[StatementAnalysis]:
        """Analyses one at a time without keeping them (bounded memory for ``--all`` streams)."""
        if not current_engine().in_process:
            yield from analyze_statements(statements, recipe=self.recipe, analyzer=self.analyzer)
            return
        for statement in statements:
            yield self._cache.get(statement.id) or self.analyzer.analyze(statement)

    def analyze_text(self, text: str, *, speaker: str = "", date: str = "") -> StatementAnalysis:
        """Analyse free text with the corpus's codebook and actors (not cached)."""
        return self.analyzer.analyze_text(text, speaker=speaker, date=date)

    def analyze_inputs(
        self,
        *,
        text: str | None = None,
        ids: Sequence[str] | None = None,
        all_statements: bool = False,
        speaker: str = "",
        date: str = "",
    ) -> Iterator[StatementAnalysis]:
        """Analyse free text, some statements or the whole corpus, streaming (see :meth:`inputs`).

        The choice is checked and the analyzer built before this returns, so a bad call fails
        before any output.

        Example:
            >>> next(Session.open("corpora/ukraine-nato").analyze_inputs(text="A truce now.")).mentions[0].tag
            'ceasefire'
        """
        check_inputs(text=text, ids=ids, all_statements=all_statements)
        self.analyzer  # noqa: B018  (codebook, cue and model errors surface now)
        if text is not None:
            return iter([self.analyze_text(text, speaker=speaker, date=date)])
        return self.stream(self.inputs(ids=ids, all_statements=all_statements))

    def tag_inputs(
        self, *, text: str | None = None, ids: Sequence[str] | None = None, all_statements: bool = False
    ) -> Iterator[tuple[str | None, str, list[Mention]]]:
        """Tag free text, some statements or the whole corpus: ``(statement id or None, text, mentions)``.

        Checked like :meth:`analyze_inputs`: a bad call fails before this returns.
        """
        check_inputs(text=text, ids=ids, all_statements=all_statements)
        tagger = self.tagger
        items = self.inputs(text=text, ids=ids, all_statements=all_statements)
        if text is None and not current_engine().in_process:
            tagged = tag_statements(items, recipe=self.recipe, tagger=tagger)  # type: ignore[arg-type]
            return ((s.id, s.text, mentions) for s, mentions in tagged)
        return (
            (None, item, tagger.tag(item))
            if isinstance(item, str)
            else (item.id, item.text, tagger.tag(item.text, statement_id=item.id))
            for item in items
        )

    # -- timelines and positions -----------------------------------------------------------------

    def timeline_from(
        self, analyses: Iterable[StatementAnalysis], *, label: str, party: bool = False
    ) -> Timeline:
        """The timeline of analysed statements: one actor's (``label`` its id) or a party's."""
        from .shifts.timeline import timeline

        opposites, scales = self.analyzer.opposites, self.analyzer.scales
        if party:
            return timeline(analyses, speaker=label, opposites=opposites, scales=scales, party=label)
        return timeline(analyses, speaker=label, opposites=opposites, scales=scales)

    def timeline(
        self, *, speaker: str | None = None, party: str | None = None, progress: ProgressFn | None = None
    ) -> Timeline:
        """A person's (or a party's) statements in date order, by occasion, with the shifts between occasions.

        Raises:
            UsageError: Unless exactly one of ``speaker`` and ``party`` is given.
            NotFoundError: If the speaker or party has no statement, or the party is unknown.
        """
        label, _ = self.members(speaker=speaker, party=party)
        if party is not None:
            statements = self.select(party=party)
        else:
            statements = self.select(speakers=[label])
        (tl,) = self._timelines_of([(label, self.analyze(statements, progress=progress), party is not None)])
        return tl

    def timelines(
        self, statements: Iterable[Statement], *, progress: ProgressFn | None = None
    ) -> tuple[Timeline, ...]:
        """One timeline per speaker of ``statements``, sorted by actor id."""
        by_speaker: dict[str, list[StatementAnalysis]] = {}
        for a in self.analyze(statements, progress=progress):
            by_speaker.setdefault(a.statement.speaker, []).append(a)
        return tuple(self._timelines_of([(sp, by_speaker[sp], False) for sp in sorted(by_speaker)]))

    @cached_property
    def _timeline_cache(self) -> TimelineCache | None:
        """The timeline cache beside the corpus (None when caching is off, as for the analyses)."""
        from .engine.cache import cache_key, enabled

        if not enabled() or self.analyzer.fallback is not None:
            return None
        from .engine.timelines import TimelineCache

        return TimelineCache.open(self.path, cache_key(self.analyzer, self.corpus.actors_path))

    def party_timelines(self, groups: Sequence[tuple[str, list[StatementAnalysis]]]) -> list[Timeline]:
        """Timelines of parties from ``(party, analyses)`` pairs, the analyses member by member as
        a report reads them (:func:`rhetoric.reports.collect.party_reports`), through the
        timeline cache (in slots of their own: ``timeline --party`` reads them in file order)."""
        return self._timelines_of([(label, analyses, True) for label, analyses in groups], variant="members")

    def _timelines_of(
        self, groups: Sequence[tuple[str, list[StatementAnalysis], bool]], *, variant: str = ""
    ) -> list[Timeline]:
        """Timelines of ``(label, analyses, is a party)`` groups, through the timeline cache
        (:func:`rhetoric.engine.timelines.cached_timelines`; on Dask workers with ``--engine dask``)."""
        from .engine.timelines import cached_timelines

        # The cache holds timelines of this session's own analyses, never of analyses given from outside.
        own = all(self._cache.get(a.statement.id) is a for _, g, _ in groups for a in g if a.statement)
        return cached_timelines(
            groups,
            store=self._timeline_cache if own else None,
            keys=self._entry_keys,
            variant=variant,
            recipe=self.recipe,
            opposites=self.analyzer.opposites,
            scales=self.analyzer.scales,
            summary=self.timeline_summary,
        )

    def current_position(self, *, speaker: str | None = None, party: str | None = None) -> CurrentPosition:
        """Where a person (or party) stands now (rule: :func:`rhetoric.shifts.current.current_position`)."""
        from .shifts.current import current_position

        return current_position(self.timeline(speaker=speaker, party=party))

    def corpus_analysis(
        self,
        *,
        speakers: Iterable[str] | None = None,
        parties: Iterable[str] | None = None,
        progress: ProgressFn | None = None,
    ) -> CorpusAnalysis:
        """Every statement (or those of some speakers, or of some parties' members) analysed, with
        each actor's timeline (one per party with ``parties``, as ``timeline --party``).

        Raises:
            CorpusError: If the corpus is missing.
            NotFoundError: If a requested speaker or party has no statement, or a party is unknown.
            UsageError: If both speakers and parties are given.
        """
        if parties is not None:
            if speakers is not None:
                raise UsageError("give --speaker or --party, not both")
            groups = {self.members(party=p)[0]: self.select(party=p) for p in parties}
            ids = {s.id for group in groups.values() for s in group}
            statements = [s for s in self.select() if s.id in ids]
            self.analyze(statements, progress=progress)
            timelines = tuple(
                self._timelines_of([(label, self.analyze(groups[label]), True) for label in sorted(groups)])
            )
        else:
            statements = self.select(speakers=speakers)
            timelines = self.timelines(statements, progress=progress)
        from .analysis import CorpusAnalysis

        return CorpusAnalysis(
            corpus_dir=self.path,
            analyses=tuple(self.analyze(statements)),
            timelines=timelines,
            actors=self.actors,
            codebook=self.codebook,
            provenance=self.provenance,
            opposites=tuple(self.analyzer.opposites),
            scales=tuple(self.analyzer.scales),
        )


def analyze_all(
    corpus_dir: str | PathLike,
    *,
    speakers: Iterable[str] | None = None,
    parties: Iterable[str] | None = None,
    codebook_path: str | PathLike | None = None,
    progress: ProgressFn | None = None,
) -> CorpusAnalysis:
    """Analyse every statement of a corpus (or of some speakers, or parties) and build the timelines.

    Shorthand for ``Session.open(corpus_dir, codebook=codebook_path).corpus_analysis(...)``.

    Raises:
        CorpusError: If the corpus is missing.
        NotFoundError: If a requested speaker has no statement.
        CodebookError: If the codebook is malformed.
    """
    return Session.open(corpus_dir, codebook=codebook_path).corpus_analysis(
        speakers=speakers, parties=parties, progress=progress
    )


__all__ = ["Session", "analyze_all", "check_inputs"]
