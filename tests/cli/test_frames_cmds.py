"""CLI tests for ``rhetoric frames`` and ``rhetoric stances``: contracts, formats, exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app

from ..conftest import SEED_CORPUS

runner = CliRunner()
TEXT = "Peace negotiations are not possible until Russia carries out a complete withdrawal."
CORPUS = ["--corpus", str(SEED_CORPUS)]


def test_frames_json_contract() -> None:
    result = runner.invoke(app, ["frames", TEXT, "--format", "json", *CORPUS])
    assert result.exit_code == 0, result.output
    (frame,) = json.loads(result.stdout)
    for key in (
        "statement_id",
        "sentence",
        "frame_id",
        "speaker",
        "date",
        "outcomes",
        "conditions",
        "cue",
        "relation",
        "polarity",
        "modality",
        "start",
        "end",
    ):
        assert key in frame
    assert frame["statement_id"] is None
    assert (frame["outcomes"], frame["conditions"], frame["cue"], frame["polarity"], frame["modality"]) == (
        ["negotiations"],
        ["withdrawal"],
        "not possible until",
        "negated",
        "firm",
    )
    assert TEXT[frame["start"] : frame["end"]].startswith("negotiations")


def test_frames_csv_joins_lists() -> None:
    text = "Moscow wants a peace deal requiring neutral status and recognition of annexed regions."
    result = runner.invoke(app, ["frames", text, "--format", "csv", *CORPUS])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["outcomes"] == "peace_deal"
    assert rows[0]["conditions"].split(";")[0] == "neutrality"


def test_frames_table_shows_evidence_and_roles() -> None:
    result = runner.invoke(app, ["frames", TEXT, *CORPUS])
    assert result.exit_code == 0
    assert "negotiations ⇐ withdrawal" in result.stdout
    assert "[precondition, negated, firm, cue 'not possible until']" in result.stdout


def test_frames_reads_stdin() -> None:
    result = runner.invoke(app, ["frames", "-", "--format", "json", *CORPUS], input=TEXT)
    assert json.loads(result.stdout)[0]["outcomes"] == ["negotiations"]


def test_stances_json_contract_with_speaker() -> None:
    result = runner.invoke(
        app,
        [
            "stances",
            "We reject any freeze of the conflict.",
            "--speaker",
            "zelensky",
            "--format",
            "json",
            *CORPUS,
        ],
    )
    assert result.exit_code == 0, result.output
    (stance,) = json.loads(result.stdout)
    assert {k: stance[k] for k in ("statement_id", "tag", "stance", "holders")} == {
        "statement_id": None,
        "tag": "ceasefire",
        "stance": "oppose",
        "holders": ["zelensky"],
    }
    assert {"start", "end"} <= set(stance)


@pytest.mark.parametrize(
    "args",
    [
        ["frames"],
        ["frames", "x", "--all"],
        ["stances", "--id", "s-1", "--all"],
        ["frames", "--format", "xml", "x"],
    ],
)
def test_usage_errors_exit_2(args) -> None:
    result = runner.invoke(app, [*args, *CORPUS])
    assert result.exit_code == 2


def test_unknown_id_is_a_data_error() -> None:
    result = runner.invoke(app, ["frames", "--id", "s-000000000000", *CORPUS])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no statement 's-000000000000'")


def test_missing_codebook_is_a_data_error(tmp_path) -> None:
    result = runner.invoke(app, ["frames", TEXT, "--corpus", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "codebook.toml" in result.stderr
