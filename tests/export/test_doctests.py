"""Run the examples in the export, analysis and pandas-API docstrings."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "rhetoric.analysis",
    "rhetoric.api",
    "rhetoric.export",
    "rhetoric.export.dictionary",
    "rhetoric.export.write",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, monkeypatch, repo_root) -> None:
    monkeypatch.chdir(repo_root)  # examples read corpora/ukraine-nato
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
