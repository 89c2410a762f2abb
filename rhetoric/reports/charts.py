"""Per-actor timeline chart (tags × statements in date order) as small, deterministic inline SVG.

Markers: a square where the tag is a condition, a circle where it is the outcome at stake,
a small dot for a bare mention, and a triangle up / down for the actor's support / opposition
(beside the role marker when both apply). The verdict of each shift is written between the
two statements it compares. A long timeline is drawn by period (month, else year): each
column then shows what the actor said in that period, so the chart stays the same size
whatever the corpus holds. The SVG is written directly (text stays text, ids are prefixed
per chart, nothing depends on the clock), so the same timeline always gives the same bytes.

Example:
    >>> from rhetoric.shifts.timeline import timeline
    >>> svg = timeline_svg(timeline([]), id_prefix="empty")
    >>> svg.startswith("<svg") and "no codebook tag mentioned" in svg
    True
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from ..shifts.model import TagRole, TagState
from ..shifts.timeline import Timeline

if TYPE_CHECKING:
    from ..shifts.positions import Position

#: Colours shared with the HTML stylesheet (condition amber, outcome green, support blue, oppose red).
COLOURS = {
    "condition": "#b45309",
    "outcome": "#15803d",
    "support": "#1d4ed8",
    "oppose": "#b91c1c",
    "mentioned": "#6b7280",
}
VERDICT_COLOURS = {
    "unchanged": "#6b7280",
    "softened": "#15803d",
    "hardened": "#b91c1c",
    "reversed": "#7e22ce",
    "reframed": "#a16207",
    "mixed": "#0e7490",
    "no_position": "#9ca3af",
}
#: Columns drawn one per statement up to this many; beyond it, one per period.
MAX_COLUMNS = 40
_MAX_TICKS = 12
#: Which mark wins when a period holds several statements (the strongest reading first).
_PRIORITY = ("condition", "outcome", "oppose", "support", "mentioned")
_ROW, _TOP, _BOTTOM, _LEGEND, _CHAR = 22, 26, 34, 96, 6.2


@dataclass(frozen=True)
class Column:
    """One column of a chart or matrix: a statement, or a period of statements."""

    label: tuple[str, ...]  # one or two lines under the axis
    cells: dict[str, tuple[str, ...]]  # tag → the marks of this column


def statement_marks(state: TagState) -> tuple[str, ...]:
    """The marks of one tag in one statement: its role in a frame (condition, outcome) and the
    speaker's stance (support, oppose); ``mentioned`` when neither; none when absent. The cell of
    :meth:`~rhetoric.shifts.timeline.Timeline.matrix` with the stance added beside the role.

    Example:
        >>> statement_marks(TagState(TagRole.CONDITION, "oppose")), statement_marks(TagState(TagRole.MENTIONED))
        (('condition', 'oppose'), ('mentioned',))
    """
    # The marks depend on the role and stance only: computed once per pair (a chart of many
    # statements asks for the same few pairs again and again).
    # (The stance's type is part of the key: a plain "oppose" and StanceValue.OPPOSE are equal
    # but the marks hold the stance as given.)
    key = (state.role, state.stance, type(state.stance))
    marks = _MARKS.get(key)
    if marks is None:
        marks = _MARKS[key] = _marks(state.role, state.stance)
    return marks


_MARKS: dict[tuple[TagRole, str, type], tuple[str, ...]] = {}


def _marks(role: TagRole, stance: str) -> tuple[str, ...]:
    if role is TagRole.ABSENT:
        return ()
    marks = [role.value] if role in (TagRole.CONDITION, TagRole.OUTCOME) else []
    if stance in ("support", "oppose"):
        marks.append(stance)
    return tuple(marks) or ("mentioned",)


def _cells(position: Position) -> dict[str, tuple[str, ...]]:
    return {tag: marks for tag, state in position.states if (marks := statement_marks(state))}


def _statement_columns(tl: Timeline) -> list[Column]:
    columns = []
    for i, (analysis, position) in enumerate(zip(tl.analyses, tl.positions, strict=True)):
        s = analysis.statement
        date = s.date if s else ""
        qualifier = f" ({s.date_qualifier})" if s and s.date_qualifier else ""
        columns.append(Column((f"#{i + 1}", date + qualifier), _cells(position)))
    return columns


def _period_columns(tl: Timeline) -> list[Column]:
    """Statements grouped by month, or by year when months are still too many."""
    dates = [a.statement.date if a.statement else "" for a in tl.analyses]
    for width in (7, 4):
        keys = list(dict.fromkeys(d[:width] or "undated" for d in dates))
        if len(keys) <= MAX_COLUMNS or width == 4:
            break
    grouped: dict[str, dict[str, set[str]]] = {k: {} for k in keys}
    counts = dict.fromkeys(keys, 0)
    # Each period's marks are gathered from the (role, stance) pairs its statements hold: no
    # per-statement column is built.
    for position, d in zip(tl.positions, dates, strict=True):
        key = d[:width] or "undated"
        counts[key] += 1
        period = grouped[key]
        for tag, state in position.states:
            marks = statement_marks(state)
            if marks:
                period.setdefault(tag, set()).update(marks)
    out = []
    for key in keys:
        cells = {}
        for tag, marks in grouped[key].items():
            cells[tag] = period_cell(marks)
        out.append(Column((key, f"n={counts[key]}"), cells))
    return out


def period_cell(marks: Collection[str]) -> tuple[str, ...]:
    """The cell of a period from the marks its statements hold: the strongest role, the
    opposition over the support, else a bare mention. A cell stands for its marks: a period that
    gains marks reads ``period_cell({*cell, *marks})`` (how a cached chart grows)."""
    role = next((m for m in _PRIORITY if m in marks and m in ("condition", "outcome")), None)
    stance = next((m for m in ("oppose", "support") if m in marks), None)
    return tuple(m for m in (role, stance) if m) or ("mentioned",)


def timeline_columns(tl: Timeline) -> tuple[list[Column], bool]:
    """The columns of the actor's chart and matrix: one per statement, or one per period (month,
    else year) beyond :data:`MAX_COLUMNS` statements; and whether they are periods."""
    if len(tl.positions) <= MAX_COLUMNS:
        return _statement_columns(tl), False
    return _period_columns(tl), True


def _marker(kind: str, x: float, y: float, size: float) -> str:
    c = COLOURS[kind]
    h = size / 2
    if kind == "condition":
        return f'<rect x="{x - h:.1f}" y="{y - h:.1f}" width="{size:.1f}" height="{size:.1f}" fill="{c}"/>'
    if kind == "outcome":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{h:.1f}" fill="{c}"/>'
    if kind == "mentioned":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{max(h / 2.5, 1.5):.1f}" fill="{c}"/>'
    tip, base = (y - h, y + h) if kind == "support" else (y + h, y - h)
    return f'<path d="M{x - h:.1f} {base:.1f}L{x + h:.1f} {base:.1f}L{x:.1f} {tip:.1f}Z" fill="{c}"/>'


def _text(x: float, y: float, text: str, *, anchor: str = "middle", size: float = 9, extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"{extra}>{escape(text)}</text>'


def timeline_svg(
    tl: Timeline,
    *,
    id_prefix: str = "chart",
    title: str = "",
    columns: tuple[list[Column], bool] | None = None,
    tags: tuple[str, ...] | None = None,
    verdicts: tuple[str, ...] | None = None,
) -> str:
    """The actor's timeline chart as an ``<svg>`` element (no XML prolog), ready to inline in HTML.

    Args:
        tl: The actor's timeline.
        id_prefix: Prefix for the SVG's internal ids (unique per chart in a page).
        title: Accessible title of the chart.
        columns: :func:`timeline_columns` of ``tl``, when already computed.
        tags: ``tl.tags()``, when already computed.
        verdicts: Each shift's verdict value, when already known (then no shift is read).

    Returns:
        SVG markup, byte-identical for the same timeline.
    """
    tags = tuple(reversed(tl.tags() if tags is None else tags))  # first-seen tag at the top
    pid = escape(id_prefix, quote=True)
    head = f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{pid}-title" font-family="sans-serif"'
    title_el = f'<title id="{pid}-title">{escape(title or "timeline")}</title>'
    if not tags:
        return (
            f'{head} width="320" height="60" viewBox="0 0 320 60">{title_el}'
            + _text(160, 34, "no codebook tag mentioned", extra=' fill="#6b7280"')
            + "</svg>\n"
        )
    columns, by_period = columns or timeline_columns(tl)
    n = len(columns)
    left = 12 + _CHAR * max(len(t) for t in tags)
    col_w = max(14.0, min(64.0, 900.0 / n))
    width = left + col_w * n + _LEGEND
    height = _TOP + _ROW * len(tags) + _BOTTOM
    size = min(10.0, col_w / 3.2)
    parts = [
        f'{head} width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}">',
        title_el,
    ]

    def cx(i: int) -> float:
        return left + col_w * (i + 0.5)

    def cy(row: int) -> float:
        return _TOP + _ROW * (len(tags) - 1 - row) + _ROW / 2

    for row, tag in enumerate(tags):
        parts.append(
            f'<line x1="{left:.1f}" y1="{cy(row):.1f}" x2="{left + col_w * n:.1f}" y2="{cy(row):.1f}" '
            'stroke="#e5e7eb"/>'
        )
        parts.append(_text(left - 6, cy(row) + 3, tag, anchor="end"))
    for i, col in enumerate(columns):
        for row, tag in enumerate(tags):
            marks = col.cells.get(tag, ())
            for k, kind in enumerate(marks):
                offset = size * 0.75 if k and len(marks) > 1 else 0.0
                parts.append(_marker(kind, cx(i) + offset, cy(row), size))
    step = -(-n // _MAX_TICKS)  # ceil: at most _MAX_TICKS labelled columns
    base = _TOP + _ROW * len(tags)
    for i in range(0, n, step):
        parts.append(_text(cx(i), base + 13, columns[i].label[0], size=7.5))
        parts.append(_text(cx(i), base + 24, columns[i].label[1], size=7.5, extra=' fill="#6b7280"'))
    if not by_period:
        if verdicts is None:
            verdicts = tuple(s.verdict.value for s in tl.shifts)
        words = len(verdicts) < _MAX_TICKS
        for offset, verdict in zip(tl.shift_offsets(), verdicts, strict=True):
            colour = VERDICT_COLOURS.get(verdict, "#111827")
            x = left + col_w * (offset + 0.5)
            if words:
                parts.append(
                    _text(x, _TOP - 8, verdict, size=7.5, extra=f' font-style="italic" fill="{colour}"')
                )
            elif verdict not in ("unchanged", "no_position"):
                parts.append(
                    f'<line x1="{x:.1f}" y1="{_TOP - 14}" x2="{x:.1f}" y2="{_TOP - 4}" stroke="{colour}" '
                    'stroke-width="2"/>'
                )
    lx = left + col_w * n + 14
    present = {m for col in columns for marks in col.cells.values() for m in marks}
    shown = [k for k in ("condition", "outcome", "mentioned", "support", "oppose") if k in present]
    for k, kind in enumerate(shown):
        y = _TOP + 6 + 14 * k
        parts.append(_marker(kind, lx, y, 8))
        parts.append(_text(lx + 9, y + 3, kind, anchor="start", size=7.5))
    parts.append("</svg>")
    return "".join(parts) + "\n"


__all__ = ["COLOURS", "MAX_COLUMNS", "VERDICT_COLOURS", "Column", "timeline_columns", "timeline_svg"]
