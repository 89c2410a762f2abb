"""Incremental shift stage: each speaker's (or party's) timeline kept beside the corpus.

``corpus/.cache/timelines-<key>.jsonl`` (``<key>`` as the analysis cache's: codebook, actors,
rhetoric's code and data) holds one full line per timeline: its positions and shifts, and the
entry key (statement id and record digest) of every statement it read; a timeline that gained
statements at its end gets an extension line after it instead of a new full line (the line
format and the lazily decoded timeline read back: :mod:`rhetoric.engine.timeline_lines`). A timeline whose
statements are all unchanged is read back as it was written; one whose speaker gained,
lost or changed statements is rebuilt by :func:`rhetoric.shifts.timeline.timeline` with the
old one as ``previous``, so only the positions and shifts that involve a changed statement
are computed again (a report after one ``add`` costs the new statement's position and the
one or two shifts beside it). Lines carry a CRC; a damaged, stale or missing line is a miss,
never a wrong result, and the result equals a rebuild from scratch.

The per-speaker step is also what the Dask engine runs on its workers (:func:`build_timelines`).

Example:
    >>> import tempfile, shutil, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp()) / "c"
    >>> _ = shutil.copytree("corpora/ukraine-nato", root, ignore=shutil.ignore_patterns(".cache"))
    >>> from rhetoric.session import Session
    >>> s = Session.open(root)
    >>> analyses = s.analyze(s.select(speakers=["zelensky"]))
    >>> store = TimelineCache.open(root, "k")
    >>> slot = store.slot("zelensky", party="", opposites=s.analyzer.opposites, scales=s.analyzer.scales)
    >>> store.lookup(slot, analyses)
    (None, None)
    >>> tl = s.timeline_from(analyses, label="zelensky")
    >>> store.put(slot, tl)
    >>> store.flush()
    >>> TimelineCache.open(root, "k").lookup(slot, analyses)[0] == tl
    True
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import orjson

from ..records import StatementAnalysis
from .cache import CACHE_DIR, append_lines, ensure_cache_folder, prune, statement_digest
from .codec import encode, gc_paused
from .spec import Engine, EngineKind, current_engine
from .timeline_lines import (
    EXTENSION,
    Chain,
    LazyTimeline,
    RawTimeline,
    encode_full,
    full_payload,
    lazy_timeline,
    parse_chain,
    shift_tags,
    texts_of,
    timeline_class,
)

if TYPE_CHECKING:
    from ..codebook.scales import Scale
    from ..shifts.timeline import Timeline
    from .local import AnalyzerRecipe

#: Format of the timeline lines (bumped when the layout changes): 2 adds the report summary; 3 adds
#: the lines that extend a timeline at its end, and the summary's running readings; 4 writes a
#: full line's positions and shifts first, with their sizes and each one's end, so a reader parses
#: only the rest and decodes each position or shift from its own bytes when asked for it.
FORMAT = 4
#: Extension lines kept after a timeline's full line before the next change writes it whole again.
MAX_EXTENSIONS = 16
_HEADER = "#rhetoric-timeline-cache"
#: Stands in for a statement the cached timeline read that the corpus no longer has as it was.
_GONE = StatementAnalysis("", (), (), ())


class TimelineSummary(NamedTuple):
    """How a caller keeps its own whole-timeline readings beside each cached timeline (the
    report's: :mod:`rhetoric.reports.summary`): ``summarize`` turns a full timeline into a row
    the codec writes, ``read`` turns the row back (raising ``ValueError``/``TypeError`` on a
    bad one). A timeline read back with its summary is a :class:`LazyTimeline`."""

    summarize: Callable[[Any], Any]
    read: Callable[[Any], Any]
    #: ``extend(summary, timeline, statements, shifts, occasions)``: the row of a timeline that
    #: gained statements at its end, from the read ``summary`` of its first ``statements``
    #: statements (``shifts`` shifts, ``occasions`` occasions); None when it cannot (then
    #: ``summarize`` is called). Only the new positions and shifts need be read.
    extend: Callable[[Any, Any, int, int, int], Any] | None = None


class Growth(NamedTuple):
    """Who a looked-up timeline is and how it compares positions: what :meth:`TimelineCache.lookup`
    needs to add new statements at the end of a cached timeline itself."""

    label: str
    party: str
    opposites: Sequence[tuple[str, str]]
    scales: Sequence[Any]


def entry_key(a: StatementAnalysis, known: Mapping[str, str] | None = None) -> str:
    """A statement's id and record digest (as the analysis cache keys its lines).

    ``known`` holds keys the analysis cache computed for the same statements (by id).
    """
    if known is not None and (key := known.get(a.statement.id)) is not None:
        return key
    return f"{a.statement.id}:{statement_digest(a.statement)}"


class TimelineCache:
    """The timeline cache of one corpus for one key (see the module docstring)."""

    def __init__(self, path: Path, key: str, lines: dict[str, bytes], total: int) -> None:
        self.path = path
        self.key = key
        self._lines = lines  # slot -> its latest full line and the extension lines after it
        self._total = total  # bytes of the lines in the file, live or superseded
        self._pending: dict[str, bytes] = {}

    @classmethod
    def open(cls, corpus_dir: str | os.PathLike, key: str) -> TimelineCache:
        """Read the cache of ``corpus_dir`` for ``key`` (empty when missing or unreadable).

        Only each line's slot is read here; a line is parsed when its slot is looked up.
        """
        path = Path(corpus_dir) / CACHE_DIR / f"timelines-{key}.jsonl"
        chains: dict[str, list[bytes]] = {}
        total = 0
        try:
            with open(path, "rb") as fh:
                if fh.readline().rstrip(b"\n") == f"{_HEADER} {FORMAT} {key}".encode():
                    for raw in fh:
                        total += len(raw)
                        slot, sep, rest = raw.partition(b"\t")
                        if sep:
                            name = slot.decode("ascii", "replace")
                            # An extension line follows its timeline's lines; a full line starts anew.
                            if rest.partition(b"\t")[2].startswith(EXTENSION) and name in chains:
                                chains[name].append(raw)
                            else:
                                chains[name] = [raw]
        except OSError:
            pass
        return cls(path, key, {k: b"".join(v) for k, v in chains.items()}, total)

    @staticmethod
    def slot(
        label: str, *, party: str, opposites: Iterable[Any], scales: Iterable[Any], variant: str = ""
    ) -> str:
        """The line of one timeline: whose it is, read how, compared with which opposites and scales
        (``variant``: a timeline of the same statements given in another order has its own line)."""
        what = repr((label, party, tuple(opposites), tuple(scales)))
        if variant:
            what += repr(variant)
        return hashlib.blake2b(what.encode(), digest_size=12).hexdigest()

    def lookup(
        self,
        slot: str,
        analyses: Sequence[StatementAnalysis],
        keys: Mapping[str, str] | None = None,
        summary: TimelineSummary | None = None,
        growth: Growth | None = None,
    ) -> tuple[Timeline | None, Timeline | None]:
        """``(timeline, None)`` when the cached one read exactly these statements; else
        ``(None, previous)`` with the cached timeline to reuse from (None when there is none
        or its line is damaged). ``keys``: entry keys already computed, by statement id.
        ``summary``: read the line's summary too; the timeline is then a :class:`LazyTimeline`
        when the line has one (a plain timeline when it has none). ``growth``: when the
        statements are the cached ones and new ones whose occasions all come after them (an
        ``add``), the timeline is extended here, reading only the new statements and the shifts
        to them, recorded as an extension line (written by :meth:`flush`) and given as
        ``(timeline, None)``."""
        raw = self._lines.get(slot)
        if raw is None:
            return None, None
        try:
            with gc_paused():  # (parsing makes many small lists: see gc_paused)
                chain = parse_chain(raw)
                if chain is None:
                    return None, None
                return self._read(slot, chain, analyses, keys, summary, growth)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None, None

    def _read(
        self,
        slot: str,
        chain: Chain,
        analyses: Sequence[StatementAnalysis],
        known: Mapping[str, str] | None,
        reader: TimelineSummary | None,
        growth: Growth | None,
    ) -> tuple[Timeline | None, Timeline | None]:
        now = _keyed(analyses, known)
        keys = chain.keys
        complete = len(now) == len(analyses) == len(keys) and all(map(now.__contains__, keys))
        ordered = tuple(map(now.get, keys)) if complete else tuple(now.get(k, _GONE) for k in keys)
        if len(chain.positions) != len(ordered):
            raise ValueError("a cached timeline needs one position per statement")
        occasions = tuple(map(tuple, chain.occasions))
        if len(chain.shifts) != max(0, len(occasions) - 1):
            raise ValueError("a cached timeline needs one shift per pair of consecutive occasions")
        lengths = (len(chain.keys), len(chain.shifts), len(chain.occasions))
        if complete and reader is not None and chain.summary is not None and chain.summary_at == lengths:
            # Read back as it was: positions and shifts decoded one by one when asked for (a
            # report reads the summary and the few it shows), all at once by any other reader.
            lazy = lazy_timeline(
                chain.speaker,
                ordered,
                occasions,
                chain.party,
                RawTimeline(ordered, chain.positions, chain.shifts, occasions),
            )
            object.__setattr__(lazy, "report_summary", reader.read(chain.summary))
            return lazy, None
        # Grown: statements added at the end, or a summary to carry on over extension lines
        # written by a run that keeps none (``analyze`` between an ``add`` and a ``report``).
        stale = reader is not None and chain.summary is not None
        if growth is not None and chain.clean and (not complete or stale):
            try:
                grown = self._grow(slot, chain, ordered, occasions, now, analyses, known, reader, growth)
            except (ValueError, TypeError, KeyError, IndexError, AttributeError):
                grown = None  # (a damaged extension: rebuilt from the cached timeline below)
            if grown is not None:
                return grown, None
        raw = RawTimeline(ordered, chain.positions, chain.shifts, occasions)
        tl = timeline_class()(
            chain.speaker, ordered, raw.all_positions(), raw.all_shifts(), occasions, chain.party
        )
        return (tl, None) if complete else (None, tl)

    def _grow(
        self,
        slot: str,
        chain: Chain,
        ordered: tuple[StatementAnalysis, ...],
        occasions: tuple[tuple[int, ...], ...],
        now: dict[str, StatementAnalysis],
        analyses: Sequence[StatementAnalysis],
        known: Mapping[str, str] | None,
        reader: TimelineSummary | None,
        growth: Growth,
    ) -> Timeline | None:
        """The cached timeline with the new statements at its end, or None when they are not
        only new ones whose occasions all come after the cached ones (then it is rebuilt)."""
        from ..shifts.occasions import group_by_occasion, joins_none, reading_order
        from ..shifts.timeline import appended_occasions, occasion_position

        if (chain.speaker, chain.party) != (growth.label, growth.party) or len(now) != len(analyses):
            return None
        cached = set(chain.keys)
        if len(cached) != len(chain.keys) or any(a is _GONE for a in ordered):
            return None  # a cached statement was removed or changed
        added = [a for k, a in now.items() if k not in cached]

        # An added statement that could join a cached occasion, or that reads before the cached
        # timeline's last occasion, would change the cached occasions.
        edges = [(ordered[o[0]].statement, ordered[o[-1]].statement) for o in occasions]
        if added and not joins_none(edges, [a.statement for a in added]):
            return None
        groups = group_by_occasion(added, lambda a: a.statement)
        if (
            groups
            and occasions
            and reading_order(groups[0][0].statement) <= reading_order(ordered[occasions[-1][0]].statement)
        ):
            return None
        n, n_shifts, n_occasions = len(ordered), len(chain.shifts), len(occasions)
        raw = RawTimeline(ordered, chain.positions.copy(), chain.shifts.copy(), occasions)
        before = None
        if occasions:
            last = occasions[-1]
            group = [ordered[i] for i in last]
            label = growth.party or growth.label
            read = (
                partial(raw.position, last[0])
                if len(last) == 1
                else partial(occasion_position, group, label=label, party=bool(growth.party))
            )
            before = (tuple(a.statement.id for a in group), read)
        positions, new_occasions, shifts = appended_occasions(
            groups,
            start=n,
            before=before,
            speaker=chain.speaker,
            party=chain.party,
            opposites=growth.opposites,
            scales=growth.scales,
        )
        ordered = (*ordered, *(a for g in groups for a in g))
        occasions = (*occasions, *new_occasions)
        raw.ordered, raw.occasions = ordered, occasions
        raw.positions += [None] * len(positions)
        raw.shifts += [None] * len(shifts)
        raw.add_decoded(n, positions, n_shifts, shifts)
        lazy = lazy_timeline(chain.speaker, ordered, occasions, chain.party, raw)
        row = None
        if reader is not None:
            if chain.summary is not None and reader.extend is not None:
                row = reader.extend(reader.read(chain.summary), lazy, *chain.summary_at)
            if row is None:
                row = reader.summarize(lazy)
        # The extension line: what was added, and the whole summary (the report reads the last).
        text_of = {a.statement.id: a.text for a in ordered[n:]}
        position_rows = [
            [replace(p, texts=()), None if texts_of(p, text_of) == p.texts else p.texts] for p in positions
        ]
        shift_rows = []
        for k, shift in enumerate(shifts, n_shifts):
            single = len(occasions[k]) == 1 and len(occasions[k + 1]) == 1
            pair = (raw.position(occasions[k][0]), raw.position(occasions[k + 1][0])) if single else None
            derived = pair is not None and shift_tags(*pair) == shift.tags
            shift_rows.append([replace(shift, tags=()) if derived else shift, derived])
        new_keys = [entry_key(a, known) for a in ordered[n:]]
        if reader is not None:  # (read back from its JSON, as the next report reads it)
            object.__setattr__(lazy, "report_summary", reader.read(orjson.loads(encode(row))))
        if chain.extensions + 1 > MAX_EXTENSIONS:  # written whole again (from the rows' bytes)
            payload = full_payload(
                chain.positions.encoded(position_rows),
                chain.shifts.encoded(shift_rows),
                [
                    chain.speaker,
                    chain.party,
                    [*chain.keys, *new_keys],
                    occasions,
                    chain.summary_at if row is None and chain.summary is not None else None,
                    row if row is not None else chain.summary,
                ],
            )
            self._record(slot, payload, whole=True)
        else:
            payload = encode(
                [
                    None,
                    chain.tip,
                    n,
                    n_shifts,
                    n_occasions,
                    new_keys,
                    position_rows,
                    shift_rows,
                    new_occasions,
                    row,
                ]
            )
            self._record(slot, payload, whole=False)
        return lazy if reader is not None else lazy.plain()

    def _record(self, slot: str, payload: bytes, *, whole: bool) -> None:
        line = b"%s\t%d\t%s\n" % (slot.encode(), zlib.crc32(payload), payload)
        if whole:
            self._lines[slot] = self._pending[slot] = line
        else:
            before = self._lines.get(slot, b"")
            if before and not before.endswith(b"\n"):  # (a file's last line read without its newline)
                before += b"\n"
            self._lines[slot] = before + line
            self._pending[slot] = self._pending.get(slot, b"") + line

    def put(
        self,
        slot: str,
        timeline: Timeline,
        keys: Mapping[str, str] | None = None,
        summary: TimelineSummary | None = None,
    ) -> None:
        """Record a timeline, with its ``summary`` when given (written by :meth:`flush`)."""
        self._record(
            slot, encode_full(timeline, [entry_key(a, keys) for a in timeline.analyses], summary), whole=True
        )

    def flush(self) -> None:
        """Append the new lines, or rewrite the file when superseded lines outweigh live ones
        (atomically). Best effort: a corpus that cannot be written gets no cache."""
        if not self._pending:
            return
        new = b"".join(self._pending.values())
        self._pending.clear()
        live = sum(map(len, self._lines.values()))
        try:
            if self.path.exists() and self._total + len(new) - live <= live:
                append_lines(self.path, new)
                self._total += len(new)
            else:
                self._rewrite(live)
        except OSError:
            pass

    def _rewrite(self, live: int) -> None:
        from ..outputs import OutputError, atomic_file

        ensure_cache_folder(self.path.parent)
        try:
            with atomic_file(self.path, binary=True) as fh:
                fh.write(f"{_HEADER} {FORMAT} {self.key}\n".encode())
                fh.write(b"".join(self._lines[k] for k in sorted(self._lines)))
        except OutputError:
            return
        self._total = live
        prune(self.path.parent, keep=self.path, pattern="timelines-*.jsonl")


def _keyed(
    analyses: Sequence[StatementAnalysis], known: Mapping[str, str] | None
) -> dict[str, StatementAnalysis]:
    """Analyses (with a statement) by entry key (:func:`entry_key`, inlined: this runs over every
    statement of a report)."""
    if known is None:
        return {entry_key(a): a for a in analyses if a.statement}
    get = known.get
    out: dict[str, StatementAnalysis] = {}
    for a in analyses:
        if (s := a.statement) is not None:
            key = get(s.id)
            out[key if key is not None else entry_key(a)] = a
    return out


# -- building timelines: here or on a Dask cluster ------------------------------------------------


@dataclass(frozen=True)
class TimelineJob:
    """One timeline to build: the analyses of its statements, whose it is, what to reuse."""

    analyses: tuple[StatementAnalysis, ...]
    label: str
    party: bool = False
    previous: Timeline | None = None


def build_timeline(
    job: TimelineJob, *, opposites: Sequence[tuple[str, str]], scales: Sequence[Scale]
) -> Timeline:
    """One actor's (``job.label`` its id) or one party's timeline."""
    from ..shifts.timeline import timeline

    party = job.label if job.party else ""
    return timeline(
        job.analyses,
        speaker=job.label,
        opposites=opposites,
        scales=scales,
        party=party,
        previous=job.previous,
    )


def timeline_task(recipe: AnalyzerRecipe, jobs: list[TimelineJob]) -> list[Timeline]:
    """Build timelines in a worker process (its analyzer gives the opposites and scales)."""
    from .local import worker_analyzer

    analyzer = worker_analyzer(recipe)
    return [build_timeline(j, opposites=analyzer.opposites, scales=analyzer.scales) for j in jobs]


def build_timelines(
    jobs: Sequence[TimelineJob],
    *,
    recipe: AnalyzerRecipe,
    opposites: Sequence[tuple[str, str]],
    scales: Sequence[Scale],
    engine: Engine | None = None,
) -> list[Timeline]:
    """Build timelines in order: on the Dask cluster's workers (one task per timeline) with
    ``--engine dask``, else in this process (the shift stage is cheap next to the analysis)."""
    engine = engine or current_engine()
    if engine.kind is EngineKind.DASK and jobs:
        from .local import map_chunks

        return [
            tl
            for part in map_chunks(timeline_task, ([j] for j in jobs), recipe=recipe, engine=engine)
            for tl in part
        ]
    # Building in this process allocates positions and shifts beside every held analysis: the
    # cyclic collector (nothing here is cyclic garbage) would walk them all again and again.
    with gc_paused():
        return [build_timeline(j, opposites=opposites, scales=scales) for j in jobs]


def cached_timelines(
    groups: Sequence[tuple[str, Sequence[StatementAnalysis], bool]],
    *,
    store: TimelineCache | None,
    keys: Mapping[str, str] | None,
    recipe: AnalyzerRecipe,
    variant: str = "",
    opposites: Sequence[tuple[str, str]],
    scales: Sequence[Scale],
    summary: TimelineSummary | None = None,
) -> list[Timeline]:
    """Timelines of ``(label, analyses, is a party)`` groups, in order: read from ``store``
    where their statements are unchanged, else built by the current engine (reusing what the
    cached timeline read), recorded in ``store`` and written.

    Args:
        groups: Each timeline's label (actor id or party), its statements' analyses, and
            whether it is a party's.
        store: The timeline cache, or None to build every timeline.
        keys: Entry keys already computed for these statements (by id), or None.
        recipe: How Dask workers build the analyzer.
        variant: Slots of their own for these groups (their statements come in another order).
        opposites: The codebook's opposites.
        scales: The codebook's scales.
        summary: Summaries to keep beside the timelines (:class:`TimelineSummary`): read back
            with them, and a cached line without one written again with one.
    """
    out: list[Timeline | None] = [None] * len(groups)
    jobs: list[TimelineJob] = []
    slots: dict[int, str] = {}
    for i, (label, analyses, party) in enumerate(groups):
        previous = None
        if store is not None:
            slots[i] = store.slot(
                label, party=label if party else "", opposites=opposites, scales=scales, variant=variant
            )
            growth = Growth(label, label if party else "", opposites, scales)
            out[i], previous = store.lookup(slots[i], analyses, keys, summary, growth)
            if summary is not None and out[i] is not None and not isinstance(out[i], LazyTimeline):
                store.put(slots[i], out[i], keys, summary)  # (a line written without a summary)
        if out[i] is None:
            jobs.append(TimelineJob(tuple(analyses), label, party, previous))
    built = iter(build_timelines(jobs, recipe=recipe, opposites=opposites, scales=scales))
    for i in range(len(groups)):
        if out[i] is None:
            out[i] = tl = next(built)
            if store is not None:
                store.put(slots[i], tl, keys, summary)
    if store is not None:
        store.flush()
    return out  # type: ignore[return-value]


__all__ = [
    "Growth",
    "TimelineCache",
    "TimelineJob",
    "TimelineSummary",
    "LazyTimeline",
    "build_timeline",
    "build_timelines",
    "cached_timelines",
    "entry_key",
    "timeline_task",
]
