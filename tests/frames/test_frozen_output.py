"""The analysis of a few thousand statements is frozen: a speed change cannot silently change a reading.

Generated statements (``tests.benchmarks.newsgen`` from the shipped codebook, with the shipped
actors) and the real development statements (skipped when ``../shared/realdev`` is absent) are
analysed by :meth:`rhetoric.analyzer.Analyzer.analyze_text`; every statement's mentions,
frames, stances and commitment are hashed, 200 statements to a digest, and compared with
``data/frozen_output.json`` (no text is stored). A failing block names its first statement.

An intended change of the analysis (rules, language data, codebook, newsgen) changes the
digests: regenerate with ``RHETORIC_UPDATE_GOLDEN=1 python -m pytest tests/frames/test_frozen_output.py``
and say why in the commit.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from rhetoric.actors import ActorRegistry
from rhetoric.analyzer import Analyzer
from rhetoric.codebook.load import load_codebook
from tests.benchmarks.newsgen import generate_statements

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "ukraine-nato"
REALDEV = Path(os.environ.get("RHETORIC_REALDEV", ROOT / ".." / "shared" / "realdev"))
FROZEN = Path(__file__).parent / "data" / "frozen_output.json"
UPDATE = os.environ.get("RHETORIC_UPDATE_GOLDEN") == "1"
BLOCK = 200
#: Sentences generated (about a third as many statements), and the generator's seed.
SENTENCES, SEED = 6000, 18


def reading(analyzer: Analyzer, text: str, speaker: str = "") -> str:
    """One statement's analysis as a canonical line."""
    a = analyzer.analyze_text(text, speaker=speaker, date="2024-01-01" if speaker else "")
    return repr((a.mentions, a.frames, a.stances, a.commitment))


def digests(lines: list[str]) -> list[str]:
    """A sha256 (first 16 hex digits) per block of :data:`BLOCK` lines."""
    return [
        hashlib.sha256("\n".join(lines[i : i + BLOCK]).encode("utf-8")).hexdigest()[:16]
        for i in range(0, len(lines), BLOCK)
    ]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer.from_codebook(load_codebook(CORPUS / "codebook.toml"), actors=ActorRegistry.load(CORPUS / "actors.toml"))


def _check(name: str, lines: list[str]) -> None:
    got = digests(lines)
    frozen = json.loads(FROZEN.read_text(encoding="utf-8")) if FROZEN.exists() else {}
    if UPDATE:
        frozen[name] = {"statements": len(lines), "digests": got}
        FROZEN.write_text(json.dumps(frozen, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert name in frozen, f"no frozen {name!r} in {FROZEN}: run with RHETORIC_UPDATE_GOLDEN=1"
    expected = frozen[name]
    assert len(lines) == expected["statements"], f"{name}: {len(lines)} statements, frozen {expected['statements']}"
    bad = [i for i, (a, b) in enumerate(zip(got, expected["digests"], strict=True)) if a != b]
    assert not bad, (
        f"{name}: the analysis changed in statements {bad[0] * BLOCK}–{bad[0] * BLOCK + BLOCK - 1} "
        f"({len(bad)} of {len(got)} blocks); regenerate with RHETORIC_UPDATE_GOLDEN=1 only if intended"
    )


def test_generated_statements_read_as_frozen(analyzer):
    texts = list(generate_statements(analyzer.codebook, SENTENCES, seed=SEED))
    lines = [reading(analyzer, t) for t in texts]
    assert sum("Frame(" in line for line in lines) > 20  # the sample exercises frames, not only tags
    _check("generated", lines)


def test_realdev_statements_read_as_frozen(analyzer):
    path = REALDEV / "statements.jsonl"
    if not path.is_file():
        pytest.skip(f"no realdev set at {REALDEV}")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [a.id for a in analyzer.actors]
    # Each text twice: with no speaker, and with an actor as speaker (holders, own stances).
    lines = [reading(analyzer, r["text"]) for r in rows]
    lines += [reading(analyzer, r["text"], ids[i % len(ids)]) for i, r in enumerate(rows)]
    _check("realdev", lines)


def test_digest_blocks_error_twin():
    assert digests([]) == []
    assert len(digests(["x"] * (BLOCK + 1))) == 2
    assert digests(["a"]) != digests(["b"])
