"""Incremental shift stage: each speaker's (or party's) timeline kept beside the corpus.

``corpus/.cache/timelines-<key>.jsonl`` (``<key>`` as the analysis cache's: codebook, actors,
rhetoric's code and data) holds one line per timeline: its positions and shifts, and the
entry key (statement id and record digest) of every statement it read. A timeline whose
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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from ..records import StatementAnalysis
from .cache import CACHE_DIR, append_lines, ensure_cache_folder, prune, statement_digest
from .codec import decoder, encode, gc_paused
from .spec import Engine, EngineKind, current_engine

if TYPE_CHECKING:
    from ..codebook.scales import Scale
    from ..shifts.timeline import Timeline
    from .local import AnalyzerRecipe

#: Format of the timeline lines (bumped when the layout changes).
FORMAT = 1
_HEADER = "#rhetoric-timeline-cache"
#: Stands in for a statement the cached timeline read that the corpus no longer has as it was.
_GONE = StatementAnalysis("", (), (), ())


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
        self._lines = lines  # slot -> the latest line (with its newline)
        self._total = total  # bytes of the lines in the file, live or superseded
        self._pending: dict[str, bytes] = {}

    @classmethod
    def open(cls, corpus_dir: str | os.PathLike, key: str) -> TimelineCache:
        """Read the cache of ``corpus_dir`` for ``key`` (empty when missing or unreadable).

        Only each line's slot is read here; a line is parsed when its slot is looked up.
        """
        path = Path(corpus_dir) / CACHE_DIR / f"timelines-{key}.jsonl"
        lines: dict[str, bytes] = {}
        total = 0
        try:
            with open(path, "rb") as fh:
                if fh.readline().rstrip(b"\n") == f"{_HEADER} {FORMAT} {key}".encode():
                    for raw in fh:
                        total += len(raw)
                        slot, sep, _ = raw.partition(b"\t")
                        if sep:
                            lines[slot.decode("ascii", "replace")] = raw
        except OSError:
            pass
        return cls(path, key, lines, total)

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
        self, slot: str, analyses: Sequence[StatementAnalysis], keys: Mapping[str, str] | None = None
    ) -> tuple[Timeline | None, Timeline | None]:
        """``(timeline, None)`` when the cached one read exactly these statements; else
        ``(None, previous)`` with the cached timeline to reuse from (None when there is none
        or its line is damaged). ``keys``: entry keys already computed, by statement id."""
        raw = self._lines.get(slot)
        if raw is None:
            return None, None
        try:
            _, crc, payload = raw.rstrip(b"\n").split(b"\t", 2)
            if zlib.crc32(payload) != int(crc):
                return None, None
            with gc_paused():
                return _decode(orjson.loads(payload), analyses, keys)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None, None

    def put(self, slot: str, timeline: Timeline, keys: Mapping[str, str] | None = None) -> None:
        """Record a timeline (written by :meth:`flush`)."""
        payload = _encode(timeline, keys)
        line = b"%s\t%d\t%s\n" % (slot.encode(), zlib.crc32(payload), payload)
        self._lines[slot] = self._pending[slot] = line

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


def _encode(tl: Timeline, known: Mapping[str, str] | None) -> bytes:
    # What can be derived is left out when it is (checked here), to halve the file and its reading:
    # a position's texts are its statements' texts; a shift between two single statements holds
    # their positions' per-tag states.
    text_of = {a.statement.id: a.text for a in tl.analyses}
    positions = [
        [replace(p, texts=()), None if _texts_of(p, text_of) == p.texts else p.texts] for p in tl.positions
    ]
    shifts = []
    for k, shift in enumerate(tl.shifts):
        pair = _single_pair(tl.positions, tl.occasions, k)
        derived = pair is not None and _shift_tags(*pair) == shift.tags
        shifts.append([replace(shift, tags=()) if derived else shift, derived])
    keys = [entry_key(a, known) for a in tl.analyses]
    return encode([tl.speaker, tl.party, keys, positions, shifts, tl.occasions])


def _single_pair(
    positions: Sequence[Any], occasions: Sequence[tuple[int, ...]], k: int
) -> tuple[Any, Any] | None:
    """The positions on either side of shift ``k`` when both occasions are single statements."""
    if k + 1 >= len(occasions) or len(occasions[k]) != 1 or len(occasions[k + 1]) != 1:
        return None
    return positions[occasions[k][0]], positions[occasions[k + 1][0]]


def _shift_tags(a: Any, b: Any) -> tuple:
    from ..shifts.positions import OTHER

    return tuple((t, a.state(t), b.state(t)) for t in dict.fromkeys((*a.tags(), *b.tags())) if t != OTHER)


def _texts_of(p: Any, text_of: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((sid, text_of.get(sid, "")) for sid in p.statement_ids)


def _decode(
    row: list[Any], analyses: Sequence[StatementAnalysis], known: Mapping[str, str] | None
) -> tuple[Timeline | None, Timeline | None]:
    from ..shifts.model import Shift
    from ..shifts.positions import Position
    from ..shifts.timeline import Timeline

    speaker, party, keys, positions, shifts, occasions = row
    now = {entry_key(a, known): a for a in analyses if a.statement}
    ordered = tuple(now.get(k, _GONE) for k in keys)
    complete = len(now) == len(analyses) == len(keys) and all(k in now for k in keys)
    text_of = {a.statement.id: a.text for a in ordered if a.statement}
    read_position, read_shift = decoder(Position), decoder(Shift)
    decoded = []
    for p, texts in positions:
        position = read_position(p)
        texts = tuple(map(tuple, texts)) if texts is not None else _texts_of(position, text_of)
        decoded.append(_with(position, "texts", texts))
    if len(decoded) != len(ordered):
        raise ValueError("a cached timeline needs one position per statement")
    occasions = tuple(map(tuple, occasions))
    read_shifts = []
    for k, (shift, derived) in enumerate(shifts):
        shift = read_shift(shift)
        if derived:
            pair = _single_pair(decoded, occasions, k)
            if pair is None:
                raise ValueError("a cached shift's tags are derived only between single statements")
            _with(shift, "tags", _shift_tags(*pair))
        read_shifts.append(shift)
    tl = Timeline(speaker, ordered, tuple(decoded), tuple(read_shifts), occasions, party)
    return (tl, None) if complete else (None, tl)


def _with(record: Any, name: str, value: Any) -> Any:
    object.__setattr__(record, name, value)  # a record just decoded, not yet shared
    return record


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
            out[i], previous = store.lookup(slots[i], analyses, keys)
        if out[i] is None:
            jobs.append(TimelineJob(tuple(analyses), label, party, previous))
    built = iter(build_timelines(jobs, recipe=recipe, opposites=opposites, scales=scales))
    for i in range(len(groups)):
        if out[i] is None:
            out[i] = tl = next(built)
            if store is not None:
                store.put(slots[i], tl, keys)
    if store is not None:
        store.flush()
    return out  # type: ignore[return-value]


__all__ = [
    "TimelineCache",
    "TimelineJob",
    "build_timeline",
    "build_timelines",
    "cached_timelines",
    "entry_key",
    "timeline_task",
]
