"""Pieces of the HTML report: escaped text with highlighted mentions, statement cards, the position
matrix, shift details and the per-period summary of a folded statement list.

Every piece of statement text goes through :func:`esc`, so a quote containing ``<script>`` shows
as text. Elements a reader can filter carry ``data-actor``, ``data-tags`` and ``data-date``.

Example:
    >>> highlight_html("No talks <now>", [], {})
    'No talks &lt;now&gt;'
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from ..analysis import mention_role
from ..records import Mention, StatementAnalysis
from ..shifts.current import directed
from ..shifts.model import ChangeEvent, Shift, TagState
from ..shifts.positions import Position
from .charts import Column
from .collect import ActorReport
from .digest import PeriodRow

_ROLE_RANK = {"condition": 3, "outcome": 2, "mentioned": 1}
_MARK_TEXT = {"condition": "condition", "outcome": "outcome", "support": "+ support", "oppose": "− oppose"}


def esc(text: str) -> str:
    """HTML-escape text for element content and attribute values."""
    return html.escape(text, quote=True)


def data_attrs(actors: Iterable[str], tags: Iterable[str] | None = None, date: str | None = None) -> str:
    """``data-*`` attributes the filter script reads (space-separated lists).

    Example:
        >>> data_attrs(["zelensky"], ["ceasefire", "ceasefire"], "2024-12")
        ' data-actor="zelensky" data-tags="ceasefire" data-date="2024-12"'
    """
    out = f' data-actor="{esc(" ".join(actors))}"'
    if tags is not None:
        out += f' data-tags="{esc(" ".join(dict.fromkeys(tags)))}"'
    if date is not None:
        out += f' data-date="{esc(date)}"'
    return out


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


def tags_html(tags: Iterable[str], cls: str = "") -> str:
    """Tags as a comma-separated list of spans; ``against …`` labels get the ``against`` class."""
    tags = tuple(tags)
    if not tags:
        return '<span class="meta">—</span>'
    out = []
    for t in tags:
        classes = " ".join(c for c in (cls, "against" if t.startswith("against ") else "") if c)
        out.append(f'<span class="{classes}">{esc(t)}</span>' if classes else f"<span>{esc(t)}</span>")
    return ", ".join(out)


def verdict_html(verdict: str) -> str:
    """The verdict as a coloured badge (``—`` when empty)."""
    return f'<span class="verdict v-{esc(verdict)}">{esc(verdict)}</span>' if verdict else "—"


def date_text(s) -> str:
    """A statement's date with its qualifier, escaped."""
    return esc(f"{s.date} ({s.date_qualifier})" if s.date_qualifier else s.date)


def _source(s) -> str:
    parts = [esc(x) for x in (s.kind, s.source) if x]
    if s.url.startswith(("http://", "https://")):
        parts.append(f'<a href="{esc(s.url)}">{esc(s.url)}</a>')
    elif s.url:
        parts.append(esc(s.url))
    return " · ".join(parts)


def _frame_item(f, position: Position | None) -> str:
    def stance(t: str) -> str:
        return position.state(t).stance if position is not None else ""

    conditions = [directed(t, stance(t)) for t in f.conditions]
    other = (
        f' <span class="meta">other: {esc("; ".join(f.other_conditions))}</span>'
        if f.other_conditions
        else ""
    )
    return (
        f"<li>{tags_html(f.outcomes, 't-outcome')} ⇐ {tags_html(conditions, 't-condition')}{other} "
        f'<span class="meta">{esc(f.relation)} · {esc(f.polarity)} · {esc(f.modality)} · cue “{esc(f.cue)}”'
        "</span></li>"
    )


def card_html(i: int, a: StatementAnalysis, position: Position | None = None, actor: str = "") -> str:
    """One statement card: date, id, source, highlighted text, frames (conditions with their
    direction from the speaker's ``position``) and stances."""
    s = a.statement
    mentions = list(a.mentions)
    roles = {k: mention_role(a, m) for k, m in enumerate(mentions)}
    items = [_frame_item(f, position) for f in a.frames]
    stances = dict.fromkeys(
        f'<span class="s-{esc(st.stance)}">{esc(st.tag)} {esc(st.stance)}</span> '
        f'<span class="meta">({esc(", ".join(st.holders))})</span>'
        for st in a.stances
        if st.stance != "neutral"
    )
    if stances:
        items.append(f"<li>stances: {'; '.join(stances)}</li>")
    listing = f"<ul>{''.join(items)}</ul>" if items else ""
    attrs = data_attrs([actor or s.speaker], (m.tag for m in mentions), s.date)
    return (
        f'<article class="card" id="{esc(s.id)}"{attrs}><header><span class="num">#{i}</span>'
        f'<span>{date_text(s)}</span><span class="id">{esc(s.id)}</span><span class="meta">{_source(s)}</span>'
        f'<span class="meta">as written: {esc(s.speaker_as_written)}</span></header>'
        f"<blockquote>{highlight_html(s.text, mentions, roles)}</blockquote>{listing}</article>"
    )


def mark_text(marks: tuple[str, ...]) -> str:
    """A matrix cell: the tag's role, with the speaker's direction when it has one.

    Example:
        >>> mark_text(("condition", "oppose")), mark_text(("outcome",)), mark_text(("support",))
        ('condition, against', 'outcome', '+ support')
    """
    role = next((m for m in marks if m in ("condition", "outcome")), None)
    if role is None:
        return next((_MARK_TEXT[m] for m in marks if m in _MARK_TEXT), "·")
    return f"{role}, against" if "oppose" in marks else role  # a condition is wanted unless opposed


def matrix_html(tags: tuple[str, ...], columns: list[Column], by_period: bool) -> str:
    """The position matrix: tags × statements (or periods), inside its own scroll box."""
    if not tags or not columns:
        return ""
    head = "<tr><th>tag</th>" + "".join(f"<th>{esc(' '.join(c.label))}</th>" for c in columns) + "</tr>"
    rows = []
    for tag in tags:
        cells = []
        for c in columns:
            marks = c.cells.get(tag, ())
            kind = next((m for m in marks if m in ("condition", "outcome")), marks[0] if marks else "absent")
            cells.append(f'<td class="c c-{esc(kind)}">{esc(mark_text(marks)) if marks else ""}</td>')
        rows.append(f'<tr><th scope="row">{esc(tag)}</th>{"".join(cells)}</tr>')
    caption = "by period (statements counted per column)" if by_period else "by statement"
    return (
        f'<div class="scroll"><table class="matrix"><caption>Positions {caption}</caption>'
        f"<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def quotes_html(evidence) -> str:
    """Evidence spans as quotations (``—`` when none)."""
    return " … ".join(f"<q>{esc(e.text)}</q>" for e in evidence) or '<span class="meta">—</span>'


def event_tag(e: ChangeEvent, states: dict[str, tuple[TagState, TagState]]) -> str:
    """The event's tag with the direction the speaker wants on the side that has it."""
    if not e.tag:
        return "—"
    before, after = states.get(e.tag, (TagState(), TagState()))
    return directed(e.tag, (after if e.evidence_to else before).stance)


#: Change events listed in a notable-shift entry (the shift's detail lists them all).
NOTABLE_EVENTS = 6


def event_line(e: ChangeEvent, states, escape=esc, quote=("“", "”")) -> str:
    """One change event as text: type, directed tag, detail and the quotes before → after.

    Args:
        e: The event.
        states: :func:`shift_states` of its shift.
        escape: Applied to every word from the statements (HTML or Markdown escaping).
        quote: Opening and closing marks around each quoted span.
    """

    def quotes(evidence) -> str:
        return " … ".join(f"{quote[0]}{escape(x.text)}{quote[1]}" for x in evidence) or "—"

    tag = f" **{event_tag(e, states)}**" if e.tag else ""  # tag ids are [a-z0-9_], safe as is
    detail = f" ({escape(e.detail)})" if e.detail else ""
    return (
        f"{e.type.value.replace('_', ' ')}{tag}{detail}: {quotes(e.evidence_from)} → {quotes(e.evidence_to)}"
    )


def _event_row(e: ChangeEvent, states) -> str:
    return (
        f"<tr><td>{esc(e.type.value)}</td><td>{esc(event_tag(e, states))}</td><td>{esc(e.detail) or '—'}</td>"
        f'<td class="ev">{quotes_html(e.evidence_from)}</td><td class="ev">{quotes_html(e.evidence_to)}</td></tr>'
    )


def shift_states(shift: Shift) -> dict[str, tuple[TagState, TagState]]:
    """Tag → (state before, state after) of a shift."""
    return {t: (a, b) for t, a, b in shift.tags}


def shift_html(shift: Shift, number: tuple[str, str], *, anchor: str, actor: str) -> str:
    """The diff of two consecutive occasions: lists, tone, reasons and events with evidence."""
    a, b = number
    states = shift_states(shift)

    def side(tags: tuple[str, ...], before: bool) -> str:
        return tags_html(
            [directed(t, states.get(t, (TagState(), TagState()))[0 if before else 1].stance) for t in tags],
            "t-condition",
        )

    items = [f"<li>note: {esc(n)}</li>" for n in shift.notes] + [
        f"<li>items taken up: {side(shift.added, False)}</li>",
        f"<li>items let go: {side(shift.dropped, True)}</li>",
        f"<li>items kept: {side(shift.kept, False)}</li>",
        f"<li>conditions added: {side(shift.conditions_added, False)}; "
        f"dropped: {side(shift.conditions_dropped, True)}</li>",
        f"<li>at stake: {tags_html(shift.outcome_from, 't-outcome')} → {tags_html(shift.outcome_to, 't-outcome')}</li>",
        f"<li>commitment: {esc(shift.commitment_from)} → {esc(shift.commitment_to)}; "
        f"modality: {esc(shift.modality_from)} → {esc(shift.modality_to)}; "
        f"polarity: {esc(shift.polarity_from)} → {esc(shift.polarity_to)}</li>",
    ]
    items += [f"<li>stance: {esc(c.tag)} {esc(c.from_)} → {esc(c.to)}</li>" for c in shift.stance_changes]
    events = ""
    if shift.events:
        rows = "".join(_event_row(e, states) for e in shift.events)
        events = (
            '<div class="scroll"><table class="events"><thead><tr><th>event</th><th>tag</th><th>detail</th>'
            f"<th>before</th><th>after</th></tr></thead><tbody>{rows}</tbody></table></div>"
        )
    why = f'<p class="why">{esc("; ".join(shift.reasons))}</p>' if shift.reasons else ""
    tags = [*shift.added, *shift.dropped, *shift.kept, *(e.tag for e in shift.events if e.tag)]
    return (
        f'<div class="shift" id="{esc(anchor)}"{data_attrs([actor], tags, shift.to_date)}>'
        f'<h4>#{a} → #{b} <span class="meta">{esc(shift.from_ids[0])} ({esc(shift.from_date)})'
        f" → {esc(shift.to_ids[0])} ({esc(shift.to_date)})</span> {verdict_html(shift.verdict.value)}</h4>"
        f"<ul>{''.join(items)}</ul>{why}{events}</div>"
    )


def periods_html(actor: ActorReport, rows: tuple[PeriodRow, ...], shown: int) -> str:
    """The folded statement list: per period, how many statements, how many shown, the top tags."""
    body = "".join(
        f"<tr><td>{esc(r.period)}</td><td>{r.statements}</td><td>{r.shown}</td>"
        f"<td>{esc(', '.join(f'{t} ({n})' for t, n in r.tags)) or '—'}</td></tr>"
        for r in rows
    )
    total = len(actor.analyses)
    return (
        f'<p class="folded">{shown} of {total} statements shown as cards (the latest, and both sides of '
        "each shift detailed below). Every statement, mention, frame and stance is in the exports: "
        "<code>rhetoric export --out DIR</code>.</p>"
        '<div class="scroll"><table class="periods"><caption>Statements by period</caption><thead><tr>'
        "<th>period</th><th>statements</th><th>shown</th><th>tags mentioned most (statements)</th></tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
    )
