"""Fixtures for the learning stage: codebooks, a trained model, small corpora and gold files in tmp_path."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from rhetoric.codebook import load_codebook
from rhetoric.codebook.model import Codebook
from rhetoric.corpus.store import Corpus
from rhetoric.learn.gold import load_gold, resolve_gold
from rhetoric.learn.model import TagModel, train_model
from rhetoric.records import Statement
from rhetoric.tagging import Tagger

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED_CORPUS = REPO_ROOT / "corpora" / "ukraine-nato"
MINI_CODEBOOK = REPO_ROOT / "tests" / "codebook" / "data" / "mini.toml"
SHIPPED_CODEBOOK = SEED_CORPUS / "codebook.toml"
SHIPPED_GOLD = SEED_CORPUS / "gold" / "heldout.jsonl"
CODER_FILES = (SEED_CORPUS / "gold" / "coder_a.jsonl", SEED_CORPUS / "gold" / "coder_b.jsonl")


@pytest.fixture(scope="session")
def mini_tagger() -> Tagger:
    """The two-tag test codebook (ceasefire, peace_deal), compiled."""
    return Tagger.from_codebook(load_codebook(MINI_CODEBOOK))


@pytest.fixture(scope="session")
def shipped_codebook() -> Codebook:
    """The ukraine-nato codebook."""
    return load_codebook(SHIPPED_CODEBOOK)


@pytest.fixture(scope="session")
def shipped_tagger(shipped_codebook: Codebook) -> Tagger:
    """The ukraine-nato codebook, compiled."""
    return Tagger.from_codebook(shipped_codebook)


@pytest.fixture(scope="session")
def trained_model(shipped_codebook: Codebook, shipped_tagger: Tagger) -> TagModel:
    """A model trained on the shipped codebook's examples and the shipped held-out gold."""
    gold = load_gold(SHIPPED_GOLD, tag_ids=shipped_codebook.tag_ids)
    return train_model(
        shipped_codebook, gold=resolve_gold(gold, None), gold_sets=[gold], tagger=shipped_tagger
    )


def write_jsonl(path: Path, objects: Sequence[dict]) -> Path:
    """Write one JSON object a line and return the path."""
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects), encoding="utf-8")
    return path


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., tuple[Path, list[Statement]]]:
    """Factory: a corpus folder in tmp_path with a codebook and statements of the given texts."""

    def make(texts: Sequence[str], *, codebook: Path = MINI_CODEBOOK, name: str = "corpus"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "codebook.toml").write_bytes(codebook.read_bytes())
        corpus = Corpus(folder)
        corpus.statements_path.touch()
        statements = [
            Statement.create(
                speaker=f"speaker{i}", date="2024-05-01", text=t, added_at="2024-05-02T00:00:00Z"
            )
            for i, t in enumerate(texts)
        ]
        corpus.append(statements)
        return folder, statements

    return make
