"""The one writer of tables: CSV, JSON, JSON Lines and Parquet, for every command and export.

Contracts (the same for ``frames --format csv`` and ``export``):

- **CSV**: RFC 4180: UTF-8 without BOM, CRLF line ends, a header row, fields quoted only when
  they hold a comma, quote or line break (:data:`CSV_DIALECT`). Lists are joined with ``;``,
  a missing value is an empty field, booleans are ``true``/``false``.
- **JSON**: one array of objects, one object per line; lists stay arrays, a missing value is ``null``.
- **JSONL**: one object per line, nothing else.
- **Parquet**: the spec's types (:data:`~rhetoric.output.spec.ARROW_TYPES`): days as ``date32``,
  times as UTC timestamps, lists as ``list<string>``. Needs the ``parquet`` extra (pyarrow).

Rows are plain dicts of native values (lists as lists, ``None`` when missing); each format
converts them here and nowhere else.

Example:
    >>> import io
    >>> out = io.StringIO(newline="")
    >>> write_rows([{"tag": "ceasefire", "holders": ["kyiv", "us"]}], ("tag", "holders"), "csv", out)
    1
    >>> out.getvalue()
    'tag,holders\\r\\nceasefire,kyiv;us\\r\\n'
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from os import PathLike
from typing import Any, TextIO

from ..errors import DependencyError, UsageError
from ..types import TableFormat

Row = Mapping[str, Any]


class CSV_DIALECT(csv.Dialect):  # noqa: N801  (a csv dialect is a class; named as the constant it is)
    """RFC 4180: comma, double quote doubled inside quotes, CRLF, minimal quoting."""

    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL


#: Joins list values in a CSV cell.
LIST_SEPARATOR = ";"
#: First characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(value: str) -> str:
    """A text cell a spreadsheet will not run: a leading ``'`` before a formula-like start.

    Example:
        >>> print(excel_safe("=SUM(A1:A9)"), excel_safe("-5 troops"), excel_safe("No."))
        '=SUM(A1:A9) '-5 troops No.
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_cell(value: Any, *, safe: bool = False) -> Any:
    """One value as a CSV field: lists joined with ``;``, objects as JSON text, None empty, ``true``/``false``.

    Example:
        >>> csv_cell(["a", "b"]), csv_cell(None), csv_cell(True), csv_cell(3), csv_cell({})
        ('a;b', '', 'true', 3, '{}')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    elif isinstance(value, Mapping):
        value = json_text(value)
    if safe and isinstance(value, str):
        return excel_safe(value)
    return value


def json_text(value: Mapping[str, Any]) -> str:
    """An object (a statement's ``meta``) as one JSON text: what a CSV cell or a Parquet string holds.

    Example:
        >>> json_text({"coder": "ab", "outlet_id": 7, "checked": True})
        '{"coder": "ab", "outlet_id": 7, "checked": true}'
    """
    return json.dumps(dict(value), ensure_ascii=False)


def json_value(value: Any) -> Any:
    """A value as JSON keeps it: tuples become arrays, dates ISO text (the rest unchanged)."""
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _json_line(row: Row, columns: tuple[str, ...] | None) -> str:
    keys = columns if columns is not None else tuple(row)
    return json.dumps({k: json_value(row[k]) for k in keys}, ensure_ascii=False)


def write_csv(
    rows: Iterable[Row], columns: tuple[str, ...], fh: TextIO, *, excel_safe: bool = False
) -> int:
    """Write a header and rows as RFC 4180 CSV (:data:`CSV_DIALECT`); returns the row count.

    Open a file for it with ``newline=""`` so the CRLF line ends are written as they are.
    """
    writer = csv.writer(fh, dialect=CSV_DIALECT)
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([csv_cell(row[k], safe=excel_safe) for k in columns])
        n += 1
    return n


def iter_json(rows: Iterable[Row], columns: tuple[str, ...] | None = None) -> Iterator[str]:
    """Chunks of one JSON array, one object per line, streamed (``[]`` when there are none).

    Example:
        >>> "".join(iter_json([{"a": 1}, {"a": None}]))
        '[\\n{"a": 1},\\n{"a": null}\\n]\\n'
    """
    yield "["
    first = True
    for row in rows:
        yield ("\n" if first else ",\n") + _json_line(row, columns)
        first = False
    yield "]\n" if first else "\n]\n"


def write_json(rows: Iterable[Row], fh: TextIO, columns: tuple[str, ...] | None = None) -> int:
    """Write rows as one JSON array (see :func:`iter_json`); returns the row count."""
    n = 0

    def counted() -> Iterator[Row]:
        nonlocal n
        for row in rows:
            n += 1
            yield row

    for chunk in iter_json(counted(), columns):
        fh.write(chunk)
    return n


def write_jsonl(rows: Iterable[Row], fh: TextIO, columns: tuple[str, ...] | None = None) -> int:
    """Write rows as JSON Lines, one object per line; returns the row count.

    Example:
        >>> import io
        >>> out = io.StringIO()
        >>> write_jsonl([{"a": [1]}, {"a": []}], out), out.getvalue()
        (2, '{"a": [1]}\\n{"a": []}\\n')
    """
    n = 0
    for row in rows:
        fh.write(_json_line(row, columns) + "\n")
        n += 1
    return n


def write_rows(
    rows: Iterable[Row],
    columns: tuple[str, ...],
    fmt: TableFormat | str,
    fh: TextIO,
    *,
    excel_safe: bool = False,
    whole_rows: bool = False,
) -> int:
    """Write rows with these columns in a text format (csv, json or jsonl); returns the row count.

    With ``whole_rows`` JSON and JSONL keep every key of each row (records with optional
    keys, such as statements); CSV always writes exactly ``columns``.

    Raises:
        UsageError: If the format is not a text table format, or ``excel_safe`` is asked
            for a format other than CSV.
    """
    fmt = table_format(fmt)
    if excel_safe and fmt is not TableFormat.CSV:
        raise UsageError("--excel-safe applies to CSV only", hint="drop it, or use --format csv")
    if fmt is TableFormat.CSV:
        return write_csv(rows, columns, fh, excel_safe=excel_safe)
    keys = None if whole_rows else columns
    if fmt is TableFormat.JSON:
        return write_json(rows, fh, keys)
    if fmt is TableFormat.JSONL:
        return write_jsonl(rows, fh, keys)
    raise UsageError(f"format {fmt.value!r} is not written as rows", hint="use csv, json or jsonl")


def table_format(fmt: TableFormat | str) -> TableFormat:
    """The format named by ``fmt``.

    Raises:
        UsageError: If it is not one of table, json, jsonl, csv, parquet.
    """
    try:
        return TableFormat(fmt)
    except ValueError:
        names = ", ".join(f.value for f in TableFormat)
        raise UsageError(f"unknown format {fmt!r}", hint=f"use one of {names}") from None


def require_pyarrow() -> Any:
    """Import pyarrow, or say how to install it.

    Raises:
        DependencyError: If pyarrow is not installed (it comes with the ``parquet`` extra).
    """
    try:
        import pyarrow
    except ImportError:
        raise DependencyError(
            "Parquet needs pyarrow, which is not installed",
            hint="pip install 'rhetoric[parquet]', or use --format csv or jsonl",
        ) from None
    return pyarrow


def arrow_schema(types: Mapping[str, str]) -> Any:
    """The Arrow schema of columns → dictionary types (see ``spec.ARROW_TYPES``)."""
    pa = require_pyarrow()
    made = {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.string(),
        "day": pa.date32(),
        "datetime": pa.timestamp("us", tz="UTC"),
        "list": pa.list_(pa.string()),
        "object": pa.string(),
    }
    return pa.schema([(name, made[kind]) for name, kind in types.items()])


def arrow_value(value: Any, kind: str) -> Any:
    """A row value as Arrow takes it for a column of this dictionary type.

    Example:
        >>> arrow_value("2024-06-01", "day"), arrow_value("", "day"), arrow_value(("a",), "list")
        (datetime.date(2024, 6, 1), None, ['a'])
    """
    if value is None or (value == "" and kind in ("day", "datetime")):
        return None
    if kind == "day" and isinstance(value, str):
        return date.fromisoformat(value)
    if kind == "datetime" and isinstance(value, str):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    if kind == "list":
        return list(value) if isinstance(value, list | tuple) else [v for v in str(value).split(";") if v]
    if kind == "object" and isinstance(value, Mapping):
        return json_text(value)
    return value


#: Rows per Parquet row group: the rows held in memory at once while writing. A table of
#: up to this many rows is one row group, byte for byte what ``pyarrow.parquet.write_table``
#: writes; a longer one is read back the same (same schema and values), in several groups.
PARQUET_ROW_GROUP = 32_768


def write_parquet(
    rows: Iterable[Row], types: Mapping[str, str], path: str | PathLike, *, row_group: int = PARQUET_ROW_GROUP
) -> int:
    """Write rows as Parquet with these columns → dictionary types; returns the row count.

    Rows are consumed as they come, ``row_group`` at a time (one row group each), so a
    table of any length is written in bounded memory.

    Raises:
        DependencyError: If pyarrow is not installed.

    Example:
        >>> import tempfile, pyarrow.parquet as pq
        >>> path = tempfile.mkdtemp() + "/t.parquet"
        >>> write_parquet(({"n": i} for i in range(5)), {"n": "integer"}, path, row_group=2)
        5
        >>> pq.read_table(path).column("n").to_pylist(), pq.ParquetFile(path).num_row_groups
        ([0, 1, 2, 3, 4], 3)
    """
    schema = arrow_schema(types)
    import pyarrow as pa
    import pyarrow.parquet as pq

    def table(batch: list[Row]) -> Any:
        return pa.Table.from_pylist(
            [{k: arrow_value(row[k], kind) for k, kind in types.items()} for row in batch], schema=schema
        )

    n = 0
    batch: list[Row] = []
    with pq.ParquetWriter(path, schema) as writer:
        for row in rows:
            batch.append(row)
            if len(batch) >= row_group:
                writer.write_table(table(batch))
                n += len(batch)
                batch = []
        if batch or n == 0:  # an empty table is written as one (empty) table, as before
            writer.write_table(table(batch))
            n += len(batch)
    return n
