"""Report and export commands: ``report`` (HTML + Markdown) and ``export`` (tidy tables)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from ..types import ExportFormat, ReportFormat
from .app import DEFAULT_CORPUS, CodebookOpt, CorpusOpt, command
from .progress import progress_bar

SpeakersOpt = Annotated[
    list[str] | None,
    typer.Option("--speaker", help="Only this actor (id, name or alias; repeatable). Default: every actor."),
]


@command("report")
def report(
    speakers: SpeakersOpt = None,
    formats: Annotated[
        list[ReportFormat] | None,
        typer.Option("--format", help="html or md (repeatable). Default: both."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Folder to write the report files into.")] = Path(
        "reports"
    ),
    corpus: CorpusOpt = DEFAULT_CORPUS,
    codebook: CodebookOpt = None,
) -> None:
    """Write the report of a corpus: an overview of actors and their current positions, and per actor
    a timeline chart, statement cards with highlighted mentions and frames, and the shift between
    consecutive statements with evidence.

    The HTML file is one self-contained page (opens offline, prints well); the Markdown file has the
    same content. Files are named after the corpus folder (reports/ukraine-nato.html); the written
    paths are printed.

    Example: rhetoric report --speaker zelensky --format html --out reports/
    """
    fmts = [f.value for f in formats] if formats else ["html", "md"]
    with progress_bar("analysing statements") as update:
        from ..reports.write import write_report  # the report stack loads only for reports

        paths = write_report(
            corpus, speakers=speakers, formats=fmts, out_dir=out, codebook_path=codebook, progress=update
        )
    for path in paths:
        typer.echo(str(path))


@command("export")
def export(
    tables: Annotated[
        list[str] | None,
        typer.Argument(
            help="statements, mentions, frames, stances, shifts or all (default all).", show_default=False
        ),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Folder to write the tables into.")] = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv, parquet or jsonl.")] = ExportFormat.CSV,
    speakers: SpeakersOpt = None,
    describe: Annotated[
        bool, typer.Option("--describe", help="Print the data dictionary (tables, columns, types) and exit.")
    ] = False,
    excel_safe: Annotated[
        bool,
        typer.Option(
            "--excel-safe",
            help="CSV for a spreadsheet: prefix text cells starting with = + - @ (or tab, CR) with ' "
            "so they are not run as formulas. Off by default: texts stay exact for pandas and R.",
        ),
    ] = False,
    corpus: CorpusOpt = DEFAULT_CORPUS,
    codebook: CodebookOpt = None,
) -> None:
    """Export tidy tables for pandas or R: one row per statement, mention, frame, stance or shift event.

    Files are OUT/<table>.<format>: RFC 4180 CSV (UTF-8, CRLF; lists joined with ';'), JSON Lines
    (lists as arrays) or Parquet (days as dates, lists as lists; needs pyarrow: the parquet extra);
    every row carries the codebook name, version and SHA-256 and the rhetoric version.
    --describe prints the data dictionary. The written paths and row counts are printed.

    Example: rhetoric export all --out exports/ --format csv
    """
    from ..export.dictionary import describe_markdown, resolve_tables  # the export package loads the analysis

    names = resolve_tables(tables or ["all"])
    if describe:
        typer.echo(describe_markdown(names), nl=False)
        return
    if out is None:
        raise UsageError("--out DIR is required (the folder to write the tables into)")
    with progress_bar("analysing statements") as update:
        from ..export.write import export_tables  # pandas and pyarrow load only for exports

        result = export_tables(
            corpus,
            tables=names,
            out_dir=out,
            fmt=fmt.value,
            speakers=speakers,
            codebook_path=codebook,
            progress=update,
            excel_safe=excel_safe,
        )
    for path, table in zip(result.paths, names, strict=True):
        typer.echo(f"{path}\t{result.rows[table]} rows")
