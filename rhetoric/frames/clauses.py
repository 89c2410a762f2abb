"""Clause boundaries and the small word lists that frames and stances share.

Frames and stances look for mentions in regions of a sentence; a region stops at
a clause boundary (semicolon, spaced dash, ", but", "however", "said that" …).

Example:
    >>> s = "He said that talks are over, but a truce holds; nothing else."
    >>> [s[a:b] for a, b in boundaries(s)]
    ['said that', ', but', ';']
"""

from __future__ import annotations

import bisect
import re

_APOS = "['’]"
#: How far (characters) a clause region reaches from its cue: bounds the work on run-on text.
MAX_REACH = 600

BOUNDARY_RE = re.compile(
    r";"
    r"|\s[–—-]\s|[–—]"
    r"|,\s*(?:but|and|while|whereas|although|though|yet|so|because|as)(?!\w)"
    r"|(?<!\w)(?:but|however|whereas|although|though|because|meanwhile)(?!\w)"
    r"|(?<!\w)(?:said|says|say|stated|states|argued|argues|suggested|suggests|insisted|insists|warned|warns"
    r"|added|adds|noted|notes|claimed|claims|believes|believe|stressed|stresses|told\s+\w+|announced"
    r"|declared|emphasised|emphasized|explained|wrote|reiterated|repeated)\s+that(?!\w)",
    re.IGNORECASE,
)

NEGATION_RE = re.compile(
    r"(?<!\w)(?:not|no|never|cannot|can"
    + _APOS
    + r"t|won"
    + _APOS
    + r"t|wouldn"
    + _APOS
    + r"t|don"
    + _APOS
    + r"t"
    r"|doesn"
    + _APOS
    + r"t|isn"
    + _APOS
    + r"t|aren"
    + _APOS
    + r"t|shouldn"
    + _APOS
    + r"t|mustn"
    + _APOS
    + r"t"
    r"|couldn" + _APOS + r"t|impossible|nor|neither|nobody|nothing|out\s+of\s+the\s+question)(?!\w)",
    re.IGNORECASE,
)

#: Negated-possibility words that a cue absorbs when they stand right before it ("not possible until").
NEG_PREDICATE_BEFORE_CUE_RE = re.compile(
    r"(?:(?<!\w)(?:not|never)\s+(?:be\s+)?"
    r"(?:possible|feasible|acceptable|realistic|an\s+option)|impossible|out\s+of\s+the\s+question)\s*$",
    re.IGNORECASE,
)

MODAL_DEMAND_RE = re.compile(
    r"(?<!\w)(?:must|need|needs|needed|have\s+to|has\s+to|had\s+to|should|require|requires|required|"
    r"requiring|demand|demands|insist|insists|want|wants)(?!\w)",
    re.IGNORECASE,
)

COPULA_RE = re.compile(
    r"(?<!\w)(?:are|is|were|was|include|includes|remain|remains|would\s+be|will\s+be|must\s+be)(?!\w)|:",
    re.IGNORECASE,
)

#: Words that may stand between a clause boundary and a clause-initial cue ("But only if …").
FRONTING_FILLER_RE = re.compile(
    r"^(?:(?:and|but|so|yet|however|even|only|then|that|now|and\s+that|but\s+that)\s*,?\s*)*$", re.IGNORECASE
)


def boundaries(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of clause boundaries in ``text[start:end]``, left to right."""
    return [m.span() for m in BOUNDARY_RE.finditer(text, start, len(text) if end is None else end)]


def region_before(
    text: str, start: int, pos: int, bounds: list[tuple[int, int]], *, attach_across: bool = True
) -> int:
    """Start of the clause that ends at ``pos``: after the last boundary ending before it.

    A boundary touching ``pos`` (a dash or ", but" right before a cue) does not count,
    because the cue attaches across it ("a cease-fire – as long as …"); with
    ``attach_across=False`` (for a mention rather than a cue) it does. Never reaches
    further back than :data:`MAX_REACH` characters.
    """
    i = bisect.bisect_right(bounds, (pos, pos)) - 1
    while i >= 0:
        b_start, b_end = bounds[i]
        if b_end <= pos and b_start >= start and (text[b_end:pos].strip(" ,") or not attach_across):
            return max(b_end, pos - MAX_REACH)
        i -= 1
    return max(start, pos - MAX_REACH)


def region_after(text: str, pos: int, end: int, bounds: list[tuple[int, int]]) -> int:
    """End of the clause that starts at ``pos``: the first strong boundary after it, or ``end``.

    ", and" does not end the region: conditions are often listed ("withdraw, pay
    reparations, and restore the borders"). Never reaches further than :data:`MAX_REACH`.
    """
    limit = min(end, pos + MAX_REACH)
    for i in range(bisect.bisect_left(bounds, (pos, pos)), len(bounds)):
        b_start, b_end = bounds[i]
        if b_start >= limit:
            break
        if not _WEAK_AFTER_RE.match(text[b_start:b_end]):
            return b_start
    return limit


_WEAK_AFTER_RE = re.compile(r",\s*(?:and|so|as)$", re.IGNORECASE)
