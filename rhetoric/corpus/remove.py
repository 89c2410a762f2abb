"""Removing a statement: an atomic rewrite of ``statements.jsonl`` (temp file + rename, never in place).

Example:
    >>> import tempfile
    >>> from rhetoric.corpus import add_statement, init_corpus
    >>> c = init_corpus(tempfile.mkdtemp() + "/c")
    >>> sid = add_statement(c, speaker="NATO", date="2024", text="Not yet.").statement.id
    >>> remove_statement(c, sid).id == sid, c.contains_id(sid)
    (True, False)
"""

from __future__ import annotations

import mmap
from collections.abc import Iterator

from ..errors import NotFoundError
from ..records import Statement
from .store import Corpus

_CHUNK = 8 * 1024 * 1024


def _without(mm: mmap.mmap, start: int, end: int) -> Iterator[bytes]:
    for a, b in ((0, start), (end, len(mm))):
        for pos in range(a, b, _CHUNK):
            yield mm[pos : min(b, pos + _CHUNK)]


def remove_statement(corpus: Corpus, statement_id: str) -> Statement:
    """Remove the statement with this id, rewriting the file atomically under the lock.

    Args:
        corpus: The corpus to change.
        statement_id: Id of the statement to remove (``s-`` + 12 hex digits).

    Returns:
        The removed statement.

    Raises:
        NotFoundError: If no statement has this id (the file is left as it was).
        CorpusError: If the corpus is missing or the lock cannot be taken.
    """
    corpus.require()
    statement_id = statement_id.strip()
    with corpus.lock():
        span = corpus.find_line(statement_id)
        if span is None:
            raise NotFoundError(
                f"no statement with id {statement_id!r}",
                path=str(corpus.statements_path),
                hint="list ids with `rhetoric list`",
            )
        removed = corpus.get(statement_id)
        with (
            open(corpus.statements_path, "rb") as fh,
            mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm,
        ):
            corpus.replace_bytes(_without(mm, *span))
    assert removed is not None  # find_line found its line
    return removed
