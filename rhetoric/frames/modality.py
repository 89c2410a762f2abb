"""Modality of a position: firm, open, hypothetical or neutral, from marker words near the frame.

Example:
    >>> modality_of("Talks are not possible until they leave.", 0, 40, anchor=0)
    'firm'
    >>> modality_of("He opened up to a truce as long as guarantees hold.", 0, 51, anchor=16)
    'open'
"""

from __future__ import annotations

import re

from ..types import Modality

_A = "['’]"

FIRM_RE = re.compile(
    r"(?<!\w)(?:must|will\s+not|won"
    + _A
    + r"t|will\s+never|never|necessary|non[-‐‑\s]?negotiable|red\s+lines?"
    r"|insist\w*|demand\w*|cannot|can" + _A + r"t|can\s+not|(?:is|are|be|was)?\s*not\s+possible|impossible"
    r"|ha(?:ve|s|d)\s+to|under\s+no\s+circumstances|requir\w+|out\s+of\s+the\s+question|unacceptable"
    r"|not\s+acceptable|essential|no\s+way|firmly|absolutely|categorically|only\s+if|only\s+after|only\s+when"
    r"|need\s+to|needs\s+to|we\s+need|shall\s+not)(?!\w)",
    re.IGNORECASE,
)
OPEN_RE = re.compile(
    r"(?<!\w)(?:could|may|might|ready\s+to|ready\s+for|willing\w*|open\s+to|open(?:s|ed|ing)?\s+up\s+to"
    r"|open\s+up\s+to|consider\w*|possible|possibly|prepared\s+to|can\s+imagine|not\s+rul(?:e|ing)\s+out"
    r"|flexib\w+|compromise\w*|would\s+accept|could\s+accept|perhaps|maybe|in\s+principle|signal(?:s|ed|led)?"
    r"|hint(?:s|ed)?|offer(?:s|ed)?)(?!\w)",
    re.IGNORECASE,
)
HYPOTHETICAL_RE = re.compile(
    r"(?<!\w)(?:if\s+(?:we|you|they|he|she|it|\w+)\s+(?:really\s+)?(?:want|wants|wanted|were|was|would|wish|wishes)"
    r"|hypothetical\w*|in\s+theory|in\s+the\s+event|suppose|supposing|imagine\s+that|were\s+(?:we|they)\s+to)(?!\w)",
    re.IGNORECASE,
)


def modality_of(text: str, start: int, end: int, *, anchor: int) -> str:
    """Classify the modality of ``text[start:end]``.

    Hypothetical markers win; otherwise firm or open, and where both occur the marker
    nearest to ``anchor`` (the outcome's position) decides, ties going to firm.

    Args:
        text: The statement text.
        start: Start of the region to read.
        end: End of the region.
        anchor: Offset of what the modality is about (usually the first outcome mention).

    Returns:
        A :class:`~rhetoric.types.Modality` value.
    """
    if HYPOTHETICAL_RE.search(text, start, end):
        return Modality.HYPOTHETICAL.value
    firm = [m.span() for m in FIRM_RE.finditer(text, start, end)]
    open_ = [
        m.span()
        for m in OPEN_RE.finditer(text, start, end)
        # "not possible" is firm, already counted; do not count its "possible" as open.
        if not any(fs <= m.start() < fe for fs, fe in firm)
    ]
    if firm and not open_:
        return Modality.FIRM.value
    if open_ and not firm:
        return Modality.OPEN.value
    if not firm:
        return Modality.NEUTRAL.value

    def dist(span: tuple[int, int]) -> int:
        return min(abs(span[0] - anchor), abs(span[1] - anchor))

    return Modality.FIRM.value if min(map(dist, firm)) <= min(map(dist, open_)) else Modality.OPEN.value
