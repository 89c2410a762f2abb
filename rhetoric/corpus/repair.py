"""Repairing a corpus after a crash: cutting an incomplete last line of ``statements.jsonl``.

An append is one write, rolled back when it fails; but a process killed in the middle of
that write (or a machine losing power) can still leave a torn last line. Every later
``add`` refuses such a file. :func:`repair_corpus` finds the torn line and, unless asked
only to look, truncates the file just before it, under the corpus lock.

Example:
    >>> import tempfile
    >>> from rhetoric.corpus import add_statement, init_corpus
    >>> c = init_corpus(tempfile.mkdtemp() + "/c")
    >>> _ = add_statement(c, speaker="NATO", date="2024", text="Not yet.")
    >>> with open(c.statements_path, "ab") as fh:
    ...     _ = fh.write(b'{"id": "s-0123')
    >>> r = repair_corpus(c)
    >>> r.removed, r.line, c.statements_path.read_bytes().endswith(b"\\n")
    (b'{"id": "s-0123', 2, True)
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from .store import Corpus

#: The torn tail is searched for in this many last bytes (a statement line is far shorter).
_TAIL_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class RepairResult:
    """What :func:`repair_corpus` found: the incomplete last line (empty when the file was whole)."""

    removed: bytes
    offset: int  # byte offset where the incomplete line starts (the new file size)
    line: int  # its 1-based line number
    done: bool  # whether the file was truncated

    @property
    def needed(self) -> bool:
        """Whether there was an incomplete line."""
        return bool(self.removed)


def torn_tail(corpus: Corpus) -> tuple[int, bytes] | None:
    """``(offset, bytes)`` of an incomplete last line, or None when the file ends on a whole line.

    A last line without its newline that still parses as JSON is whole (an editor dropped the
    newline); appends add the newline first, so it is left alone.
    """
    path = corpus.statements_path
    size = path.stat().st_size
    if size == 0:
        return None
    with open(path, "rb") as fh:
        start = max(0, size - _TAIL_BYTES)
        fh.seek(start)
        tail = fh.read()
    if tail.endswith(b"\n"):
        return None
    nl = tail.rfind(b"\n")
    last = tail[nl + 1 :]
    try:
        json.loads(last)
    except (ValueError, RecursionError):
        return start + nl + 1, last
    return None


def repair_corpus(corpus: Corpus, *, dry_run: bool = False) -> RepairResult:
    """Cut an incomplete last line of ``statements.jsonl`` (under the lock; fsync'd).

    Args:
        corpus: The corpus to repair.
        dry_run: Only report what would be cut.

    Returns:
        What was (or would be) removed; ``needed`` is false when the file was whole.

    Raises:
        CorpusError: If the corpus is missing or the lock cannot be taken.
    """
    corpus.require()
    with corpus.lock():
        found = torn_tail(corpus)
        if found is None:
            size = corpus.statements_path.stat().st_size
            return RepairResult(b"", size, 0, False)
        offset, removed = found
        with open(corpus.statements_path, "rb") as fh:
            line = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b"")) + 1
        if not dry_run:
            fd = os.open(corpus.write_target, os.O_WRONLY)
            try:
                os.ftruncate(fd, offset)
                os.fsync(fd)
            finally:
                os.close(fd)
    return RepairResult(removed, offset, line, not dry_run)
