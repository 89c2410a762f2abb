"""Relative and absolute time expressions in news text, resolved against the article date.

Rules (also in docs/extraction.md, "Relative-date rules"):

* The article date may be a day, a month or a year. Every phrase is turned into the
  interval of calendar days it can mean for *any* publication day the article date
  allows; the interval is then written at the finest precision that contains it.
* If the interval spans several months, but more than half of it (and at most 62 days)
  lies in one month, that month is given with qualifier ``circa``; likewise a year.
  So "last week" in an article dated ``2024-12`` (18 Nov - 29 Dec) gives ``2024-12``
  ``circa``; in an article of Tuesday 2024-12-03 it gives ``2024-11`` ``circa``
  (25 Nov - 1 Dec); "on Sunday" in that article gives ``2024-12-01``.
* Vague adverbs carry at most month-level evidence: "recently", "lately", "earlier",
  "in recent weeks" give the article's month (or year) with ``circa``; "previously",
  "in the past", "has long", "for years", "repeatedly", "once" give it with ``before``.
* Absolute dates keep their own precision: "in 2022" -> ``2022``; "as early as September
  2022" -> ``2022-09``; "since May 2023" -> ``2023-05`` ``after``; a month or day without
  a year takes the latest such date not after the article.
* A phrase that needs the article date raises :class:`ExtractionError` when there is none.

Example:
    >>> resolve_time("last week", "2024-12")
    ResolvedDate(date='2024-12', qualifier='circa', rule='last_week')
    >>> resolve_time("on Sunday", "2024-12-03").date
    '2024-12-01'
    >>> [c.text for c in find_time_cues("As early as September 2022, Kiev applied.")]
    ['As early as September 2022']
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..dates import PartialDate
from ..errors import ExtractionError, ValidationError
from ..types import DateQualifier, Precision

_D = _dt.date
_DAY = _dt.timedelta(days=1)

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": 3,
    "a few": 3,
    "few": 3,
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NUM = r"(?P<num>\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_FROM = r"(?P<lead>as\s+early\s+as|as\s+far\s+back\s+as|since|in|on|by|before|until|from)?\s*"
_EDGE = r"(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)"


@dataclass(frozen=True)
class TimeCue:
    """A time expression found in text, with its offsets."""

    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True)
class ResolvedDate:
    """A resolved date: the partial date string, its qualifier and the rule that produced it."""

    date: str
    qualifier: str
    rule: str


# -- interval arithmetic ---------------------------------------------------------------------------


def _publication_interval(article: PartialDate) -> tuple[_D, _D]:
    return article.first_day(), article.last_day()


def _month_start(d: _D) -> _D:
    return d.replace(day=1)


def _month_end(d: _D) -> _D:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _add_months(d: _D, months: int) -> _D:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return _D(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def _most_recent_weekday(d: _D, weekday: int, *, strict: bool) -> _D:
    back = (d.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return d - _dt.timedelta(days=back)


def interval_to_date(
    lo: _D, hi: _D, *, fuzzy: bool = False, finest: Precision = Precision.DAY
) -> tuple[str, str]:
    """Write a day interval as the finest partial date that contains it (see module rules).

    Args:
        lo: Earliest day the phrase can mean.
        hi: Latest day.
        fuzzy: The phrase itself is vague: the qualifier is ``circa`` whatever the precision.
        finest: Never give more precision than this.

    Returns:
        ``(date, qualifier)``.

    Example:
        >>> interval_to_date(_D(2024, 11, 18), _D(2024, 12, 29))
        ('2024-12', 'circa')
        >>> interval_to_date(_D(2024, 12, 1), _D(2024, 12, 29))
        ('2024-12', '')
    """
    circa = DateQualifier.CIRCA.value
    plain = circa if fuzzy else ""
    if lo == hi and finest == Precision.DAY:
        return lo.isoformat(), plain
    if (lo.year, lo.month) == (hi.year, hi.month) and finest != Precision.YEAR:
        return f"{lo.year:04d}-{lo.month:02d}", plain
    span = (hi - lo).days + 1
    if finest != Precision.YEAR and span <= 62:
        share: dict[tuple[int, int], int] = {}
        day = lo
        while day <= hi:
            share[(day.year, day.month)] = share.get((day.year, day.month), 0) + 1
            day += _DAY
        (year, month), count = max(share.items(), key=lambda kv: (kv[1], kv[0]))
        if count * 2 > span:
            return f"{year:04d}-{month:02d}", circa
    if lo.year == hi.year:
        return f"{lo.year:04d}", plain
    years: dict[int, int] = {}
    for y in range(lo.year, hi.year + 1):
        years[y] = (min(hi, _D(y, 12, 31)) - max(lo, _D(y, 1, 1))).days + 1
    year, _count = max(years.items(), key=lambda kv: (kv[1], kv[0]))
    return f"{year:04d}", circa


def _truncate(article: PartialDate, precision: Precision) -> str:
    if precision == Precision.YEAR or article.month is None:
        return f"{article.year:04d}"
    return f"{article.year:04d}-{article.month:02d}"


# -- resolvers ---------------------------------------------------------------------------------------
# Each takes the regex match and the article date (None when unknown) and returns (date, qualifier).

Resolver = Callable[[re.Match, PartialDate | None], tuple[str, str]]


def _need(article: PartialDate | None, m: re.Match) -> PartialDate:
    if article is None:
        raise ExtractionError(
            f"the relative date {m.group(0).strip()!r} needs the article date",
            hint="pass --date YYYY-MM-DD (or YYYY-MM) or add date = ... to the article's .toml sidecar",
        )
    return article


def _shift(fn: Callable[[_D], tuple[_D, _D]], *, fuzzy: bool = False) -> Resolver:
    """Resolver for phrases defined per publication day; monotone in the day, so the ends suffice."""

    def resolve(m: re.Match, article: PartialDate | None) -> tuple[str, str]:
        first, last = _publication_interval(_need(article, m))
        return interval_to_date(fn(first)[0], fn(last)[1], fuzzy=fuzzy)

    return resolve


def _vague(qualifier: DateQualifier) -> Resolver:
    def resolve(m: re.Match, article: PartialDate | None) -> tuple[str, str]:
        return _truncate(_need(article, m), Precision.MONTH), qualifier.value

    return resolve


def _vague_year(qualifier: DateQualifier) -> Resolver:
    def resolve(m: re.Match, article: PartialDate | None) -> tuple[str, str]:
        return _truncate(_need(article, m), Precision.YEAR), qualifier.value

    return resolve


def _lead_qualifier(m: re.Match) -> str:
    lead = " ".join((m.groupdict().get("lead") or "").lower().split())
    if lead == "since" or lead == "from":
        return DateQualifier.AFTER.value
    if lead in ("before", "until", "by"):
        return DateQualifier.BEFORE.value
    # "late 2022" still lies inside 2022: an edge word adds no uncertainty at this precision.
    return ""


def _infer_year(month: int, day: int | None, article: PartialDate | None, m: re.Match) -> int:
    """The year of the latest such month/day not after the (latest possible) publication day."""
    pub = _need(article, m).last_day()
    candidate = (month, day or 1)
    return pub.year if candidate <= (pub.month, pub.day) else pub.year - 1


def _absolute(m: re.Match, article: PartialDate | None) -> tuple[str, str]:
    g = m.groupdict()
    month = MONTHS[g["month"].lower()] if g.get("month") else None
    day = int(g["day"]) if g.get("day") else None
    year = int(g["year"]) if g.get("year") else None
    if year is None:
        if month is None:
            raise ExtractionError(f"no year or month in {m.group(0)!r}")
        year = _infer_year(month, day, article, m)
    try:
        date = str(
            PartialDate.parse(
                f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
            )
        )
    except ValidationError as exc:
        raise ExtractionError(f"{m.group(0).strip()!r} is not a calendar date: {exc.message}") from None
    return date, _lead_qualifier(m)


def _weekday(*, strict: bool) -> Resolver:
    def resolve(m: re.Match, article: PartialDate | None) -> tuple[str, str]:
        wd = WEEKDAYS[m.group("weekday").lower()]
        first, last = _publication_interval(_need(article, m))
        return interval_to_date(
            _most_recent_weekday(first, wd, strict=strict), _most_recent_weekday(last, wd, strict=strict)
        )

    return resolve


def _last_week(d: _D) -> tuple[_D, _D]:
    monday = d - _dt.timedelta(days=d.weekday())
    return monday - _dt.timedelta(days=7), monday - _DAY


def _last_weekend(d: _D) -> tuple[_D, _D]:
    sunday = _most_recent_weekday(d - _DAY, 6, strict=False)
    if d.weekday() == 6:
        sunday = d - _dt.timedelta(days=7)
    return sunday - _DAY, sunday


def _ago(m: re.Match, article: PartialDate | None) -> tuple[str, str]:
    raw = m.group("num").lower()
    n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    unit = m.group("unit").lower().rstrip("s")
    first, last = _publication_interval(_need(article, m))
    if unit == "day":
        return interval_to_date(first - _dt.timedelta(days=n), last - _dt.timedelta(days=n))
    if unit == "week":
        return interval_to_date(
            first - _dt.timedelta(days=7 * n + 3), last - _dt.timedelta(days=7 * n - 3), fuzzy=True
        )
    if unit == "month":
        return interval_to_date(
            _add_months(first, -n), _add_months(last, -n), fuzzy=True, finest=Precision.MONTH
        )
    return interval_to_date(
        _D(first.year - n, 1, 1), _D(last.year - n, 12, 31), fuzzy=n > 1, finest=Precision.YEAR
    )


def _this_year(m: re.Match, article: PartialDate | None) -> tuple[str, str]:
    art = _need(article, m)
    return f"{art.year:04d}", ""


def _year_offset(offset: int) -> Resolver:
    def resolve(m: re.Match, article: PartialDate | None) -> tuple[str, str]:
        return f"{_need(article, m).year + offset:04d}", ""

    return resolve


_RULES: list[tuple[str, str, Resolver]] = [
    # Absolute dates first: they are the most specific evidence.
    (
        "day_month_year",
        _FROM + r"(?:the\s+)?" + _DAYNUM + r"(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR,
        _absolute,
    ),
    ("month_day_year", _FROM + _MONTH + r"\s+" + _DAYNUM + r",?\s+" + _YEAR, _absolute),
    ("month_year", _FROM + r"(?:(?P<edge>" + _EDGE + r")\s+)?" + _MONTH + r",?\s+" + _YEAR, _absolute),
    ("day_month", _FROM + r"(?:the\s+)?" + _DAYNUM + r"(?:\s+of)?\s+" + _MONTH + r"\b", _absolute),
    ("month_day", _FROM + _MONTH + r"\s+" + _DAYNUM + r"\b", _absolute),
    ("year", _FROM + r"(?:(?P<edge>" + _EDGE + r")\s+)?" + _YEAR + r"\b", _absolute),
    (
        "month",
        r"(?P<lead>in|since|until|before|by|as\s+early\s+as)\s+(?:(?P<edge>"
        + _EDGE
        + r")\s+)?"
        + _MONTH
        + r"\b(?!\s+\d)",
        _absolute,
    ),
    ("ago", _NUM + r"\s+(?P<unit>days?|weeks?|months?|years?)\s+ago", _ago),
    (
        "yesterday",
        r"(?:the\s+day\s+before\s+)?yesterday",
        lambda m, a: _shift(
            (lambda d: (d - 2 * _DAY, d - 2 * _DAY))
            if m.group(0).lower().startswith("the")
            else (lambda d: (d - _DAY, d - _DAY))
        )(m, a),
    ),
    ("today", r"(?:earlier\s+)?today|this\s+(?:morning|afternoon|evening)|tonight", _shift(lambda d: (d, d))),
    ("last_weekday", r"last\s+" + _WEEKDAY + _PART_OF_DAY, _weekday(strict=True)),
    ("weekday", r"(?:on\s+)?" + _WEEKDAY + _PART_OF_DAY, _weekday(strict=False)),
    ("last_week", r"last\s+week", _shift(_last_week)),
    ("last_weekend", r"(?:last|over\s+the)\s+weekend", _shift(_last_weekend)),
    (
        "this_week",
        r"(?:earlier\s+)?this\s+week",
        lambda m, a: _shift(
            lambda d: (
                d - _dt.timedelta(days=d.weekday()),
                d - (_DAY if m.group(0).lower().startswith("earlier") and d.weekday() else _dt.timedelta(0)),
            )
        )(m, a),
    ),
    (
        "last_month",
        r"last\s+month",
        _shift(lambda d: (_month_start(_add_months(d, -1)), _month_end(_add_months(d, -1)))),
    ),
    ("this_month", r"(?:earlier\s+)?this\s+month", _shift(lambda d: (_month_start(d), d))),
    ("last_year", r"last\s+year", _year_offset(-1)),
    ("this_year", r"(?:earlier\s+)?this\s+year", _this_year),
    ("recent_long", r"in\s+recent\s+(?:months|years)", _vague_year(DateQualifier.CIRCA)),
    ("recently", r"recently|lately|in\s+recent\s+(?:days|weeks)|earlier", _vague(DateQualifier.CIRCA)),
    (
        "previously",
        r"previously|formerly|in\s+the\s+past|(?:has|have|had)\s+long|for\s+(?:many\s+)?(?:years|months|decades)|repeatedly|once",
        _vague(DateQualifier.BEFORE),
    ),
]

_COMPILED: list[tuple[str, re.Pattern[str], Resolver]] = [
    (name, re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.IGNORECASE), fn)
    for name, pattern, fn in _RULES
]
_RANK = {name: i for i, (name, _p, _f) in enumerate(_RULES)}


_THIS_OR_TODAY = re.compile(r"\s+(?:this|today)")


def find_time_cues(text: str, start: int = 0, end: int | None = None) -> list[TimeCue]:
    """Time expressions in ``text[start:end]``, longest first where they overlap, in text order.

    Args:
        text: The article text.
        start: First offset to search.
        end: Offset to stop at (default: the end).

    Returns:
        Non-overlapping cues with offsets into ``text``.

    Example:
        >>> [c.rule for c in find_time_cues("He has long said so, on Sunday.")]
        ['previously', 'weekday']
    """
    end = len(text) if end is None else end
    found: list[TimeCue] = []
    for name, regex, _fn in _COMPILED:
        for m in regex.finditer(text, start, end):
            s, e = m.start(), m.end()
            # Strip leading whitespace the optional lead group may leave.
            while s < e and text[s].isspace():
                s += 1
            if (
                name == "recently"
                and text[s:e].lower() == "earlier"
                and _THIS_OR_TODAY.match(text, e)  # no copy of the rest of the article per match
            ):
                continue
            found.append(TimeCue(s, e, text[s:e], name))
    found.sort(key=lambda c: (-(c.end - c.start), _RANK[c.rule], c.start))
    chosen: list[TimeCue] = []
    for cue in found:
        if all(cue.end <= c.start or cue.start >= c.end for c in chosen):
            chosen.append(cue)
    return sorted(chosen, key=lambda c: c.start)


def resolve_time(phrase: str, article_date: str | PartialDate | None) -> ResolvedDate:
    """Resolve one time phrase against the article date.

    Args:
        phrase: A time expression, e.g. "last week", "as early as September 2022".
        article_date: The article's date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) or None.

    Returns:
        The date, its qualifier and the rule name.

    Raises:
        ExtractionError: If the phrase is not a known time expression, or needs an article
            date that is missing.
        ValidationError: If ``article_date`` is not a valid partial date.

    Example:
        >>> resolve_time("in 2022", None)
        ResolvedDate(date='2022', qualifier='', rule='year')
        >>> resolve_time("previously", "2024-12-03")
        ResolvedDate(date='2024-12', qualifier='before', rule='previously')
    """
    article = (
        PartialDate.parse(article_date, field="article date")
        if isinstance(article_date, str)
        else article_date
    )
    cleaned = " ".join(phrase.split())
    for name, regex, fn in _COMPILED:
        m = regex.fullmatch(cleaned)
        if m:
            date, qualifier = fn(m, article)
            return ResolvedDate(date, qualifier, name)
    raise ExtractionError(
        f"{phrase!r} is not a time expression rhetoric understands",
        hint="see docs/extraction.md, Relative-date rules, for the supported phrases",
    )


def default_date(article_date: str | PartialDate | None, *, perfect: bool) -> ResolvedDate:
    """The date of a statement with no time expression of its own.

    A present-perfect verb ("has argued") only says "before the article": the article's
    month with ``before``. Otherwise the statement is dated as reported, the article date.

    Example:
        >>> default_date("2024-12-03", perfect=True)
        ResolvedDate(date='2024-12', qualifier='before', rule='perfect_aspect')
        >>> default_date("2024-12-03", perfect=False).date
        '2024-12-03'
    """
    if article_date is None:
        return ResolvedDate("", "", "no_date")
    article = (
        PartialDate.parse(article_date, field="article date")
        if isinstance(article_date, str)
        else article_date
    )
    if perfect:
        return ResolvedDate(_truncate(article, Precision.MONTH), DateQualifier.BEFORE.value, "perfect_aspect")
    return ResolvedDate(str(article), "", "article_date")


def specificity(date: str) -> int:
    """Precision rank of a resolved date string: day 3, month 2, year 1, none 0."""
    return 0 if not date else {4: 1, 7: 2, 10: 3}[len(date)]
