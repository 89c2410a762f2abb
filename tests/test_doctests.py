"""Every module has a docstring header, and every example in the package's docstrings runs and holds."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import rhetoric

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(rhetoric.__path__, "rhetoric.") if m.name != "rhetoric.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_module_has_a_docstring_header(name: str) -> None:
    doc = importlib.import_module(name).__doc__
    assert doc and doc.strip().splitlines()[0].strip(), f"{name} has no docstring header"


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, monkeypatch, repo_root) -> None:
    monkeypatch.chdir(repo_root)  # examples read corpora/ukraine-nato
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_examples_are_plentiful() -> None:
    attempted = sum(
        doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS, report=False).attempted
        for name in (
            "rhetoric.frames.detect",
            "rhetoric.shifts.compare",
            "rhetoric.codebook.patterns",
            "rhetoric.corpus.store",
        )
    )
    assert attempted >= 10
