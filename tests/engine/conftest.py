"""A generated corpus for the engine tests: variants of the seed statements over the seed's actors."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.corpus import add_statements, init_corpus
from rhetoric.engine import timelines as timelines_module
from rhetoric.engine.cache import CACHE_DIR

from ..conftest import SEED_CORPUS


def generate_corpus(root: Path, n: int, *, seed: int = 7) -> Path:
    """A corpus of ``n`` variants of the seed statements (every id differs), dates spread over years."""
    corpus = init_corpus(root)
    for name in ("actors.toml", "codebook.toml"):
        shutil.copy(SEED_CORPUS / name, root / name)
    rows = [
        json.loads(line)
        for line in (SEED_CORPUS / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        row = dict(rng.choice(rows))
        row.pop("id")
        row["text"] = f"{row['text']} (variant {i})"
        row["date"] = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}"
        out.append(row)
    add_statements(corpus, out, added_at="2026-01-01T00:00:00Z")
    return root


def decoded_whole(monkeypatch) -> list[str]:
    """Speakers whose cached timeline is decoded whole (every position), as they are read."""
    whole: list[str] = []
    real = timelines_module.RawTimeline.all_positions

    def counted(self):
        whole.append(self.ordered[0].statement.speaker)
        return real(self)

    monkeypatch.setattr(timelines_module.RawTimeline, "all_positions", counted)
    return whole


def report_files(corpus: Path, out: Path) -> dict[str, bytes]:
    """``rhetoric report --out OUT`` on ``corpus`` (must succeed): each written file's bytes by name."""
    result = CliRunner().invoke(app, ["report", "--out", str(out), "--corpus", str(corpus)])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def timeline_file(corpus: Path) -> Path:
    """The corpus's one timeline cache file."""
    (path,) = (corpus / CACHE_DIR).glob("timelines-*.jsonl")
    return path


@pytest.fixture(autouse=True)
def _analysis_cache_on(monkeypatch) -> None:
    """The engine tests run with the analysis cache on (the suite turns it off elsewhere)."""
    monkeypatch.delenv("RHETORIC_CACHE", raising=False)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A 120-statement generated corpus (shared by a module's tests: they only read it)."""
    return generate_corpus(tmp_path_factory.mktemp("generated") / "corpus", 120)
