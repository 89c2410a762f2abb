"""Per-corpus frames settings from the codebook's ``[frames]`` table: extra cues and opposite tags.

The table's schema belongs to the codebook (:mod:`rhetoric.codebook.frames_table`); this module
turns the validated table into the frames stage's cue table.

Example:
    >>> cfg = FramesConfig.from_codebook_table({"opposites": [["borders_1991", "territorial_concession"]]})
    >>> cfg.opposites
    (('borders_1991', 'territorial_concession'),)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..codebook.frames_table import frames_table
from ..lang import language_of
from .cues import CueSpec, CueTable, cue_table

if TYPE_CHECKING:
    from ..codebook.model import Codebook
    from ..lang import Language


@dataclass(frozen=True)
class FramesConfig:
    """Cue table and opposite-tag pairs for one corpus."""

    cues: CueTable
    opposites: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_codebook(cls, codebook: Codebook) -> FramesConfig:
        """The settings of a loaded codebook (its ``[frames]`` table, in the codebook's language).

        Raises:
            CodebookError: Listing every problem as ``[frames.field] message``.
        """
        return cls.from_codebook_table(
            codebook.extensions.get("frames"), tag_ids=codebook.tag_ids, language=language_of(codebook)
        )

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
        spec = frames_table(table, tag_ids=tag_ids)
        cues = cue_table(language)
        if spec.cues:
            cues = CueTable([*cues.cues, *map(CueSpec.from_record, spec.cues)], language=cues.language)
        return cls(cues, spec.opposites)
