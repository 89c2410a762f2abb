"""Frame and stance output in the stable formats (JSON array, CSV) and as coloured rich text.

JSON keeps lists as lists; CSV joins them with ``;``. ``statement_id`` is null
(JSON) or empty (CSV) for free text.

Example:
    >>> from rhetoric.records import Frame
    >>> f = Frame(None, 0, "text#0.1", "", "", ("ceasefire",), ("nato_membership",), "as long as")
    >>> frame_row(f, csv=True)["conditions"]
    'nato_membership'
"""

from __future__ import annotations

import csv as _csv
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from rich.text import Text

from ..records import Frame, Stance
from ..text.terminal import visible

FRAME_COLUMNS: tuple[str, ...] = (
    "statement_id",
    "sentence",
    "frame_id",
    "speaker",
    "date",
    "outcomes",
    "conditions",
    "cue",
    "relation",
    "polarity",
    "modality",
    "start",
    "end",
    "other_conditions",
)
STANCE_COLUMNS: tuple[str, ...] = (
    "statement_id",
    "tag",
    "stance",
    "holders",
    "start",
    "end",
    "sentence",
    "cue",
)

OUTCOME_STYLE = "bold green"
CONDITION_STYLE = "bold yellow"
CUE_STYLE = "bold magenta"
STANCE_STYLES = {"support": "bold green", "oppose": "bold red", "neutral": "bold"}


def _row(record: Frame | Stance, columns: tuple[str, ...], *, csv: bool) -> dict[str, Any]:
    d = record.to_dict()
    row = {k: d[k] for k in columns}
    if csv:
        for k, v in row.items():
            if isinstance(v, list):
                row[k] = ";".join(v)
            elif v is None:
                row[k] = ""
    return row


def frame_row(frame: Frame, *, csv: bool = False) -> dict[str, Any]:
    """The contract columns of one frame (lists joined with ``;`` for CSV)."""
    return _row(frame, FRAME_COLUMNS, csv=csv)


def stance_row(stance: Stance, *, csv: bool = False) -> dict[str, Any]:
    """The contract columns of one stance (holders joined with ``;`` for CSV)."""
    return _row(stance, STANCE_COLUMNS, csv=csv)


def iter_json(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Chunks of one JSON array, one object per line, streamed."""
    yield "["
    first = True
    for row in rows:
        yield ("\n" if first else ",\n") + json.dumps(row, ensure_ascii=False)
        first = False
    yield "]\n" if first else "\n]\n"


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], fh: TextIO) -> None:
    """Write rows as CSV with a header."""
    writer = _csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def render_frame(text: str, frame: Frame, mentions: Iterable) -> Text:
    """The frame's evidence with outcome mentions, condition mentions and the cue coloured.

    Example:
        >>> from rhetoric.records import Frame, Mention
        >>> t = "No talks until withdrawal."
        >>> f = Frame(None, 0, "f", "", "", ("negotiations",), ("withdrawal",), "until", start=3, end=25)
        >>> ms = [Mention("negotiations", 3, 8, "talks", 0, "talks"), Mention("withdrawal", 15, 25, "withdrawal", 0, "w*")]
        >>> render_frame(t, f, ms).plain
        'talks until withdrawal'
    """
    out = Text(visible(text[frame.start : frame.end], keep_offsets=True))
    for m in mentions:
        if m.start < frame.start or m.end > frame.end:
            continue
        style = (
            OUTCOME_STYLE
            if m.tag in frame.outcomes
            else CONDITION_STYLE
            if m.tag in frame.conditions
            else None
        )
        if style:
            out.stylize(style, m.start - frame.start, m.end - frame.start)
    cue_at = text.lower().find(frame.cue.split(" … ")[0], frame.start, frame.end)
    if cue_at >= 0:
        out.stylize(CUE_STYLE, cue_at - frame.start, cue_at - frame.start + len(frame.cue.split(" … ")[0]))
    return out
