"""Actors named in a sentence, and the actors a stance verb is attributed to ("the US and Germany oppose it").

Example:
    >>> from rhetoric.actors import ActorRegistry
    >>> reg = ActorRegistry.from_dict({"actors": {
    ...     "us": {"name": "United States", "kind": "state", "aliases": ["US", "the United States"]},
    ...     "germany": {"name": "Germany", "kind": "state"}}})
    >>> finder = ActorFinder(reg)
    >>> text = "because the US and Germany oppose it; let us see"
    >>> [a for _, _, a in finder.find(text)]
    ['us', 'germany']
    >>> finder.subject_before(text, text.index("oppose"), 0)
    ('us', 'germany')
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..actors import ActorRegistry, normalize_name

_WORD_RE = re.compile(r"\w+(?:['’.-]\w+)*\.?")
_AUX_TAIL_RE = re.compile(
    r"(?:\s*(?:\b(?:are|is|was|were|has|have|had|also|still|now|then|do|does|did|will|would|shall|should|can|could"
    r"|may|might|must|not|never|n['’]t|said\s+to|reported\s+to|believed\s+to|thought\s+to|understood\s+to"
    r"|known\s+to|expected\s+to|continues?\s+to|continued\s+to|appears?\s+to|seems?\s+to|firmly|strongly|openly"
    r"|publicly|repeatedly|reportedly|already|long|always|both|all|each|themselves|itself|themselves)\b|\w+ly\b)"
    r"\s*)*$",
    re.IGNORECASE,
)
_JOIN_RE = re.compile(
    r"^\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s*&\s*)$", re.IGNORECASE
)
_MAX_ALIAS_WORDS = 6


@lru_cache(maxsize=4096)
def _norm_word(word: str) -> str:
    # Words repeat across a corpus; normalising each once keeps actor lookup cheap.
    return normalize_name(word)


class ActorFinder:
    """Finds actor names in text through an :class:`ActorRegistry`'s aliases."""

    def __init__(self, registry: ActorRegistry) -> None:
        self.registry = registry
        self._index = registry.aliases()
        # Acronyms ("US", "UK", "EU") must be written in capitals: "us" is a pronoun.
        self._acronyms = {
            normalize_name(alias)
            for actor in registry
            for alias in (actor.name, *actor.aliases)
            if alias.isupper() and len(alias.replace(".", "")) <= 5
        }
        self._first_words = {key.split(" ", 1)[0] for key in self._index}

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Actor spans ``(start, end, actor_id)`` in ``text[start:end]``, longest alias first."""
        words = [m.span() for m in _WORD_RE.finditer(text, start, len(text) if end is None else end)]
        norms = [_norm_word(text[a:b]) for a, b in words]
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            if norms[i].split(" ", 1)[0] not in self._first_words:
                i += 1
                continue
            for n in range(min(_MAX_ALIAS_WORDS, len(words) - i), 0, -1):
                a, b = words[i][0], words[i + n - 1][1]
                surface = text[a:b].rstrip(".") if n == 1 else text[a:b]
                key = " ".join(norms[i : i + n])
                actor_id = self._index.get(key)
                if actor_id is None or (key in self._acronyms and not surface.replace(".", "").isupper()):
                    continue
                found.append((a, a + len(surface), actor_id))
                i += n
                break
            else:
                i += 1
        return found

    def subject_before(self, text: str, pos: int, clause_start: int) -> tuple[str, ...]:
        """Actors coordinated right before ``pos`` (auxiliaries and adverbs skipped), or ``()``.

        "France and the UK are said to support" → ``("france", "uk")``; "requiring Kiev
        to drop" → ``()`` (Kiev is the object of the demand, not the stance holder).
        """
        head = text[clause_start:pos]
        tail = _AUX_TAIL_RE.search(head)
        cut = clause_start + (tail.start() if tail else len(head))
        actors = self.find(text, clause_start, cut)
        chain: list[str] = []
        edge = cut
        for a, b, actor_id in reversed(actors):
            gap = text[b:edge]
            if edge == cut:
                if gap.strip(" \t\"'“”‘’"):
                    break
            elif not _JOIN_RE.match(gap):
                break
            # "the US": the article belongs to the name.
            chain.append(actor_id)
            edge = a - 4 if text[max(clause_start, a - 4) : a].lower() == "the " else a
        return tuple(dict.fromkeys(reversed(chain)))


@lru_cache(maxsize=8)
def finder_for(registry: ActorRegistry) -> ActorFinder:
    """A cached :class:`ActorFinder` per registry object."""
    return ActorFinder(registry)
