"""The CLI's one output option (``--format``) and the one way commands print rows.

Every command that prints a table takes :data:`FormatOpt` (table, json, jsonl, csv) and hands
rows plus the spec's columns to :func:`emit_rows`; the formats are those of
:mod:`rhetoric.output.write` (RFC 4180 CSV, a JSON array, JSON Lines).

Example:
    rhetoric frames --all --format jsonl > frames.jsonl
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Annotated

import typer

from ..output.write import Row, write_rows
from ..types import TableFormat

FORMAT_HELP = "table (for reading), json (one array), jsonl (one object a line) or csv (RFC 4180)."

#: The ``--format`` option of every command that prints a table.
FormatOpt = Annotated[TableFormat, typer.Option("--format", help=FORMAT_HELP)]


def emit_rows(rows: Iterable[Row], columns: tuple[str, ...], fmt: TableFormat, *, whole_rows: bool = False) -> int:
    """Print rows with these columns on stdout in a data format (csv, json, jsonl); returns the count.

    ``whole_rows``: JSON keeps every key of a row (see :func:`rhetoric.output.write.write_rows`).
    """
    n = write_rows(rows, columns, fmt, sys.stdout, whole_rows=whole_rows)
    sys.stdout.flush()
    return n
