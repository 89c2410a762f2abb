"""Rendering statements for the terminal: rich tables (data formats: :mod:`rhetoric.output.write`).

Example:
    >>> s = Statement.create(speaker="nato", date="2024", text="Not yet.", added_at="t")
    >>> statements_table([s]).row_count
    1
"""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.table import Table
from rich.text import Text

from ..output.write import json_text
from ..records import Statement
from ..text.terminal import visible


def _date_label(s: Statement) -> str:
    return f"{s.date_qualifier} {s.date}" if s.date_qualifier else s.date


def _field_text(value: object) -> str:
    if isinstance(value, dict):
        return json_text(value)
    return str(value)


def _text_cell(s: Statement) -> Text:
    cell = Text(visible(s.text))
    if s.meta:
        cell.append(f"\nmeta {visible(json_text(dict(s.meta)))}", style="dim")
    return cell


def statements_table(statements: Iterable[Statement], *, title: str | None = None) -> Table:
    """A compact rich table: id over date, speaker over kind, then the text and meta (fits 80 columns)."""
    table = Table(title=title, box=box.SIMPLE_HEAD, show_lines=True, show_edge=False, pad_edge=False)
    table.add_column("id / date", no_wrap=True)
    table.add_column("speaker / kind", max_width=18, overflow="fold")
    table.add_column("text", overflow="fold", ratio=1)
    for s in statements:
        # Text() keeps square brackets in statements from being read as rich markup; visible()
        # keeps escape codes in a stored text from acting on the terminal.
        table.add_row(
            f"{s.id}\n{_date_label(s)}", Text(visible(f"{s.speaker}\n{s.kind}")), _text_cell(s)
        )
    return table


def statement_fields_table(statement: Statement) -> Table:
    """A two-column rich table of every field of one statement (meta as JSON text)."""
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column("field", style="bold", no_wrap=True)
    table.add_column("value", overflow="fold")
    for name, value in statement.to_dict().items():
        table.add_row(name, Text(visible(_field_text(value))))
    return table
