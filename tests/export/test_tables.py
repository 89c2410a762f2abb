"""Export tables built from the analysed seed corpus: columns, offsets, lists, shifts rows, provenance."""

from __future__ import annotations

import hashlib

import pytest

from rhetoric.export.dictionary import TABLES, columns
from rhetoric.export.tables import table_frame, table_rows
from tests.conftest import SEED_CORPUS


@pytest.mark.parametrize("table", list(TABLES))
def test_rows_have_exactly_the_dictionary_columns(seed_analysis, table: str) -> None:
    rows = table_rows(seed_analysis, table)
    assert rows
    assert all(tuple(r) == columns(table) for r in rows)


def test_every_row_carries_provenance(seed_analysis) -> None:
    sha = hashlib.sha256((SEED_CORPUS / "codebook.toml").read_bytes()).hexdigest()
    for table in TABLES:
        for row in table_rows(seed_analysis, table):
            assert (row["codebook"], row["codebook_sha256"]) == ("ukraine-nato", sha)
            assert row["rhetoric_version"] and row["codebook_version"]


def test_mention_and_stance_offsets_index_the_statement_text(seed_analysis) -> None:
    texts = {a.statement.id: a.text for a in seed_analysis.analyses}
    for table in ("mentions", "stances"):
        for row in table_rows(seed_analysis, table):
            assert texts[row["statement_id"]][row["start"] : row["end"]] == row["text"]
    for row in table_rows(seed_analysis, "frames"):
        assert texts[row["statement_id"]][row["start"] : row["end"]] == row["evidence"]


def test_frame_rows_hold_lists(seed_analysis) -> None:
    rows = {r["statement_id"]: r for r in table_rows(seed_analysis, "frames")}
    earlier = rows["s-134636953483"]
    assert (earlier["outcomes"], earlier["conditions"]) == (["negotiations"], ["withdrawal", "borders_1991"])
    assert (earlier["polarity"], earlier["modality"]) == ("negated", "firm")


def test_mention_roles_follow_the_frames(seed_analysis) -> None:
    roles = {(r["statement_id"], r["tag"]): r["role"] for r in table_rows(seed_analysis, "mentions")}
    assert roles[("s-134636953483", "withdrawal")] == "condition"
    assert roles[("s-134636953483", "negotiations")] == "outcome"
    assert roles[("s-2287e0e1b45e", "nato_membership")] == "mentioned"


def test_shift_rows_one_per_event_between_occasions(seed_analysis) -> None:
    rows = [r for r in table_rows(seed_analysis, "shifts") if r["speaker"] == "zelensky"]
    first = [r for r in rows if r["step"] == 1]
    assert {r["from_id"] for r in first} == {"s-134636953483"}
    assert {r["verdict"] for r in first} == {"softened"}
    events = {(r["type"], r["tag"]) for r in first}
    assert {("condition_dropped", "withdrawal"), ("condition_dropped", "borders_1991")} <= events
    assert ("condition_added", "nato_membership") in events
    dropped = next(r for r in first if r["tag"] == "withdrawal")
    assert dropped["evidence_from"] == "withdrawal" and dropped["evidence_to"] == ""
    # The two later statements come from one article (one occasion): no second step inside it.
    assert {r["step"] for r in rows} == {1}


def test_actors_with_one_statement_have_no_shift_rows(seed_analysis) -> None:
    speakers = {r["speaker"] for r in table_rows(seed_analysis, "shifts")}
    assert speakers == {"zelensky"}


def test_statements_dates_and_timeline_order(seed_analysis) -> None:
    rows = {r["statement_id"]: r for r in table_rows(seed_analysis, "statements")}
    month = rows["s-134636953483"]
    assert (month["date"], month["date_precision"], month["date_qualifier"]) == ("2024-12", "month", "before")
    assert (month["date_start"], month["date_end"]) == ("2024-12-01", "2024-12-31")
    assert (month["speaker_order"], rows["s-2287e0e1b45e"]["speaker_order"]) == (1, 3)
    assert month["speaker_name"] == "Volodymyr Zelensky"
    assert (month["n_mentions"], month["n_frames"]) == (4, 1)


@pytest.mark.parametrize(
    ("table", "integers"), [("mentions", ["start", "end", "sentence"]), ("shifts", ["step"])]
)
def test_frames_have_dictionary_dtypes(seed_analysis, table: str, integers: list[str]) -> None:
    frame = table_frame(seed_analysis, table)
    assert tuple(frame.columns) == columns(table)
    assert all(str(frame[c].dtype) == "int64" for c in integers)


def test_stance_speaker_holds_is_boolean(seed_analysis) -> None:
    frame = table_frame(seed_analysis, "stances")
    assert str(frame["speaker_holds"].dtype) == "bool"
    diplomat = frame[frame["statement_id"] == "s-3960f0777033"]
    assert sorted(diplomat["speaker_holds"]) == [False, True]
