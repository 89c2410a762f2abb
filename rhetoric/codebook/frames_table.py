"""The codebook's ``[frames]`` table: its schema (extra condition cues, opposite tags), owned here.

The frames stage reads the validated table (:class:`rhetoric.frames.config.FramesConfig`);
``codebook check`` reports its problems without loading the frames stage.

Example:
    >>> t = frames_table({"opposites": [["borders_1991", "territorial_concession"]]})
    >>> t.opposites
    (('borders_1991', 'territorial_concession'),)
    >>> parse_frames_table({"opposite": []})[1]
    ['[frames.opposite] unknown key (allowed: cue, opposites)']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..errors import CodebookError
from ..lang import validate_cues

FRAMES_KEYS = ("cue", "opposites")


@dataclass(frozen=True)
class FramesTable:
    """A validated ``[frames]`` table: extra cue records (``[[frames.cue]]``) and opposite tag pairs."""

    cues: tuple[dict[str, Any], ...] = ()
    opposites: tuple[tuple[str, str], ...] = ()


def _opposites(raw: Any, known: set[str] | None, problems: list[str]) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, list):
        problems.append("[frames.opposites] must be a list of [tag, tag] pairs")
        return ()
    pairs: list[tuple[str, str]] = []
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
    return tuple(pairs)


def parse_frames_table(table: Any, *, tag_ids: Iterable[str] | None = None) -> tuple[FramesTable, list[str]]:
    """Validate a codebook's ``[frames]`` table, collecting every problem.

    Args:
        table: The parsed ``[frames]`` table (or None).
        tag_ids: Known tag ids; opposites naming other tags are problems when given.

    Returns:
        The table (what was valid of it) and the problems as ``[frames.field] message``.
    """
    if not table:
        return FramesTable(), []
    if not isinstance(table, dict):
        return FramesTable(), ["[frames] must be a table"]
    problems = [
        f"[frames.{key}] unknown key (allowed: {', '.join(FRAMES_KEYS)})"
        for key in table
        if key not in FRAMES_KEYS
    ]
    known = set(tag_ids) if tag_ids is not None else None
    opposites = _opposites(table.get("opposites", []), known, problems)
    cues: tuple[dict[str, Any], ...] = ()
    entries = table.get("cue", [])
    if entries:
        if not isinstance(entries, list):
            problems.append("[frames.cue] must be an array of tables ([[frames.cue]])")
        else:
            cues = validate_cues(entries, "frames.cue", problems)
    return FramesTable(cues, opposites), problems


def frames_table(table: Any, *, tag_ids: Iterable[str] | None = None) -> FramesTable:
    """The validated ``[frames]`` table.

    Raises:
        CodebookError: Listing every problem as ``[frames.field] message``.
    """
    parsed, problems = parse_frames_table(table, tag_ids=tag_ids)
    if problems:
        not_a_table = problems == ["[frames] must be a table"]
        message = "invalid [frames] table" if not_a_table else "invalid [frames] table in the codebook"
        raise CodebookError(message, problems=problems)
    return parsed
