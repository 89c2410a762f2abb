"""Typed domain records shared by every stage: statement, mention, frame, stance, statement analysis.

Records are frozen dataclasses; JSON keys follow field order. Closed sets are enums
(:mod:`rhetoric.types`, all ``StrEnum``, so they compare equal to and print as their value);
a record built from plain strings converts them on construction, so a record always holds
the enum. Later stages add their own records (e.g. shifts) beside their stage module but
import these.

Example:
    >>> s = Statement.create(speaker="zelensky", date="2024-12-01", text="NATO is necessary.")
    >>> s.id.startswith("s-") and len(s.id) == 14
    True
    >>> Statement.from_dict(s.to_dict()) == s
    True
    >>> s.kind is Kind.DIRECT, s.to_dict()["kind"]
    (True, 'direct')
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import unicodedata
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any

from .dates import PartialDate
from .errors import ValidationError
from .types import Commitment, DateQualifier, Kind, MentionSource, Modality, Polarity, Relation, StanceValue

#: Longest statement text accepted, in characters.
MAX_TEXT_CHARS = 100_000

STATEMENT_FIELDS: tuple[str, ...] = (
    "id",
    "speaker",
    "speaker_as_written",
    "date",
    "date_qualifier",
    "text",
    "kind",
    "source",
    "url",
    "document",
    "added_at",
    "note",
)
REQUIRED_FIELDS: tuple[str, ...] = ("speaker", "date", "text")
#: Optional keys after the canonical ones, written only when set: ``occasion`` (statements with the
#: same occasion are read together as one position), ``position`` (0-based order of the statement
#: among those extracted from one source; shifts need it) and ``meta`` (a flat object of the
#: researcher's own columns, kept as imported).
OPTIONAL_FIELDS: tuple[str, ...] = ("occasion", "position", "meta")
#: Longest ``meta`` key and most ``meta`` entries a statement may carry.
MAX_META_KEY_CHARS = 100
MAX_META_ENTRIES = 200
#: Every key a statement record may have.
RECORD_KEYS: tuple[str, ...] = STATEMENT_FIELDS + OPTIONAL_FIELDS


def _norm_for_id(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split()).casefold()


def statement_id(speaker: str, date: str, text: str) -> str:
    """Stable id from normalised speaker, date and text (whitespace and case folded).

    Example:
        >>> statement_id("putin", "2024", "A  b") == statement_id("Putin", "2024", "a b")
        True
    """
    key = "\x1f".join((_norm_for_id(speaker), date.strip(), _norm_for_id(text)))
    return "s-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def check_position(value: Any) -> int | None:
    """Validate the optional ``position`` key: absent/None, or an integer >= 0 (not a bool).

    Example:
        >>> check_position(3), check_position(None)
        (3, None)
    """
    if value is None:
        return None
    if type(value) is not int:
        raise ValidationError(
            f"must be an integer, got {type(value).__name__}", field="position", hint="use 0, 1, 2, ..."
        )
    if value < 0:
        raise ValidationError(f"must be >= 0, got {value}", field="position")
    return value


def check_meta(value: Any) -> tuple[tuple[str, Any], ...]:
    """Validate the optional ``meta`` key: a flat object of strings, numbers, true/false or null.

    Returns its entries as ``(key, value)`` pairs in the order given (a frozen record holds no dict).

    Example:
        >>> check_meta({"outlet_id": 7, "coder": "ab", "checked": True})
        (('outlet_id', 7), ('coder', 'ab'), ('checked', True))
        >>> check_meta({"tags": ["a"]})
        Traceback (most recent call last):
        ...
        rhetoric.errors.ValidationError: [meta.tags] must be a string, number, true/false or null, got list (meta is one flat object)
    """
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise ValidationError(
            f"must be an object, got {type(value).__name__}", field="meta", hint='e.g. {"coder": "ab"}'
        )
    if len(value) > MAX_META_ENTRIES:
        raise ValidationError(f"has {len(value)} entries; the limit is {MAX_META_ENTRIES}", field="meta")
    for key, item in value.items():
        if not isinstance(key, str) or not key.strip() or len(key) > MAX_META_KEY_CHARS or "\x00" in key:
            raise ValidationError(
                f"bad key {key!r}",
                field="meta",
                hint=f"keys are names of 1 to {MAX_META_KEY_CHARS} characters",
            )
        if item is not None and not isinstance(item, str | int | float | bool):
            raise ValidationError(
                f"must be a string, number, true/false or null, got {type(item).__name__}",
                field=f"meta.{key}",
                hint="meta is one flat object",
            )
        if isinstance(item, float) and not math.isfinite(item):
            raise ValidationError("must be a finite number", field=f"meta.{key}")
        if isinstance(item, str) and "\x00" in item:
            raise ValidationError("contains a NUL byte", field=f"meta.{key}")
    return tuple(value.items())


def utc_now_iso() -> str:
    """Current UTC time as ISO 8601 with seconds and a ``Z`` suffix."""
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _plain(value: Any) -> Any:
    """A field's JSON value: tuples as lists, enums as their string value."""
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Enum):
        return value.value
    return value


def _coerce(record: Any, **enums: type[Enum]) -> None:
    """Turn the named fields of a frozen record into their enum (plain strings are accepted)."""
    for name, enum in enums.items():
        value = getattr(record, name)
        if type(value) is not enum:
            object.__setattr__(record, name, enum(value))


def _optional_values(data: dict) -> dict[str, Any]:
    """Validate the optional keys: ``occasion`` a string, ``position`` a whole number ≥ 0."""
    occasion = data.get("occasion")
    if occasion is None:
        occasion = ""
    if not isinstance(occasion, str):
        raise ValidationError(
            f"must be a string, got {type(occasion).__name__}",
            field="occasion",
            hint='name the occasion, e.g. "press conference 2024-06-14"',
        )
    return {
        "occasion": occasion.strip(),
        "position": check_position(data.get("position")),
        "meta": check_meta(data.get("meta")),
    }


@dataclass(frozen=True)
class Statement:
    """One attributed statement: who said what, when, reported where."""

    id: str
    speaker: str
    speaker_as_written: str
    date: str
    date_qualifier: DateQualifier
    text: str
    kind: Kind
    source: str = ""
    url: str = ""
    document: str = ""
    added_at: str = ""
    note: str = ""
    occasion: str = ""
    position: int | None = None
    meta: tuple[tuple[str, Any], ...] = ()

    def __post_init__(self) -> None:
        _coerce(self, date_qualifier=DateQualifier, kind=Kind)

    @classmethod
    def create(
        cls,
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
        added_at: str | None = None,
        note: str = "",
        occasion: str = "",
        position: int | None = None,
    ) -> Statement:
        """Build a validated statement, computing its id and ``added_at``.

        Raises:
            ValidationError: If any field is invalid.
        """
        data = {
            "speaker": speaker,
            "speaker_as_written": speaker if speaker_as_written is None else speaker_as_written,
            "date": date,
            "date_qualifier": date_qualifier,
            "text": text,
            "kind": kind,
            "source": source,
            "url": url,
            "document": document,
            "added_at": added_at or utc_now_iso(),
            "note": note,
            "occasion": occasion,
            "position": position,
        }
        return cls.from_dict(data, compute_id=True)

    @classmethod
    def from_dict(cls, data: Any, *, compute_id: bool = False) -> Statement:
        """Validate a mapping (one JSONL line or CSV row) and build a statement.

        Args:
            data: Mapping with the statement's keys; unknown keys are rejected.
            compute_id: Fill a missing ``id`` from the content instead of rejecting it.

        Returns:
            The statement.

        Raises:
            ValidationError: Naming the first bad field.
        """
        if not isinstance(data, dict):
            raise ValidationError(f"expected a JSON object, got {type(data).__name__}")
        unknown = [k for k in data if k not in RECORD_KEYS]
        if unknown:
            raise ValidationError(
                f"unknown key(s): {', '.join(map(str, unknown))}",
                hint=f"allowed keys: {', '.join(RECORD_KEYS)}",
            )
        extra = _optional_values(data)
        values: dict[str, str] = {}
        for name in STATEMENT_FIELDS:
            raw = data.get(name, "")
            if raw is None:
                raw = ""
            if not isinstance(raw, str):
                raise ValidationError(f"must be a string, got {type(raw).__name__}", field=name)
            if "\x00" in raw:
                raise ValidationError("contains a NUL byte", field=name)
            values[name] = raw
        for name in REQUIRED_FIELDS:
            if not values[name].strip():
                raise ValidationError("is empty" if name in data else "is missing", field=name)
        if len(values["text"]) > MAX_TEXT_CHARS:
            raise ValidationError(
                f"is {len(values['text']):,} characters long; the limit is {MAX_TEXT_CHARS:,}",
                field="text",
                hint="split the statement",
            )
        values["speaker"] = values["speaker"].strip()
        values["date"] = str(PartialDate.parse(values["date"]))
        try:
            DateQualifier(values["date_qualifier"])
        except ValueError:
            raise ValidationError(
                f"unknown date_qualifier {values['date_qualifier']!r}",
                field="date_qualifier",
                hint="use one of '', before, after, circa",
            ) from None
        if not values["kind"]:
            values["kind"] = Kind.DIRECT.value
        try:
            Kind(values["kind"])
        except ValueError:
            raise ValidationError(
                f"unknown kind {values['kind']!r}", field="kind", hint="use direct, paraphrase or reported"
            ) from None
        if not values["speaker_as_written"]:
            values["speaker_as_written"] = values["speaker"]
        expected = statement_id(values["speaker"], values["date"], values["text"])
        if not values["id"]:
            if not compute_id:
                raise ValidationError("is missing", field="id")
            values["id"] = expected
        elif values["id"] != expected:
            raise ValidationError(
                f"id {values['id']!r} does not match the content (expected {expected!r})",
                field="id",
                hint="remove the id to have it computed, or restore the original speaker/date/text",
            )
        return cls(**values, **extra)

    def to_dict(self) -> dict[str, Any]:
        """Mapping in the canonical key order; the optional keys only when set."""
        d = {name: _plain(getattr(self, name)) for name in STATEMENT_FIELDS}
        if self.occasion:
            d["occasion"] = self.occasion
        if self.position is not None:
            d["position"] = self.position
        if self.meta:
            d["meta"] = dict(self.meta)
        return d

    @property
    def partial_date(self) -> PartialDate:
        """The statement's date as a :class:`PartialDate`."""
        return PartialDate.parse(self.date)

    def sort_key(self) -> tuple:
        """Chronological sort key (imprecise and ``before`` dates handled), ties by id."""
        return (*self.partial_date.sort_key(self.date_qualifier), self.id)


@dataclass(frozen=True)
class Mention:
    """A codebook tag found in a text, with exact character offsets into it.

    ``polarity`` is ``negated`` when the matching pattern says the opposite of the tag
    (``polarity = "negated"`` in the codebook: "staying in power" for ``leadership_change``);
    stances on such a mention are computed against the tag.
    """

    tag: str
    start: int
    end: int
    text: str
    sentence: int
    pattern: str
    statement_id: str | None = None
    source: MentionSource = MentionSource.LEXICON
    score: float | None = None
    polarity: Polarity = Polarity.AFFIRMED

    def __post_init__(self) -> None:
        _coerce(self, source=MentionSource, polarity=Polarity)

    @classmethod
    def typed(
        cls,
        tag: str,
        start: int,
        end: int,
        text: str,
        sentence: int,
        pattern: str,
        statement_id: str | None,
        polarity: Polarity,
    ) -> Mention:
        """A lexicon mention from values that already have their field types, without the coercion.

        The constructor sets each field through ``object.__setattr__`` and coerces the enums, a
        large part of tagging a sentence with a match; the tagger's values are already typed, so
        the instance dictionary is filled directly, fields in their declared order (the same record:
        ``tests/test_records.py`` compares both field by field and fails if a field is added).

        Example:
            >>> Mention.typed("talks", 0, 5, "Talks", 0, "talks", None, Polarity.AFFIRMED) == Mention(
            ...     "talks", 0, 5, "Talks", 0, "talks")
            True
        """
        m = object.__new__(cls)
        m.__dict__.update(
            tag=tag,
            start=start,
            end=end,
            text=text,
            sentence=sentence,
            pattern=pattern,
            statement_id=statement_id,
            source=MentionSource.LEXICON,
            score=None,
            polarity=polarity,
        )
        return m

    def to_dict(self) -> dict[str, Any]:
        """Mapping with ``statement_id`` first (the JSON contract)."""
        d = {f.name: _plain(getattr(self, f.name)) for f in fields(self)}
        return {"statement_id": d.pop("statement_id"), **d}


@dataclass(frozen=True)
class Frame:
    """A condition frame: outcomes at stake and the conditions demanded for them."""

    statement_id: str | None
    sentence: int
    frame_id: str
    speaker: str
    date: str
    outcomes: tuple[str, ...]
    conditions: tuple[str, ...]
    cue: str
    relation: Relation = Relation.PRECONDITION
    polarity: Polarity = Polarity.AFFIRMED
    modality: Modality = Modality.NEUTRAL
    start: int = 0
    end: int = 0
    other_conditions: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        _coerce(self, relation=Relation, polarity=Polarity, modality=Modality)

    def to_dict(self) -> dict[str, Any]:
        """Mapping with tuples as lists and enums as strings (the JSON contract)."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}


@dataclass(frozen=True)
class Stance:
    """Who supports or opposes a tagged item in a sentence."""

    statement_id: str | None
    tag: str
    stance: StanceValue
    holders: tuple[str, ...]
    start: int
    end: int
    sentence: int = 0
    cue: str = ""

    def __post_init__(self) -> None:
        _coerce(self, stance=StanceValue)

    @classmethod
    def typed(
        cls,
        statement_id: str | None,
        tag: str,
        stance: StanceValue,
        holders: tuple[str, ...],
        start: int,
        end: int,
        sentence: int,
        cue: str,
    ) -> Stance:
        """A stance from values that already have their field types, without the coercion.

        The stance reader builds one per mention; the constructor's ``object.__setattr__`` per
        field and the enum coercion are a visible part of that. Fields are filled in their declared
        order (the same record: ``tests/test_records.py`` compares both field by field and fails if
        a field is added).

        Example:
            >>> Stance.typed("s-1", "talks", StanceValue.SUPPORT, ("kyiv",), 0, 5, 0, "calls for") == Stance(
            ...     "s-1", "talks", "support", ("kyiv",), 0, 5, 0, "calls for")
            True
        """
        s = object.__new__(cls)
        s.__dict__.update(
            statement_id=statement_id,
            tag=tag,
            stance=stance,
            holders=holders,
            start=start,
            end=end,
            sentence=sentence,
            cue=cue,
        )
        return s

    def to_dict(self) -> dict[str, Any]:
        """Mapping with tuples as lists and enums as strings (the JSON contract)."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}


@dataclass(frozen=True)
class StatementAnalysis:
    """Everything the pipeline reads from one statement (or free text): the result every stage shares.

    Example:
        >>> StatementAnalysis("A truce now.", (), (), ()).commitment
        <Commitment.NONE: 'none'>
    """

    text: str
    mentions: tuple[Mention, ...]
    frames: tuple[Frame, ...]
    stances: tuple[Stance, ...]
    statement: Statement | None = None
    #: How firmly the statement commits its speaker (none when it takes no stance).
    commitment: Commitment = Commitment.NONE


__all__ = [
    "MAX_TEXT_CHARS",
    "OPTIONAL_FIELDS",
    "RECORD_KEYS",
    "STATEMENT_FIELDS",
    "Frame",
    "Mention",
    "Stance",
    "StanceValue",
    "Statement",
    "StatementAnalysis",
    "check_position",
    "statement_id",
    "utc_now_iso",
]
