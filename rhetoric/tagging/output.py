"""Mention output in the stable formats (JSON array, CSV) and as highlighted rich text.

The JSON and CSV contract: one object or row per mention with the columns
:data:`MENTION_COLUMNS`; ``statement_id`` is null (JSON) or empty (CSV) for free text.

Example:
    >>> from rhetoric.records import Mention
    >>> m = Mention("t", 2, 4, "tr", 0, "tr*")
    >>> print("".join(iter_json([m])), end="")
    [
    {"statement_id": null, "tag": "t", "start": 2, "end": 4, "text": "tr", "sentence": 0, "pattern": "tr*"}
    ]
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from rich.text import Text

from ..records import Mention
from ..text.terminal import visible

#: Columns of the JSON objects and CSV rows, in order.
MENTION_COLUMNS: tuple[str, ...] = ("statement_id", "tag", "start", "end", "text", "sentence", "pattern")
#: Columns when model mentions may appear (``rhetoric tag --with-model``): who found it and the score.
MODEL_MENTION_COLUMNS: tuple[str, ...] = (*MENTION_COLUMNS, "source", "score")

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


def iter_json(mentions: Iterable[Mention], columns: tuple[str, ...] = MENTION_COLUMNS) -> Iterator[str]:
    """Chunks of one JSON array, one mention per line, streamed (bounded memory).

    Args:
        mentions: Mentions in output order.
        columns: Keys of each object.

    Yields:
        Strings whose concatenation is the JSON array followed by a newline.
    """
    yield "["
    first = True
    for m in mentions:
        yield ("\n" if first else ",\n") + json.dumps(mention_row(m, columns), ensure_ascii=False)
        first = False
    yield "]\n" if first else "\n]\n"


def write_csv(mentions: Iterable[Mention], fh: TextIO, columns: tuple[str, ...] = MENTION_COLUMNS) -> None:
    """Write mentions as CSV with a header row (``statement_id`` empty for free text).

    Example:
        >>> import io
        >>> buf = io.StringIO()
        >>> write_csv([Mention("x", 0, 1, "a", 0, "a")], buf)
        >>> buf.getvalue().splitlines()[1]
        ',x,0,1,a,0,a'
    """
    writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for m in mentions:
        row = mention_row(m, columns)
        row["statement_id"] = row["statement_id"] or ""
        if "score" in row and row["score"] is None:
            row["score"] = ""
        writer.writerow(row)


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
            out.append(f"  {m.text!r}  sentence {m.sentence}  pattern {m.pattern!r}\n")
    return out


__all__ = [
    "MENTION_COLUMNS",
    "MODEL_MENTION_COLUMNS",
    "highlight",
    "iter_json",
    "legend",
    "mention_row",
    "tag_styles",
    "write_csv",
]
