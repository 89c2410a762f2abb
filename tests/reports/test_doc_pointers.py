"""The report's pointers to the docs: each named page exists, and the verdict rules are where it says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rhetoric.reports.html import report_html
from rhetoric.reports.markdown import report_markdown

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rendered(seed_data) -> dict[str, str]:
    return {"markdown": report_markdown(seed_data), "html": report_html(seed_data)}


@pytest.mark.parametrize("kind", ["markdown", "html"])
def test_every_docs_page_named_exists(rendered, kind: str) -> None:
    named = set(re.findall(r"docs/[\w-]+\.md", rendered[kind]))
    assert named == {"docs/report.md", "docs/shifts.md"}
    assert [p for p in sorted(named) if not (REPO / p).is_file()] == []


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("markdown", "how to read this report is in `docs/report.md`, the verdict rules are in `docs/shifts.md`."),
        ("html", "How to read this page: <code>docs/report.md</code>; the verdict rules: <code>docs/shifts.md</code>."),
    ],
)
def test_verdict_rules_point_at_the_shifts_page(rendered, kind: str, sentence: str) -> None:
    assert sentence in rendered[kind]
    assert "README" not in rendered[kind]
    assert "\n## Verdict rules\n" in (REPO / "docs" / "shifts.md").read_text(encoding="utf-8")
