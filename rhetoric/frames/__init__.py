"""Frames stage: condition frames (who demands what, for what, how firmly) and stances.

Example:
    >>> from rhetoric.frames import default_cue_table
    >>> "until" in {c.id for c in default_cue_table().cues}
    True
"""

from .cues import CueTable, default_cue_table

__all__ = ["CueTable", "default_cue_table"]
