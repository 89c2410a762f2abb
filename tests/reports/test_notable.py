"""Notable shifts: the strongest shift per actor and party on a hand-built corpus, exactly, and its
place at the top of the HTML and Markdown reports, linked to the detail."""

from __future__ import annotations

import re

import pytest

from rhetoric.reports.collect import collect_report
from rhetoric.reports.html import report_html
from rhetoric.reports.markdown import report_markdown
from rhetoric.reports.notable import VERDICT_WEIGHT, notable_shifts, strength
from rhetoric.shifts.model import Verdict
from tests.conftest import SEED_CORPUS

from .conftest import make_corpus

OFFER_IF_NO_NATO = "Talks are only possible if Kyiv gives up its claim to NATO membership."
OPEN_OFFER = "We are ready for negotiations without any preconditions."
FOR_NATO = "We support NATO membership for Ukraine."
AGAINST_NATO = "We oppose NATO membership for Ukraine."
FOR_NEUTRALITY = "We support neutrality for Ukraine."
TRUCE_IF_WITHDRAWAL = "A ceasefire is possible as long as Russia withdraws its troops."
TRUCE_IF_MORE = "A ceasefire is possible only if Russia withdraws its troops and restores the 1991 borders."
DEAL_IF_NEUTRAL = "A peace deal is possible once Ukraine accepts neutrality."

STATEMENTS = (
    # a softening followed by two unchanged restatements: the softening leads, not "unchanged"
    ("putin", "2023-01", OFFER_IF_NO_NATO),
    ("putin", "2023-06", OPEN_OFFER),
    ("putin", "2023-09", OPEN_OFFER),
    ("putin", "2024-02", OPEN_OFFER),
    # a turn to the declared opposite, then two hardenings: reversed outranks hardened
    ("zelensky", "2023-01", FOR_NATO),
    ("zelensky", "2023-05", FOR_NEUTRALITY),
    ("zelensky", "2023-08", TRUCE_IF_WITHDRAWAL),
    ("zelensky", "2024-01", TRUCE_IF_MORE),
    # two hardenings: the better-evidenced earlier one wins over the later one
    ("nato", "2023-05", AGAINST_NATO),
    ("nato", "2023-08", TRUCE_IF_WITHDRAWAL),
    ("nato", "2024-01", TRUCE_IF_MORE),
    # unchanged only
    ("trump", "2023-01", DEAL_IF_NEUTRAL),
    ("trump", "2023-03", DEAL_IF_NEUTRAL),
    # one occasion: nothing to compare
    ("uk", "2023-02", FOR_NATO),
)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return collect_report(make_corpus(tmp_path_factory.mktemp("notable") / "c", STATEMENTS).path)


def _by_speaker(data):
    return {n.actor.speaker: n for n in notable_shifts(data.actors)}


def test_verdicts_of_the_hand_built_corpus(data) -> None:
    verdicts = {a.speaker: [s.verdict.value for s in a.timeline.shifts] for a in data.actors}
    assert verdicts == {
        "putin": ["softened", "unchanged", "unchanged"],
        "zelensky": ["reversed", "hardened", "hardened"],
        "nato": ["hardened", "hardened"],
        "trump": ["unchanged"],
        "uk": [],
    }


@pytest.mark.parametrize(
    ("speaker", "index", "verdict", "from_date", "to_date"),
    [
        ("putin", 0, "softened", "2023-01", "2023-06"),  # not hidden behind the trailing unchanged
        ("zelensky", 0, "reversed", "2023-01", "2023-05"),
        ("nato", 0, "hardened", "2023-05", "2023-08"),  # 3 evidence spans beat 1, though earlier
        ("trump", 0, "unchanged", "2023-01", "2023-03"),
    ],
)
def test_strongest_shift_per_actor(data, speaker, index, verdict, from_date, to_date) -> None:
    n = _by_speaker(data)[speaker]
    assert (n.index, n.shift.verdict.value, n.shift.from_date, n.shift.to_date) == (
        index,
        verdict,
        from_date,
        to_date,
    )
    assert n.before[0].statement.date == from_date and n.after[0].statement.date == to_date


def test_order_strongest_first_and_single_occasion_left_out(data) -> None:
    # putin's softening and nato's hardening weigh the same with 3 spans each: report order decides
    assert [n.actor.speaker for n in notable_shifts(data.actors)] == ["zelensky", "putin", "nato", "trump"]


def test_evidence_then_recency_break_ties(data) -> None:
    nato = next(a for a in data.actors if a.speaker == "nato").timeline.shifts
    assert [strength(s, k) for k, s in enumerate(nato)] == [(3, 3, 0), (3, 1, 1)]
    trump = next(a for a in data.actors if a.speaker == "trump").timeline.shifts
    same = trump[0]
    assert strength(same, 1) > strength(same, 0)  # equal verdict and evidence: the later wins


def test_weights_order() -> None:
    w = VERDICT_WEIGHT
    assert w[Verdict.REVERSED] > w[Verdict.HARDENED] == w[Verdict.SOFTENED] > w[Verdict.REFRAMED]
    assert w[Verdict.REFRAMED] == w[Verdict.MIXED] > w[Verdict.UNCHANGED] > w[Verdict.NO_POSITION]
    assert set(w) == set(Verdict)


def test_html_leads_with_notable_shifts_linked_to_detail(data) -> None:
    page = report_html(data)
    assert page.index('id="notable"') < page.index('id="overview"') < page.index('id="actor-')
    entry = page.split('id="notable-putin"')[1].split("</li>", 1)[0]
    assert '<span class="verdict v-softened">softened</span>' in entry
    assert 'href="#shift-putin-1"' in entry and 'id="shift-putin-1"' in page
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    refs = set(re.findall(r'href="#([^"]+)"', page))
    assert refs <= ids, refs - ids
    putin = _by_speaker(data)["putin"]
    assert f'href="#{putin.before[0].statement.id}"' in entry and f'href="#{putin.after[0].statement.id}"' in entry
    assert OFFER_IF_NO_NATO in entry and OPEN_OFFER in entry
    assert "condition dropped" in entry


def test_overview_shows_strongest_and_latest(data) -> None:
    page = report_html(data)
    row = page.split('<tr data-actor="putin">')[1].split("</tr>")[0]
    assert 'href="#notable-putin"><span class="verdict v-softened">softened</span></a>' in row
    assert '<span class="meta">latest: unchanged</span>' in row
    md = report_markdown(data)
    (row,) = [line for line in md.splitlines() if line.startswith("| [Vladimir Putin](#actor-putin)")]
    assert row.endswith("| softened (latest: unchanged) |")
    assert md.index("## Notable shifts") < md.index("## Overview")
    assert "### Vladimir Putin: softened" in md


def test_party_read_together(tmp_path) -> None:
    corpus = make_corpus(tmp_path / "c", [("putin", "2023-01", OFFER_IF_NO_NATO), ("russia", "2023-06", OPEN_OFFER)])
    actors = corpus.path / "actors.toml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("[actors.putin]\n", '[actors.putin]\nparty = "russia"\n'),
        encoding="utf-8",
    )
    data = collect_report(corpus.path)
    (party,) = data.parties
    assert (party.speaker, party.members, party.key) == ("russia", ("russia", "putin"), "party-russia")
    (n,) = notable_shifts(data.parties)
    assert n.shift.verdict.value == "softened" and n.anchor == "notable-party-russia"
    page = report_html(data)
    entry = page.split('id="notable-party-russia"')[1].split("</li>", 1)[0]
    assert 'data-actor="party-russia russia putin"' in page
    assert "softened" in entry and OFFER_IF_NO_NATO in entry


def test_seed_notable_is_zelenskys_softening(seed_data) -> None:
    (n,) = notable_shifts(seed_data.actors)
    assert (n.actor.speaker, n.shift.verdict.value) == ("zelensky", "softened")
    assert n.before[0].statement.id == "s-134636953483" and n.after[0].statement.id == "s-6c5b18b5efe8"
    assert SEED_CORPUS.name == "ukraine-nato"
