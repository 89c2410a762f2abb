"""Shifts and timelines as Markdown and as rich tables (the JSON form is ``to_dict``).

Example:
    >>> from rhetoric.shifts.model import Shift, Verdict
    >>> s = Shift(("s-a",), ("s-b",), "x", "2023", "2024", (), ("withdrawal",), (), ("negotiations",),
    ...           ("ceasefire",), (), "firm", "open", "negated", "affirmed", (), (), Verdict.SOFTENED)
    >>> print(shift_markdown(s).splitlines()[0])
    ### x: s-a (2023) → s-b (2024) — **softened**
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..text.markdown import md_escape
from .model import Shift
from .timeline import Timeline

VERDICT_STYLES = {
    "unchanged": "dim",
    "softened": "bold green",
    "hardened": "bold red",
    "reversed": "bold magenta",
    "reframed": "bold yellow",
    "mixed": "bold cyan",
    "no_position": "dim italic",
}
CELL_SYMBOLS = {
    "condition": "C",
    "outcome": "O",
    "support": "+",
    "oppose": "−",
    "mentioned": "·",
    "absent": "",
}


def _ids(ids: tuple[str, ...]) -> str:
    return ids[0] if len(ids) == 1 else f"{len(ids)} statements"


def _tags(tags: tuple[str, ...]) -> str:
    return ", ".join(tags) if tags else "—"


def shift_markdown(shift: Shift, *, heading: str = "###") -> str:
    """A shift as Markdown: headline, lists, tone, and each event with its evidence."""
    lines = [
        f"{heading} {md_escape(shift.speaker)}: {_ids(shift.from_ids)} ({shift.from_date}) → {_ids(shift.to_ids)} "
        f"({shift.to_date}) — **{shift.verdict.value}**",
        "",
        *(f"- note: {n}" for n in shift.notes),
        f"- items taken up: {_tags(shift.added)}",
        f"- items let go: {_tags(shift.dropped)}",
        f"- items kept: {_tags(shift.kept)}",
        f"- conditions added: {_tags(shift.conditions_added)}; dropped: {_tags(shift.conditions_dropped)}",
        f"- outcome: {_tags(shift.outcome_from)} → {_tags(shift.outcome_to)}",
        f"- commitment: {shift.commitment_from} → {shift.commitment_to}; modality: {shift.modality_from} → "
        f"{shift.modality_to}; polarity: {shift.polarity_from} → {shift.polarity_to}",
    ]
    if shift.stance_changes:
        changes = ", ".join(f"{c.tag}: {c.from_}→{c.to}" for c in shift.stance_changes)
        lines.append(f"- stance changes: {changes}")
    if shift.reasons:
        lines.append(f"- why: {'; '.join(shift.reasons)}")
    if shift.events:
        lines += ["", "| event | tag | detail | before | after |", "|---|---|---|---|---|"]
        for e in shift.events:
            before = " … ".join(f"“{md_escape(ev.text)}”" for ev in e.evidence_from) or "—"
            after = " … ".join(f"“{md_escape(ev.text)}”" for ev in e.evidence_to) or "—"
            lines.append(
                f"| {e.type.value} | {e.tag or '—'} | {md_escape(e.detail) or '—'} | {before} | {after} |"
            )
    return "\n".join(lines) + "\n"


def _clip(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shift_table(shift: Shift) -> Group:
    """A shift as rich renderables for the terminal."""
    head = Text(
        f"{shift.speaker}: {_ids(shift.from_ids)} ({shift.from_date}) → {_ids(shift.to_ids)} ({shift.to_date})  "
    )
    head.append(shift.verdict.value, style=VERDICT_STYLES.get(shift.verdict.value, "bold"))
    summary = Table.grid(padding=(0, 2))
    for note in shift.notes:
        summary.add_row("note", note)
    summary.add_row("taken up", _tags(shift.added))
    summary.add_row("let go", _tags(shift.dropped))
    summary.add_row("kept", _tags(shift.kept))
    summary.add_row("conditions", f"+ {_tags(shift.conditions_added)}  − {_tags(shift.conditions_dropped)}")
    summary.add_row("outcome", f"{_tags(shift.outcome_from)} → {_tags(shift.outcome_to)}")
    summary.add_row("commitment", f"{shift.commitment_from} → {shift.commitment_to}")
    summary.add_row("modality", f"{shift.modality_from} → {shift.modality_to}")
    summary.add_row("polarity", f"{shift.polarity_from} → {shift.polarity_to}")
    for c in shift.stance_changes:
        summary.add_row("stance", f"{c.tag}: {c.from_} → {c.to}")
    summary.add_row("why", "; ".join(shift.reasons))
    events = Table("event", "tag", "detail", "before", "after", show_lines=False)
    for e in shift.events:
        events.add_row(
            e.type.value,
            e.tag or "—",
            e.detail or "—",
            _clip(" … ".join(ev.text for ev in e.evidence_from)) or "—",
            _clip(" … ".join(ev.text for ev in e.evidence_to)) or "—",
        )
    return Group(head, summary, events) if shift.events else Group(head, summary)


def timeline_markdown(tl: Timeline, *, heading: str = "##") -> str:
    """A timeline as Markdown: statements, the position matrix, and the shifts."""
    lines = [
        f"{heading} {md_escape(tl.speaker)}",
        "",
        "| # | occasion | date | id | speaker | text |",
        "|---|---|---|---|---|---|",
    ]
    occasion_of = {i: k for k, occ in enumerate(tl.occasions, start=1) for i in occ}
    for i, a in enumerate(tl.analyses, start=1):
        s = a.statement
        date = f"{s.date_qualifier} {s.date}".strip()
        lines.append(
            f"| {i} | {occasion_of.get(i - 1, i)} | {date} | {s.id} | {md_escape(s.speaker)} | {md_escape(s.text)} |"
        )
    matrix = tl.matrix()
    if matrix:
        cols = " | ".join(str(i) for i in range(1, len(tl.analyses) + 1))
        lines += ["", f"| tag | {cols} |", "|---|" + "---|" * len(tl.analyses)]
        for tag, row in matrix.items():
            lines.append(f"| {tag} | " + " | ".join(cell if cell != "absent" else "" for cell in row) + " |")
    for shift, (x, y) in zip(tl.shifts, tl.shift_steps(), strict=True):
        lines += ["", f"Statements #{x} → #{y}:", "", shift_markdown(shift, heading=heading + "#").rstrip()]
    return "\n".join(lines) + "\n"


def timeline_table(tl: Timeline) -> Group:
    """A timeline as rich renderables: statements, a symbol matrix and the shifts."""
    statements = Table(
        "#",
        "occ.",
        "date",
        "id",
        "speaker",
        "text",
        title=f"{tl.speaker}: {len(tl.analyses)} statements on {len(tl.occasions)} occasions",
    )
    occasion_of = {i: k for k, occ in enumerate(tl.occasions, start=1) for i in occ}
    for i, a in enumerate(tl.analyses, start=1):
        s = a.statement
        statements.add_row(
            str(i),
            str(occasion_of.get(i - 1, i)),
            f"{s.date_qualifier} {s.date}".strip(),
            s.id,
            s.speaker,
            s.text,
        )
    matrix = Table(
        "tag",
        *(str(i) for i in range(1, len(tl.analyses) + 1)),
        title="C condition · O outcome · + support · − oppose · · mentioned",
    )
    for tag, row in tl.matrix().items():
        matrix.add_row(tag, *(CELL_SYMBOLS[c] for c in row))
    return Group(statements, matrix, *(shift_table(s) for s in tl.shifts))


def timeline_dict(tl: Timeline) -> dict:
    """The timeline as ``timeline --format json`` prints it: statements, occasions, matrix, shifts."""
    return {
        "speaker": tl.speaker,
        "statements": [
            {
                "id": a.statement.id,
                "speaker": a.statement.speaker,
                "date": a.statement.date,
                "date_qualifier": a.statement.date_qualifier,
                "text": a.statement.text,
            }
            for a in tl.analyses
        ],
        "party": tl.party,
        "occasions": [[tl.analyses[i].statement.id for i in occ] for occ in tl.occasions],
        "matrix": tl.matrix(),
        "shifts": [s.to_dict() for s in tl.shifts],
    }
