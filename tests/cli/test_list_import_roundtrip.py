"""``list --format csv`` imports back: occasion, position and meta survive the round trip.

A researcher edits a listing in a spreadsheet and imports it into another corpus; the CSV cells
are text, so ``position`` is read as an integer and ``meta`` as a JSON object, and an empty cell
leaves the field unset.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rhetoric.corpus import Corpus, init_corpus
from rhetoric.records import Statement
from tests.conftest import SEED_CORPUS

ADDED = "2024-12-02T10:00:00Z"


def _said(**extra) -> Statement:
    data = {
        "speaker": "zelensky",
        "date": "2024-12-03",
        "added_at": ADDED,
        "text": "No talks until withdrawal.",
    }
    return Statement.from_dict({**data, **extra}, compute_id=True)


@pytest.fixture
def listed(corpus: Corpus) -> Corpus:
    corpus.append(
        [
            _said(occasion="press conference 2024-12-03", position=0, meta={"coder": "ab", "page": 2}),
            _said(text="We want guarantees.", occasion="press conference 2024-12-03", position=1),
            _said(speaker="putin", text="Talks are possible, but not now.", date="2024-12"),
        ]
    )
    return corpus


@pytest.fixture
def other(tmp_path: Path) -> Corpus:
    target = init_corpus(tmp_path / "other")
    shutil.copy(SEED_CORPUS / "actors.toml", target.actors_path)
    return target


def test_list_csv_imports_back_unchanged(cli, listed: Corpus, other: Corpus, tmp_path: Path) -> None:
    listing = cli("list", "--corpus", str(listed.path), "--format", "csv")
    assert listing.exit_code == 0
    path = tmp_path / "listing.csv"
    path.write_bytes(listing.stdout_bytes)
    r = cli("import", str(path), "--corpus", str(other.path))
    assert (r.exit_code, r.stdout.strip()) == (0, "added 3, duplicates 0, rejected 0")
    again = cli("list", "--corpus", str(other.path), "--format", "csv")
    assert again.stdout_bytes == listing.stdout_bytes
    assert [(s.occasion, s.position, dict(s.meta)) for s in other.iter_statements()] == [
        ("press conference 2024-12-03", 0, {"coder": "ab", "page": 2}),
        ("press conference 2024-12-03", 1, {}),
        ("", None, {}),  # "" is an unset occasion
    ]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ('"{""coder"": ""ab""}",3', (3, {"coder": "ab"})),
        (" {} , 12 ", (12, {})),
        (",", (None, {})),
        ("  ,  ", (None, {})),
    ],
)
def test_typed_cells(cli, other: Corpus, write_file, cells: str, expected) -> None:
    path = write_file(
        "rows.csv", f"speaker,date,text,meta,position\nputin,2024-12-02,Talks are possible.,{cells}\n"
    )
    r = cli("import", str(path), "--corpus", str(other.path))
    assert r.exit_code == 0, r.stderr
    [statement] = other.iter_statements()
    assert (statement.position, dict(statement.meta)) == expected


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        ("[1],", "[meta] the 'meta' cell is not a JSON object"),
        ('"{""coder"": ",', "[meta] the 'meta' cell is not a JSON object"),
        ("true,", "[meta] the 'meta' cell is not a JSON object"),
        ("{},x", "[position] must be an integer, got str"),
        ("{},-1", "[position] must be >= 0, got -1"),
    ],
)
def test_typed_cells_errors(cli, other: Corpus, write_file, cells: str, problem: str) -> None:
    path = write_file(
        "rows.csv", f"speaker,date,text,meta,position\nputin,2024-12-02,Talks are possible.,{cells}\n"
    )
    before = other.statements_path.read_bytes()
    r = cli("import", str(path), "--corpus", str(other.path))
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert lines[0].startswith(f"{path}:2: {problem}")
    assert lines[-1] == (
        f"Error: {path}: 1 bad row(s); nothing was written "
        "(fix the rows listed, or pass --skip-invalid to import the good ones)"
    )
    assert other.statements_path.read_bytes() == before


def test_a_meta_cell_and_extra_columns_merge(cli, other: Corpus, write_file) -> None:
    path = write_file(
        "rows.csv", 'speaker,date,text,meta,outlet\nputin,2024-12-02,Talks.,"{""coder"": ""ab""}",TASS\n'
    )
    assert cli("import", str(path), "--corpus", str(other.path)).exit_code == 0
    [statement] = other.iter_statements()
    assert dict(statement.meta) == {"coder": "ab", "outlet": "TASS"}


def test_list_json_imports_back_unchanged(cli, listed: Corpus, other: Corpus, tmp_path: Path) -> None:
    listing = cli("list", "--corpus", str(listed.path), "--format", "json")
    path = tmp_path / "listing.json"
    path.write_bytes(listing.stdout_bytes)
    r = cli("import", str(path), "--corpus", str(other.path))
    assert (r.exit_code, r.stdout.strip()) == (0, "added 3, duplicates 0, rejected 0")
    assert cli("list", "--corpus", str(other.path), "--format", "json").stdout_bytes == listing.stdout_bytes


def test_a_reviewed_extraction_imports_as_extract_add_would_add(cli, tmp_path: Path) -> None:
    article = str(Path(__file__).resolve().parents[2] / "seeds" / "000_194b2d9dfd68f7ca.txt")
    corpora = []
    for name in ("by_add", "by_import"):
        target = init_corpus(tmp_path / name)
        shutil.copy(SEED_CORPUS / "actors.toml", target.actors_path)
        corpora.append(target)
    args = (article, "--date", "2024-12-03")
    assert cli("extract", *args, "--add", "--corpus", str(corpora[0].path)).exit_code == 0
    review = tmp_path / "review.json"
    review.write_bytes(
        cli("extract", *args, "--format", "json", "--corpus", str(corpora[1].path)).stdout_bytes
    )
    assert cli("import", str(review), "--corpus", str(corpora[1].path)).exit_code == 0
    added, imported = ([s for s in c.iter_statements()] for c in corpora)
    assert [(s.id, s.speaker, s.kind) for s in imported] == [(s.id, s.speaker, s.kind) for s in added]
    # Both ways keep where in the article each statement was found, and the same review columns.
    assert [dict(s.meta) for s in added] == [dict(s.meta) for s in imported]
    meta = dict(added[0].meta)
    assert set(meta) == {"start", "end", "cue", "confidence", "date_evidence", "speaker_known"}
    assert Path(article).read_text(encoding="utf-8")[meta["start"] : meta["end"]] == added[0].text


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            '[1, {"speaker": "putin", "date": "2024", "text": "No talks."}]',
            "{path}:1: expected a JSON object, got int",
        ),
        (
            '{"speaker": "putin", "date": "2024", "text": "No talks."}',
            "Error: {path}: expected a JSON array of statements or Label Studio tasks "
            "(a .json file holds one array ([{{...}}, ...]); one object a line is .jsonl)",
        ),
    ],
)
def test_a_json_file_that_is_not_an_array_of_objects(
    cli, other: Corpus, write_file, content, expected
) -> None:
    path = write_file("rows.json", content)
    before = other.statements_path.read_bytes()
    r = cli("import", str(path), "--corpus", str(other.path))
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == expected.format(path=path)
    assert other.statements_path.read_bytes() == before
