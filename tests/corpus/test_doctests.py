"""Run the examples in the corpus modules' docstrings (they document the public API)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "rhetoric.corpus",
    "rhetoric.corpus.add",
    "rhetoric.corpus.fastparse",
    "rhetoric.corpus.importer",
    "rhetoric.corpus.init",
    "rhetoric.corpus.prepare",
    "rhetoric.corpus.query",
    "rhetoric.corpus.readers",
    "rhetoric.corpus.remove",
    "rhetoric.corpus.render",
    "rhetoric.corpus.store",
    "rhetoric.corpus.validate",
    "rhetoric.actors",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, monkeypatch, repo_root) -> None:
    monkeypatch.chdir(repo_root)  # examples read corpora/ukraine-nato
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
