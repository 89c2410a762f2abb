"""The pandas API: ``rhetoric.load`` gives the export tables as DataFrames, analysing once."""

from __future__ import annotations

import pytest

import rhetoric
from rhetoric.errors import CorpusError, UsageError
from rhetoric.export.dictionary import TABLE_NAMES, columns
from tests.conftest import SEED_CORPUS


@pytest.fixture(scope="module")
def data():
    return rhetoric.load(SEED_CORPUS)


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_each_method_returns_its_table(data, table: str) -> None:
    frame = getattr(data, table)()
    assert tuple(frame.columns) == columns(table)
    assert len(frame) > 0


def test_analysis_runs_once(data) -> None:
    first = data.analysis
    data.frames()
    data.shifts()
    assert data.analysis is first


def test_tables_by_name(data) -> None:
    assert list(data.tables()) == list(TABLE_NAMES)


def test_speaker_selection() -> None:
    frame = rhetoric.load(SEED_CORPUS, speakers=["Zelenskyy"]).statements()
    assert set(frame["speaker"]) == {"zelensky"} and len(frame) == 3


def test_seed_zelensky_shift_in_pandas(data) -> None:
    shifts = data.shifts()
    first = shifts[(shifts.speaker == "zelensky") & (shifts.step == 1)]
    assert set(first.verdict) == {"softened"}
    assert {"withdrawal", "borders_1991"} <= set(first[first.type == "condition_dropped"].tag)


def test_unknown_table(data) -> None:
    with pytest.raises(UsageError, match="unknown table"):
        data.table("frame")


def test_missing_corpus_fails_at_load(tmp_path) -> None:
    with pytest.raises(CorpusError):
        rhetoric.load(tmp_path / "nothing")


def test_load_is_exported_lazily() -> None:
    assert "load" in rhetoric.__all__ and callable(rhetoric.load)
    with pytest.raises(AttributeError):
        rhetoric.nothing_here  # noqa: B018


def test_current_positions_follow_the_report_rule(data) -> None:
    from rhetoric.shifts.current import current_position

    frame = data.current_positions().set_index("speaker")
    assert list(frame.columns)[:3] == ["as_of_id", "as_of_date", "framed_id"]
    for tl in data.analysis.timelines:
        cp = current_position(tl)
        assert frame.loc[tl.speaker, "conditions"] == ";".join(cp.conditions)
        assert frame.loc[tl.speaker, "as_of_id"] == cp.as_of_id
    assert frame.loc["zelensky", "conditions"] == "nato_membership"


def test_the_data_and_its_session_share_one_corpus(data) -> None:
    assert data.session.path == SEED_CORPUS
