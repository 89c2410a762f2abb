"""What a report shows: actor order, current positions, and the seed's Zelensky shift."""

from __future__ import annotations

import pytest

from rhetoric.reports.collect import frame_summary
from rhetoric.session import Session
from rhetoric.shifts.current import current_position, latest_stances
from rhetoric.shifts.positions import OTHER, position_of
from rhetoric.shifts.queries import compare_statements
from rhetoric.shifts.timeline import timeline
from tests.conftest import SEED_CORPUS
from tests.shifts.conftest import analysed

EARLIER, RECENTLY = "s-134636953483", "s-6c5b18b5efe8"


def test_actors_with_most_statements_first_then_by_id(seed_data) -> None:
    speakers = [a.speaker for a in seed_data.actors]
    assert speakers[0] == "zelensky"
    assert speakers[1:] == sorted(speakers[1:])
    assert seed_data.n_statements == 13 and seed_data.corpus == "ukraine-nato"


def test_zelensky_current_position(seed_data) -> None:
    z = seed_data.actors[0]
    c = z.current
    assert (c.as_of_id, c.framed_id) == ("s-2287e0e1b45e", RECENTLY)
    assert (c.conditions, c.outcomes, c.modality) == (("nato_membership",), ("ceasefire",), "open")
    assert set(c.supports) == {"ceasefire", "nato_membership"} and c.opposes == ()
    assert z.period == "2024-12 – 2024-12-01"
    assert z.latest_verdict == "softened"  # the seed shift, not a diff inside one article


def test_seed_compare_expectations() -> None:
    shift = compare_statements(Session.open(SEED_CORPUS), from_id=EARLIER, to_id=RECENTLY)
    assert set(shift.dropped) >= {"withdrawal", "borders_1991"}
    assert set(shift.added) >= {"nato_membership"}
    assert (shift.outcome_from, shift.outcome_to) == (("negotiations",), ("ceasefire",))
    assert (shift.modality_from, shift.modality_to) == ("firm", "open")


def test_report_shows_the_same_shift_as_compare(seed_data) -> None:
    shift = compare_statements(Session.open(SEED_CORPUS), from_id=EARLIER, to_id=RECENTLY)
    in_report = seed_data.actors[0].timeline.shifts[0]
    # The report reads RECENTLY together with the article's other statement (one occasion).
    assert in_report.from_ids == (EARLIER,) and RECENTLY in in_report.to_ids and len(in_report.to_ids) == 2
    assert in_report.verdict == shift.verdict
    assert set(shift.conditions_dropped) <= set(in_report.conditions_dropped)


TALKS_IF = (
    "Talks are only possible if Kyiv recognises the new territorial realities.",
    [("negotiations", "Talks"), ("territorial_concession", "new territorial realities")],
)
OPPOSE_NATO = ("We firmly oppose NATO membership for Ukraine.", [("nato_membership", "NATO membership")])
SUPPORT_NATO = ("We support NATO membership for Ukraine.", [("nato_membership", "NATO membership")])
TRUCE_IF_NEUTRAL = (
    "A ceasefire is possible as long as Ukraine stays neutral.",
    [("ceasefire", "ceasefire"), ("neutrality", "neutral")],
)


@pytest.mark.parametrize(
    ("statements", "conditions", "outcomes", "supports", "opposes"),
    [
        # a later remark without frames keeps the conditions and adds its stance (the outcome of
        # an affirmed condition is wanted, the condition demanded: both supported)
        (
            [TALKS_IF, OPPOSE_NATO],
            ("territorial_concession",),
            ("negotiations",),
            ("negotiations", "territorial_concession"),  # the stance stage reads the talks offered as wanted
            ("nato_membership",),
        ),
        # never any condition: stances from every statement, the latest wins
        ([OPPOSE_NATO, SUPPORT_NATO], (), (), ("nato_membership",), ()),
        ([SUPPORT_NATO, OPPOSE_NATO], (), (), (), ("nato_membership",)),
        # a later framed statement replaces the conditions; stances before it no longer count
        ([TALKS_IF, OPPOSE_NATO, TRUCE_IF_NEUTRAL], ("neutrality",), ("ceasefire",), ("ceasefire", "neutrality"), ()),
    ],
)
def test_current_position_rules(statements, conditions, outcomes, supports, opposes) -> None:
    dates = ["2023", "2024", "2025"]
    analyses = [
        analysed("putin", d, text, marks) for d, (text, marks) in zip(dates, statements, strict=False)
    ]
    c = current_position(timeline(analyses))
    assert (c.conditions, c.outcomes, c.supports, c.opposes) == (conditions, outcomes, supports, opposes)
    assert c.as_of_id == analyses[-1].statement.id


def test_frame_summary_escapes_only_statement_words(seed_data) -> None:
    frame = seed_data.actors[0].analyses[0].frames[0]
    line = frame_summary(frame, lambda s: s.upper())
    assert line.startswith("negotiations ⇐ withdrawal, borders_1991 (precondition, negated, firm; cue “NOT")


def _suffix_reads(tl):
    """For each occasion k: the stances position_of reads over occasions k.., and latest_stances'."""
    for k in range(len(tl.occasions)):
        indices = [i for occ in tl.occasions[k:] for i in occ]
        group = position_of([tl.analyses[i] for i in indices], speaker=tl.speaker)
        expected = [(t, group.state(t).stance) for t in group.tags() if t != OTHER]
        yield expected, latest_stances(tl.positions[i] for i in indices)


def test_latest_stances_reads_as_position_of(seed_data) -> None:
    from tests.reports.test_notable import STATEMENTS

    analyses = [analysed(sp, d, text, []) for sp, d, text in STATEMENTS]  # stances from the stance stage
    marked = [
        analysed("putin", "2023", *TALKS_IF),
        analysed("putin", "2024", *OPPOSE_NATO),
        analysed("putin", "2025", *SUPPORT_NATO),
        analysed("putin", "2026", *TRUCE_IF_NEUTRAL),
    ]
    timelines = [a.timeline for a in seed_data.actors] + [timeline(marked), timeline(analyses[:4])]
    checked = 0
    for tl in timelines:
        for expected, got in _suffix_reads(tl):
            assert got == expected
            checked += bool(expected)
    assert checked >= 5
