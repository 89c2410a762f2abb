"""Importing a file of statements (CSV, JSONL, Prodigy, doccano, Label Studio): validate every row, then write.

Every row is validated before anything is written, and every bad row is reported with
its line number. By default the import is all-or-nothing; ``skip_invalid`` writes the
good rows and the rejects to ``FILE.rejects.jsonl``. The corpus is rewritten through a
temporary file and ``os.replace``, so a crash leaves it either unchanged or fully imported.

Example:
    >>> import tempfile, pathlib
    >>> from rhetoric.corpus import init_corpus
    >>> corpus = init_corpus(tempfile.mkdtemp() + "/c")
    >>> f = pathlib.Path(corpus.path, "rows.csv")
    >>> _ = f.write_text("speaker,date,text\\nNATO,2024,Not until the war is over.\\n")
    >>> import_file(corpus, f).summary()
    'added 1, duplicates 0, rejected 0'
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import ImportRejectedError, RhetoricError
from ..records import Statement, utc_now_iso
from .fieldmap import parse_mapping
from .prepare import located, prepare_statement
from .readers import Row, parse_delimiter, read_rows
from .store import Corpus


@dataclass(frozen=True)
class RejectedRow:
    """A row that failed validation: where, why, and its content as read."""

    line: int
    error: RhetoricError
    row: dict | str

    def to_dict(self) -> dict:
        """``{"line", "error", "row"}`` as written to the rejects file."""
        return {"line": self.line, "error": str(self.error), "row": self.row}


@dataclass(frozen=True)
class ImportResult:
    """Outcome of :func:`import_file`."""

    path: Path
    added: tuple[Statement, ...]
    duplicates: int
    rejected: tuple[RejectedRow, ...]
    warnings: tuple[str, ...]
    written: bool
    rejects_path: Path | None = None
    dry_run: bool = False

    def summary(self) -> str:
        """``added N, duplicates D, rejected R`` (for a dry run: what would be added)."""
        return f"added {len(self.added)}, duplicates {self.duplicates}, rejected {len(self.rejected)}"


def rejects_path_for(path: str | Path) -> Path:
    """Where rejected rows of ``path`` are written: ``FILE.rejects.jsonl``."""
    return Path(str(path) + ".rejects.jsonl")


def _group_warnings(per_line: list[tuple[int, str]]) -> list[str]:
    """One warning per distinct message, listing the lines it applies to."""
    lines_of: dict[str, list[int]] = {}
    for line, message in per_line:
        lines_of.setdefault(message, []).append(line)
    out = []
    for message, lines in lines_of.items():
        shown = ", ".join(map(str, lines[:10])) + (f" and {len(lines) - 10} more" if len(lines) > 10 else "")
        out.append(f"{message} (line{'s' if len(lines) > 1 else ''} {shown})")
    return out


def _write_rejects(path: Path, rejected: tuple[RejectedRow, ...]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".rejects.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for r in rejected:
                fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def import_file(
    corpus: Corpus,
    path: str | Path,
    *,
    fmt: str | None = None,
    encoding: str = "utf-8",
    skip_invalid: bool = False,
    dry_run: bool = False,
    strict: bool = False,
    today: _dt.date | None = None,
    mapping: Mapping[str, str] | Sequence[str] = (),
    delimiter: str | None = None,
) -> ImportResult:
    """Import the statements of a CSV, JSONL, Prodigy, doccano or Label Studio file.

    CSV files (comma, semicolon, tab or bar separated) need a header row with ``speaker``,
    ``date`` and ``text``, or columns mapped onto them; JSONL files hold one JSON object per
    line with the same keys. Columns (keys) that are not statement fields are kept in the
    statement's ``meta`` object. Rows without ``id`` are new statements (speaker resolved, id
    computed); rows with an ``id`` are stored statements re-imported as they are. Records of
    annotation tools are read as described in :mod:`rhetoric.corpus.annotations`.

    Args:
        corpus: The corpus to write to (must exist).
        path: The input file.
        fmt: ``csv``, ``jsonl``, ``prodigy``, ``doccano`` or ``label-studio``; default from the
            extension (``.json`` is Label Studio; Prodigy and doccano JSONL are recognised).
        encoding: Text encoding of the file (a UTF-8 BOM is always accepted).
        skip_invalid: Write the good rows and put the bad ones in ``FILE.rejects.jsonl``.
        dry_run: Validate and count only; write nothing at all.
        strict: Reject rows whose speaker is not in ``actors.toml``.
        today: Reference day for the future-date warning (default: today).
        mapping: ``{column: field}``, or ``["column=field", ...]`` as given to ``--map``.
        delimiter: CSV separator (one character, or ``tab``); default sniffed from the header row.

    Returns:
        What was (or, for a dry run, would be) added, duplicates, rejected rows and warnings.

    Raises:
        ImportRejectedError: If a row is bad and ``skip_invalid`` is false; nothing is written
            (a dry run raises it too, predicting the real outcome).
        InputFormatError: If the file cannot be read or decoded.
        ValidationError: If a CSV header lacks required columns, or ``mapping`` is bad or names
            a column the file does not have.
        CorpusError: If the corpus is missing or the lock cannot be taken.
    """
    corpus.require()
    p = Path(path)
    columns = dict(mapping) if isinstance(mapping, Mapping) else parse_mapping(mapping)
    rows: list[Row] = read_rows(
        p, fmt=fmt, encoding=encoding, mapping=columns, delimiter=parse_delimiter(delimiter)
    )
    registry = corpus.actors()
    stamp = utc_now_iso()
    good: list[Statement] = []
    rejected: list[RejectedRow] = []
    per_line_warnings: list[tuple[int, str]] = []
    for row in rows:
        if row.error is not None:
            rejected.append(RejectedRow(row.line, row.error, row.raw))
            continue
        try:
            statement, warnings = prepare_statement(
                row.data or {}, registry=registry, strict=strict, added_at=stamp, today=today
            )
        except RhetoricError as exc:
            rejected.append(RejectedRow(row.line, located(exc, path=str(p), line=row.line), row.data or {}))
            continue
        good.append(statement)
        per_line_warnings.extend((row.line, w) for w in warnings)
    warnings = tuple(_group_warnings(per_line_warnings))
    rejects = tuple(rejected)
    write = not dry_run and not (rejects and not skip_invalid)
    with corpus.lock():
        stored = corpus.ids()
        new: list[Statement] = []
        duplicates = 0
        for statement in good:
            if statement.id in stored:
                duplicates += 1
            else:
                stored.add(statement.id)
                new.append(statement)
        if write and new:
            corpus.append_atomic(new)
    rejects_path = rejects_path_for(p) if rejects and skip_invalid else None
    added = tuple(new) if write or dry_run else ()  # a refused import adds nothing
    result = ImportResult(p, added, duplicates, rejects, warnings, write, rejects_path, dry_run)
    if rejects and not skip_invalid:
        raise ImportRejectedError(
            f"{len(rejects)} bad row(s); nothing was written",
            [r.error for r in rejects],
            result,
            path=str(p),
            hint="fix the rows listed, or pass --skip-invalid to import the good ones",
        )
    if rejects_path is not None and not dry_run:
        _write_rejects(rejects_path, rejects)
    return result
