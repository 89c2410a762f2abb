"""Reading statement rows from CSV, JSONL and annotation-tool files, with line numbers for every row.

Decoding is strict: a UTF-8 BOM and CRLF line ends are accepted, bytes that are not valid
in the given encoding and NUL characters are not. Row-level problems (malformed JSON, a
CSV row with too many cells) come back with the row so that the caller can report every
bad row; file-level problems (encoding, missing CSV columns, a bad ``--map``) raise.
CSV files may be separated by commas, semicolons, tabs or bars (sniffed from the header row,
or given); columns that are not statement fields go into the statement's ``meta``
(:mod:`.fieldmap`); Prodigy, doccano and Label Studio exports are read through
:mod:`.annotations`.

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
from ..records import REQUIRED_FIELDS
from .annotations import FIELD_HOMES, FLATTEN, TOOL_NAMES, TOOLS, sniff_tool
from .fieldmap import check_mapping, missing_required, to_record

FORMATS = ("csv", "jsonl", "json", *TOOLS)
_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".json": "json",
}
#: Separators a CSV header is sniffed for, in order of preference on a tie.
DELIMITERS = (",", ";", "\t", "|")
_SEPARATOR_WORDS = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars"}
_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
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
    """``csv``, ``jsonl``, ``json`` or a tool's name, from ``fmt`` if given, else from the file extension.

    Raises:
        InputFormatError: If the format is unknown or cannot be told from the extension.

    Example:
        >>> detect_format("quotes.CSV")
        'csv'
    """
    if fmt:
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise InputFormatError(f"unknown format {fmt!r}", hint=f"use --format {' | '.join(FORMATS)}")
        return fmt
    found = _EXTENSIONS.get(Path(path).suffix.lower())
    if found is None:
        raise InputFormatError(
            "cannot tell the format from the file extension",
            path=str(path),
            hint=f"name it .csv, .tsv, .jsonl or .json, or pass --format {'|'.join(FORMATS)}",
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


def parse_delimiter(value: str | None) -> str | None:
    """The one-character separator named by ``--delimiter`` (``tab`` and ``\\t`` name a tab).

    Raises:
        InputFormatError: If the value is not one character or a known name.

    Example:
        >>> parse_delimiter("tab"), parse_delimiter(";"), parse_delimiter(None)
        ('\\t', ';', None)
    """
    if value is None:
        return None
    found = _DELIMITER_NAMES.get(value.lower(), value)
    if len(found) != 1 or found in '"\r\n' or found.isalnum():
        raise InputFormatError(
            f"--delimiter {value!r} is not one separator character",
            hint="use e.g. --delimiter ';' or --delimiter tab",
        )
    return found


def sniff_delimiter(text: str) -> str:
    """The separator of a CSV text: the one of ``, ; TAB |`` that splits its header row into most columns.

    Example:
        >>> sniff_delimiter("speaker;date;text\\nPutin;2024;No, never.\\n")
        ';'
    """
    header = text.split("\n", 1)[0]
    counts = {d: len(next(csv.reader([header], delimiter=d), [])) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))


def _csv_header(columns: list[str], path: str) -> None:
    if any(not c for c in columns):
        raise ValidationError(
            f"column {columns.index('') + 1} of the header row has no name",
            path=path,
            line=1,
            hint="name every column (or delete the empty one)",
        )
    repeated = sorted({c for c in columns if columns.count(c) > 1})
    if repeated:
        raise ValidationError(
            f"repeated column(s): {', '.join(map(repr, repeated))}",
            path=path,
            line=1,
            hint="each column may appear once in the header row; rename or drop the extra one",
        )


def _csv_rows(text: str, path: str, delimiter: str, mapping: dict[str, str]) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            return
        columns = [c.strip() for c in header]
        _csv_header(columns, path)
        check_mapping(mapping, columns, path=path)
        missing = missing_required(columns, mapping)
        if missing:
            raise ValidationError(
                f"missing required column(s): {', '.join(missing)}",
                path=path,
                line=1,
                hint=f"the header row needs {', '.join(REQUIRED_FIELDS)}, or map a column onto each "
                f"with --map COLUMN=FIELD (columns: {', '.join(columns)})",
            )
        while True:
            start = reader.line_num + 1
            cells = next(reader, None)
            if cells is None:
                return
            raw = delimiter.join(cells)
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(columns):
                err = ValidationError(
                    f"row has {len(cells)} cells, the header has {len(columns)}",
                    path=path,
                    line=start,
                    hint=f"quote cells that contain {_SEPARATOR_WORDS.get(delimiter, repr(delimiter))}",
                )
                yield Row(start, None, raw, err)
                continue
            data = dict(zip(columns, cells, strict=True))
            try:
                _typed_cells(data, mapping)
            except ValidationError as exc:
                yield Row(start, None, raw, _located(exc, path, start))
                continue
            yield _mapped(start, data, raw, mapping, path, drop_empty=True)
    except csv.Error as exc:
        raise InputFormatError(f"cannot parse CSV: {exc}", path=path, line=reader.line_num) from None


def _typed_cells(data: dict[str, Any], mapping: dict[str, str]) -> None:
    """Read the CSV cells of the two typed fields in place: ``position`` as an integer, ``meta`` as JSON.

    A CSV cell is text; ``rhetoric list --format csv`` writes ``position`` as digits and ``meta`` as
    JSON text, so that a listing imports back. An empty cell leaves the field unset.

    Raises:
        ValidationError: If a ``meta`` cell is not a JSON object (a ``position`` that is not an
            integer is left as text for the record's own check to name).

    Example:
        >>> row = {"position": " 2 ", "meta": '{"coder": "ab"}', "note": ""}
        >>> _typed_cells(row, {}); row
        {'position': 2, 'meta': {'coder': 'ab'}, 'note': ''}
    """
    for column, value in list(data.items()):
        field = mapping.get(column, column)
        if field not in ("position", "meta") or not isinstance(value, str):
            continue
        cell = value.strip()
        if not cell:
            del data[column]
        elif field == "position":
            if cell.lstrip("+-").isdigit():
                data[column] = int(cell)
        else:
            try:
                value = json.loads(cell)
            except (json.JSONDecodeError, RecursionError):
                value = None
            if not isinstance(value, dict):
                raise ValidationError(
                    f"the {column!r} cell is not a JSON object",
                    field="meta",
                    hint='write meta as JSON text, e.g. {"coder": "ab"}, or leave the cell empty',
                )
            data[column] = value


def _mapped(line: int, data: dict, raw: str, mapping: dict[str, str], path: str, *, drop_empty: bool) -> Row:
    try:
        return Row(line, to_record(data, mapping, drop_empty=drop_empty), raw)
    except ValidationError as exc:
        return Row(line, None, raw, _located(exc, path, line))


def _located(exc: ValidationError, path: str, line: int) -> ValidationError:
    """The same problem, named with the file and line it was found on."""
    return ValidationError(exc.message, path=path, line=line, field=exc.field, hint=exc.hint)


def _json_array_items(
    text: str,
    path: str,
    *,
    what: str = "tasks",
    hint: str = "export the project from Label Studio as JSON",
) -> Iterator[Row]:
    """The items of a JSON array file, each with the line it starts on."""
    decoder = json.JSONDecoder()
    pos = len(text) - len(text.lstrip())
    if not text.startswith("[", pos):
        raise InputFormatError(f"expected a JSON array of {what}", path=path, hint=hint)
    pos += 1
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return
        line = text.count("\n", 0, pos) + 1
        try:
            item, end = decoder.raw_decode(text, pos)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            raise InputFormatError(f"malformed JSON: {msg}", path=path, line=line) from None
        yield Row(line, item, text[pos:end][:_RAW_KEEP])
        pos = end


def _tool_rows(rows: Iterator[Row], tool: str, mapping: dict[str, str], path: str) -> list[Row]:
    """Rows of an annotation tool's export as statement records, checked as a whole file."""
    flat: list[tuple[Row, dict | None, ValidationError | None]] = []
    for row in rows:
        if row.error is not None:
            flat.append((row, None, row.error))
            continue
        try:
            flat.append((row, FLATTEN[tool](row.data), None))
        except ValidationError as exc:
            flat.append(
                (
                    row,
                    None,
                    ValidationError(exc.message, path=path, line=row.line, field=exc.field, hint=exc.hint),
                )
            )
    names = [k for _, data, _ in flat if data for k in data]
    check_mapping(mapping, names, path=path, what="key")
    missing = missing_required(names, mapping)
    if missing and flat:
        keys = sorted(set(names) - set(REQUIRED_FIELDS))
        raise ValidationError(
            f"the {TOOL_NAMES[tool]} records carry no {' and no '.join(missing)}",
            path=path,
            hint=f"rhetoric reads {FIELD_HOMES[tool]}; name the keys that hold them with "
            + " ".join(f"--map KEY={f}" for f in missing)
            + f" (keys found: {', '.join(keys) or 'none'})",
        )
    return [
        Row(row.line, None, row.raw, error)
        if data is None
        else _mapped(row.line, data, row.raw, mapping, path, drop_empty=False)
        for row, data, error in flat
    ]


def _statement_rows(rows: Iterator[Row], mapping: dict[str, str], path: str) -> list[Row]:
    """JSONL statement records: unknown keys of new statements go to meta; stored ones stay as they are."""
    rows = list(rows)
    check_mapping(mapping, [k for r in rows if r.data for k in r.data], path=path, what="key")
    return [
        r
        if r.data is None or (r.data.get("id") and not mapping)
        else _mapped(r.line, r.data, r.raw, mapping, path, drop_empty=False)
        for r in rows
    ]


def parse_rows(
    text: str,
    *,
    fmt: str,
    path: str = "<input>",
    mapping: dict[str, str] | None = None,
    delimiter: str | None = None,
) -> list[Row]:
    """Rows of decoded CSV (header row first), JSONL or annotation-tool text, with 1-based line numbers.

    Args:
        text: The decoded file.
        fmt: One of :data:`FORMATS`; ``jsonl`` records of Prodigy or doccano are recognised.
        path: Named in messages.
        mapping: ``{column: field}`` from ``--map``.
        delimiter: CSV separator (default: sniffed from the header row).

    Raises:
        ValidationError: If the CSV header lacks required columns, or a ``--map`` names no column.
        InputFormatError: If the file cannot be parsed at all (e.g. an unclosed quote).
    """
    mapping = dict(mapping or {})
    if fmt == "csv":
        return list(_csv_rows(text, path, delimiter or sniff_delimiter(text), mapping))
    if fmt == "label-studio":
        return _tool_rows(_json_array_items(text, path), fmt, mapping, path)
    if fmt == "json":
        # One array: of statements (`list`/`extract --format json`) or of Label Studio tasks (a "data" object).
        items = [
            r
            if isinstance(r.data, dict)
            else Row(
                r.line,
                None,
                r.raw,
                ValidationError(
                    f"expected a JSON object, got {type(r.data).__name__}", path=path, line=r.line
                ),
            )
            for r in _json_array_items(
                text,
                path,
                what="statements or Label Studio tasks",
                hint="a .json file holds one array ([{...}, ...]); one object a line is .jsonl",
            )
        ]
        first = next((r.data for r in items if r.data is not None), None)
        if first is not None and isinstance(first.get("data"), dict):
            return _tool_rows(iter(items), "label-studio", mapping, path)
        tool = sniff_tool(first) if first is not None else None
        if tool is not None:
            return _tool_rows(iter(items), tool, mapping, path)
        return _statement_rows(iter(items), mapping, path)
    rows = list(_jsonl_rows(text, path))
    tool = fmt if fmt in TOOLS else None
    if fmt == "jsonl":
        first = next((r.data for r in rows if r.data is not None), None)
        tool = sniff_tool(first) if first is not None else None
    if tool is not None:
        return _tool_rows(iter(rows), tool, mapping, path)
    return _statement_rows(iter(rows), mapping, path)


def read_rows(
    path: str | Path,
    *,
    fmt: str | None = None,
    encoding: str = "utf-8",
    mapping: dict[str, str] | None = None,
    delimiter: str | None = None,
) -> list[Row]:
    """Read and parse every row of a CSV, JSONL or annotation-tool file.

    A ``.tsv`` or ``.tab`` file is tab-separated unless ``delimiter`` says otherwise.

    Raises:
        InputFormatError: If the file is missing, undecodable, binary or of unknown format.
        ValidationError: If the CSV header is wrong or a ``--map`` does not fit the file.
    """
    p = Path(path)
    if p.is_dir():
        raise InputFormatError("is a directory, not a file", path=str(p), hint="pass the file to import")
    kind = detect_format(p, fmt)
    if kind == "csv" and delimiter is None and p.suffix.lower() in (".tsv", ".tab"):
        delimiter = "\t"
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputFormatError("file not found", path=str(p), hint="check the path") from None
    except OSError as exc:
        raise InputFormatError(f"cannot read file: {exc.strerror}", path=str(p)) from None
    text = decode(data, path=str(p), encoding=encoding)
    return parse_rows(text, fmt=kind, path=str(p), mapping=mapping, delimiter=delimiter)
