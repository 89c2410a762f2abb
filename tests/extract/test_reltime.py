"""Relative and absolute time phrases resolved against article dates of every precision."""

from __future__ import annotations

import pytest

from rhetoric.errors import ExtractionError, ValidationError
from rhetoric.extract.reltime import default_date, find_time_cues, interval_to_date, resolve_time

RESOLVE_TABLE = [
    # phrase, article date, expected date, qualifier
    ("last week", "2024-12", "2024-12", "circa"),  # 18 Nov - 29 Dec: mostly December
    ("last week", "2024-12-03", "2024-11", "circa"),  # Mon 25 Nov - Sun 1 Dec
    ("last week", "2024-12-12", "2024-12", ""),  # Mon 2 - Sun 8 Dec
    ("Last week", "2024", "2024", "circa"),
    ("on Sunday", "2024-12-03", "2024-12-01", ""),
    ("on Sunday", "2024-12", "2024-12", ""),  # any Sunday on or before a December day, from 1 Dec
    ("on Friday", "2024-12", "2024-12", "circa"),  # 29 Nov is possible
    ("on Tuesday", "2024-12-03", "2024-12-03", ""),
    ("Monday", "2025-02-19", "2025-02-17", ""),
    ("last Sunday", "2024-12-01", "2024-11-24", ""),
    ("yesterday", "2024-12-03", "2024-12-02", ""),
    ("yesterday", "2024-12", "2024-12", "circa"),
    ("the day before yesterday", "2024-12-03", "2024-12-01", ""),
    ("today", "2024-12-03", "2024-12-03", ""),
    ("this morning", "2024-12", "2024-12", ""),
    ("recently", "2024-12", "2024-12", "circa"),
    ("recently", "2024-12-03", "2024-12", "circa"),
    ("lately", "2024", "2024", "circa"),
    ("in recent weeks", "2024-12-20", "2024-12", "circa"),
    ("in recent months", "2024-12", "2024", "circa"),
    ("previously", "2024-12", "2024-12", "before"),
    ("previously", "2024-12-03", "2024-12", "before"),
    ("has long", "2024-12", "2024-12", "before"),
    ("in the past", "2025", "2025", "before"),
    ("for years", "2024-12-03", "2024-12", "before"),
    ("repeatedly", "2024-12", "2024-12", "before"),
    ("as early as September 2022", "2024-12", "2022-09", ""),
    ("as far back as 2014", "2024-12", "2014", ""),
    ("in September 2022", None, "2022-09", ""),
    ("September 2022", None, "2022-09", ""),
    ("since May 2023", "2024", "2023-05", "after"),
    ("until March 2022", None, "2022-03", "before"),
    ("in 2022", None, "2022", ""),
    ("in late 2022", None, "2022", ""),
    ("on 3 December 2024", None, "2024-12-03", ""),
    ("on December 3, 2024", None, "2024-12-03", ""),
    ("Dec. 3, 2024", None, "2024-12-03", ""),
    ("the 3rd of December 2024", None, "2024-12-03", ""),
    ("on 3 December", "2024-12-05", "2024-12-03", ""),
    ("December 5", "2024-12-03", "2023-12-05", ""),  # the latest 5 December not after the article
    ("in September", "2024-12", "2024-09", ""),
    ("in December", "2024-11-20", "2023-12", ""),
    ("earlier this year", "2024-12", "2024", ""),
    ("this year", "2024-03-02", "2024", ""),
    ("last year", "2024-12", "2023", ""),
    ("last month", "2024-12", "2024-11", ""),
    ("last month", "2025-01-15", "2024-12", ""),
    ("earlier this month", "2024-12-10", "2024-12", ""),
    ("this week", "2024-12-02", "2024-12-02", ""),
    ("earlier this week", "2024-12-05", "2024-12", ""),
    ("last weekend", "2024-12-10", "2024-12", ""),
    ("last weekend", "2024-12-03", "2024", ""),  # 30 Nov - 1 Dec: half and half
    ("three days ago", "2024-12-03", "2024-11-30", ""),
    ("two weeks ago", "2024-12-03", "2024-11", "circa"),
    ("three months ago", "2024-12-03", "2024-09", "circa"),
    ("a year ago", "2024-12", "2023", ""),
]


@pytest.mark.parametrize(("phrase", "article", "date", "qualifier"), RESOLVE_TABLE)
def test_resolve_time(phrase: str, article: str | None, date: str, qualifier: str) -> None:
    resolved = resolve_time(phrase, article)
    assert (resolved.date, resolved.qualifier) == (date, qualifier)


RELATIVE = ["last week", "on Sunday", "recently", "previously", "yesterday", "in September", "two weeks ago"]


@pytest.mark.parametrize("phrase", RELATIVE)
def test_relative_phrase_without_article_date_is_an_error(phrase: str) -> None:
    with pytest.raises(ExtractionError) as info:
        resolve_time(phrase, None)
    assert info.value.message == f"the relative date {phrase!r} needs the article date"
    assert "--date" in (info.value.hint or "")


@pytest.mark.parametrize("phrase", ["next to the river", "soon", "the war", "24 hours", ""])
def test_unknown_phrase_is_an_error(phrase: str) -> None:
    with pytest.raises(ExtractionError, match="is not a time expression"):
        resolve_time(phrase, "2024-12")


@pytest.mark.parametrize("article", ["2024-13", "24/11/2024", "2024-02-30", "next week"])
def test_invalid_article_date_is_a_validation_error(article: str) -> None:
    with pytest.raises(ValidationError) as info:
        resolve_time("last week", article)
    assert info.value.field == "article date"


def test_impossible_calendar_date_in_text_is_an_error() -> None:
    with pytest.raises(ExtractionError, match="is not a calendar date"):
        resolve_time("on 31 February 2024", None)


@pytest.mark.parametrize(
    ("perfect", "article", "expected"),
    [
        (True, "2024-12-03", ("2024-12", "before")),
        (True, "2024", ("2024", "before")),
        (False, "2024-12-03", ("2024-12-03", "")),
        (False, "2024-12", ("2024-12", "")),
        (False, None, ("", "")),
    ],
)
def test_default_date(perfect: bool, article: str | None, expected: tuple[str, str]) -> None:
    resolved = default_date(article, perfect=perfect)
    assert (resolved.date, resolved.qualifier) == expected


def test_never_more_precise_than_the_article_date() -> None:
    for phrase in ("yesterday", "on Sunday", "last week", "three days ago"):
        assert len(resolve_time(phrase, "2024-12").date) <= len("2024-12")
        assert len(resolve_time(phrase, "2024").date) == len("2024")


def test_previously_sorts_before_recently() -> None:
    from rhetoric.dates import PartialDate

    for article in ("2024-12", "2024-12-03", "2024"):
        prev = resolve_time("previously", article)
        recent = resolve_time("recently", article)
        prev_key = PartialDate.parse(prev.date).sort_key(prev.qualifier)
        assert prev_key < PartialDate.parse(recent.date).sort_key(recent.qualifier)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Last week, the president renewed calls.", ["Last week"]),
        ("Zelensky, for his part, has previously argued that", ["previously"]),
        ("Putin has long cited NATO expansion", ["has long"]),
        ("As early as September 2022, Kiev applied", ["As early as September 2022"]),
        ("He said on Tuesday that talks in 2023 failed", ["on Tuesday", "in 2023"]),
        ("the alliance has repeatedly stated", ["repeatedly"]),
        ("within 24 hours of his return", []),
        ("Earlier this year, he had called for guarantees", ["Earlier this year"]),
    ],
)
def test_find_time_cues(text: str, found: list[str]) -> None:
    assert [c.text for c in find_time_cues(text)] == found


def test_interval_majority_rule() -> None:
    import datetime as dt

    assert interval_to_date(dt.date(2024, 11, 18), dt.date(2024, 12, 29)) == ("2024-12", "circa")
    assert interval_to_date(dt.date(2024, 11, 30), dt.date(2024, 12, 1)) == ("2024", "")
    assert interval_to_date(dt.date(2023, 12, 1), dt.date(2024, 3, 1)) == ("2024", "circa")
