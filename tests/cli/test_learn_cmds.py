"""CLI: train, tag --with-model, suggest, evaluate, agreement, gold template (exit codes, messages, contracts)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.corpus.store import Corpus
from rhetoric.records import Statement

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "corpora" / "ukraine-nato"
GOLD = SHIPPED / "gold" / "heldout.jsonl"
CODER_A, CODER_B = SHIPPED / "gold" / "coder_a.jsonl", SHIPPED / "gold" / "coder_b.jsonl"
TEXTS = [
    "The shooting has to stop along the whole line of contact.",
    "Kyiv wants a ceasefire before NATO membership talks.",
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _corpus(folder: Path) -> list[Statement]:
    folder.mkdir()
    (folder / "codebook.toml").write_bytes((SHIPPED / "codebook.toml").read_bytes())
    corpus = Corpus(folder)
    corpus.statements_path.touch()
    statements = [Statement.create(speaker="x", date="2025", text=t, added_at="t") for t in TEXTS]
    corpus.append(statements)
    return statements


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> tuple[Path, list[Statement]]:
    """A corpus of two statements with the shipped codebook and a model trained on the shipped gold."""
    folder = tmp_path_factory.mktemp("trained") / "corpus"
    statements = _corpus(folder)
    result = CliRunner().invoke(app, ["train", "--corpus", str(folder), "--gold", str(GOLD)])
    assert result.exit_code == 0, result.stderr
    return folder, statements


@pytest.fixture
def untrained(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    _corpus(folder)
    return folder


def test_train_message(runner: CliRunner, untrained: Path) -> None:
    result = runner.invoke(app, ["train", "--corpus", str(untrained), "--gold", str(GOLD)])
    assert result.exit_code == 0, result.stderr
    training = json.loads((untrained / "model.json").read_text())["training"]
    n, examples = training["samples"], training["codebook_examples"]
    assert result.stdout == (
        f"Trained on {n} samples ({examples} codebook examples, 144 gold statements from 1 file(s)) for 17 tags; "
        f"saved {untrained / 'model.joblib'} and {untrained / 'model.json'}\n"
    )
    assert training["gold_files"][0]["items"] == 144 and n == examples + 144


def test_train_bad_gold(runner: CliRunner, untrained: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "tags": ["nato"]}\n', encoding="utf-8")
    result = runner.invoke(app, ["train", "--corpus", str(untrained), "--gold", str(bad)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {bad}: 1 problem(s); fix them and run again\n"
        f"  {bad}:1: [tags] unknown tag 'nato' (run `rhetoric codebook show` for the tag list)\n"
    )


def test_tag_with_model_json(runner: CliRunner, trained) -> None:
    folder, (a, b) = trained
    result = runner.invoke(app, ["tag", "--all", "--with-model", "--corpus", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert all(
        set(r)
        == {"statement_id", "tag", "start", "end", "text", "sentence", "pattern", "polarity", "source", "score"}
        for r in rows
    )
    lexicon = [(r["statement_id"], r["tag"], r["text"]) for r in rows if r["source"] == "lexicon"]
    assert lexicon == [(b.id, "ceasefire", "ceasefire"), (b.id, "nato_membership", "NATO membership")]
    assert all(r["score"] is None for r in rows if r["source"] == "lexicon")
    model = [r for r in rows if r["source"] == "model"]
    assert (model[0]["statement_id"], model[0]["tag"], model[0]["text"]) == (a.id, "ceasefire", TEXTS[0])
    assert 0.5 <= model[0]["score"] <= 1


def test_tag_with_model_csv_and_table(runner: CliRunner, trained) -> None:
    folder, _ = trained
    result = runner.invoke(app, ["tag", TEXTS[0], "--with-model", "--corpus", str(folder), "--format", "csv"])
    assert result.exit_code == 0
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert (row["statement_id"], row["tag"], row["source"], row["pattern"]) == ("", "ceasefire", "model", "")
    table = runner.invoke(app, ["tag", TEXTS[0], "--with-model", "--corpus", str(folder)])
    assert table.exit_code == 0
    assert table.stdout.startswith(f"{TEXTS[0]}\n  ceasefire  '{TEXTS[0]}'  sentence 0  model p=0.")


def test_tag_without_model_keeps_the_contract(runner: CliRunner, trained) -> None:
    folder, _ = trained
    result = runner.invoke(app, ["tag", TEXTS[1], "--corpus", str(folder), "--format", "json"])
    assert set(json.loads(result.stdout)[0]) == {
        "statement_id",
        "tag",
        "start",
        "end",
        "text",
        "sentence",
        "pattern",
        "polarity",
    }


def test_tag_with_model_needs_a_model(runner: CliRunner, untrained: Path) -> None:
    result = runner.invoke(app, ["tag", "x", "--with-model", "--corpus", str(untrained)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: no trained model in '{untrained}' (run `rhetoric train` first)\n"


def test_stale_model_is_refused(runner: CliRunner, untrained: Path) -> None:
    assert runner.invoke(app, ["train", "--corpus", str(untrained)]).exit_code == 0
    codebook = untrained / "codebook.toml"
    codebook.write_text(codebook.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    result = runner.invoke(app, ["tag", "x", "--with-model", "--corpus", str(untrained)])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: {untrained / 'model.json'}: the model was trained on another version"
    )
    assert result.stderr.endswith("(run `rhetoric train` to retrain it)\n")


def test_suggest(runner: CliRunner, trained) -> None:
    folder, (a, _b) = trained
    result = runner.invoke(app, ["suggest", "--corpus", str(folder), "--format", "json", "--top", "2"])
    assert result.exit_code == 0, result.stderr
    d = json.loads(result.stdout)
    assert d["statements"] == 2
    assert (d["suggestions"][0]["statement_id"], d["suggestions"][0]["tag"]) == (a.id, "ceasefire")
    assert len(d["suggestions"][0]["ngrams"]) == 2
    table = runner.invoke(app, ["suggest", "--corpus", str(folder), "--tag", "ceasefire"])
    assert table.exit_code == 0 and "driven by:" in table.stdout and "Candidate patterns" in table.stdout
    unknown = runner.invoke(app, ["suggest", "--corpus", str(folder), "--tag", "truce"])
    assert unknown.exit_code == 1 and unknown.stderr.startswith(
        "Error: no tag 'truce' in codebook 'ukraine-nato'"
    )


def test_evaluate_json_contract(runner: CliRunner, trained) -> None:
    folder, _ = trained
    result = runner.invoke(
        app, ["evaluate", str(GOLD), "--corpus", str(folder), "--format", "json", "--model"]
    )
    assert result.exit_code == 0, result.stderr
    d = json.loads(result.stdout)
    for block in (d, d["with_model"]):
        assert {"precision", "recall", "f1"} <= set(block["micro"]) and set(block["macro"]) == {
            "precision",
            "recall",
            "f1",
        }
        assert {"precision", "recall", "f1", "support"} <= set(block["per_tag"]["withdrawal"])
    assert d["items"] == 144 and d["free_text_items"] == 144
    assert d["with_model"]["micro"]["recall"] >= d["micro"]["recall"]
    assert all(e["kind"] in ("FP", "FN") and e["text"] for e in d["errors"])


def test_evaluate_csv_and_table(runner: CliRunner, untrained: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(GOLD), "--corpus", str(untrained), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "system",
        "level",
        "scope",
        "tag",
        "precision",
        "recall",
        "f1",
        "support",
        "tp",
        "fp",
        "fn",
    ]
    assert {r["system"] for r in rows} == {"lexicon"} and {r["level"] for r in rows} == {
        "statement",
        "mention",
    }
    table = runner.invoke(app, ["evaluate", str(GOLD), "--corpus", str(untrained)])
    assert table.exit_code == 0
    assert "Statement level: 144 gold statements (144 free text)" in table.stdout
    assert "FN withdrawal" in table.stdout


def test_evaluate_model_missing(runner: CliRunner, untrained: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(GOLD), "--model", "--corpus", str(untrained)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: no trained model in '{untrained}' (run `rhetoric train` first)\n",
    )


def test_evaluate_missing_gold(runner: CliRunner, untrained: Path) -> None:
    result = runner.invoke(app, ["evaluate", "nope.jsonl", "--corpus", str(untrained)])
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: gold file 'nope.jsonl' does not exist (write one with `rhetoric gold template`)\n"
    )


def test_agreement_json_contract(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["agreement", str(CODER_A), str(CODER_B), "--format", "json", "--corpus", str(SHIPPED)]
    )
    assert result.exit_code == 0, result.stderr
    d = json.loads(result.stdout)
    assert set(d["per_tag"]) >= {"negotiations", "withdrawal"}
    for tag, row in d["per_tag"].items():
        assert {"kappa", "alpha", "percent_agreement"} <= set(row), tag
    assert 0 < d["overall"]["alpha"] < 1
    assert d["items"] == 37 and len(d["disagreements"]) == 10


def test_agreement_table_and_csv(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["agreement", str(CODER_A), str(CODER_B), "--bootstrap", "100", "--corpus", str(SHIPPED)]
    )
    assert result.exit_code == 0
    assert (
        "Agreement of 2 coders on 37 statements (95% bootstrap CIs, 100 resamples, seed 0)" in result.stdout
    )
    assert "10 statement(s) to adjudicate" in result.stdout
    csv_out = runner.invoke(
        app, ["agreement", str(CODER_A), str(CODER_B), "--format", "csv", "--corpus", str(SHIPPED)]
    )
    rows = list(csv.DictReader(io.StringIO(csv_out.stdout)))
    assert rows[-1]["tag"] == "(overall)" and len(rows) == 18


def test_agreement_needs_two_files(runner: CliRunner) -> None:
    result = runner.invoke(app, ["agreement", str(CODER_A)])
    assert result.exit_code == 2
    assert "give at least two coder files" in result.stderr


def test_gold_template(runner: CliRunner, untrained: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["gold", "template", "--corpus", str(untrained)])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["tags"] for line in lines] == [[], ["ceasefire", "nato_membership"]]
    out = tmp_path / "coder.jsonl"
    first = runner.invoke(app, ["gold", "template", "--corpus", str(untrained), "--out", str(out)])
    assert (first.exit_code, first.stdout) == (0, f"Wrote 2 statement(s) to {out}\n")
    again = runner.invoke(app, ["gold", "template", "--corpus", str(untrained), "--out", str(out)])
    assert again.exit_code == 1
    assert (
        again.stderr
        == f"Error: '{out}' already exists (choose another --out or pass --force to overwrite it)\n"
    )
    assert (
        runner.invoke(
            app, ["gold", "template", "--corpus", str(untrained), "--out", str(out), "--force"]
        ).exit_code
        == 0
    )


def test_gold_template_needs_statements(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "codebook.toml").write_bytes((SHIPPED / "codebook.toml").read_bytes())
    result = runner.invoke(app, ["gold", "template", "--corpus", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: '{tmp_path / 'statements.jsonl'}' is missing")


@pytest.mark.parametrize("cmd", [["train"], ["suggest"], ["evaluate"], ["agreement"], ["gold", "template"]])
def test_help_ends_with_example(runner: CliRunner, cmd: list[str]) -> None:
    result = runner.invoke(app, [*cmd, "--help"])
    assert result.exit_code == 0 and "Example: rhetoric" in result.stdout


def test_agreement_csv_golden(runner: CliRunner, tmp_path: Path) -> None:
    """Without a codebook the tags are those the coders used, sorted; figures are fixed by the seed."""
    args = [
        "agreement",
        str(CODER_A),
        str(CODER_B),
        "--corpus",
        str(tmp_path),
        "--bootstrap",
        "200",
        "--format",
        "csv",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert result.stdout == (Path(__file__).parent / "data" / "agreement_coders.csv").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("command", ["suggest", "evaluate", "agreement"])
def test_learn_commands_use_the_shared_report_format(runner: CliRunner, command: str) -> None:
    from rhetoric.cli.output import REPORT_FORMAT_HELP

    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    words = " ".join(result.stdout.split())
    assert f"--format [table|json|jsonl|csv] {REPORT_FORMAT_HELP} [default: table]" in words


def test_agreement_jsonl_rows_are_the_csv_rows(runner: CliRunner) -> None:
    args = ["agreement", str(CODER_A), str(CODER_B), "--bootstrap", "0", "--corpus", str(SHIPPED), "--format"]
    as_csv, as_jsonl = runner.invoke(app, [*args, "csv"]), runner.invoke(app, [*args, "jsonl"])
    assert (as_csv.exit_code, as_jsonl.exit_code) == (0, 0)
    assert as_csv.stdout_bytes.endswith(b"\r\n")  # RFC 4180, through the one writer
    objects = [json.loads(line) for line in as_jsonl.stdout.splitlines()]
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(objects) == len(rows) == 18 and objects[-1]["tag"] == "(overall)"
    assert [{k: "" if v is None else str(v) for k, v in o.items()} for o in objects] == rows


def test_evaluate_pairs_csv_is_one_row_per_pair(runner: CliRunner, tmp_path: Path) -> None:
    from tests.conftest import SEED_CORPUS

    pair = {"from": "s-134636953483", "to": "s-6c5b18b5efe8", "added": ["nato_membership"],
            "dropped": ["withdrawal"], "verdict_ok": ["softened"]}  # fmt: skip
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps(pair) + "\n" + json.dumps({**pair, "verdict_ok": ["hardened"]}) + "\n")
    result = runner.invoke(app, ["evaluate", "--pairs", str(path), "--corpus", str(SEED_CORPUS), "--format", "csv"])
    assert (result.exit_code, result.stderr) == (0, "")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "from", "to", "ok", "verdict", "verdict_ok", "added", "dropped", "missed_added", "missed_dropped",
        "tool_added", "tool_dropped", "reasons",
    ]  # fmt: skip
    assert [(r["ok"], r["verdict"], r["verdict_ok"], r["added"]) for r in rows] == [
        ("true", "softened", "softened", "nato_membership"),
        ("false", "softened", "hardened", "nato_membership"),
    ]
