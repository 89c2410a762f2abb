"""Rendering statements for output: a rich table, a JSON array or CSV, all streaming-friendly.

Example:
    >>> s = Statement.create(speaker="nato", date="2024", text="Not yet.", added_at="t")
    >>> "".join(json_chunks([s])).startswith('[\\n  {"id": ')
    True
    >>> next(csv_lines([s]))
    'id,speaker,speaker_as_written,date,date_qualifier,text,kind,source,url,document,added_at,note\\r\\n'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from rich import box
from rich.table import Table
from rich.text import Text

from ..records import STATEMENT_FIELDS, Statement


def json_chunks(statements: Iterable[Statement]) -> Iterator[str]:
    """One JSON array of statement objects, one object a line, yielded piece by piece."""
    first = True
    for s in statements:
        yield ("[\n  " if first else ",\n  ") + json.dumps(s.to_dict(), ensure_ascii=False)
        first = False
    yield "[]\n" if first else "\n]\n"


def csv_lines(statements: Iterable[Statement]) -> Iterator[str]:
    """CSV with a header row of every statement field, one row per statement."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(STATEMENT_FIELDS)
    yield buf.getvalue()
    for s in statements:
        buf.seek(0)
        buf.truncate()
        writer.writerow(getattr(s, name) for name in STATEMENT_FIELDS)
        yield buf.getvalue()


def _date_label(s: Statement) -> str:
    return f"{s.date_qualifier} {s.date}" if s.date_qualifier else s.date


def statements_table(statements: Iterable[Statement], *, title: str | None = None) -> Table:
    """A compact rich table: id over date, speaker over kind, then the text (fits 80 columns)."""
    table = Table(title=title, box=box.SIMPLE_HEAD, show_lines=True, show_edge=False, pad_edge=False)
    table.add_column("id / date", no_wrap=True)
    table.add_column("speaker / kind", max_width=18, overflow="fold")
    table.add_column("text", overflow="fold", ratio=1)
    for s in statements:
        # Text() keeps square brackets in statements from being read as rich markup.
        table.add_row(f"{s.id}\n{_date_label(s)}", Text(f"{s.speaker}\n{s.kind}"), Text(s.text))
    return table


def statement_fields_table(statement: Statement) -> Table:
    """A two-column rich table of every field of one statement."""
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column("field", style="bold", no_wrap=True)
    table.add_column("value", overflow="fold")
    for name, value in statement.to_dict().items():
        table.add_row(name, Text(str(value)))
    return table
