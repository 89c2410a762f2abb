"""Mapping a researcher's columns onto statement fields: ``--map column=field``, the rest into ``meta``.

A source row (a CSV row, a JSONL object, a record of an annotation tool) is a flat mapping of
names to values. Names that are statement fields are used as such; ``--map author=speaker`` makes
the column ``author`` the speaker; every other name is kept in the statement's ``meta`` object
(empty CSV cells are left out), so nothing a researcher coded is lost or rejected.

Example:
    >>> m = parse_mapping(["author=speaker", "published=date"])
    >>> to_record({"author": "Putin", "published": "2024", "text": "No.", "outlet_id": "7"}, m)
    {'speaker': 'Putin', 'date': '2024', 'text': 'No.', 'meta': {'outlet_id': '7'}}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..errors import ValidationError
from ..records import OPTIONAL_FIELDS, REQUIRED_FIELDS, STATEMENT_FIELDS

#: Statement fields a column may be mapped onto (the id is always computed, meta is where the rest goes).
MAP_TARGETS: tuple[str, ...] = tuple(
    f for f in (*STATEMENT_FIELDS, *OPTIONAL_FIELDS) if f not in ("id", "meta")
)
_EXAMPLE = "e.g. --map author=speaker"


def parse_mapping(specs: Sequence[str]) -> dict[str, str]:
    """``{column: field}`` from ``--map column=field`` options.

    Raises:
        ValidationError: For a spec without ``=``, an empty side, an unknown field, a column
            mapped twice or two columns mapped onto one field.

    Example:
        >>> parse_mapping(["quote = text"])
        {'quote': 'text'}
        >>> parse_mapping(["author=spekaer"])
        Traceback (most recent call last):
        ...
        rhetoric.errors.ValidationError: --map 'author=spekaer': unknown statement field 'spekaer' (map onto one of: speaker, speaker_as_written, date, date_qualifier, text, kind, source, url, document, added_at, note, occasion, position)
    """
    mapping: dict[str, str] = {}
    for spec in specs:
        column, eq, target = (part.strip() for part in spec.partition("="))
        if not eq or not column or not target:
            raise ValidationError(f"--map {spec!r}: expected COLUMN=FIELD", hint=_EXAMPLE)
        if target not in MAP_TARGETS:
            raise ValidationError(
                f"--map {spec!r}: unknown statement field {target!r}",
                hint=f"map onto one of: {', '.join(MAP_TARGETS)}",
            )
        if column in mapping:
            raise ValidationError(f"--map {spec!r}: column {column!r} is mapped twice", hint="give it once")
        if target in mapping.values():
            raise ValidationError(
                f"--map {spec!r}: field {target!r} is already mapped from another column",
                hint="map one column onto each field",
            )
        mapping[column] = target
    return mapping


def check_mapping(
    mapping: Mapping[str, str], names: Iterable[str], *, path: str, what: str = "column"
) -> None:
    """File-level check: every mapped column exists, and no mapped field also comes as its own column.

    Raises:
        ValidationError: Naming the ``--map`` option and the columns the file has.
    """
    found = list(dict.fromkeys(names))
    shown = ", ".join(found) if found else "none"
    for column, target in mapping.items():
        if column not in found:
            raise ValidationError(
                f"--map {column}={target}: no {what} {column!r} in the file",
                path=path,
                hint=f"{what}s found: {shown}",
            )
        if target in found and target not in mapping:
            raise ValidationError(
                f"--map {column}={target}: the file already has a {what} {target!r}",
                path=path,
                hint=f"drop the --map, or map {target!r} elsewhere too (e.g. --map {target}=note)",
            )


def missing_required(names: Iterable[str], mapping: Mapping[str, str]) -> list[str]:
    """Required statement fields that neither a column of that name nor a ``--map`` provides."""
    have = {mapping.get(n, n) for n in names}
    return [f for f in REQUIRED_FIELDS if f not in have]


def to_record(
    row: Mapping[str, Any], mapping: Mapping[str, str], *, drop_empty: bool = False
) -> dict[str, Any]:
    """A statement record: mapped and statement-named values as fields, the others in ``meta``.

    A ``meta`` object already in the row is kept and extended; a name found both there and as a
    column of its own raises.

    Raises:
        ValidationError: If a value would be stored twice in ``meta``.
    """
    record: dict[str, Any] = {}
    meta: dict[str, Any] = dict(row["meta"]) if isinstance(row.get("meta"), dict) else {}
    for name, value in row.items():
        field = mapping.get(name, name)
        if field == "meta" and isinstance(value, dict):
            continue
        if field in MAP_TARGETS or field in ("id", "meta"):
            record[field] = value
        elif drop_empty and (value is None or (isinstance(value, str) and not value.strip())):
            continue
        elif name in meta:
            raise ValidationError(f"{name!r} is given both as a column and in meta", field=f"meta.{name}")
        else:
            meta[name] = value
    if meta:
        record["meta"] = meta
    return record
