"""The streamed export (``export_tables``) writes the same files as the in-memory one (``write_tables``).

A generated corpus of 800 statements (shared sources so that occasions hold several
statements, some explicit occasions and positions, every date precision and qualifier) is
exported both ways with the chunk sizes forced small: the analysis engine's chunks, the
analysis cache's blocks and the Parquet row groups.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from rhetoric.engine import Engine, use_engine
from rhetoric.errors import NotFoundError, UsageError
from rhetoric.export import stream as stream_module
from rhetoric.export.dictionary import TABLE_NAMES
from rhetoric.export.write import export_tables, write_tables
from rhetoric.output import write as output_write
from rhetoric.session import analyze_all
from tests.conftest import SEED_CORPUS

from .conftest import GOLDEN_DIR

N_STATEMENTS = 800
SOURCES = ("Nordic Times", "Wire", "Gazette", "")
DATES = ("2023", "2023-05", "2023-05-14", "2024-01", "2024-01-02", "2024-02-29", "2025-07")


def generated_corpus(root: Path, n: int = N_STATEMENTS) -> Path:
    """``n`` variants of the seed statements over a few sources and dates; two parties in actors.toml."""
    from rhetoric.corpus import add_statements, init_corpus

    corpus = init_corpus(root)
    shutil.copy(SEED_CORPUS / "codebook.toml", root / "codebook.toml")
    actors = (SEED_CORPUS / "actors.toml").read_text(encoding="utf-8")
    for actor, party in (("zelensky", "kyiv"), ("ukraine", "kyiv"), ("putin", "moscow"), ("russia", "moscow")):
        actors = actors.replace(f"[actors.{actor}]\n", f'[actors.{actor}]\nparty = "{party}"\n', 1)
    (root / "actors.toml").write_text(actors, encoding="utf-8")
    seed = [json.loads(line) for line in (SEED_CORPUS / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    rng = random.Random(18)
    rows = []
    for i in range(n):
        row = {k: v for k, v in rng.choice(seed).items() if k != "id"}
        row["text"] = f"{row['text']} (variant {i})"
        row["date"] = rng.choice(DATES)
        row["date_qualifier"] = rng.choice(("", "", "", "circa", "before", "after"))
        row["source"] = rng.choice(SOURCES)
        row["occasion"] = rng.choice(("", "", "", "", "Davos", "Summit"))
        row["position"] = rng.choice((None, None, rng.randint(1, 9)))
        rows.append(row)
    add_statements(corpus, rows, added_at="2026-01-01T00:00:00Z")
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return generated_corpus(tmp_path_factory.mktemp("generated") / "corpus")


@pytest.fixture(scope="module")
def in_memory(corpus, tmp_path_factory) -> Path:
    """The corpus exported through the in-memory analysis (as before streaming), CSV and JSONL."""
    out = tmp_path_factory.mktemp("in-memory")
    ca = analyze_all(corpus)
    for fmt in ("csv", "jsonl", "parquet"):
        write_tables(ca, tables=["all"], out_dir=out / fmt, fmt=fmt)
    return out


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks, cache blocks and row groups far smaller than the corpus."""
    monkeypatch.setattr(stream_module, "CACHE_BLOCK", 97)
    monkeypatch.setattr(output_write, "PARQUET_ROW_GROUP", 113)
    monkeypatch.setattr(output_write.write_parquet, "__kwdefaults__", {"row_group": 113})
    with use_engine(Engine(chunk_size=7)):
        yield


def same_files(a: Path, b: Path, fmt: str) -> None:
    for table in TABLE_NAMES:
        name = f"{table}.{fmt}"
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.mark.parametrize("cache", ["1", "0"])
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_streamed_text_formats_are_byte_identical(corpus, in_memory, small_chunks, monkeypatch, tmp_path, fmt, cache):
    monkeypatch.setenv("RHETORIC_CACHE", cache)
    result = export_tables(corpus, tables=["all"], out_dir=tmp_path / "out", fmt=fmt)
    same_files(in_memory / fmt, tmp_path / "out", fmt)
    assert result.rows["statements"] == N_STATEMENTS
    assert result.rows["shifts"] > 100  # the occasions and shifts are really exercised


def test_streamed_parquet_in_small_row_groups_holds_the_same_data(corpus, in_memory, small_chunks, tmp_path):
    export_tables(corpus, tables=["all"], out_dir=tmp_path / "out", fmt="parquet")
    for table in TABLE_NAMES:
        streamed = pq.ParquetFile(tmp_path / "out" / f"{table}.parquet")
        before = pq.read_table(in_memory / "parquet" / f"{table}.parquet")
        assert streamed.read().equals(before), table
        assert streamed.num_row_groups == max(1, -(-before.num_rows // 113))


def test_streamed_parquet_is_byte_identical_below_one_row_group(corpus, in_memory, tmp_path):
    export_tables(corpus, tables=["all"], out_dir=tmp_path / "out", fmt="parquet")
    same_files(in_memory / "parquet", tmp_path / "out", "parquet")


@pytest.mark.parametrize(
    "selection",
    [{"parties": ["kyiv", "moscow"]}, {"parties": ["moscow"]}, {"speakers": ["Zelensky", "putin"]}],
)
def test_streamed_selection_equals_in_memory(corpus, small_chunks, tmp_path, selection):
    write_tables(analyze_all(corpus, **selection), tables=["all"], out_dir=tmp_path / "before")
    export_tables(corpus, tables=["all"], out_dir=tmp_path / "after", **selection)
    same_files(tmp_path / "before", tmp_path / "after", "csv")


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_streamed_seed_export_matches_the_golden_files(tmp_path, table):
    export_tables(SEED_CORPUS, tables=[table], out_dir=tmp_path)
    assert (tmp_path / f"{table}.csv").read_bytes() == (GOLDEN_DIR / f"{table}.csv").read_bytes()


@pytest.mark.parametrize(
    ("selection", "error", "message"),
    [
        ({"speakers": ["nobody"]}, NotFoundError, "no statement of 'nobody'"),
        ({"parties": ["nowhere"]}, NotFoundError, "no party 'nowhere' in actors.toml"),
        ({"speakers": ["putin"], "parties": ["moscow"]}, UsageError, "give --speaker or --party, not both"),
    ],
)
def test_bad_selection_fails_as_before_and_writes_nothing(corpus, tmp_path, selection, error, message):
    with pytest.raises(error, match=message) as streamed:
        export_tables(corpus, out_dir=tmp_path / "out", **selection)
    with pytest.raises(error) as before:
        analyze_all(corpus, **selection)
    assert str(streamed.value) == str(before.value)
    assert not (tmp_path / "out").exists()


def test_spill_file_is_gone_after_the_export(corpus, tmp_path):
    export_tables(corpus, tables=["frames"], out_dir=tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["frames.csv", "manifest.json"]
