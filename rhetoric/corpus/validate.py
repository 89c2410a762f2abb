"""Checking a whole corpus: every line parses, the schema holds, ids match content, ids are unique.

Lines are checked by the fast path of :mod:`rhetoric.corpus.fastparse`; a line it does not
accept is re-checked by the full validator, which names the problem. Large files are split
at line boundaries into chunks checked in parallel worker processes; duplicate ids are
found from the 48-bit id values with a numpy sort, so memory stays small.

Example:
    >>> from rhetoric.corpus import Corpus
    >>> report = validate_corpus(Corpus("corpora/ukraine-nato"))
    >>> report.ok, report.problems
    (True, ())
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RhetoricError, ValidationError
from .fastparse import fast_fields
from .store import Corpus, parse_line

#: Files smaller than this are checked in-process (worker start-up would cost more).
PARALLEL_MIN_BYTES = 16 * 1024 * 1024
_CHUNK_BYTES = 8 * 1024 * 1024
_ID_LEN = 14  # "s-" + 12 hex digits


@dataclass(frozen=True)
class ValidationReport:
    """Outcome of :func:`validate_corpus`."""

    path: Path
    lines: int
    statements: int
    problems: tuple[RhetoricError, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    def summary(self) -> str:
        """``N statements, P problems`` line."""
        return f"{self.statements} statements, {len(self.problems)} problem(s) in {self.path}"


@dataclass
class _ChunkResult:
    lines: int  # newline count of the chunk, to number the next chunk's lines
    statements: int
    problems: list[tuple[int, RhetoricError]]
    ids: bytes  # 48-bit id values, array("Q") bytes, in line order
    id_lines: bytes  # array("Q") line numbers (relative to the chunk) of those ids
    speakers: set[str]
    noncanonical: list[int]


def _check_chunk(path: str, start: int, end: int) -> _ChunkResult:
    with open(path, "rb") as fh:
        fh.seek(start)
        data = fh.read(end - start)
    ids = array("Q")
    id_lines = array("Q")
    problems: list[tuple[int, RhetoricError]] = []
    noncanonical: list[int] = []
    speakers: set[str] = set()
    statements = 0
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        if not raw or raw.isspace():
            continue
        d = fast_fields(raw)
        if d is None:
            try:
                s = parse_line(raw, path=path, line=lineno)
            except ValidationError as exc:
                problems.append((lineno, exc))
                continue
            noncanonical.append(lineno)
            sid, speaker = s.id, s.speaker
        else:
            sid, speaker = d["id"], d["speaker"]
        statements += 1
        speakers.add(speaker)
        # A valid id always has this form: it equals the computed content hash.
        ids.append(int(sid[2:], 16))
        id_lines.append(lineno)
    return _ChunkResult(
        data.count(b"\n"), statements, problems, ids.tobytes(), id_lines.tobytes(), speakers, noncanonical
    )


def _chunks(path: Path, size: int) -> Iterator[tuple[int, int]]:
    """Byte ranges of about ``_CHUNK_BYTES`` that start and end on line boundaries."""
    with open(path, "rb") as fh:
        start = 0
        while start < size:
            end = min(size, start + _CHUNK_BYTES)
            if end < size:
                fh.seek(end)
                rest = fh.read(1024 * 1024)
                nl = rest.find(b"\n")
                while nl == -1 and rest:
                    more = fh.read(1024 * 1024)
                    if not more:
                        break
                    rest += more
                    nl = rest.find(b"\n")
                end = size if nl == -1 else end + nl + 1
            yield start, end
            start = end


def _last_byte(path: Path) -> bytes:
    with open(path, "rb") as fh:
        fh.seek(-1, os.SEEK_END)
        return fh.read(1)


def _duplicate_problems(values, lines, path: str) -> list[tuple[int, RhetoricError]]:
    """One problem per repeated id, at each later line, naming the first line."""
    import numpy as np

    if values.size < 2:
        return []
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    repeat = np.flatnonzero(ordered[1:] == ordered[:-1]) + 1
    if repeat.size == 0:
        return []
    problems = []
    for i in repeat.tolist():
        j = i
        while j > 0 and ordered[j - 1] == ordered[i]:
            j -= 1
        first, again = int(lines[order[j]]), int(lines[order[i]])
        sid = f"s-{int(ordered[i]):012x}"
        problems.append(
            (
                again,
                ValidationError(
                    f"duplicate id {sid!r} (first on line {first})",
                    path=path,
                    line=again,
                    field="id",
                    hint=f"remove one copy with `rhetoric remove {sid} --yes` and add it back once",
                ),
            )
        )
    return problems


def validate_corpus(corpus: Corpus, *, workers: int | None = None) -> ValidationReport:
    """Check every line of the corpus; collect every problem with its line number.

    Args:
        corpus: The corpus to check.
        workers: Worker processes for large files (default: up to 2, by CPU count).

    Returns:
        A report; ``report.ok`` is true when there is no problem. Unknown speakers,
        non-canonical lines and an unreadable ``actors.toml`` come back as warnings.

    Raises:
        CorpusError: If the corpus folder or its statements file is missing.
    """
    corpus.require()
    path = corpus.statements_path
    size = path.stat().st_size
    ranges = list(_chunks(path, size))
    if workers is None:
        workers = min(2, os.cpu_count() or 1)
    if size >= PARALLEL_MIN_BYTES and workers > 1 and len(ranges) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_check_chunk, [str(path)] * len(ranges), *zip(*ranges, strict=True)))
    else:
        results = [_check_chunk(str(path), a, b) for a, b in ranges]
    import numpy as np

    problems: list[tuple[int, RhetoricError]] = []
    id_parts, line_parts = [], []
    speakers: set[str] = set()
    noncanonical: list[int] = []
    base = 0
    statements = 0
    for r in results:
        for lineno, exc in r.problems:
            exc.line = base + lineno
            problems.append((base + lineno, exc))
        id_parts.append(np.frombuffer(r.ids, dtype=np.uint64))
        line_parts.append(np.frombuffer(r.id_lines, dtype=np.uint64) + np.uint64(base))
        noncanonical.extend(base + n for n in r.noncanonical)
        speakers |= r.speakers
        statements += r.statements
        base += r.lines
    total_lines = base + (1 if size and _last_byte(path) != b"\n" else 0)
    ids = np.concatenate(id_parts) if id_parts else np.empty(0, dtype=np.uint64)
    id_lines = np.concatenate(line_parts) if line_parts else np.empty(0, dtype=np.uint64)
    problems.extend(_duplicate_problems(ids, id_lines, str(path)))
    problems.sort(key=lambda item: item[0])
    warnings = _warnings(corpus, speakers, noncanonical)
    return ValidationReport(path, total_lines, statements, tuple(exc for _, exc in problems), warnings)


def _warnings(corpus: Corpus, speakers: set[str], noncanonical: list[int]) -> tuple[str, ...]:
    out = []
    try:
        registry = corpus.actors()
    except RhetoricError as exc:
        return (f"actors.toml: {exc}",)
    unknown = sorted(s for s in speakers if s not in registry)
    if unknown:
        shown = ", ".join(map(repr, unknown[:10])) + (
            f" and {len(unknown) - 10} more" if len(unknown) > 10 else ""
        )
        out.append(f"{len(unknown)} speaker(s) not in actors.toml: {shown}")
    if noncanonical:
        shown = ", ".join(map(str, noncanonical[:10]))
        out.append(
            f"{len(noncanonical)} valid line(s) not in canonical form (key order, spacing): "
            f"line(s) {shown}; id and speaker lookups may miss them"
        )
    return tuple(out)
