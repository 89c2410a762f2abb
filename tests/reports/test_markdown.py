"""The Markdown report: golden file of the seed corpus, escaping of statement text.

Regenerate the golden file after an intended change with
``RHETORIC_UPDATE_GOLDEN=1 python -m pytest tests/reports`` and review the diff.
"""

from __future__ import annotations

import re

import pytest

from rhetoric.reports.collect import collect_report
from rhetoric.reports.markdown import md_text, report_markdown
from tests.golden import assert_golden

from .conftest import GOLDEN_DIR


def test_seed_report_matches_golden(seed_data) -> None:
    assert_golden(report_markdown(seed_data).encode("utf-8"), GOLDEN_DIR / "ukraine-nato.md")


def test_seed_report_sections(seed_data) -> None:
    md = report_markdown(seed_data)
    assert md.startswith("# Rhetoric report: ukraine-nato\n")
    assert md.count("\n## ") == 2 + len(seed_data.actors)  # notable shifts, overview, one per actor
    # One article (same source, dates that meet) is one occasion: the seed shift is the latest one.
    assert "#### zelensky: s-134636953483 (2024-12) → 2 statements (2024-12-01) — **softened**" in md
    assert "| [Volodymyr Zelensky](#actor-zelensky) | 3 | 2024-12 – 2024-12-01 |" in md
    assert md.split("| [Volodymyr Zelensky](#actor-zelensky)")[1].split("\n")[0].endswith("| softened |")
    assert "| against nato_membership, " in md  # Russia's demand reads as a condition against membership
    assert "| condition_dropped | withdrawal |" in md


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
        ("a | b", "a \\| b"),
        ("*not* _this_ [link](x) `code`", "\\*not\\* \\_this\\_ \\[link\\](x) \\`code\\`"),
        ("two\nlines\r\n here", "two lines here"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_md_text(text: str, expected: str) -> None:
    assert md_text(text) == expected


def test_script_statement_is_escaped(awkward_corpus) -> None:
    md = report_markdown(collect_report(awkward_corpus.path))
    assert re.search(r"(?<!\\)</?script", md) is None  # every tag-like '<' is backslash-escaped
    assert "\\<script>alert('x')\\</script>" in md
