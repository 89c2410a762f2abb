"""Writing export tables to files: RFC 4180 CSV, JSON Lines or Parquet, one file per table.

The formats are those of every command (:mod:`rhetoric.output.write`): CSV is UTF-8 without
BOM, CRLF line ends, a header row and fields quoted only when they hold a comma, quote or line
break. JSONL is one UTF-8 object per line, lists as arrays. Parquet keeps the dictionary's
types (integers, booleans, days as dates, times as UTC timestamps, lists as lists).

A set of tables is marked whole by ``manifest.json``, written last: each file's name,
sha256 and row count. The old manifest is removed before the first file is swapped in, so
an export killed half-way leaves no manifest, and :func:`verify_export` says so.

Example:
    >>> result = export_tables("corpora/ukraine-nato", tables=["frames"], out_dir="out")  # doctest: +SKIP
    >>> [p.name for p in result.paths]  # doctest: +SKIP
    ['frames.csv']
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from ..analysis import CorpusAnalysis
from ..errors import UsageError
from ..output.spec import TABLE_NAMES, TABLES, column_types, columns, resolve_tables  # noqa: F401
from ..output.write import require_pyarrow, write_parquet, write_rows
from ..outputs import (
    TEMP_PREFIX,
    TEMP_SUFFIX,
    atomic_file,
    ensure_folder,
    output_error,
    output_lock,
    remove_stale_temps,
)
from ..types import (
    ExportFormat,  # noqa: F401  (re-exported: part of this module's API)
    ProgressFn,
)
from .stream import StreamedExport
from .tables import Row, iter_rows

#: Written last into an export folder: which files form the set, with their sha256 and rows.
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: one file per table and its row count."""

    paths: tuple[Path, ...]
    rows: dict[str, int] = field(default_factory=dict)


def _format(fmt: str) -> ExportFormat:
    try:
        return ExportFormat(fmt)
    except ValueError:
        raise UsageError(f"unknown export format {fmt!r}", hint="use csv, parquet or jsonl") from None


def _check_format(fmt: str, *, excel_safe: bool) -> ExportFormat:
    """The export format, checked before any work (pyarrow present for Parquet)."""
    fmt = _format(fmt)
    if excel_safe and fmt is not ExportFormat.CSV:
        raise UsageError("--excel-safe applies to CSV only", hint="drop it, or use --format csv")
    if fmt is ExportFormat.PARQUET:
        require_pyarrow()
    return fmt


def write_tables(
    ca: CorpusAnalysis,
    *,
    tables: Iterable[str],
    out_dir: str | PathLike,
    fmt: str = "csv",
    excel_safe: bool = False,
) -> ExportResult:
    """Write the tables of an analysed corpus to ``out_dir/<table>.<fmt>``.

    The whole set is first written into a temporary folder inside ``out_dir``, then each file is
    renamed into place: a crash while writing leaves the previous set untouched, and temp
    folders left by a killed export are removed by the next one (under the folder's lock).

    Raises:
        UsageError: If a table or the format is unknown, or ``excel_safe`` is asked for a
            format other than CSV.
        OutputError: If the folder or a file cannot be written (the path and the fix named).
    """
    return _write_set(
        lambda table: iter_rows(ca, table), tables=tables, out_dir=out_dir, fmt=fmt, excel_safe=excel_safe
    )


def _write_set(
    rows_of: Callable[[str], Iterator[Row]],
    *,
    tables: Iterable[str],
    out_dir: str | PathLike,
    fmt: str,
    excel_safe: bool,
    prepare: Callable[[Path], None] | None = None,
) -> ExportResult:
    """Write each table's rows (``rows_of(table)``) into a temporary folder, then swap the set in.

    ``prepare(folder)``, when given, runs first with the temporary folder (the streamed
    export analyses the corpus into a spill file there).
    """
    fmt = _check_format(fmt, excel_safe=excel_safe)
    names = resolve_tables(tables)
    out = ensure_folder(out_dir)
    paths, counts = [], {}
    with output_lock(out):
        remove_stale_temps(out)
        for stale in out.glob(".*.tmp"):  # fixed temp names of earlier versions
            if stale.is_file() and stale.name[1:-4].rsplit(".", 1)[0] in TABLES:
                stale.unlink(missing_ok=True)
        try:
            staging = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=out))
        except OSError as exc:
            raise output_error(exc, out) from None
        try:
            if prepare is not None:
                try:
                    prepare(staging)
                except OSError as exc:
                    raise output_error(exc, out) from None
            for table in names:
                part = staging / f"{table}.{fmt.value}"
                try:
                    counts[table] = _write_table(rows_of(table), table, fmt, part, excel_safe=excel_safe)
                    _fsync(part)
                except OSError as exc:
                    raise output_error(exc, out / part.name) from None
            files = {
                f"{t}.{fmt.value}": {"sha256": _sha256(staging / f"{t}.{fmt.value}"), "rows": counts[t]} for t in names
            }
            try:  # from here until the new manifest lands, the folder says it holds no whole set
                (out / MANIFEST).unlink(missing_ok=True)
            except OSError as exc:
                raise output_error(exc, out / MANIFEST) from None
            for table in names:  # every table is complete: now swap them in
                path = out / f"{table}.{fmt.value}"
                try:
                    os.replace(staging / path.name, path)
                except OSError as exc:
                    raise output_error(exc, path) from None
                paths.append(path)
            with atomic_file(out / MANIFEST) as fh:
                fh.write(json.dumps({"format": fmt.value, "files": files}, indent=1, sort_keys=True) + "\n")
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return ExportResult(tuple(paths), counts)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_export(out_dir: str | PathLike) -> tuple[bool, str]:
    """Whether ``out_dir`` holds a whole export set, and why not.

    Example:
        >>> import tempfile
        >>> verify_export(tempfile.mkdtemp())
        (False, 'no manifest.json: the last export did not finish (run it again)')
    """
    out = Path(out_dir)
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        files = manifest["files"]
    except FileNotFoundError:
        return False, f"no {MANIFEST}: the last export did not finish (run it again)"
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return False, f"{MANIFEST} is unreadable ({exc}): run the export again"
    for name, entry in sorted(files.items()):
        path = out / name
        if not path.is_file() or _sha256(path) != entry.get("sha256"):
            return False, f"{name} is not the file the manifest lists: run the export again"
    return True, f"{len(files)} file(s) of one export"


def _write_table(rows: Iterator[Row], table: str, fmt: ExportFormat, path: Path, *, excel_safe: bool) -> int:
    if fmt is ExportFormat.PARQUET:
        return write_parquet(rows, column_types(table), path)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        return write_rows(rows, columns(table), fmt.value, fh, excel_safe=excel_safe)


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def export_tables(
    corpus_dir: str | PathLike,
    *,
    tables: Iterable[str] = ("all",),
    out_dir: str | PathLike,
    fmt: str = "csv",
    speakers: Iterable[str] | None = None,
    parties: Iterable[str] | None = None,
    codebook_path: str | PathLike | None = None,
    progress: ProgressFn | None = None,
    excel_safe: bool = False,
) -> ExportResult:
    """Analyse a corpus and write tidy tables, one file per table.

    Args:
        corpus_dir: The corpus folder.
        tables: Table names (``statements``, ``mentions``, ``frames``, ``stances``, ``shifts``) or ``all``.
        out_dir: Folder to write into (created if missing); files are named ``<table>.<fmt>``.
        fmt: ``csv``, ``parquet`` or ``jsonl``.
        speakers: Only these speakers (ids or aliases); all when None.
        parties: Instead of speakers, these parties (``party`` in ``actors.toml``): their
            members' statements, and shifts per party (as ``timeline --party``).
        codebook_path: Another codebook file to use.
        progress: Called as ``progress(done, total)`` while statements are analysed.
        excel_safe: For CSV meant for a spreadsheet: prefix text cells that start with
            ``=``, ``+``, ``-``, ``@``, a tab or a carriage return with ``'`` so that they are
            not run as formulas. Off by default: the tables are data for pandas or R and keep
            every text exactly as stored.

    Returns:
        The written paths and row counts.

    Raises:
        UsageError: If a table or the format is unknown.
        CorpusError: If the corpus is missing.
        OutputError: If ``out_dir`` or a file in it cannot be written.
    """
    names = resolve_tables(tables)
    _check_format(fmt, excel_safe=excel_safe)
    if Path(out_dir).exists():
        ensure_folder(out_dir)  # a file named like --out fails now, not after the analysis
    # Streamed (rhetoric.export.stream): memory stays flat however large the corpus.
    stream = StreamedExport.open(
        corpus_dir, speakers=speakers, parties=parties, codebook_path=codebook_path, progress=progress
    )
    return _write_set(
        stream.rows, tables=names, out_dir=out_dir, fmt=fmt, excel_safe=excel_safe, prepare=stream.run
    )
