"""The streamed export through the analysis cache's index: one engine run, lines read back, damage repaired.

The export reads no cache file into memory (:class:`rhetoric.engine.cache_index.AnalysisIndex`);
whatever the state of the cache (empty, partial, damaged, full of dead lines) the files equal
the in-memory export's, and the cache holds every live statement afterwards.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rhetoric.analyzer import Analyzer
from rhetoric.corpus.store import Corpus
from rhetoric.engine import Engine, use_engine
from rhetoric.engine.cache_index import MISS, AnalysisIndex
from rhetoric.export import stream as stream_module
from rhetoric.export.write import export_tables

from .test_stream import N_STATEMENTS, corpus, in_memory, same_files  # noqa: F401  (fixtures)


@pytest.fixture
def fresh(corpus, tmp_path, monkeypatch) -> Path:  # noqa: F811
    """A copy of the generated corpus without its caches, the cache on, small blocks."""
    root = tmp_path / "corpus"
    shutil.copytree(corpus, root, ignore=shutil.ignore_patterns(".cache"))
    monkeypatch.setenv("RHETORIC_CACHE", "1")
    monkeypatch.setattr(stream_module, "CACHE_BLOCK", 97)
    return root


def _cache_file(root: Path) -> Path:
    (path,) = (root / ".cache").glob("analysis-*.jsonl")
    return path


def _all_cached(root: Path) -> bool:
    statements = Corpus(root).statements()
    index = AnalysisIndex.open(root, Analyzer.for_corpus(root))
    offsets = index.find(statements)
    return all(index.read(int(o), s) is not None for o, s in zip(offsets, statements, strict=True))


def _export(root: Path, out: Path) -> None:
    export_tables(root, tables=["all"], out_dir=out)


def test_an_empty_cache_is_filled_then_read_back(fresh, in_memory, tmp_path) -> None:  # noqa: F811
    _export(fresh, tmp_path / "first")
    same_files(in_memory / "csv", tmp_path / "first", "csv")
    size = _cache_file(fresh).stat().st_size
    assert _all_cached(fresh)
    _export(fresh, tmp_path / "again")
    same_files(in_memory / "csv", tmp_path / "again", "csv")
    assert _cache_file(fresh).stat().st_size == size  # every line read back, none written


def test_the_engine_runs_once_for_all_the_misses(fresh, in_memory, tmp_path, monkeypatch) -> None:  # noqa: F811
    calls = []
    real = stream_module.analyze_statements

    def counted(statements, **kwargs):
        calls.append(1)
        return real(statements, **kwargs)

    monkeypatch.setattr(stream_module, "analyze_statements", counted)
    _export(fresh, tmp_path / "half")  # fills the cache
    lines = _cache_file(fresh).read_bytes().splitlines(keepends=True)
    # keep one line in three: the others are misses spread over every block
    _cache_file(fresh).write_bytes(b"".join(lines[:1] + lines[1::3]))
    calls.clear()
    with use_engine(Engine(jobs=2, chunk_size=7)):
        _export(fresh, tmp_path / "out")
    assert calls == [1]  # one pool for the whole export, not one per block
    same_files(in_memory / "csv", tmp_path / "out", "csv")
    assert _all_cached(fresh)


def test_damaged_and_torn_lines_are_misses_and_repaired(fresh, in_memory, tmp_path) -> None:  # noqa: F811
    _export(fresh, tmp_path / "first")
    path = _cache_file(fresh)
    lines = path.read_bytes().splitlines(keepends=True)
    for k in (3, 50, 400):
        lines[k] = lines[k].replace(b'"', b"'", 1)  # same length, CRC no longer holds
    lines[10] = lines[10][:40] + b"\n"  # torn
    lines[20] = b"s-nonsense\tx\ty\n"
    path.write_bytes(b"".join(lines) + lines[-1][:25])  # and a torn last line
    _export(fresh, tmp_path / "out")
    same_files(in_memory / "csv", tmp_path / "out", "csv")
    assert _all_cached(fresh)


def test_a_wrong_header_starts_the_cache_again(fresh, in_memory, tmp_path) -> None:  # noqa: F811
    _export(fresh, tmp_path / "first")
    path = _cache_file(fresh)
    path.write_bytes(b"#something else\n" + path.read_bytes().split(b"\n", 1)[1])
    index = AnalysisIndex.open(fresh, Analyzer.for_corpus(fresh))
    assert set(index.find(Corpus(fresh).statements()).tolist()) == {MISS}
    _export(fresh, tmp_path / "out")
    same_files(in_memory / "csv", tmp_path / "out", "csv")
    assert _all_cached(fresh)


def test_dead_lines_are_compacted_after_a_whole_corpus_export(fresh, tmp_path) -> None:
    _export(fresh, tmp_path / "first")
    path = _cache_file(fresh)
    head, body = path.read_bytes().split(b"\n", 1)
    dead = b"".join(
        line.replace(b"\t", b"-gone\t", 1) for line in body.splitlines(keepends=True)
    )  # lines of statements the corpus does not hold
    path.write_bytes(head + b"\n" + body + dead + dead[: len(dead) // 2])
    _export(fresh, tmp_path / "out")
    assert len(path.read_bytes().splitlines()) == N_STATEMENTS + 1
    assert _all_cached(fresh)


def test_a_selection_keeps_the_other_speakers_lines(fresh, tmp_path) -> None:
    _export(fresh, tmp_path / "first")
    path = _cache_file(fresh)
    head, body = path.read_bytes().split(b"\n", 1)
    dead = b"".join(line.replace(b"\t", b"-gone\t", 1) for line in body.splitlines(keepends=True))
    path.write_bytes(head + b"\n" + body + dead + dead)
    before = path.read_bytes()
    export_tables(fresh, tables=["all"], out_dir=tmp_path / "out", speakers=["putin"])
    assert path.read_bytes() == before  # not the whole corpus: nothing dropped


@pytest.mark.parametrize("change", [-1, +1], ids=["removed", "added"])
def test_a_corpus_changed_between_passes_is_one_error(fresh, tmp_path, monkeypatch, change) -> None:
    """A statement removed or added while exporting: a CorpusError naming the corpus, no traceback."""
    from rhetoric.errors import CorpusError

    selection = stream_module.StreamedExport._selection
    calls = {"n": 0}

    def shifting(self):
        calls["n"] += 1
        statements = list(selection(self))
        if calls["n"] > 1:  # the first pass saw the corpus as it was
            statements = statements[:-1] if change < 0 else statements + statements[:1]
        yield from statements

    monkeypatch.setattr(stream_module.StreamedExport, "_selection", shifting)
    with pytest.raises(CorpusError, match=r"the corpus changed while it was being exported") as info:
        _export(fresh, tmp_path / "out")
    assert str(fresh) in str(info.value)
