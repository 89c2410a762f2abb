"""Shared aliases and small closed sets for statement extraction.

Example:
    >>> CueClass.REPORTING.value
    'reporting'
    >>> BASE_CONFIDENCE[Pattern.QUOTE_ATTRIBUTED]
    0.95
"""

from __future__ import annotations

from enum import StrEnum

#: A half-open ``(start, end)`` character span into the article text.
CharSpan = tuple[int, int]


class CueClass(StrEnum):
    """How an attribution cue relates its speaker to the attributed content.

    ``reporting`` verbs take a clause ("said that ..."): the content starts after the cue.
    ``stance`` verbs take an object ("has never supported ..."): the verb is part of the
    content, since "never supported X" without its verb says nothing.
    """

    REPORTING = "reporting"
    STANCE = "stance"


class Pattern(StrEnum):
    """The surface shape that produced a candidate; it sets the base confidence."""

    QUOTE_ATTRIBUTED = "quote"  # “…,” he said. / Zelensky said: “…”
    REPORTED_CLAUSE = "clause"  # X said (that) …
    ACCORDING_TO = "according_to"  # according to X, …
    HEARSAY = "hearsay"  # X is said to support …
    STANCE = "stance"  # X has never supported …
    PARTICIPLE = "participle"  # …, adding that …
    CONTINUATION = "continuation"  # a bare quote after an attributed one


#: Base confidence of each pattern before speaker and quote adjustments.
BASE_CONFIDENCE: dict[Pattern, float] = {
    Pattern.QUOTE_ATTRIBUTED: 0.95,
    Pattern.REPORTED_CLAUSE: 0.85,
    Pattern.ACCORDING_TO: 0.85,
    Pattern.HEARSAY: 0.7,
    Pattern.STANCE: 0.75,
    Pattern.PARTICIPLE: 0.75,
    Pattern.CONTINUATION: 0.6,
}

#: Confidence ceiling of a candidate whose quote never closes before the paragraph ends.
UNBALANCED_QUOTE_CONFIDENCE = 0.3
