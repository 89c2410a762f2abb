"""Output contracts: one column spec per table, one CSV dialect, JSON array vs JSONL, goldens.

Regenerate the goldens after an intended change with
``RHETORIC_UPDATE_GOLDEN=1 python -m pytest tests/output`` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from rhetoric.output.spec import TABLE_NAMES, columns, own_columns
from tests.conftest import SEED_CORPUS
from tests.golden import assert_golden

GOLDEN = Path(__file__).parent / "golden"
SEED = ("--corpus", str(SEED_CORPUS))
EARLIER, RECENT = "s-134636953483", "s-6c5b18b5efe8"

#: Every command that prints a table, as it is run on the seed corpus.
TABLE_COMMANDS = {
    "frames": ("frames", "--all", *SEED),
    "stances": ("stances", "--all", *SEED),
    "tag": ("tag", "--all", *SEED),
    "kwic": ("kwic", "withdraw*", *SEED),
    "codebook": ("codebook", "show", *SEED),
    "list": ("list", *SEED),
    "compare": ("compare", EARLIER, RECENT, *SEED),
    "timeline": ("timeline", "--speaker", "zelensky", *SEED),
    "extract": ("extract", str(SEED_CORPUS.parents[1] / "seeds" / "000_194b2d9dfd68f7ca.txt"), *SEED),
}


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    from rhetoric.export.write import export_tables

    out = tmp_path_factory.mktemp("export")
    export_tables(SEED_CORPUS, tables=["all"], out_dir=out)
    return out


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_export_columns_are_the_commands_columns_then_provenance(table: str) -> None:
    assert columns(table)[: len(own_columns(table))] == own_columns(table)
    assert columns(table)[len(own_columns(table)) :] == (
        "codebook",
        "codebook_version",
        "codebook_sha256",
        "rhetoric_version",
    )


@pytest.mark.parametrize("table", ["frames", "stances"])
def test_command_csv_equals_the_export_table(cli, exported: Path, table: str) -> None:
    result = cli(*TABLE_COMMANDS[table], "--format", "csv")
    assert result.exit_code == 0, result.stderr
    header = result.stdout_bytes.decode().split("\r\n", 1)[0]
    assert tuple(header.split(",")) == own_columns(table)
    with open(exported / f"{table}.csv", encoding="utf-8", newline="") as fh:
        export_rows = [{k: r[k] for k in own_columns(table)} for r in csv.DictReader(fh)]
    assert _csv_rows(result.stdout_bytes.decode()) == export_rows
    assert export_rows  # the seed corpus has frames and stances


@pytest.mark.parametrize("table", ["frames", "stances"])
def test_command_jsonl_equals_the_export_jsonl(cli, tmp_path: Path, table: str) -> None:
    from rhetoric.export.write import export_tables

    export_tables(SEED_CORPUS, tables=[table], out_dir=tmp_path, fmt="jsonl")
    lines = (tmp_path / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
    expected = [{k: json.loads(line)[k] for k in own_columns(table)} for line in lines]
    result = cli(*TABLE_COMMANDS[table], "--format", "jsonl")
    assert [json.loads(line) for line in result.stdout.splitlines()] == expected


def test_tag_columns_are_mentions_columns_with_the_same_meaning() -> None:
    from rhetoric.output.spec import COMMAND_TABLES, TABLES

    mentions = {c.name: c for c in TABLES["mentions"]}
    assert [c for c in COMMAND_TABLES["tag"][1:] if mentions.get(c.name) != c] == []
    assert "polarity" in mentions


def test_tag_all_csv_is_the_mentions_export(cli, exported: Path) -> None:
    result = cli(*TABLE_COMMANDS["tag"], "--format", "csv")
    assert result.exit_code == 0, result.stderr
    shared = [c for c in own_columns("tag") if c in own_columns("mentions")]
    with open(exported / "mentions.csv", encoding="utf-8", newline="") as fh:
        export_rows = [{k: r[k] for k in shared} for r in csv.DictReader(fh)]
    tagged = [{k: r[k] for k in shared} for r in _csv_rows(result.stdout_bytes.decode())]
    assert tagged == export_rows
    assert {r["polarity"] for r in tagged} <= {"affirmed", "negated"} and tagged


@pytest.mark.parametrize("name", TABLE_COMMANDS)
def test_every_csv_is_rfc4180_crlf(cli, name: str) -> None:
    result = cli(*TABLE_COMMANDS[name], "--format", "csv")
    assert result.exit_code == 0, result.stderr
    data = result.stdout_bytes
    assert data.endswith(b"\r\n") and not data.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in data.replace(b"\r\n", b""), "a bare LF outside a CRLF"
    assert len(_csv_rows(result.stdout)) >= 1


@pytest.mark.parametrize("name", [n for n in TABLE_COMMANDS if n not in ("compare", "timeline")])
def test_json_is_one_array_and_jsonl_the_same_objects_a_line(cli, name: str) -> None:
    as_json = cli(*TABLE_COMMANDS[name], "--format", "json")
    as_jsonl = cli(*TABLE_COMMANDS[name], "--format", "jsonl")
    assert as_json.exit_code == as_jsonl.exit_code == 0
    array = json.loads(as_json.stdout)
    assert isinstance(array, list) and array
    assert [json.loads(line) for line in as_jsonl.stdout.splitlines()] == array


@pytest.mark.parametrize("name", ["compare", "timeline"])
def test_compare_and_timeline_rows_are_the_shifts_table(cli, name: str) -> None:
    as_csv = cli(*TABLE_COMMANDS[name], "--format", "csv")
    as_jsonl = cli(*TABLE_COMMANDS[name], "--format", "jsonl")
    assert tuple(as_csv.stdout_bytes.decode().split("\r\n", 1)[0].split(",")) == own_columns("shifts")
    objects = [json.loads(line) for line in as_jsonl.stdout.splitlines()]
    assert [tuple(o) for o in objects] == [own_columns("shifts")] * len(objects)
    assert [{k: str(v) for k, v in o.items()} for o in objects] == _csv_rows(as_csv.stdout_bytes.decode())
    assert isinstance(json.loads(cli(*TABLE_COMMANDS[name], "--format", "json").stdout), dict)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("compare", "csv"), ("compare", "jsonl"), ("timeline", "csv"), ("timeline", "jsonl"), ("frames", "jsonl")],
)
def test_new_formats_match_golden(cli, name: str, fmt: str) -> None:
    result = cli(*TABLE_COMMANDS[name], "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert_golden(result.stdout_bytes, GOLDEN / f"{name}.{fmt}")


def test_empty_output_is_a_header_an_empty_array_or_nothing(cli) -> None:
    text = "Nothing to see here."
    assert cli("frames", text, *SEED, "--format", "csv").stdout_bytes.decode() == ",".join(own_columns("frames")) + "\r\n"
    assert cli("frames", text, *SEED, "--format", "json").stdout == "[]\n"
    assert cli("frames", text, *SEED, "--format", "jsonl").stdout == ""


def test_parquet_without_pyarrow_is_one_error_line(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    result = cli("export", "frames", "--out", str(tmp_path / "out"), "--format", "parquet", *SEED)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: Parquet needs pyarrow, which is not installed "
        "(pip install 'rhetoric[parquet]', or use --format csv or jsonl)\n"
    )
    assert not (tmp_path / "out").exists()


def test_unknown_format_names_the_choices(cli) -> None:
    result = cli("frames", "x", "--format", "xml", *SEED)
    assert result.exit_code == 2
    assert "'xml' is not one of 'table', 'json', 'jsonl', 'csv'" in result.stderr
