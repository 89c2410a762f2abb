"""Per-actor timeline chart (tags × statements in date order) as deterministic inline SVG.

Markers: a square where the tag is a condition, a circle where it is the outcome at stake,
a small dot for a bare mention, and a triangle up / down for the actor's support / opposition
(beside the role marker when both apply). The verdict of each shift is written between the
two statements it compares. Matplotlib runs headless (Agg-free SVG canvas); text stays text
(``svg.fonttype = none``), ids are salted with a fixed string and prefixed per chart, and no
date is written, so the same timeline always gives the same bytes.

Example:
    >>> from rhetoric.shifts.timeline import timeline
    >>> svg = timeline_svg(timeline([]), id_prefix="empty")
    >>> svg.startswith("<svg") and "no codebook tag" in svg
    True
"""

from __future__ import annotations

import io
import re

import matplotlib

matplotlib.use("Agg")  # never open a window, whatever the environment says

from matplotlib.backends.backend_svg import FigureCanvasSVG  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from ..shifts.model import TagRole  # noqa: E402
from ..shifts.timeline import Timeline  # noqa: E402

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
_MARKERS = {"condition": "s", "outcome": "o", "mentioned": ".", "support": "^", "oppose": "v"}
_RC = {
    "svg.hashsalt": "rhetoric",
    "svg.fonttype": "none",
    "font.family": ["DejaVu Sans", "sans-serif"],
    "font.size": 9,
    "path.simplify": True,
}
_MAX_TICKS = 12
_ID_RE = re.compile(r'id="([^"]+)"')
_METADATA_RE = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)


def _x_label(number: int, analysis) -> str:
    s = analysis.statement
    qualifier = f"\n({s.date_qualifier})" if s.date_qualifier else ""
    return f"#{number}\n{s.date}{qualifier}"


def _points(tl: Timeline, tags: tuple[str, ...]) -> dict[str, list[tuple[float, int]]]:
    """Marker kind → (x, y) points; stance markers sit beside a role marker."""
    points: dict[str, list[tuple[float, int]]] = {k: [] for k in _MARKERS}
    for x, position in enumerate(tl.positions):
        for y, tag in enumerate(tags):
            state = position.state(tag)
            if state.role is TagRole.ABSENT:
                continue
            has_role = state.role in (TagRole.CONDITION, TagRole.OUTCOME)
            if has_role:
                points[state.role.value].append((x, y))
            if state.stance in ("support", "oppose"):
                points[state.stance].append((x + 0.18 if has_role else x, y))
            elif not has_role:
                points["mentioned"].append((x, y))
    return points


def _prefix_ids(svg: str, prefix: str) -> str:
    """Make every id unique to this chart so several charts can share one HTML page."""
    ids = set(_ID_RE.findall(svg))
    if not ids:
        return svg

    def ref(match: re.Match) -> str:
        name = match.group(2)
        return f"{match.group(1)}{prefix}-{name}" if name in ids else match.group(0)

    svg = _ID_RE.sub(lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    return re.sub(r"(url\(#|href=\"#)([^)\"]+)", ref, svg)


def _draw_cells(ax, tl: Timeline, tags: tuple[str, ...], n: int, width: float) -> None:
    """Markers, axes and legend; markers shrink and tick labels thin out on long timelines."""
    room = (width - 1.8) * 72 / n  # points of width per statement
    scale = min(1.0, (room / 20) ** 2)
    for kind, pts in _points(tl, tags).items():
        if pts:
            size = (30 if kind == "mentioned" else 46) * scale
            ax.scatter(
                [p[0] for p in pts],
                [p[1] for p in pts],
                marker=_MARKERS[kind],
                s=max(size, 4.0),
                c=COLOURS[kind],
                label=kind,
                zorder=3,
                linewidths=0,
            )
    ax.set_yticks(range(len(tags)), labels=tags)
    step = -(-n // _MAX_TICKS)  # ceil: at most _MAX_TICKS labelled statements
    ticks = list(range(0, n, step))
    ax.set_xticks(ticks, labels=[_x_label(i + 1, tl.analyses[i]) for i in ticks], fontsize=7.5)
    ax.set_xlim(-0.6, n - 0.4)
    ax.set_ylim(-0.6, len(tags) - 0.4)
    ax.grid(axis="y", color="#e5e7eb", linewidth=0.8, zorder=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7.5, handletextpad=0.2)


def _draw_verdicts(ax, tl: Timeline, top: float) -> None:
    """Each shift's verdict between its two statements: words when they fit, coloured ticks otherwise."""
    if len(tl.shifts) < _MAX_TICKS:
        for x, shift in zip(tl.shift_offsets(), tl.shifts, strict=True):
            verdict = shift.verdict.value
            colour = VERDICT_COLOURS.get(verdict, "#111827")
            ax.text(
                x, top, verdict, ha="center", va="bottom", fontsize=7.5, style="italic", color=colour
            )
        return
    moved = [
        (x, s.verdict.value)
        for x, s in zip(tl.shift_offsets(), tl.shifts, strict=True)
        if s.verdict.value not in ("unchanged", "no_position")
    ]
    if moved:
        ax.scatter(
            [x for x, _ in moved],
            [top + 0.15] * len(moved),
            marker="|",
            s=40,
            c=[VERDICT_COLOURS.get(v, "#111827") for _, v in moved],
            clip_on=False,
        )


def timeline_svg(tl: Timeline, *, id_prefix: str = "chart", title: str = "") -> str:
    """The actor's timeline chart as an ``<svg>`` element (no XML prolog), ready to inline in HTML.

    Args:
        tl: The actor's timeline.
        id_prefix: Prefix for the SVG's internal ids (unique per chart in a page).
        title: Accessible title of the chart.

    Returns:
        SVG markup, byte-identical for the same timeline.
    """
    tags = tuple(reversed(tl.tags()))  # first-seen tag at the top
    n = max(len(tl.analyses), 1)
    width = min(max(4.8, 1.8 + 1.15 * n), 16.0)
    height = max(1.5, 1.0 + 0.34 * max(len(tags), 1))
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(width, height), dpi=72)
        FigureCanvasSVG(fig)
        ax = fig.add_subplot()
        if not tags:
            ax.text(0.5, 0.5, "no codebook tag mentioned", ha="center", va="center", color="#6b7280")
            ax.set_axis_off()
        else:
            _draw_cells(ax, tl, tags, n, width)
            _draw_verdicts(ax, tl, len(tags) - 0.45)
        fig.tight_layout(pad=0.4)
        buf = io.StringIO()
        metadata = {"Date": None, "Creator": None, **({"Title": title} if title else {})}
        fig.savefig(buf, format="svg", metadata=metadata)
    svg = buf.getvalue()
    svg = _METADATA_RE.sub("", svg[svg.index("<svg") :])  # RDF block: namespace URLs, no content
    return _prefix_ids(svg, id_prefix).strip() + "\n"
