"""The columns of ``list`` and ``show``: the statement record as the output spec defines it.

json and jsonl print the records as ``statements.jsonl`` holds them (``occasion`` and
``position`` when set); csv carries the same fields, in the spec's ``list`` columns, with
``occasion`` and ``position`` empty when unset.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from rhetoric.corpus import Corpus
from rhetoric.output.spec import COMMAND_TABLES, TYPES, own_columns
from rhetoric.records import RECORD_KEYS, Statement

ADDED = "2024-12-02T10:00:00Z"


@pytest.fixture
def one_occasion(corpus: Corpus) -> tuple[Corpus, list[Statement]]:
    """Two statements of one press conference, in the order the source printed them."""
    said = [
        Statement.from_dict(
            {"speaker": "zelensky", "date": "2024-12-03", "text": text, "added_at": ADDED, "document": "a.txt",
             "occasion": "press conference 2024-12-03", "position": n},
            compute_id=True,
        )
        for n, text in enumerate(("No talks until withdrawal.", "We want guarantees."))
    ]  # fmt: skip
    corpus.append(said)
    return corpus, said


def test_list_columns_are_the_record_keys() -> None:
    assert own_columns("list") == RECORD_KEYS
    assert all(c.type in TYPES and c.meaning.strip() for c in COMMAND_TABLES["list"])


def test_list_json_and_jsonl_carry_occasion_and_position(cli, one_occasion) -> None:
    corpus, said = one_occasion
    as_json = json.loads(cli("list", "--corpus", str(corpus.path), "--format", "json").stdout)
    as_jsonl = [
        json.loads(x)
        for x in cli("list", "--corpus", str(corpus.path), "--format", "jsonl").stdout.splitlines()
    ]
    assert as_json == as_jsonl == [s.to_dict() for s in said]
    assert [(o["occasion"], o["position"]) for o in as_json] == [
        ("press conference 2024-12-03", 0),
        ("press conference 2024-12-03", 1),
    ]


@pytest.mark.parametrize("command", ["list", "show"])
def test_list_and_show_csv_carry_occasion_and_position(cli, one_occasion, command: str) -> None:
    corpus, said = one_occasion
    args = ("list",) if command == "list" else ("show", said[1].id)
    r = cli(*args, "--corpus", str(corpus.path), "--format", "csv")
    assert (r.exit_code, r.stderr) == (0, "")
    assert tuple(r.stdout_bytes.decode().split("\r\n", 1)[0].split(",")) == own_columns("list")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert (rows[-1]["occasion"], rows[-1]["position"]) == ("press conference 2024-12-03", "1")
