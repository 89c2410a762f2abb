"""Importing a researcher's own files: extra columns kept in meta, --map, separators, annotation tools."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.corpus import Corpus, import_file
from rhetoric.corpus.fieldmap import parse_mapping
from rhetoric.corpus.readers import parse_delimiter, sniff_delimiter
from rhetoric.errors import InputFormatError, ValidationError
from rhetoric.records import Statement, check_meta
from tests.golden import assert_golden

DATA = Path(__file__).parent / "data" / "import"
GOLDEN = Path(__file__).parent / "golden" / "import"


def _imported(corpus: Corpus) -> bytes:
    rows = [{k: v for k, v in s.to_dict().items() if k != "added_at"} for s in corpus.statements()]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


# (fixture file, --map options, --format, --delimiter, summary)
GOOD = [
    ("semicolon.csv", [], None, None, "added 2, duplicates 0, rejected 0"),
    ("tabbed.tsv", [], None, None, "added 1, duplicates 0, rejected 0"),
    (
        "mapped.csv",
        ["author=speaker", "published=date", "quote=text", "outlet=source"],
        None,
        None,
        "added 1, duplicates 0, rejected 0",
    ),
    ("prodigy.jsonl", [], None, None, "added 2, duplicates 0, rejected 0"),
    (
        "prodigy_nometa.jsonl",
        ["author=speaker", "published=date"],
        "prodigy",
        None,
        "added 1, duplicates 0, rejected 0",
    ),
    ("doccano.jsonl", [], None, None, "added 2, duplicates 0, rejected 0"),
    ("label_studio.json", ["outlet=source"], None, None, "added 2, duplicates 0, rejected 0"),
]


@pytest.mark.parametrize(("name", "maps", "fmt", "delimiter", "summary"), GOOD, ids=[g[0] for g in GOOD])
def test_golden_imports(corpus: Corpus, name: str, maps, fmt, delimiter, summary: str) -> None:
    result = import_file(corpus, DATA / name, mapping=maps, fmt=fmt, delimiter=delimiter)
    assert result.summary() == summary
    assert_golden(_imported(corpus), GOLDEN / f"{name}.jsonl")


def test_meta_round_trips_through_the_corpus(corpus: Corpus) -> None:
    import_file(corpus, DATA / "semicolon.csv")
    first = corpus.statements()[0]
    assert dict(first.meta) == {"outlet_id": "17", "coder": "ab"}
    assert Statement.from_dict(first.to_dict()) == first
    # an empty cell is left out of meta rather than stored as ""
    assert dict(corpus.statements()[1].meta) == {"coder": "cd"}
    from rhetoric.corpus import load_statements_frame
    from rhetoric.corpus.validate import validate_corpus

    assert len(load_statements_frame(corpus)) == 2
    assert validate_corpus(corpus).ok


def test_explicit_delimiter_wins_over_sniffing(corpus: Corpus, write_file) -> None:
    path = write_file("pipes.csv", "speaker|date|text\nNATO|2024|Not now; maybe later, after the war.\n")
    import_file(corpus, path, delimiter="|")
    assert [s.text for s in corpus.statements()] == ["Not now; maybe later, after the war."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a,b;c\n", ","),
        ("speaker;date;text\n", ";"),
        ("speaker\tdate\ttext\n", "\t"),
        ("a|b|c\n", "|"),
        ("one\n", ","),
    ],
)
def test_sniff_delimiter(text: str, expected: str) -> None:
    assert sniff_delimiter(text) == expected


@pytest.mark.parametrize("value", ["ab", "", "x", '"', "\n"])
def test_bad_delimiter(value: str) -> None:
    with pytest.raises(InputFormatError, match="is not one separator character"):
        parse_delimiter(value)


BAD_MAPS = [
    (["author"], "--map 'author': expected COLUMN=FIELD (e.g. --map author=speaker)"),
    (["=speaker"], "--map '=speaker': expected COLUMN=FIELD (e.g. --map author=speaker)"),
    (
        ["author=spekaer"],
        "--map 'author=spekaer': unknown statement field 'spekaer' (map onto one of: speaker, "
        "speaker_as_written, date, date_qualifier, text, kind, source, url, document, added_at, note, "
        "occasion, position)",
    ),
    (
        ["author=id"],
        "--map 'author=id': unknown statement field 'id' (map onto one of: speaker, "
        "speaker_as_written, date, date_qualifier, text, kind, source, url, document, added_at, note, "
        "occasion, position)",
    ),
    (["a=speaker", "a=date"], "--map 'a=date': column 'a' is mapped twice (give it once)"),
    (
        ["a=speaker", "b=speaker"],
        "--map 'b=speaker': field 'speaker' is already mapped from another column "
        "(map one column onto each field)",
    ),
]


@pytest.mark.parametrize(("maps", "message"), BAD_MAPS, ids=[m[1][:30] for m in BAD_MAPS])
def test_bad_map_specs(maps: list[str], message: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_mapping(maps)
    assert str(info.value) == message


# File-level errors: (fixture, maps, fmt, exact message with the fixture's folder removed)
BAD_FILES = [
    (
        "mapped.csv",
        ["writer=speaker", "published=date", "quote=text"],
        None,
        "mapped.csv: --map writer=speaker: no column 'writer' in the file (columns found: author, published, "
        "quote, outlet)",
    ),
    (
        "mapped.csv",
        [],
        None,
        "mapped.csv:1: missing required column(s): speaker, date, text (the header row needs speaker, date, "
        "text, or map a column onto each with --map COLUMN=FIELD (columns: author, published, quote, outlet))",
    ),
    (
        "semicolon.csv",
        ["coder=speaker"],
        None,
        "semicolon.csv: --map coder=speaker: the file already has a column 'speaker' (drop the --map, or map "
        "'speaker' elsewhere too (e.g. --map speaker=note))",
    ),
    (
        "prodigy_nometa.jsonl",
        [],
        None,
        "prodigy_nometa.jsonl: the Prodigy records carry no speaker and no date (rhetoric reads the keys of "
        '"meta"; name the keys that hold them with --map KEY=speaker --map KEY=date (keys found: '
        "_input_hash, _task_hash, answer, author, published))",
    ),
    (
        "prodigy_nometa.jsonl",
        ["author=speaker"],
        "prodigy",
        'prodigy_nometa.jsonl: the Prodigy records carry no date (rhetoric reads the keys of "meta"; name the '
        "keys that hold them with --map KEY=date (keys found: _input_hash, _task_hash, answer, author, "
        "published))",
    ),
    (
        "doccano.jsonl",
        ["speaker_name=speaker"],
        None,
        "doccano.jsonl: --map speaker_name=speaker: no key 'speaker_name' in the file (keys found: text, "
        "speaker, date, coder, doccano_id, labels)",
    ),
    (
        "prodigy.jsonl",
        [],
        "label-studio",
        "prodigy.jsonl: expected a JSON array of tasks (export the project from Label Studio as JSON)",
    ),
]


@pytest.mark.parametrize(
    ("name", "maps", "fmt", "message"), BAD_FILES, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD_FILES)]
)
def test_bad_files_write_nothing(seed_copy: Corpus, name: str, maps, fmt, message: str) -> None:
    before = seed_copy.statements_path.read_bytes()
    with pytest.raises((ValidationError, InputFormatError)) as info:
        import_file(seed_copy, DATA / name, mapping=maps, fmt=fmt)
    assert str(info.value).replace(str(DATA) + "/", "") == message
    assert seed_copy.statements_path.read_bytes() == before


def test_label_studio_task_without_data_is_a_row_error(corpus: Corpus, write_file) -> None:
    path = write_file(
        "ls.json", '[\n{"data": {"text": "x", "speaker": "nato", "date": "2024"}},\n{"id": 2}\n]\n'
    )
    result = import_file(corpus, path, skip_invalid=True)
    assert result.summary() == "added 1, duplicates 0, rejected 1"
    assert str(result.rejected[0].error).endswith(
        'ls.json:3: [data] expected a Label Studio task with a "data" object (export the project from Label '
        "Studio as JSON (not JSON-MIN or CSV))"
    )


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        (
            {"a": {"b": 1}},
            "[meta.a] must be a string, number, true/false or null, got dict (meta is one flat object)",
        ),
        ({"": 1}, "[meta] bad key '' (keys are names of 1 to 100 characters)"),
        ({"a": float("nan")}, "[meta.a] must be a finite number"),
        ("x", '[meta] must be an object, got str (e.g. {"coder": "ab"})'),
    ],
)
def test_meta_schema_errors(meta, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_meta(meta)
    assert str(info.value) == message


def test_meta_schema_accepts_flat_values() -> None:
    assert check_meta({"s": "x", "i": 1, "f": 1.5, "b": False, "n": None}) == (
        ("s", "x"),
        ("i", 1),
        ("f", 1.5),
        ("b", False),
        ("n", None),
    )


# --- through the CLI: exact Error lines, exit codes, corpus untouched --------------------------------


def _run(args: list[str]):
    return CliRunner().invoke(app, args)


def test_cli_import_with_map(corpus: Corpus) -> None:
    result = _run(
        [
            "import",
            str(DATA / "mapped.csv"),
            "--map",
            "author=speaker",
            "--map",
            "published=date",
            "--map",
            "quote=text",
            "--corpus",
            str(corpus.path),
        ]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "added 1, duplicates 0, rejected 0\n"
    assert dict(corpus.statements()[0].meta) == {"outlet": "Nordic Times"}


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--map", "author"], "Error: --map 'author': expected COLUMN=FIELD (e.g. --map author=speaker)\n"),
        (
            ["--delimiter", "ab"],
            "Error: --delimiter 'ab' is not one separator character (use e.g. --delimiter ';' "
            "or --delimiter tab)\n",
        ),
        (
            ["--format", "excel"],
            "Error: unknown format 'excel' (use --format csv | jsonl | json | prodigy | doccano | label-studio)\n",
        ),
    ],
)
def test_cli_bad_options_exit_1_and_write_nothing(tmp_path: Path, args: list[str], error: str) -> None:
    target = tmp_path / "c"
    shutil.copytree(DATA.parents[3] / "corpora" / "ukraine-nato", target)
    before = (target / "statements.jsonl").read_bytes()
    result = _run(["import", str(DATA / "mapped.csv"), *args, "--corpus", str(target)])
    assert result.exit_code == 1
    assert result.stderr == error
    assert (target / "statements.jsonl").read_bytes() == before
