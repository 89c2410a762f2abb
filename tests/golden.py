"""Golden-file comparison shared by report and export tests.

Regenerate after an intended change with ``RHETORIC_UPDATE_GOLDEN=1 python -m pytest tests/reports
tests/export`` and review ``git diff tests/*/golden`` before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

UPDATE = os.environ.get("RHETORIC_UPDATE_GOLDEN") == "1"


def assert_golden(actual: bytes, golden: Path) -> None:
    """Compare bytes with a golden file (or rewrite it when ``RHETORIC_UPDATE_GOLDEN=1``)."""
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
    assert golden.exists(), f"missing {golden}: run with RHETORIC_UPDATE_GOLDEN=1 and review the diff"
    expected = golden.read_bytes()
    if actual != expected:
        a, e = actual.decode("utf-8").splitlines(), expected.decode("utf-8").splitlines()
        first = next((i for i, (x, y) in enumerate(zip(a, e, strict=False)) if x != y), min(len(a), len(e)))
        raise AssertionError(
            f"{golden.name} differs from line {first + 1}:\n"
            f"  got:      {a[first] if first < len(a) else '<end>'}\n"
            f"  expected: {e[first] if first < len(e) else '<end>'}\n"
            "(regenerate with RHETORIC_UPDATE_GOLDEN=1 if the change is intended)"
        )
