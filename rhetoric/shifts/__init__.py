"""Shifts stage: positions of a speaker, the diff of two statements (or sets), timelines.

Modules: :mod:`.positions` (aggregate a position), :mod:`.compare` (diff two positions),
:mod:`.verdict` (the rule set), :mod:`.timeline` (an actor over time), :mod:`.model` (records).

Example:
    >>> from rhetoric.shifts import Verdict
    >>> Verdict.SOFTENED.value
    'softened'
"""

from .model import ChangeEvent, EventType, Evidence, Shift, StanceChange, TagRole, TagState, Verdict

__all__ = ["ChangeEvent", "EventType", "Evidence", "Shift", "StanceChange", "TagRole", "TagState", "Verdict"]
