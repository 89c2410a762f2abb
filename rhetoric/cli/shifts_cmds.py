"""Shift commands: ``compare`` two statements or two periods, an actor's ``timeline``."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from ..errors import UsageError
from ..shifts.queries import compare_periods, compare_statements, speaker_timeline
from ..shifts.render import shift_markdown, shift_table, timeline_markdown, timeline_table
from .app import DEFAULT_CORPUS, CodebookOpt, CorpusOpt, command


class ShiftFormat(StrEnum):
    """Output formats of compare and timeline."""

    TABLE = "table"
    JSON = "json"
    MD = "md"


FormatOpt = Annotated[ShiftFormat, typer.Option("--format", help="table, json or md (Markdown).")]


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True, markup=False)


@command("compare")
def compare_cmd(
    id_a: Annotated[str | None, typer.Argument(metavar="ID_A", help="Earlier statement id.")] = None,
    id_b: Annotated[str | None, typer.Argument(metavar="ID_B", help="Later statement id.")] = None,
    from_speaker: Annotated[
        str | None, typer.Option("--from-speaker", help="Compare two periods of this speaker instead.")
    ] = None,
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
    """Diff two statements (or two periods of one speaker): conditions added, dropped and kept,
    outcomes, stance and tone changes, typed events with evidence, and a verdict.

    JSON prints one object with from, to, added, dropped, kept, outcome_from, outcome_to,
    stance_changes, modality_from, modality_to, events and verdict.

    Example: rhetoric compare s-134636953483 s-6c5b18b5efe8 --format json
    """
    if from_speaker is not None:
        if id_a or id_b or not until or not since:
            raise UsageError("with --from-speaker give --until and --since, and no statement ids")
        shift = compare_periods(
            corpus, speaker=from_speaker, until=until, since=since, codebook_path=codebook
        )
    else:
        if not (id_a and id_b) or until or since:
            raise UsageError("give two statement ids, or --from-speaker X --until D1 --since D2")
        shift = compare_statements(corpus, from_id=id_a, to_id=id_b, codebook_path=codebook)
    if fmt is ShiftFormat.JSON:
        sys.stdout.write(json.dumps(shift.to_dict(), ensure_ascii=False, indent=1) + "\n")
    elif fmt is ShiftFormat.MD:
        sys.stdout.write(shift_markdown(shift))
    else:
        _console().print(shift_table(shift))


@command("timeline")
def timeline_cmd(
    speaker: Annotated[str, typer.Option("--speaker", help="Actor id, name or alias.")],
    fmt: FormatOpt = ShiftFormat.TABLE,
    corpus: CorpusOpt = DEFAULT_CORPUS,
    codebook: CodebookOpt = None,
) -> None:
    """An actor's statements in date order, the position matrix (tags × statements) and the
    shift between each pair of consecutive statements.

    Example: rhetoric timeline --speaker Zelensky --format md
    """
    tl = speaker_timeline(corpus, speaker=speaker, codebook_path=codebook)
    if fmt is ShiftFormat.JSON:
        payload = {
            "speaker": tl.speaker,
            "statements": [
                {
                    "id": a.statement.id,
                    "date": a.statement.date,
                    "date_qualifier": a.statement.date_qualifier,
                    "text": a.statement.text,
                }
                for a in tl.analyses
            ],
            "matrix": tl.matrix(),
            "shifts": [s.to_dict() for s in tl.shifts],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    elif fmt is ShiftFormat.MD:
        sys.stdout.write(timeline_markdown(tl))
    else:
        _console().print(timeline_table(tl))
