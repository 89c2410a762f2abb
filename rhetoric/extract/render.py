"""Rendering candidates for review: a plain-text table, a JSON array, or CSV.

Example:
    >>> render_candidates([], "json")
    '[]'
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence

from ..errors import ValidationError
from ..output.write import write_csv
from ..types import OutputFormat
from .candidate import TABLE_FIELDS, Candidate

#: Longest text shown in a table cell; JSON and CSV always carry the full text.
TABLE_TEXT_WIDTH = 80
#: Message printed when an article yields no candidates.
NO_CANDIDATES = "no attributed statements found"


def _table(candidates: Sequence[Candidate]) -> str:
    headers = ("#", "speaker", "date", "qual", "kind", "conf", "cue", "text")
    rows = []
    for n, c in enumerate(candidates, start=1):
        text = " ".join(c.text.split())
        if len(text) > TABLE_TEXT_WIDTH:
            text = text[: TABLE_TEXT_WIDTH - 1] + "…"
        speaker = c.speaker if c.speaker_known else f"{c.speaker} (?)"
        rows.append(
            (
                str(n),
                speaker,
                c.date or "-",
                c.date_qualifier or "",
                c.kind,
                f"{c.confidence:.2f}",
                c.cue,
                text,
            )
        )
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers[:-1])]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers[:-1], widths, strict=True)) + "  text"]
    for r in rows:
        lines.append("  ".join(v.ljust(w) for v, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1])
    return "\n".join(lines)


def render_candidates(candidates: Sequence[Candidate], fmt: str | OutputFormat) -> str:
    """Candidates as text in the given format.

    Args:
        candidates: What to show, in order.
        fmt: ``table`` (aligned columns, text shortened), ``json`` (array of candidate
            objects, every field) or ``csv`` (header + one row a candidate, every field).

    Returns:
        The rendering, without a trailing newline. An empty table is
        :data:`NO_CANDIDATES`; empty JSON is ``[]``; empty CSV is the header.

    Raises:
        ValidationError: For an unknown format.
    """
    try:
        fmt = OutputFormat(fmt)
    except ValueError:
        raise ValidationError(
            f"unknown format {fmt!r}", field="format", hint="use table, json or csv"
        ) from None
    if fmt == OutputFormat.JSON:
        return json.dumps([c.to_dict() for c in candidates], ensure_ascii=False, indent=2)
    if fmt == OutputFormat.CSV:
        buf = io.StringIO(newline="")
        names = list(Candidate.__dataclass_fields__)
        ordered = (*TABLE_FIELDS, *(n for n in names if n not in TABLE_FIELDS))
        write_csv((c.to_dict() for c in candidates), ordered, buf)  # the one RFC 4180 dialect
        return buf.getvalue().removesuffix("\r\n")
    if not candidates:
        return NO_CANDIDATES
    return _table(candidates)
