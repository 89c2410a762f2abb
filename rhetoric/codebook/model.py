"""Codebook records: the codebook and its tag specifications (frozen dataclasses).

Example:
    >>> t = TagSpec(id="truce", label="Truce", description="A pause.", role=Role.OUTCOME,
    ...             patterns=("truce",))
    >>> cb = Codebook(name="demo", version="1", language="en", description="", tags=(t,))
    >>> cb.tag("truce").label
    'Truce'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import NotFoundError
from ..types import Role, TagId
from .scales import Scale


@dataclass(frozen=True)
class TagSpec:
    """One codebook tag: what it covers (for coders) and how to find it (patterns).

    Attributes:
        id: snake_case identifier, e.g. ``nato_membership``.
        label: Short human label.
        description: The coding rule, in words a human coder would apply.
        role: Usual part in a condition frame (outcome, condition or either).
        patterns: Pattern-language strings that find the tag.
        exclude: Patterns whose matches suppress overlapping matches of this tag.
        examples_positive: Sentences the tag must match.
        examples_negative: Sentences the tag must not match.
        negated: The patterns (a subset of ``patterns``) that mean the opposite of the tag
            (``polarity = "negated"``): their mentions carry ``polarity="negated"``.
        overrides: Tags whose mentions this tag's mentions replace where they overlap.
    """

    id: TagId
    label: str
    description: str
    role: Role
    patterns: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    examples_positive: tuple[str, ...] = ()
    examples_negative: tuple[str, ...] = ()
    negated: tuple[str, ...] = ()
    overrides: tuple[TagId, ...] = ()


@dataclass(frozen=True)
class Codebook:
    """A loaded codebook.

    Attributes:
        name: Codebook name.
        version: Free-form version string.
        language: Language code of the patterns (e.g. ``en``).
        description: What the codebook is for.
        tags: Tag specifications in file order.
        sha256: Hex digest of the file's bytes (identifies the codebook a result came from).
        path: File it was loaded from, if any.
        extensions: Extension tables passed through untouched (``{"frames": {...}}``).
        scales: Ordered scales of tags (``[[scale]]``, see :mod:`rhetoric.codebook.scales`).
    """

    name: str
    version: str
    language: str
    description: str
    tags: tuple[TagSpec, ...]
    sha256: str = ""
    path: Path | None = None
    extensions: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    scales: tuple[Scale, ...] = ()

    @property
    def tag_ids(self) -> tuple[TagId, ...]:
        """Tag ids in file order."""
        return tuple(t.id for t in self.tags)

    def tag(self, tag_id: TagId) -> TagSpec:
        """The tag with this id.

        Raises:
            NotFoundError: If the codebook has no such tag.
        """
        for t in self.tags:
            if t.id == tag_id:
                return t
        raise NotFoundError(
            f"no tag {tag_id!r} in codebook {self.name!r}",
            hint=f"known tags: {', '.join(self.tag_ids)}",
        )

    def summary(self) -> list[dict[str, Any]]:
        """One row per tag: id, role, label and pattern/exclude/example counts.

        Example:
            >>> Codebook("x", "1", "en", "", ()).summary()
            []
        """
        return [
            {
                "tag": t.id,
                "role": t.role.value,
                "label": t.label,
                "patterns": len(t.patterns),
                "exclude": len(t.exclude),
                "positive": len(t.examples_positive),
                "negative": len(t.examples_negative),
            }
            for t in self.tags
        ]


__all__ = ["Codebook", "TagSpec"]
