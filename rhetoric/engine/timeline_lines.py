"""The timeline cache's lines: a timeline written as one full line, extension lines after it, read back lazily.

A full line holds a timeline's positions and shifts (what can be derived from its statements
left out), the entry key of each statement, its occasions and the report summary's readings.
Its positions and shifts come first with their byte sizes and each one's end, so that a reader
parses only the rest and decodes a position or shift from its own bytes when it is asked for
(:class:`LazyTimeline`). An extension line names the CRC of the line it extends and the counts it
starts from, and carries only what the timeline gained at its end. :func:`parse_chain` reads a
slot's lines up to the first damaged or misplaced one. :mod:`rhetoric.engine.timelines` keeps
the slots, decides what to reuse, and writes the lines.

Example:
    >>> payload = full_payload([b"1", b"22"], [], ["putin", "", ["k1", "k2"], [[0], [1]], None, None])
    >>> row = full_row(payload)
    >>> row[0], len(row[3]), row[3][1]
    ('putin', 2, 22)
"""

from __future__ import annotations

import operator
import zlib
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

import orjson

from .codec import decoder, encode, gc_paused

if TYPE_CHECKING:
    from ..shifts.timeline import Timeline
    from .timelines import TimelineSummary


def encode_full(tl: Timeline, keys: list[str], summary: TimelineSummary | None) -> bytes:
    """A timeline's full line payload: its positions and shifts (without what can be derived),
    ``keys`` (the entry key of each of its statements) and the report ``summary``'s readings."""
    # What can be derived is left out when it is (checked here), to halve the file and its reading:
    # a position's texts are its statements' texts; a shift between two single statements holds
    # their positions' per-tag states.
    text_of = {a.statement.id: a.text for a in tl.analyses}
    positions = [
        [replace(p, texts=()), None if texts_of(p, text_of) == p.texts else p.texts] for p in tl.positions
    ]
    shifts = []
    for k, shift in enumerate(tl.shifts):
        pair = single_pair(tl.positions, tl.occasions, k)
        derived = pair is not None and shift_tags(*pair) == shift.tags
        shifts.append([replace(shift, tags=()) if derived else shift, derived])
    extra = summary.summarize(tl) if summary is not None else None
    return full_payload(
        [encode(x) for x in positions],
        [encode(x) for x in shifts],
        [tl.speaker, tl.party, keys, tl.occasions, None, extra],
    )


def full_payload(positions: list[bytes], shifts: list[bytes], head: list[Any]) -> bytes:
    """A full line's payload, one JSON array: ``[[P, S], positions, shifts, *head, ends of
    positions, ends of shifts, summary]`` (``head``'s last item is the summary, kept last). ``P``
    and ``S`` are the byte sizes of the two arrays, the ends each item's end in its array: a
    reader parses only what follows them, and each position or shift from its own bytes."""
    p, p_ends = _array(positions)
    sh, s_ends = _array(shifts)
    rest = encode([*head[:-1], p_ends, s_ends, head[-1]])
    return b"[[%d,%d],%s,%s,%s" % (len(p), len(sh), p, sh, rest[1:])


def _array(items: list[bytes]) -> tuple[bytes, list[int]]:
    ends, at = [], 0
    for item in items:
        at += 1 + len(item)  # (the "[" or "," before it)
        ends.append(at)
    return b"[" + b",".join(items) + b"]", ends


class Items:
    """The positions (or shifts) of a cached timeline: those of its full line as bytes, each
    parsed when asked for; those of extension lines (or added since) parsed already."""

    __slots__ = ("_buf", "_ends", "_extra")

    def __init__(self, buf: memoryview, ends: list[int], extra: list[Any]) -> None:
        self._buf, self._ends, self._extra = buf, ends, extra

    @classmethod
    def of(cls, buf: memoryview, ends: Any) -> Items:
        """The items of one JSON array's bytes, given each one's end (checked against the bytes)."""
        if type(ends) is not list or not all(type(e) is int for e in ends):
            raise TypeError("a cached timeline's item ends are integers")
        steps = map(operator.sub, ends[1:], ends)  # (each item one byte at least, and its comma)
        if bytes(buf[:1]) != b"[" or bytes(buf[-1:]) != b"]" or not all(d >= 2 for d in steps):
            raise ValueError("a cached timeline's items do not fit their array")
        if (ends[-1] if ends else 0) != len(buf) - 1 - (0 if ends else 1) or (ends and ends[0] < 2):
            raise ValueError("a cached timeline's items do not fit their array")
        if ends and bytes(map(buf.__getitem__, ends)) != b"," * (len(ends) - 1) + b"]":
            raise ValueError("a cached timeline's items end where no item ends")
        return cls(buf, ends, [])

    def __len__(self) -> int:
        return len(self._ends) + len(self._extra)

    def __getitem__(self, i: int) -> Any:
        n = len(self._ends)
        if i >= n:
            return self._extra[i - n]
        return orjson.loads(self._buf[(self._ends[i - 1] + 1 if i else 1) : self._ends[i]])

    def __iadd__(self, more: list[Any]) -> Items:
        self._extra += more
        return self

    def plus(self, more: list[Any]) -> Items:
        """These items and ``more`` after them (a new sequence)."""
        return Items(self._buf, self._ends, self._extra + more)

    def copy(self) -> Items:
        return Items(self._buf, self._ends, list(self._extra))

    def encoded(self, more: list[Any]) -> list[bytes]:
        """Every item's JSON (the full line's as they are), then ``more``'s."""
        buf, ends = self._buf, self._ends
        out = [bytes(buf[(ends[i - 1] + 1 if i else 1) : ends[i]]) for i in range(len(ends))]
        return out + [encode(x) for x in (*self._extra, *more)]


def single_pair(
    positions: Sequence[Any], occasions: Sequence[tuple[int, ...]], k: int
) -> tuple[Any, Any] | None:
    """The positions on either side of shift ``k`` when both occasions are single statements."""
    if k + 1 >= len(occasions) or len(occasions[k]) != 1 or len(occasions[k + 1]) != 1:
        return None
    return positions[occasions[k][0]], positions[occasions[k + 1][0]]


def shift_tags(a: Any, b: Any) -> tuple:
    from ..shifts.positions import OTHER

    return tuple((t, a.state(t), b.state(t)) for t in dict.fromkeys((*a.tags(), *b.tags())) if t != OTHER)


def texts_of(p: Any, text_of: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((sid, text_of.get(sid, "")) for sid in p.statement_ids)


#: How an extension line's payload starts (a full line's starts with its speaker, a string).
EXTENSION = b"[null,"


class Chain(NamedTuple):
    """A timeline's cached lines parsed: its full line with the extension lines after it that
    hold (each names the CRC of the line it extends and the counts it starts from)."""

    speaker: str
    party: str
    keys: list[str]
    positions: Items
    shifts: Items
    occasions: list[Any]
    summary: Any  # the latest summary row written (None: none)
    summary_at: tuple[int, int, int]  # the statements, shifts and occasions it reads
    extensions: int  # extension lines read
    tip: int  # CRC of the last line read
    clean: bool  # every line read (none damaged or out of place after them)


def full_row(payload: bytes) -> list[Any]:
    """A full line's fields (:func:`full_payload`), its positions and shifts left unparsed."""
    if not payload.startswith(b"[["):
        raise ValueError("not a full timeline line")
    j = payload.index(b"]")
    n_p, n_s = (int(x) for x in payload[2:j].split(b","))
    view = memoryview(payload)
    at = j + 2  # (after "],")
    positions, at = view[at : at + n_p], at + n_p
    if payload[at : at + 1] != b",":
        raise ValueError("a cached timeline's positions do not fit their size")
    shifts, at = view[at + 1 : at + 1 + n_s], at + 1 + n_s
    if payload[at : at + 1] != b"," or len(positions) != n_p or len(shifts) != n_s:
        raise ValueError("a cached timeline's shifts do not fit their size")
    speaker, party, keys, occasions, summary_at, p_ends, s_ends, summary = orjson.loads(
        b"[" + payload[at + 1 :]
    )
    return [
        speaker,
        party,
        keys,
        Items.of(positions, p_ends),
        Items.of(shifts, s_ends),
        occasions,
        summary_at,
        summary,
    ]


def parse_chain(raw: bytes) -> Chain | None:
    """A slot's lines parsed, up to the first damaged or misplaced one; None when the first (the
    full line) is."""
    lines = raw.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    chain: Chain | None = None
    read = 0
    for line in lines:
        try:
            _, crc, payload = line.split(b"\t", 2)
            if not crc.isdigit() or zlib.crc32(payload) != int(crc):
                break
            if chain is None:
                speaker, party, keys, positions, shifts, occasions, summary_at, summary = full_row(payload)
                lengths = (len(keys), len(shifts), len(occasions))
                summary_at = lengths if summary_at is None else tuple(summary_at)
                if len(summary_at) != 3 or not all(
                    type(x) is int and 0 <= x <= y for x, y in zip(summary_at, lengths, strict=True)
                ):
                    break
                if not isinstance(speaker, str) or not all(isinstance(x, list) for x in (keys, occasions)):
                    break
                chain = Chain(
                    speaker, party, keys, positions, shifts, occasions, summary, summary_at, 0, int(crc), True
                )
            else:
                row = orjson.loads(payload)
                marker, base, n, n_shifts, n_occasions, keys, positions, shifts, occasions, summary = row
                if (
                    marker is not None
                    or base != chain.tip
                    or not all(isinstance(x, list) for x in (keys, positions, shifts, occasions))
                ):
                    break
                if (n, n_shifts, n_occasions) != (len(chain.keys), len(chain.shifts), len(chain.occasions)):
                    break
                chain = chain._replace(
                    keys=chain.keys + keys,
                    positions=chain.positions.plus(positions),
                    shifts=chain.shifts.plus(shifts),
                    occasions=chain.occasions + occasions,
                    summary=summary if summary is not None else chain.summary,
                    summary_at=(
                        (n + len(keys), n_shifts + len(shifts), n_occasions + len(occasions))
                        if summary is not None
                        else chain.summary_at
                    ),
                    extensions=chain.extensions + 1,
                    tip=int(crc),
                )
        except (ValueError, TypeError):
            break
        read += 1
    if chain is None:
        return None
    return chain._replace(clean=read == len(lines))


def lazy_timeline(
    speaker: str, ordered: tuple, occasions: tuple, party: str, raw: RawTimeline
) -> LazyTimeline:
    lazy = LazyTimeline.__new__(LazyTimeline)
    for name, value in (
        ("speaker", speaker),
        ("analyses", ordered),
        ("occasions", occasions),
        ("party", party),
    ):
        object.__setattr__(lazy, name, value)
    object.__setattr__(lazy, "_raw", raw)
    return lazy


class RawTimeline:
    """A cached timeline's positions and shifts as parsed JSON, decoded one by one on demand."""

    def __init__(self, ordered: tuple, positions: list, shifts: list, occasions: tuple) -> None:
        from ..shifts.model import Shift
        from ..shifts.positions import Position

        self.ordered, self.positions, self.shifts, self.occasions = ordered, positions, shifts, occasions
        self.read_position, self.read_shift = decoder(Position), decoder(Shift)
        self._text_of: dict[str, str] | None = None
        self._positions: dict[int, Any] = {}
        self._shifts: dict[int, Any] = {}

    def position(self, i: int) -> Any:
        found = self._positions.get(i)
        if found is None:
            p, texts = self.positions[i]
            position = self.read_position(p)
            if texts is not None:
                texts = tuple(map(tuple, texts))
            elif (a := self.ordered[i]).statement and position.statement_ids == (a.statement.id,):
                texts = ((a.statement.id, a.text),)  # (its own statement: no map of every text)
            else:
                if self._text_of is None:
                    self._text_of = {a.statement.id: a.text for a in self.ordered if a.statement}
                texts = texts_of(position, self._text_of)
            found = self._positions[i] = _with(position, "texts", texts)
        return found

    def shift(self, k: int) -> Any:
        found = self._shifts.get(k)
        if found is None:
            shift, derived = self.shifts[k]
            shift = self.read_shift(shift)
            if derived:
                occasions = self.occasions
                if k + 1 >= len(occasions) or len(occasions[k]) != 1 or len(occasions[k + 1]) != 1:
                    raise ValueError("a cached shift's tags are derived only between single statements")
                pair = self.position(occasions[k][0]), self.position(occasions[k + 1][0])
                _with(shift, "tags", shift_tags(*pair))
            found = self._shifts[k] = shift
        return found

    def add_decoded(self, i: int, positions: Sequence[Any], k: int, shifts: Sequence[Any]) -> None:
        """Positions from index ``i`` and shifts from ``k`` given already decoded."""
        self._positions.update(enumerate(positions, i))
        self._shifts.update(enumerate(shifts, k))

    def all_positions(self) -> tuple:
        return tuple(self.position(i) for i in range(len(self.positions)))

    def all_shifts(self) -> tuple:
        return tuple(self.shift(k) for k in range(len(self.shifts)))


def timeline_class() -> type:
    from ..shifts.timeline import Timeline

    return Timeline


class LazyTimeline(timeline_class()):  # type: ignore[misc]
    """A timeline read back from the cache whose positions and shifts are decoded when first
    read: one by one through :meth:`position_at` and :meth:`shift_at`, all at once through
    ``positions`` and ``shifts``. ``report_summary`` holds the report's whole-timeline readings
    (:mod:`rhetoric.reports.summary`). Equal to, and pickled as, the plain timeline."""

    def __getattr__(self, name: str) -> Any:
        raw = self.__dict__.get("_raw")
        if raw is None or name not in ("positions", "shifts"):
            raise AttributeError(name)
        with gc_paused():
            object.__setattr__(self, "positions", raw.all_positions())
            object.__setattr__(self, "shifts", raw.all_shifts())
        return self.__dict__[name]

    @property
    def decoded(self) -> bool:
        """Whether every position and shift has been decoded (``positions`` or ``shifts`` read)."""
        return "positions" in self.__dict__

    def position_at(self, i: int) -> Any:
        """The ``i``-th position, decoding only it."""
        return self.positions[i] if self.decoded else self._raw.position(range(len(self.analyses))[i])

    def shift_at(self, k: int) -> Any:
        """The ``k``-th shift, decoding only it (and the positions it derives its tags from)."""
        return self.shifts[k] if self.decoded else self._raw.shift(range(len(self._raw.shifts))[k])

    @property
    def n_shifts(self) -> int:
        """How many shifts (without decoding them)."""
        return len(self._raw.shifts)

    def plain(self) -> Timeline:
        """The same timeline as a plain :class:`~rhetoric.shifts.timeline.Timeline`."""
        return timeline_class()(
            self.speaker, self.analyses, self.positions, self.shifts, self.occasions, self.party
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, timeline_class()):
            return NotImplemented
        names = ("speaker", "analyses", "positions", "shifts", "occasions", "party")
        return all(getattr(self, n) == getattr(other, n) for n in names)

    def __hash__(self) -> int:
        return hash(self.plain())

    def __repr__(self) -> str:
        return repr(self.plain())

    def __reduce_ex__(self, protocol: Any) -> Any:
        return timeline_class(), (
            self.speaker,
            self.analyses,
            self.positions,
            self.shifts,
            self.occasions,
            self.party,
        )


def _with(record: Any, name: str, value: Any) -> Any:
    object.__setattr__(record, name, value)  # a record just decoded, not yet shared
    return record
