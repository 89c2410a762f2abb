"""The data dictionary: minimum columns of the issue, and docs/reports-and-exports.md carries the same dictionary."""

from __future__ import annotations

import pytest

from rhetoric.errors import UsageError
from rhetoric.export.dictionary import PROVENANCE, TABLES, TYPES, columns, describe_markdown, table_columns
from tests.conftest import REPO_ROOT

PROVENANCE_NAMES = ("codebook", "codebook_version", "codebook_sha256", "rhetoric_version")


@pytest.mark.parametrize(
    ("table", "required"),
    [
        ("statements", ("statement_id", "speaker", "date", "text")),
        ("mentions", ("statement_id", "speaker", "date", "sentence", "tag", "start", "end", "text")),
        (
            "frames",
            (
                "statement_id",
                "frame_id",
                "speaker",
                "date",
                "outcomes",
                "conditions",
                "cue",
                "relation",
                "polarity",
                "modality",
            ),
        ),
        ("stances", ("statement_id", "speaker", "date", "tag", "stance", "holders", "start", "end", "cue")),
        ("shifts", ("speaker", "from_id", "to_id", "from_date", "to_date", "type", "tag", "verdict")),
    ],
)
def test_minimum_columns_in_order(table: str, required: tuple[str, ...]) -> None:
    names = columns(table)
    assert set(required) <= set(names)
    assert [n for n in names if n in required] == list(required)
    assert names[-4:] == PROVENANCE_NAMES
    assert len(names) == len(set(names))


@pytest.mark.parametrize("table", list(TABLES))
def test_every_column_has_a_known_type_and_a_meaning(table: str) -> None:
    for column in table_columns(table):
        assert column.type in TYPES
        assert column.meaning.strip()


@pytest.mark.parametrize("bad", ["frame", "", "ALL", "shifts "])
def test_unknown_table_is_a_usage_error(bad: str) -> None:
    with pytest.raises(UsageError, match="unknown table"):
        columns(bad)


def test_describe_lists_every_column_once() -> None:
    text = describe_markdown()
    for table, cols in TABLES.items():
        for c in cols:
            assert text.count(f"| {table} | {c.name} | {c.type} |") == 1
    for c in PROVENANCE:
        assert f"| (every table) | {c.name} |" in text


def test_describe_one_table_only() -> None:
    text = describe_markdown(("frames",))
    assert "| frames | cue |" in text and "| shifts |" not in text


def test_docs_have_the_package_dictionary() -> None:
    page = (REPO_ROOT / "docs" / "reports-and-exports.md").read_text(encoding="utf-8")
    section = page.split("## Data dictionary", 1)[1].split("\n## ", 1)[0]
    assert describe_markdown() in section, "docs/reports-and-exports.md must carry `rhetoric export --describe`"
