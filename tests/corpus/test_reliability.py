"""Reliability under concurrency and crashes: parallel adds, SIGKILL during import."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from rhetoric.corpus import Corpus, add_statement, add_statements, validate_corpus
from tests.conftest import REPO_ROOT

PROCESSES = 8
ADDS_EACH = 100


def _cli(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "rhetoric", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


def _add_many(path: str, worker: int) -> int:
    corpus = Corpus(path)
    added = 0
    for i in range(ADDS_EACH):
        result = add_statement(corpus, speaker="nato", date="2024-12", text=f"worker {worker} statement {i}")
        added += result.added
    return added


@pytest.mark.slow
def test_concurrent_adds_lose_nothing(seed_copy: Corpus) -> None:
    before = seed_copy.statements_path.read_bytes()
    with mp.get_context("fork").Pool(PROCESSES) as pool:
        counts = pool.starmap(_add_many, [(str(seed_copy.path), w) for w in range(PROCESSES)])
    assert counts == [ADDS_EACH] * PROCESSES
    after = seed_copy.statements_path.read_bytes()
    assert after.startswith(before)
    new_lines = after[len(before) :].splitlines()
    assert len(new_lines) == PROCESSES * ADDS_EACH
    texts = {json.loads(line)["text"] for line in new_lines}
    assert len(texts) == PROCESSES * ADDS_EACH
    report = validate_corpus(seed_copy)
    assert report.ok and report.statements == 13 + PROCESSES * ADDS_EACH


@pytest.mark.slow
def test_concurrent_cli_adds_of_the_same_statement_write_it_once(seed_copy: Corpus) -> None:
    common = ["--corpus", str(seed_copy.path), "--speaker", "Kiev", "--date", "2024-12"]
    procs = [_cli("add", *common, "--text", "the same words") for _ in range(4)]
    procs += [_cli("add", *common, "--text", f"own words {i}") for i in range(4)]
    outputs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0] * 8
    same = sorted(out.decode().strip() for out, _ in outputs[:4])
    sid = next(line for line in same if not line.startswith("already"))
    assert same == sorted([sid] + [f"already in corpus: {sid}"] * 3)
    texts = [s.text for s in seed_copy.statements()[13:]]
    assert sorted(texts) == sorted(["the same words"] + [f"own words {i}" for i in range(4)])
    assert validate_corpus(seed_copy).ok


@pytest.mark.slow
def test_sigkill_during_import_leaves_old_or_new_file(corpus: Corpus, tmp_path) -> None:
    # A sizeable corpus makes the copy-and-rename phase long enough to be hit by a kill.
    base = [
        {"speaker": "nato", "date": "2024", "text": f"base statement {i} " + "x" * 200} for i in range(20_000)
    ]
    add_statements(corpus, base, added_at="2025-01-01T00:00:00Z")
    original = corpus.statements_path.read_bytes()
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        "".join(
            json.dumps(
                {
                    "speaker": "putin",
                    "date": "2024",
                    "text": f"imported {i}",
                    "added_at": "2025-01-02T00:00:00Z",
                }
            )
            + "\n"
            for i in range(5_000)
        )
    )
    args = ("import", str(rows), "--corpus", str(corpus.path))

    start = time.perf_counter()
    proc = _cli(*args)
    proc.communicate(timeout=120)
    duration = time.perf_counter() - start
    assert proc.returncode == 0
    complete = corpus.statements_path.read_bytes()
    assert len(complete.splitlines()) == 25_000

    rng = random.Random(20241203)
    outcomes = {"unchanged": 0, "imported": 0}
    for trial in range(24):
        corpus.statements_path.write_bytes(original)
        proc = _cli(*args)
        if trial % 2:
            # Kill at a random moment of the whole run.
            time.sleep(rng.uniform(0.2, 1.05) * duration)
        else:
            # Kill inside the write phase: once the temp file exists, within the next 30 ms.
            deadline = time.perf_counter() + 2 * duration + 5
            while not list(corpus.path.glob(".statements.*")) and proc.poll() is None:
                if time.perf_counter() > deadline:
                    break
                time.sleep(0.0005)
            time.sleep(rng.uniform(0, 0.03))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        after = corpus.statements_path.read_bytes()
        assert after in (original, complete), f"partial import after SIGKILL: {len(after)} bytes"
        outcomes["unchanged" if after == original else "imported"] += 1
    # The next writer cleans up any temp file a killed import left behind.
    add_statement(corpus, speaker="nato", date="2024", text="after the kills")
    assert list(corpus.path.glob(".statements.*")) == []
    assert validate_corpus(corpus).ok
    assert outcomes["unchanged"] > 0, outcomes  # some kills did land before the import finished
