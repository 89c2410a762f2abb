"""Adding statements to a corpus: one at a time (``rhetoric add``) or in small batches.

Each add validates the input, resolves the speaker, computes the id, and appends under
the corpus lock in a single write followed by fsync. A statement whose id is already
stored is not written again.

Example:
    >>> import tempfile
    >>> from rhetoric.corpus import init_corpus
    >>> corpus = init_corpus(tempfile.mkdtemp() + "/c")
    >>> r = add_statement(corpus, speaker="Putin", date="2024-06-14", text="Drop NATO plans.")
    >>> r.added, r.statement.speaker
    (True, 'Putin')
    >>> add_statement(corpus, speaker="Putin", date="2024-06-14", text="Drop NATO plans.").added
    False
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import BatchValidationError, RhetoricError
from ..records import Statement
from .prepare import prepare_statement
from .store import Corpus

# Up to this many new ids, one byte search per id beats collecting every stored id.
_SEARCH_PER_ID_MAX = 4


@dataclass(frozen=True)
class AddResult:
    """Outcome of :func:`add_statement`."""

    statement: Statement
    added: bool
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class BatchResult:
    """Outcome of :func:`add_statements`: what was added, what was already there, what was refused."""

    added: tuple[Statement, ...]
    duplicates: tuple[Statement, ...]
    rejected: tuple[tuple[int, RhetoricError], ...]
    warnings: tuple[str, ...]

    @property
    def counts(self) -> tuple[int, int, int]:
        """``(added, duplicates, rejected)``."""
        return len(self.added), len(self.duplicates), len(self.rejected)

    def summary(self) -> str:
        """``added N, duplicates D, rejected R``."""
        return "added {}, duplicates {}, rejected {}".format(*self.counts)


def add_statement(
    corpus: Corpus,
    *,
    speaker: str,
    date: str,
    text: str,
    speaker_as_written: str | None = None,
    date_qualifier: str = "",
    kind: str = "direct",
    source: str = "",
    url: str = "",
    document: str = "",
    note: str = "",
    strict: bool = False,
    added_at: str | None = None,
    today: _dt.date | None = None,
) -> AddResult:
    """Validate one statement and append it unless its id is already stored.

    Args:
        corpus: The corpus to write to (must exist).
        speaker: Actor id, name or alias; resolved through ``actors.toml``.
        date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
        text: The statement as printed.
        speaker_as_written: Spelling in the source (default: ``speaker`` as given).
        date_qualifier: ``""``, ``before``, ``after`` or ``circa``.
        kind: ``direct``, ``paraphrase`` or ``reported``.
        source: Outlet or publication.
        url: Address of the source.
        document: Path of the source article, when extracted.
        note: Free-text note.
        strict: Reject a speaker that is not in ``actors.toml``.
        added_at: Timestamp to record (default: now, UTC).
        today: Reference day for the future-date warning (default: today).

    Returns:
        The statement (the stored one for a duplicate), whether it was added, and warnings.

    Raises:
        ValidationError: If a field is invalid; nothing is written.
        ActorError: Under ``strict`` for an unknown speaker.
        CorpusError: If the corpus is missing or the lock cannot be taken.
    """
    corpus.require()
    record = {
        "speaker": speaker,
        "speaker_as_written": speaker_as_written or "",
        "date": date,
        "date_qualifier": date_qualifier,
        "text": text,
        "kind": kind,
        "source": source,
        "url": url,
        "document": document,
        "note": note,
        "added_at": added_at or "",
    }
    statement, warnings = prepare_statement(record, registry=corpus.actors(), strict=strict, today=today)
    with corpus.lock():
        # The check and the append share one lock hold, so concurrent adds of the
        # same statement write it exactly once.
        if corpus.contains_id(statement.id):
            stored = corpus.get(statement.id) or statement
            return AddResult(stored, False, tuple(warnings))
        corpus.append([statement])
    return AddResult(statement, True, tuple(warnings))


def _as_record(item: Statement | Mapping[str, Any]) -> Any:
    if isinstance(item, Statement):
        # A statement built elsewhere goes through resolution again, so drop its id.
        record = item.to_dict()
        record.pop("id")
        return record
    return item


def add_statements(
    corpus: Corpus,
    statements: Iterable[Statement | Mapping[str, Any]],
    *,
    strict: bool = False,
    skip_invalid: bool = False,
    dry_run: bool = False,
    added_at: str | None = None,
    today: _dt.date | None = None,
) -> BatchResult:
    """Add several statements (statements or mappings of statement keys) in one locked append.

    Args:
        corpus: The corpus to write to (must exist).
        statements: Records to add; a mapping's ``speaker`` is resolved like ``add``'s.
        strict: Reject speakers that are not in ``actors.toml``.
        skip_invalid: Write the valid records and report the others in ``rejected``;
            by default one invalid record means nothing is written.
        dry_run: Validate and count, write nothing.
        added_at: Timestamp for records without one (default: now, UTC).
        today: Reference day for the future-date warning (default: today).

    Returns:
        Added statements, duplicates (already stored or repeated in the batch), rejected
        records as ``(index, error)`` with 0-based indexes, and warnings.

    Raises:
        BatchValidationError: If a record is invalid and ``skip_invalid`` is false (nothing written).
        CorpusError: If the corpus is missing or the lock cannot be taken.

    Example:
        >>> import tempfile
        >>> from rhetoric.corpus import init_corpus
        >>> c = init_corpus(tempfile.mkdtemp() + "/c")
        >>> rows = [{"speaker": "NATO", "date": "2024", "text": "Not yet."}] * 2
        >>> add_statements(c, rows).summary()
        'added 1, duplicates 1, rejected 0'
    """
    corpus.require()
    registry = corpus.actors()
    stamp = added_at
    prepared: list[Statement] = []
    rejected: list[tuple[int, RhetoricError]] = []
    warnings: list[str] = []
    for index, item in enumerate(statements):
        try:
            statement, item_warnings = prepare_statement(
                _as_record(item), registry=registry, strict=strict, added_at=stamp, today=today
            )
        except RhetoricError as exc:
            rejected.append((index, exc))
            continue
        prepared.append(statement)
        warnings.extend(f"record {index}: {w}" for w in item_warnings)
    if rejected and not skip_invalid:
        problems = [
            type(exc)(f"record {i}: {exc.message}", field=exc.field, hint=exc.hint) for i, exc in rejected
        ]
        raise BatchValidationError(
            f"{len(rejected)} invalid record(s); nothing was written",
            problems,  # type: ignore[arg-type]
            hint="fix them, or pass skip_invalid=True to add the valid ones",
        )
    with corpus.lock():
        if len(prepared) <= _SEARCH_PER_ID_MAX:
            stored = {s.id for s in prepared if corpus.contains_id(s.id)}
        else:
            stored = corpus.ids()
        new: list[Statement] = []
        duplicates: list[Statement] = []
        for statement in prepared:
            if statement.id in stored:
                duplicates.append(statement)
            else:
                stored.add(statement.id)
                new.append(statement)
        if new and not dry_run:
            corpus.append(new)
    return BatchResult(tuple(new), tuple(duplicates), tuple(rejected), tuple(warnings))
