"""The HTML report in headless Chromium: no sideways scrolling at 420 px, nothing overflowing at
1280 and 420 px, the overview fits at 1280 px, the filter works with scripts on and the page reads
fully with scripts off, and it prints.

The report is loaded into ``<iframe srcdoc>`` frames of a probe page (an iframe is as wide as we
say, while a headless window has a minimum width); a script measures every element and writes the
results into the DOM, which ``chromium --dump-dom`` prints. No network, no Python dependency.
Skipped when no Chromium is installed (Debian package ``chromium``; ``.ci/run`` installs it).
Set ``RHETORIC_CHROMIUM`` to another binary to use it.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from rhetoric.reports.collect import ActorReport, collect_report, current_position
from rhetoric.reports.html import report_html
from rhetoric.shifts.timeline import timeline
from tests.shifts.conftest import analysed

from .conftest import make_corpus

CHROMIUM = os.environ.get("RHETORIC_CHROMIUM") or next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome", "chrome")) if p), None
)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (apt-get install chromium)")

#: Measures a frame: its width, the page's scroll width, elements outside the viewport that are not
#: inside a scroll box, the overview's fit, and (scripts on) the filter at work.
PROBE = r"""
function boxed(el, doc) {
  for (let p = el.parentElement; p && p !== doc.body; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
  }
  return false;
}
function visibleCards(doc) {
  return [...doc.querySelectorAll('.card')].filter(c => c.getClientRects().length > 0).map(c => c.id);
}
function measure(frame) {
  const doc = frame.contentDocument, w = doc.documentElement.clientWidth, bad = [];
  for (const el of doc.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if ((r.width === 0 && r.height === 0) || boxed(el, doc)) continue;
    if (r.right > w + 0.5 || r.left < -0.5) bad.push(`${el.tagName}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  const ov = doc.querySelector('table.overview').parentElement;
  const out = {width: w, scrollWidth: doc.documentElement.scrollWidth, overflowing: bad.slice(0, 10),
               overviewFits: ov.scrollWidth <= ov.clientWidth + 0.5,
               formShown: doc.getElementById('filters').getClientRects().length > 0,
               cards: visibleCards(doc), allCards: doc.querySelectorAll('.card').length};
  if (frame.dataset.filter) {
    const form = doc.getElementById('filters'), runs = {};
    for (const [name, values] of Object.entries(JSON.parse(frame.dataset.filter))) {
      form.reset();
      for (const [k, v] of Object.entries(values)) form.elements[k].value = v;
      form.dispatchEvent(new Event('change'));
      runs[name] = {cards: visibleCards(doc), count: form.elements.count.value,
                    sections: [...doc.querySelectorAll('section.actor')].filter(s => !s.hidden).map(s => s.id)};
    }
    out.filters = runs;
  }
  return out;
}
window.addEventListener('load', () => {
  const res = {};
  for (const f of document.querySelectorAll('iframe')) res[f.id] = measure(f);
  const pre = document.createElement('pre'); pre.id = 'result'; pre.textContent = JSON.stringify(res);
  document.body.appendChild(pre);
});
"""


def _chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            f"--user-data-dir={tmp / 'profile'}", "--host-resolver-rules=MAP * ~NOTFOUND",  # offline
            *args,
        ],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip


def probe(pages: dict[str, str], tmp: Path, filters: dict | None = None) -> dict:
    """Measure each page at 1280 and 420 px with scripts on, and at 420 px with scripts off, in one
    Chromium run; ``filters`` (name → form values) run in the first page's 1280 px frame."""
    frames = []
    for k, (name, page) in enumerate(pages.items()):
        doc = html.escape(page, quote=True)
        data = f' data-filter="{html.escape(json.dumps(filters), quote=True)}"' if filters and not k else ""
        frames += [
            f'<iframe id="{name}:w1280" style="width:1280px;height:800px"{data} srcdoc="{doc}"></iframe>',
            f'<iframe id="{name}:w420" style="width:420px;height:800px" srcdoc="{doc}"></iframe>',
            # a sandbox without allow-scripts: the report's script does not run, the probe still reads it
            f'<iframe id="{name}:noscript" sandbox="allow-same-origin" style="width:420px;height:800px" '
            f'srcdoc="{doc}"></iframe>',
        ]
    path = tmp / "probe.html"
    body = "".join(frames)
    path.write_text(f"<!DOCTYPE html><html><body>{body}<script>{PROBE}</script></body></html>", encoding="utf-8")
    done = _chromium("--window-size=1800,1000", "--dump-dom", path.as_uri(), tmp=tmp)
    found = done.stdout.split('<pre id="result">', 1)
    assert len(found) == 2, f"no measurements from Chromium (exit {done.returncode}): {done.stderr[-2000:]}"
    res = json.loads(html.unescape(found[1].split("</pre>", 1)[0]))
    return {name: {f: res[f"{name}:{f}"] for f in ("w1280", "w420", "noscript")} for name in pages}


FILTERS = {
    "actor": {"actor": "zelensky"},
    "tag": {"tag": "withdrawal"},
    "period": {"from": "2024-12-02", "to": "2024-12-31"},
    "all": {},
}


def _folded_page(seed_data) -> str:
    texts = [
        ("Talks are only possible if Kyiv accepts neutrality.", [("negotiations", "Talks"), ("neutrality", "neutrality")]),
        ("We are ready for negotiations without any preconditions.", [("negotiations", "negotiations")]),
    ]
    analyses = [analysed("putin", f"{2000 + i // 12}-{i % 12 + 1:02d}", *texts[i % 3 % 2]) for i in range(240)]
    tl = timeline(analyses, speaker="putin")
    actor = ActorReport("putin", "Vladimir Putin", "", tl, current_position(tl))
    return report_html(replace(seed_data, actors=(actor,), parties=(), n_statements=240))


@pytest.fixture(scope="module")
def measured(seed_data, tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("browser")
    long_url = "https://example.org/" + "a" * 300
    statements = [
        ("zelensky", "2024-06", "A ceasefire is possible as long as Russia withdraws " + "x" * 200 + "."),
        ("putin", "2024", "Talks are only possible if Kyiv accepts neutrality."),
    ]
    pages = {
        "seed": report_html(seed_data),
        "long": report_html(collect_report(make_corpus(tmp / "c", statements, url=long_url).path)),
        "folded": _folded_page(seed_data),
    }
    assert 'class="periods"' in pages["folded"]  # folded: the statements counted per period
    return probe(pages, tmp, FILTERS)


def _assert_fits(m: dict) -> None:
    for frame in ("w1280", "w420", "noscript"):
        r = m[frame]
        assert r["scrollWidth"] <= r["width"], (frame, r["scrollWidth"], r["width"], r["overflowing"])
        assert r["overflowing"] == [], (frame, r["overflowing"])
    assert m["w1280"]["overviewFits"]


@pytest.mark.parametrize(
    ("date", "start", "end", "kept"),
    [
        ("2024-12-03", "2024-12-02", "2024-12-31", True),
        ("2024-12", "2024-12-02", "", True),  # the month may fall in the period
        ("2024", "2024-06", "2024-06", True),
        ("2024-11-30", "2024-12", "", False),
        ("2025-01", "", "2024", False),
        ("2023", "2024", "2025", False),
    ],
)
def test_period_rule(date, start, end, kept) -> None:
    assert in_period(date, start, end) is kept


def in_period(date: str, start: str, end: str) -> bool:
    """The filter's rule, written again: a partial date is kept when it may fall in the period."""
    if start and date[: len(start)] < start[: len(date)]:
        return False
    return not (end and date[: len(end)] > end[: len(date)])


@pytest.mark.parametrize("page", ["seed", "long", "folded"])
def test_fits_at_1280_and_420(measured, page) -> None:
    _assert_fits(measured[page])


def test_folded_page_shows_some_cards(measured) -> None:
    assert 0 < measured["folded"]["w420"]["allCards"] < 240


def test_scripts_off_page_reads_fully(measured, seed_data) -> None:
    every = sorted(a.statement.id for actor in seed_data.actors for a in actor.analyses)
    m = measured["seed"]
    assert not m["noscript"]["formShown"] and sorted(m["noscript"]["cards"]) == every
    assert m["w1280"]["formShown"] and m["w1280"]["allCards"] == len(every) == 13


def test_filter_by_actor_tag_period(measured, seed_data) -> None:
    cards = {a.statement.id: a for actor in seed_data.actors for a in actor.analyses}
    runs = measured["seed"]["w1280"]["filters"]
    zelensky = seed_data.actors[0]
    assert sorted(runs["actor"]["cards"]) == sorted(a.statement.id for a in zelensky.analyses)
    assert runs["actor"]["sections"] == ["actor-zelensky"]
    assert runs["actor"]["count"] == "3 of 13 statement cards shown"
    tagged = sorted(i for i, a in cards.items() if "withdrawal" in {x.tag for x in a.mentions})
    assert sorted(runs["tag"]["cards"]) == tagged and tagged
    period = sorted(i for i, a in cards.items() if in_period(a.statement.date, "2024-12-02", "2024-12-31"))
    assert sorted(runs["period"]["cards"]) == period and 0 < len(period) < 13
    assert sorted(runs["all"]["cards"]) == sorted(cards)


def test_prints_to_pdf(seed_data, tmp_path) -> None:
    page = tmp_path / "report.html"
    page.write_text(report_html(seed_data), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    _chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri(), tmp=tmp_path)
    data = pdf.read_bytes()
    pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    assert data.startswith(b"%PDF") and 3 <= pages <= 40, pages
