"""Tests for rhetoric.corpus.importer and readers: every bad row reported, all-or-nothing writes."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from rhetoric.corpus import Corpus, import_file
from rhetoric.corpus.store import encode_statement
from rhetoric.errors import ImportRejectedError, InputFormatError, ValidationError
from rhetoric.records import MAX_TEXT_CHARS

GOOD_CSV = (
    'speaker,date,text,kind\nZelensky,2024-12-01,"NATO, now",direct\nKiev,2022-09,Applied.,paraphrase\n'
)


def test_csv_import(corpus: Corpus, write_file) -> None:
    result = import_file(corpus, write_file("rows.csv", GOOD_CSV))
    assert result.summary() == "added 2, duplicates 0, rejected 0"
    assert [(s.speaker, s.speaker_as_written, s.text) for s in corpus.statements()] == [
        ("zelensky", "Zelensky", "NATO, now"),
        ("ukraine", "Kiev", "Applied."),
    ]


def test_import_twice_counts_duplicates(corpus: Corpus, write_file) -> None:
    path = write_file("rows.csv", GOOD_CSV)
    import_file(corpus, path)
    before = corpus.statements_path.read_bytes()
    assert import_file(corpus, path).summary() == "added 0, duplicates 2, rejected 0"
    assert corpus.statements_path.read_bytes() == before


def test_duplicates_inside_the_file(corpus: Corpus, write_file) -> None:
    path = write_file("rows.jsonl", '{"speaker": "nato", "date": "2024", "text": "x"}\n' * 3)
    assert import_file(corpus, path).summary() == "added 1, duplicates 2, rejected 0"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bom.csv", b"\xef\xbb\xbf" + GOOD_CSV.encode()),
        ("crlf.csv", GOOD_CSV.replace("\n", "\r\n").encode()),
        ("bomcrlf.csv", b"\xef\xbb\xbf" + GOOD_CSV.replace("\n", "\r\n").encode()),
        (
            "crlf.jsonl",
            b'\xef\xbb\xbf{"speaker": "Zelensky", "date": "2024-12-01", "text": "NATO, now"}\r\n'
            b'\r\n{"speaker": "Kiev", "date": "2022-09", "text": "Applied.", "kind": "paraphrase"}\r\n',
        ),
    ],
)
def test_bom_and_crlf_accepted(corpus: Corpus, write_file, name: str, content: bytes) -> None:
    assert import_file(corpus, write_file(name, content)).summary() == "added 2, duplicates 0, rejected 0"
    assert [s.text for s in corpus.statements()] == ["NATO, now", "Applied."]


def test_multiline_csv_cell_keeps_row_line_numbers(corpus: Corpus, write_file) -> None:
    content = 'speaker,date,text\nnato,2024,"two\nlines"\nnato,2024-13,bad\n'
    with pytest.raises(ImportRejectedError) as info:
        import_file(corpus, write_file("rows.csv", content))
    assert [p.line for p in info.value.problems] == [4]


# Each bad file: (name, content, expected messages of every bad row, in order).
BAD_ROWS = [
    (
        "malformed.jsonl",
        '{"speaker": "nato", "date": "2024", "text": "ok"}\n{"speaker": "nato", "date": \n',
        ["malformed.jsonl:2: malformed JSON: Expecting value at column 29"],
    ),
    (
        "notobject.jsonl",
        '["nato", "2024", "x"]\n',
        ["notobject.jsonl:1: expected a JSON object, got list"],
    ),
    (
        "nested_key.jsonl",
        '{"speaker": "nato", "date": "2024", "text": "x", "colour": ["red"]}\n',
        [
            "nested_key.jsonl:1: [meta.colour] must be a string, number, true/false or null, got list "
            "(meta is one flat object)"
        ],
    ),
    (
        "rows.csv",
        "speaker,date,text,kind\n"
        "nato,2024,,direct\n"
        "   ,2024,x,direct\n"
        "nato,2024-13-01,x,direct\n"
        "nato,24/11/2024,x,direct\n"
        "nato,2024,x,quote\n"
        "nato,2024,x,direct,extra\n",
        [
            "rows.csv:2: [text] is empty",
            "rows.csv:3: [speaker] is empty",
            "rows.csv:4: [date] invalid date '2024-13-01': month 13 is not 1-12 "
            "(use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-12-01)",
            "rows.csv:5: [date] invalid date '24/11/2024' (use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-12-01)",
            "rows.csv:6: [kind] unknown kind 'quote' (use direct, paraphrase or reported)",
            "rows.csv:7: row has 5 cells, the header has 4 (quote cells that contain commas)",
        ],
    ),
    (
        "long.jsonl",
        json.dumps({"speaker": "nato", "date": "2024", "text": "y" * (MAX_TEXT_CHARS + 5)}) + "\n",
        ["long.jsonl:1: [text] is 100,005 characters long; the limit is 100,000 (split the statement)"],
    ),
    (
        "nul_escape.jsonl",
        '{"speaker": "nato", "date": "2024", "text": "a\\u0000b"}\n',
        ["nul_escape.jsonl:1: [text] contains a NUL byte"],
    ),
    (
        "tampered.jsonl",
        '{"id": "s-000000000000", "speaker": "nato", "date": "2024", "text": "x"}\n',
        [
            "tampered.jsonl:1: [id] id 's-000000000000' does not match the content "
            "(expected 's-5e0e380a3cd9') "
            "(remove the id to have it computed, or restore the original speaker/date/text)"
        ],
    ),
]


@pytest.mark.parametrize(("name", "content", "messages"), BAD_ROWS, ids=[b[0] for b in BAD_ROWS])
def test_bad_rows_all_reported_nothing_written(
    seed_copy: Corpus, write_file, name: str, content: str, messages: list[str]
) -> None:
    before = seed_copy.statements_path.read_bytes()
    path = write_file(name, content)
    with pytest.raises(ImportRejectedError) as info:
        import_file(seed_copy, path)
    got = [str(p).replace(str(path.parent) + "/", "") for p in info.value.problems]
    assert got == messages
    assert info.value.result.summary().startswith("added 0,")
    assert seed_copy.statements_path.read_bytes() == before
    assert not (path.parent / (name + ".rejects.jsonl")).exists()


# File-level problems: (name, content, error class, message pattern).
BAD_FILES = [
    (
        "missing.csv",
        "speaker,date\nnato,2024\n",
        ValidationError,
        r"missing\.csv:1: missing required column\(s\): text",
    ),
    (
        "unnamed.csv",
        "speaker,date,text,\n",
        ValidationError,
        r"unnamed\.csv:1: column 4 of the header row has no name \(name every column",
    ),
    (
        "latin1.csv",
        "speaker,date,text\nnato,2024,caf\xe9\n".encode("latin-1"),
        InputFormatError,
        r"latin1\.csv: is not valid utf-8 text \(byte 0xe9 at line 2\) \(pass --encoding",
    ),
    ("nul.jsonl", b'{"speaker": "nato",\x00 "date": "2024"}\n', InputFormatError, r"NUL character at line 1"),
    ("utf16.csv", "speaker,date,text\n".encode("utf-16-le"), InputFormatError, r"NUL.*--encoding utf-16"),
    ("notes.txt", "speaker,date,text\n", InputFormatError, r"cannot tell the format.*--format csv"),
    ("quote.csv", 'speaker,date,text\nnato,2024,"unclosed\n', InputFormatError, r"cannot parse CSV"),
]


@pytest.mark.parametrize(("name", "content", "error", "pattern"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_raise_and_write_nothing(
    seed_copy: Corpus, write_file, name: str, content, error: type, pattern: str
) -> None:
    before = seed_copy.statements_path.read_bytes()
    with pytest.raises(error, match=pattern):
        import_file(seed_copy, write_file(name, content))
    assert seed_copy.statements_path.read_bytes() == before


def test_encoding_option_reads_latin1(corpus: Corpus, write_file) -> None:
    path = write_file("latin1.csv", "speaker,date,text\nnato,2024,caf\xe9\n".encode("latin-1"))
    import_file(corpus, path, encoding="latin-1")
    assert corpus.statements()[0].text == "café"


def test_unknown_encoding(corpus: Corpus, write_file) -> None:
    with pytest.raises(InputFormatError, match="unknown encoding 'klingon'"):
        import_file(corpus, write_file("a.csv", "speaker,date,text\n"), encoding="klingon")


def test_format_option_overrides_extension(corpus: Corpus, write_file) -> None:
    path = write_file("rows.txt", '{"speaker": "nato", "date": "2024", "text": "x"}\n')
    assert import_file(corpus, path, fmt="jsonl").summary() == "added 1, duplicates 0, rejected 0"


def test_skip_invalid_writes_good_rows_and_rejects(corpus: Corpus, write_file) -> None:
    path = write_file("rows.csv", "speaker,date,text\nnato,2024,good\nnato,2024-13,bad\n,2024,x\n")
    result = import_file(corpus, path, skip_invalid=True)
    assert result.summary() == "added 1, duplicates 0, rejected 2"
    assert [s.text for s in corpus.statements()] == ["good"]
    rejects = [json.loads(line) for line in result.rejects_path.read_text().splitlines()]
    assert result.rejects_path == path.parent / "rows.csv.rejects.jsonl"
    assert [(r["line"], r["row"]) for r in rejects] == [
        (3, {"speaker": "nato", "date": "2024-13", "text": "bad"}),
        (4, {"speaker": "", "date": "2024", "text": "x"}),
    ]
    assert rejects[1]["error"].endswith("rows.csv:4: [speaker] is empty")


def test_dry_run_writes_nothing(corpus: Corpus, write_file) -> None:
    path = write_file("rows.csv", "speaker,date,text\nnato,2024,good\nnato,2024-13,bad\n")
    result = import_file(corpus, path, dry_run=True, skip_invalid=True)
    assert result.summary() == "added 1, duplicates 0, rejected 1"
    assert corpus.statements_path.read_bytes() == b""
    assert not (path.parent / "rows.csv.rejects.jsonl").exists()
    with pytest.raises(ImportRejectedError):
        import_file(corpus, path, dry_run=True)


def test_future_dates_and_unknown_speakers_warn_with_lines(corpus: Corpus, write_file) -> None:
    rows = "speaker,date,text\nNobody,2024,a\nNobody,2024,b\nnato,2031,c\n"
    result = import_file(corpus, write_file("rows.csv", rows), today=dt.date(2026, 1, 1))
    assert result.warnings == (
        "unknown speaker 'Nobody': added as written (add the actor or an alias to actors.toml) (lines 2, 3)",
        "date 2031 is in the future; added anyway (check it) (line 4)",
    )


def test_strict_rejects_unknown_speakers(corpus: Corpus, write_file) -> None:
    with pytest.raises(ImportRejectedError) as info:
        import_file(corpus, write_file("rows.csv", "speaker,date,text\nNobody,2024,a\n"), strict=True)
    assert "rows.csv:2: [speaker] unknown speaker 'Nobody'" in str(info.value.problems[0])


def test_reimport_of_stored_statements_keeps_them(seed_copy: Corpus, corpus: Corpus, write_file) -> None:
    export = b"".join(encode_statement(s) for s in seed_copy.statements())
    result = import_file(corpus, write_file("export.jsonl", export))
    assert result.summary() == "added 13, duplicates 0, rejected 0"
    assert corpus.statements_path.read_bytes() == seed_copy.statements_path.read_bytes()


def test_import_replaces_the_file_atomically(corpus: Corpus, write_file) -> None:
    corpus.statements_path.write_bytes(b"")
    inode = corpus.statements_path.stat().st_ino
    import_file(corpus, write_file("rows.csv", GOOD_CSV))
    assert corpus.statements_path.stat().st_ino != inode  # a new file was renamed into place
    assert list(corpus.path.glob(".statements.*")) == []


def test_empty_files_import_nothing(corpus: Corpus, write_file) -> None:
    assert import_file(corpus, write_file("e.csv", "")).summary() == "added 0, duplicates 0, rejected 0"
    assert import_file(corpus, write_file("e.jsonl", "\n\n")).summary() == "added 0, duplicates 0, rejected 0"


def test_missing_input_file(corpus: Corpus, tmp_path) -> None:
    with pytest.raises(InputFormatError, match="file not found"):
        import_file(corpus, tmp_path / "absent.csv")
