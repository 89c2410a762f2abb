"""Corpus commands: init, add, import, list, show, remove, validate (thin wrappers over rhetoric.corpus)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..corpus import (
    Corpus,
    add_statement,
    get_statement,
    import_file,
    init_corpus,
    list_statements,
    remove_statement,
    repair_corpus,
    validate_corpus,
)
from ..errors import ImportRejectedError, RhetoricError
from ..output.spec import own_columns
from ..records import STATEMENT_FIELDS
from ..types import TableFormat
from .app import DEFAULT_CORPUS, CorpusOpt, WriteCorpusOpt, command, fail, require_named_corpus, warn
from .output import FormatOpt, emit_rows

#: Columns of ``list`` and ``show`` in csv: every record key in the output spec's order, ``occasion``
#: and ``position`` empty when unset, ``meta`` as JSON text (``{}`` when none). json and jsonl print
#: the records as statements.jsonl holds them.
STATEMENT_CSV_COLUMNS: tuple[str, ...] = own_columns("list")
_UNSET = dict.fromkeys(STATEMENT_CSV_COLUMNS)


def _emit_statements(statements, fmt: TableFormat) -> None:
    if fmt is TableFormat.CSV:
        emit_rows(
            ({**_UNSET, **s.to_dict(), "meta": dict(s.meta)} for s in statements), STATEMENT_CSV_COLUMNS, fmt
        )
    else:
        emit_rows((s.to_dict() for s in statements), STATEMENT_FIELDS, fmt, whole_rows=True)


@command("init")
def init_cmd(
    directory: Annotated[
        Path | None,
        typer.Argument(help="Folder to create (default: the --corpus folder).", show_default=False),
    ] = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            metavar="NAME",
            help="Start from a shipped codebook and actors: generic-negotiation, israel-hamas, iran-nuclear.",
        ),
    ] = None,
    from_corpus: Annotated[
        Path | None,
        typer.Option("--from", metavar="DIR", help="Copy the codebook and actors of this corpus."),
    ] = None,
    corpus: CorpusOpt = DEFAULT_CORPUS,
) -> None:
    """Create an empty corpus folder: statements.jsonl, actors.toml, codebook.toml and README.md.

    Example: rhetoric init corpora/gaza --template israel-hamas
    """
    created = init_corpus(directory or corpus, template=template, from_corpus=from_corpus)
    typer.echo(f"created corpus {created.path}")


@command("add")
def add_cmd(
    speaker: Annotated[str, typer.Option("--speaker", help="Who said it: actor id, name or alias.")],
    date: Annotated[str, typer.Option("--date", help="When: YYYY, YYYY-MM or YYYY-MM-DD.")],
    text: Annotated[str, typer.Option("--text", help="The statement as printed; '-' reads it from stdin.")],
    kind: Annotated[str, typer.Option("--kind", help="direct, paraphrase or reported.")] = "direct",
    source: Annotated[str, typer.Option("--source", help="Outlet or publication.")] = "",
    url: Annotated[str, typer.Option("--url", help="Address of the source.")] = "",
    note: Annotated[str, typer.Option("--note", help="Free-text note.")] = "",
    date_qualifier: Annotated[str, typer.Option("--date-qualifier", help="'', before, after or circa.")] = "",
    speaker_as_written: Annotated[
        str | None,
        typer.Option("--speaker-as-written", help="Spelling in the source (default: --speaker as given)."),
    ] = None,
    document: Annotated[str, typer.Option("--document", help="Path of the source article.")] = "",
    strict: Annotated[bool, typer.Option("--strict", help="Reject a speaker not in actors.toml.")] = False,
    corpus: WriteCorpusOpt = None,
) -> None:
    """Add one statement and print its id; a duplicate changes nothing ("already in corpus: ID").

    Example: rhetoric add --speaker Putin --date 2024 --text "No." --corpus mine
    """
    corpus = require_named_corpus(corpus)
    if text == "-":
        text = sys.stdin.read().removesuffix("\n").removesuffix("\r")
    result = add_statement(
        Corpus(corpus),
        speaker=speaker,
        date=date,
        text=text,
        speaker_as_written=speaker_as_written,
        date_qualifier=date_qualifier,
        kind=kind,
        source=source,
        url=url,
        document=document,
        note=note,
        strict=strict,
    )
    for message in result.warnings:
        warn(message)
    typer.echo(result.statement.id if result.added else f"already in corpus: {result.statement.id}")


@command("import")
def import_cmd(
    file: Annotated[
        Path, typer.Argument(help="CSV/TSV with a header row, JSONL, or an annotation tool's export.")
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="csv, jsonl, json (one array of statements or Label Studio tasks), prodigy, doccano or label-studio (default: from the extension).",
        ),
    ] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="COLUMN=FIELD",
            help="Read a column (or key) as a statement field, e.g. author=speaker. Repeatable; "
            "other unknown columns go into the statement's meta.",
        ),
    ] = None,
    delimiter: Annotated[
        str | None,
        typer.Option(
            "--delimiter", metavar="CHAR", help="CSV separator, e.g. ';' or tab (default: sniffed)."
        ),
    ] = None,
    encoding: Annotated[str, typer.Option("--encoding", help="Text encoding of FILE.")] = "utf-8",
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid", help="Import the good rows; write the bad ones to FILE.rejects.jsonl."
        ),
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate and count; write nothing.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Reject speakers not in actors.toml.")] = False,
    corpus: WriteCorpusOpt = None,
) -> None:
    """Import statements from a CSV, JSONL, Prodigy, doccano or Label Studio file.

    Every row is checked before anything is written.

    Example: rhetoric import quotes.csv --map author=speaker --corpus corpora/mine
    """
    corpus = require_named_corpus(corpus)
    try:
        result = import_file(
            Corpus(corpus),
            file,
            fmt=fmt,
            encoding=encoding,
            skip_invalid=skip_invalid,
            dry_run=dry_run,
            strict=strict,
            mapping=mapping or (),
            delimiter=delimiter,
        )
    except ImportRejectedError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        typer.echo(exc.result.summary())  # type: ignore[attr-defined]
        raise fail(RhetoricError.__str__(exc)) from None
    for message in result.warnings:
        warn(message)
    for rejected in result.rejected:
        warn(f"rejected {rejected.error}")
    if result.rejects_path is not None and not dry_run:
        warn(f"rejected rows written to {result.rejects_path}")
    typer.echo(("dry run, nothing written: " if dry_run else "") + result.summary())


@command("list")
def list_cmd(
    speaker: Annotated[str | None, typer.Option("--speaker", help="Actor id, name or alias.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Dated on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Dated on or before (YYYY[-MM[-DD]]).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="direct, paraphrase or reported.")] = None,
    contains: Annotated[str | None, typer.Option("--contains", help="Text contains (any case).")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Show at most this many.", min=0)] = None,
    fmt: FormatOpt = TableFormat.TABLE,
    corpus: CorpusOpt = DEFAULT_CORPUS,
) -> None:
    """List statements in file order, filtered by speaker, date range, kind or text.

    json prints one array of statements, jsonl one a line (the statements.jsonl form: meta
    is an object, present when set), csv the statement fields then meta as JSON text (RFC 4180).

    Example: rhetoric list --speaker zelensky --since 2024-11 --format json
    """
    from .render import statements_table  # rich loads only when needed

    found = list_statements(
        Corpus(corpus), speaker=speaker, since=since, until=until, kind=kind, contains=contains, limit=limit
    )
    if fmt is not TableFormat.TABLE:
        _emit_statements(found, fmt)
    else:
        rows = list(found)
        if not rows:
            typer.echo("no statements match", err=True)
            return
        from rich.console import Console

        Console(soft_wrap=False).print(statements_table(rows))


@command("show")
def show_cmd(
    statement_id: Annotated[str, typer.Argument(metavar="ID", help="Statement id (s-…).")],
    fmt: FormatOpt = TableFormat.TABLE,
    corpus: CorpusOpt = DEFAULT_CORPUS,
) -> None:
    """Show every field of one statement.

    Example: rhetoric show s-2287e0e1b45e --format json
    """
    import json

    from rich.console import Console

    from .render import statement_fields_table

    statement = get_statement(Corpus(corpus), statement_id)
    if fmt is TableFormat.JSON:  # one record: an object, not an array
        typer.echo(json.dumps(statement.to_dict(), ensure_ascii=False, indent=2))
    elif fmt is not TableFormat.TABLE:
        _emit_statements([statement], fmt)
    else:
        Console().print(statement_fields_table(statement))


@command("remove")
def remove_cmd(
    statement_id: Annotated[str, typer.Argument(metavar="ID", help="Statement id (s-…).")],
    yes: Annotated[bool, typer.Option("--yes", help="Confirm the removal.")] = False,
    corpus: WriteCorpusOpt = None,
) -> None:
    """Remove one statement (atomic rewrite of statements.jsonl); needs --yes.

    Example: rhetoric remove s-2287e0e1b45e --yes --corpus corpora/my-topic
    """
    corpus = require_named_corpus(corpus)
    if not yes:
        statement = get_statement(Corpus(corpus), statement_id)
        raise fail(
            f"not removed: pass --yes to remove {statement.id} ({statement.speaker}, {statement.date})"
        )
    removed = remove_statement(Corpus(corpus), statement_id)
    typer.echo(f"removed {removed.id} ({removed.speaker}, {removed.date})")


def _repair(corpus: Corpus, *, yes: bool) -> None:
    found = repair_corpus(corpus, dry_run=True)
    if not found.needed:
        typer.echo(f"nothing to repair: {corpus.statements_path} ends on a whole line", err=True)
        return
    shown = found.removed[:120].decode("utf-8", "replace")
    more = f" … ({len(found.removed)} bytes)" if len(found.removed) > 120 else ""
    typer.echo(f"line {found.line} is incomplete: {shown!r}{more}", err=True)
    if not yes and not typer.confirm("Cut it?", err=True):
        raise fail("not repaired (answer y, or pass --yes)")
    done = repair_corpus(corpus)
    if done.needed:
        typer.echo(f"repaired: removed incomplete line {done.line} ({len(done.removed)} bytes)", err=True)


@command("validate")
def validate_cmd(
    repair: Annotated[
        bool,
        typer.Option("--repair", help="Cut an incomplete last line (left by a crash) after confirming."),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="With --repair: do not ask for confirmation.")] = False,
    corpus: WriteCorpusOpt = None,
) -> None:
    """Check every line: JSON, schema, ids matching content, no duplicate ids; exit 1 on any problem.

    Example: rhetoric validate --corpus corpora/ukraine-nato
    """
    if repair:
        corpus = require_named_corpus(corpus)
        _repair(Corpus(corpus), yes=yes)
    report = validate_corpus(Corpus(corpus or DEFAULT_CORPUS))
    for message in report.warnings:
        warn(message)
    for problem in report.problems:
        typer.echo(str(problem), err=True)
    if not report.ok:
        raise fail(f"{len(report.problems)} problem(s) in {report.path}")
    typer.echo(f"ok: {report.statements} statements in {report.path}")
