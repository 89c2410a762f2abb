"""Shift commands: ``compare`` two statements or two periods, a person's or party's ``timeline``,
``evaluate`` coded shift pairs."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..errors import UsageError
from ..types import TableFormat
from .app import DEFAULT_CORPUS, CodebookOpt, CorpusOpt, command
from .output import emit_report, emit_rows


class ShiftFormat(StrEnum):
    """Output formats of compare and timeline: the table formats plus Markdown."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MD = "md"


FormatOpt = Annotated[
    ShiftFormat,
    typer.Option(
        "--format",
        help="table, json (one object), md (Markdown), or the shifts table of `rhetoric export` "
        "as csv (RFC 4180) or jsonl (one change event a line).",
    ),
]


def _emit_shift_rows(shifts: Iterator, fmt: ShiftFormat) -> None:
    """Print shifts as the ``shifts`` table's rows (its own columns) in csv or jsonl."""
    from ..export.tables import shift_rows
    from ..output.spec import own_columns

    rows = (row for step, shift in shifts for row in shift_rows(shift, step))
    emit_rows(rows, own_columns("shifts"), fmt.value)


def _session(corpus: Path, codebook: Path | None = None):
    from ..session import Session  # the analysis loads only when a command runs

    return Session.open(corpus, codebook=codebook)


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True, markup=False)


@command("compare")
def compare_cmd(
    id_a: Annotated[str | None, typer.Argument(metavar="ID_A", help="Earlier statement id.")] = None,
    id_b: Annotated[str | None, typer.Argument(metavar="ID_B", help="Later statement id.")] = None,
    from_speaker: Annotated[
        str | None, typer.Option("--from-speaker", help="Compare two periods of this speaker instead.")
    ] = None,
    party: Annotated[
        str | None, typer.Option("--party", help="Compare two periods of this party (actors.toml) instead.")
    ] = None,
    across_speakers: Annotated[
        bool,
        typer.Option("--across-speakers", help="Compare two statements of speakers of different parties."),
    ] = False,
    until: Annotated[
        str | None, typer.Option("--until", help="End of the earlier period (YYYY[-MM[-DD]]).")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Start of the later period (YYYY[-MM[-DD]]).")
    ] = None,
    fmt: FormatOpt = ShiftFormat.TABLE,
    corpus: CorpusOpt = DEFAULT_CORPUS,
    codebook: CodebookOpt = None,
) -> None:
    """Diff two statements (or two periods of one speaker or party): items taken up, let go and
    kept, conditions added and dropped, outcomes, stance, commitment and tone changes, typed
    events with evidence from both sides, and a verdict (no_position when a side states none).

    Two statements of speakers of different parties are refused unless --across-speakers; a
    later-then-earlier pair is compared in date order with a note.

    csv and jsonl print the change events as rows of the shifts table of `rhetoric export`
    (step 1). JSON prints one object with from, to, added, dropped, kept, conditions_added,
    conditions_dropped, outcome_from, outcome_to, stance_changes, commitment_from,
    commitment_to, events, verdict, reasons and notes.

    Example: rhetoric compare s-134636953483 s-6c5b18b5efe8 --format json
    """
    from ..shifts.queries import compare_periods, compare_statements
    from ..shifts.render import shift_markdown, shift_table

    if from_speaker is not None or party is not None:
        if id_a or id_b or not until or not since or (from_speaker and party):
            raise UsageError("with --from-speaker or --party give --until and --since, and no statement ids")
        shift = compare_periods(
            _session(corpus, codebook), speaker=from_speaker, party=party, until=until, since=since
        )
    else:
        if not (id_a and id_b) or until or since:
            raise UsageError("give two statement ids, or --from-speaker X --until D1 --since D2")
        shift = compare_statements(
            _session(corpus, codebook), from_id=id_a, to_id=id_b, across_speakers=across_speakers
        )
    if fmt is ShiftFormat.JSON:
        sys.stdout.write(json.dumps(shift.to_dict(), ensure_ascii=False, indent=1) + "\n")
    elif fmt in (ShiftFormat.CSV, ShiftFormat.JSONL):
        _emit_shift_rows(iter([(1, shift)]), fmt)
    elif fmt is ShiftFormat.MD:
        sys.stdout.write(shift_markdown(shift))
    else:
        _console().print(shift_table(shift))


@command("timeline")
def timeline_cmd(
    speaker: Annotated[str | None, typer.Option("--speaker", help="Actor id, name or alias.")] = None,
    party: Annotated[
        str | None, typer.Option("--party", help="A party from actors.toml: all its speakers as one side.")
    ] = None,
    fmt: FormatOpt = ShiftFormat.TABLE,
    corpus: CorpusOpt = DEFAULT_CORPUS,
    codebook: CodebookOpt = None,
) -> None:
    """A person's (or a party's) statements in date order grouped into occasions, the position
    matrix (tags × statements) and the shift between each pair of consecutive occasions.

    csv and jsonl print the shifts as rows of the shifts table of `rhetoric export`.

    Example: rhetoric timeline --speaker Zelensky --format md
    """
    from ..shifts.render import timeline_dict, timeline_markdown, timeline_table

    if (speaker is None) == (party is None):
        raise UsageError("give --speaker or --party")
    tl = _session(corpus, codebook).timeline(speaker=speaker, party=party)
    if fmt is ShiftFormat.JSON:
        sys.stdout.write(json.dumps(timeline_dict(tl), ensure_ascii=False, indent=1) + "\n")
    elif fmt in (ShiftFormat.CSV, ShiftFormat.JSONL):
        _emit_shift_rows(enumerate(tl.shifts, start=1), fmt)
    elif fmt is ShiftFormat.MD:
        sys.stdout.write(timeline_markdown(tl))
    else:
        _console().print(timeline_table(tl))


#: Rows of ``evaluate --pairs`` in csv and jsonl: one per pair (json adds each miss's evidence).
PAIR_COLUMNS: tuple[str, ...] = (
    "from", "to", "ok", "verdict", "verdict_ok", "added", "dropped", "missed_added", "missed_dropped",
    "tool_added", "tool_dropped", "reasons",
)  # fmt: skip


def evaluate_pairs_output(corpus: Path, *, pairs: Path, statements: Path | None, fmt: TableFormat) -> None:
    """``rhetoric evaluate --pairs``: score coded shift pairs and print each miss with its evidence."""
    from ..shifts.queries import evaluate_pairs_file

    report = evaluate_pairs_file(_session(corpus), pairs_path=pairs, statements_path=statements)
    emit_report(fmt, report.to_dict(), (r.to_dict() for r in report.results), PAIR_COLUMNS, lambda: _print_misses(report))


def _print_misses(report) -> None:
    out = _console()
    for r in report.results:
        if r.ok:
            continue
        d = r.to_dict()
        out.print(
            f"MISS {d['from']} → {d['to']}: verdict {d['verdict']} (coders: {', '.join(d['verdict_ok'])}); "
            f"missed taken up {d['missed_added'] or '—'}, let go {d['missed_dropped'] or '—'}"
        )
        for tag, ev in d["evidence"].items():
            before = " … ".join(ev["from"]) or "—"
            after = " … ".join(ev["to"]) or "—"
            out.print(f"    {tag}: {before!s} → {after!s}")
    out.print(f"pairs {report.right}/{len(report.results)}")
