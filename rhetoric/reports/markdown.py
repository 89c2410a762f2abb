"""The report as Markdown: overview of actors and current positions, then per actor the statements
with their frames, the position matrix and the shift between each pair of consecutive occasions.

Statement text is escaped so that Markdown syntax and raw HTML in a quote show as written.

Example:
    >>> md_text("a <b> | *c*")
    'a \\\\<b> \\\\| \\\\*c\\\\*'
"""

from __future__ import annotations

import re

from ..shifts.render import shift_markdown
from .collect import ActorReport, ReportData, frame_summary

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<|])")


def md_text(text: str) -> str:
    """Statement text safe inside Markdown (one line, special characters backslash-escaped)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _tags(tags: tuple[str, ...]) -> str:
    return ", ".join(tags) if tags else "—"


def _date(statement) -> str:
    return f"{statement.date} ({statement.date_qualifier})" if statement.date_qualifier else statement.date


def overview_markdown(data: ReportData) -> str:
    """The overview table: one row per actor with its current position and latest verdict."""
    lines = [
        "| actor | statements | period | conditions now | at stake now | supports | opposes | latest shift |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for a in data.actors:
        c = a.current
        lines.append(
            f"| [{md_text(a.name)}](#{a.anchor}) | {len(a.statements)} | {a.period} | {_tags(c.condition_labels)} | "
            f"{_tags(c.outcomes)} | {_tags(c.supports)} | {_tags(c.opposes)} | {a.latest_verdict or '—'} |"
        )
    return "\n".join(lines) + "\n"


def _statement_lines(i: int, analysis) -> list[str]:
    s = analysis.statement
    meta = " · ".join(x for x in (s.kind, md_text(s.source), md_text(s.url)) if x)
    lines = [f"{i}. **{_date(s)}** · `{s.id}` · {meta}", "", f"   > {md_text(s.text)}", ""]
    for f in analysis.frames:
        lines.append(f"   - frame: {frame_summary(f, md_text)}")
    if analysis.mentions:
        found = "; ".join(f"{m.tag} “{md_text(m.text)}”" for m in analysis.mentions)
        lines.append(f"   - mentions: {found}")
    held = list(
        dict.fromkeys(
            f"{st.tag} {st.stance} ({', '.join(st.holders)})"
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


def actor_markdown(actor: ActorReport) -> str:
    """One actor's section."""
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
    for i, a in enumerate(actor.analyses, start=1):
        lines += _statement_lines(i, a)
    matrix = actor.timeline.matrix()
    if matrix:
        n = len(actor.analyses)
        lines += [
            "### Positions",
            "",
            "| tag | " + " | ".join(str(i) for i in range(1, n + 1)) + " |",
            "|---|" + "---|" * n,
        ]
        for tag, row in matrix.items():
            lines.append(f"| {tag} | " + " | ".join("" if v == "absent" else v for v in row) + " |")
        lines.append("")
    if actor.timeline.shifts:
        lines += ["### Shifts", ""]
        for shift, (x, y) in zip(actor.timeline.shifts, actor.timeline.shift_steps(), strict=True):
            lines += [f"Statements #{x} → #{y}:", "", shift_markdown(shift, heading="####").rstrip("\n"), ""]
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
        "the verdict rules are in the README.",
        "",
        "## Overview",
        "",
        overview_markdown(data),
    ]
    return "\n".join(head) + "".join("\n" + actor_markdown(a) for a in data.actors)
