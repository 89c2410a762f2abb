"""Dask engine: a 2-worker LocalCluster (the analysis, then the per-speaker shift stage on its
workers) writes the same exports as the local engine, byte for byte.

Skipped cleanly when the ``dask`` extra (``distributed``) is not installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.corpus import add_statement
from rhetoric.corpus.store import Corpus
from rhetoric.engine import Engine, EngineKind
from rhetoric.engine import dask as dask_engine
from rhetoric.engine import timelines as timelines_module
from rhetoric.engine.timelines import TimelineJob, build_timelines
from rhetoric.errors import EngineError
from rhetoric.session import Session

from .conftest import generate_corpus

runner = CliRunner()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _export(corpus: Path, out: Path, *extra: str) -> dict[str, bytes]:
    args = ["export", "all", "--format", "csv", "--out", str(out), "--corpus", str(corpus), *extra]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return _files(out)


def _clusters_started(monkeypatch) -> list[int]:
    distributed = pytest.importorskip("distributed")
    started: list[int] = []
    real = distributed.LocalCluster

    def counted(*args, **kwargs):
        started.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(distributed, "LocalCluster", counted)
    return started


def test_dask_exports_equal_the_local_engine_byte_for_byte(
    generated: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("RHETORIC_CACHE", "0")  # both runs analyse every statement
    monkeypatch.setenv("RHETORIC_CHUNK_SIZE", "25")
    local = _export(generated, tmp_path / "local", "--jobs", "1")
    started = _clusters_started(monkeypatch)

    def not_here(*args, **kwargs):
        raise AssertionError("with --engine dask the timelines are built on the workers")

    # Workers import rhetoric afresh: this stands only in the client, which must not build timelines.
    monkeypatch.setattr(timelines_module, "build_timeline", not_here)
    dask = _export(generated, tmp_path / "dask", "--engine", "dask", "--jobs", "2")
    assert len(local) >= 5
    assert dask == local
    assert started == [1]  # the analysis and the shift stage share one cluster


def test_dask_after_an_add_with_the_caches_equals_the_local_engine(tmp_path: Path, monkeypatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setenv("RHETORIC_CHUNK_SIZE", "25")
    corpus = generate_corpus(tmp_path / "c", 80)
    _export(corpus, tmp_path / "warm", "--jobs", "1")  # fills the caches
    add_statement(Corpus(corpus), speaker="putin", date="2026-03", text="Talks only if Kyiv drops NATO.")
    dask = _export(corpus, tmp_path / "dask", "--engine", "dask", "--jobs", "2")
    with monkeypatch.context() as m:
        m.setenv("RHETORIC_CACHE", "0")
        assert dask == _export(corpus, tmp_path / "local", "--jobs", "1")


def test_build_timelines_on_a_cluster_equals_in_process(generated: Path) -> None:
    pytest.importorskip("distributed")
    session = Session.open(generated)
    groups: dict[str, list] = {}
    for a in session.analyze(session.select()):
        groups.setdefault(a.statement.speaker, []).append(a)
    jobs = [TimelineJob(tuple(g), label) for label, g in sorted(groups.items())]
    jobs.append(TimelineJob(tuple(a for g in groups.values() for a in g), "everyone", party=True))
    kwargs = {
        "recipe": session.recipe,
        "opposites": session.analyzer.opposites,
        "scales": session.analyzer.scales,
    }
    here = build_timelines(jobs, engine=Engine(), **kwargs)
    there = build_timelines(jobs, engine=Engine(kind=EngineKind.DASK, jobs=2), **kwargs)
    assert there == here
    assert [[s.to_dict() for s in tl.shifts] for tl in there] == [
        [s.to_dict() for s in tl.shifts] for tl in here
    ]


def test_missing_dask_is_one_error_line(generated: Path, tmp_path: Path, monkeypatch) -> None:
    def missing():
        raise EngineError("--engine dask needs Dask, which is not installed", hint="install the extra")

    monkeypatch.setattr(dask_engine, "_distributed", missing)
    monkeypatch.setenv("RHETORIC_CACHE", "0")
    monkeypatch.setenv("RHETORIC_CHUNK_SIZE", "25")
    result = runner.invoke(
        app, ["report", "--engine", "dask", "--out", str(tmp_path), "--corpus", str(generated)]
    )
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "Error: --engine dask needs Dask, which is not installed (install the extra)"
    )


def test_unreachable_scheduler_is_one_error_line(monkeypatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 1)
    engine = Engine(kind=EngineKind.DASK, scheduler="tcp://127.0.0.1:9")
    with pytest.raises(EngineError, match=r"cannot reach the Dask scheduler 'tcp://127.0.0.1:9'"):
        with dask_engine.dask_client(engine):
            pass
