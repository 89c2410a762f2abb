"""Terminal rendering at the CLI edge: rich tables and highlighted text built from library data.

The library returns records and rows; this module alone turns them into rich renderables for
``list``, ``show``, ``tag`` and ``kwic`` (the data formats go through :mod:`rhetoric.output.write`).

Example:
    >>> from rhetoric.records import Statement
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
from ..records import Mention, Statement
from ..tagging.kwic import KwicRow
from ..text.terminal import visible
from ..types import Polarity

# A fixed palette so a tag keeps its colour across runs (reproducible output).
_PALETTE = ("bold magenta", "bold cyan", "bold green", "bold yellow", "bold blue", "bold red")


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


def tag_styles(tag_ids: Iterable[str]) -> dict[str, str]:
    """A rich style per tag, assigned in the given (codebook) order."""
    return {t: _PALETTE[i % len(_PALETTE)] for i, t in enumerate(tag_ids)}


def highlight(text: str, mentions: Iterable[Mention], styles: dict[str, str]) -> Text:
    """The text with each mention styled by its tag (overlaps keep every style).

    Example:
        >>> highlight("a truce", [Mention("ceasefire", 2, 7, "truce", 0, "truce")], {}).plain
        'a truce'
    """
    out = Text(visible(text, keep_offsets=True))  # stored text may hold escape codes: show, never obey
    for m in mentions:
        if m.source == "model":
            continue  # a model mention spans its whole sentence: the legend shows it instead
        out.stylize(styles.get(m.tag, "bold underline"), m.start, m.end)
    return out


def legend(mentions: Iterable[Mention], styles: dict[str, str]) -> Text:
    """One line per mention: tag, quoted text, sentence and pattern."""
    out = Text()
    for m in mentions:
        out.append(f"  {m.tag}", style=styles.get(m.tag, "bold"))
        if m.source == "model":
            out.append(f"  {m.text!r}  sentence {m.sentence}  model p={m.score}\n", style="italic")
        else:
            negated = " (negated)" if m.polarity == Polarity.NEGATED else ""
            out.append(f"  {m.text!r}  sentence {m.sentence}  pattern {m.pattern!r}{negated}\n")
    return out


def kwic_table(rows: Iterable[KwicRow], *, title: str = "") -> Table:
    """A rich table: id, speaker, date, left context (right-aligned), match, right context."""
    table = Table(title=title or None, show_lines=False)
    table.add_column("statement", no_wrap=True)
    table.add_column("speaker")
    table.add_column("date")
    table.add_column("left", justify="right", overflow="fold")
    table.add_column("match", style="bold magenta", overflow="fold")
    table.add_column("right", overflow="fold")
    for row in rows:
        table.add_row(
            row.statement_id,
            visible(row.speaker),
            row.date,
            Text(visible(row.left)),
            Text(visible(row.match)),
            Text(visible(row.right)),
        )
    return table


__all__ = [
    "highlight",
    "kwic_table",
    "legend",
    "statement_fields_table",
    "statements_table",
    "tag_styles",
]
