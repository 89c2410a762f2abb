"""The examples in the extraction modules' docstrings run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "adding",
    "article",
    "candidate",
    "evaluate",
    "lexicon",
    "pipeline",
    "quotes",
    "reltime",
    "clauses",
    "names",
    "spans",
    "render",
    "reported",
    "speakers",
    "types",
]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(f"rhetoric.extract.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0 or name in ("types",)
