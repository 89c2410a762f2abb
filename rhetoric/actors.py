"""Actor registry: canonical actors from ``actors.toml`` and alias resolution.

Alias matching ignores case, punctuation and diacritics, so "Zelenskyy",
"ZELENSKY" and "Zelenskiy" can all point at one actor.

Example:
    >>> reg = ActorRegistry.from_dict({"actors": {"putin": {"name": "Vladimir Putin",
    ...     "role": "President of Russia", "aliases": ["Putin", "Vladimir Putin"]}}})
    >>> reg.resolve("vladimir PUTIN").id
    'putin'
    >>> reg.resolve("Someone Else") is None
    True
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ActorError

ACTOR_KEYS = ("name", "role", "kind", "gender", "affiliation", "party", "aliases", "note")
ACTOR_KINDS = ("person", "state", "organisation", "group", "city", "other")

_PUNCT_RE = re.compile(r"[^\w\s]", re.UNICODE)
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def normalize_name(text: str) -> str:
    """Fold case, diacritics and punctuation; collapse whitespace.

    Example:
        >>> normalize_name("  Zelenskyy’s ")
        'zelenskyys'
        >>> normalize_name("Élysée-Palace")
        'elysee palace'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Apostrophes join ("Zelenskyy's" -> "zelenskyys"); other punctuation separates words.
    stripped = re.sub(r"['’`´]", "", stripped)
    return " ".join(_PUNCT_RE.sub(" ", stripped).casefold().split())


@dataclass(frozen=True)
class Actor:
    """A canonical actor: a person, state, organisation or group."""

    id: str
    name: str
    role: str = ""
    kind: str = "person"
    gender: str = ""
    aliases: tuple[str, ...] = field(default=())
    #: The actor this one speaks for (a president's state, a spokesman's government), or "".
    affiliation: str = ""
    note: str = ""
    #: The side this actor speaks for in timelines and comparisons (Hamas for its officials, Iran
    #: for its ministers), or "". An actor id or a free label.
    party: str = ""


def _party_value(value: object, *, path: str | None, actor_id: str) -> str:
    if not isinstance(value, str):
        raise ActorError(
            f"party must be a string, got {type(value).__name__}",
            path=path,
            field=f"{actor_id}.party",
            hint='name the side the actor speaks for, e.g. party = "hamas"',
        )
    return value.strip()


class ActorRegistry:
    """Canonical actors and their aliases, resolvable by any spelling."""

    def __init__(self, actors: Iterable[Actor] = ()) -> None:
        self._actors: dict[str, Actor] = {}
        self._index: dict[str, str] = {}
        for actor in actors:
            self.add(actor)

    def add(self, actor: Actor) -> None:
        """Register an actor; its id, name and aliases all resolve to it.

        Raises:
            ActorError: If the id exists or an alias already names another actor.
        """
        if actor.id in self._actors:
            raise ActorError(f"duplicate actor id {actor.id!r}", field=actor.id)
        self._actors[actor.id] = actor
        for alias in (actor.id, actor.name, *actor.aliases):
            key = normalize_name(alias)
            if not key:
                continue
            owner = self._index.get(key)
            if owner is not None and owner != actor.id:
                raise ActorError(
                    f"alias {alias!r} names both {owner!r} and {actor.id!r}",
                    field=f"{actor.id}.aliases",
                    hint="keep each alias under one actor",
                )
            self._index[key] = actor.id

    @classmethod
    def from_dict(cls, data: dict, *, path: str | None = None) -> ActorRegistry:
        """Build from parsed TOML (``[actors.<id>]`` tables).

        Raises:
            ActorError: Naming the table and field at fault.
        """
        table = data.get("actors", {})
        extra = [k for k in data if k != "actors"]
        if extra:
            raise ActorError(
                f"unknown top-level key(s): {', '.join(extra)}", path=path, hint="use [actors.<id>]"
            )
        if not isinstance(table, dict):
            raise ActorError("[actors] must be a table of tables", path=path)
        reg = cls()
        for actor_id, entry in table.items():
            if not _ID_RE.match(actor_id):
                raise ActorError(
                    f"actor id {actor_id!r} is not snake_case",
                    path=path,
                    field=actor_id,
                    hint="e.g. keith_kellogg",
                )
            if not isinstance(entry, dict):
                raise ActorError("must be a table", path=path, field=actor_id)
            unknown = [k for k in entry if k not in ACTOR_KEYS]
            if unknown:
                raise ActorError(
                    f"unknown key(s): {', '.join(unknown)}",
                    path=path,
                    field=actor_id,
                    hint=f"allowed: {', '.join(ACTOR_KEYS)}",
                )
            name = entry.get("name", "")
            if not isinstance(name, str) or not name.strip():
                raise ActorError("name is missing", path=path, field=f"{actor_id}.name")
            aliases = entry.get("aliases", [])
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise ActorError("aliases must be a list of strings", path=path, field=f"{actor_id}.aliases")
            kind = entry.get("kind", "person")
            if kind not in ACTOR_KINDS:
                raise ActorError(
                    f"unknown kind {kind!r}",
                    path=path,
                    field=f"{actor_id}.kind",
                    hint=f"use {', '.join(ACTOR_KINDS)}",
                )
            reg.add(
                Actor(
                    id=actor_id,
                    name=name,
                    role=str(entry.get("role", "")),
                    kind=kind,
                    gender=str(entry.get("gender", "")),
                    aliases=tuple(aliases),
                    affiliation=str(entry.get("affiliation", "")),
                    note=str(entry.get("note", "")),
                    party=_party_value(entry.get("party", ""), path=path, actor_id=actor_id),
                )
            )
        for actor in reg:
            if actor.affiliation and actor.affiliation not in reg:
                raise ActorError(
                    f"affiliation {actor.affiliation!r} is not an actor id",
                    path=path,
                    field=f"{actor.id}.affiliation",
                    hint="name the [actors.<id>] this actor speaks for",
                )
        return reg

    @classmethod
    def load(cls, path: str | Path) -> ActorRegistry:
        """Read ``actors.toml``; a missing file gives an empty registry.

        Raises:
            ActorError: If the file is not valid TOML or breaks the schema.
        """
        p = Path(path)
        if not p.exists():
            return cls()
        try:
            data = tomllib.loads(p.read_bytes().decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise ActorError(
                f"cannot parse actors file: not UTF-8 ({exc.reason} at byte {exc.start})",
                path=str(p),
                hint="save it as UTF-8",
            ) from None
        except tomllib.TOMLDecodeError as exc:
            raise ActorError(
                f"cannot parse actors file: {exc}", path=str(p), hint="fix the TOML at that line"
            ) from None
        return cls.from_dict(data, path=str(p))

    def resolve(self, name: str) -> Actor | None:
        """The actor a name refers to, or None. A leading "the" is optional."""
        key = normalize_name(name)
        actor_id = self._index.get(key)
        if actor_id is None and key.startswith("the "):
            actor_id = self._index.get(key[4:])
        if actor_id is None:
            actor_id = self._index.get("the " + key)
        return self._actors.get(actor_id) if actor_id else None

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this canonical id, or None."""
        return self._actors.get(actor_id)

    def party_of(self, actor_id: str) -> str:
        """The party an actor speaks for: its ``party``, else "" (unknown actors have none).

        Example:
            >>> reg = ActorRegistry([Actor("haniyeh", "Ismail Haniyeh", party="hamas")])
            >>> reg.party_of("haniyeh"), reg.party_of("someone")
            ('hamas', '')
        """
        actor = self._actors.get(actor_id)
        return actor.party if actor else ""

    def parties(self) -> dict[str, tuple[str, ...]]:
        """Each party named in the registry → its members' ids (the party's own actor included)."""
        out: dict[str, list[str]] = {}
        for actor in self._actors.values():
            if actor.party:
                out.setdefault(actor.party, []).append(actor.id)
        for party, members in out.items():
            if party in self._actors and party not in members:
                members.insert(0, party)
        return {k: tuple(v) for k, v in out.items()}

    def resolve_party(self, name: str) -> str | None:
        """The party a name refers to: a party label as written, or an actor that is a party.

        Example:
            >>> reg = ActorRegistry([Actor("hamas", "Hamas"), Actor("haniyeh", "Ismail Haniyeh", party="hamas")])
            >>> reg.resolve_party("HAMAS"), reg.resolve_party("Ismail Haniyeh"), reg.resolve_party("x")
            ('hamas', None, None)
        """
        parties = self.parties()
        key = normalize_name(name)
        for party in parties:
            if normalize_name(party) == key:
                return party
        actor = self.resolve(name)
        return actor.id if actor and actor.id in parties else None

    def aliases(self) -> dict[str, str]:
        """Every normalised alias mapped to its actor id."""
        return dict(self._index)

    def __iter__(self):
        return iter(self._actors.values())

    def __len__(self) -> int:
        return len(self._actors)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors
