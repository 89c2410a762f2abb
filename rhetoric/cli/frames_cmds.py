"""Frame and stance commands: ``frames`` and ``stances`` over free text or corpus statements."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.text import Text

from ..types import TableFormat
from .app import DEFAULT_CORPUS, CodebookOpt, CorpusOpt, command
from .output import FormatOpt, emit_rows
from .progress import progress_bar

if TYPE_CHECKING:
    from ..records import StatementAnalysis

TextArg = Annotated[str | None, typer.Argument(help="Text to analyse; '-' reads standard input.")]
IdsOpt = Annotated[list[str] | None, typer.Option("--id", help="Analyse this corpus statement (repeatable).")]
AllOpt = Annotated[bool, typer.Option("--all", help="Analyse every statement of the corpus.")]
SpeakerOpt = Annotated[str, typer.Option("--speaker", help="Speaker of free TEXT (default stance holder).")]
WithModelOpt = Annotated[
    bool,
    typer.Option(
        "--with-model",
        help="Let the trained fallback (`rhetoric train --frames GOLD`) fill what the rules leave empty.",
    ),
]


def _analyses(
    text: str | None,
    ids: list[str] | None,
    all_: bool,
    corpus: Path,
    codebook: Path | None,
    speaker: str,
    with_model: bool = False,
) -> Iterator[StatementAnalysis]:
    from ..session import Session  # the tagger and frames load only when used

    body = sys.stdin.read() if text == "-" else text
    session = Session.open(corpus, codebook=codebook, with_model=with_model)
    return session.analyze_inputs(text=body, ids=ids, all_statements=all_, speaker=speaker)


def _run(
    kind: str,
    text: str | None,
    ids: list[str] | None,
    all_: bool,
    fmt: TableFormat,
    corpus: Path,
    codebook: Path | None,
    speaker: str,
    with_model: bool = False,
) -> None:
    """Analyse and emit; with --all a progress bar counts statements on stderr (terminals only)."""
    with progress_bar("analysing statements") as update:
        analyses = _analyses(text, ids, all_, corpus, codebook, speaker, with_model)
        if update is not None and all_:
            from ..corpus.store import Corpus

            total = sum(1 for _ in Corpus(corpus).iter_lines())
            analyses = _counted(analyses, total, update)
        _emit(analyses, fmt, kind=kind, speaker=speaker)


def _counted(analyses: Iterator[StatementAnalysis], total: int, update) -> Iterator[StatementAnalysis]:
    for done, a in enumerate(analyses, start=1):
        update(done, total)
        yield a


def _header(a: StatementAnalysis) -> Text:
    s = a.statement
    return Text(f"{s.id}  {s.speaker}  {s.date}", style="bold") if s else Text("(text)", style="bold")


def _emit(analyses: Iterator[StatementAnalysis], fmt: TableFormat, *, kind: str, speaker: str) -> None:
    """Write frames or stances in the chosen format (data formats stream; table prints per statement).

    The data formats carry the columns of ``rhetoric export``'s table of the same name.
    """
    if fmt is not TableFormat.TABLE:
        from ..export.tables import frame_rows, stance_rows
        from ..output.spec import own_columns

        if kind == "frames":
            rows = (r for a in analyses for r in frame_rows(a))
        else:
            rows = (r for a in analyses for r in stance_rows(a, speaker=speaker))
        emit_rows(rows, own_columns(kind), fmt)
        return
    console = Console(highlight=False, soft_wrap=True, markup=False)
    for a in analyses:
        if a.frames if kind == "frames" else a.stances:
            console.print(_header(a))
            for line in _frame_lines(a) if kind == "frames" else _stance_lines(a):
                console.print(line)


def _frame_lines(a: StatementAnalysis) -> Iterator[Text]:
    from ..frames.output import render_frame

    for f in a.frames:
        yield Text("  ") + render_frame(a.text, f, a.mentions)
        other = f" other: {'; '.join(f.other_conditions)}" if f.other_conditions else ""
        yield Text(
            f"    {', '.join(f.outcomes)} ⇐ {', '.join(f.conditions)}  "
            f"[{f.relation}, {f.polarity}, {f.modality}, cue '{f.cue}']{other}"
        )


def _stance_lines(a: StatementAnalysis) -> Iterator[Text]:
    from ..frames.output import STANCE_STYLES

    for s in a.stances:
        line = Text("  ")
        line.append(f"{s.tag:<24}")
        line.append(f"{s.stance:<8}", style=STANCE_STYLES.get(s.stance, ""))
        line.append(f" {', '.join(s.holders):<28} “{a.text[s.start : s.end]}”")
        if s.cue:
            line.append(f"  ({s.cue})", style="dim")
        yield line


@command("frames")
def frames(
    text: TextArg = None,
    ids: IdsOpt = None,
    all_: AllOpt = False,
    fmt: FormatOpt = TableFormat.TABLE,
    speaker: SpeakerOpt = "",
    with_model: WithModelOpt = False,
    corpus: CorpusOpt = DEFAULT_CORPUS,
    codebook: CodebookOpt = None,
) -> None:
    """Condition frames: outcomes, the conditions demanded for them, cue, polarity and modality.

    json prints one array of frame objects, jsonl one a line; csv the same columns with lists
    joined by ';' (the columns of `rhetoric export`'s frames table, without provenance).
    The table shows each frame's evidence with outcomes green, conditions yellow, the cue magenta.

    Example: rhetoric frames "Talks are not possible until Russia withdraws." --format json
    """
    _run("frames", text, ids, all_, fmt, corpus, codebook, speaker, with_model)


@command("stances")
def stances(
    text: TextArg = None,
    ids: IdsOpt = None,
    all_: AllOpt = False,
    fmt: FormatOpt = TableFormat.TABLE,
    speaker: SpeakerOpt = "",
    with_model: WithModelOpt = False,
    corpus: CorpusOpt = DEFAULT_CORPUS,
    codebook: CodebookOpt = None,
) -> None:
    """Stances: support, oppose or neutral for every mention, and who holds them.

    json prints one array of stance objects, jsonl one a line; csv the same columns with
    holders joined by ';' (the columns of `rhetoric export`'s stances table, without provenance).

    Example: rhetoric stances --id s-3960f0777033
    """
    _run("stances", text, ids, all_, fmt, corpus, codebook, speaker, with_model)
