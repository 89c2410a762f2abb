"""Tests for rhetoric.corpus.init: a new corpus from templates, never overwriting."""

from __future__ import annotations

import tomllib

import pytest

from rhetoric.actors import ActorRegistry
from rhetoric.corpus import init_corpus, validate_corpus
from rhetoric.errors import CorpusError


def test_init_creates_a_valid_empty_corpus(tmp_path) -> None:
    corpus = init_corpus(tmp_path / "deep" / "new-topic")
    assert corpus.statements_path.read_bytes() == b""
    assert len(ActorRegistry.load(corpus.actors_path)) == 0
    codebook = tomllib.loads(corpus.codebook_path.read_text())
    assert codebook["codebook"]["name"] == "new-topic"
    assert "# Corpus: new-topic" in (corpus.path / "README.md").read_text()
    assert validate_corpus(corpus).ok


def test_init_refuses_an_existing_corpus(tmp_path) -> None:
    init_corpus(tmp_path / "c")
    with pytest.raises(CorpusError, match="is already a corpus"):
        init_corpus(tmp_path / "c")


def test_init_completes_a_folder_without_overwriting(tmp_path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "actors.toml").write_text('[actors.nato]\nname = "NATO"\n')
    init_corpus(folder)
    assert (folder / "actors.toml").read_text() == '[actors.nato]\nname = "NATO"\n'
    assert (folder / "statements.jsonl").exists()
