"""Codebook and tagging commands: ``codebook check``, ``codebook show``, ``tag``, ``kwic``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from ..codebook import codebook_warnings, load_codebook
from ..corpus.store import Corpus
from ..engine.spec import EngineKind, use_engine
from ..output.spec import own_columns
from ..records import Mention
from ..tagging.kwic import KWIC_COLUMNS, kwic, query_tagger
from ..tagging.output import MENTION_COLUMNS, MODEL_MENTION_COLUMNS, mention_row
from ..types import TableFormat
from .app import DEFAULT_CORPUS, CodebookOpt, CorpusOpt, app, command, fail, warn
from .engine_opts import EngineOpt, JobsOpt, SchedulerOpt, engine_of
from .output import FormatOpt, emit_rows
from .render import highlight, kwic_table, legend, tag_styles

codebook_app = typer.Typer(
    name="codebook",
    help="Check and show the corpus codebook.\n\nExample: rhetoric codebook check",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(codebook_app, name="codebook")

def _codebook_path(corpus: Path, codebook: Path | None) -> Path:
    return codebook if codebook is not None else Corpus(corpus).codebook_path


@command("check", parent=codebook_app)
def codebook_check(corpus: CorpusOpt = DEFAULT_CORPUS, codebook: CodebookOpt = None) -> None:
    """Report every problem of the codebook as [tag.field] message; exit 1 if there is any.

    Likely mistakes that are not errors (such as "cease fire|ceasefire", where '|' joins
    single words) are printed as warnings and do not change the exit code.

    Example: rhetoric codebook check --codebook corpora/ukraine-nato/codebook.toml
    """
    path = _codebook_path(corpus, codebook)
    from ..tagging.check import check_codebook  # examples run through the tagger

    problems = check_codebook(path)
    for problem in problems:
        typer.echo(problem)
    if problems:
        raise fail(f"{len(problems)} problem(s) in {path}")
    cb = load_codebook(path)
    for warning in codebook_warnings(cb):
        warn(warning)
    n_patterns = sum(len(t.patterns) + len(t.exclude) for t in cb.tags)
    n_examples = sum(len(t.examples_positive) + len(t.examples_negative) for t in cb.tags)
    typer.echo(f"OK: {path}: {len(cb.tags)} tags, {n_patterns} patterns, {n_examples} examples pass")


@command("show", parent=codebook_app)
def codebook_show(
    corpus: CorpusOpt = DEFAULT_CORPUS, codebook: CodebookOpt = None, fmt: FormatOpt = TableFormat.TABLE
) -> None:
    """List the codebook's tags with their pattern and example counts.

    Example: rhetoric codebook show --format csv
    """
    cb = load_codebook(_codebook_path(corpus, codebook))
    rows = cb.summary()
    if fmt is not TableFormat.TABLE:
        emit_rows(rows, own_columns("codebook"), fmt)
        return
    console = Console(highlight=False)
    console.print(_codebook_table(f"{cb.name} {cb.version} ({len(rows)} tags)", rows, console.width))


#: The table's short headers for the counts (csv/json keep the spec's names), explained in the caption.
_COUNT_HEADERS = {"patterns": "pat", "exclude": "excl", "positive": "+ex", "negative": "-ex"}


#: Width the columns beside the tag need (role, four counts, a label of a word or two, padding).
_BESIDE_TAG = 58


def _codebook_table(title: str, rows: list[dict], width: int) -> Table:
    """Tag, role, the four counts under short headers, then the label taking what width is left.

    A tag id (copied into commands) is never cut and a label wraps at words; on a terminal too
    narrow for the columns (under the longest tag id + 58 columns) each tag gets one folded cell.
    """
    longest = max((len(r["tag"]) for r in rows), default=3)
    if width < longest + _BESIDE_TAG:
        return _codebook_folded(title, rows, longest)
    table = Table(
        title=title,
        caption="pat: patterns, excl: exclude patterns, +ex/-ex: positive/negative examples",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("tag", no_wrap=True, min_width=longest)
    table.add_column("role", no_wrap=True)
    for header in _COUNT_HEADERS.values():
        table.add_column(header, justify="right", no_wrap=True)
    table.add_column("label", ratio=1, overflow="fold")
    for r in rows:
        table.add_row(r["tag"], r["role"], *(str(r[name]) for name in _COUNT_HEADERS), r["label"])
    return table


def _codebook_folded(title: str, rows: list[dict], longest: int) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("tag", no_wrap=True, min_width=longest)
    table.add_column("role · patterns · examples · label", ratio=1, overflow="fold")
    for r in rows:
        table.add_row(
            r["tag"],
            f"{r['role']} · {r['patterns']} pat, {r['exclude']} excl · "
            f"{r['positive']}+/{r['negative']}- ex · {r['label']}",
        )
    return table


def _with_model(model, body: str, mentions: list[Mention], sid: str | None) -> list[Mention]:
    from ..learn.predict import with_model_mentions

    return with_model_mentions(model, body, mentions, statement_id=sid)


@command("tag")
def tag(
    text: Annotated[str | None, typer.Argument(help="Text to tag; '-' reads standard input.")] = None,
    ids: Annotated[
        list[str] | None, typer.Option("--id", help="Tag this corpus statement (repeatable).")
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Tag every statement of the corpus.")] = False,
    fmt: FormatOpt = TableFormat.TABLE,
    corpus: CorpusOpt = DEFAULT_CORPUS,
    codebook: CodebookOpt = None,
    with_model: Annotated[
        bool,
        typer.Option("--with-model", help="Add the trained model's tags the lexicon missed (source=model)."),
    ] = False,
    jobs: JobsOpt = 0,
    engine: EngineOpt = EngineKind.LOCAL,
    scheduler: SchedulerOpt = None,
) -> None:
    """Find codebook tags in a text or in corpus statements, with exact offsets.

    json prints one array of mentions (statement_id, tag, start, end, text, sentence,
    pattern, polarity), jsonl one a line; csv the same columns. polarity is negated when
    the pattern says the opposite of its tag (polarity = "negated" in the codebook).
    With --with-model, each mention also has source (lexicon or model) and score (the
    model's probability), and model mentions span their sentence.

    Example: rhetoric tag "Kyiv wants a ceasefire before NATO talks" --format json
    """
    from ..session import Session  # the tagger loads only when used

    session = Session.open(corpus, codebook=codebook)
    body = sys.stdin.read() if text == "-" else text
    with use_engine(engine_of(jobs, engine, scheduler)):
        _tag_output(session, session.tag_inputs(text=body, ids=ids, all_statements=all_), fmt, corpus, with_model)


def _tag_output(session, pairs, fmt: TableFormat, corpus: Path, with_model: bool) -> None:
    cb = session.codebook
    if with_model:
        from ..learn.model import load_model  # scikit-learn loads only when the model is asked for

        model = load_model(corpus, codebook=cb)
        pairs = ((sid, body, _with_model(model, body, ms, sid)) for sid, body, ms in pairs)
    columns = MODEL_MENTION_COLUMNS if with_model else MENTION_COLUMNS
    if fmt is not TableFormat.TABLE:
        emit_rows((mention_row(m, columns) for _sid, _text, ms in pairs for m in ms), columns, fmt)
        return
    _print_highlighted(pairs, tag_styles(cb.tag_ids))


@command("kwic")
def kwic_cmd(
    pattern: Annotated[str, typer.Argument(help="A pattern (codebook pattern language) or @tag.")],
    window: Annotated[int, typer.Option("--window", min=0, help="Words of context on each side.")] = 5,
    fmt: FormatOpt = TableFormat.TABLE,
    corpus: CorpusOpt = DEFAULT_CORPUS,
    codebook: CodebookOpt = None,
) -> None:
    """Show every match of PATTERN in the corpus with the words around it (keyword in context).

    PATTERN is a pattern such as "withdraw* ~3 troops", or @tag for all of a codebook
    tag's patterns and excludes. JSON prints one array of rows (statement_id, speaker,
    date, left, match, right, start, end, tag, pattern); CSV the same columns.

    Example: rhetoric kwic "withdraw* ~3 troops|forces" --window 4
    """
    cb = load_codebook(_codebook_path(corpus, codebook)) if pattern.startswith("@") else None
    query_tagger(pattern, codebook=cb)  # a bad query fails before the corpus is read
    rows = kwic(Corpus(corpus).require(), pattern, window=window, codebook=cb)
    if fmt is not TableFormat.TABLE:
        emit_rows((r.to_dict() for r in rows), KWIC_COLUMNS, fmt)
        return
    collected = list(rows)
    Console(highlight=False).print(kwic_table(collected, title=f"{pattern}: {len(collected)} match(es)"))


def _print_highlighted(pairs, styles: dict[str, str]) -> None:
    console = Console(highlight=False, soft_wrap=True)
    for sid, body, mentions in pairs:
        mentions: list[Mention]
        if sid is not None:
            console.print(f"{sid}", style="bold")
        console.print(highlight(body, mentions, styles))
        if mentions:
            console.print(legend(mentions, styles), end="")
        else:
            console.print("  (no mentions)")
        console.print()


__all__ = ["MENTION_COLUMNS", "codebook_app"]
