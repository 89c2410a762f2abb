"""Mention rows (the ``tag`` table of :mod:`rhetoric.output.spec`) and highlighted rich text.

The data contract: one object or row per mention with the columns :data:`MENTION_COLUMNS`,
written by :mod:`rhetoric.output.write`; ``statement_id`` is null (JSON) or empty (CSV) for
free text.

Example:
    >>> from rhetoric.records import Mention
    >>> mention_row(Mention("t", 2, 4, "tr", 0, "tr*"))["statement_id"] is None
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..output.spec import MODEL_COLUMNS, own_columns
from ..records import Mention
from ..text.terminal import visible

if TYPE_CHECKING:
    from rich.text import Text

#: Columns of the JSON objects and CSV rows, in order (the spec's ``tag`` table).
MENTION_COLUMNS: tuple[str, ...] = own_columns("tag")
#: Columns when model mentions may appear (``rhetoric tag --with-model``): who found it and the score.
MODEL_MENTION_COLUMNS: tuple[str, ...] = (*MENTION_COLUMNS, *(c.name for c in MODEL_COLUMNS))

# A fixed palette so a tag keeps its colour across runs (reproducible output).
_PALETTE = ("bold magenta", "bold cyan", "bold green", "bold yellow", "bold blue", "bold red")


def mention_row(mention: Mention, columns: tuple[str, ...] = MENTION_COLUMNS) -> dict:
    """The contract columns of one mention (or the given columns).

    Example:
        >>> list(mention_row(Mention("x", 0, 1, "a", 0, "a")))
        ['statement_id', 'tag', 'start', 'end', 'text', 'sentence', 'pattern']
    """
    d = mention.to_dict()
    return {k: d[k] for k in columns}


def tag_styles(tag_ids: Iterable[str]) -> dict[str, str]:
    """A rich style per tag, assigned in the given (codebook) order."""
    return {t: _PALETTE[i % len(_PALETTE)] for i, t in enumerate(tag_ids)}


def highlight(text: str, mentions: Iterable[Mention], styles: dict[str, str]) -> Text:
    """The text with each mention styled by its tag (overlaps keep every style).

    Example:
        >>> highlight("a truce", [Mention("ceasefire", 2, 7, "truce", 0, "truce")], {}).plain
        'a truce'
    """
    from rich.text import Text  # rich loads for terminal output only, not for json or csv

    out = Text(visible(text, keep_offsets=True))  # stored text may hold escape codes: show, never obey
    for m in mentions:
        if m.source == "model":
            continue  # a model mention spans its whole sentence: the legend shows it instead
        out.stylize(styles.get(m.tag, "bold underline"), m.start, m.end)
    return out


def legend(mentions: Iterable[Mention], styles: dict[str, str]) -> Text:
    """One line per mention: tag, quoted text, sentence and pattern."""
    from rich.text import Text

    out = Text()
    for m in mentions:
        out.append(f"  {m.tag}", style=styles.get(m.tag, "bold"))
        if m.source == "model":
            out.append(f"  {m.text!r}  sentence {m.sentence}  model p={m.score}\n", style="italic")
        else:
            out.append(f"  {m.text!r}  sentence {m.sentence}  pattern {m.pattern!r}\n")
    return out


__all__ = [
    "MENTION_COLUMNS",
    "MODEL_MENTION_COLUMNS",
    "highlight",
    "legend",
    "mention_row",
    "tag_styles",
]
