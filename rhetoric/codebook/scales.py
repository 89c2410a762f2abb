"""Ordered scales of tags: positions that move along a line (zero enrichment ↔ a cap ↔ high enrichment).

A codebook declares a scale as its steps in order, and which end is the hard line::

    [[scale]]
    id = "enrichment"
    steps = ["zero_enrichment", "enrichment_cap", "high_enrichment"]
    hard = "zero_enrichment"            # optional: the hard end for every speaker
    hard_for = { iran = "high_enrichment" }   # optional: per party or actor id

Between two positions of one speaker, the step each supports decides the movement
(:meth:`Scale.move`): towards the speaker's hard end is **hardened**, away from it
**softened**, from one end to the other **reversed** (whatever the direction); without a
hard end for the speaker a move between neighbouring steps is only **moved** (no verdict
signal). A tag belongs to at most one scale.

Example:
    >>> s = Scale("enrichment", ("zero_enrichment", "enrichment_cap", "high_enrichment"),
    ...           hard="zero_enrichment", hard_for=(("iran", "high_enrichment"),))
    >>> s.move("zero_enrichment", "enrichment_cap", "usa").value
    'softened'
    >>> s.move("high_enrichment", "enrichment_cap", "iran").value
    'softened'
    >>> s.move("zero_enrichment", "high_enrichment", "usa").value
    'reversed'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

SCALE_KEYS = ("id", "label", "steps", "hard", "hard_for")
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class Movement(StrEnum):
    """How a speaker's step on a scale changed between two positions."""

    SOFTENED = "softened"
    HARDENED = "hardened"
    REVERSED = "reversed"
    MOVED = "moved"


@dataclass(frozen=True)
class Scale:
    """An ordered scale of tags.

    Attributes:
        id: snake_case identifier.
        steps: Tag ids in order, from one end to the other (at least two).
        hard: The end that is the hard line for speakers not in ``hard_for`` ("" = unknown).
        hard_for: ``(party or actor id, end)`` pairs: whose hard line is which end.
        label: Human label.
    """

    id: str
    steps: tuple[str, ...]
    hard: str = ""
    hard_for: tuple[tuple[str, str], ...] = ()
    label: str = ""

    def hard_end(self, *who: str) -> str:
        """The hard end for the first of ``who`` (speaker, party) named in ``hard_for``, else ``hard``.

        Example:
            >>> Scale("s", ("a", "b"), hard="a", hard_for=(("x", "b"),)).hard_end("y", "x")
            'b'
        """
        named = dict(self.hard_for)
        return next((named[w] for w in who if w in named), self.hard)

    def step(self, supported: Iterable[str], *who: str) -> str | None:
        """The step a position is at, given the tags it supports (None: none of the steps).

        Several supported steps: the one nearest the speaker's hard end (the firmest demand);
        without a hard end, None (no single step).

        Example:
            >>> Scale("s", ("a", "b", "c"), hard="c").step(["a", "b", "other"])
            'b'
        """
        mine = [t for t in self.steps if t in set(supported)]
        if len(mine) <= 1:
            return mine[0] if mine else None
        hard = self.hard_end(*who)
        if not hard:
            return None
        h = self.steps.index(hard)
        return min(mine, key=lambda t: abs(self.steps.index(t) - h))

    def move(self, before: str, after: str, *who: str) -> Movement | None:
        """The movement from step ``before`` to step ``after`` for a speaker (None: no move).

        Args:
            before: The earlier step.
            after: The later step.
            who: The speaker's ids, most specific first (actor id, then party).

        Example:
            >>> Scale("s", ("a", "b", "c")).move("a", "b").value
            'moved'
        """
        if before == after:
            return None
        i, j = self.steps.index(before), self.steps.index(after)
        if {i, j} == {0, len(self.steps) - 1}:
            return Movement.REVERSED
        hard = self.hard_end(*who)
        if not hard:
            return Movement.MOVED
        h = self.steps.index(hard)
        return Movement.HARDENED if abs(j - h) < abs(i - h) else Movement.SOFTENED

    def with_parties(self, party_of: Callable[[str], str], actor_ids: Iterable[str]) -> Scale:
        """The scale with ``hard_for`` extended from parties to their members' actor ids.

        Example:
            >>> s = Scale("s", ("a", "b"), hard_for=(("iran", "b"),))
            >>> s.with_parties({"araghchi": "iran"}.get, ["araghchi", "us"]).hard_end("araghchi")
            'b'
        """
        named = dict(self.hard_for)
        extra = [
            (a, named[party_of(a) or ""])
            for a in actor_ids
            if a not in named and (party_of(a) or "") in named
        ]
        return Scale(self.id, self.steps, self.hard, (*self.hard_for, *extra), self.label)


def _where(index: int, raw: dict) -> str:
    sid = raw.get("id")
    return f"scale.{sid}" if isinstance(sid, str) and _ID_RE.match(sid) else f"scale{index}"


def _end(value: Any, steps: tuple[str, ...], where: str, problems: list[str]) -> str:
    """A valid end step, or "" with a problem."""
    ends = (steps[0], steps[-1]) if steps else ()
    if not isinstance(value, str):
        problems.append(f"[{where}] must be a tag id (an end of the scale)")
        return ""
    if ends and value not in ends:
        problems.append(f"[{where}] {value!r} is not an end of the scale (use {ends[0]!r} or {ends[1]!r})")
        return ""
    return value


def _parse_one(
    index: int, raw: Any, tag_ids: set[str], owner: dict[str, str], ids: set[str], problems: list[str]
) -> Scale | None:
    """One ``[[scale]]`` table; None when it has a problem."""
    before = len(problems)
    if not isinstance(raw, dict):
        problems.append(f"[scale{index}] must be a table")
        return None
    where = _where(index, raw)
    for key in raw:
        if key not in SCALE_KEYS:
            problems.append(f"[{where}.{key}] unknown key (allowed: {', '.join(SCALE_KEYS)})")
    sid = raw.get("id")
    if sid is None:
        problems.append(f"[{where}.id] is missing")
    elif not isinstance(sid, str) or not _ID_RE.match(sid):
        problems.append(f"[{where}.id] {sid!r} is not a snake_case id (e.g. enrichment)")
    elif sid in ids:
        problems.append(f"[{where}.id] duplicate scale id")
    else:
        ids.add(sid)
    label = raw.get("label", "")
    if not isinstance(label, str):
        problems.append(f"[{where}.label] must be a string")
    raw_steps = raw.get("steps")
    steps: tuple[str, ...] = ()
    if raw_steps is None:
        problems.append(f"[{where}.steps] is missing")
    elif not isinstance(raw_steps, list) or not all(isinstance(t, str) for t in raw_steps):
        problems.append(f"[{where}.steps] must be a list of tag ids")
    elif len(raw_steps) < 2:
        problems.append(f"[{where}.steps] has {len(raw_steps)} step(s); a scale needs at least 2")
    else:
        steps = tuple(raw_steps)
        for tag in dict.fromkeys(steps):
            if steps.count(tag) > 1:
                problems.append(f"[{where}.steps] {tag!r} appears {steps.count(tag)} times")
            if tag not in tag_ids:
                problems.append(f"[{where}.steps] unknown tag {tag!r}")
            elif tag in owner:
                problems.append(
                    f"[{where}.steps] {tag!r} is already a step of scale {owner[tag]!r} (a tag belongs to one scale)"
                )
            else:
                owner[tag] = sid if isinstance(sid, str) else where
    hard = _end(raw["hard"], steps, f"{where}.hard", problems) if "hard" in raw else ""
    hard_for: list[tuple[str, str]] = []
    raw_for = raw.get("hard_for", {})
    if not isinstance(raw_for, dict):
        problems.append(
            f'[{where}.hard_for] must be a table of party = end, e.g. {{ iran = "high_enrichment" }}'
        )
    else:
        for who, end in raw_for.items():
            value = _end(end, steps, f"{where}.hard_for.{who}", problems)
            if value:
                hard_for.append((who, value))
    if len(problems) > before:
        return None
    return Scale(sid, steps, hard, tuple(hard_for), label)


def parse_scales(raw: Any, *, tag_ids: set[str]) -> tuple[tuple[Scale, ...], list[str]]:
    """The codebook's ``[[scale]]`` tables, validated.

    Args:
        raw: The parsed ``scale`` value (None when absent).
        tag_ids: The codebook's tag ids (steps must be among them).

    Returns:
        ``(scales, problems)``: the scales without problems; problems as ``[scale.ID.field] message``.

    Example:
        >>> parse_scales([{"id": "x", "steps": ["a"]}], tag_ids={"a"})[1]
        ['[scale.x.steps] has 1 step(s); a scale needs at least 2']
    """
    if raw is None:
        return (), []
    if not isinstance(raw, list):
        return (), ["[scale] must be an array of tables: write [[scale]], not [scale]"]
    problems: list[str] = []
    owner: dict[str, str] = {}
    ids: set[str] = set()
    scales = [_parse_one(i, entry, tag_ids, owner, ids, problems) for i, entry in enumerate(raw, start=1)]
    return tuple(s for s in scales if s is not None), problems


__all__ = ["SCALE_KEYS", "Movement", "Scale", "parse_scales"]
