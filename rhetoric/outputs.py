"""Writing output files safely: random temp names created exclusively, fsync, rename, clear errors.

Reports and exports go to folders a user names, possibly shared. A fixed temp name
(``.report.md.tmp``) lets anyone plant a symbolic link there and have it overwritten;
so every temp file here is created with ``O_EXCL`` under a random name, beside its
target, and renamed over it only when complete. Failures become a
:class:`~rhetoric.errors.OutputError` naming the path and the fix.

Example:
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_file(out / "a.txt") as fh:
    ...     _ = fh.write("hello\\n")
    >>> (out / "a.txt").read_text(), sorted(p.name for p in out.iterdir())
    ('hello\\n', ['a.txt'])
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import OutputError

#: Prefix of every temp file and folder written here (hidden, so listings stay clean).
TEMP_PREFIX = ".rhetoric-"
TEMP_SUFFIX = ".tmp"

_FIXES = {
    errno.ENOSPC: "the disk is full; free some space and retry",
    errno.EDQUOT: "the disk quota is exceeded; free some space and retry",
    errno.EFBIG: "the file is too large for this file system or limit",
    errno.EACCES: "the folder is not writable; choose another --out or fix its permissions",
    errno.EPERM: "the folder is not writable; choose another --out or fix its permissions",
    errno.EROFS: "the file system is read-only; choose another --out",
    errno.EEXIST: "a file stands where the output folder should be; pass a folder to --out",
    errno.ENOTDIR: "a file stands where the output folder should be; pass a folder to --out",
    errno.EISDIR: "a folder stands where the output file should be; move it away",
    errno.ENAMETOOLONG: "the file name is too long; use a shorter --out",
}


def output_error(exc: OSError, path: str | os.PathLike) -> OutputError:
    """An ``OSError`` met while writing ``path`` as one user-facing error.

    Example:
        >>> str(output_error(OSError(errno.ENOSPC, "No space left on device"), "out/a.csv"))
        "cannot write 'out/a.csv': no space left on device (the disk is full; free some space and retry)"
    """
    reason = (exc.strerror or str(exc) or type(exc).__name__).rstrip(".")
    reason = reason[:1].lower() + reason[1:]
    return OutputError(f"cannot write {str(path)!r}: {reason}", hint=_FIXES.get(exc.errno or 0))


def ensure_folder(path: str | os.PathLike) -> Path:
    """Create the output folder (and parents) if missing.

    Raises:
        OutputError: If it cannot be created, or a file has that name.
    """
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise OutputError(
            f"output folder {str(out)!r} is a file",
            hint="pass a folder to --out (it is created if missing), or move the file away",
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(exc, out) from None
    return out


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries to disk (a rename is durable only then); silently skipped where impossible."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_file(
    path: str | os.PathLike,
    *,
    binary: bool = False,
    newline: str | None = "\n",
    prefix: str = TEMP_PREFIX,
    keep_mode: bool = False,
    error: Callable[[OSError, Path], Exception] = output_error,
) -> Iterator[IO]:
    """Open a new random temp file beside ``path``; on success fsync it and rename it over ``path``.

    A reader never sees half a file, a symbolic link planted in the folder is never followed
    (the temp file is created with ``O_EXCL``), and on any failure the temp file is removed.
    The corpus store rewrites ``statements.jsonl`` through this too (its own prefix, the old
    file's permissions kept, its own error type).

    Args:
        path: The file to create or replace.
        binary: Yield a binary file instead of UTF-8 text.
        newline: Newline translation of a text file.
        prefix: Prefix of the temp file's name (so a cleaner can find stale ones).
        keep_mode: Give the new file the permissions of the file it replaces, if there is one.
        error: Turns an ``OSError`` and the target path into the exception raised.

    Raises:
        OutputError: If the file cannot be created, written or renamed (or what ``error`` returns).
    """
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise error(exc, target) from None
    try:
        mode = "wb" if binary else "w"
        kwargs = {} if binary else {"encoding": "utf-8", "newline": newline}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if keep_mode and target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())  # what open() would have given
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            raise error(exc, target) from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_stale_temps(folder: str | os.PathLike) -> int:
    """Delete temp files and folders left in ``folder`` by a writer that was killed.

    Call only while holding the folder's output lock (see :func:`output_lock`), when every
    temp entry is stale. Returns how many were removed.
    """
    import shutil

    removed = 0
    for entry in Path(folder).glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed += 1
        except OSError:
            pass
    return removed


@contextmanager
def output_lock(folder: str | os.PathLike) -> Iterator[None]:
    """Hold an exclusive lock on the output folder itself, so two writers never mix their files.

    The folder's own descriptor is locked (``flock``), so no lock file is created: a lock file
    would be one more fixed name a planted link could redirect. Without ``fcntl`` (Windows)
    writers are not serialised, and temp entries are only cleaned, never shared.

    Raises:
        OutputError: If the folder cannot be opened.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise output_error(exc, folder) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock
