"""Writing export tables to files: RFC 4180 CSV, JSON Lines or Parquet, one file per table.

CSV is UTF-8 without BOM, CRLF line ends, a header row and fields quoted only when they
hold a comma, quote or line break. JSONL is one UTF-8 object per line. Parquet keeps the
dictionary's types (integers, booleans, strings).

Example:
    >>> result = export_tables("corpora/ukraine-nato", tables=["frames"], out_dir="out")  # doctest: +SKIP
    >>> [p.name for p in result.paths]  # doctest: +SKIP
    ['frames.csv']
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from ..analysis import CorpusAnalysis, ProgressFn, analyze_all
from ..errors import UsageError
from ..types import ExportFormat  # noqa: F401  (re-exported: part of this module's API)
from .dictionary import TABLE_NAMES, TABLES, columns, resolve_tables  # noqa: F401
from .tables import Row, iter_rows

_ARROW_TYPES = {"integer": "int64", "boolean": "bool_"}


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


def _csv_value(value) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_csv(rows: Iterable[Row], names: tuple[str, ...], path: Path) -> int:
    """Write rows as RFC 4180 CSV; returns the row count."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(names)
        for row in rows:
            writer.writerow([_csv_value(row[k]) for k in names])
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
    ca: CorpusAnalysis, *, tables: Iterable[str], out_dir: str | PathLike, fmt: str = "csv"
) -> ExportResult:
    """Write the tables of an analysed corpus to ``out_dir/<table>.<fmt>``.

    Raises:
        UsageError: If a table or the format is unknown.
    """
    fmt = _format(fmt)
    names = resolve_tables(tables)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths, counts = [], {}
    for table in names:
        path = out / f"{table}.{fmt.value}"
        tmp = path.with_name(f".{path.name}.tmp")
        rows = iter_rows(ca, table)
        if fmt is ExportFormat.CSV:
            counts[table] = write_csv(rows, columns(table), tmp)
        elif fmt is ExportFormat.JSONL:
            counts[table] = write_jsonl(rows, tmp)
        else:
            counts[table] = write_parquet(rows, table, tmp)
        os.replace(tmp, path)  # a reader never sees half a file
        paths.append(path)
    return ExportResult(tuple(paths), counts)


def export_tables(
    corpus_dir: str | PathLike,
    *,
    tables: Iterable[str] = ("all",),
    out_dir: str | PathLike,
    fmt: str = "csv",
    speakers: Iterable[str] | None = None,
    codebook_path: str | PathLike | None = None,
    progress: ProgressFn | None = None,
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

    Returns:
        The written paths and row counts.

    Raises:
        UsageError: If a table or the format is unknown.
        CorpusError: If the corpus is missing.
    """
    names = resolve_tables(tables)
    _format(fmt)
    ca = analyze_all(corpus_dir, speakers=speakers, codebook_path=codebook_path, progress=progress)
    return write_tables(ca, tables=names, out_dir=out_dir, fmt=fmt)
