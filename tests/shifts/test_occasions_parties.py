"""Occasions (one article read as one position), parties (several officials as one side), and the
guards of compare / timeline / periods, through the library and the CLI."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.corpus import init_corpus
from rhetoric.dates import PartialDate
from rhetoric.errors import ActorError, NotFoundError, UsageError
from rhetoric.records import Statement
from rhetoric.session import Session
from rhetoric.shifts.model import Verdict
from rhetoric.shifts.occasions import group_occasions
from rhetoric.shifts.queries import compare_periods, compare_statements

from ..conftest import SEED_CORPUS

runner = CliRunner()

ACTORS = """
[actors.movement]
name = "The Movement"
kind = "group"

[actors.spokesman]
name = "Adam Spokesman"
party = "movement"

[actors.negotiator]
name = "Bea Negotiator"
party = "movement"

[actors.leader]
name = "Cal Leader"
party = "movement"

[actors.minister]
name = "Dee Minister"
party = "government"
"""

ROWS = [
    # One article, one day: two statements of the spokesman, written in this order.
    {
        "speaker": "spokesman",
        "date": "2024-03-02",
        "source": "Daily Wire",
        "position": 1,
        "text": "There will be no truce until the occupation ends.",
    },
    {
        "speaker": "spokesman",
        "date": "2024-03-02",
        "source": "Daily Wire",
        "position": 0,
        "text": "We will never disarm.",
    },
    {
        "speaker": "negotiator",
        "date": "2024-05-10",
        "source": "Evening Post",
        "text": "We could accept a truce if the occupation ends.",
    },
    {
        "speaker": "leader",
        "date": "2024-07",
        "source": "Radio One",
        "text": "We are ready for a truce if the occupation ends.",
    },
    {
        "speaker": "minister",
        "date": "2024-08",
        "source": "Radio One",
        "text": "A truce is possible as long as hostages are freed.",
    },
]


@pytest.fixture
def corpus(tmp_path):
    """A corpus with a three-official party and one minister of another party."""
    c = init_corpus(tmp_path / "c")
    shutil.copy(SEED_CORPUS / "codebook.toml", c.path / "codebook.toml")
    (c.path / "actors.toml").write_text(ACTORS, encoding="utf-8")
    src = tmp_path / "rows.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    result = runner.invoke(app, ["import", str(src), "--corpus", str(c.path)])
    assert result.exit_code == 0, result.output
    return c


def _ids(corpus) -> dict[str, str]:
    rows = [json.loads(line) for line in (corpus.path / "statements.jsonl").read_text().splitlines()]
    return {r["text"].split()[2]: r["id"] for r in rows}  # third word names each statement


def test_one_article_is_one_occasion_read_in_source_order(corpus) -> None:
    tl = Session.open(corpus.path).timeline(speaker="spokesman")
    assert tl.occasions == ((0, 1),) and tl.shifts == ()
    assert [a.statement.position for a in tl.analyses] == [0, 1]


def test_occasions_group_by_source_and_meeting_dates() -> None:
    def s(date, source, text, q="", occasion=""):
        return Statement.create(
            speaker="x",
            date=date,
            text=text,
            source=source,
            date_qualifier=q,
            occasion=occasion,
            added_at="t",
        )

    groups = group_occasions(
        [
            s("2024-12-01", "Paper", "a"),
            s("2024-12", "Paper", "b", q="circa"),
            s("2024-12", "Paper", "c", q="before"),
            s("2024-12-01", "Other", "d"),
            s("2024-12-01", "", "e"),
            s("2023", "", "f", occasion="Summit"),
            s("2023-02", "Paper", "g", occasion="Summit"),
        ]
    )
    texts = sorted(sorted(st.text for st in g.statements) for g in groups)
    assert texts == [["a", "b"], ["c"], ["d"], ["e"], ["f", "g"]]


def test_party_timeline_reads_three_officials_as_one_side(corpus) -> None:
    tl = Session.open(corpus.path).timeline(party="movement")
    assert tl.party == "movement" and len(tl.analyses) == 4
    assert {a.statement.speaker for a in tl.analyses} == {"spokesman", "negotiator", "leader"}
    assert len(tl.occasions) == 3 and len(tl.shifts) == 2
    assert {s.speaker for s in tl.shifts} == {"movement"}
    assert tl.shifts[0].verdict is Verdict.SOFTENED  # "no truce until" → "could accept a truce if"


def test_party_by_its_actor_name_and_periods(corpus) -> None:
    assert Session.open(corpus.path).timeline(party="The Movement").party == "movement"
    shift = compare_periods(Session.open(corpus.path), party="movement", until="2024-04", since="2024-05")
    assert shift.speaker == "movement" and shift.verdict is Verdict.SOFTENED


def test_compare_within_a_party_is_allowed_with_a_note(corpus) -> None:
    ids = _ids(corpus)
    shift = compare_statements(Session.open(corpus.path), from_id=ids["be"], to_id=ids["accept"])
    assert shift.speaker == "movement"
    assert shift.notes == ("spokesman and negotiator compared as party movement",)


def test_compare_puts_a_later_then_earlier_pair_in_date_order(corpus) -> None:
    ids = _ids(corpus)
    shift = compare_statements(Session.open(corpus.path), from_id=ids["ready"], to_id=ids["accept"])
    assert (shift.from_ids, shift.to_ids) == ((ids["accept"],), (ids["ready"],))
    assert any("compared in date order" in n for n in shift.notes)


def test_compare_refuses_speakers_of_different_parties(corpus) -> None:
    ids = _ids(corpus)
    with pytest.raises(ActorError, match="party movement and party government"):
        compare_statements(Session.open(corpus.path), from_id=ids["ready"], to_id=ids["is"])
    shift = compare_statements(Session.open(corpus.path), from_id=ids["ready"], to_id=ids["is"], across_speakers=True)
    assert shift.notes[0].startswith("different speakers compared on request")


def test_unknown_party_and_missing_selector(corpus) -> None:
    with pytest.raises(NotFoundError, match="no party 'rebels' in actors.toml"):
        Session.open(corpus.path).timeline(party="rebels")
    with pytest.raises(UsageError):
        Session.open(corpus.path).timeline()


@pytest.mark.parametrize(
    ("until", "since", "ok"),
    [
        ("2024-12", "2024", True),  # accepted: overlap is left out of both periods
        ("2024-04", "2024-05", True),
        ("2024-06", "2024", True),
        ("2025", "2024", False),  # since lies wholly before until
    ],
)
def test_periods_are_date_intervals(corpus, until, since, ok) -> None:
    if ok:
        try:
            shift = compare_periods(Session.open(corpus.path), party="movement", until=until, since=since)
        except NotFoundError as exc:  # every statement fell in both periods: said plainly
            assert "fall in both periods" in str(exc)
        else:
            assert not set(shift.from_ids) & set(shift.to_ids)
    else:
        with pytest.raises(UsageError, match="lies before"):
            compare_periods(Session.open(corpus.path), party="movement", until=until, since=since)


def test_year_until_and_month_since_never_diff_a_statement_with_itself(corpus) -> None:
    shift = compare_periods(Session.open(corpus.path), party="movement", until="2024-03", since="2024-07")
    assert not set(shift.from_ids) & set(shift.to_ids)
    with pytest.raises(NotFoundError, match="fall in both periods"):
        compare_periods(Session.open(corpus.path), speaker="leader", until="2024", since="2024-06")


@pytest.mark.parametrize(
    ("a", "b", "overlaps", "ends_before"),
    [
        ("2024", "2024-06", True, False),
        ("2024-12", "2024", True, False),
        ("2023-12", "2024", False, True),
        ("2024-06-30", "2024-07", False, True),
        ("2024-07", "2024-06-30", False, False),
    ],
)
def test_partial_date_intervals(a, b, overlaps, ends_before) -> None:
    x, y = PartialDate.parse(a), PartialDate.parse(b)
    assert (x.overlaps(y), x.ends_before(y)) == (overlaps, ends_before)


def _cli(corpus, *args):
    return runner.invoke(app, [*args, "--corpus", str(corpus.path)])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "s-000000000000", "s-111111111111"], "Error: no statement 's-000000000000'"),
        (["timeline", "--party", "rebels"], "Error: no party 'rebels' in actors.toml"),
        (["compare", "--party", "rebels", "--until", "2024", "--since", "2025"], "Error: no party 'rebels'"),
    ],
)
def test_cli_guards_one_error_line_exit_1(corpus, args, message) -> None:
    result = _cli(corpus, *args)
    assert result.exit_code == 1
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1


def test_cli_refuses_two_parties_and_accepts_across_speakers(corpus) -> None:
    ids = _ids(corpus)
    refused = _cli(corpus, "compare", ids["ready"], ids["is"])
    assert refused.exit_code == 1 and refused.stderr.count("\n") == 1
    assert refused.stderr.startswith("Error: ") and "--across-speakers" in refused.stderr
    ok = _cli(corpus, "compare", ids["ready"], ids["is"], "--across-speakers", "--format", "json")
    assert ok.exit_code == 0 and json.loads(ok.stdout)["notes"]


def test_cli_party_timeline_json(corpus) -> None:
    result = _cli(corpus, "timeline", "--party", "movement", "--format", "json")
    d = json.loads(result.stdout)
    assert d["party"] == "movement" and len(d["occasions"]) == 3 and len(d["shifts"]) == 2


def test_occasion_of_the_wrong_type_is_one_error_line(corpus, tmp_path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"speaker": "leader", "date": "2024", "text": "Hello.", "occasion": 7}) + "\n")
    result = _cli(corpus, "import", str(bad))
    assert result.exit_code == 1
    # The importer's format: the bad row named (file:line [field] what), then one Error line.
    assert "bad.jsonl:1: [occasion] must be a string, got int" in result.stderr
    assert "Error: " in result.stderr and "nothing was written" in result.stderr
