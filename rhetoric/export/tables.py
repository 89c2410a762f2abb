"""Tidy tables from a corpus analysis: one row per statement, mention, frame, stance or shift event.

Rows are plain dicts with exactly the spec's columns (:mod:`rhetoric.output.spec`) and native
values (lists as lists); the writer (:mod:`rhetoric.output.write`) turns them into CSV, JSON,
JSONL or Parquet. The per-statement builders (:func:`frame_rows`, :func:`stance_rows`) and
:func:`shift_rows` are what ``frames``, ``stances``, ``compare`` and ``timeline`` print too.

Example:
    >>> from rhetoric.session import analyze_all
    >>> rows = table_rows(analyze_all("corpora/ukraine-nato"), "shifts")  # doctest: +SKIP
    >>> rows[0]["speaker"], rows[0]["type"], rows[0]["tag"]  # doctest: +SKIP
    ('zelensky', 'condition_dropped', 'withdrawal')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..analysis import CorpusAnalysis, mention_role
from ..output.spec import PANDAS_TYPES, column_types, columns
from ..shifts.model import ChangeEvent, Evidence

if TYPE_CHECKING:  # pandas is imported lazily: the CLI must start fast
    import pandas as pd

    from ..records import StatementAnalysis
    from ..shifts.model import Shift

Row = dict[str, Any]


def _evidence(spans: tuple[Evidence, ...]) -> str:
    return " … ".join(e.text for e in spans)


def statement_row(a: StatementAnalysis, *, order: int, name: str) -> Row:
    """The ``statements`` table's own columns for one analysed statement.

    Args:
        a: The statement's analysis.
        order: Its position (from 1) in its speaker's timeline.
        name: The speaker's display name.
    """
    s = a.statement
    d = s.partial_date
    return {
        "statement_id": s.id,
        "speaker": s.speaker,
        "speaker_name": name,
        "speaker_as_written": s.speaker_as_written,
        "date": s.date,
        "date_precision": d.precision.value,
        "date_qualifier": s.date_qualifier,
        "date_start": d.first_day().isoformat(),
        "date_end": d.last_day().isoformat(),
        "speaker_order": order,
        "kind": s.kind,
        "text": s.text,
        "source": s.source,
        "url": s.url,
        "document": s.document,
        "added_at": s.added_at,
        "n_mentions": len(a.mentions),
        "n_frames": len(a.frames),
        "meta": dict(s.meta),
    }


def _statements(ca: CorpusAnalysis) -> Iterator[Row]:
    order = {a.statement.id: i for tl in ca.timelines for i, a in enumerate(tl.analyses, start=1)}
    for a in ca.analyses:
        yield statement_row(a, order=order[a.statement.id], name=ca.actor_name(a.statement.speaker))


def mention_rows(a: StatementAnalysis) -> Iterator[Row]:
    """The ``mentions`` table's own columns for one analysed statement."""
    s = a.statement
    for m in a.mentions:
        yield {
            "statement_id": s.id,
            "speaker": s.speaker,
            "date": s.date,
            "sentence": m.sentence,
            "tag": m.tag,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "pattern": m.pattern,
            "polarity": m.polarity,
            "role": mention_role(a, m),
        }


def _mentions(ca: CorpusAnalysis) -> Iterator[Row]:
    for a in ca.analyses:
        yield from mention_rows(a)


def frame_rows(a: StatementAnalysis) -> Iterator[Row]:
    """The ``frames`` table's own columns for one analysed statement (or free text).

    Example:
        >>> from rhetoric.records import StatementAnalysis
        >>> from rhetoric.records import Frame
        >>> f = Frame(None, 0, "text#0.1", "", "", ("negotiations",), ("withdrawal",), "until", start=3, end=25)
        >>> row = next(frame_rows(StatementAnalysis("No talks until withdrawal.", (), (f,), ())))
        >>> row["statement_id"], row["conditions"], row["evidence"]
        (None, ['withdrawal'], 'talks until withdrawal')
    """
    s = a.statement
    for f in a.frames:
        yield {
            "statement_id": s.id if s else f.statement_id,
            "frame_id": f.frame_id,
            "speaker": s.speaker if s else f.speaker,
            "date": s.date if s else f.date,
            "sentence": f.sentence,
            "outcomes": list(f.outcomes),
            "conditions": list(f.conditions),
            "other_conditions": list(f.other_conditions),
            "cue": f.cue,
            "relation": f.relation,
            "polarity": f.polarity,
            "modality": f.modality,
            "start": f.start,
            "end": f.end,
            "evidence": a.text[f.start : f.end],
        }


def stance_rows(a: StatementAnalysis, *, speaker: str = "") -> Iterator[Row]:
    """The ``stances`` table's own columns for one analysed statement (``speaker`` for free text)."""
    s = a.statement
    who = s.speaker if s else speaker
    for st in a.stances:
        yield {
            "statement_id": s.id if s else st.statement_id,
            "speaker": who,
            "date": s.date if s else "",
            "sentence": st.sentence,
            "tag": st.tag,
            "stance": st.stance,
            "holders": list(st.holders),
            "speaker_holds": who in st.holders,
            "start": st.start,
            "end": st.end,
            "text": a.text[st.start : st.end],
            "cue": st.cue,
        }


def _frames(ca: CorpusAnalysis) -> Iterator[Row]:
    for a in ca.analyses:
        yield from frame_rows(a)


def _stances(ca: CorpusAnalysis) -> Iterator[Row]:
    for a in ca.analyses:
        yield from stance_rows(a)


def shift_rows(shift: Shift, step: int) -> Iterator[Row]:
    """The ``shifts`` table's own columns for one shift: a row per change event (one when none)."""
    base = {
        "speaker": shift.speaker,
        "step": step,
        "from_id": shift.from_ids[0],
        "to_id": shift.to_ids[0],
        # An occasion (one source and day) is read as one position: all its ids.
        "from_ids": ";".join(shift.from_ids),
        "to_ids": ";".join(shift.to_ids),
        "from_date": shift.from_date,
        "to_date": shift.to_date,
        "verdict": shift.verdict.value,
    }
    events: tuple[ChangeEvent | None, ...] = shift.events or (None,)
    for e in events:
        yield {
            **base,
            "type": e.type.value if e else "",
            "tag": e.tag if e else "",
            "detail": e.detail if e else "",
            "evidence_from": _evidence(e.evidence_from) if e else "",
            "evidence_to": _evidence(e.evidence_to) if e else "",
        }


def _shifts(ca: CorpusAnalysis) -> Iterator[Row]:
    for tl in ca.timelines:
        for step, shift in enumerate(tl.shifts, start=1):
            yield from shift_rows(shift, step)


_BUILDERS: dict[str, Callable[[CorpusAnalysis], Iterator[Row]]] = {
    "statements": _statements,
    "mentions": _mentions,
    "frames": _frames,
    "stances": _stances,
    "shifts": _shifts,
}


def iter_rows(ca: CorpusAnalysis, table: str) -> Iterator[Row]:
    """Stream a table's rows, each with the provenance columns, in dictionary column order.

    Raises:
        UsageError: If there is no such table.
    """
    columns(table)  # an unknown table fails here, with the usage error
    return with_provenance(_BUILDERS[table](ca), table, ca.provenance.to_dict())


def with_provenance(rows: Iterable[Row], table: str, provenance: dict[str, str]) -> Iterator[Row]:
    """A table's own rows with the provenance columns added, in dictionary column order.

    Raises:
        UsageError: If there is no such table.
    """
    names = columns(table)
    for row in rows:
        row.update(provenance)
        yield {k: row[k] for k in names}


def table_rows(ca: CorpusAnalysis, table: str) -> list[Row]:
    """A table's rows as a list (see :func:`iter_rows`)."""
    return list(iter_rows(ca, table))


def table_frame(ca: CorpusAnalysis, table: str) -> pd.DataFrame:
    """A table as a pandas DataFrame with the spec's columns and types.

    Days and times are ``datetime64`` (times in UTC), lists are Python lists, partial dates
    and version strings stay text (see ``spec.PANDAS_TYPES``).

    Raises:
        UsageError: If there is no such table.
    """
    import pandas as pd

    names = columns(table)
    types = column_types(table)
    frame = pd.DataFrame(table_rows(ca, table), columns=list(names))
    for name in names:
        kind = types[name]
        if kind == "day":
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
        elif kind == "datetime":
            frame[name] = pd.to_datetime(frame[name].replace("", None), utc=True, format="ISO8601")
        elif kind in ("list", "object"):
            frame[name] = frame[name].astype("object")  # Python lists and dicts
        else:
            frame[name] = frame[name].astype(PANDAS_TYPES[kind])
    return frame
