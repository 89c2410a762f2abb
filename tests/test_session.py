"""The corpus session: selection (one error text each), analyses computed once, timelines, current position."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from rhetoric.analyzer import Analyzer
from rhetoric.cli import app
from rhetoric.errors import CorpusError, NotFoundError, UsageError
from rhetoric.records import Frame, Mention, Stance, Statement, StatementAnalysis
from rhetoric.session import INPUTS_ERROR, SPEAKER_HINT, Session, analyze_all, check_inputs
from rhetoric.types import DateQualifier, Kind, MentionSource, Modality, Polarity, Relation, StanceValue

from .conftest import SEED_CORPUS

EARLIER, RECENT = "s-134636953483", "s-6c5b18b5efe8"
runner = CliRunner()


@pytest.fixture(scope="module")
def session() -> Session:
    return Session.open(SEED_CORPUS)


def test_opening_reads_nothing(tmp_path) -> None:
    s = Session.open(tmp_path / "missing")  # no error until something is read
    with pytest.raises(CorpusError):
        s.select()


@pytest.mark.parametrize(
    ("text", "ids", "all_statements", "ok"),
    [
        ("a text", None, False, True),
        (None, ["s-1"], False, True),
        (None, None, True, True),
        (None, None, False, False),
        ("a text", ["s-1"], False, False),
        (None, ["s-1"], True, False),
        ("", None, True, False),
    ],
)
def test_exactly_one_input(text, ids, all_statements, ok) -> None:
    if ok:
        check_inputs(text=text, ids=ids, all_statements=all_statements)
    else:
        with pytest.raises(UsageError, match="^give exactly one of TEXT"):
            check_inputs(text=text, ids=ids, all_statements=all_statements)


@pytest.mark.parametrize("command", ["tag", "frames", "stances"])
def test_the_commands_share_the_input_error(command) -> None:
    result = runner.invoke(app, [command, "some text", "--all", "--corpus", str(SEED_CORPUS)])
    assert result.exit_code == 2
    assert INPUTS_ERROR in result.stderr


def test_select_by_id_keeps_the_order_and_names_a_missing_id(session) -> None:
    assert [s.id for s in session.select(ids=[RECENT, EARLIER])] == [RECENT, EARLIER]
    with pytest.raises(NotFoundError, match=r"^no statement 's-nothere' in .*statements.jsonl' ") as exc:
        session.select(ids=["s-nothere"])
    assert exc.value.hint == "list ids with `rhetoric list`"


def test_select_speakers_by_alias_and_the_one_missing_speaker_error(session) -> None:
    by_alias = session.select(speakers=["Zelensky"])
    assert by_alias and {s.speaker for s in by_alias} == {"zelensky"}
    with pytest.raises(NotFoundError, match="^no statement of 'nobody' in ") as exc:
        session.select(speakers=["zelensky", "nobody"])
    assert exc.value.hint == SPEAKER_HINT
    with pytest.raises(NotFoundError, match="^no statement of 'nobody' in ") as exc:
        session.timeline(speaker="nobody")
    assert exc.value.hint == SPEAKER_HINT


@pytest.mark.parametrize(
    ("since", "until", "kept"),
    [
        ("2024-12", None, {"2024-12-01", "2024-12"}),  # a month contains its days
        ("2024-12-02", None, {"2024-12"}),  # "2024-12-01" lies before; "2024-12" may not
        ("2024-12-15", "2024-12-20", {"2024-12"}),  # only the month-dated ones may fall there
    ],
)
def test_select_dates_as_intervals(session, since, until, kept) -> None:
    dates = {s.date for s in session.select(speakers=["zelensky"], since=since, until=until)}
    assert dates == kept


def test_a_period_without_statements_is_named(session) -> None:
    with pytest.raises(NotFoundError, match="^no statement of 'zelensky' up to 2024-11 in "):
        session.select(speakers=["zelensky"], until="2024-11")


def test_each_statement_is_analysed_once(monkeypatch) -> None:
    s = Session.open(SEED_CORPUS)
    calls: list[str] = []
    real = Analyzer.analyze

    def counting(self, statement, mentions=None):
        calls.append(statement.id)
        return real(self, statement, mentions)

    monkeypatch.setattr(Analyzer, "analyze", counting)
    statements = s.select()
    first = s.analyze(statements)
    s.timeline(speaker="zelensky")
    s.corpus_analysis()
    assert sorted(calls) == sorted(st.id for st in statements)
    assert s.analyze(statements) == first


def test_progress_counts_the_batch(session) -> None:
    seen: list[tuple[int, int]] = []
    statements = session.select(speakers=["zelensky"])
    session.analyze(statements, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(i, len(statements)) for i in range(1, len(statements) + 1)]


def test_one_timeline_whichever_way_it_is_asked(session) -> None:
    alone = session.timeline(speaker="Zelensky")
    in_corpus = analyze_all(SEED_CORPUS).timeline_of("zelensky")
    assert [a.statement.id for a in alone.analyses] == [a.statement.id for a in in_corpus.analyses]
    assert [s.verdict for s in alone.shifts] == [s.verdict for s in in_corpus.shifts]


def test_current_position_is_offered_by_the_session(session) -> None:
    cp = session.current_position(speaker="zelensky")
    assert cp.conditions == ("nato_membership",)
    assert cp.as_of_id in {s.id for s in session.select(speakers=["zelensky"])}


def test_free_text_uses_the_corpus_codebook(session) -> None:
    (a,) = session.analyze_inputs(text="No talks until Russia withdraws.", speaker="zelensky")
    assert a.statement is None
    assert [(f.outcomes, f.conditions) for f in a.frames] == [(("negotiations",), ("withdrawal",))]
    (tagged,) = session.tag_inputs(text="A truce now.")
    assert tagged[0] is None and [m.tag for m in tagged[2]] == ["ceasefire"]


def test_records_hold_enums_and_write_strings() -> None:
    s = Statement.create(speaker="a", date="2024", text="x", kind="paraphrase", date_qualifier="circa")
    assert s.kind is Kind.PARAPHRASE and s.date_qualifier is DateQualifier.CIRCA
    assert type(s.to_dict()["kind"]) is str
    f = Frame(
        None, 0, "f", "", "", ("a",), ("b",), "if", relation="exchange", polarity="negated", modality="firm"
    )
    assert (f.relation, f.polarity, f.modality) == (Relation.EXCHANGE, Polarity.NEGATED, Modality.FIRM)
    assert f.relation is Relation.EXCHANGE and type(f.to_dict()["relation"]) is str
    st = Stance(None, "a", "support", ("x",), 0, 1)
    assert st.stance is StanceValue.SUPPORT and st.to_dict()["stance"] == "support"
    assert Mention("a", 0, 1, "a", 0, "a").source is MentionSource.LEXICON
    assert StatementAnalysis("", (), (), ()).commitment.value == "none"
    with pytest.raises(ValueError, match="'sideways' is not a valid Relation"):
        Frame(None, 0, "f", "", "", (), (), "", relation="sideways")


@pytest.mark.parametrize(
    ("until", "since"),
    [
        ("2024", "2024-06"),
        ("2024-12", "2024"),
    ],  # issue 11: overlapping periods are neither swapped nor self-diffs
)
def test_compare_periods_reads_dates_as_intervals(until, since) -> None:
    result = runner.invoke(
        app,
        [
            "compare",
            "--from-speaker",
            "zelensky",
            "--until",
            until,
            "--since",
            since,
            "--corpus",
            str(SEED_CORPUS),
        ],
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: no statement of 'zelensky' up to {until} (3 fall in both periods and are left out) "
        "(list them with `rhetoric list --speaker zelensky`)\n"
    )


def test_the_python_api_page_example_runs(capsys, monkeypatch) -> None:
    import re

    page = (SEED_CORPUS.parents[1] / "docs" / "python-api.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", page, re.S).group(1)
    monkeypatch.chdir(SEED_CORPUS.parents[1])
    exec(compile(code, "docs/python-api.md", "exec"), {})
    assert capsys.readouterr().out.splitlines()[1:] == [
        "['softened']",
        "('nato_membership',)",
        "softened",
        "until",
    ]
