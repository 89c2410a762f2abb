"""Evidence checks on an attribution: does it carry content, and which event dates it.

Example:
    >>> from rhetoric.extract.reported import find_attributions
    >>> t = "Moscow thanked the hosts, and Kyiv rejected the plan."
    >>> [contentless(t, t, a) for a in find_attributions(t, t, (0, len(t)))]
    [True, False]
"""

from __future__ import annotations

from ..dates import PartialDate
from ..errors import ExtractionError
from .lexicon import AFTER_EVENT_WORDS, CIRCUMSTANCE_PREPOSITIONS, CONTENTLESS_LEMMAS, EVENT_NOUNS, VERB_FORMS
from .reltime import ResolvedDate, find_time_cues, resolve_time
from .reported import Attribution
from .types import CharSpan, CueClass


def contentless(text: str, masked: str, attr: Attribution) -> bool:
    """A wish or act (:data:`CONTENTLESS_LEMMAS`), or a stance verb with nothing after it, or only
    a place or time: no statement.

    "The Kremlin has not confirmed." and "The talks have concluded in Antalya." report
    no content; "has never supported the idea" and "warned on Monday against …" do.
    """
    if any(VERB_FORMS.get(w.lower()) in CONTENTLESS_LEMMAS for w in attr.cue.split()):
        return True
    if attr.cue_class != CueClass.STANCE:
        return False
    start, end = attr.cue_span[1], attr.content[1]
    for cue in find_time_cues(masked, start, end):
        if masked[start : cue.start].strip(" ,"):
            break
        start = cue.end
    rest = text[start:end].split()
    return not rest or rest[0].lower() in CIRCUMSTANCE_PREPOSITIONS


def after_event_date(
    masked: str, start: int, first_subject: int, previous: CharSpan, article_date: PartialDate | None
) -> tuple[ResolvedDate, str] | None:
    """ "After the meeting, X said …": the month of the event the sentence before dates.

    Only a definite event noun right after "after"/"following" at the start of the sentence,
    and only a time expression of the previous sentence, count; the statement is dated to
    that month, qualified ``after``.

    Example:
        >>> t = "They met on March 3. After the talks, she said no."
        >>> after_event_date(t, 21, 37, (0, 20), PartialDate.parse("2025-03-12"))[0].date
        '2025-03'
    """
    words = [w.strip(",").lower() for w in masked[start:first_subject].split()]
    if (
        len(words) < 3
        or words[0] not in AFTER_EVENT_WORDS
        or words[1] != "the"
        or words[2] not in EVENT_NOUNS
    ):
        return None
    for cue in reversed(find_time_cues(masked, *previous)):
        try:
            resolved = resolve_time(cue.text, article_date)
        except ExtractionError:
            return None
        if len(resolved.date) >= 7:
            return ResolvedDate(resolved.date[:7], "after", "after_event"), f"after the event of {cue.text}"
    return None
