"""Codebook interop commands: ``codebook import`` (quanteda YAML, LIWC .dic) and ``codebook export``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..types import CodebookExportFormat, DictionaryFormat
from .app import DEFAULT_CORPUS, CodebookOpt, CorpusOpt, command, warn
from .tag_cmds import _codebook_path, codebook_app


@command("import", parent=codebook_app)
def codebook_import(
    dictionary: Annotated[Path, typer.Argument(metavar="FILE", help="A quanteda YAML or LIWC .dic dictionary.")],
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="PATH", help="Codebook file to write (default: the corpus's codebook.toml)."),
    ] = None,
    fmt: Annotated[
        DictionaryFormat | None, typer.Option("--format", help="yaml or dic (default: from the extension).")
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="Codebook name (default: the file name).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace PATH if it exists.")] = False,
    corpus: CorpusOpt = DEFAULT_CORPUS,
) -> None:
    """Turn a dictionary of another tool into a codebook: one tag per category.

    Patterns the pattern language cannot express (a leading '*', a '?' glob) are listed as
    warnings and left out, never changed.

    Example: rhetoric codebook import liwc.dic --corpus corpora/mine --force
    """
    from ..codebook.interop import import_dictionary, write_text_file

    imported = import_dictionary(dictionary, fmt=fmt.value if fmt else None, name=name)
    out = out or _codebook_path(corpus, None)
    write_text_file(imported.to_toml(), out, force=force)
    for warning in imported.warnings:
        warn(warning)
    typer.echo(f"wrote {out}: {len(imported.tags)} tags, {sum(len(t['patterns']) for t in imported.tags)} patterns")


@command("export", parent=codebook_app)
def codebook_export(
    fmt: Annotated[CodebookExportFormat, typer.Option("--format", help="yaml (a quanteda dictionary) or json.")],
    out: Annotated[Path | None, typer.Option("--out", metavar="PATH", help="File to write (default: stdout).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace PATH if it exists.")] = False,
    corpus: CorpusOpt = DEFAULT_CORPUS,
    codebook: CodebookOpt = None,
) -> None:
    """Write every tag with its patterns as a quanteda YAML dictionary or as JSON.

    Gaps (~N) have no glob form: such patterns are listed as warnings (YAML only).

    Example: rhetoric codebook export --format yaml --out dictionary.yml
    """
    from ..codebook.interop import export_codebook, write_text_file
    from ..codebook.load import load_codebook

    text, warnings = export_codebook(load_codebook(_codebook_path(corpus, codebook)), fmt=fmt.value)
    for warning in warnings:
        warn(warning)
    if out is None:
        sys.stdout.write(text)
    else:
        write_text_file(text, out, force=force)
