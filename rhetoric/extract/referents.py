"""Speakers the article names elsewhere: descriptors of a named person, "the outlet", "the statement".

News writing introduces a person once with titles ("Qatari Prime Minister Mohammed Al Thani")
and refers back by a description ("the Qatari leader", "the minister"); an indefinite
description is often named in the next sentence ("A senior Hamas official said … senior Hamas
official Bassem Naim told …"). "The outlet" / "the agency" is the news outlet named last;
"the statement" is the document whose issuer was named last.

Rules: a definite description (or a bare one, "Kremlin spokesperson") refers back to the
closest earlier person whose name and the words just before it hold every capitalised or
title word of the description, and its head noun unless the head is generic ("leader",
"official"); an indefinite one refers forward, within the next sentences. "Unnamed",
"anonymous" descriptions are never resolved to a person.

Example:
    >>> from rhetoric.extract.speakers import Speaker
    >>> text = "Foreign Minister Ana Vidal spoke first. Later the minister said talks would go on."
    >>> ref = Referents(text, [(17, Speaker("Ana Vidal", "Foreign Minister Ana Vidal", "unresolved", False))])
    >>> ref.person_for("the minister", 46).id
    'Ana Vidal'
    >>> ref.person_for("an unnamed minister", 46) is None
    True
"""

from __future__ import annotations

import re

from .lexicon import (
    ANONYMOUS_WORDS,
    DEMONYMS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GENERIC_PERSON_HEADS,
    OUTLET_NOUNS,
    OUTLETS,
    PERSON_HEADS,
    TITLE_WORDS,
)
from .speakers import Speaker

#: How far (characters) an indefinite description looks ahead for the name.
FORWARD_WINDOW = 400
#: Words before a mention that count as its introduction ("senior Hamas official Bassem Naim").
CONTEXT_WORDS = 6

_WORD_RE = re.compile(r"[\w’'.-]+")
_OUTLET_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(o) for o in sorted(OUTLETS, key=len, reverse=True)) + r")(?!\w)"
)


def _words(text: str) -> list[str]:
    out = []
    for w in _WORD_RE.findall(text):
        w = re.sub(r"['’]s$", "", w).strip(".").lower()
        if w:
            out.append(w)
    return out


class Referents:
    """Article-level lookups for descriptions, outlets and documents.

    Args:
        text: The article.
        mentions: Offsets and speakers of the named actors and persons (``SpeakerResolver.mentions``).
    """

    def __init__(self, text: str, mentions: list[tuple[int, Speaker]]) -> None:
        self.text = text
        self.people = [(off, s) for off, s in mentions if s.kind == "person"]
        self.outlets = [(m.start(), m.group(0)) for m in _OUTLET_RE.finditer(text)]
        self.documents: dict[str, list[tuple[int, list[Speaker]]]] = {}

    # -- descriptions of persons -----------------------------------------------------------------------

    def person_for(self, description: str, offset: int) -> Speaker | None:
        """The person a description stands for, or None.

        Example:
            >>> Referents("", []).person_for("the minister", 0) is None
            True
        """
        words = _words(description)
        if not words or any(w in ANONYMOUS_WORDS for w in words):
            return None
        head = words[-1]
        if head not in PERSON_HEADS:
            return None
        required = {
            w
            for w, raw in zip(words, _WORD_RE.findall(description), strict=False)
            if w not in DETERMINERS and (raw[:1].isupper() or w in TITLE_WORDS or w in DEMONYMS)
        }
        required.discard(head)
        if head not in GENERIC_PERSON_HEADS:
            required.add(head)
        if not required:
            return None
        if words[0] in ("a", "an"):
            window = [(o, s) for o, s in self.people if offset < o <= offset + FORWARD_WINDOW]
        else:
            window = list(reversed([(o, s) for o, s in self.people if o < offset]))
        for off, person in window:
            if required <= self._introduction(off, person):
                return Speaker(person.id, description, "descriptor", person.known, "person", person.gender)
        return None

    def _introduction(self, off: int, person: Speaker) -> set[str]:
        before = _words(self.text[max(0, off - 80) : off])[-CONTEXT_WORDS:]
        return set(before) | set(_words(person.as_written))

    # -- outlets and documents -------------------------------------------------------------------------

    def outlet_for(self, description: str, offset: int) -> Speaker | None:
        """The outlet named last before ``offset`` when ``description`` is "the outlet"/"the agency"."""
        words = _words(description)
        if len(words) != 2 or words[0] != "the" or words[1] not in OUTLET_NOUNS:
            return None
        named = [name for off, name in self.outlets if off < offset]
        return Speaker(named[-1], description, "descriptor", False, "organisation") if named else None

    @staticmethod
    def refers_back(description: str) -> bool:
        """Whether a subject is "the outlet" or "the statement" (a referent to look up, not a name)."""
        words = _words(description)
        return (
            len(words) == 2 and words[0] == "the" and (words[1] in OUTLET_NOUNS or words[1] in DOCUMENT_NOUNS)
        )

    def note_document(self, noun: str, offset: int, speakers: list[Speaker]) -> None:
        """Remember who issued a document mentioned in an attribution ("said in a statement")."""
        self.documents.setdefault(noun, []).append((offset, speakers))

    def document_for(self, description: str, offset: int) -> list[Speaker]:
        """The issuer of the document "the statement" refers back to (``[]`` if none)."""
        words = _words(description)
        if len(words) != 2 or words[0] != "the":
            return []
        earlier = [s for off, s in self.documents.get(words[1], []) if off < offset]
        if not earlier:
            return []
        return [Speaker(s.id, description, "document", s.known, s.kind, s.gender) for s in earlier[-1]]
