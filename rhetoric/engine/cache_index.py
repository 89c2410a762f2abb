"""The analysis cache of a corpus too large to hold in memory: where each line is, not what it says.

:class:`rhetoric.engine.cache.AnalysisCache` reads every line of the cache file into memory,
which suits a report (it needs every analysis anyway) but not a streamed export of millions
of statements. :class:`AnalysisIndex` reads the same file once and keeps, per line, only a
64-bit hash of its entry key and its offset (16 bytes a line, in two sorted arrays); a
statement's line is read back from the file when its turn comes. The rules are the cache's:
a line is used only when its key (statement id and record digest) is exactly the statement's
and its CRC holds, so a hash collision, a torn or a damaged line is a miss, never a wrong
result. New analyses are appended as they come; when dead lines outnumber live ones after a
run over the whole corpus the file is rewritten with the live ones only (atomically).

Example:
    >>> import tempfile, shutil, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp()) / "c"
    >>> _ = shutil.copytree("corpora/ukraine-nato", root, ignore=shutil.ignore_patterns(".cache"))
    >>> from rhetoric.analyzer import Analyzer
    >>> from rhetoric.corpus.store import Corpus
    >>> analyzer, statements = Analyzer.for_corpus(root), Corpus(root).statements()
    >>> index = AnalysisIndex.open(root, analyzer)
    >>> list(index.find(statements)).count(-1) == len(statements)
    True
    >>> index.append([analyzer.analyze(s) for s in statements]); index.close(compact=True)
    >>> index = AnalysisIndex.open(root, analyzer)
    >>> [index.read(o, s) for o, s in zip(index.find(statements), statements)] == [
    ...     analyzer.analyze(s) for s in statements]
    True
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

import numpy as np

from ..records import Statement, StatementAnalysis
from .cache import (
    AnalysisCache,
    append_lines,
    cache_path,
    encode_body,
    ensure_cache_folder,
    header,
    prune,
    read_line,
)

if TYPE_CHECKING:
    from ..analyzer import Analyzer

#: Offset of a statement with no line in the cache.
MISS = -1


class AnalysisIndex:
    """Where each line of one corpus's analysis cache is (see the module docstring)."""

    def __init__(
        self, path: Path, key: str, hashes: np.ndarray, offsets: np.ndarray, total: int, *, valid: bool
    ) -> None:
        self.path = path
        self.key = key
        self._hashes = hashes  # sorted hashes of the lines' entry keys
        self._offsets = offsets  # the line's offset, in the same order
        self._total = total  # lines in the file, live or dead
        self._valid = valid  # whether the file exists with this key's header
        self._live = array("q")  # offsets of the lines read back or written by this run
        self._reader: IO[bytes] | None = None
        self._writer: IO[bytes] | None = None

    @classmethod
    def open(cls, corpus_dir: str | os.PathLike, analyzer: Analyzer) -> AnalysisIndex:
        """Index the cache of ``corpus_dir`` for this analyzer (empty when missing or unreadable)."""
        path, key = cache_path(corpus_dir, analyzer)
        hashes, offsets = array("q"), array("q")
        valid = False
        try:
            with open(path, "rb") as fh:
                first = fh.readline()
                if valid := first == header(key):
                    at = len(first)
                    for raw in fh:
                        # hash() of bytes: fast and only compared within this process
                        hashes.append(hash(raw.partition(b"\t")[0]))
                        offsets.append(at)
                        at += len(raw)
        except OSError:
            hashes, offsets, valid = array("q"), array("q"), False
        h = np.frombuffer(hashes, dtype=np.int64) if hashes else np.zeros(0, dtype=np.int64)
        o = np.frombuffer(offsets, dtype=np.int64) if offsets else np.zeros(0, dtype=np.int64)
        order = np.argsort(h, kind="stable")  # equal keys: in file order
        return cls(path, key, h[order], o[order], len(hashes), valid=valid)

    def find(self, statements: Sequence[Statement]) -> np.ndarray:
        """The offset of each statement's line (:data:`MISS` where there is none)."""
        keys = np.fromiter(
            (hash(AnalysisCache.entry_key(s).encode()) for s in statements), dtype=np.int64, count=len(statements)
        )
        if not len(self._hashes):
            return np.full(len(statements), MISS, dtype=np.int64)
        # the last line of a key: a line written again (after damage, say) comes after the old one
        at = np.maximum(np.searchsorted(self._hashes, keys, side="right") - 1, 0)
        return np.where(self._hashes[at] == keys, self._offsets[at], MISS)

    def read(self, offset: int, statement: Statement) -> StatementAnalysis | None:
        """The analysis of ``statement`` on the line at ``offset``, or None when it is not
        that statement's line or it is damaged (then the statement is analysed again)."""
        if offset < 0:
            return None
        try:
            if self._reader is None:
                self._reader = open(self.path, "rb")  # noqa: SIM115  (closed by close())
            self._reader.seek(offset)
            raw = self._reader.readline()
        except OSError:
            return None
        found = read_line(raw, AnalysisCache.entry_key(statement), statement)
        if found is not None:
            self._live.append(offset)
        return found

    def append(self, analyses: Iterable[StatementAnalysis]) -> None:
        """Append new analyses to the file (best effort: a corpus that cannot be written gets no cache)."""
        from .cache import _line

        lines = [_line(AnalysisCache.entry_key(a.statement), encode_body(a)) for a in analyses if a.statement]
        if not lines:
            return
        try:
            if self._writer is None:
                if not self._valid or not self.path.exists():
                    self._start()
                append_lines(self.path, b"")  # a torn last line ends before the first new one
                self._writer = open(self.path, "ab")  # noqa: SIM115  (closed by close())
            for line in lines:
                self._live.append(self._writer.tell())
                self._writer.write(line)
            self._total += len(lines)
        except OSError:
            self._writer = None

    def _start(self) -> None:
        ensure_cache_folder(self.path.parent)
        with open(self.path, "wb") as fh:
            fh.write(header(self.key))
        self._hashes = self._offsets = np.zeros(0, dtype=np.int64)
        self._total, self._valid = 0, True
        self._live = array("q")  # lines read from the file replaced are no longer in it

    def close(self, *, compact: bool) -> None:
        """Close the file; with ``compact`` (the whole corpus was looked up), rewrite it with the
        live lines only when dead ones outnumber them."""
        for fh in (self._reader, self._writer):
            if fh is not None:
                fh.close()
        self._reader = self._writer = None
        live = len(self._live)
        if not compact or self._total - live <= live or not self.path.exists():
            return
        from ..outputs import OutputError, atomic_file

        offsets = np.sort(np.frombuffer(self._live, dtype=np.int64)) if live else ()
        try:
            with open(self.path, "rb") as src, atomic_file(self.path, binary=True) as out:
                out.write(header(self.key))
                for offset in offsets:
                    src.seek(int(offset))
                    out.write(src.readline())
        except (OSError, OutputError):
            return
        self._total = live
        prune(self.path.parent, keep=self.path, pattern="analysis-*.jsonl")


__all__ = ["MISS", "AnalysisIndex"]
