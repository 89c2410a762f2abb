"""Pronoun resolution: "he", "she", "it", "they" to the most recent compatible subject or mention.

Example:
    >>> d = Discourse()
    >>> d.note(10, [Speaker("zelensky", "Zelensky", "name", True, "person", "male")])
    >>> d.resolve("he", 50)[0].id
    'zelensky'
"""

from __future__ import annotations

from .lexicon import PRONOUNS
from .speakers import Speaker


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
            self._subjects.append((offset, speakers))
            if len(self._subjects) > 1 and self._subjects[-2][0] > offset:
                self._subjects.sort(key=lambda x: x[0])

    def resolve(self, pronoun: str, offset: int) -> list[Speaker]:
        """Speakers a pronoun at ``offset`` most plausibly refers to (``[]`` if none is compatible)."""
        want = PRONOUNS.get(pronoun.lower())
        if want is None or want == "speaker":
            return []
        for _off, speakers in reversed([s for s in self._subjects if s[0] < offset]):
            if want == "plural":
                if len(speakers) > 1 or speakers[0].kind in ("group", "organisation", "state"):
                    return list(speakers)
                continue
            if len(speakers) == 1 and _compatible(speakers[0], want):
                return [speakers[0]]
        if want in ("male", "female"):
            for _off, speaker in reversed([m for m in self._mentions if m[0] < offset]):
                if _compatible(speaker, want):
                    return [speaker]
        return []


def _compatible(s: Speaker, want: str) -> bool:
    if want == "thing":
        return s.kind in ("state", "organisation", "city", "group", "other")
    if s.kind != "person":
        return False
    return not s.gender or s.gender == want
