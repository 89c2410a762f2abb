"""Reading statement rows from CSV and JSONL input files, with line numbers for every row.

Decoding is strict: a UTF-8 BOM and CRLF line ends are accepted, bytes that are not valid
in the given encoding and NUL characters are not. Row-level problems (malformed JSON, a
CSV row with too many cells) come back with the row so that the caller can report every
bad row; file-level problems (encoding, missing CSV columns) raise.

Example:
    >>> rows = list(parse_rows('speaker,date,text\\r\\nPutin,2024,"No, never."\\r\\n', fmt="csv"))
    >>> rows[0].line, rows[0].data["text"]
    (2, 'No, never.')
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputFormatError, ValidationError
from ..records import REQUIRED_FIELDS, STATEMENT_FIELDS

FORMATS = ("csv", "jsonl")
_EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl"}
# A rejected row is kept for the rejects file; a hostile line (megabytes of brackets) is cut.
_RAW_KEEP = 10_000
_ENCODING_HINT = "pass --encoding with the file's encoding, e.g. --encoding cp1252 or --encoding latin-1"


@dataclass(frozen=True)
class Row:
    """One input record: its 1-based line number, the parsed mapping (or None) and any parse error."""

    line: int
    data: dict[str, Any] | None
    raw: str
    error: ValidationError | None = None


def detect_format(path: str | Path, fmt: str | None = None) -> str:
    """``csv`` or ``jsonl``, from ``fmt`` if given, else from the file extension.

    Raises:
        InputFormatError: If the format is unknown or cannot be told from the extension.

    Example:
        >>> detect_format("quotes.CSV")
        'csv'
    """
    if fmt:
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise InputFormatError(f"unknown format {fmt!r}", hint="use --format csv or --format jsonl")
        return fmt
    found = _EXTENSIONS.get(Path(path).suffix.lower())
    if found is None:
        raise InputFormatError(
            "cannot tell the format from the file extension",
            path=str(path),
            hint="name it .csv or .jsonl, or pass --format csv or --format jsonl",
        )
    return found


def decode(data: bytes, *, path: str, encoding: str = "utf-8") -> str:
    """Decode file content strictly; drop a BOM; refuse NUL characters.

    Raises:
        InputFormatError: Naming the line of the first undecodable byte or NUL, and suggesting ``--encoding``.

    Example:
        >>> decode(b"\\xef\\xbb\\xbfspeaker", path="f.csv")
        'speaker'
    """
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputFormatError(f"unknown encoding {encoding!r}", hint="e.g. utf-8, cp1252, latin-1") from None
    if codec == "utf-8":
        codec = "utf-8-sig"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputFormatError(
            f"is not valid {encoding} text (byte 0x{data[exc.start]:02x} at line {line})",
            path=path,
            hint=_ENCODING_HINT,
        ) from None
    text = text.removeprefix("\ufeff")
    nul = text.find("\x00")
    if nul != -1:
        raise InputFormatError(
            f"contains a NUL character at line {text.count(chr(10), 0, nul) + 1}",
            path=path,
            hint="this looks like a binary or UTF-16 file; for UTF-16 pass --encoding utf-16",
        )
    return text


def _jsonl_rows(text: str, path: str) -> Iterator[Row]:
    # Split on "\n" only: JSON strings may hold U+2028 and other characters str.splitlines breaks on.
    for lineno, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            err = ValidationError(f"malformed JSON: {exc.msg} at column {exc.colno}", path=path, line=lineno)
            yield Row(lineno, None, line[:_RAW_KEEP], err)
            continue
        except RecursionError:
            err = ValidationError(
                "JSON nested too deeply to read (a statement is one flat object)", path=path, line=lineno
            )
            yield Row(lineno, None, line[:_RAW_KEEP], err)
            continue
        if not isinstance(data, dict):
            err = ValidationError(
                f"expected a JSON object, got {type(data).__name__}", path=path, line=lineno
            )
            yield Row(lineno, None, line, err)
            continue
        yield Row(lineno, data, line)


def _csv_rows(text: str, path: str) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            return
        columns = [c.strip() for c in header]
        unknown = [c for c in columns if c not in STATEMENT_FIELDS]
        if unknown:
            raise ValidationError(
                f"unknown column(s): {', '.join(map(repr, unknown))}",
                path=path,
                line=1,
                hint=f"allowed columns: {', '.join(STATEMENT_FIELDS)}",
            )
        repeated = sorted({c for c in columns if columns.count(c) > 1})
        if repeated:
            raise ValidationError(
                f"repeated column(s): {', '.join(map(repr, repeated))}",
                path=path,
                line=1,
                hint="each column may appear once in the header row; rename or drop the extra one",
            )
        missing = [c for c in REQUIRED_FIELDS if c not in columns]
        if missing:
            raise ValidationError(
                f"missing required column(s): {', '.join(missing)}",
                path=path,
                line=1,
                hint=f"the header row needs {', '.join(REQUIRED_FIELDS)}",
            )
        while True:
            start = reader.line_num + 1
            cells = next(reader, None)
            if cells is None:
                return
            raw = ",".join(cells)
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(columns):
                err = ValidationError(
                    f"row has {len(cells)} cells, the header has {len(columns)}",
                    path=path,
                    line=start,
                    hint="quote cells that contain commas",
                )
                yield Row(start, None, raw, err)
                continue
            yield Row(start, dict(zip(columns, cells, strict=True)), raw)
    except csv.Error as exc:
        raise InputFormatError(f"cannot parse CSV: {exc}", path=path, line=reader.line_num) from None


def parse_rows(text: str, *, fmt: str, path: str = "<input>") -> Iterator[Row]:
    """Rows of decoded CSV (header row first) or JSONL text, with 1-based line numbers.

    Raises:
        ValidationError: If the CSV header has unknown or lacks required columns.
        InputFormatError: If the CSV cannot be parsed at all (e.g. an unclosed quote).
    """
    if fmt == "csv":
        return _csv_rows(text, path)
    return _jsonl_rows(text, path)


def read_rows(path: str | Path, *, fmt: str | None = None, encoding: str = "utf-8") -> list[Row]:
    """Read and parse every row of a CSV or JSONL file.

    Raises:
        InputFormatError: If the file is missing, undecodable, binary or of unknown format.
        ValidationError: If the CSV header is wrong.
    """
    p = Path(path)
    kind = detect_format(p, fmt)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputFormatError("file not found", path=str(p)) from None
    except OSError as exc:
        raise InputFormatError(f"cannot read file: {exc.strerror}", path=str(p)) from None
    return list(parse_rows(decode(data, path=str(p), encoding=encoding), fmt=kind, path=str(p)))
