"""Streaming export: the tables of a corpus of any size in bounded memory, the same bytes as in memory.

:func:`rhetoric.export.write.export_tables` does not hold the corpus analysis in memory. A
first pass parses every line without analysis (errors before any output, the work counted);
then it reads the selected statements in file order, analyses them with the current engine (chunks,
``--jobs``, Dask; the analysis cache beside the corpus where it is on) and appends each
statement's line with its encoded analysis to a *spill* file in the export's temporary
folder. Memory keeps, per statement, only its offset in that file and its place in its
speaker's timeline (a few bytes each).

Tables are then written one after the other, each streamed from the spill file:
``statements``, ``mentions``, ``frames`` and ``stances`` in file order; ``shifts`` one
speaker (or party) at a time in actor-id order, one occasion at a time: only the
occasions' statements (for grouping) and two consecutive occasions' analyses (for the
comparison) are in memory. The timeline order and the shifts are those of
:func:`rhetoric.shifts.timeline.timeline`, built from the same functions
(:func:`~rhetoric.shifts.occasions.group_by_occasion`, :func:`~rhetoric.shifts.positions.position_of`,
:func:`~rhetoric.shifts.compare.compare_positions`); ``tests/export/test_stream.py`` checks the
output against the in-memory export byte for byte.

Example:
    >>> import tempfile
    >>> stream = StreamedExport.open("corpora/ukraine-nato")
    >>> stream.run(tempfile.mkdtemp())
    >>> next(stream.rows("shifts"))["speaker"]
    'zelensky'
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from os import PathLike
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING

from ..corpus.store import parse_line
from ..engine.cache import decode, enabled, encode
from ..engine.local import analyze_statements
from ..errors import CorpusError, UsageError
from ..records import Statement, StatementAnalysis
from ..session import Session
from ..types import ProgressFn
from .tables import Row, frame_rows, mention_rows, shift_rows, stance_rows, statement_row, with_provenance

if TYPE_CHECKING:
    from ..shifts.positions import Position

#: Statements looked up in the analysis cache's index at a time, and new analyses appended at a time.
CACHE_BLOCK = 20_000
#: Name of the spill file inside the export's temporary folder.
SPILL = "analyses.spill"


def _stub(s: Statement) -> Statement:
    """The fields occasion grouping and reading order use, without the texts (small in memory)."""
    return Statement(
        id=s.id,
        speaker=intern(s.speaker),
        speaker_as_written="",
        date=intern(s.date),
        date_qualifier=s.date_qualifier,
        text="",
        kind=s.kind,
        source=intern(s.source),
        occasion=intern(s.occasion),
        position=s.position,
    )


class StreamedExport:
    """The export tables of a corpus selection, streamed through a spill file (see the module).

    Build one with :meth:`open` (checks the selection), fill it with :meth:`run`, then read
    each table with :meth:`rows`.
    """

    def __init__(
        self,
        session: Session,
        *,
        groups: dict[str, frozenset[str]] | None,
        speakers: frozenset[str] | None,
        progress: ProgressFn | None = None,
        total: int | None = None,
    ) -> None:
        self.session = session
        self._groups = groups  # party label -> member ids (None: one timeline per speaker)
        self._speakers = speakers  # the selected speakers (None: all)
        self._progress = progress
        self._total = total
        self._path: Path | None = None
        self._offsets = array("Q")
        self._members: dict[str, array] = {}  # timeline label -> record numbers
        self._order = array("I")  # record number -> place in its timeline (from 1)
        self._occasions: dict[str, tuple[array, array]] = {}  # label -> (records, occasion ends)

    @classmethod
    def open(
        cls,
        corpus_dir: str | PathLike,
        *,
        speakers: Iterable[str] | None = None,
        parties: Iterable[str] | None = None,
        codebook_path: str | PathLike | None = None,
        progress: ProgressFn | None = None,
    ) -> StreamedExport:
        """Open a corpus for a streamed export; the selection is checked now, as ``analyze_all`` does.

        Raises:
            CorpusError: If the corpus is missing.
            NotFoundError: If a requested speaker or party has no statement, or a party is unknown.
            UsageError: If both speakers and parties are given.
            CodebookError: If the codebook is malformed.
        """
        session = Session.open(corpus_dir, codebook=codebook_path)
        session.corpus.require()
        if parties is not None and speakers is not None:
            raise UsageError("give --speaker or --party, not both")
        wanted = None if speakers is None else frozenset(session.speaker_ids(speakers))
        # One pass without analysis validates every line (a malformed one fails before any
        # output, as the in-memory selection did), counts the work and sees who speaks.
        seen: dict[str, int] = {}
        for s in session.corpus.iter_statements():
            seen[s.speaker] = seen.get(s.speaker, 0) + 1
        groups = None
        total = sum(seen.values())
        if wanted is not None:
            missing = sorted(wanted - seen.keys())
            if missing:
                session._no_statement_of(", ".join(map(repr, missing)))
            total = sum(seen.get(sp, 0) for sp in wanted)
        elif parties is not None:
            groups = {}
            for party in parties:
                label, members = session.members(party=party)
                if not seen.keys() & set(members):
                    session._no_statement_of(repr(label))
                groups[label] = frozenset(members)
            everyone = frozenset().union(*groups.values())
            total = sum(n for sp, n in seen.items() if sp in everyone)
        session.analyzer  # noqa: B018  (codebook, cue and model errors surface before any output)
        return cls(session, groups=groups, speakers=wanted, progress=progress, total=total)

    # -- analysis into the spill file ------------------------------------------------------------

    def _labels(self, s: Statement) -> list[str]:
        if self._groups is None:
            return [s.speaker] if self._speakers is None or s.speaker in self._speakers else []
        return [label for label, members in self._groups.items() if s.speaker in members]

    def _selection(self) -> Iterator[Statement]:
        path = str(self.session.corpus.statements_path)
        for lineno, raw in self.session.corpus.iter_lines():
            s = parse_line(raw, path=path, line=lineno)
            if self._labels(s):
                yield s

    def _selected(self, raws: deque[bytes]) -> Iterator[Statement]:
        path = str(self.session.corpus.statements_path)
        for lineno, raw in self.session.corpus.iter_lines():
            s = parse_line(raw, path=path, line=lineno)
            if self._labels(s):
                raws.append(raw.rstrip(b"\r\n"))
                yield s

    def _analyses(self, statements: Iterator[Statement]) -> Iterator[StatementAnalysis]:
        """Analyses in order: with the engine, through the analysis cache when it is on.

        With the cache, a first pass over the selection finds each statement's line in the
        cache's index (:class:`~rhetoric.engine.cache_index.AnalysisIndex`: 16 bytes a line,
        the file is not read into memory); the engine then runs once over the statements
        without a line (one pool for the whole export), read by a pass of their own, while
        this pass reads the others' lines back in order and appends the new analyses.
        """
        session = self.session

        def run(todo: Iterable[Statement]) -> Iterator[StatementAnalysis]:
            return analyze_statements(todo, recipe=session.recipe, analyzer=session.analyzer)

        if not enabled() or session.analyzer.fallback is not None:  # as rhetoric.engine.cache
            yield from run(statements)
            return
        from ..engine.cache_index import MISS, AnalysisIndex  # numpy: only when exporting through the cache

        index = AnalysisIndex.open(session.path, session.analyzer)
        found = array("q")
        selection = self._selection()
        while block := list(islice(selection, CACHE_BLOCK)):
            found.extend(index.find(block).tolist())
        misses = (s for s, offset in _same_length(self._selection(), found, session.path) if offset == MISS)
        computed = run(misses)
        fresh: list[StatementAnalysis] = []
        for s, offset in _same_length(statements, found, session.path):
            a = index.read(offset, s)
            if a is None:
                # no line: the engine's next result; a damaged line: analysed here
                a = next(computed, None) if offset == MISS else session.analyzer.analyze(s)
                if a is None:  # fewer statements without a line than the first pass found
                    raise _changed(session.path)
                fresh.append(a)
                if len(fresh) >= CACHE_BLOCK:
                    index.append(fresh)
                    fresh.clear()
            yield a
        index.append(fresh)
        index.close(compact=self._groups is None and self._speakers is None)

    def run(self, folder: str | PathLike) -> None:
        """Analyse the selection into ``folder``'s spill file and lay out the timelines.

        Raises:
            OSError: If the spill file cannot be written.
        """
        self._path = Path(folder) / SPILL
        raws: deque[bytes] = deque()
        done = 0
        with open(self._path, "wb", buffering=1 << 20) as fh:
            for a in self._analyses(self._selected(raws)):
                raw = raws.popleft()
                self._offsets.append(fh.tell())
                fh.write(raw + b"\t" + encode(a) + b"\n")
                for label in self._labels(a.statement):
                    self._members.setdefault(label, array("I")).append(done)
                done += 1
                if self._progress is not None:
                    self._progress(done, self._total if self._total is not None else done)
        self._order = array("I", bytes(4 * done))
        for label in sorted(self._members):
            self._occasions[label] = self._layout(self._members.pop(label))

    def _layout(self, records: array) -> tuple[array, array]:
        """A timeline's records in reading order and where each occasion ends (as ``timeline``)."""
        from ..shifts.occasions import group_by_occasion

        with open(self._path, "rb") as fh:
            stubs = {i: _stub(self._statement(fh, i)) for i in records}
        groups = group_by_occasion(records, stubs.__getitem__)
        ordered, ends = array("I"), array("I")
        for g in groups:
            ordered.extend(g)
            ends.append(len(ordered))
        for place, i in enumerate(ordered, start=1):
            self._order[i] = place  # a statement in two parties' timelines keeps its last place, as before
        return ordered, ends

    # -- reading the spill file ------------------------------------------------------------------

    def _read(self, fh, i: int) -> tuple[bytes, bytes]:  # noqa: ANN001
        fh.seek(self._offsets[i])
        raw, payload = fh.readline().rstrip(b"\n").split(b"\t", 1)
        return raw, payload

    def _statement(self, fh, i: int) -> Statement:  # noqa: ANN001
        return parse_line(self._read(fh, i)[0])

    def _analysis(self, fh, i: int) -> StatementAnalysis:  # noqa: ANN001
        raw, payload = self._read(fh, i)
        return decode(payload, parse_line(raw))

    def analyses(self) -> Iterator[StatementAnalysis]:
        """Every analysis in selection (file) order, read back from the spill file."""
        with open(self._path, "rb") as fh:
            for line in fh:
                raw, payload = line.rstrip(b"\n").split(b"\t", 1)
                yield decode(payload, parse_line(raw))

    def _positions(self, label: str) -> Iterator[Position]:
        from ..shifts.timeline import occasion_position

        ordered, ends = self._occasions[label]
        start = 0
        with open(self._path, "rb") as fh:
            for end in ends:
                group = [self._analysis(fh, i) for i in ordered[start:end]]
                start = end
                yield occasion_position(group, label=label, party=self._groups is not None)

    def _shift_rows(self) -> Iterator[Row]:
        from ..shifts.timeline import shifts_between

        analyzer = self.session.analyzer
        for label in sorted(self._occasions):
            party = label if self._groups is not None else ""
            shifts = shifts_between(
                self._positions(label), opposites=analyzer.opposites, scales=analyzer.scales, party=party
            )
            for step, shift in enumerate(shifts, start=1):
                yield from shift_rows(shift, step)

    def _own_rows(self, table: str) -> Iterator[Row]:
        if table == "shifts":
            yield from self._shift_rows()
            return
        actors = self.session.actors
        for i, a in enumerate(self.analyses()):
            if table == "statements":
                actor = actors.get(a.statement.speaker)
                name = actor.name if actor and actor.name else a.statement.speaker
                yield statement_row(a, order=self._order[i], name=name)
            elif table == "mentions":
                yield from mention_rows(a)
            elif table == "frames":
                yield from frame_rows(a)
            else:
                yield from stance_rows(a)

    def rows(self, table: str) -> Iterator[Row]:
        """A table's rows with the provenance columns, streamed (after :meth:`run`).

        Raises:
            UsageError: If there is no such table.
        """
        return with_provenance(self._own_rows(table), table, self.session.provenance.to_dict())


def _changed(corpus: Path) -> CorpusError:
    return CorpusError(
        f"{corpus}: the corpus changed while it was being exported (a statement was added or removed "
        "between the export's passes); run the export again once the corpus is not being written"
    )


def _same_length(
    statements: Iterable[Statement], found: Iterable[int], corpus: Path
) -> Iterator[tuple[Statement, int]]:
    """Pairs of a pass's statements and the cache offsets found by the first pass, which must line up.

    Raises:
        CorpusError: If the pass reads more or fewer statements than the first one did.
    """
    try:
        yield from zip(statements, found, strict=True)
    except ValueError as exc:  # zip(strict=True): the corpus grew or shrank between passes
        raise _changed(corpus) from exc


__all__ = ["CACHE_BLOCK", "SPILL", "StreamedExport"]
