"""Candidates for review: the terminal table, and the rows every data format is written from.

csv, json and jsonl are not rendered here: the CLI hands :func:`candidate_rows` and the
``extract`` columns of the output spec (:data:`CANDIDATE_COLUMNS`, defined once in
:mod:`rhetoric.output.spec`) to the one writer (:func:`rhetoric.output.write.write_rows`),
as every command that prints a table does.

Example:
    >>> candidates_table([])
    'no attributed statements found'
    >>> CANDIDATE_COLUMNS[:3]
    ('speaker', 'speaker_as_written', 'kind')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..output.spec import own_columns
from .candidate import Candidate

#: Longest text shown in a table cell; csv, json and jsonl always carry the full text.
TABLE_TEXT_WIDTH = 80
#: Message printed when an article yields no candidates.
NO_CANDIDATES = "no attributed statements found"
#: Columns of ``extract --format csv|json|jsonl``: every candidate field, review columns first.
CANDIDATE_COLUMNS: tuple[str, ...] = own_columns("extract")


def candidate_rows(candidates: Iterable[Candidate]) -> Iterator[dict[str, Any]]:
    """One row (a plain dict of native values) per candidate, for the shared writer."""
    return (c.to_dict() for c in candidates)


def candidates_table(candidates: Sequence[Candidate]) -> str:
    """Candidates as an aligned plain-text table for review (text shortened), without a trailing newline.

    Args:
        candidates: What to show, in order.

    Returns:
        A header line and one line per candidate (numbered from 1; a speaker not in
        ``actors.toml`` is marked ``(?)``), or :data:`NO_CANDIDATES` when there are none.
    """
    if not candidates:
        return NO_CANDIDATES
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
