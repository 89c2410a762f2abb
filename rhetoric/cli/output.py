"""The CLI's one output option (``--format``) and the one way commands print rows.

Every command that prints a table takes :data:`FormatOpt` (table, json, jsonl, csv) and hands
rows plus the spec's columns to :func:`emit_rows`; the formats are those of
:mod:`rhetoric.output.write` (RFC 4180 CSV, a JSON array, JSON Lines). Commands that print one
report (``evaluate``, ``agreement``, ``suggest``) take :data:`ReportFormatOpt`, the same four
formats with json as one object, and print through :func:`emit_report`.

Example:
    rhetoric frames --all --format jsonl > frames.jsonl
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Annotated, Any

import typer

from ..output.write import Row, write_rows
from ..types import TableFormat

FORMAT_HELP = "table (for reading), json (one array), jsonl (one object a line) or csv (RFC 4180)."

#: The ``--format`` option of every command that prints a table.
FormatOpt = Annotated[TableFormat, typer.Option("--format", help=FORMAT_HELP)]

REPORT_FORMAT_HELP = "table (for reading), json (one object), jsonl (one row a line) or csv (RFC 4180)."

#: The ``--format`` option of commands that print one report: json is the whole report.
ReportFormatOpt = Annotated[TableFormat, typer.Option("--format", help=REPORT_FORMAT_HELP)]


def emit_rows(rows: Iterable[Row], columns: tuple[str, ...], fmt: TableFormat, *, whole_rows: bool = False) -> int:
    """Print rows with these columns on stdout in a data format (csv, json, jsonl); returns the count.

    ``whole_rows``: JSON keeps every key of a row (see :func:`rhetoric.output.write.write_rows`).
    """
    n = write_rows(rows, columns, fmt, sys.stdout, whole_rows=whole_rows)
    sys.stdout.flush()
    return n


def emit_report(
    fmt: TableFormat,
    payload: Mapping[str, Any],
    rows: Iterable[Mapping[str, Any]],
    columns: tuple[str, ...],
    render: Callable[[], None],
) -> None:
    """Print a report: json the whole object, csv and jsonl its rows (a missing key empty), table ``render()``."""
    if fmt is TableFormat.JSON:
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
        sys.stdout.flush()
    elif fmt is TableFormat.TABLE:
        render()
    else:
        emit_rows(({k: r.get(k) for k in columns} for r in rows), columns, fmt)
