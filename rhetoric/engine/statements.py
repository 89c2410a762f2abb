"""The corpus's statements as last parsed, kept beside it: an unchanged corpus is not parsed again,
and after an ``add`` only the new lines are.

``corpus/.cache/statements-<key>.jsonl`` (``<key>``: this file's format and rhetoric's code and
data, :func:`rhetoric.engine.cache.code_digest`, since parsing rules live in code) holds one
line per statement of ``statements.jsonl``, in file order: the digest of its record (the
analysis and timeline caches' entry key, so it is not computed again), a CRC, and the record
as a compact row (:mod:`rhetoric.engine.codec`), or the corpus line itself where a row would
not read back exactly (a statement with ``meta``). After the rows of each write comes a
*checkpoint*: how many bytes of the corpus file they cover (always up to a newline), how many
lines, and a blake2b digest of those bytes.

Reading checks the latest checkpoint against the corpus file as it is now: when its digest of
the first ``size`` bytes holds, the rows are the statements of those bytes, and only what
follows is parsed (an ``add`` appends) and appended with a new checkpoint. Anything else
(an edited or removed statement, a torn or damaged line, another key) is a miss: the whole
file is parsed, exactly as :func:`rhetoric.corpus.query.list_statements` does (the same
statements, the same error naming file and line), and the cache rewritten atomically. So
the cache is never trusted over the corpus: it only spares parsing bytes that are the same.
Writing is best effort (a read-only corpus just gets no cache).

Example:
    >>> import tempfile, shutil, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp()) / "c"
    >>> _ = shutil.copytree("corpora/ukraine-nato", root, ignore=shutil.ignore_patterns(".cache"))
    >>> from rhetoric.corpus.store import Corpus
    >>> first = read_statements(Corpus(root))
    >>> first.parsed == len(first.statements) == len(Corpus(root).statements())
    True
    >>> again = read_statements(Corpus(root))
    >>> again.parsed, again.statements == first.statements
    (0, True)
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from ..corpus.store import Corpus, parse_line
from ..errors import RhetoricError
from ..records import Statement
from .cache import CACHE_DIR, append_lines, code_digest, ensure_cache_folder, prune, statement_digest
from .codec import decoder, encode, gc_paused

#: Format of the lines (bumped when the layout changes).
FORMAT = 1
_HEADER = b"#rhetoric-statements-cache"
_CHECKPOINT = b"#upto"


@dataclass
class CorpusStatements:
    """Every statement of a corpus in file order, with the entry key of each (by id)."""

    statements: list[Statement]
    #: Statement id -> ``id:digest`` (the caches' entry key); ids found twice are left out.
    keys: dict[str, str] = field(default_factory=dict)
    #: Lines parsed from the corpus this time (0 when the cache held them all).
    parsed: int = 0


def cache_file(corpus: Corpus) -> Path:
    """Where the statements cache of ``corpus`` lives (its name carries its key)."""
    key = hashlib.sha256(f"format={FORMAT}\ncode={code_digest()}".encode()).hexdigest()[:24]
    return corpus.path / CACHE_DIR / f"statements-{key}.jsonl"


def read_statements(corpus: Corpus, *, use_cache: bool = True) -> CorpusStatements:
    """Every statement of the corpus in file order (as ``list_statements`` gives them), parsing
    only what the cache does not hold (see the module docstring).

    Args:
        corpus: The corpus.
        use_cache: Whether to read and write the cache (else the whole file is parsed).

    Raises:
        CorpusError: If the corpus is missing.
        ValidationError: At the first line that does not parse or validate, naming file and line.
    """
    corpus.require()
    data = corpus.statements_path.read_bytes()
    path = cache_file(corpus)
    held = _read(path, data) if use_cache else None
    statements, digests, size, lines = held if held is not None else ([], [], 0, 0)
    # Rows are kept up to the last newline only: a last line without one may still be growing.
    end = max(data.rfind(b"\n") + 1, size)
    rows: list[bytes] = []
    parsed = _parse(corpus, data[size:end], lines, statements, digests, rows)
    if use_cache and (held is None or rows or end > size):
        checkpoint = _checkpoint(end, lines + len(data[size:end].splitlines()), len(statements), data[:end])
        try:
            if held is None:
                _rewrite(path, rows, checkpoint)
            else:
                append_lines(path, b"".join(rows) + checkpoint)
        except OSError:
            pass
    parsed += _parse(corpus, data[end:], len(data[:end].splitlines()), statements, digests, None)
    keys: dict[str, str] = {}
    twice: set[str] = set()
    for s, d in zip(statements, digests, strict=True):
        if s.id in keys:
            twice.add(s.id)
        keys[s.id] = f"{s.id}:{d}"
    for sid in twice:  # an entry key by id would be wrong for one of them: computed instead
        del keys[sid]
    return CorpusStatements(statements, keys, parsed)


def _parse(
    corpus: Corpus,
    data: bytes,
    before: int,
    statements: list[Statement],
    digests: list[str],
    rows: list[bytes] | None,
) -> int:
    """Parse the lines of ``data`` (the corpus after its first ``before`` lines) as
    ``list_statements`` does, adding to ``statements`` and ``digests`` (and each one's cache
    line to ``rows``); how many were parsed."""
    path = str(corpus.statements_path)
    n = 0
    for lineno, raw in enumerate(data.splitlines(), start=before + 1):
        if not raw.strip():
            continue
        s = parse_line(raw, path=path, line=lineno)
        digest = statement_digest(s)
        statements.append(s)
        digests.append(digest)
        if rows is not None:
            rows.append(_row(s, digest, raw))
        n += 1
    return n


_read_statement = decoder(Statement)


def _row(s: Statement, digest: str, raw: bytes) -> bytes:
    payload = None
    if not s.meta:  # meta values are any JSON: a row would turn their tuples into lists
        try:
            payload = encode(s)
            if _read_statement(orjson.loads(payload)) != s:
                payload = None
        except (TypeError, ValueError):
            payload = None
    if payload is None:  # the corpus line itself, parsed again when read
        payload = orjson.dumps(
            raw.decode("utf-8", "surrogateescape"), option=orjson.OPT_PASSTHROUGH_DATACLASS
        )
    return b"%s\t%d\t%s\n" % (digest.encode(), zlib.crc32(payload), payload)


def _checkpoint(size: int, lines: int, statements: int, covered: bytes) -> bytes:
    digest = hashlib.blake2b(covered).hexdigest().encode()
    return b"%s\t%d\t%d\t%d\t%s\n" % (_CHECKPOINT, size, lines, statements, digest)


def _header(path: Path) -> bytes:
    return b"%s %d %s\n" % (_HEADER, FORMAT, path.name.encode())


def _read(path: Path, data: bytes) -> tuple[list[Statement], list[str], int, int] | None:
    """The statements the cache holds for the first bytes of ``data``, with their digests, how
    many bytes and lines they cover; None when the cache is missing, damaged or stale."""
    try:
        content = path.read_bytes()
    except OSError:
        return None
    lines = content.split(b"\n")
    if not lines or lines[0] + b"\n" != _header(path):
        return None
    # The latest checkpoint: the rows before it are the statements of the bytes it covers.
    last = len(lines) - 1
    while last > 0 and not lines[last].startswith(_CHECKPOINT):
        last -= 1
    if last == 0:
        return None
    try:
        _, size_s, lines_s, count_s, digest = lines[last].split(b"\t")
        size, n_lines, count = int(size_s), int(lines_s), int(count_s)
    except ValueError:
        return None
    if size > len(data) or hashlib.blake2b(data[:size]).hexdigest().encode() != digest:
        return None
    statements: list[Statement] = []
    digests: list[str] = []
    try:
        with gc_paused():
            for raw in lines[1:last]:
                if raw.startswith(_CHECKPOINT):
                    continue
                d, crc, payload = raw.split(b"\t", 2)
                if zlib.crc32(payload) != int(crc):
                    return None
                row = orjson.loads(payload)
                if type(row) is str:
                    s = parse_line(row.encode("utf-8", "surrogateescape"))
                else:
                    s = _read_statement(row)
                statements.append(s)
                digests.append(d.decode("ascii"))
    except (ValueError, TypeError, UnicodeError, RhetoricError):
        return None
    if len(statements) != count or len(data[:size].splitlines()) != n_lines:
        return None
    return statements, digests, size, count


def _rewrite(path: Path, rows: list[bytes], checkpoint: bytes) -> None:
    from ..outputs import OutputError, atomic_file

    ensure_cache_folder(path.parent)
    try:
        with atomic_file(path, binary=True) as fh:
            fh.write(_header(path))
            fh.write(b"".join(rows))
            fh.write(checkpoint)
    except OutputError:
        return
    prune(path.parent, keep=path, pattern="statements-*.jsonl")


__all__ = ["CorpusStatements", "cache_file", "read_statements"]
