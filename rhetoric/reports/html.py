"""The report as one self-contained HTML page: inline CSS, SVG charts and a small inline filter
script; no network, no external file.

The page leads with the **notable shifts** (:mod:`.notable`), then an overview row per actor,
then each actor's section: current position, chart, matrix, statement cards and shift details
(folded for large corpora, :mod:`.digest`). With scripts off everything reads as written; with
scripts on, a form filters by actor, tag and period. A ``@media print`` sheet prints the whole
page without the form.

Example:
    >>> from rhetoric.reports.collect import collect_report
    >>> page = report_html(collect_report("corpora/ukraine-nato"))  # doctest: +SKIP
    >>> page.count("<svg")  # doctest: +SKIP
    11
"""

from __future__ import annotations

from importlib.resources import files

from .charts import timeline_svg
from .collect import ActorReport, ReportData
from .digest import (
    BYTE_BUDGET,
    MAX_OVERVIEW_ROWS,
    MAX_SECTIONS,
    ActorDigest,
    compact_digest,
    digest,
)
from .html_blocks import (
    NOTABLE_EVENTS,
    card_html,
    data_attrs,
    date_text,
    esc,
    event_tag,
    highlight_html,
    matrix_html,
    periods_html,
    quotes_html,
    shift_html,
    shift_states,
    tags_html,
    verdict_html,
)
from .notable import NotableShift, notable_shifts, shift_anchor, strongest_index

#: Characters of a statement quoted in a notable-shift entry (the card has the whole text).
EXCERPT_CHARS = 480


def _asset(name: str) -> str:
    return files("rhetoric.reports").joinpath(name).read_text(encoding="utf-8")


def _excerpt(text: str) -> str:
    if len(text) <= EXCERPT_CHARS:
        return esc(text)
    cut = text[:EXCERPT_CHARS].rsplit(" ", 1)[0]
    return esc(cut) + " …"


def _members(actor: ActorReport) -> tuple[str, ...]:
    return (actor.key, *actor.members)


def overview_html(data: ReportData) -> str:
    """The overview table: each actor's current position and its notable and latest verdict."""
    rows = []
    for a in data.actors[:MAX_OVERVIEW_ROWS]:
        c = a.current
        k = strongest_index(a)
        shifts = "—"
        if k is not None:
            strongest = a.shift(k).verdict.value
            shifts = f'<a href="#notable-{a.key}">{verdict_html(strongest)}</a>'
            if a.latest_verdict != strongest or k != a.n_shifts - 1:
                shifts += f' <span class="meta">latest: {esc(a.latest_verdict)}</span>'
        cells = (
            ("actor", f'<a href="#{a.anchor}">{esc(a.name)}</a>'),
            ("statements", str(len(a.statements))),
            ("period", esc(a.period)),
            ("conditions now", tags_html(c.condition_labels, "t-condition")),
            ("at stake now", tags_html(c.outcomes, "t-outcome")),
            ("supports", tags_html(c.supports, "s-support")),
            ("opposes", tags_html(c.opposes, "s-oppose")),
            ("strongest shift", shifts),
        )
        tds = "".join(f'<td data-label="{label}">{value}</td>' for label, value in cells)
        rows.append(f"<tr{data_attrs([a.key])}>{tds}</tr>")
    head = "".join(f"<th>{label}</th>" for label, _ in cells) if rows else ""
    more = len(data.actors) - MAX_OVERVIEW_ROWS
    note = (
        f'<p class="folded">{more} more actors with fewer statements: see <code>rhetoric export</code>.</p>'
        if more > 0
        else ""
    )
    return (
        f'<div class="scroll"><table class="overview"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>{note}"
    )


def _statement_html(label: str, analyses, link: bool, who: bool) -> str:
    if not analyses:
        return f'<div class="side"><p class="meta">{label}: —</p></div>'
    first = analyses[0].statement
    ref = f'<a href="#{esc(first.id)}">{esc(first.id)}</a>' if link else f"<code>{esc(first.id)}</code>"
    more = f" · +{len(analyses) - 1} more of this occasion" if len(analyses) > 1 else ""
    who = f" · {esc(first.speaker)}" if who else ""
    return (
        f'<div class="side"><p class="meta"><strong>{label}</strong> · {date_text(first)} · {ref}{who}{more}</p>'
        f"<blockquote>{_excerpt(first.text)}</blockquote></div>"
    )


def _event_li(e, states) -> str:
    tag = f" <strong>{esc(event_tag(e, states))}</strong>" if e.tag else ""
    detail = f' <span class="meta">{esc(e.detail)}</span>' if e.detail else ""
    return (
        f'<li><span class="ev-type">{esc(e.type.value.replace("_", " "))}</span>{tag}{detail}: '
        f"{quotes_html(e.evidence_from)} → {quotes_html(e.evidence_to)}</li>"
    )


def notable_entry_html(n: NotableShift, *, linked: set[str]) -> str:
    """One notable shift: actor, verdict, the statements on both sides, the evidence, links."""
    shift, actor = n.shift, n.actor
    states = shift_states(shift)
    lines = list(dict.fromkeys(_event_li(e, states) for e in shift.events))
    events = "".join(lines[:NOTABLE_EVENTS])
    if len(lines) > NOTABLE_EVENTS:
        events += f'<li class="meta">{len(lines) - NOTABLE_EVENTS} more events in the detail</li>'
    why = f'<p class="why">{esc("; ".join(shift.reasons))}</p>' if shift.reasons else ""
    detail = n.detail_anchor in linked
    a, b = n.steps
    head = (
        f'<h3><a href="#{actor.anchor}">{esc(actor.name)}</a> {verdict_html(shift.verdict.value)} '
        f'<span class="meta">{esc(shift.from_date)} → {esc(shift.to_date)} · statements #{a} → #{b}</span>'
        + (f' <a class="detail" href="#{n.detail_anchor}">detail</a>' if detail else "")
        + "</h3>"
    )
    first_ids = {x.statement.id for x in (n.before[:1] + n.after[:1])}
    link = first_ids <= linked
    return (
        f'<li class="notable-shift" id="{n.anchor}"{data_attrs(_members(actor), n.tags, shift.to_date)}>{head}'
        f'<div class="pair">{_statement_html("before", n.before, link, bool(actor.members))}'
        f"{_statement_html('after', n.after, link, bool(actor.members))}</div>"
        + (f'<ul class="evidence">{events}</ul>' if events else '<p class="meta">no change event</p>')
        + f"{why}</li>"
    )


def notable_html(data: ReportData, linked: set[str]) -> str:
    """The section the page leads with: each actor's (and party's) strongest shift."""
    found = notable_shifts([*data.actors, *data.parties])
    quiet = len(data.actors) - sum(1 for n in found if not n.actor.members)
    rule = (
        '<p class="intro">For each actor (and each party of <code>actors.toml</code>) its strongest shift: '
        "reversed before hardened or softened, before reframed or mixed, before unchanged; ties go to the "
        "shift with more quoted evidence, then to the later one. See <code>docs/report.md</code>.</p>"
    )
    entries = "".join(notable_entry_html(n, linked=linked) for n in found)
    rest = (
        f'<p class="meta">{quiet} actor(s) spoke on one occasion only: nothing to compare.</p>'
        if quiet
        else ""
    )
    body = (
        f'<ol class="notable">{entries}</ol>' if entries else '<p class="meta">No shift in this corpus.</p>'
    )
    return f'<section id="notable"><h2>Notable shifts</h2>{rule}{body}{rest}</section>'


def _position_html(actor: ActorReport) -> str:
    c = actor.current
    framed = f" · conditions from <code>{esc(c.framed_id)}</code>" if c.framed_id else ""
    return (
        '<dl class="position">'
        f"<dt>conditions now</dt><dd>{tags_html(c.condition_labels, 't-condition')}</dd>"
        f"<dt>at stake now</dt><dd>{tags_html(c.outcomes, 't-outcome')}"
        + (f' <span class="meta">({esc(c.modality)})</span>' if c.modality else "")
        + f"</dd><dt>supports</dt><dd>{tags_html(c.supports, 's-support')}</dd>"
        f"<dt>opposes</dt><dd>{tags_html(c.opposes, 's-oppose')}</dd>"
        f"<dt>as of</dt><dd><code>{esc(c.as_of_id)}</code> ({esc(c.as_of_date)}){framed}</dd></dl>"
    )


def actor_html(actor: ActorReport, view: ActorDigest | None = None) -> str:
    """One actor's section: current position, chart, matrix, statement cards and shift details."""
    view = view or digest(actor)
    tl = actor.timeline
    columns, by_period = actor.columns
    chart = timeline_svg(
        tl,
        id_prefix=f"chart-{actor.key}",
        title=f"{actor.name}: timeline",
        columns=(columns, by_period),
        tags=actor.tags,
        verdicts=actor.verdicts,
    )
    matrix = matrix_html(actor.tags, columns, by_period)
    cards = "".join(card_html(i + 1, tl.analyses[i], actor.position(i), actor.key) for i in view.cards)
    steps = tl.shift_steps()
    shifts = "".join(
        shift_html(actor.shift(k), steps[k], anchor=shift_anchor(actor, k), actor=actor.key)
        for k in view.shifts
    )
    folded = periods_html(actor, view.periods, len(view.cards)) if view.folded else ""
    n_shifts = actor.n_shifts
    shift_note = (
        f'<p class="folded">{len(view.shifts)} of {n_shifts} shifts detailed (the strongest).</p>'
        if len(view.shifts) < n_shifts
        else ""
    )
    role = f'<p class="role">{esc(actor.role)}</p>' if actor.role else ""
    summary = f"Statements ({len(view.cards)} of {view.total} shown)" if view.folded else "Statements"
    return (
        f'<section class="actor" id="{actor.anchor}"{data_attrs([actor.key])}><h2>{esc(actor.name)} '
        f'<span class="meta">({esc(actor.speaker)})</span></h2>{role}{_position_html(actor)}'
        f'<h3>Timeline</h3><div class="chart">{chart}</div>{matrix}'
        f'<details class="statements" open><summary><h3>{summary}</h3></summary>{folded}{cards}</details>'
        + (f"<h3>Shifts</h3>{shift_note}{shifts}" if n_shifts else "")
        + "</section>"
    )


def _sections(data: ReportData) -> tuple[str, set[str]]:
    """Every actor section (compact past the limits) and the ids they define."""
    parts, linked, size = [], set(), 0
    for i, actor in enumerate(data.actors):
        full = i < MAX_SECTIONS and size < BYTE_BUDGET
        view = (
            digest(actor, n_sections=min(len(data.actors), MAX_SECTIONS)) if full else compact_digest(actor)
        )
        part = actor_html(actor, view)
        parts.append(part)
        size += len(part)
        linked.update(actor.timeline.analyses[k].statement.id for k in view.cards)
        linked.update(shift_anchor(actor, k) for k in view.shifts)
    return "".join(parts), linked


def filters_html(data: ReportData) -> str:
    """The filter form: hidden until the inline script shows it (so scripts-off pages never
    show controls that do nothing)."""
    actors = [*data.actors, *data.parties]
    actor_opts = "".join(
        f'<option value="{a.key}">{esc(a.name)}</option>' for a in actors[:MAX_OVERVIEW_ROWS]
    )
    tags = sorted({t for a in data.actors for t in a.tags})
    tag_opts = "".join(f'<option value="{esc(t)}">{esc(t)}</option>' for t in tags)
    return (
        '<form class="filters" id="filters" hidden><fieldset><legend>Filter</legend>'
        f'<label>actor <select name="actor"><option value="">all actors</option>{actor_opts}</select></label>'
        f'<label>tag <select name="tag"><option value="">all tags</option>{tag_opts}</select></label>'
        '<label>from <input name="from" size="10" placeholder="2024 or 2024-06" inputmode="numeric"></label>'
        '<label>to <input name="to" size="10" placeholder="2025-03" inputmode="numeric"></label>'
        '<button type="reset">show all</button> <output name="count" class="meta"></output>'
        "</fieldset></form>"
    )


def report_html(data: ReportData) -> str:
    """The whole report as one HTML document (UTF-8, no external resources)."""
    p = data.provenance
    legend = (
        '<div class="legend"><span><mark class="m-condition">condition</mark> demanded</span>'
        '<span><mark class="m-outcome">outcome</mark> at stake</span>'
        '<span><mark class="m-mentioned">other mention</mark></span>'
        '<span class="s-support">▲ support</span><span class="s-oppose">▼ oppose</span>'
        '<span><span class="t-condition against">against x</span> the speaker wants x dropped or never done</span>'
        "<span>chart: ■ condition · ● outcome · • mention</span></div>"
    )
    intro = (
        '<p class="intro">First the notable shifts, then for each actor: where it stands now (conditions '
        "and outcomes from its latest statement that states conditions, stances as last taken), a timeline "
        "of tags × statements in date order, its statements with their tagged mentions and condition "
        "frames, and the shift between each pair of consecutive occasions (statements of one source and "
        "day read together) with the evidence on both sides. How to read this page: "
        "<code>docs/report.md</code>; the verdict rules: <code>docs/shifts.md</code>.</p>"
    )
    sub = (
        f'<p class="sub">Corpus <code>{esc(data.corpus)}</code> · {data.n_statements} statements by '
        f"{len(data.actors)} actors · data as of {esc(data.as_of or 'unknown')} · codebook "
        f"<code>{esc(p.codebook)}</code> {esc(p.codebook_version)} (sha256 <code>{esc(p.codebook_sha256[:12])}"
        f"</code>) · rhetoric {esc(p.rhetoric_version)}</p>"
    )
    body, linked = _sections(data)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(data.title)}</title><style>{_asset('report.css')}</style></head>\n<body>"
        f"<header><h1>{esc(data.title)}</h1>{sub}{legend}{intro}{filters_html(data)}</header>\n"
        f"{notable_html(data, linked)}\n"
        f'<section id="overview"><h2>Overview</h2>{overview_html(data)}</section>\n{body}\n'
        f"<footer>Generated by rhetoric {esc(p.rhetoric_version)} from corpus {esc(data.corpus)}; "
        "offline, self-contained page.</footer>"
        f"<script>{_asset('filter.js')}</script></body></html>\n"
    )


__all__ = ["actor_html", "highlight_html", "notable_html", "overview_html", "report_html"]
