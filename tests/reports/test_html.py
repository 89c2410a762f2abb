"""The HTML report: self-contained, escaped, a chart per actor, printable, deterministic."""

from __future__ import annotations

import re

import pytest

from rhetoric.records import Mention
from rhetoric.reports.collect import collect_report
from rhetoric.reports.html import highlight_html, report_html

from .conftest import make_corpus


@pytest.fixture(scope="module")
def seed_page(seed_data) -> str:
    return report_html(seed_data)


def test_self_contained(seed_page: str) -> None:
    # one inline script (the filter), no script file, nothing from the network
    assert seed_page.lower().count("<script") == 1 and "<script>" in seed_page
    assert re.search(r"<script[^>]*\ssrc", seed_page, re.I) is None
    assert "fetch(" not in seed_page and "XMLHttpRequest" not in seed_page and "import(" not in seed_page
    assert re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", seed_page, re.I) is None
    assert "@import" not in seed_page and "url(http" not in seed_page and "<link" not in seed_page
    assert "@font-face" not in seed_page


def test_one_svg_chart_per_actor(seed_data, seed_page: str) -> None:
    assert seed_page.count("<svg") == len(seed_data.actors) == 11
    for a in seed_data.actors:
        assert f'id="actor-{a.speaker}"' in seed_page


def test_ids_are_unique(seed_page: str) -> None:
    ids = re.findall(r'\sid="([^"]+)"', seed_page)
    assert len(ids) == len(set(ids))


def test_print_stylesheet_and_charset(seed_page: str) -> None:
    assert "@media print" in seed_page
    assert seed_page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in seed_page


def test_seed_content(seed_page: str) -> None:
    assert '<span class="verdict v-softened">softened</span>' in seed_page
    assert '<mark class="m-condition" title="withdrawal">withdrawal</mark>' in seed_page
    assert '<mark class="m-outcome" title="ceasefire">cease-fire</mark>' in seed_page
    assert "<td>condition_dropped</td><td>withdrawal</td>" in seed_page


def test_deterministic(seed_data) -> None:
    assert report_html(seed_data) == report_html(seed_data)


def test_script_statement_shows_as_text(awkward_corpus) -> None:
    page = report_html(collect_report(awkward_corpus.path))
    assert page.count("<script") == 1  # the filter script only, at the end of the page
    assert page.rindex("<script>") > page.rindex("</footer>")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Зеленський" in page


def test_only_web_urls_become_links(tmp_path) -> None:
    statements = [("zelensky", "2024", "No talks until withdrawal.")]
    bad = report_html(collect_report(make_corpus(tmp_path / "a", statements, url="javascript:alert(1)").path))
    assert 'href="javascript' not in bad and "javascript:alert(1)" in bad
    good = report_html(
        collect_report(make_corpus(tmp_path / "b", statements, url="https://example.org/a?b=1&c=2").path)
    )
    assert '<a href="https://example.org/a?b=1&amp;c=2">' in good


def _m(tag: str, start: int, end: int, text: str) -> Mention:
    return Mention(tag, start, end, text[start:end], 0, "p")


TEXT = "No talks until a full withdrawal <now>."


@pytest.mark.parametrize(
    ("mentions", "roles", "expected"),
    [
        ([], {}, "No talks until a full withdrawal &lt;now&gt;."),
        (
            [_m("negotiations", 3, 8, TEXT)],
            {0: "outcome"},
            'No <mark class="m-outcome" title="negotiations">talks</mark><sup class="tag">negotiations</sup>'
            " until a full withdrawal &lt;now&gt;.",
        ),
        # overlapping mentions split into segments; the strongest role colours the overlap
        (
            [_m("withdrawal", 17, 32, TEXT), _m("other_tag", 22, 32, TEXT)],
            {0: "condition", 1: "mentioned"},
            'No talks until a <mark class="m-condition" title="withdrawal">full </mark>'
            '<mark class="m-condition" title="withdrawal, other_tag">withdrawal</mark>'
            '<sup class="tag">withdrawal</sup><sup class="tag">other_tag</sup> &lt;now&gt;.',
        ),
        # a mention over markup-like text is escaped inside the mark
        (
            [_m("x", 33, 38, TEXT)],
            {},
            'No talks until a full withdrawal <mark class="m-mentioned" title="x">&lt;now&gt;</mark>'
            '<sup class="tag">x</sup>.',
        ),
    ],
)
def test_highlight_html(mentions, roles, expected) -> None:
    assert highlight_html(TEXT, mentions, roles) == expected


def test_filter_form_hidden_without_script(seed_data, seed_page: str) -> None:
    form = seed_page.split('<form class="filters"')[1].split("</form>")[0]
    assert form.startswith(' id="filters" hidden>')  # shown by the script only: scripts off, no dead controls
    for a in seed_data.actors:
        assert f'<option value="{a.key}">' in form
    assert '<option value="nato_membership">nato_membership</option>' in form
    assert 'name="from"' in form and 'name="to"' in form
    assert "form.hidden = false" in seed_page


def test_filterable_elements_carry_data(seed_page: str) -> None:
    card = seed_page.split('<article class="card" id="s-134636953483"')[1].split(">")[0]
    assert card == ' data-actor="zelensky" data-tags="negotiations withdrawal borders_1991" data-date="2024-12"'
    assert '<section class="actor" id="actor-zelensky" data-actor="zelensky">' in seed_page
    assert '<tr data-actor="zelensky">' in seed_page


@pytest.mark.parametrize(
    "fragment",
    [
        # the overview and the position: Russia wants NATO membership dropped
        '<td data-label="conditions now"><span class="t-condition against">against nato_membership</span>',
        '<dt>conditions now</dt><dd><span class="t-condition against">against nato_membership</span>',
        # the frame on Russia's card
        '⇐ <span class="t-condition against">against nato_membership</span>',
    ],
)
def test_condition_direction_is_shown(seed_page: str, fragment: str) -> None:
    russia = seed_page.split('id="actor-russia"')[1].split("</section>")[0]
    overview = seed_page.split('id="overview"')[1].split("</section>")[0]
    assert fragment in russia or fragment in overview


def test_mobile_and_print_rules(seed_page: str) -> None:
    assert "@media (max-width: 700px)" in seed_page and ".overview td::before" in seed_page
    assert ".chart, .scroll { overflow-x: auto;" in seed_page
    printing = seed_page.split("@media print")[1]
    assert ".filters" in printing and "overflow: visible" in printing
