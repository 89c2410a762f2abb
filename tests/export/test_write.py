"""Export files: golden CSVs of the seed corpus, RFC 4180 details, JSONL and Parquet round trips.

Regenerate the golden CSVs after an intended change with
``RHETORIC_UPDATE_GOLDEN=1 python -m pytest tests/export`` and review the diff.
"""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from rhetoric.errors import UsageError
from rhetoric.export.dictionary import TABLE_NAMES, columns
from rhetoric.export.tables import table_rows
from rhetoric.export.write import export_tables, resolve_tables, write_tables
from rhetoric.output.spec import ARROW_TYPES, column_types
from rhetoric.output.write import arrow_value, csv_cell
from tests.conftest import SEED_CORPUS
from tests.golden import assert_golden

from .conftest import GOLDEN_DIR


@pytest.fixture(scope="module")
def seed_csv(seed_analysis, tmp_path_factory):
    """The seed corpus exported as CSV once for the module."""
    out = tmp_path_factory.mktemp("csv")
    write_tables(seed_analysis, tables=["all"], out_dir=out, fmt="csv")
    return out


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_csv_matches_golden(seed_csv, table: str) -> None:
    assert_golden((seed_csv / f"{table}.csv").read_bytes(), GOLDEN_DIR / f"{table}.csv")


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_csv_is_rfc4180_with_dictionary_header(seed_csv, table: str) -> None:
    data = (seed_csv / f"{table}.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    header = data.split(b"\r\n", 1)[0].decode()
    assert tuple(header.split(",")) == columns(table)


def test_awkward_text_round_trips_through_csv(awkward_corpus, tmp_path) -> None:
    result = export_tables(awkward_corpus.path, tables=["statements"], out_dir=tmp_path / "out")
    raw = result.paths[0].read_bytes()
    assert b'"He said ""<script>' in raw  # quotes doubled inside a quoted field
    with open(result.paths[0], encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    texts = sorted(r["text"] for r in rows)
    assert any("\n" in t and '"<script>' in t for t in texts)
    assert any(t.startswith("Зеленський") for t in texts)


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_jsonl_rows_equal_table_rows(seed_analysis, tmp_path, table: str) -> None:
    write_tables(seed_analysis, tables=[table], out_dir=tmp_path, fmt="jsonl")
    lines = (tmp_path / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == table_rows(seed_analysis, table)


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_parquet_keeps_dictionary_types(seed_analysis, tmp_path, table: str) -> None:
    write_tables(seed_analysis, tables=[table], out_dir=tmp_path, fmt="parquet")
    data = pq.read_table(tmp_path / f"{table}.parquet")
    assert tuple(data.column_names) == columns(table)
    kinds = column_types(table)
    for field in data.schema:
        assert str(field.type) == ARROW_TYPES[kinds[field.name]], field.name
    expected = [{k: arrow_value(v, kinds[k]) for k, v in row.items()} for row in table_rows(seed_analysis, table)]
    assert data.to_pylist() == expected


@pytest.mark.parametrize(
    ("table", "column", "arrow_type"),
    [
        ("statements", "date_start", "date32[day]"),
        ("statements", "added_at", "timestamp[us, tz=UTC]"),
        ("statements", "date", "string"),
        ("statements", "codebook_version", "string"),
        ("frames", "conditions", "list<element: string>"),
        ("stances", "holders", "list<element: string>"),
        ("stances", "speaker_holds", "bool"),
    ],
)
def test_parquet_has_real_date_and_list_types(seed_analysis, tmp_path, table, column, arrow_type) -> None:
    write_tables(seed_analysis, tables=[table], out_dir=tmp_path, fmt="parquet")
    assert str(pq.read_schema(tmp_path / f"{table}.parquet").field(column).type) == arrow_type


def test_load_frames_equal_the_csv_export(seed_csv) -> None:
    import pandas as pd

    import rhetoric

    data = rhetoric.load(SEED_CORPUS)
    for table in TABLE_NAMES:
        exported = pd.read_csv(seed_csv / f"{table}.csv", dtype=str, keep_default_na=False)
        frame = data.table(table)
        kinds = column_types(table)
        as_text = frame.copy()
        for name in frame.columns:
            if kinds[name] == "day":
                as_text[name] = frame[name].dt.strftime("%Y-%m-%d")
            elif kinds[name] == "datetime":
                as_text[name] = frame[name].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
            else:
                as_text[name] = frame[name].map(lambda v: str(csv_cell(v)))
        pd.testing.assert_frame_equal(as_text, exported, check_dtype=False)


def test_load_has_datetime_and_list_columns() -> None:
    import rhetoric

    data = rhetoric.load(SEED_CORPUS)
    statements, frames = data.statements(), data.frames()
    assert str(statements["date_start"].dtype).startswith("datetime64")
    assert str(statements["added_at"].dtype).startswith("datetime64") and "UTC" in str(statements["added_at"].dtype)
    assert all(isinstance(v, list) for v in frames["conditions"])
    assert all(isinstance(v, str) for v in statements["codebook_version"])


def test_empty_corpus_writes_headers_only(tmp_path) -> None:
    from .conftest import make_corpus

    corpus = make_corpus(tmp_path / "empty", statements=())
    result = export_tables(corpus.path, tables=["all"], out_dir=tmp_path / "out")
    assert result.rows == dict.fromkeys(TABLE_NAMES, 0)
    for table, path in zip(TABLE_NAMES, result.paths, strict=True):
        assert path.read_bytes() == (",".join(columns(table)) + "\r\n").encode()


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["all"], TABLE_NAMES),
        (["shifts", "frames", "shifts"], ("frames", "shifts")),
        (["frames", "all"], TABLE_NAMES),
    ],
)
def test_resolve_tables(names, expected) -> None:
    assert resolve_tables(names) == expected


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"tables": ["frame"]}, "unknown table 'frame'"),
        ({"fmt": "xlsx"}, "unknown export format 'xlsx'"),
    ],
)
def test_bad_arguments_fail_before_writing(tmp_path, kwargs, message) -> None:
    with pytest.raises(UsageError, match=message):
        export_tables(SEED_CORPUS, out_dir=tmp_path / "out", **kwargs)
    assert not (tmp_path / "out").exists()
