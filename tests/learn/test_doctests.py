"""Run the examples in the learning modules' docstrings (they document the API)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "rhetoric.learn.gold",
    "rhetoric.learn.template",
    "rhetoric.learn.model",
    "rhetoric.learn.predict",
    "rhetoric.learn.evaluate",
    "rhetoric.learn.agreement",
    "rhetoric.learn.render",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, monkeypatch, repo_root) -> None:
    monkeypatch.chdir(repo_root)
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
