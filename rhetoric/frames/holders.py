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
from ..lang import Language, load_language
from ..lang.alternation import by_letter

_WORD_RE = re.compile(r"\w+(?:['’.-]\w+)*\.?")


def _subject_regexes(
    language: Language, *, grouped: bool = True
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]:
    """Words skipped between a subject and its verb (any ``-ly`` adverb too), holder joins, and
    the last character no skipped word can hold (None when a gap ``~N`` lets any character in).

    ``grouped`` spells the word lists by first letter (:func:`~rhetoric.lang.alternation.by_letter`:
    the same matches; the tail is searched at every place of the head, each trying every word);
    ``False`` gives the flat lists (the reference).
    """
    skip = language.pattern("stances", "subject_skip")
    joins = language.pattern("stances", "holder_joins")
    if grouped:
        skip, joins = by_letter(skip), by_letter(joins)
    tail = re.compile(rf"(?:\s*(?:\b(?:{skip})\b|\w+ly\b)\s*)*$", re.IGNORECASE)
    join = re.compile(rf"^\s*(?:,\s*(?:(?:{joins})\s+)?|\s+(?:{joins})\s+|\s*&\s*)$", re.IGNORECASE)
    phrases = language.phrases("stances", "subject_skip")
    if any("~" in phrase for phrase in phrases):
        return tail, join, None
    # The skipped words are word characters, spaces and their own marks ("n't"; ' stands for ’ too).
    marks = {ch for phrase in phrases for ch in phrase if not ch.isalnum() and not ch.isspace()}
    if marks & {"'", "’"}:
        marks |= {"'", "’"}
    blocked = re.compile(rf"(?s:.*)[^\w\s{re.escape(''.join(sorted(marks)))}]")
    return tail, join, blocked


_MAX_ALIAS_WORDS = 6


@lru_cache(maxsize=4096)
def _norm_word(word: str) -> str:
    # Words repeat across a corpus; normalising each once keeps actor lookup cheap.
    return normalize_name(word)


class ActorFinder:
    """Finds actor names in text through an :class:`ActorRegistry`'s aliases."""

    def __init__(self, registry: ActorRegistry, language: Language | None = None) -> None:
        self.registry = registry
        self._tail_re, self._join_re, self._blocked_re = _subject_regexes(language or load_language("en"))
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
        # The skipped words run to the end of the head: none starts before its last other character
        # (re would try every place before it, each in vain).
        blocked = self._blocked_re.match(head) if self._blocked_re is not None else None
        tail = self._tail_re.search(head, blocked.end() if blocked else 0)
        cut = clause_start + (tail.start() if tail else len(head))
        actors = self.find(text, clause_start, cut)
        chain: list[str] = []
        edge = cut
        for a, b, actor_id in reversed(actors):
            gap = text[b:edge]
            if edge == cut:
                if gap.strip(" \t\"'“”‘’"):
                    break
            elif not self._join_re.match(gap):
                break
            # "the US": the article belongs to the name.
            chain.append(actor_id)
            edge = a - 4 if text[max(clause_start, a - 4) : a].lower() == "the " else a
        return tuple(dict.fromkeys(reversed(chain)))


_FINDERS: dict[tuple[int, int], tuple[ActorRegistry, Language | None, ActorFinder]] = {}


def finder_for(registry: ActorRegistry, language: Language | None = None) -> ActorFinder:
    """A cached :class:`ActorFinder` per registry and language object."""
    key = (id(registry), id(language))
    hit = _FINDERS.get(key)
    if hit is None or hit[0] is not registry or hit[1] is not language:
        if len(_FINDERS) > 16:
            _FINDERS.clear()
        hit = _FINDERS[key] = (registry, language, ActorFinder(registry, language))
    return hit[2]
