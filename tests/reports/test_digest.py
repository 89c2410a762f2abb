"""A report that scales: which statements get a card, which shifts are detailed, the per-period
summary, and a page whose size stays bounded however many statements an actor has."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from rhetoric.reports import digest as dg
from rhetoric.reports.collect import ActorReport, current_position
from rhetoric.reports.html import report_html
from rhetoric.reports.markdown import report_markdown
from rhetoric.shifts.timeline import timeline
from tests.shifts.conftest import analysed

TALKS_IF_NEUTRAL = (
    "Talks are only possible if Kyiv accepts neutrality.",
    [("negotiations", "Talks"), ("neutrality", "neutrality")],
)
OPEN_TALKS = ("We are ready for negotiations without any preconditions.", [("negotiations", "negotiations")])


def _actor(n: int, speaker: str = "putin") -> ActorReport:
    """``n`` statements a month apart over at most 25 years (then again from 2000): two conditional
    offers, then an open one, and again."""
    analyses = [
        analysed(
            speaker, f"{2000 + i // 12 % 25}-{i % 12 + 1:02d}", *(TALKS_IF_NEUTRAL if i % 3 < 2 else OPEN_TALKS)
        )
        for i in range(n)
    ]
    tl = timeline(analyses, speaker=speaker)
    return ActorReport(speaker, speaker.title(), "", tl, current_position(tl))


@pytest.fixture(scope="module")
def big() -> ActorReport:
    return _actor(300)


def test_small_actor_shows_everything() -> None:
    actor = _actor(12)
    view = dg.digest(actor)
    assert view.cards == tuple(range(12)) and view.shifts == tuple(range(len(actor.timeline.shifts)))
    assert not view.folded and view.periods == ()


def test_large_actor_is_folded(big) -> None:
    view = dg.digest(big, n_sections=1)
    tl = big.timeline
    assert view.folded and view.total == 300
    assert len(view.shifts) == dg.SHIFTS_PER_ACTOR < len(tl.shifts)
    assert list(view.shifts) == sorted(view.shifts)
    # the latest statements, and the first statement of both sides of each detailed shift
    assert set(range(300 - dg.CARDS_PER_ACTOR, 300)) <= set(view.cards)
    index = {a.statement.id: i for i, a in enumerate(tl.analyses)}
    for k in view.shifts:
        assert {index[tl.shifts[k].from_ids[0]], index[tl.shifts[k].to_ids[0]]} <= set(view.cards)
    assert len(view.cards) <= dg.CARDS_PER_ACTOR + 2 * dg.SHIFTS_PER_ACTOR


def test_detailed_shifts_are_the_strongest(big) -> None:
    view = dg.digest(big)
    verdicts = {big.timeline.shifts[k].verdict.value for k in view.shifts}
    assert verdicts <= {"softened", "hardened", "reversed"}
    assert view.shifts[-1] == len(big.timeline.shifts) - 1  # among equals, the latest


def test_period_rows(big) -> None:
    view = dg.digest(big)
    assert [r.period for r in view.periods][:2] == ["2000", "2001"]  # 300 months: by year
    assert sum(r.statements for r in view.periods) == 300
    assert sum(r.shown for r in view.periods) == len(view.cards)
    assert view.periods[0].tags == (("negotiations", 12), ("neutrality", 8))


@pytest.mark.parametrize(
    ("sections", "share"), [(1, 30), (11, 30), (30, 30), (60, 15), (400, 3)]
)
def test_card_share(sections, share) -> None:
    assert dg.card_share(sections) == share


@pytest.mark.parametrize(
    ("dates", "width"),
    [(["2024-01-02", "2024-02"], 7), ([f"{y}-01" for y in range(1900, 1941)], 4), ([], 7)],
)
def test_period_key(dates, width) -> None:
    assert dg.period_key(dates) == width


def test_page_size_is_bounded_and_links_resolve(seed_data, big) -> None:
    sizes = []
    for n in (300, 900):
        actor = big if n == 300 else _actor(n)
        page = report_html(replace(seed_data, actors=(actor,), parties=(), n_statements=n))
        sizes.append(len(page))
        ids = set(re.findall(r'\sid="([^"]+)"', page))
        refs = set(re.findall(r'href="#([^"]+)"', page))
        assert refs <= ids, refs - ids
        assert f"of {n} statements shown as cards" in page
    assert abs(sizes[1] - sizes[0]) < 0.1 * sizes[0]  # three times the statements, about the same page


def test_many_actors_past_the_section_limit_are_compact(seed_data, monkeypatch) -> None:
    monkeypatch.setattr(dg, "MAX_SECTIONS", 2)
    from rhetoric.reports import html as html_mod
    from rhetoric.reports import markdown as md_mod

    monkeypatch.setattr(html_mod, "MAX_SECTIONS", 2)
    monkeypatch.setattr(md_mod, "MAX_SECTIONS", 2)
    actors = tuple(_actor(60, f"actor{i}") for i in range(3))
    data = replace(seed_data, actors=actors, parties=(), n_statements=180)
    page = report_html(data)
    third = page.split('id="actor-actor2"')[1]
    assert '<article class="card"' not in third and "0 of 60 statements shown as cards" in third
    md = report_markdown(data)
    assert "0 of 60 statements listed" in md.split("(`actor2`)")[1]
