"""CLI tests for ``rhetoric compare`` and ``rhetoric timeline`` on the seed corpus."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app

from ..conftest import SEED_CORPUS

runner = CliRunner()
CORPUS = ["--corpus", str(SEED_CORPUS)]
EARLIER, RECENT = "s-134636953483", "s-6c5b18b5efe8"


def test_compare_json_contract_on_the_seed() -> None:
    result = runner.invoke(app, ["compare", EARLIER, RECENT, "--format", "json", *CORPUS])
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    for key in (
        "from",
        "to",
        "added",
        "dropped",
        "kept",
        "outcome_from",
        "outcome_to",
        "stance_changes",
        "modality_from",
        "modality_to",
        "events",
        "verdict",
    ):
        assert key in d
    assert (d["from"], d["to"]) == (EARLIER, RECENT)
    assert {"withdrawal", "borders_1991"} <= set(d["dropped"])
    assert {"nato_membership"} <= set(d["added"])
    assert (d["outcome_from"], d["outcome_to"]) == (["negotiations"], ["ceasefire"])
    assert (d["modality_from"], d["modality_to"]) == ("firm", "open")
    assert d["verdict"] == "softened"
    assert all({"type", "tag", "evidence"} <= set(e) for e in d["events"])


def test_compare_markdown_and_table() -> None:
    md = runner.invoke(app, ["compare", EARLIER, RECENT, "--format", "md", *CORPUS])
    assert md.stdout.startswith(f"### zelensky: {EARLIER} (2024-12) → {RECENT} (2024-12) — **softened**")
    assert "| condition_dropped | withdrawal |" in md.stdout
    table = runner.invoke(app, ["compare", EARLIER, RECENT, *CORPUS])
    assert table.exit_code == 0 and "softened" in table.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["compare", EARLIER],
        ["compare", EARLIER, RECENT, "--until", "2024"],
        ["compare", "--from-speaker", "zelensky", "--until", "2024"],
        ["compare", EARLIER, RECENT, "--format", "xml"],
        ["timeline"],
    ],
)
def test_usage_errors_exit_2(args) -> None:
    assert runner.invoke(app, [*args, *CORPUS]).exit_code == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", EARLIER, "s-000000000000"], "Error: no statement 's-000000000000'"),
        (
            ["compare", "--from-speaker", "zelensky", "--until", "2023", "--since", "2024"],
            "Error: no statement of 'zelensky' up to 2023",
        ),
        (["timeline", "--speaker", "Nobody Atall"], "Error: no statement of 'Nobody Atall'"),
    ],
)
def test_data_errors_exit_1(args, message) -> None:
    result = runner.invoke(app, [*args, *CORPUS])
    assert result.exit_code == 1
    assert result.stderr.startswith(message)


def test_timeline_json_by_alias() -> None:
    result = runner.invoke(app, ["timeline", "--speaker", "Zelenskyy", "--format", "json", *CORPUS])
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    ids = [s["id"] for s in d["statements"]]
    assert ids.index(EARLIER) < ids.index(RECENT)
    assert d["matrix"]["withdrawal"][ids.index(EARLIER)] == "condition"
    assert d["matrix"]["ceasefire"][ids.index(RECENT)] == "outcome"
    assert len(d["shifts"]) == len(d["occasions"]) - 1 == 1  # two of the three come from one article
    assert d["shifts"][0]["verdict"] == "softened"


def test_timeline_markdown_has_matrix() -> None:
    result = runner.invoke(app, ["timeline", "--speaker", "zelensky", "--format", "md", *CORPUS])
    assert "| tag | 1 | 2 | 3 |" in result.stdout
    assert "| withdrawal | condition |  |  |" in result.stdout
