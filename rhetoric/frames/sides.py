"""Helpers on the two sides of a frame: which mentions count, their tags, untagged condition text.

Example:
    >>> clean_other('  "withdraw all troops", ')
    'withdraw all troops'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..records import Mention
from ..types import Role

_MAX_OTHER_WORDS = 25


def clean_other(text: str) -> str:
    """An untagged condition's words, trimmed of punctuation and cut to a few dozen words."""
    words = text.strip(" \t\n,.;:!?\"'“”‘’«»()[]–—-").split()
    return " ".join(words[:_MAX_OTHER_WORDS])


def outermost(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """Mentions not strictly inside another one ("an agreement to end the war" is the agreement)."""
    if len(mentions) < 2:
        return mentions
    return tuple(
        m
        for m in mentions
        if not any(o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in mentions)
    )


def side_tags(mentions: Sequence[Mention]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end, m.tag)):
        seen.setdefault(m.tag, None)
    return tuple(seen)


def resolve_roles(
    outcomes: tuple[str, ...], conditions: tuple[str, ...], roles: Mapping[str, str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    both = set(outcomes) & set(conditions)
    if not both:
        return outcomes, conditions
    keep_out = {t for t in both if roles.get(t) == Role.OUTCOME.value}
    return (
        tuple(t for t in outcomes if t not in both or t in keep_out),
        tuple(t for t in conditions if t not in keep_out),
    )

__all__ = ["clean_other", "outermost", "resolve_roles", "side_tags"]
