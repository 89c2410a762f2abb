"""Turning user input (keyword arguments, CSV rows, JSON objects) into validated statements.

Shared by ``add``, batch add and ``import``: the speaker is resolved through the corpus's
:class:`~rhetoric.actors.ActorRegistry`, the id is computed, and soft problems (unknown
speaker, future date) come back as warnings rather than errors.

Example:
    >>> from rhetoric.actors import ActorRegistry
    >>> reg = ActorRegistry.from_dict({"actors": {"putin": {"name": "Vladimir Putin"}}})
    >>> s, warnings = prepare_statement({"speaker": "PUTIN", "date": "2024", "text": "No."}, registry=reg)
    >>> (s.speaker, s.speaker_as_written, warnings)
    ('putin', 'PUTIN', [])
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from ..actors import ActorRegistry
from ..errors import ActorError, RhetoricError, ValidationError
from ..records import RECORD_KEYS, Statement, utc_now_iso


def resolve_speaker(registry: ActorRegistry, name: str, *, strict: bool = False) -> tuple[str, str | None]:
    """Canonical actor id for a speaker name, and a warning if it is unknown.

    Args:
        registry: The corpus's actors.
        name: The speaker as written ("Zelenskyy", "the Ukrainian president", "zelensky").
        strict: Reject an unknown speaker instead of keeping it as written.

    Returns:
        ``(speaker, warning)``: the actor id (or the name as written, stripped) and a warning or None.

    Raises:
        ActorError: Under ``strict`` when no actor has this name or alias.

    Example:
        >>> resolve_speaker(ActorRegistry(), "Someone")[1]
        "unknown speaker 'Someone': added as written (add the actor or an alias to actors.toml)"
    """
    actor = registry.resolve(name)
    if actor is not None:
        return actor.id, None
    written = name.strip()
    if strict:
        raise ActorError(
            f"unknown speaker {written!r}",
            field="speaker",
            hint="add the actor or an alias to actors.toml, or drop --strict to keep it as written",
        )
    return (
        written,
        f"unknown speaker {written!r}: added as written (add the actor or an alias to actors.toml)",
    )


def future_date_warning(statement: Statement, today: _dt.date | None = None) -> str | None:
    """A warning if the statement's date lies wholly in the future, else None."""
    if statement.partial_date.is_future(today):
        return f"date {statement.date} is in the future; added anyway (check it)"
    return None


def prepare_statement(
    data: Mapping[str, Any],
    *,
    registry: ActorRegistry,
    strict: bool = False,
    added_at: str | None = None,
    today: _dt.date | None = None,
) -> tuple[Statement, list[str]]:
    """Validate one input record and build its statement.

    A record without an ``id`` is new: its speaker is resolved to a canonical actor id
    (``speaker_as_written`` keeps the spelling given) and the id is computed. A record with
    an ``id`` is a stored statement (e.g. an export being re-imported): it is kept as it is
    and its id must match its content.

    Args:
        data: Mapping with statement keys (``speaker``, ``date``, ``text`` required).
        registry: The corpus's actors.
        strict: Reject speakers that are not in the registry.
        added_at: Timestamp for records without one (default: now, UTC).
        today: Reference day for the future-date warning (default: today).

    Returns:
        The statement and a list of warnings.

    Raises:
        ValidationError: If a field is invalid (naming the field).
        ActorError: Under ``strict`` for an unknown speaker.
    """
    if not isinstance(data, Mapping):
        raise ValidationError(f"expected an object with statement fields, got {type(data).__name__}")
    record = dict(data)
    unknown = [k for k in record if k not in RECORD_KEYS]
    if unknown:
        raise ValidationError(
            f"unknown key(s): {', '.join(map(str, unknown))}",
            hint=f"allowed keys: {', '.join(RECORD_KEYS)}",
        )
    _reject_surrogates(record)
    warnings: list[str] = []
    speaker = record.get("speaker")
    if isinstance(speaker, str) and speaker.strip() and "\x00" not in speaker:
        if record.get("id"):
            if registry.get(speaker.strip()) is None:
                if strict:
                    raise ActorError(f"unknown speaker {speaker.strip()!r}", field="speaker")
                warnings.append(f"speaker {speaker.strip()!r} is not an actor id in actors.toml")
        else:
            resolved, warning = resolve_speaker(registry, speaker, strict=strict)
            if not record.get("speaker_as_written"):
                record["speaker_as_written"] = speaker.strip()
            record["speaker"] = resolved
            if warning:
                warnings.append(warning)
    if not record.get("added_at"):
        record["added_at"] = added_at or utc_now_iso()
    statement = Statement.from_dict(record, compute_id=True)
    warning = future_date_warning(statement, today)
    if warning:
        warnings.append(warning)
    return statement, warnings


def _reject_surrogates(record: Mapping[str, Any]) -> None:
    """Refuse lone surrogates (from ``\\ud800`` escapes or undecodable command-line bytes).

    They cannot be written as UTF-8, so they would fail half-way through a write.
    """
    for key, value in record.items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValidationError(
                    f"contains a character that is not valid Unicode text "
                    f"({value[exc.start : exc.end]!r} at position {exc.start})",
                    field=str(key),
                    hint="re-save the input as UTF-8; on the command line check the terminal's encoding",
                ) from None


def located(exc: RhetoricError, *, path: str | None, line: int | None) -> RhetoricError:
    """A copy of ``exc`` (same class) that names the file and line of the bad record."""
    if type(exc).__init__ is RhetoricError.__init__:
        return type(exc)(exc.message, path=path, line=line, field=exc.field, hint=exc.hint)
    return ValidationError(exc.message, path=path, line=line, field=exc.field, hint=exc.hint)
