"""Incremental analysis: each statement's analysis kept beside the corpus, reused while nothing changed.

``corpus/.cache/analysis-<key>.jsonl`` holds one line per analysed statement. The file's
key digests everything an analysis depends on besides the statement: the codebook's
sha256, ``actors.toml``, and rhetoric itself (its version and a digest of its code and
language data, so an edited rule never serves stale results). Each line is keyed by the
statement id and a digest of the whole statement record, and carries the tags the
analysis mentions (a report counts them for every statement and decodes in full only those
it shows: :class:`CachedAnalysis`), its payload, and a CRC of both. So a changed statement, codebook, actor list, language file or rhetoric version
misses exactly where it must; a torn or corrupt line is a miss, never a wrong result; a
missing or unreadable cache is rebuilt. The cache is never trusted over the corpus: only
statements read from the corpus now are looked up.

New analyses are appended (cheap: a report after one ``add`` writes one line); when
dead lines (removed or edited statements) outnumber live ones the file is rewritten
atomically (:func:`rhetoric.outputs.atomic_file`). Writing is best effort: a read-only
corpus just gets no cache. ``RHETORIC_CACHE=0`` turns it off.

Example:
    >>> import tempfile, shutil, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp()) / "c"
    >>> _ = shutil.copytree("corpora/ukraine-nato", root, ignore=shutil.ignore_patterns(".cache"))
    >>> from rhetoric.analyzer import Analyzer
    >>> from rhetoric.corpus.store import Corpus
    >>> analyzer, statements = Analyzer.for_corpus(root), Corpus(root).statements()
    >>> cache = AnalysisCache.open(root, analyzer)
    >>> found = cache.lookup(statements)
    >>> found.count(None) == len(statements)
    True
    >>> cache.add([analyzer.analyze(s) for s in statements])
    >>> again = AnalysisCache.open(root, analyzer).lookup(statements)
    >>> again == [analyzer.analyze(s) for s in statements]
    True
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from ..records import Frame, Mention, Stance, Statement, StatementAnalysis
from ..types import Commitment
from . import codec

if TYPE_CHECKING:
    from ..analyzer import Analyzer

#: Environment variable: ``0`` turns the cache off.
CACHE_ENV = "RHETORIC_CACHE"
#: The cache folder inside a corpus.
CACHE_DIR = ".cache"
#: Format of the cache lines (bumped when the line layout changes).
FORMAT = 2
_HEADER = "#rhetoric-analysis-cache"
# Statements analysed with the cyclic collector paused (their garbage is small).
_FEW = 64
# Other keys' files kept besides the current one (e.g. a second codebook used with --codebook).
_KEEP_OTHERS = 2


def enabled() -> bool:
    """Whether the cache is on (``RHETORIC_CACHE`` is not ``0``/``off``/``false``/``no``)."""
    return os.environ.get(CACHE_ENV, "1").strip().lower() not in {"0", "off", "false", "no"}


@cache
def code_digest() -> str:
    """Digest of rhetoric's code and data files (``*.py``, ``*.toml``, ``*.txt``, ``*.json``).

    The version alone would not do: during development it stays the same while rules change.
    """
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in {".py", ".toml", ".txt", ".json"} and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode())
            h.update(b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()


def _schema() -> str:
    return ";".join(
        f"{cls.__name__}:{','.join(f.name for f in fields(cls))}" for cls in (Mention, Frame, Stance)
    )


def cache_key(analyzer: Analyzer, actors_path: Path) -> str:
    """The digest of everything an analysis depends on besides its statement."""
    from .. import __version__

    try:
        actors = actors_path.read_bytes()
    except OSError:
        actors = b""
    parts = [
        f"format={FORMAT}",
        f"rhetoric={__version__}",
        f"code={code_digest()}",
        f"codebook={analyzer.codebook.sha256}",
        f"actors={hashlib.sha256(actors).hexdigest()}",
        f"schema={_schema()}",
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def cache_path(corpus_dir: str | os.PathLike, analyzer: Analyzer) -> tuple[Path, str]:
    """Where the analysis cache of ``corpus_dir`` for this analyzer lives, and its key."""
    from ..corpus.store import Corpus

    key = cache_key(analyzer, Corpus(corpus_dir).actors_path)
    return Path(corpus_dir) / CACHE_DIR / f"analysis-{key}.jsonl", key


def statement_digest(statement: Statement) -> str:
    """Digest of a whole statement record: any edit (text, speaker, date…) changes it."""
    row = [getattr(statement, name) for name in _STATEMENT_FIELDS]
    return hashlib.blake2b(orjson.dumps(row), digest_size=12).hexdigest()


_STATEMENT_FIELDS = tuple(f.name for f in fields(Statement))


def encode(analysis: StatementAnalysis) -> bytes:
    """The cached part of an analysis (its statement comes from the corpus)."""
    return codec.encode([analysis.mentions, analysis.frames, analysis.stances, analysis.commitment])


def encode_body(analysis: StatementAnalysis) -> bytes:
    """What a cache line holds after its key and CRC: the tags the analysis mentions (sorted; a
    report counts them for every statement) and :func:`encode`'s payload, tab-separated (JSON
    never holds a raw tab)."""
    tags = orjson.dumps(sorted({m.tag for m in analysis.mentions}))
    return tags + b"\t" + encode(analysis)


def decode_body(body: bytes, statement: Statement) -> StatementAnalysis:
    """An analysis from a cache line's body (:func:`encode_body`).

    Raises:
        ValueError, TypeError: If the body does not have the expected shape.
    """
    tags, sep, payload = body.partition(b"\t")
    if not sep:
        raise ValueError("a cached analysis needs its tags and payload")
    return decode(payload, statement)


def decode(payload: bytes, statement: Statement) -> StatementAnalysis:
    """An analysis from a cached payload and the corpus statement it belongs to.

    Raises:
        ValueError, TypeError: If the payload does not have the expected shape.
    """
    mentions, frames, stances, commitment = orjson.loads(payload)
    return StatementAnalysis(
        statement.text,
        tuple(map(_MENTION, mentions)),
        tuple(map(_FRAME, frames)),
        tuple(map(_STANCE, stances)),
        statement,
        Commitment(commitment),
    )


_MENTION, _FRAME, _STANCE = (codec.decoder(cls) for cls in (Mention, Frame, Stance))
_LAZY = ("mentions", "frames", "stances", "commitment")


class CachedAnalysis(StatementAnalysis):
    """An analysis read from the cache whose mentions, frames, stances and commitment are decoded
    when first asked for: a report needs them for the few statements it shows in full, and
    only the mentioned tags (:func:`mention_tags`) of the others.

    Its line's CRC was checked when it was read; should the payload still not decode, the
    statement is analysed again then, so the result is never wrong. It equals, hashes, prints
    and pickles as the plain :class:`~rhetoric.records.StatementAnalysis` it stands for.
    """

    def __getattr__(self, name: str):
        # Called only for attributes not set yet: the four decoded on first use. The payload is
        # dropped last, so a second thread asking meanwhile decodes the same values again.
        d = self.__dict__
        if name not in _LAZY:
            raise AttributeError(name)
        body = d.get("_payload")
        if body is None:
            if name in d:
                return d[name]
            raise AttributeError(name)
        statement = d["statement"]
        try:
            full = decode_body(body, statement)
        except (ValueError, TypeError):  # a damaged line: analysed again, never a wrong result
            full = d["_analyzer"].analyze(statement)
        for field in _LAZY:
            d[field] = getattr(full, field)
        d.pop("_payload", None)
        d.pop("_analyzer", None)
        return d[name]

    def plain(self) -> StatementAnalysis:
        """The same analysis as a plain record."""
        return StatementAnalysis(
            self.text, self.mentions, self.frames, self.stances, self.statement, self.commitment
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StatementAnalysis):
            return NotImplemented
        return self.plain() == (other.plain() if isinstance(other, CachedAnalysis) else other)

    def __hash__(self) -> int:
        return hash(self.plain())

    def __repr__(self) -> str:
        return repr(self.plain())

    def __reduce__(self):
        return (
            StatementAnalysis,
            (self.text, self.mentions, self.frames, self.stances, self.statement, self.commitment),
        )


def cached_analysis(body: bytes, statement: Statement, analyzer: Analyzer) -> CachedAnalysis:
    """A :class:`CachedAnalysis` of ``statement`` from its cache line's body (:func:`encode_body`),
    decoded when needed."""
    a = object.__new__(CachedAnalysis)
    object.__setattr__(
        a,
        "__dict__",
        {"text": statement.text, "statement": statement, "_payload": body, "_analyzer": analyzer},
    )
    return a


def mention_tags(analysis: StatementAnalysis) -> set[str]:
    """The tags an analysis mentions; of a cached analysis not decoded yet, read from its line's
    tag list alone (a report counts them for every statement and shows few in full)."""
    body = analysis.__dict__.get("_payload") if type(analysis) is CachedAnalysis else None
    if body is not None:
        try:
            tags = orjson.loads(body.partition(b"\t")[0])
            if type(tags) is list and all(type(t) is str for t in tags):
                return set(tags)
        except ValueError:
            pass  # decoded in full below (and analysed again if it must be)
    return {m.tag for m in analysis.mentions}


class AnalysisCache:
    """The analysis cache of one corpus for one key (see the module docstring)."""

    def __init__(
        self,
        path: Path,
        key: str,
        lines: dict[str, tuple[int, bytes]],
        total: int,
        analyzer: Analyzer | None = None,
    ) -> None:
        self.path = path
        self.key = key
        self._lines = lines  # entry key -> (crc, body: mentioned tags and payload)
        self._total = total  # lines in the file (live or dead)
        self._used: set[str] = set()
        self._analyzer = analyzer  # decodes lazily (CachedAnalysis) when given
        #: Entry key of every statement looked up or added (by statement id), for the timeline cache.
        self.keys: dict[str, str] = {}

    @classmethod
    def open(cls, corpus_dir: str | os.PathLike, analyzer: Analyzer, *, lazy: bool = False) -> AnalysisCache:
        """Read the cache of ``corpus_dir`` for this analyzer (empty when missing or unreadable).

        With ``lazy``, :meth:`lookup` gives :class:`CachedAnalysis` records, decoded when first used.
        """
        path, key = cache_path(corpus_dir, analyzer)
        lines: dict[str, tuple[int, bytes]] = {}
        total = 0
        try:
            with open(path, "rb") as fh:
                if fh.readline() == header(key):
                    for raw in fh:
                        total += 1
                        parts = raw.rstrip(b"\n").split(b"\t", 2)
                        if len(parts) == 3 and parts[1].isdigit():
                            lines[parts[0].decode("ascii", "replace")] = (int(parts[1]), parts[2])
        except OSError:
            pass
        return cls(path, key, lines, total, analyzer if lazy else None)

    @staticmethod
    def entry_key(statement: Statement) -> str:
        """The key of one statement's line: its id and the digest of its record."""
        return f"{statement.id}:{statement_digest(statement)}"

    def lookup(
        self, statements: Sequence[Statement], known: Mapping[str, tuple[Statement, str]] | None = None
    ) -> list[StatementAnalysis | None]:
        """The cached analysis of each statement, or None where there is none (or it is damaged).

        ``known``: entry keys already computed (by the statements cache), by statement id with
        the statement they belong to; one is used only for that very statement object.
        """
        out: list[StatementAnalysis | None] = []
        lines = self._lines
        known = known or {}
        with codec.gc_paused():
            for statement in statements:
                pair = known.get(statement.id)
                key = pair[1] if pair is not None and pair[0] is statement else self.entry_key(statement)
                self.keys[statement.id] = key
                found = lines.get(key)
                analysis = None
                if found is not None and zlib.crc32(found[1]) == found[0]:
                    if self._analyzer is not None:
                        analysis = cached_analysis(found[1], statement, self._analyzer)
                    else:
                        try:
                            analysis = decode_body(found[1], statement)
                        except (ValueError, TypeError):  # a damaged line is a miss
                            analysis = None
                if analysis is not None:
                    self._used.add(key)
                out.append(analysis)
        return out

    def add(self, analyses: Iterable[StatementAnalysis], *, compact: bool = True) -> None:
        """Record new analyses (best effort: a corpus that cannot be written gets no cache).

        Args:
            analyses: Analyses computed since :meth:`lookup`.
            compact: Whether lines not looked up may be dropped (only when the lookup covered
                the whole corpus: a report on one speaker must not drop the others' lines).
        """
        new: list[bytes] = []
        for a in analyses:
            if a.statement is None:
                continue
            key = self.keys[a.statement.id] = self.entry_key(a.statement)
            payload = encode_body(a)
            self._lines[key] = (zlib.crc32(payload), payload)
            self._used.add(key)
            new.append(_line(key, payload))
        try:
            self._write(new, compact=compact)
        except OSError:
            pass

    def _write(self, new: list[bytes], *, compact: bool) -> None:
        from ..outputs import OutputError, atomic_file

        folder = self.path.parent
        dead = self._total + len(new) - len(self._used)
        if self.path.exists() and (dead <= len(self._used) or not compact):
            if new:
                append_lines(self.path, b"".join(new))
                self._total += len(new)
            return
        # First write, or mostly dead lines: rewrite with the live ones only, atomically.
        ensure_cache_folder(folder)
        live = [_line(k, self._lines[k][1]) for k in sorted(self._used)]
        try:
            with atomic_file(self.path, binary=True) as fh:
                fh.write(header(self.key))
                fh.write(b"".join(live))
        except OutputError:
            return
        self._total = len(live)
        prune(folder, keep=self.path, pattern="analysis-*.jsonl")


def ensure_cache_folder(folder: Path) -> None:
    """Create the cache folder with its own ``.gitignore`` (derived data is never committed)."""
    folder.mkdir(exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# rhetoric's caches: derived data, rebuilt when missing\n*\n", encoding="utf-8")


def append_lines(path: Path, lines: bytes) -> None:
    """Append whole lines to a cache file; after a torn last line (a write cut short) a newline
    first, so the torn line stays one damaged line and does not swallow the first new one."""
    with open(path, "ab+") as fh:
        if fh.tell() > 0:
            fh.seek(-1, os.SEEK_END)
            if fh.read(1) != b"\n":
                lines = b"\n" + lines
        fh.write(lines)


def header(key: str) -> bytes:
    """The first line of a cache file of ``key``."""
    return f"{_HEADER} {FORMAT} {key}\n".encode()


def read_line(raw: bytes, key: str, statement: Statement) -> StatementAnalysis | None:
    """The analysis on one cache line if it is ``key``'s and intact, else None (a miss)."""
    parts = raw.rstrip(b"\n").split(b"\t", 2)
    if len(parts) != 3 or parts[0] != key.encode() or not parts[1].isdigit():
        return None
    if zlib.crc32(parts[2]) != int(parts[1]):
        return None
    try:
        return decode_body(parts[2], statement)
    except (ValueError, TypeError):
        return None


def _line(key: str, body: bytes) -> bytes:
    return b"%s\t%d\t%s\n" % (key.encode(), zlib.crc32(body), body)


def prune(folder: Path, *, keep: Path, pattern: str) -> None:
    """Remove all but the newest few cache files of other keys (``pattern``: one kind of cache)."""
    others = sorted(
        (p for p in folder.glob(pattern) if p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for stale in others[_KEEP_OTHERS:]:
        try:
            stale.unlink()
        except OSError:
            pass


def analyze_cached(
    corpus_dir: str | os.PathLike,
    statements: Sequence[Statement],
    analyzer: Analyzer,
    run: Callable[[list[Statement]], Iterable[StatementAnalysis]],
    *,
    progress: Callable[[int, int], None] | None = None,
    whole_corpus: bool = True,
    keys: dict[str, str] | None = None,
    known: Mapping[str, tuple[Statement, str]] | None = None,
    lazy: bool = False,
) -> list[StatementAnalysis]:
    """Analyses of ``statements`` in order: cached ones reused, the rest computed by ``run(missing)``.

    Args:
        corpus_dir: The corpus folder (the cache lives in its ``.cache``).
        statements: The statements, in the order wanted.
        analyzer: The analyzer (its codebook is part of the key).
        run: ``run(statements) -> iterable of analyses`` in the same order (an engine).
        progress: Called as ``progress(done, total)`` for every statement, cached or computed.
        whole_corpus: Whether ``statements`` are all of the corpus (then lines of statements no
            longer in it may be compacted away).
        keys: Filled with each statement's entry key (id and record digest) by statement id.
        known: Entry keys already computed, by statement id with the statement they belong to
            (:meth:`AnalysisCache.lookup`).
        lazy: Cached analyses are decoded when first used (:class:`CachedAnalysis`).
    """
    use = enabled() and analyzer.fallback is None  # a trained fallback is not part of the key
    store = AnalysisCache.open(corpus_dir, analyzer, lazy=lazy) if use else None
    found = store.lookup(statements, known) if store is not None else [None] * len(statements)
    missing = [s for s, a in zip(statements, found, strict=True) if a is None]
    computed = iter(run(missing) if missing else ())
    out: list[StatementAnalysis] = []
    fresh: list[StatementAnalysis] = []
    # The engine's garbage is collected as it comes when it analyses many statements; for a few
    # (a report after one add) the collector would only walk every decoded analysis again.
    with codec.gc_allowed() if len(missing) > _FEW else nullcontext():
        for a in found:
            if a is None:
                a = next(computed)
                fresh.append(a)
            out.append(a)
            if progress is not None:
                progress(len(out), len(statements))
    if store is not None:
        store.add(fresh, compact=whole_corpus)
        if keys is not None:
            keys.update(store.keys)
    return out


__all__ = [
    "CACHE_DIR",
    "CACHE_ENV",
    "AnalysisCache",
    "CachedAnalysis",
    "analyze_cached",
    "append_lines",
    "cache_key",
    "cache_path",
    "code_digest",
    "decode_body",
    "encode_body",
    "enabled",
    "header",
    "mention_tags",
    "read_line",
]
