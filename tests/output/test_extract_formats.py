"""``rhetoric extract`` through the shared output layer: exact outputs and exit codes of every format.

Each format is run as a reader pastes it from the repository root (relative article path, the
default corpus), so the golden files hold no machine path. Each success has a usage-error
twin (the same command with one bad option: exit 2, nothing on stdout) and a bad-article twin
(exit 1, one ``Error:`` line). Regenerate the goldens after an intended change with
``RHETORIC_UPDATE_GOLDEN=1 python -m pytest tests/output/test_extract_formats.py`` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import shlex
from pathlib import Path

import pytest

from rhetoric.output.spec import own_columns
from tests.conftest import REPO_ROOT
from tests.golden import assert_golden

GOLDEN = Path(__file__).parent / "golden"
ARTICLE = "seeds/000_194b2d9dfd68f7ca.txt"  # its sidecar gives the date (2024-12) and the outlet
FORMATS = ("table", "json", "jsonl", "csv")
USAGE = "Usage: rhetoric extract [OPTIONS] ARTICLE\nTry 'rhetoric extract --help' for help.\n\nError: "
NO_ROWS = {
    "table": b"no attributed statements found\n",
    "json": b"[]\n",
    "jsonl": b"",
    "csv": (",".join(own_columns("extract")) + "\r\n").encode(),
}


@pytest.fixture(autouse=True)
def _at_the_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO_ROOT)


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """An empty named corpus with the shipped actors (for --add)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "statements.jsonl").write_bytes(b"")
    (folder / "actors.toml").write_bytes((REPO_ROOT / "corpora/ukraine-nato/actors.toml").read_bytes())
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_matches_golden(cli, fmt: str) -> None:
    result = cli("extract", ARTICLE, "--format", fmt)
    assert (result.exit_code, result.stderr) == (0, "")
    assert_golden(result.stdout_bytes, GOLDEN / f"extract.{fmt}")


def test_table_is_the_default(cli) -> None:
    assert cli("extract", ARTICLE).stdout_bytes == (GOLDEN / "extract.table").read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_usage_error_twin(cli, fmt: str) -> None:
    result = cli("extract", ARTICLE, "--format", fmt, "--min-confidence", "1.5")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr
        == USAGE + "Invalid value for '--min-confidence': Input should be less than or equal to 1\n"
    )


def test_parquet_is_not_a_stdout_format(cli) -> None:
    result = cli("extract", ARTICLE, "--format", "parquet")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        USAGE
        + "Invalid value for '--format': Value error, 'parquet' is not one of 'table', 'json', 'jsonl', 'csv'.\n"
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_bad_article_is_one_error_line(cli, tmp_path: Path, fmt: str) -> None:
    article = tmp_path / "scan.txt"
    article.write_bytes(b"%PDF\x00\x01\x02")
    result = cli("extract", str(article), "--format", fmt)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: {article}: looks like a binary file (NUL byte at offset 4) (extract statements from a "
        "plain-text (UTF-8) article; convert PDFs or HTML to text first)\n"
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_candidates(cli, fmt: str) -> None:
    result = cli(
        "extract", "tests/extract/articles/no_attribution.txt", "--date", "2024-12-03", "--format", fmt
    )
    assert (result.exit_code, result.stdout_bytes) == (0, NO_ROWS[fmt])
    assert result.stderr == ("" if fmt == "table" else "Warning: no attributed statements found\n")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_add_keeps_stdout_data(cli, scratch: Path, fmt: str) -> None:
    result = cli("extract", ARTICLE, "--format", fmt, "--add", "--corpus", str(scratch))
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == (GOLDEN / f"extract.{fmt}").read_bytes()
    added = len((scratch / "statements.jsonl").read_text(encoding="utf-8").splitlines())
    assert added >= 12 and result.stderr == f"added {added}, duplicates 0, rejected 0\n"


def test_add_in_a_table_prints_the_summary_after_it(cli, scratch: Path) -> None:
    result = cli("extract", ARTICLE, "--add", "--corpus", str(scratch))
    table = (GOLDEN / "extract.table").read_bytes()
    assert result.stdout_bytes.startswith(table)
    assert result.stdout_bytes[len(table) :].endswith(b"duplicates 0, rejected 0\n")


def test_columns_are_the_specs_in_every_format(cli) -> None:
    columns = own_columns("extract")
    header = (GOLDEN / "extract.csv").read_bytes().split(b"\r\n", 1)[0].decode()
    assert tuple(header.split(",")) == columns
    array = json.loads((GOLDEN / "extract.json").read_bytes())
    lines = [json.loads(line) for line in (GOLDEN / "extract.jsonl").read_bytes().splitlines()]
    rows = list(csv.DictReader(io.StringIO((GOLDEN / "extract.csv").read_text(encoding="utf-8"), newline="")))
    assert array == lines and len(array) == len(rows) >= 12
    assert {tuple(o) for o in array} == {columns}


def test_json_keeps_every_field_and_value_of_before() -> None:
    """The json of the command before the shared writer: the same objects (keys now in column order)."""
    array = json.loads((GOLDEN / "extract.json").read_bytes())
    text = (REPO_ROOT / ARTICLE).read_text(encoding="utf-8")
    assert all(text[o["start"] : o["end"]] == o["text"] for o in array)
    assert {(o["source"], o["document"]) for o in array} == {("Nordic Times", ARTICLE)}
    assert all(isinstance(o["confidence"], float) and isinstance(o["speaker_known"], bool) for o in array)


def test_help_ends_with_an_example_that_pastes(cli) -> None:
    import typer

    from rhetoric.cli import app

    example = typer.main.get_command(app).commands["extract"].help.strip().splitlines()[-1]
    assert example.startswith("Example: rhetoric extract ")
    assert f"  {example}\n" in cli("extract", "--help").stdout  # printed whole, on one line
    argv = shlex.split(example.removeprefix("Example: "))
    result = cli(*argv[1:])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout_bytes == (GOLDEN / "extract.json").read_bytes()
