"""Partial dates (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) with precision and qualifier-aware ordering.

Example:
    >>> d = PartialDate.parse("2024-12")
    >>> d.precision.value, str(d)
    ('month', '2024-12')
    >>> PartialDate.parse("2024-12").sort_key("before") < PartialDate.parse("2024-12-01").sort_key("")
    True

A partial date is an *interval* of days: ``2024`` is 2024-01-01 … 2024-12-31. Comparisons
between dates of different precision go through the interval (:meth:`PartialDate.overlaps`,
:meth:`PartialDate.ends_before`), never through the string form, so ``2024`` is neither before
nor after ``2024-06``: it contains it.

    >>> PartialDate.parse("2024").overlaps(PartialDate.parse("2024-06"))
    True
    >>> PartialDate.parse("2023-12").ends_before(PartialDate.parse("2024"))
    True
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

from .errors import ValidationError
from .types import DateQualifier, Precision

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# Parsed dates by their text (a corpus has few distinct dates); bounded for long-lived processes.
_PARSED: dict[str, PartialDate] = {}
_PARSED_MAX = 100_000

_QUALIFIER_ORDER = {
    DateQualifier.BEFORE: 0,
    DateQualifier.CIRCA: 1,
    DateQualifier.NONE: 1,
    DateQualifier.AFTER: 2,
}


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str, *, field: str = "date") -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Args:
            text: The date as written.
            field: Field name used in the error message.

        Returns:
            The parsed date.

        Raises:
            ValidationError: If the form or the calendar value is wrong.

        Example:
            >>> PartialDate.parse("2024-12-01").day
            1
        """
        if cls is PartialDate and isinstance(text, str) and (known := _PARSED.get(text)) is not None:
            return known  # dates repeat: occasions and sorting parse the same strings again and again
        m = _DATE_RE.match(text.strip()) if isinstance(text, str) else None
        if not m:
            raise ValidationError(
                f"invalid date {text!r}",
                field=field,
                hint="use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-12-01",
            )
        year = int(m.group(1))
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        if month is not None and not 1 <= month <= 12:
            raise ValidationError(
                f"invalid date {text!r}: month {month} is not 1-12",
                field=field,
                hint="use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-12-01",
            )
        if day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValidationError(
                    f"invalid date {text!r}: day {day} is not 1-{last}",
                    field=field,
                    hint="use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-12-01",
                )
        if year < 1:
            raise ValidationError(f"invalid date {text!r}: year 0000", field=field)
        parsed = cls(year, month, day)
        if cls is PartialDate and len(_PARSED) < _PARSED_MAX:
            _PARSED[text] = parsed
        return parsed

    @property
    def precision(self) -> Precision:
        """Year, month or day, from which parts are known."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def first_day(self) -> _dt.date:
        """The earliest calendar day the date can mean."""
        return self._days()[0]

    def last_day(self) -> _dt.date:
        """The latest calendar day the date can mean."""
        return self._days()[1]

    def _days(self) -> tuple[_dt.date, _dt.date]:
        # Kept on the instance (outside the fields: equality and hashing ignore it).
        days = self.__dict__.get("_days_")
        if days is None:
            month = self.month or 12
            last = _dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])
            days = self.__dict__["_days_"] = (_dt.date(self.year, self.month or 1, self.day or 1), last)
        return days

    def overlaps(self, other: PartialDate) -> bool:
        """True when the two dates can mean the same day (one interval meets the other)."""
        return self.first_day() <= other.last_day() and other.first_day() <= self.last_day()

    def ends_before(self, other: PartialDate) -> bool:
        """True when every day this date can mean lies before every day ``other`` can mean."""
        return self.last_day() < other.first_day()

    def may_be_on_or_before(self, bound: PartialDate) -> bool:
        """True when the date can fall on or before the end of ``bound`` (``--until`` reading)."""
        return self.first_day() <= bound.last_day()

    def may_be_on_or_after(self, bound: PartialDate) -> bool:
        """True when the date can fall on or after the start of ``bound`` (``--since`` reading)."""
        return self.last_day() >= bound.first_day()

    def is_future(self, today: _dt.date | None = None) -> bool:
        """True when even the earliest day the date can mean lies after ``today``."""
        return self.first_day() > (today or _dt.date.today())

    def sort_key(self, qualifier: str | DateQualifier = "") -> tuple:
        """Key that orders statements by date, imprecise and qualified dates included.

        A ``before`` date sorts before every dated statement inside its period; an
        imprecise date sorts at the start of its period, before precise dates in it.
        """
        q = DateQualifier(qualifier)
        return (
            self.first_day().toordinal(),
            _QUALIFIER_ORDER[q],
            -len(str(self)) if q == DateQualifier.BEFORE else len(str(self)),
        )

    def to_iso(self) -> str:
        """ISO form at its own precision (same as ``str``)."""
        return str(self)

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
