"""Corpus folder storage: locked, atomic, fsync'd writes and streaming reads of ``statements.jsonl``.

A corpus is a folder with ``statements.jsonl`` (one statement a line, UTF-8),
``actors.toml``, ``codebook.toml`` and a ``README.md`` datasheet. Every write
holds ``statements.jsonl.lock``; appends are one ``write`` then ``fsync``;
rewrites go to a temporary file that replaces the original by ``os.replace``.

Example:
    >>> import tempfile
    >>> from rhetoric.records import Statement
    >>> c = Corpus(tempfile.mkdtemp())
    >>> c.statements_path.touch()
    >>> s = Statement.create(speaker="putin", date="2024", text="No NATO.")
    >>> c.append([s])
    1
    >>> [x.id for x in c.iter_statements()] == [s.id]
    True
"""

from __future__ import annotations

import json
import mmap
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..actors import ActorRegistry
from ..errors import CorpusError, NotFoundError, ValidationError
from ..outputs import atomic_file
from ..records import Statement
from .fastparse import fast_statement

STATEMENTS_FILE = "statements.jsonl"
ACTORS_FILE = "actors.toml"
CODEBOOK_FILE = "codebook.toml"
LOCK_TIMEOUT_S = 60.0
_COPY_CHUNK = 8 * 1024 * 1024
_SCAN_CHUNK = 4 * 1024 * 1024
TEMP_PREFIX = ".statements."
TEMP_SUFFIX = ".tmp"


def encode_statement(statement: Statement) -> bytes:
    """One JSONL line (UTF-8, keys in canonical order, newline-terminated).

    Example:
        >>> encode_statement(Statement.create(speaker="a", date="2024", text="x", added_at="t"))[:8]
        b'{"id": "'
    """
    return (json.dumps(statement.to_dict(), ensure_ascii=False) + "\n").encode("utf-8")


def _write_error(exc: OSError, path: Path) -> CorpusError:
    """A failed write of the statements file as one user-facing error (the file is unchanged)."""
    import errno

    reason = (exc.strerror or str(exc)).rstrip(".")
    reason = reason[:1].lower() + reason[1:]
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        hint = "free some disk space and retry; the corpus is unchanged"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "check the permissions of the corpus folder and its files; the corpus is unchanged"
    else:
        hint = "the corpus is unchanged; fix the cause and retry"
    return CorpusError(f"cannot write {str(path)!r}: {reason}", hint=hint)


class Corpus:
    """A corpus folder. Cheap to construct; files are read lazily."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)

    @property
    def statements_path(self) -> Path:
        """Path of ``statements.jsonl``."""
        return self.path / STATEMENTS_FILE

    @property
    def actors_path(self) -> Path:
        """Path of ``actors.toml``."""
        return self.path / ACTORS_FILE

    @property
    def codebook_path(self) -> Path:
        """Path of ``codebook.toml``."""
        return self.path / CODEBOOK_FILE

    def require(self) -> Corpus:
        """Return self if the folder looks like a corpus.

        Raises:
            CorpusError: If the folder or its statements file is missing.
        """
        if self.path.exists() and not self.path.is_dir():
            raise CorpusError(
                f"corpus path {str(self.path)!r} is a file, not a folder",
                hint="pass the corpus folder (the one holding statements.jsonl) as --corpus",
            )
        if not self.path.is_dir():
            raise CorpusError(
                f"corpus folder {str(self.path)!r} does not exist",
                hint="create it with `rhetoric init DIR` or pass --corpus",
            )
        target = self.statements_path
        if target.is_dir():
            raise CorpusError(
                f"{str(target)!r} is a folder, not a file",
                hint="move that folder away; statements.jsonl must be a file",
            )
        if not target.exists():
            broken = " (a broken symbolic link)" if target.is_symlink() else ""
            raise CorpusError(
                f"{str(target)!r} is missing{broken}",
                hint="create the corpus with `rhetoric init DIR`",
            )
        return self

    @property
    def write_target(self) -> Path:
        """The real file behind ``statements.jsonl``: a symbolic link is followed, never replaced.

        Atomic rewrites put their temp file beside this target, so a linked statements file
        is rewritten where it lives and the link stays a link.
        """
        return Path(os.path.realpath(self.statements_path))

    def actors(self) -> ActorRegistry:
        """The corpus's actor registry (empty if ``actors.toml`` is absent)."""
        return ActorRegistry.load(self.actors_path)

    # -- locking ---------------------------------------------------------------------------------

    @contextmanager
    def lock(self, timeout: float | None = None) -> Iterator[None]:
        """Hold the corpus write lock (re-entrant within a process).

        Args:
            timeout: Seconds to wait; defaults to ``LOCK_TIMEOUT_S`` read at call time.

        Raises:
            CorpusError: If the lock cannot be taken within ``timeout`` seconds.
        """
        if timeout is None:
            timeout = LOCK_TIMEOUT_S
        # One lock object per path and process, so that a nested ``lock()`` (e.g. ``append`` inside
        # a caller's duplicate check) re-enters instead of deadlocking on its own flock.
        from filelock import FileLock, Timeout  # only writers lock: readers start faster without it

        lock = FileLock(str(self.statements_path) + ".lock", is_singleton=True)
        try:
            lock.acquire(timeout=timeout)
        except Timeout:  # before OSError: filelock's Timeout is a TimeoutError
            raise CorpusError(
                f"could not lock {str(self.statements_path)!r} within {timeout:.0f} s",
                hint="another rhetoric process is writing; retry when it finishes",
            ) from None
        except OSError as exc:
            raise CorpusError(
                f"cannot create the lock file {str(self.statements_path) + '.lock'!r}: "
                f"{(exc.strerror or str(exc)).lower()}",
                hint="the corpus folder must be writable to change the corpus; check its permissions",
            ) from None
        try:
            yield
        finally:
            lock.release()

    # -- reading ---------------------------------------------------------------------------------

    def iter_lines(self) -> Iterator[tuple[int, bytes]]:
        """Yield ``(line_number, raw_line)`` for every non-empty line, streaming."""
        self.require()
        with open(self.statements_path, "rb") as fh:
            for lineno, raw in enumerate(fh, start=1):
                if raw.strip():
                    yield lineno, raw

    def iter_statements(self) -> Iterator[Statement]:
        """Yield every statement in file order, streaming.

        Raises:
            ValidationError: At the first line that does not parse or validate, naming file and line.
        """
        for lineno, raw in self.iter_lines():
            yield parse_line(raw, path=str(self.statements_path), line=lineno)

    def statements(self) -> list[Statement]:
        """All statements in file order."""
        return list(self.iter_statements())

    def get(self, statement_id: str) -> Statement | None:
        """The statement with this id, or None (fast byte search, parses only that line)."""
        self.require()
        span = self.find_line(statement_id)
        if span is None:
            return None
        with open(self.statements_path, "rb") as fh:
            fh.seek(span[0])
            raw = fh.read(span[1] - span[0])
        return parse_line(raw, path=str(self.statements_path))

    def require_statement(self, statement_id: str) -> Statement:
        """The statement with this id.

        Raises:
            NotFoundError: If no statement has this id (the hint says how to list them).
        """
        statement = self.get(statement_id)
        if statement is None:
            raise NotFoundError(
                f"no statement {statement_id!r} in {str(self.statements_path)!r}",
                hint="list ids with `rhetoric list`",
            )
        return statement

    def iter_selected(self, ids: Iterable[str] | None) -> Iterator[Statement]:
        """All statements in file order, or those of ``ids`` in the order given (streaming).

        Raises:
            NotFoundError: If one of ``ids`` is not in the corpus (when reached).
        """
        if ids is None:
            yield from self.iter_statements()
            return
        for sid in ids:
            yield self.require_statement(sid)

    def _hits(self, needle: bytes) -> Iterator[int]:
        """File offsets of every occurrence of ``needle``, in order.

        Reads in large chunks into one reused buffer: in a fresh process this is faster
        than mmap (no page-table set-up) and keeps memory flat.
        """
        p = self.statements_path
        if not p.exists() or p.stat().st_size == 0:
            return
        overlap = len(needle) - 1
        buf = bytearray(_SCAN_CHUNK + overlap)
        view = memoryview(buf)
        with open(p, "rb", buffering=0) as fh:
            base = keep = 0  # file offset of buf[0]; bytes carried over from the last chunk
            while n := fh.readinto(view[keep : keep + _SCAN_CHUNK]):
                end = keep + n
                pos = buf.find(needle, 0, end)
                while pos != -1:
                    yield base + pos
                    pos = buf.find(needle, pos + 1, end)
                keep = min(overlap, end)
                buf[:keep] = buf[end - keep : end]
                base += end - keep

    def find_line(self, statement_id: str) -> tuple[int, int] | None:
        """Byte span ``(start, end)`` of the line holding this id (end includes the newline), or None.

        Searches for the id as a JSON string, then checks that it is the ``id`` of its line: a
        canonical line starts with it; any other line (keys hand-reordered, other spacing) is
        parsed. So the answer does not depend on key order, and an id quoted in a text (whose
        quotes are escaped) never matches.
        """
        quoted = json.dumps(statement_id).encode()
        canonical = b'{"id": ' + quoted
        for hit in self._hits(quoted):
            span = self._line_around(hit)
            with open(self.statements_path, "rb") as fh:
                fh.seek(span[0])
                raw = fh.read(span[1] - span[0])
            if raw.startswith(canonical) or _line_id(raw) == statement_id:
                return span
        return None

    def _line_around(self, offset: int) -> tuple[int, int]:
        """Byte span of the line holding ``offset`` (end includes the newline)."""
        with open(self.statements_path, "rb") as fh:
            start = offset
            while start > 0:
                back = min(start, 1 << 16)
                fh.seek(start - back)
                chunk = fh.read(back)
                nl = chunk.rfind(b"\n")
                if nl != -1:
                    start = start - back + nl + 1
                    break
                start -= back
            fh.seek(offset)
            end = offset
            while chunk := fh.read(1 << 16):
                nl = chunk.find(b"\n")
                if nl != -1:
                    return start, end + nl + 1
                end += len(chunk)
            return start, end

    def contains_id(self, statement_id: str) -> bool:
        """Whether a statement with this id is stored (fast byte search; key order does not matter).

        Ids quoted inside a text (escaped quotes) never match.
        """
        return self.find_line(statement_id) is not None

    def ids(self) -> set[str]:
        """Every stored statement id (byte scan of line starts; only lines in another key order are parsed)."""
        found: set[str] = set()
        if not self.statements_path.exists() or self.statements_path.stat().st_size == 0:
            return found
        prefix = b'{"id": "'
        with open(self.statements_path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            pos, size = 0, len(mm)
            while pos < size:
                nl = mm.find(b"\n", pos)
                end = size if nl == -1 else nl
                if mm[pos : pos + len(prefix)] == prefix:
                    close = mm.find(b'"', pos + len(prefix), end)
                    if close != -1:
                        found.add(mm[pos + len(prefix) : close].decode("utf-8", "replace"))
                elif end > pos:
                    sid = _line_id(mm[pos:end])
                    if sid is not None:
                        found.add(sid)
                pos = end + 1
        return found

    # -- writing ---------------------------------------------------------------------------------

    def _check_tail(self) -> bytes:
        """Bytes to write before an append so that the new line starts on a line of its own.

        Raises:
            CorpusError: If the file ends in an incomplete (unparseable) line.
        """
        p = self.statements_path
        size = p.stat().st_size if p.exists() else 0
        if size == 0:
            return b""
        with open(p, "rb") as fh:
            fh.seek(max(0, size - 1))
            if fh.read(1) == b"\n":
                return b""
            # Find the last line to see whether it is a complete record missing its newline.
            fh.seek(max(0, size - 1_048_576))
            tail = fh.read().rsplit(b"\n", 1)[-1]
        try:
            json.loads(tail)
        except ValueError:
            raise CorpusError(
                f"{str(p)!r} ends in an incomplete line",
                hint="run `rhetoric validate --repair` to cut the incomplete line, then retry",
            ) from None
        return b"\n"

    def append(self, statements: Iterable[Statement]) -> int:
        """Append statements under the lock in a single write, then fsync.

        Returns:
            The number of statements written.
        """
        payload = b"".join(encode_statement(s) for s in statements)
        if not payload:
            return 0
        self.require()
        with self.lock():
            self._remove_stale_temps()
            payload = self._check_tail() + payload
            self._append_bytes(payload)
        return payload.count(b"\n") - (1 if payload.startswith(b"\n") else 0)

    def _append_bytes(self, payload: bytes) -> None:
        """Append in one write (looping on short writes), fsync; on any failure cut back to the old size.

        Raises:
            CorpusError: If the write or fsync fails (full disk, quota, I/O error); the file
                is truncated back to its old size so that no half line remains.
        """
        path = self.statements_path
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND)
        except OSError as exc:
            raise _write_error(exc, path) from None
        try:
            old_size = os.fstat(fd).st_size
            try:
                view = memoryview(payload)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                os.fsync(fd)
            except BaseException as exc:
                # A full disk can accept part of the payload: roll back so the file ends on a whole line.
                try:
                    os.ftruncate(fd, old_size)
                    os.fsync(fd)
                except OSError:
                    pass
                if isinstance(exc, OSError):
                    raise _write_error(exc, path) from None
                raise
        finally:
            os.close(fd)

    def append_atomic(self, statements: Iterable[Statement]) -> int:
        """Append by rewriting: copy the file plus the new lines to a temp file, then rename.

        Slower than :meth:`append` (it copies the file) but a crash mid-way, even during a
        very large write, leaves the old file untouched; used by ``import``.

        Returns:
            The number of statements written.
        """
        payload = b"".join(encode_statement(s) for s in statements)
        if not payload:
            return 0
        self.require()
        with self.lock():
            tail = self._check_tail()

            def chunks() -> Iterator[bytes]:
                with open(self.statements_path, "rb") as fh:
                    while chunk := fh.read(_COPY_CHUNK):
                        yield chunk
                yield tail + payload

            self.replace_bytes(chunks())
        return payload.count(b"\n")

    def _remove_stale_temps(self) -> None:
        """Delete temp files left by a writer that was killed mid-rewrite.

        Only a lock holder creates them, so under the lock every one is stale.
        """
        folders = {self.path, self.write_target.parent}
        for stale in (p for folder in folders for p in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}")):
            try:
                stale.unlink()
            except OSError:
                pass

    def replace_bytes(self, build: Iterable[bytes]) -> None:
        """Atomically replace ``statements.jsonl`` with the given chunks (temp file + rename).

        Callers must hold :meth:`lock`. A crash at any moment leaves either the old or the
        new file, never a mix.
        """
        target = self.write_target
        self._remove_stale_temps()
        with atomic_file(target, binary=True, prefix=TEMP_PREFIX, keep_mode=True, error=_write_error) as fh:
            for chunk in build:
                fh.write(chunk)


def _line_id(raw: bytes) -> str | None:
    """The ``id`` of a JSON line in any key order, or None if it is not a JSON object with one."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    sid = data.get("id") if isinstance(data, dict) else None
    return sid if isinstance(sid, str) else None


def parse_line(raw: bytes, *, path: str | None = None, line: int | None = None) -> Statement:
    """Decode and validate one JSONL line.

    Canonical lines take a fast path (:mod:`rhetoric.corpus.fastparse`); anything else goes
    through :meth:`Statement.from_dict`, which names the problem.

    Raises:
        ValidationError: With path, line and field of the problem.
    """
    fast = fast_statement(raw)
    if fast is not None:
        return fast
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError(f"not UTF-8 ({exc.reason} at byte {exc.start})", path=path, line=line) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"malformed JSON: {exc.msg} at column {exc.colno}", path=path, line=line
        ) from None
    except RecursionError:
        raise ValidationError(
            "JSON nested too deeply to read (a statement is one flat object)", path=path, line=line
        ) from None
    try:
        return Statement.from_dict(data)
    except ValidationError as exc:
        exc.path, exc.line = path, line
        raise ValidationError(exc.message, path=path, line=line, field=exc.field, hint=exc.hint) from None
