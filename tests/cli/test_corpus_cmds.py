"""CLI tests for the corpus commands: exit codes, exact messages, byte-identical corpus on errors."""

from __future__ import annotations

import json
import re

import pytest

from rhetoric.corpus import Corpus


def test_init(cli, tmp_path) -> None:
    r = cli("init", str(tmp_path / "new"))
    assert (r.exit_code, r.stdout) == (0, f"created corpus {tmp_path / 'new'}\n")
    again = cli("init", str(tmp_path / "new"))
    assert (
        again.exit_code == 1 and again.stderr.startswith("Error: ") and "is already a corpus" in again.stderr
    )


def test_init_uses_corpus_option(cli, tmp_path) -> None:
    assert cli("init", "--corpus", str(tmp_path / "viaopt")).exit_code == 0
    assert (tmp_path / "viaopt" / "statements.jsonl").exists()


def test_add_prints_id_then_duplicate(cli, corpus: Corpus) -> None:
    args = ["add", "--corpus", str(corpus.path), "--speaker", "Zelenskyy", "--date", "2024-12-01"]
    first = cli(*args, "--text", "NATO is necessary", "--kind", "paraphrase", "--source", "Le Monde")
    assert first.exit_code == 0 and re.fullmatch(r"s-[0-9a-f]{12}\n", first.stdout)
    before = corpus.statements_path.read_bytes()
    dup = cli(*args, "--text", "NATO  is necessary")
    assert (dup.exit_code, dup.stdout) == (0, f"already in corpus: {first.stdout.strip()}\n")
    assert corpus.statements_path.read_bytes() == before
    (s,) = corpus.statements()
    assert (s.speaker, s.speaker_as_written, s.kind, s.source) == (
        "zelensky",
        "Zelenskyy",
        "paraphrase",
        "Le Monde",
    )


def test_add_reads_text_from_stdin(cli, corpus: Corpus) -> None:
    r = cli(
        "add",
        "--corpus",
        str(corpus.path),
        "--speaker",
        "putin",
        "--date",
        "2024",
        "--text",
        "-",
        input="Line one.\nLine two.\n",
    )
    assert r.exit_code == 0
    assert corpus.statements()[0].text == "Line one.\nLine two."


def test_add_uses_env_corpus(cli, corpus: Corpus, monkeypatch) -> None:
    monkeypatch.setenv("RHETORIC_CORPUS", str(corpus.path))
    assert cli("add", "--speaker", "nato", "--date", "2024", "--text", "env").exit_code == 0
    assert corpus.statements()[0].text == "env"


def test_add_warnings_go_to_stderr(cli, corpus: Corpus) -> None:
    r = cli("add", "--corpus", str(corpus.path), "--speaker", "Nobody", "--date", "2999", "--text", "x")
    assert r.exit_code == 0 and re.fullmatch(r"s-[0-9a-f]{12}\n", r.stdout)
    assert r.stderr == (
        "Warning: unknown speaker 'Nobody': added as written (add the actor or an alias to actors.toml)\n"
        "Warning: date 2999 is in the future; added anyway (check it)\n"
    )


BAD_ADDS = [
    (["--text", ""], "Error: [text] is empty\n"),
    (["--speaker", "   "], "Error: [speaker] is empty\n"),
    (
        ["--date", "2024-13-01"],
        "Error: [date] invalid date '2024-13-01': month 13 is not 1-12 "
        "(use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-12-01)\n",
    ),
    (
        ["--date", "24/11/2024"],
        "Error: [date] invalid date '24/11/2024' (use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-12-01)\n",
    ),
    (["--kind", "quote"], "Error: [kind] unknown kind 'quote' (use direct, paraphrase or reported)\n"),
    (["--text", "a\x00b"], "Error: [text] contains a NUL byte\n"),
    (
        ["--text", "x" * 100_001],
        "Error: [text] is 100,001 characters long; the limit is 100,000 (split the statement)\n",
    ),
    (
        ["--speaker", "Nobody", "--strict"],
        "Error: [speaker] unknown speaker 'Nobody' "
        "(add the actor or an alias to actors.toml, or drop --strict to keep it as written)\n",
    ),
]


@pytest.mark.parametrize(("override", "stderr"), BAD_ADDS)
def test_bad_add_exit_1_and_corpus_unchanged(
    cli, seed_copy: Corpus, override: list[str], stderr: str
) -> None:
    base = {"--speaker": "Zelensky", "--date": "2024-12-01", "--text": "NATO is necessary."}
    args = ["add", "--corpus", str(seed_copy.path)]
    for flag, value in base.items():
        if flag not in override:
            args += [flag, value]
    before = seed_copy.statements_path.read_bytes()
    r = cli(*args, *override)
    assert (r.exit_code, r.stdout, r.stderr) == (1, "", stderr)
    assert seed_copy.statements_path.read_bytes() == before


def test_add_usage_error_exits_2(cli, corpus: Corpus) -> None:
    r = cli("add", "--corpus", str(corpus.path), "--speaker", "nato", "--date", "2024")
    assert r.exit_code == 2 and "Missing option '--text'" in r.stderr


def test_missing_corpus_exit_1(cli, tmp_path) -> None:
    r = cli("list", "--corpus", str(tmp_path / "absent"))
    assert r.exit_code == 1
    assert r.stderr == (
        f"Error: corpus folder '{tmp_path / 'absent'}' does not exist "
        "(create it with `rhetoric init DIR` or pass --corpus)\n"
    )


def test_import_success_summary(cli, corpus: Corpus, write_file) -> None:
    path = write_file("rows.csv", "speaker,date,text\nNATO,2024,one\nKyiv,2024,two\nNATO,2024,one\n")
    r = cli("import", str(path), "--corpus", str(corpus.path))
    assert (r.exit_code, r.stdout, r.stderr) == (0, "added 2, duplicates 1, rejected 0\n", "")


def test_import_bad_rows_exit_1_lists_every_row(cli, seed_copy: Corpus, write_file) -> None:
    path = write_file("rows.csv", "speaker,date,text\nnato,2024,ok\nnato,2024-13-01,x\n,2024,y\n")
    before = seed_copy.statements_path.read_bytes()
    r = cli("import", str(path), "--corpus", str(seed_copy.path))
    assert r.exit_code == 1
    assert r.stdout == "added 0, duplicates 0, rejected 2\n"
    assert r.stderr.splitlines() == [
        f"{path}:3: [date] invalid date '2024-13-01': month 13 is not 1-12 "
        "(use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-12-01)",
        f"{path}:4: [speaker] is empty",
        f"Error: {path}: 2 bad row(s); nothing was written "
        "(fix the rows listed, or pass --skip-invalid to import the good ones)",
    ]
    assert seed_copy.statements_path.read_bytes() == before


def test_import_skip_invalid_and_dry_run(cli, corpus: Corpus, write_file) -> None:
    path = write_file("rows.jsonl", '{"speaker": "nato", "date": "2024", "text": "ok"}\n{"speaker": \n')
    dry = cli("import", str(path), "--corpus", str(corpus.path), "--skip-invalid", "--dry-run")
    assert (dry.exit_code, dry.stdout) == (0, "dry run, nothing written: added 1, duplicates 0, rejected 1\n")
    assert corpus.statements_path.read_bytes() == b""
    real = cli("import", str(path), "--corpus", str(corpus.path), "--skip-invalid")
    assert (real.exit_code, real.stdout) == (0, "added 1, duplicates 0, rejected 1\n")
    assert real.stderr.splitlines()[-1] == f"Warning: rejected rows written to {path}.rejects.jsonl"
    assert json.loads((path.parent / "rows.jsonl.rejects.jsonl").read_text())["line"] == 2


def test_import_non_utf8_suggests_encoding(cli, seed_copy: Corpus, write_file) -> None:
    path = write_file("latin.csv", "speaker,date,text\nnato,2024,café\n".encode("cp1252"))
    before = seed_copy.statements_path.read_bytes()
    r = cli("import", str(path), "--corpus", str(seed_copy.path))
    assert r.exit_code == 1
    assert r.stderr == (
        f"Error: {path}: is not valid utf-8 text (byte 0xe9 at line 2) "
        "(pass --encoding with the file's encoding, e.g. --encoding cp1252 or --encoding latin-1)\n"
    )
    assert seed_copy.statements_path.read_bytes() == before
    ok = cli("import", str(path), "--corpus", str(seed_copy.path), "--encoding", "cp1252")
    assert ok.exit_code == 0 and seed_copy.statements()[-1].text == "café"


def test_import_missing_column(cli, seed_copy: Corpus, write_file) -> None:
    path = write_file("rows.csv", "speaker,date\nnato,2024\n")
    r = cli("import", str(path), "--corpus", str(seed_copy.path))
    assert r.exit_code == 1
    assert (
        r.stderr
        == f"Error: {path}:1: missing required column(s): text (the header row needs speaker, date, text, "
        "or map a column onto each with --map COLUMN=FIELD (columns: speaker, date))\n"
    )


def test_list_formats(cli, seed_copy: Corpus) -> None:
    base = ["list", "--corpus", str(seed_copy.path), "--speaker", "Zelensky"]
    as_json = cli(*base, "--format", "json")
    assert as_json.exit_code == 0
    records = json.loads(as_json.stdout)
    assert [r["speaker"] for r in records] == ["zelensky"] * 3
    as_csv = cli(*base, "--format", "csv", "--limit", "1")
    lines = as_csv.stdout.splitlines()
    assert lines[0].startswith("id,speaker,speaker_as_written,date") and len(lines) == 2
    table = cli(*base, "--limit", "2")
    assert table.exit_code == 0 and records[0]["id"] in table.stdout and records[2]["id"] not in table.stdout


def test_list_nothing_matches(cli, seed_copy: Corpus) -> None:
    r = cli("list", "--corpus", str(seed_copy.path), "--contains", "no such words")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "no statements match\n")
    assert (
        cli("list", "--corpus", str(seed_copy.path), "--contains", "zzz", "--format", "json").stdout == "[]\n"
    )


def test_list_bad_filter_exit_1_and_bad_format_exit_2(cli, seed_copy: Corpus) -> None:
    r = cli("list", "--corpus", str(seed_copy.path), "--since", "yesterday")
    assert r.exit_code == 1 and r.stderr.startswith("Error: [since] invalid date 'yesterday'")
    assert cli("list", "--corpus", str(seed_copy.path), "--format", "xml").exit_code == 2


def test_show(cli, seed_copy: Corpus) -> None:
    s = seed_copy.statements()[1]
    r = cli("show", s.id, "--corpus", str(seed_copy.path), "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == s.to_dict()
    table = cli("show", s.id, "--corpus", str(seed_copy.path))
    assert (
        table.exit_code == 0
        and "speaker_as_written" in table.stdout
        and "the Ukrainian president" in table.stdout
    )
    missing = cli("show", "s-000000000000", "--corpus", str(seed_copy.path))
    assert missing.exit_code == 1 and "no statement with id 's-000000000000'" in missing.stderr


def test_remove_needs_yes(cli, seed_copy: Corpus) -> None:
    s = seed_copy.statements()[0]
    before = seed_copy.statements_path.read_bytes()
    refused = cli("remove", s.id, "--corpus", str(seed_copy.path))
    assert refused.exit_code == 1
    assert refused.stderr == f"Error: not removed: pass --yes to remove {s.id} ({s.speaker}, {s.date})\n"
    assert seed_copy.statements_path.read_bytes() == before
    done = cli("remove", s.id, "--corpus", str(seed_copy.path), "--yes")
    assert (done.exit_code, done.stdout) == (0, f"removed {s.id} ({s.speaker}, {s.date})\n")
    assert not seed_copy.contains_id(s.id)


def test_validate(cli, seed_copy: Corpus) -> None:
    ok = cli("validate", "--corpus", str(seed_copy.path))
    assert (ok.exit_code, ok.stdout) == (0, f"ok: 13 statements in {seed_copy.statements_path}\n")
    with seed_copy.statements_path.open("ab") as fh:
        fh.write(b"{broken\n")
    bad = cli("validate", "--corpus", str(seed_copy.path))
    assert bad.exit_code == 1
    assert bad.stderr.splitlines() == [
        f"{seed_copy.statements_path}:14: malformed JSON: "
        "Expecting property name enclosed in double quotes at column 2",
        f"Error: 1 problem(s) in {seed_copy.statements_path}",
    ]
