"""``rhetoric evaluate --pairs``: coded shift pairs scored, misses listed with evidence; bad files refused."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.records import Statement

from ..conftest import SEED_CORPUS

runner = CliRunner()
EARLIER, RECENT = "s-134636953483", "s-6c5b18b5efe8"
CORPUS = ["--corpus", str(SEED_CORPUS)]


def _pairs(tmp_path, *pairs) -> str:
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in pairs), encoding="utf-8")
    return str(path)


def test_pairs_scored_and_a_miss_listed_with_evidence(tmp_path) -> None:
    right = {
        "from": EARLIER,
        "to": RECENT,
        "added": ["nato_membership"],
        "dropped": ["withdrawal"],
        "verdict_ok": ["softened"],
    }
    wrong = {**right, "verdict_ok": ["hardened"]}
    result = runner.invoke(
        app, ["evaluate", "--pairs", _pairs(tmp_path, right, wrong), "--format", "json", *CORPUS]
    )
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert (d["right"], d["pairs"]) == (1, 2)
    miss = d["results"][1]
    assert (miss["ok"], miss["verdict"]) == (False, "softened")
    assert miss["evidence"]["withdrawal"]["from"] == ["withdrawal"]
    table = runner.invoke(app, ["evaluate", "--pairs", _pairs(tmp_path, right, wrong), *CORPUS])
    assert "MISS" in table.stdout and table.stdout.rstrip().endswith("pairs 1/2")


def test_pairs_by_coders_ids_matched_by_text(tmp_path) -> None:
    coded = tmp_path / "statements.jsonl"
    rows = [json.loads(line) for line in (SEED_CORPUS / "statements.jsonl").read_text().splitlines()]
    text = {r["id"]: r["text"] for r in rows}
    coded.write_text(
        json.dumps({"id": "c-1", "text": text[EARLIER]})
        + "\n"
        + json.dumps({"id": "c-2", "text": text[RECENT]})
        + "\n"
    )
    pair = {"from": "c-1", "to": "c-2", "added": [], "dropped": [], "verdict_ok": ["softened"]}
    result = runner.invoke(
        app,
        [
            "evaluate",
            "--pairs",
            _pairs(tmp_path, pair),
            "--statements",
            str(coded),
            "--format",
            "json",
            *CORPUS,
        ],
    )
    assert json.loads(result.stdout)["right"] == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"from": "s-134636953483"}', "a pair needs the keys"),
        ("not json", "not JSON"),
        (
            '{"from": "s-x", "to": "s-y", "added": [], "dropped": [], "verdict_ok": ["unchanged"]}',
            "pair statement 's-x'",
        ),
    ],
)
def test_bad_pairs_file_is_one_error_line(tmp_path, line, message) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(line + "\n")
    result = runner.invoke(app, ["evaluate", "--pairs", str(path), *CORPUS])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and message in result.stderr and result.stderr.count("\n") == 1


def test_statement_optional_fields_round_trip_and_stay_out_when_empty() -> None:
    plain = Statement.create(speaker="x", date="2024", text="a", added_at="t")
    assert "occasion" not in plain.to_dict() and "position" not in plain.to_dict()
    placed = Statement.create(speaker="x", date="2024", text="a", added_at="t", occasion="Summit", position=2)
    assert Statement.from_dict(placed.to_dict()) == placed
    assert placed.id == plain.id  # the occasion does not change what was said
