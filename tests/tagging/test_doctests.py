"""Run the examples in the text, codebook and tagging modules' docstrings (they document the API)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "rhetoric.text.normalize",
    "rhetoric.text.tokens",
    "rhetoric.text.sentences",
    "rhetoric.codebook",
    "rhetoric.codebook.patterns",
    "rhetoric.codebook.model",
    "rhetoric.codebook.load",
    "rhetoric.tagging.matcher",
    "rhetoric.tagging.tagger",
    "rhetoric.tagging.output",
    "rhetoric.tagging.anchors",
    "rhetoric.tagging.prefilter",
    "rhetoric.tagging.kwic",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, monkeypatch, repo_root) -> None:
    monkeypatch.chdir(repo_root)
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
