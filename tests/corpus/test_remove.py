"""Tests for rhetoric.corpus.remove: atomic rewrite, other lines byte-identical."""

from __future__ import annotations

import pytest

from rhetoric.corpus import Corpus, remove_statement
from rhetoric.errors import NotFoundError


@pytest.mark.parametrize("index", [0, 6, -1])
def test_remove_keeps_every_other_line(seed_copy: Corpus, index: int) -> None:
    lines = seed_copy.statements_path.read_bytes().splitlines(keepends=True)
    target = seed_copy.statements()[index]
    inode = seed_copy.statements_path.stat().st_ino
    assert remove_statement(seed_copy, target.id) == target
    expected = lines[:index] + (lines[index + 1 :] if index != -1 else [])
    assert seed_copy.statements_path.read_bytes() == b"".join(expected)
    assert seed_copy.statements_path.stat().st_ino != inode  # renamed into place, not edited in place
    assert list(seed_copy.path.glob(".statements.*")) == []


def test_remove_unknown_id_changes_nothing(seed_copy: Corpus) -> None:
    before = seed_copy.statements_path.read_bytes()
    with pytest.raises(NotFoundError, match="no statement with id 's-000000000000'"):
        remove_statement(seed_copy, "s-000000000000")
    assert seed_copy.statements_path.read_bytes() == before
