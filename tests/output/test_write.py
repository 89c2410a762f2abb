"""The one writer: CSV cells, the RFC 4180 dialect, JSON array vs JSONL, Parquet values, errors."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from rhetoric.errors import UsageError
from rhetoric.output.write import arrow_value, csv_cell, iter_json, table_format, write_jsonl, write_rows

ROWS = [
    {"id": "a", "tags": ["x", "y"], "n": 1, "ok": True, "note": None},
    {"id": "b", "tags": [], "n": 2, "ok": False, "note": 'He said "no",\nthen left'},
]
COLUMNS = ("id", "tags", "n", "ok", "note")


@pytest.mark.parametrize(
    ("value", "cell"),
    [(["a", "b"], "a;b"), (("a",), "a"), ([], ""), (None, ""), (True, "true"), (False, "false"), (0, 0), ("x", "x")],
)
def test_csv_cell(value, cell) -> None:
    assert csv_cell(value) == cell


@pytest.mark.parametrize(("value", "cell"), [("=1+1", "'=1+1"), ("-5", "'-5"), ("ok", "ok"), (["=a"], "'=a")])
def test_csv_cell_excel_safe(value, cell) -> None:
    assert csv_cell(value, safe=True) == cell


def test_csv_is_rfc4180_with_crlf_and_round_trips() -> None:
    out = io.StringIO(newline="")
    assert write_rows(ROWS, COLUMNS, "csv", out) == 2
    data = out.getvalue()
    assert data.startswith("id,tags,n,ok,note\r\na,x;y,1,true,\r\n")
    assert '"He said ""no"",\nthen left"\r\n' in data  # quoted only when needed, quotes doubled
    back = list(csv.DictReader(io.StringIO(data, newline="")))
    assert back[1]["note"] == 'He said "no",\nthen left'


def test_json_is_an_array_and_jsonl_the_same_objects() -> None:
    as_json, as_jsonl = io.StringIO(), io.StringIO()
    assert write_rows(ROWS, COLUMNS, "json", as_json) == 2
    assert write_rows(ROWS, COLUMNS, "jsonl", as_jsonl) == 2
    assert json.loads(as_json.getvalue()) == ROWS == [json.loads(x) for x in as_jsonl.getvalue().splitlines()]
    assert as_json.getvalue().count("\n") == 4  # "[", one object a line, "]"


def test_json_keeps_only_the_columns_unless_whole_rows() -> None:
    out = io.StringIO()
    write_jsonl([{"a": 1, "b": 2}], out, ("a",))
    assert out.getvalue() == '{"a": 1}\n'
    out = io.StringIO()
    write_rows([{"a": 1, "b": 2}], ("a",), "jsonl", out, whole_rows=True)
    assert out.getvalue() == '{"a": 1, "b": 2}\n'


def test_empty_json_array() -> None:
    assert "".join(iter_json([])) == "[]\n"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"fmt": "jsonl", "excel_safe": True}, "--excel-safe applies to CSV only"),
        ({"fmt": "table"}, "format 'table' is not written as rows"),
        ({"fmt": "xml"}, "unknown format 'xml'"),
    ],
)
def test_write_rows_errors(kwargs, message) -> None:
    with pytest.raises(UsageError, match=message):
        write_rows(ROWS, COLUMNS, fh=io.StringIO(), **kwargs)


def test_table_format() -> None:
    assert table_format("jsonl").value == "jsonl"


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("2024-06-01", "day", dt.date(2024, 6, 1)),
        ("", "day", None),
        ("2026-11-28T00:00:00Z", "datetime", dt.datetime(2026, 11, 28, tzinfo=dt.UTC)),
        (["a"], "list", ["a"]),
        ("a;b", "list", ["a", "b"]),
        ("2024-06", "date", "2024-06"),
        (3, "integer", 3),
    ],
)
def test_arrow_value(value, kind, expected) -> None:
    assert arrow_value(value, kind) == expected
