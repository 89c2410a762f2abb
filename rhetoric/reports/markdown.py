"""The report as Markdown: overview of actors and current positions, then per actor the statements
with their frames, the position matrix and the shift between each pair of consecutive occasions.

Statement text is escaped so that Markdown syntax and raw HTML in a quote show as written.

Example:
    >>> md_text("a <b> | *c*")
    'a \\\\<b> \\\\| \\\\*c\\\\*'
"""

from __future__ import annotations

from ..shifts.render import shift_markdown
from ..text.markdown import md_escape
from .collect import ActorReport, ReportData, frame_summary
from .digest import MAX_OVERVIEW_ROWS, MAX_SECTIONS, ActorDigest, compact_digest, digest
from .html_blocks import NOTABLE_EVENTS, event_line, mark_text, shift_states
from .notable import NotableShift, notable_shifts, strongest_index

#: Text safe inside Markdown (the shared escaper of :mod:`rhetoric.text.markdown`).
md_text = md_escape


def _tags(tags: tuple[str, ...]) -> str:
    return ", ".join(tags) if tags else "—"


def _date(statement) -> str:
    return f"{statement.date} ({statement.date_qualifier})" if statement.date_qualifier else statement.date


def _shifts_cell(a: ActorReport) -> str:
    k = strongest_index(a)
    if k is None:
        return "—"
    strongest = a.shift(k).verdict.value
    if k == a.n_shifts - 1:
        return strongest
    return f"{strongest} (latest: {a.latest_verdict})"


def overview_markdown(data: ReportData) -> str:
    """The overview table: one row per actor with its current position and strongest verdict."""
    lines = [
        "| actor | statements | period | conditions now | at stake now | supports | opposes | strongest shift |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for a in data.actors[:MAX_OVERVIEW_ROWS]:
        c = a.current
        lines.append(
            f"| [{md_text(a.name)}](#{a.anchor}) | {len(a.statements)} | {a.period} | {_tags(c.condition_labels)} | "
            f"{_tags(c.outcomes)} | {_tags(c.supports)} | {_tags(c.opposes)} | {_shifts_cell(a)} |"
        )
    if len(data.actors) > MAX_OVERVIEW_ROWS:
        lines += ["", f"{len(data.actors) - MAX_OVERVIEW_ROWS} more actors: see `rhetoric export`."]
    return "\n".join(lines) + "\n"


def _excerpt(text: str, limit: int = 480) -> str:
    return md_text(text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …")


def notable_markdown(n: NotableShift) -> str:
    """One notable shift: actor, verdict, the two statements and the evidence."""
    shift, actor = n.shift, n.actor
    states = shift_states(shift)
    a, b = n.steps
    lines = [
        f"### {md_text(actor.name)}: {shift.verdict.value}",
        "",
        f"{shift.from_date} → {shift.to_date}, statements #{a} → #{b} ([{md_text(actor.speaker)}](#{actor.anchor}))",
        "",
    ]
    for label, side in (("before", n.before), ("after", n.after)):
        if side:
            s = side[0].statement
            more = f", +{len(side) - 1} more of this occasion" if len(side) > 1 else ""
            lines += [f"- {label} (`{s.id}`, {s.date}{more}):", "", f"  > {_excerpt(s.text)}", ""]
    events = list(dict.fromkeys(event_line(e, states, md_text) for e in shift.events))
    lines += [f"- {e}" for e in events[:NOTABLE_EVENTS]]
    if len(events) > NOTABLE_EVENTS:
        lines.append(f"- {len(events) - NOTABLE_EVENTS} more events in the shift's detail")
    if shift.reasons:
        lines += ["", f"Why: {md_text('; '.join(shift.reasons))}"]
    return "\n".join(lines).rstrip("\n") + "\n"


def notables_markdown(data: ReportData) -> str:
    """The section the report leads with: each actor's (and party's) strongest shift."""
    found = notable_shifts([*data.actors, *data.parties])
    lines = [
        "## Notable shifts",
        "",
        "Each actor's (and party's) strongest shift: reversed before hardened or softened, before reframed "
        "or mixed, before unchanged; ties go to more quoted evidence, then to the later shift.",
        "",
    ]
    if not found:
        lines += ["No shift in this corpus.", ""]
    return "\n".join(lines) + "\n" + "".join(notable_markdown(n) + "\n" for n in found)


def _statement_lines(i: int, analysis, position=None) -> list[str]:
    s = analysis.statement
    meta = " · ".join(x for x in (s.kind, md_text(s.source), md_text(s.url)) if x)
    lines = [f"{i}. **{_date(s)}** · `{s.id}` · {meta}", "", f"   > {md_text(s.text)}", ""]
    for f in analysis.frames:
        lines.append(f"   - frame: {frame_summary(f, md_text, position)}")
    if analysis.mentions:
        found = "; ".join(f"{m.tag} “{md_text(m.text)}”" for m in analysis.mentions)
        lines.append(f"   - mentions: {found}")
    held = list(
        dict.fromkeys(
            f"{st.tag} {st.stance} ({', '.join(md_text(h) for h in st.holders)})"
            for st in analysis.stances
            if st.stance != "neutral"
        )
    )
    if held:
        stances = "; ".join(held)
        lines.append(f"   - stances: {stances}")
    if analysis.frames or analysis.mentions or held:
        lines.append("")
    return lines


def _matrix_lines(actor: ActorReport) -> list[str]:
    columns, by_period = actor.columns
    tags = actor.tags
    if not tags:
        return []
    heads = [" ".join(c.label) if by_period else c.label[0].lstrip("#") for c in columns]
    lines = [
        "### Positions" + (" by period" if by_period else ""),
        "",
        "| tag | " + " | ".join(heads) + " |",
        "|---|" + "---|" * len(columns),
    ]
    for tag in tags:
        cells = [mark_text(c.cells[tag]) if tag in c.cells else "" for c in columns]
        lines.append(f"| {tag} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _period_lines(actor: ActorReport, view: ActorDigest) -> list[str]:
    lines = [
        f"{len(view.cards)} of {view.total} statements listed (the latest, and both sides of each shift "
        "below); every statement is in the exports (`rhetoric export --out DIR`).",
        "",
        "| period | statements | listed | tags mentioned most (statements) |",
        "|---|---|---|---|",
    ]
    for r in view.periods:
        tags = ", ".join(f"{t} ({n})" for t, n in r.tags) or "—"
        lines.append(f"| {r.period} | {r.statements} | {r.shown} | {tags} |")
    return [*lines, ""]


def actor_markdown(actor: ActorReport, view: ActorDigest | None = None) -> str:
    """One actor's section (statements folded by :mod:`.digest` in a large corpus)."""
    view = view or digest(actor)
    c = actor.current
    code = actor.speaker.replace("`", "'")  # shown as a code span, which Markdown never interprets
    lines = [
        f'<a id="{actor.anchor}"></a>',
        "",
        f"## {md_text(actor.name)} (`{code}`)",
        "",
    ]
    if actor.role:
        lines += [md_text(actor.role), ""]
    lines += [
        f"**Current position** (latest statement `{c.as_of_id}`, {c.as_of_date}"
        + (f"; conditions from `{c.framed_id}`" if c.framed_id else "")
        + ")",
        "",
        f"- conditions: {_tags(c.condition_labels)}",
        f"- at stake: {_tags(c.outcomes)}" + (f" ({c.modality})" if c.modality else ""),
        f"- supports: {_tags(c.supports)}",
        f"- opposes: {_tags(c.opposes)}",
        "",
        "### Statements",
        "",
    ]
    if view.folded:
        lines += _period_lines(actor, view)
    tl = actor.timeline
    for i in view.cards:
        lines += _statement_lines(i + 1, tl.analyses[i], actor.position(i))
    lines += _matrix_lines(actor)
    if view.shifts:
        lines += ["### Shifts", ""]
        if len(view.shifts) < actor.n_shifts:
            lines += [f"{len(view.shifts)} of {actor.n_shifts} shifts shown (the strongest).", ""]
        steps = tl.shift_steps()
        for k in view.shifts:
            x, y = steps[k]
            lines += [
                f"Statements #{x} → #{y}:",
                "",
                shift_markdown(actor.shift(k), heading="####").rstrip("\n"),
                "",
            ]
    return "\n".join(lines).rstrip("\n") + "\n"


def report_markdown(data: ReportData) -> str:
    """The whole report as one Markdown document.

    Example:
        >>> from rhetoric.reports.collect import collect_report
        >>> md = report_markdown(collect_report("corpora/ukraine-nato", speakers=["zelensky"]))  # doctest: +SKIP
        >>> md.splitlines()[0]  # doctest: +SKIP
        '# Rhetoric report: ukraine-nato'
    """
    p = data.provenance
    head = [
        f"# {md_text(data.title)}",
        "",
        f"Corpus `{data.corpus}`: {data.n_statements} statements by {len(data.actors)} actors; data as of "
        f"{data.as_of or 'unknown'}. Codebook `{p.codebook}` {p.codebook_version} "
        f"(sha256 `{p.codebook_sha256[:12]}`), rhetoric {p.rhetoric_version}.",
        "",
        "Conditions and outcomes are read from condition frames; *conditions now* come from each actor's "
        "latest occasion that states conditions, stances are the latest the actor took. Shifts compare "
        "consecutive occasions (statements of one source and day, or one `occasion`, are read together); "
        "how to read this report is in `docs/report.md`, the verdict rules are in `docs/shifts.md`.",
        "",
        notables_markdown(data),
        "## Overview",
        "",
        overview_markdown(data),
    ]
    n = min(len(data.actors), MAX_SECTIONS)
    sections = (
        actor_markdown(a, digest(a, n_sections=n) if i < MAX_SECTIONS else compact_digest(a))
        for i, a in enumerate(data.actors)
    )
    return "\n".join(head) + "".join("\n" + s for s in sections)
