"""Dask engine: a 2-worker LocalCluster writes the same exports as the local engine, byte for byte.

Skipped cleanly when the ``dask`` extra (``distributed``) is not installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.engine import Engine, EngineKind
from rhetoric.engine import dask as dask_engine
from rhetoric.errors import EngineError

runner = CliRunner()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_dask_exports_equal_the_local_engine_byte_for_byte(
    generated: Path, tmp_path: Path, monkeypatch
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setenv("RHETORIC_CACHE", "0")  # both runs analyse every statement
    monkeypatch.setenv("RHETORIC_CHUNK_SIZE", "25")
    outs = {}
    for name, extra in {"local": ["--jobs", "1"], "dask": ["--engine", "dask", "--jobs", "2"]}.items():
        out = tmp_path / name
        args = ["export", "all", "--format", "csv", "--out", str(out), "--corpus", str(generated), *extra]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        outs[name] = _files(out)
    assert len(outs["local"]) >= 5
    assert outs["dask"] == outs["local"]


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
