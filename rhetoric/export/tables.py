"""Tidy tables from a corpus analysis: one row per statement, mention, frame, stance or shift event.

Rows are plain dicts with exactly the dictionary's columns (:mod:`.dictionary`), lists
joined with ``;`` so every format (CSV, JSONL, Parquet, pandas) holds the same values.

Example:
    >>> from rhetoric.session import analyze_all
    >>> rows = table_rows(analyze_all("corpora/ukraine-nato"), "shifts")  # doctest: +SKIP
    >>> rows[0]["speaker"], rows[0]["type"], rows[0]["tag"]  # doctest: +SKIP
    ('zelensky', 'condition_dropped', 'withdrawal')
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..analysis import CorpusAnalysis, mention_role
from ..shifts.model import ChangeEvent, Evidence
from .dictionary import TABLES, columns

if TYPE_CHECKING:  # pandas is imported lazily: the CLI must start fast
    import pandas as pd

Row = dict[str, Any]

#: pandas dtype of each dictionary type (lists are joined strings, dates ISO strings).
PANDAS_DTYPES = {
    "string": "str",
    "list": "str",
    "date": "str",
    "day": "str",
    "datetime": "str",
    "integer": "int64",
    "boolean": "bool",
}


def _join(values) -> str:
    return ";".join(values)


def _evidence(spans: tuple[Evidence, ...]) -> str:
    return " … ".join(e.text for e in spans)


def _statements(ca: CorpusAnalysis) -> Iterator[Row]:
    order = {a.statement.id: i for tl in ca.timelines for i, a in enumerate(tl.analyses, start=1)}
    for a in ca.analyses:
        s = a.statement
        d = s.partial_date
        yield {
            "statement_id": s.id,
            "speaker": s.speaker,
            "speaker_name": ca.actor_name(s.speaker),
            "speaker_as_written": s.speaker_as_written,
            "date": s.date,
            "date_precision": d.precision.value,
            "date_qualifier": s.date_qualifier,
            "date_start": d.first_day().isoformat(),
            "date_end": d.last_day().isoformat(),
            "speaker_order": order[s.id],
            "kind": s.kind,
            "text": s.text,
            "source": s.source,
            "url": s.url,
            "document": s.document,
            "added_at": s.added_at,
            "n_mentions": len(a.mentions),
            "n_frames": len(a.frames),
        }


def _mentions(ca: CorpusAnalysis) -> Iterator[Row]:
    for a in ca.analyses:
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
                "role": mention_role(a, m),
            }


def _frames(ca: CorpusAnalysis) -> Iterator[Row]:
    for a in ca.analyses:
        s = a.statement
        for f in a.frames:
            yield {
                "statement_id": s.id,
                "frame_id": f.frame_id,
                "speaker": s.speaker,
                "date": s.date,
                "sentence": f.sentence,
                "outcomes": _join(f.outcomes),
                "conditions": _join(f.conditions),
                "other_conditions": _join(f.other_conditions),
                "cue": f.cue,
                "relation": f.relation,
                "polarity": f.polarity,
                "modality": f.modality,
                "start": f.start,
                "end": f.end,
                "evidence": a.text[f.start : f.end],
            }


def _stances(ca: CorpusAnalysis) -> Iterator[Row]:
    for a in ca.analyses:
        s = a.statement
        for st in a.stances:
            yield {
                "statement_id": s.id,
                "speaker": s.speaker,
                "date": s.date,
                "sentence": st.sentence,
                "tag": st.tag,
                "stance": st.stance,
                "holders": _join(st.holders),
                "speaker_holds": s.speaker in st.holders,
                "start": st.start,
                "end": st.end,
                "text": a.text[st.start : st.end],
                "cue": st.cue,
            }


def _shifts(ca: CorpusAnalysis) -> Iterator[Row]:
    for tl in ca.timelines:
        for step, shift in enumerate(tl.shifts, start=1):
            base = {
                "speaker": shift.speaker,
                "step": step,
                "from_id": shift.from_ids[0],
                "to_id": shift.to_ids[0],
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
    names = columns(table)
    provenance = ca.provenance.to_dict()
    for row in _BUILDERS[table](ca):
        row.update(provenance)
        yield {k: row[k] for k in names}


def table_rows(ca: CorpusAnalysis, table: str) -> list[Row]:
    """A table's rows as a list (see :func:`iter_rows`)."""
    return list(iter_rows(ca, table))


def table_frame(ca: CorpusAnalysis, table: str) -> pd.DataFrame:
    """A table as a pandas DataFrame with the dictionary's columns and dtypes.

    Raises:
        UsageError: If there is no such table.
    """
    import pandas as pd

    names = columns(table)
    frame = pd.DataFrame(table_rows(ca, table), columns=list(names))
    types = {c.name: c.type for c in TABLES[table]}
    return frame.astype({n: PANDAS_DTYPES[types.get(n, "string")] for n in names})
