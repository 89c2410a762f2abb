"""The report as one self-contained HTML page: inline CSS and SVG charts, no script, no network.

Every piece of statement text goes through :func:`html.escape`, so a quote containing
``<script>`` shows as text. Mentions are highlighted by the part they play (condition,
outcome, other), each statement card lists its frames and stances, each actor gets a
timeline chart and the diff of each pair of consecutive occasions with its evidence.

Example:
    >>> highlight_html("No talks <now>", [], {})
    'No talks &lt;now&gt;'
"""

from __future__ import annotations

import html
from importlib.resources import files

from ..analysis import mention_role
from ..records import Mention, StatementAnalysis
from ..shifts.model import ChangeEvent, Shift
from .charts import timeline_svg
from .collect import ActorReport, ReportData, slug

_ROLE_RANK = {"condition": 3, "outcome": 2, "mentioned": 1}
_SYMBOLS = {"condition": "condition", "outcome": "outcome", "support": "+ support", "oppose": "− oppose"}


def esc(text: str) -> str:
    """HTML-escape text for element content and attribute values."""
    return html.escape(text, quote=True)


def _css() -> str:
    return files("rhetoric.reports").joinpath("report.css").read_text(encoding="utf-8")


def highlight_html(text: str, mentions: list[Mention], roles: dict[int, str]) -> str:
    """Escaped text with every mention wrapped in ``<mark class="m-ROLE">`` and its tag after it.

    Args:
        text: The statement text.
        mentions: Its mentions (they may overlap).
        roles: Index into ``mentions`` → ``condition``, ``outcome`` or ``mentioned``.

    Returns:
        HTML; overlapping mentions split into segments marked by the strongest role.
    """
    bounds = sorted({0, len(text), *(m.start for m in mentions), *(m.end for m in mentions)})
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        segment = esc(text[a:b])
        cover = [i for i, m in enumerate(mentions) if m.start <= a and b <= m.end]
        if cover:
            role = max((roles.get(i, "mentioned") for i in cover), key=_ROLE_RANK.__getitem__)
            tags = ", ".join(dict.fromkeys(mentions[i].tag for i in cover))
            segment = f'<mark class="m-{role}" title="{esc(tags)}">{segment}</mark>'
        out.append(segment)
        ending = dict.fromkeys(m.tag for m in mentions if m.end == b)
        out += [f'<sup class="tag">{esc(tag)}</sup>' for tag in ending]
    return "".join(out)


def _tags(tags: tuple[str, ...], cls: str = "") -> str:
    if not tags:
        return '<span class="meta">—</span>'
    attr = f' class="{cls}"' if cls else ""
    return ", ".join(f"<span{attr}>{esc(t)}</span>" for t in tags)


def _verdict(verdict: str) -> str:
    return f'<span class="verdict v-{esc(verdict)}">{esc(verdict)}</span>' if verdict else "—"


def _date(s) -> str:
    return esc(f"{s.date} ({s.date_qualifier})" if s.date_qualifier else s.date)


def _source(s) -> str:
    parts = [esc(x) for x in (s.kind, s.source) if x]
    if s.url.startswith(("http://", "https://")):
        parts.append(f'<a href="{esc(s.url)}">{esc(s.url)}</a>')
    elif s.url:
        parts.append(esc(s.url))
    return " · ".join(parts)


def overview_html(data: ReportData) -> str:
    """The overview table: each actor's current position and latest verdict."""
    rows = []
    for a in data.actors:
        c = a.current
        rows.append(
            f'<tr><td><a href="#{a.anchor}">{esc(a.name)}</a></td><td>{len(a.statements)}</td>'
            f"<td>{esc(a.period)}</td><td>{_tags(c.condition_labels, 't-condition')}</td>"
            f"<td>{_tags(c.outcomes, 't-outcome')}</td><td>{_tags(c.supports, 's-support')}</td>"
            f"<td>{_tags(c.opposes, 's-oppose')}</td><td>{_verdict(a.latest_verdict)}</td></tr>"
        )
    head = (
        "<tr><th>actor</th><th>statements</th><th>period</th><th>conditions now</th>"
        "<th>at stake now</th><th>supports</th><th>opposes</th><th>latest shift</th></tr>"
    )
    return f'<table class="overview"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _frame_item(f) -> str:
    other = (
        f' <span class="meta">other: {esc("; ".join(f.other_conditions))}</span>'
        if f.other_conditions
        else ""
    )
    return (
        f"<li>{_tags(f.outcomes, 't-outcome')} ⇐ {_tags(f.conditions, 't-condition')}{other} "
        f'<span class="meta">{esc(f.relation)} · {esc(f.polarity)} · {esc(f.modality)} · cue “{esc(f.cue)}”'
        "</span></li>"
    )


def card_html(i: int, a: StatementAnalysis) -> str:
    """One statement card: date, id, source, highlighted text, frames and stances."""
    s = a.statement
    mentions = list(a.mentions)
    roles = {k: mention_role(a, m) for k, m in enumerate(mentions)}
    items = [_frame_item(f) for f in a.frames]
    stances = dict.fromkeys(
        f'<span class="s-{esc(st.stance)}">{esc(st.tag)} {esc(st.stance)}</span> '
        f'<span class="meta">({esc(", ".join(st.holders))})</span>'
        for st in a.stances
        if st.stance != "neutral"
    )
    if stances:
        items.append(f"<li>stances: {'; '.join(stances)}</li>")
    listing = f"<ul>{''.join(items)}</ul>" if items else ""
    return (
        f'<article class="card" id="{esc(s.id)}"><header><span class="num">#{i}</span>'
        f'<span>{_date(s)}</span><span class="id">{esc(s.id)}</span><span class="meta">{_source(s)}</span>'
        f'<span class="meta">as written: {esc(s.speaker_as_written)}</span></header>'
        f"<blockquote>{highlight_html(s.text, mentions, roles)}</blockquote>{listing}</article>"
    )


def matrix_html(actor: ActorReport) -> str:
    """The position matrix: tags × statements, cells coloured by role or stance."""
    matrix = actor.timeline.matrix()
    if not matrix:
        return ""
    n = len(actor.analyses)
    head = "<tr><th>tag</th>" + "".join(f"<th>#{i}</th>" for i in range(1, n + 1)) + "</tr>"
    body = "".join(
        f"<tr><td>{esc(tag)}</td>"
        + "".join(
            f'<td class="c c-{esc(v)}">{esc(_SYMBOLS.get(v, "·" if v == "mentioned" else ""))}</td>'
            for v in row
        )
        + "</tr>"
        for tag, row in matrix.items()
    )
    return f'<table class="matrix"><thead>{head}</thead><tbody>{body}</tbody></table>'


def _quotes(evidence) -> str:
    return " … ".join(f"<q>{esc(e.text)}</q>" for e in evidence) or '<span class="meta">—</span>'


def _event_row(e: ChangeEvent) -> str:
    return (
        f"<tr><td>{esc(e.type.value)}</td><td>{esc(e.tag) or '—'}</td><td>{esc(e.detail) or '—'}</td>"
        f'<td class="ev">{_quotes(e.evidence_from)}</td><td class="ev">{_quotes(e.evidence_to)}</td></tr>'
    )


def shift_html(shift: Shift, number: tuple[int | str, int | str]) -> str:
    """The diff of two consecutive occasions: lists, tone, reasons and events with evidence."""
    a, b = number
    items = [f"<li>note: {esc(n)}</li>" for n in shift.notes] + [
        f"<li>items taken up: {_tags(shift.added, 't-condition')}</li>",
        f"<li>items let go: {_tags(shift.dropped, 't-condition')}</li>",
        f"<li>items kept: {_tags(shift.kept, 't-condition')}</li>",
        f"<li>conditions added: {_tags(shift.conditions_added, 't-condition')}; "
        f"dropped: {_tags(shift.conditions_dropped, 't-condition')}</li>",
        f"<li>at stake: {_tags(shift.outcome_from, 't-outcome')} → {_tags(shift.outcome_to, 't-outcome')}</li>",
        f"<li>commitment: {esc(shift.commitment_from)} → {esc(shift.commitment_to)}; "
        f"modality: {esc(shift.modality_from)} → {esc(shift.modality_to)}; "
        f"polarity: {esc(shift.polarity_from)} → {esc(shift.polarity_to)}</li>",
    ]
    items += [f"<li>stance: {esc(c.tag)} {esc(c.from_)} → {esc(c.to)}</li>" for c in shift.stance_changes]
    events = ""
    if shift.events:
        rows = "".join(_event_row(e) for e in shift.events)
        events = (
            "<table><thead><tr><th>event</th><th>tag</th><th>detail</th><th>before</th><th>after</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>"
        )
    why = f'<p class="why">{esc("; ".join(shift.reasons))}</p>' if shift.reasons else ""
    return (
        f'<div class="shift"><h4>#{a} → #{b} <span class="meta">{esc(shift.from_ids[0])} ({esc(shift.from_date)})'
        f" → {esc(shift.to_ids[0])} ({esc(shift.to_date)})</span> {_verdict(shift.verdict.value)}</h4>"
        f"<ul>{''.join(items)}</ul>{why}{events}</div>"
    )


def actor_html(actor: ActorReport) -> str:
    """One actor's section: current position, chart, matrix, statement cards and shifts."""
    c = actor.current
    framed = f" · conditions from <code>{esc(c.framed_id)}</code>" if c.framed_id else ""
    position = (
        '<dl class="position">'
        f"<dt>conditions now</dt><dd>{_tags(c.condition_labels, 't-condition')}</dd>"
        f"<dt>at stake now</dt><dd>{_tags(c.outcomes, 't-outcome')}"
        + (f' <span class="meta">({esc(c.modality)})</span>' if c.modality else "")
        + f"</dd><dt>supports</dt><dd>{_tags(c.supports, 's-support')}</dd>"
        f"<dt>opposes</dt><dd>{_tags(c.opposes, 's-oppose')}</dd>"
        f"<dt>as of</dt><dd><code>{esc(c.as_of_id)}</code> ({esc(c.as_of_date)}){framed}</dd></dl>"
    )
    chart = timeline_svg(
        actor.timeline, id_prefix=f"chart-{slug(actor.speaker)}", title=f"{actor.name}: timeline"
    )
    cards = "".join(card_html(i, a) for i, a in enumerate(actor.analyses, start=1))
    tl = actor.timeline
    shifts = "".join(shift_html(s, step) for s, step in zip(tl.shifts, tl.shift_steps(), strict=True))
    role = f'<p class="role">{esc(actor.role)}</p>' if actor.role else ""
    return (
        f'<section class="actor" id="{actor.anchor}"><h2>{esc(actor.name)} '
        f'<span class="meta">({esc(actor.speaker)})</span></h2>{role}{position}'
        f'<h3>Timeline</h3><div class="chart">{chart}</div>{matrix_html(actor)}'
        f"<h3>Statements</h3>{cards}" + (f"<h3>Shifts</h3>{shifts}" if shifts else "") + "</section>"
    )


def report_html(data: ReportData) -> str:
    """The whole report as one HTML document (UTF-8, no external resources).

    Example:
        >>> from rhetoric.reports.collect import collect_report
        >>> page = report_html(collect_report("corpora/ukraine-nato"))  # doctest: +SKIP
        >>> page.count("<svg")  # doctest: +SKIP
        11
    """
    p = data.provenance
    legend = (
        '<div class="legend"><span><mark class="m-condition">condition</mark> demanded</span>'
        '<span><mark class="m-outcome">outcome</mark> at stake</span>'
        '<span><mark class="m-mentioned">other mention</mark></span>'
        '<span class="s-support">▲ support</span><span class="s-oppose">▼ oppose</span>'
        "<span>chart: ■ condition · ● outcome · • mention</span></div>"
    )
    intro = (
        '<p class="intro">For each actor: where it stands now (conditions and outcomes from its latest '
        "statement that states conditions, stances as last taken), a timeline of tags × statements in "
        "date order, every statement with its tagged mentions and condition frames, and the shift between "
        "each pair of consecutive occasions (statements of one source and day read together) with the evidence on both sides. Verdict rules: see the README.</p>"
    )
    sub = (
        f'<p class="sub">Corpus <code>{esc(data.corpus)}</code> · {data.n_statements} statements by '
        f"{len(data.actors)} actors · data as of {esc(data.as_of or 'unknown')} · codebook "
        f"<code>{esc(p.codebook)}</code> {esc(p.codebook_version)} (sha256 <code>{esc(p.codebook_sha256[:12])}"
        f"</code>) · rhetoric {esc(p.rhetoric_version)}</p>"
    )
    body = "".join(actor_html(a) for a in data.actors)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(data.title)}</title><style>{_css()}</style></head>\n<body>"
        f"<header><h1>{esc(data.title)}</h1>{sub}{legend}{intro}</header>"
        f"<section><h3>Overview</h3>{overview_html(data)}</section>\n{body}\n"
        f"<footer>Generated by rhetoric {esc(p.rhetoric_version)} from corpus {esc(data.corpus)}; "
        "offline, self-contained page.</footer></body></html>\n"
    )
