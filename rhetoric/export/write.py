"""Writing export tables to files: RFC 4180 CSV, JSON Lines or Parquet, one file per table.

CSV is UTF-8 without BOM, CRLF line ends, a header row and fields quoted only when they
hold a comma, quote or line break. JSONL is one UTF-8 object per line. Parquet keeps the
dictionary's types (integers, booleans, strings).

A set of tables is marked whole by ``manifest.json``, written last: each file's name,
sha256 and row count. The old manifest is removed before the first file is swapped in, so
an export killed half-way leaves no manifest, and :func:`verify_export` says so.

Example:
    >>> result = export_tables("corpora/ukraine-nato", tables=["frames"], out_dir="out")  # doctest: +SKIP
    >>> [p.name for p in result.paths]  # doctest: +SKIP
    ['frames.csv']
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from ..analysis import CorpusAnalysis
from ..errors import UsageError
from ..outputs import (
    TEMP_PREFIX,
    TEMP_SUFFIX,
    atomic_file,
    ensure_folder,
    output_error,
    output_lock,
    remove_stale_temps,
)
from ..session import analyze_all
from ..types import (
    ExportFormat,  # noqa: F401  (re-exported: part of this module's API)
    ProgressFn,
)
from .dictionary import TABLE_NAMES, TABLES, columns, resolve_tables  # noqa: F401
from .tables import Row, iter_rows

_ARROW_TYPES = {"integer": "int64", "boolean": "bool_"}
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


#: First characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(value: str) -> str:
    """A text cell a spreadsheet will not run: a leading ``'`` before a formula-like start.

    Example:
        >>> print(excel_safe("=SUM(A1:A9)"), excel_safe("-5 troops"), excel_safe("No."))
        '=SUM(A1:A9) '-5 troops No.
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _csv_value(value, *, safe: bool = False) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    if safe and isinstance(value, str):
        return excel_safe(value)
    return value


def write_csv(rows: Iterable[Row], names: tuple[str, ...], path: Path, *, excel_safe: bool = False) -> int:
    """Write rows as RFC 4180 CSV; returns the row count.

    Args:
        rows: Table rows.
        names: Column names, in order.
        path: The file to write.
        excel_safe: Prefix text cells that start like a formula with ``'`` (see :func:`excel_safe`).
    """
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(names)
        for row in rows:
            writer.writerow([_csv_value(row[k], safe=excel_safe) for k in names])
            n += 1
    return n


def write_jsonl(rows: Iterable[Row], path: Path) -> int:
    """Write rows as JSON Lines; returns the row count."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_parquet(rows: Iterable[Row], table: str, path: Path) -> int:
    """Write rows as Parquet with the dictionary's types; returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {c.name: c.type for c in TABLES[table]}
    schema = pa.schema(
        [(n, getattr(pa, _ARROW_TYPES.get(types.get(n, "string"), "string"))()) for n in columns(table)]
    )
    data = pa.Table.from_pylist(list(rows), schema=schema)
    pq.write_table(data, path)
    return data.num_rows


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
    fmt = _format(fmt)
    if excel_safe and fmt is not ExportFormat.CSV:
        raise UsageError("--excel-safe applies to CSV only", hint="drop it, or use --format csv")
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
            for table in names:
                part = staging / f"{table}.{fmt.value}"
                try:
                    counts[table] = _write_table(ca, table, fmt, part, excel_safe=excel_safe)
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


def _write_table(ca: CorpusAnalysis, table: str, fmt: ExportFormat, path: Path, *, excel_safe: bool) -> int:
    rows = iter_rows(ca, table)
    if fmt is ExportFormat.CSV:
        return write_csv(rows, columns(table), path, excel_safe=excel_safe)
    if fmt is ExportFormat.JSONL:
        return write_jsonl(rows, path)
    return write_parquet(rows, table, path)


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
    if excel_safe and _format(fmt) is not ExportFormat.CSV:
        raise UsageError("--excel-safe applies to CSV only", hint="drop it, or use --format csv")
    if Path(out_dir).exists():
        ensure_folder(out_dir)  # a file named like --out fails now, not after the analysis
    ca = analyze_all(corpus_dir, speakers=speakers, codebook_path=codebook_path, progress=progress)
    return write_tables(ca, tables=names, out_dir=out_dir, fmt=fmt, excel_safe=excel_safe)
