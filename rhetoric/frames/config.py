"""Per-corpus frames settings from the codebook's ``[frames]`` table: extra cues and opposite tags.

Example:
    >>> cfg = FramesConfig.from_codebook_table({"opposites": [["borders_1991", "territorial_concession"]]})
    >>> cfg.opposites
    (('borders_1991', 'territorial_concession'),)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import CodebookError
from .cues import CueTable, cue_table

if TYPE_CHECKING:
    from ..lang import Language

FRAMES_KEYS = ("cue", "opposites")


@dataclass(frozen=True)
class FramesConfig:
    """Cue table and opposite-tag pairs for one corpus."""

    cues: CueTable
    opposites: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_codebook_table(
        cls, table: Any, *, tag_ids: Iterable[str] | None = None, language: Language | None = None
    ) -> FramesConfig:
        """Validate a codebook's ``[frames]`` table.

        Args:
            table: The parsed ``[frames]`` table (or None).
            tag_ids: Known tag ids; opposites naming other tags are errors when given.
            language: The codebook's language data (:func:`rhetoric.lang.language_of`); English when None.

        Raises:
            CodebookError: Listing every problem as ``[frames.field] message``.
        """
        if not table:
            return cls(cue_table(language))
        problems: list[str] = []
        if not isinstance(table, dict):
            raise CodebookError("invalid [frames] table", problems=["[frames] must be a table"])
        for key in table:
            if key not in FRAMES_KEYS:
                problems.append(f"[frames.{key}] unknown key (allowed: {', '.join(FRAMES_KEYS)})")
        known = set(tag_ids) if tag_ids is not None else None
        pairs: list[tuple[str, str]] = []
        raw = table.get("opposites", [])
        if not isinstance(raw, list):
            problems.append("[frames.opposites] must be a list of [tag, tag] pairs")
            raw = []
        for i, pair in enumerate(raw):
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(t, str) for t in pair)):
                problems.append(
                    f'[frames.opposites[{i}]] must be a pair of tag ids, e.g. ["neutrality", "nato_membership"]'
                )
                continue
            unknown = [t for t in pair if known is not None and t not in known]
            if unknown:
                problems.append(f"[frames.opposites[{i}]] unknown tag(s): {', '.join(unknown)}")
                continue
            pairs.append((pair[0], pair[1]))
        cues = cue_table(language)
        entries = table.get("cue", [])
        if entries:
            if not isinstance(entries, list):
                problems.append("[frames.cue] must be an array of tables ([[frames.cue]])")
            else:
                try:
                    cues = cues.extended(entries)
                except CodebookError as exc:
                    problems.extend(exc.problems)
        if problems:
            raise CodebookError("invalid [frames] table in the codebook", problems=problems)
        return cls(cues, tuple(pairs))
