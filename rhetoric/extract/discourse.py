"""Pronoun resolution: "he", "she", "it", "they" to the most recent compatible subject or mention.

Example:
    >>> d = Discourse()
    >>> d.note(10, [Speaker("zelensky", "Zelensky", "name", True, "person", "male")])
    >>> d.resolve("he", 50)[0].id
    'zelensky'
"""

from __future__ import annotations

import bisect

from .lexicon import PRONOUNS
from .speakers import Speaker

#: How many earlier subjects (and mentions) a pronoun may refer back to.
LOOKBACK = 200


def _offset(entry: tuple) -> int:
    return entry[0]


class Discourse:
    """Recent subjects and mentions, for resolving pronouns to the most recent compatible speaker.

    Example:
        >>> d = Discourse()
        >>> d.note(10, [Speaker("zelensky", "Zelensky", "name", True, "person", "male")])
        >>> d.resolve("he", 50)[0].id
        'zelensky'
        >>> d.resolve("she", 50)
        []
    """

    def __init__(self, mentions: list[tuple[int, Speaker]] | None = None) -> None:
        self._subjects: list[tuple[int, list[Speaker]]] = []
        self._mentions = sorted(mentions or [], key=lambda x: x[0])

    def note(self, offset: int, speakers: list[Speaker]) -> None:
        """Record the speakers of a subject at ``offset``."""
        if speakers:
            bisect.insort(self._subjects, (offset, speakers), key=_offset)

    def resolve(self, pronoun: str, offset: int) -> list[Speaker]:
        """Speakers a pronoun at ``offset`` most plausibly refers to (``[]`` if none is compatible)."""
        want = PRONOUNS.get(pronoun.lower())
        if want is None or want == "speaker":
            return []
        # Only the last LOOKBACK subjects and mentions: bounded work per pronoun on any article length.
        k = bisect.bisect_left(self._subjects, offset, key=_offset)
        for _off, speakers in reversed(self._subjects[max(0, k - LOOKBACK) : k]):
            if want == "plural":
                if len(speakers) > 1 or speakers[0].kind in ("group", "organisation", "state"):
                    return list(speakers)
                continue
            if len(speakers) == 1 and _compatible(speakers[0], want):
                return [speakers[0]]
        if want in ("male", "female"):
            k = bisect.bisect_left(self._mentions, offset, key=_offset)
            for _off, speaker in reversed(self._mentions[max(0, k - LOOKBACK) : k]):
                if _compatible(speaker, want):
                    return [speaker]
        return []


def _compatible(s: Speaker, want: str) -> bool:
    if want == "thing":
        return s.kind in ("state", "organisation", "city", "group", "other")
    if s.kind != "person":
        return False
    return not s.gender or s.gender == want
