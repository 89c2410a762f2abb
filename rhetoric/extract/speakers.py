"""Speaker resolution: names, titles, descriptors, relays and pronouns, through the actor registry.

A subject noun phrase as printed ("Trump’s special envoy for Russia and Ukraine, retired
general Keith Kellogg") is resolved in this order: an alias of the whole phrase; the
head proper name (the last capitalised run before any preposition, titles stripped, never
a possessor or a prepositional object); a descriptor (nationality + title matched against
actor roles: "the Ukrainian president"; possessor + title: "Trump's envoy"); an anonymous
source relayed by an outlet ("a diplomat quoted by Le Monde"). Coordinated subjects
("France and the UK") give one speaker each. Pronouns go to the most recent compatible
subject (gender and kind from ``actors.toml``).

Example:
    >>> from rhetoric.actors import ActorRegistry
    >>> reg = ActorRegistry.from_dict({"actors": {
    ...     "zelensky": {"name": "Volodymyr Zelensky", "role": "President of Ukraine",
    ...                  "gender": "male", "aliases": ["Zelensky"]},
    ...     "ukraine": {"name": "Ukraine", "kind": "state", "aliases": ["Kyiv", "Kiev"]}}})
    >>> r = SpeakerResolver(reg)
    >>> [s.id for s in r.resolve("the Ukrainian president")]
    ['zelensky']
    >>> [(s.id, s.known) for s in r.resolve("Kiev")]
    [('ukraine', True)]
    >>> [s.id for s in r.resolve("Foreign Minister Sergei Lavrov")]
    ['Sergei Lavrov']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..actors import Actor, ActorRegistry, normalize_name
from .lexicon import (
    DEMONYMS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    NOT_PARTIES,
    PARTY_VOICE_NOUNS,
    PERSON_PLURALS,
    PRONOUNS,
    REFLEXIVES,
    SPEAKER_NOUNS,
    STATE_VOICE_NOUNS,
    VAGUE_QUANTIFIERS,
)
from .names import (
    CALENDAR_WORDS,
    CUT_WORDS,
    NAME_CONNECTORS,
    NameToken,
    ends_sentence,
    has_words,
    is_name_word,
    is_title,
    last_run,
    name_tokens,
    split_coordination,
    trailing_name,
    unknown_name,
)

_RELAY_RE = re.compile(r"\b(?:quoted|cited)\s+by\s+|\bspeaking\s+to\s+|\btold\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Speaker:
    """A resolved (or unresolved) speaker of an attribution."""

    id: str
    as_written: str
    method: str
    known: bool = True
    kind: str = "person"
    gender: str = ""

    @classmethod
    def of(cls, actor: Actor, as_written: str, method: str) -> Speaker:
        """A speaker for a registry actor."""
        return cls(actor.id, as_written, method, True, actor.kind, actor.gender)


@dataclass
class _Segment:
    """One comma-delimited piece of a subject phrase, analysed."""

    text: str
    tokens: list[NameToken]
    head: list[NameToken] = field(default_factory=list)
    possessor: list[NameToken] = field(default_factory=list)
    relay: str = ""


class SpeakerResolver:
    """Resolves subject phrases to speakers using an :class:`ActorRegistry`."""

    def __init__(self, actors: ActorRegistry) -> None:
        self.actors = actors
        self._people = [a for a in actors if a.kind == "person"]

    # -- public ------------------------------------------------------------------------------------

    def resolve(self, phrase: str) -> list[Speaker]:
        """Speakers named by a subject phrase; ``[]`` when it cannot be a speaker.

        Args:
            phrase: The subject as printed, appositives and coordination included.

        Returns:
            One speaker, or several for a coordinated subject; unknown names come back with
            ``known=False`` and the name (titles stripped) as ``id``.

        Example:
            >>> r = SpeakerResolver(ActorRegistry())
            >>> r.resolve("some member states")
            []
        """
        phrase = self._clean(phrase)
        if not phrase:
            return []
        if phrase.lower() in PRONOUNS:
            return []
        last = phrase.rsplit(" ", 1)[-1].lower()
        if last in CUT_WORDS or last in DETERMINERS:
            return []  # "the United States with a list of": a noun phrase cut open, not a subject
        whole = self._alias(phrase)
        if whole is not None:
            return [Speaker.of(whole, phrase, "alias")]
        segments = [s.strip() for s in re.split(r",\s*", phrase) if s.strip()]
        conjuncts = self._conjuncts(segments)
        if conjuncts:
            return conjuncts
        best: Speaker | None = None
        for seg in reversed(segments):  # the segment next to the verb first
            speaker = self._resolve_segment(seg)
            if speaker is None:
                continue
            if best is None or _rank(speaker) > _rank(best):
                best = speaker
        if best is None:
            return []
        return [Speaker(best.id, phrase, best.method, best.known, best.kind, best.gender)]

    def mentions(self, text: str) -> list[tuple[int, Speaker]]:
        """Every actor named in ``text`` by its head proper name, with offsets (for pronoun fallback)."""
        found: list[tuple[int, Speaker]] = []
        toks = name_tokens(text)
        i = 0
        while i < len(toks):
            if not is_name_word(toks[i]):
                i += 1
                continue
            j = i
            while j + 1 < len(toks) and (
                is_name_word(toks[j + 1]) or (toks[j + 1].low in NAME_CONNECTORS and j + 2 < len(toks))
            ):
                if toks[j].possessive or ends_sentence(toks[j]):
                    break
                j += 1
            run = toks[i : j + 1]
            written = text[toks[i].start : toks[j].end]
            actor = self._head_actor(run)
            if actor is not None:
                found.append((toks[i].start, Speaker.of(actor, written, "name")))
            else:
                # An unknown full name ("Andrii Sybiha") can still be what "he" refers to.
                name, kind = unknown_name(run)
                words = name_tokens(name)
                # A sentence-final name keeps its full stop in the token ("… with Antony Blinken.").
                if name.endswith(".") and ends_sentence(words[-1]):
                    name, words = name[:-1], [*words[:-1], NameToken(words[-1].text[:-1], 0, 0)]
                    written = written[:-1] if written.endswith(".") else written
                if (
                    kind == "person"
                    and all(
                        (t.capital or t.low in NAME_CONNECTORS) and t.low.rstrip(".") not in CALENDAR_WORDS
                        for t in words
                    )
                    and not any(t.text.endswith(".") and len(t.text) > 3 for t in words)
                ):
                    found.append((toks[i].start, Speaker(name, written, "unresolved", False, "person")))
            i = j + 1
        return found

    # -- internals ---------------------------------------------------------------------------------

    @staticmethod
    def _clean(phrase: str) -> str:
        phrase = " ".join(phrase.split()).strip(" ,;:–—-")
        words = phrase.split(" ")
        while words and words[0].lower() in ("and", "but", "while", "that", "whereas", "as"):
            words = words[1:]
        while words and words[-1].lower().strip(",") in REFLEXIVES:
            words = words[:-1]
        return " ".join(words).strip(" ,")

    def _alias(self, text: str) -> Actor | None:
        actor = self.actors.resolve(text)
        if actor is None:
            low = text.lower()
            for det in ("a ", "an ", "the "):
                if low.startswith(det):
                    actor = self.actors.resolve(text[len(det) :])
                    break
        return actor

    def _conjuncts(self, segments: list[str]) -> list[Speaker]:
        parts: list[str] = []
        coordinated = False
        for seg in segments:
            pieces = split_coordination(seg)
            coordinated = coordinated or len(pieces) > 1 or seg.lower().startswith(("and ", "& "))
            parts.extend(pieces)
        # Commas without "and" make appositives ("the envoy, Keith Kellogg"), not a list.
        if not coordinated:
            return []
        if len(parts) < 2:
            return []
        speakers: list[Speaker] = []
        rejected = 0
        for part in parts:
            part = part.strip()
            resolved = self._resolve_segment(part)
            toks = [t for t in name_tokens(part) if t.low not in DETERMINERS]
            # A conjunct is an actor, a descriptor that resolves, or a bare (capitalised) name.
            bare_name = bool(toks) and all(t.capital for t in toks) and not any(t.possessive for t in toks)
            if resolved is not None and (resolved.known or bare_name):
                speakers.append(
                    Speaker(
                        resolved.id, part, resolved.method, resolved.known, resolved.kind, resolved.gender
                    )
                )
            else:
                rejected += 1
        # "the US and its allies": keep the actors that resolve, drop the vague rest.
        return speakers if speakers and (rejected == 0 or any(s.known for s in speakers)) else []

    def _analyse(self, seg: str) -> _Segment:
        relay = ""
        m = _RELAY_RE.search(seg)
        if m:
            relay = seg[m.end() :]
            seg_head = seg[: m.start()]
        else:
            seg_head = seg
        toks = name_tokens(seg_head)
        out = _Segment(seg, toks, relay=relay)
        head: list[NameToken] = []
        for k, tok in enumerate(toks):
            if tok.low in CUT_WORDS and not (
                tok.low in NAME_CONNECTORS
                and k
                and toks[k - 1].capital
                and k + 1 < len(toks)
                and toks[k + 1].capital
            ):
                break
            head.append(tok)
        # Everything up to the last possessive belongs to the possessor ("Trump’s special envoy").
        last_pos = max((k for k, t in enumerate(head) if t.possessive), default=-1)
        out.possessor = head[: last_pos + 1]
        out.head = head[last_pos + 1 :]
        return out

    def _resolve_segment(self, seg: str) -> Speaker | None:
        seg = self._clean(seg)
        if not seg:
            return None
        actor = self._alias(seg)
        if actor is not None:
            return Speaker.of(actor, seg, "alias")
        a = self._analyse(seg)
        words = [t.low for t in a.head]
        if not words:
            return None
        if words[0] in VAGUE_QUANTIFIERS:
            return None
        # The head proper name: the last capitalised run of the head, ending at the head's end.
        run = last_run(a.head)
        if run:
            actor = self._head_actor(run)
            if actor is not None:
                return Speaker.of(actor, seg, "name")
            if run[-1] is a.head[-1] and not a.relay:
                name, kind = unknown_name(run)
                if name:
                    return Speaker(name, seg, "unresolved", False, kind)
        trailing = trailing_name(a.tokens) if not a.relay else []
        if trailing:
            # "US secretary of state Marco Rubio": a full name closing the phrase is the head.
            actor = self._head_actor(trailing)
            if actor is not None:
                return Speaker.of(actor, seg, "name")
            name, kind = unknown_name(trailing)
            if name and kind == "person":
                return Speaker(name, seg, "unresolved", False, kind)
        descriptor = self._descriptor(a)
        if descriptor is not None:
            return descriptor
        head_noun = words[-1]
        if a.relay:
            return self._relayed(a)
        if head_noun in DOCUMENT_NOUNS:
            modifier = [t for t in a.head[:-1] if t.capital]
            actor = self._head_actor(modifier) if modifier else None
            if actor is None and a.possessor:
                actor = self._head_actor(a.possessor)
            rest = a.tokens[len(a.possessor) + len(a.head) :]
            if actor is None and rest and rest[0].low in ("from", "by", "of"):
                # "a statement from the Kremlin", "a readout by the White House"
                issuer = self._resolve_segment(" ".join(t.text for t in rest[1:]))
                return Speaker(issuer.id, seg, "document", issuer.known, issuer.kind) if issuer else None
            return Speaker.of(actor, seg, "document") if actor else None
        if head_noun in PARTY_VOICE_NOUNS:
            party = self._party(a)
            if party is not None:
                return party
        if head_noun in SPEAKER_NOUNS:
            if head_noun in PERSON_PLURALS or (len(words) == 1 and head_noun.endswith("s")):
                return None  # "officials said", "Western diplomats say": an unnamed group is no actor
            name = seg.split(" ", 1)[1] if words[0] in DETERMINERS and " " in seg else seg
            kind = "organisation" if head_noun in _INSTITUTION_NOUNS else "person"
            return Speaker(name, seg, "unresolved", False, kind)
        return None

    def _party(self, a: _Segment) -> Speaker | None:
        """The state or organisation an unnamed official, source or ministry speaks for.

        Found in a demonym ("an unnamed Israeli official" -> Israel), a possessor ("Turkey's
        government"), a capitalised modifier ("a senior Hamas official") or a prepositional
        owner ("a spokesman at Oman's foreign ministry"). A party missing from ``actors.toml``
        comes back by name with ``known=False``. The article may still name the person
        (:mod:`referents` tries that first for person heads).
        """
        for t in a.head:
            country = DEMONYMS.get(t.low)
            if country:
                actor = self.actors.resolve(country) or self.actors.resolve(t.text)
                if actor is not None:
                    return Speaker.of(actor, a.text, "party")
                return Speaker(country, a.text, "party", False, "state")
        owner = a.possessor or _run_before_head(a.head)
        if owner and all(t.capital or t.low in NAME_CONNECTORS for t in owner):
            actor = self._head_actor(owner)
            if actor is not None:
                return Speaker.of(actor, a.text, "party")
            name = " ".join(t.text for t in owner)
            kind = "state" if name in DEMONYMS.values() else "organisation"
            return Speaker(name, a.text, "party", False, kind)
        rest = a.tokens[len(a.possessor) + len(a.head) :]
        if rest and rest[0].low in ("at", "of", "from", "in"):
            inner = self._analyse(a.text[rest[1].start :]) if len(rest) > 1 else None
            if inner is None:
                return None
            if inner.head and inner.head[-1].low in PARTY_VOICE_NOUNS | _INSTITUTION_NOUNS:
                return self._party(inner)
        return None

    def _head_actor(self, run: list[NameToken]) -> Actor | None:
        """The actor named by the longest sub-run ending at the run's end."""
        for k in range(len(run)):
            sub = run[k:]
            if k and sub[0].low in NAME_CONNECTORS and not sub[0].capital:
                continue
            actor = self.actors.resolve(" ".join(t.text for t in sub))
            if actor is not None:
                return actor
        return None

    def _country(self, tokens: list[NameToken]) -> tuple[Actor | None, list[str]]:
        for t in tokens:
            country = DEMONYMS.get(t.low)
            if country:
                actor = self.actors.resolve(country) or self.actors.resolve(t.text)
                keys = [normalize_name(country), t.low]
                if actor is not None:
                    keys += [normalize_name(x) for x in (actor.id, actor.name, *actor.aliases)]
                return actor, [k for k in keys if k]
        return None, []

    def _descriptor(self, a: _Segment) -> Speaker | None:
        head_words = [t.low for t in a.head if t.low not in DETERMINERS]
        country, country_keys = self._country(a.head)
        title = [w for w in head_words if w not in DEMONYMS]
        owner_keys: list[str] = []
        owner = None
        if a.possessor:
            owner = self._head_actor(a.possessor)
            owner_keys = [normalize_name(t.text) for t in a.possessor]
            if owner is not None:
                owner_keys += [normalize_name(x) for x in (owner.id, owner.name, *owner.aliases)]
        if not title or not (country_keys or owner_keys):
            if country is not None and not title:
                return Speaker.of(country, a.text, "descriptor")  # "the Russians"
            return None
        if country is not None and len(title) == 1 and title[0] in STATE_VOICE_NOUNS:
            return Speaker.of(country, a.text, "descriptor")  # "the Russian side"
        if owner is not None and title[-1] in _VOICE_OF_OWNER:
            return Speaker.of(owner, a.text, "descriptor")  # "Zelensky's office", "Trump's team"
        title_key = normalize_name(" ".join(title))
        matches = []
        for actor in self._people:
            role = normalize_name(actor.role)
            if not role or not has_words(role, title_key):
                continue
            if "elect" not in title_key and has_words(role, title_key + " elect"):
                continue
            keys = country_keys or owner_keys
            if any(has_words(role, k) or has_words(role, k + "s") for k in keys):
                matches.append(actor)
        if len(matches) == 1:
            return Speaker.of(matches[0], a.text, "descriptor")
        return None

    def _relayed(self, a: _Segment) -> Speaker | None:
        source = self._resolve_segment(a.relay)
        head = " ".join(t.text for t in a.head if t.low not in ("a", "an", "the"))
        if not head or head.split()[-1].lower() not in SPEAKER_NOUNS:
            return None
        verb = _RELAY_RE.search(a.text).group(0).strip()  # type: ignore[union-attr]
        names = [a.relay.strip()]
        if source is not None and source.known:
            actor = self.actors.get(source.id)
            names = [actor.name, *actor.aliases] if actor else [source.id]
        for name in names:
            for det in ("", "a ", "an ", "the "):
                actor = self.actors.resolve(f"{det}{head} {verb} {name}")
                if actor is not None:
                    return Speaker.of(actor, a.text, "relay")
        return Speaker(f"{head} {verb} {names[0]}", a.text, "unresolved", False)


def _run_before_head(head: list[NameToken]) -> list[NameToken]:
    """The capitalised run right before the head noun ("a State Department spokesperson")."""
    k = len(head) - 1
    while k > 0 and head[k - 1].capital and head[k - 1].low not in DETERMINERS:
        k -= 1
    run = head[k:-1]
    while run and run[0].low in NOT_PARTIES:
        run = run[1:]
    if not run or all(is_title(t) for t in run):
        return []
    return run


def _rank(s: Speaker) -> int:
    # A party stands in for an unnamed official: any name in the phrase outranks it.
    order = {"alias": 5, "name": 5, "relay": 4, "descriptor": 3, "document": 2, "unresolved": 1, "party": 1}
    # An unknown full name outranks an unknown description ("Mykhailo Podolyak, an adviser to …").
    named = not s.known and all(w[:1].isupper() for w in s.id.split())
    return order.get(s.method, 0) * 4 + (2 if named else 0) + (1 if s.kind == "person" else 0)


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


#: Heads that speak for their possessor ("Zelensky's office" speaks for Zelensky).
_VOICE_OF_OWNER = frozenset("office administration government team camp cabinet presidency".split())
#: Speaker nouns naming an institution rather than a person ("it said" can refer to them).
_INSTITUTION_NOUNS = frozenset(
    "ministry office government administration agency council commission committee court parliament "
    "service army military force forces navy guard police embassy mission alliance bloc union "
    "organisation organization newspaper daily weekly outlet broadcaster campaign party team media".split()
)


def _compatible(s: Speaker, want: str) -> bool:
    if want == "thing":
        return s.kind in ("state", "organisation", "city", "group", "other")
    if s.kind != "person":
        return False
    return not s.gender or s.gender == want
