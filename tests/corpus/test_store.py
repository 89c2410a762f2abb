"""Tests for rhetoric.corpus.store: locking, single-write appends, atomic rewrites, byte lookups."""

from __future__ import annotations

import multiprocessing as mp
import os

import pytest

from rhetoric.corpus import Corpus, add_statement
from rhetoric.corpus import store as store_module
from rhetoric.errors import CorpusError
from rhetoric.records import Statement


def _hold_lock(path: str, ready, release) -> None:
    with Corpus(path).lock():
        ready.set()
        release.wait(30)


def test_writers_wait_for_the_lock_and_time_out(corpus: Corpus, monkeypatch) -> None:
    ctx = mp.get_context("fork")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(corpus.path), ready, release))
    holder.start()
    try:
        assert ready.wait(10)
        monkeypatch.setattr(store_module, "LOCK_TIMEOUT_S", 0.2)
        with pytest.raises(CorpusError, match=r"could not lock .* within 0 s \(another rhetoric process"):
            add_statement(corpus, speaker="nato", date="2024", text="blocked")
        assert corpus.statements_path.read_bytes() == b""
    finally:
        release.set()
        holder.join(10)
    assert add_statement(corpus, speaker="nato", date="2024", text="free").added


def test_lock_is_reentrant_within_a_process(corpus: Corpus) -> None:
    with corpus.lock(), Corpus(corpus.path).lock(timeout=0.5):
        corpus.append([Statement.create(speaker="nato", date="2024", text="x")])
    assert len(corpus.statements()) == 1


def test_append_is_one_write_then_fsync(corpus: Corpus, monkeypatch) -> None:
    calls: list[str] = []
    real_write, real_fsync = os.write, os.fsync
    monkeypatch.setattr(os, "write", lambda fd, data: calls.append("write") or real_write(fd, data))
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append("fsync") or real_fsync(fd))
    batch = [Statement.create(speaker="nato", date="2024", text=f"t{i}") for i in range(50)]
    assert corpus.append(batch) == 50
    assert calls == ["write", "fsync"]


def test_replace_bytes_is_atomic_on_failure(corpus: Corpus) -> None:
    corpus.append([Statement.create(speaker="nato", date="2024", text="kept")])
    before = corpus.statements_path.read_bytes()

    def failing():
        yield b"partial"
        raise RuntimeError("disk on fire")

    with corpus.lock(), pytest.raises(RuntimeError):
        corpus.replace_bytes(failing())
    assert corpus.statements_path.read_bytes() == before
    assert list(corpus.path.glob(".statements.*")) == []


def test_stale_temp_files_are_cleaned_by_the_next_rewrite(corpus: Corpus) -> None:
    stale = corpus.path / ".statements.abc123.tmp"
    stale.write_bytes(b"left by a killed import")
    corpus.append_atomic([Statement.create(speaker="nato", date="2024", text="x")])
    assert not stale.exists()


def test_byte_lookups(seed_copy: Corpus) -> None:
    statements = seed_copy.statements()
    ids = {s.id for s in statements}
    assert seed_copy.ids() == ids
    for s in (statements[0], statements[-1]):
        assert seed_copy.contains_id(s.id)
        assert seed_copy.get(s.id) == s
    assert not seed_copy.contains_id("s-000000000000")
    assert seed_copy.get("s-000000000000") is None
    assert seed_copy.find_line(statements[0].id)[0] == 0


def test_id_prefix_does_not_match(seed_copy: Corpus) -> None:
    sid = seed_copy.statements()[0].id
    assert not seed_copy.contains_id(sid[:-1])
    assert seed_copy.find_line(sid[:-1]) is None


def test_id_inside_a_text_does_not_match(corpus: Corpus) -> None:
    other = Statement.create(speaker="nato", date="2024", text="x")
    text = f'\n{{"id": "{other.id}"'
    corpus.append([Statement.create(speaker="nato", date="2024", text=text)])
    assert not corpus.contains_id(other.id)


def test_missing_corpus_explains_how_to_create_it(tmp_path) -> None:
    with pytest.raises(CorpusError, match="does not exist.*rhetoric init"):
        Corpus(tmp_path / "absent").require()
    (tmp_path / "folder").mkdir()
    with pytest.raises(CorpusError, match="statements.jsonl' is missing"):
        Corpus(tmp_path / "folder").require()


def test_id_search_across_chunk_boundaries(seed_copy: Corpus, monkeypatch) -> None:
    statements = seed_copy.statements()
    for chunk in (1, 7, 64, 1000):
        monkeypatch.setattr(store_module, "_SCAN_CHUNK", chunk)
        assert all(seed_copy.contains_id(s.id) for s in statements)
        assert [seed_copy.get(s.id) for s in statements] == statements
        assert not seed_copy.contains_id("s-000000000000")
