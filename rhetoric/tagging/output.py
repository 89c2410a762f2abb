"""Mention rows: the ``tag`` table of :mod:`rhetoric.output.spec` (terminal rendering: ``rhetoric.cli.render``).

The data contract: one object or row per mention with the columns :data:`MENTION_COLUMNS`,
written by :mod:`rhetoric.output.write`; ``statement_id`` is null (JSON) or empty (CSV) for
free text.

Example:
    >>> from rhetoric.records import Mention
    >>> mention_row(Mention("t", 2, 4, "tr", 0, "tr*"))["statement_id"] is None
    True
"""

from __future__ import annotations

from ..output.spec import MODEL_COLUMNS, own_columns
from ..records import Mention

#: Columns of the JSON objects and CSV rows, in order (the spec's ``tag`` table).
MENTION_COLUMNS: tuple[str, ...] = own_columns("tag")
#: Columns when model mentions may appear (``rhetoric tag --with-model``): who found it and the score.
MODEL_MENTION_COLUMNS: tuple[str, ...] = (*MENTION_COLUMNS, *(c.name for c in MODEL_COLUMNS))


def mention_row(mention: Mention, columns: tuple[str, ...] = MENTION_COLUMNS) -> dict:
    """The contract columns of one mention (or the given columns).

    Example:
        >>> list(mention_row(Mention("x", 0, 1, "a", 0, "a")))
        ['statement_id', 'tag', 'start', 'end', 'text', 'sentence', 'pattern', 'polarity']
    """
    d = mention.to_dict()
    return {k: d[k] for k in columns}


__all__ = [
    "MENTION_COLUMNS",
    "MODEL_MENTION_COLUMNS",
    "mention_row",
]
