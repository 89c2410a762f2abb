"""CLI: a statement's ``meta`` in ``list``/``show`` (csv JSON text, json object, table line) and in ``export``."""

from __future__ import annotations

import csv
import io
import json

import pytest

from rhetoric.corpus import Corpus
from rhetoric.records import Statement

ADDED = "2024-12-02T10:00:00Z"


@pytest.fixture
def meta_corpus(corpus: Corpus) -> tuple[Corpus, Statement, Statement]:
    """Two statements: one with meta (as import --meta writes it), one without."""
    with_meta = Statement.from_dict(
        {"speaker": "zelensky", "date": "2024-12-01", "text": "No ceasefire without guarantees.",
         "added_at": ADDED, "meta": {"coder": "ab", "outlet_id": 7, "checked": True}},
        compute_id=True,
    )  # fmt: skip
    plain = Statement.from_dict(
        {"speaker": "putin", "date": "2024-12-02", "text": "Talks are possible.", "added_at": ADDED},
        compute_id=True,
    )
    corpus.append([with_meta, plain])
    return corpus, with_meta, plain


def _header() -> str:
    return "id,speaker,speaker_as_written,date,date_qualifier,text,kind,source,url,document,added_at,note,occasion,position,meta"


def test_list_csv_has_meta_as_json_text(cli, meta_corpus) -> None:
    corpus, a, b = meta_corpus
    r = cli("list", "--corpus", str(corpus.path), "--format", "csv")
    assert (r.exit_code, r.stderr) == (0, "")
    assert r.stdout_bytes.decode().split("\r\n") == [
        _header(),
        f"{a.id},zelensky,zelensky,2024-12-01,,No ceasefire without guarantees.,direct,,,,{ADDED},,,,"
        '"{""coder"": ""ab"", ""outlet_id"": 7, ""checked"": true}"',
        f"{b.id},putin,putin,2024-12-02,,Talks are possible.,direct,,,,{ADDED},,,,{{}}",
        "",
    ]
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [json.loads(row["meta"]) for row in rows] == [{"coder": "ab", "outlet_id": 7, "checked": True}, {}]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_list_json_has_meta_as_an_object_when_set(cli, meta_corpus, fmt: str) -> None:
    corpus, a, b = meta_corpus
    r = cli("list", "--corpus", str(corpus.path), "--format", fmt)
    assert r.exit_code == 0
    records = json.loads(r.stdout) if fmt == "json" else [json.loads(line) for line in r.stdout.splitlines()]
    assert [rec.get("meta") for rec in records] == [{"coder": "ab", "outlet_id": 7, "checked": True}, None]
    assert records == [a.to_dict(), b.to_dict()]  # the statements.jsonl form


def test_list_table_shows_meta_under_the_text(cli, meta_corpus) -> None:
    corpus, a, _ = meta_corpus
    r = cli("list", "--corpus", str(corpus.path), "--limit", "1")
    assert r.exit_code == 0
    assert [line.rstrip() for line in r.stdout.splitlines()][2:5] == [  # 80 columns: meta wraps
        f"{a.id}   zelensky         No ceasefire without guarantees.",
        '2024-12-01       direct           meta {"coder": "ab", "outlet_id": 7,',
        '                                  "checked": true}',
    ]


def test_show_table_and_csv_print_meta(cli, meta_corpus) -> None:
    corpus, a, _ = meta_corpus
    table = cli("show", a.id, "--corpus", str(corpus.path))
    assert (table.exit_code, table.stderr) == (0, "")  # a meta dict used to raise a TypeError here
    assert table.stdout.splitlines()[-1].rstrip() == 'meta                {"coder": "ab", "outlet_id": 7, "checked": true}'
    as_csv = cli("show", a.id, "--corpus", str(corpus.path), "--format", "csv")
    (row,) = csv.DictReader(io.StringIO(as_csv.stdout))
    assert json.loads(row["meta"]) == {"coder": "ab", "outlet_id": 7, "checked": True}


def test_statements_export_carries_meta(cli, meta_corpus, tmp_path) -> None:
    corpus, a, b = meta_corpus
    out = tmp_path / "out"
    r = cli("export", "statements", "--corpus", str(corpus.path), "--out", str(out), "--format", "jsonl", "-j", "1")
    assert r.exit_code == 0, r.stderr
    rows = [json.loads(line) for line in (out / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(row["statement_id"], row["meta"]) for row in rows] == [
        (a.id, {"coder": "ab", "outlet_id": 7, "checked": True}),
        (b.id, {}),
    ]
    r = cli("export", "statements", "--corpus", str(corpus.path), "--out", str(out), "--format", "csv", "-j", "1")
    with open(out / "statements.csv", encoding="utf-8", newline="") as fh:
        assert [row["meta"] for row in csv.DictReader(fh)] == ['{"coder": "ab", "outlet_id": 7, "checked": true}', "{}"]


def test_statements_frame_meta_is_dicts(meta_corpus) -> None:
    from rhetoric.export.tables import table_frame
    from rhetoric.session import analyze_all

    corpus, _, _ = meta_corpus
    frame = table_frame(analyze_all(corpus.path), "statements")
    assert frame["meta"].tolist() == [{"coder": "ab", "outlet_id": 7, "checked": True}, {}]
