"""CLI tests for ``rhetoric report`` and ``rhetoric export``: files written, output, exit codes, messages."""

from __future__ import annotations

import shutil

import pytest

from rhetoric.export.dictionary import TABLE_NAMES, columns, describe_markdown

from ..conftest import REPO_ROOT, SEED_CORPUS

CORPUS = ["--corpus", str(SEED_CORPUS)]


def test_report_without_options_writes_both_files(cli, tmp_path, monkeypatch) -> None:
    shutil.copytree(SEED_CORPUS, tmp_path / "corpora" / "ukraine-nato")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RHETORIC_CORPUS", raising=False)
    result = cli("report")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["reports/ukraine-nato.html", "reports/ukraine-nato.md"]
    for name in ("ukraine-nato.html", "ukraine-nato.md"):
        assert (tmp_path / "reports" / name).read_bytes() == (REPO_ROOT / "reports" / name).read_bytes()


def test_report_into_out_folder(cli, tmp_path) -> None:
    result = cli("report", "--out", str(tmp_path), *CORPUS)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ukraine-nato.html", "ukraine-nato.md"]
    assert result.stderr == ""  # no progress bar off a terminal


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["--format", "md"], ["ukraine-nato.md"]),
        (["--format", "html", "--format", "md"], ["ukraine-nato.html", "ukraine-nato.md"]),
        (
            ["--speaker", "Zelenskyy", "--speaker", "Putin", "--format", "html"],
            ["ukraine-nato-putin-zelensky.html"],
        ),
    ],
)
def test_report_options(cli, tmp_path, args, names) -> None:
    result = cli("report", *args, "--out", str(tmp_path), *CORPUS)
    assert result.exit_code == 0, result.output
    assert [line.rsplit("/", 1)[1] for line in result.stdout.splitlines()] == names


def test_report_unknown_speaker_exit_1(cli, tmp_path) -> None:
    result = cli("report", "--speaker", "nobody", "--out", str(tmp_path / "r"), *CORPUS)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: no statement of 'nobody' in '{SEED_CORPUS}/statements.jsonl' "
        "(list the speakers with `rhetoric list` or check the aliases in actors.toml)\n"
    )
    assert not (tmp_path / "r").exists()


def test_report_bad_format_is_usage_error(cli, tmp_path) -> None:
    result = cli("report", "--format", "pdf", "--out", str(tmp_path), *CORPUS)
    assert result.exit_code == 2
    assert "'pdf' is not one of 'html', 'md'" in result.stderr


def test_report_missing_corpus_exit_1(cli, tmp_path) -> None:
    result = cli("report", "--out", str(tmp_path / "r"), "--corpus", str(tmp_path / "none"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: corpus folder '{tmp_path / 'none'}' does not exist")


def test_export_all_csv(cli, tmp_path) -> None:
    result = cli("export", "--out", str(tmp_path), *CORPUS)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split("\t")[0].rsplit("/", 1)[1] for line in lines] == [f"{t}.csv" for t in TABLE_NAMES]
    assert lines[0].endswith("\t13 rows")
    for table in TABLE_NAMES:
        header = (tmp_path / f"{table}.csv").read_bytes().split(b"\r\n", 1)[0].decode()
        assert tuple(header.split(",")) == columns(table)


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_export_some_tables_other_formats(cli, tmp_path, fmt) -> None:
    result = cli("export", "shifts", "frames", "--out", str(tmp_path), "--format", fmt, *CORPUS)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"frames.{fmt}", "manifest.json", f"shifts.{fmt}"]


def test_export_describe_prints_the_dictionary(cli) -> None:
    result = cli("export", "--describe")
    assert result.exit_code == 0
    assert result.stdout == describe_markdown()
    one = cli("export", "shifts", "--describe")
    assert one.stdout == describe_markdown(("shifts",))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export"], "--out DIR is required"),
        (["export", "frame", "--out", "x"], "unknown table 'frame'"),
        (["export", "--format", "xlsx", "--out", "x"], "'xlsx' is not one of"),
    ],
)
def test_export_usage_errors_exit_2(cli, args, message) -> None:
    result = cli(*args, *CORPUS)
    assert result.exit_code == 2
    assert message in result.stderr


def test_help_ends_with_an_example(cli) -> None:
    for command in ("report", "export"):
        result = cli(command, "--help")
        assert result.exit_code == 0
        assert f"Example: rhetoric {command}" in result.stdout
