"""Writing reports: the HTML page and the Markdown document of a corpus, deterministically.

File names follow the corpus folder (``reports/ukraine-nato.html``); a report limited to some
speakers adds their ids (``ukraine-nato-zelensky.md``). The output depends only on the corpus,
the codebook and the rhetoric version: no timestamp but the corpus's latest ``added_at``.

Example:
    >>> write_report("corpora/ukraine-nato", out_dir="reports")  # doctest: +SKIP
    [PosixPath('reports/ukraine-nato.html'), PosixPath('reports/ukraine-nato.md')]
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from pathlib import Path

from ..engine.codec import gc_paused
from ..errors import UsageError
from ..outputs import atomic_file, ensure_folder, output_lock, remove_stale_temps
from ..types import (
    ProgressFn,
    ReportFormat,  # noqa: F401  (re-exported: part of this module's API)
)
from .collect import ReportData, collect_report, slug
from .html import report_html
from .markdown import report_markdown

_RENDERERS = {ReportFormat.HTML: report_html, ReportFormat.MD: report_markdown}


def _formats(formats: Iterable[str]) -> tuple[ReportFormat, ...]:
    out = []
    for f in formats:
        try:
            fmt = ReportFormat(f)
        except ValueError:
            raise UsageError(f"unknown report format {f!r}", hint="use html or md") from None
        if fmt not in out:
            out.append(fmt)
    if not out:
        raise UsageError("no report format given", hint="use html, md or both")
    return tuple(out)


def report_stem(data: ReportData, speakers: Iterable[str] | None = None) -> str:
    """The file name without extension: the corpus name, plus the actor ids of a partial report."""
    if speakers is None:
        return slug(data.corpus)
    return "-".join([slug(data.corpus), *sorted(slug(a.speaker) for a in data.actors)])


def write_report(
    corpus_dir: str | PathLike,
    *,
    speakers: Iterable[str] | None = None,
    parties: Iterable[str] | None = None,
    formats: Iterable[str] = ("html", "md"),
    out_dir: str | PathLike = "reports",
    codebook_path: str | PathLike | None = None,
    progress: ProgressFn | None = None,
) -> list[Path]:
    """Analyse a corpus and write its report in each format.

    Args:
        corpus_dir: The corpus folder.
        speakers: Only these actors (ids, names or aliases); every actor when None.
        parties: Instead of actors, these parties (``party`` in ``actors.toml``), one timeline
            each; the file name adds the party labels.
        formats: ``html`` and/or ``md``.
        out_dir: Folder to write into (created if missing).
        codebook_path: Another codebook file to use.
        progress: Called as ``progress(done, total)`` while statements are analysed.

    Returns:
        The written paths, in the order of ``formats``.

    Raises:
        UsageError: If a format is unknown.
        CorpusError: If the corpus is missing.
        NotFoundError: If a requested speaker has no statement.
        OutputError: If ``out_dir`` or a file in it cannot be written.
    """
    fmts = _formats(formats)
    if Path(out_dir).exists():
        ensure_folder(out_dir)  # a file named like --out fails now, not after the analysis
    speakers = list(speakers) if speakers is not None else None
    parties = list(parties) if parties is not None else None
    # A report holds every analysis and builds many small records beside them that are never
    # cyclic garbage: the cyclic collector would walk all the held records again and again, so
    # it waits until the files are written (an engine analysing missing statements runs with it:
    # rhetoric.engine.cache.analyze_cached).
    with gc_paused():
        # (in a function of its own: the report's records are freed, by reference counting, when
        # it returns, before the collector resumes; else its first pass walks them all once more)
        return _collect_and_write(
            corpus_dir,
            speakers=speakers,
            parties=parties,
            codebook_path=codebook_path,
            progress=progress,
            fmts=fmts,
            out_dir=out_dir,
        )


def _collect_and_write(
    corpus_dir: str | PathLike,
    *,
    speakers: list[str] | None,
    parties: list[str] | None,
    codebook_path: str | PathLike | None,
    progress: ProgressFn | None,
    fmts: tuple[ReportFormat, ...],
    out_dir: str | PathLike,
) -> list[Path]:
    data = collect_report(
        corpus_dir,
        speakers=speakers or None,
        parties=parties or None,
        codebook_path=codebook_path,
        progress=progress,
    )
    return _write(data, speakers=speakers, parties=parties, fmts=fmts, out_dir=out_dir)


def _write(
    data: ReportData,
    *,
    speakers: list[str] | None,
    parties: list[str] | None,
    fmts: tuple[ReportFormat, ...],
    out_dir: str | PathLike,
) -> list[Path]:
    out = ensure_folder(out_dir)
    stem = report_stem(data, speakers or parties or None)
    paths = []
    with output_lock(out):
        remove_stale_temps(out)
        for fmt in fmts:
            path = out / f"{stem}.{fmt.value}"
            (out / f".{path.name}.tmp").unlink(missing_ok=True)  # fixed temp name of earlier versions
            # A random temp name, created exclusively, then renamed: a browser reloading the page
            # never sees half a file, and a link planted in a shared folder is never followed.
            with atomic_file(path) as fh:
                fh.write(_RENDERERS[fmt](data))
            paths.append(path)
    return paths
