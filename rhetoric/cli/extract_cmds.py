"""Extraction command: propose the attributed statements of an article, and add them after review."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..types import TableFormat
from .app import DEFAULT_CORPUS, WriteCorpusOpt, command, require_named_corpus, warn
from .output import FormatOpt, emit_rows


@command("extract")
def extract(
    article: Annotated[str, typer.Argument(help="Article text file (UTF-8), or - to read standard input.")],
    date: Annotated[
        str | None, typer.Option("--date", help="Publication date YYYY[-MM[-DD]] (default: sidecar).")
    ] = None,
    source: Annotated[str | None, typer.Option("--source", help="Outlet name (default: sidecar).")] = None,
    url: Annotated[str | None, typer.Option("--url", help="Article address (default: sidecar).")] = None,
    add: Annotated[bool, typer.Option("--add", help="Add the candidates to the corpus.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="With --add: reject unknown speakers.")] = False,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Drop candidates below this.")
    ] = 0.0,
    fmt: FormatOpt = TableFormat.TABLE,
    corpus: WriteCorpusOpt = None,
) -> None:
    """Propose attributed statements (speaker, text, date, offsets) found in a news article.

    Speakers are resolved through the corpus's actors.toml; relative dates ("last week")
    against the article date (--date, or `date` in the NAME.toml sidecar next to the
    article). Nothing is written unless --add is given.

    csv, json and jsonl carry every candidate field, in the same columns; the table
    shortens the text for review. With --add in those formats the summary goes to
    stderr, so stdout stays data.

    Example: rhetoric extract seeds/000_194b2d9dfd68f7ca.txt --format json
    """
    # Imported here so that other commands start without the extraction stage.
    from ..corpus import Corpus
    from ..extract.adding import add_candidates
    from ..extract.article import MAX_ARTICLE_BYTES, read_article
    from ..extract.pipeline import extract_statements
    from ..extract.render import CANDIDATE_COLUMNS, NO_CANDIDATES, candidate_rows, candidates_table

    # At most one byte over the limit: a huge stdin is refused without being held in memory.
    stdin = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1) if article == "-" else None
    art = read_article(article, stdin=stdin, date=date, source=source, url=url)
    corpus = require_named_corpus(corpus) if add else corpus or DEFAULT_CORPUS
    store = Corpus(corpus)
    if not store.actors_path.exists():
        warn(f"no actors file at {store.actors_path}: speakers are kept as written")
    candidates = extract_statements(
        art.text,
        actors=store.actors(),
        article_date=art.date,
        source=art.source,
        url=art.url,
        document=art.document,
    )
    candidates = [c for c in candidates if c.confidence >= min_confidence]
    if not candidates and fmt is not TableFormat.TABLE:
        warn(NO_CANDIDATES)  # the data formats print no rows; say why on stderr
    if art.date is None and any(not c.date for c in candidates):
        warn("the article has no date: relative dates are left empty (pass --date)")
    if fmt is TableFormat.TABLE:
        sys.stdout.write(candidates_table(candidates) + "\n")
    else:
        emit_rows(candidate_rows(candidates), CANDIDATE_COLUMNS, fmt)
    if add and candidates:
        result = add_candidates(store, candidates, strict=strict)
        for message in result.warnings:
            warn(message)
        typer.echo(result.summary(), err=fmt is not TableFormat.TABLE)
