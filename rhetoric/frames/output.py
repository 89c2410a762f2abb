"""Frames and stances as coloured rich text for the terminal.

The data formats (csv, json, jsonl, parquet) are written by :mod:`rhetoric.output.write` with
the columns of :mod:`rhetoric.output.spec`; this module only renders.

Example:
    >>> STANCE_STYLES["oppose"]
    'bold red'
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from ..records import Frame
from ..text.terminal import visible

OUTCOME_STYLE = "bold green"
CONDITION_STYLE = "bold yellow"
CUE_STYLE = "bold magenta"
STANCE_STYLES = {"support": "bold green", "oppose": "bold red", "neutral": "bold"}


def render_frame(text: str, frame: Frame, mentions: Iterable) -> Text:
    """The frame's evidence with outcome mentions, condition mentions and the cue coloured.

    Example:
        >>> from rhetoric.records import Frame, Mention
        >>> t = "No talks until withdrawal."
        >>> f = Frame(None, 0, "f", "", "", ("negotiations",), ("withdrawal",), "until", start=3, end=25)
        >>> ms = [Mention("negotiations", 3, 8, "talks", 0, "talks"), Mention("withdrawal", 15, 25, "withdrawal", 0, "w*")]
        >>> render_frame(t, f, ms).plain
        'talks until withdrawal'
    """
    out = Text(visible(text[frame.start : frame.end], keep_offsets=True))
    for m in mentions:
        if m.start < frame.start or m.end > frame.end:
            continue
        style = (
            OUTCOME_STYLE
            if m.tag in frame.outcomes
            else CONDITION_STYLE
            if m.tag in frame.conditions
            else None
        )
        if style:
            out.stylize(style, m.start - frame.start, m.end - frame.start)
    cue_at = text.lower().find(frame.cue.split(" … ")[0], frame.start, frame.end)
    if cue_at >= 0:
        out.stylize(CUE_STYLE, cue_at - frame.start, cue_at - frame.start + len(frame.cue.split(" … ")[0]))
    return out
