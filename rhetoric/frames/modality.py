"""Modality of a position (firm, open, hypothetical, neutral) and a statement's commitment.

The marker words live in ``rhetoric/lang/<code>/modality.toml``; this module only
decides which marker wins.

Example:
    >>> modality_of("Talks are not possible until they leave.", 0, 40, anchor=0)
    'firm'
    >>> modality_of("He opened up to a truce as long as guarantees hold.", 0, 51, anchor=16)
    'open'
    >>> commitment_of("Perhaps a truce could work.", has_stance=True)
    <Commitment.HEDGED: 'hedged'>
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import Language, per_language
from ..types import Commitment, Modality
from .lexicon import Head, Lexicon, Source


@dataclass(frozen=True)
class ModalityWords:
    """The compiled marker regexes of one language."""

    firm: Lexicon
    open: Lexicon
    hypothetical: Lexicon
    hedged: Lexicon
    commitment_open: Lexicon
    negated_before: re.Pattern[str]


def _compile(language: Language) -> ModalityWords:
    """The marker regexes of ``language`` (use :data:`modality_words`, which keeps them)."""
    keys = ("firm", "open", "hypothetical", "hedged")
    ignore = language.pattern("modality", "commitment_ignores_open")

    def listed(key: str) -> Source:
        return lambda head: rf"(?<!\w)(?:{head('modality', key)})(?!\w)"

    def commitment_open(head: Head) -> str:
        # "may" before a day number is the month ("from May 12").
        return rf"(?<!\w)(?!(?:{ignore})(?!\w))(?:{head('modality', 'open')})(?!\w)(?!\s+\d)"

    lexicons = [Lexicon.of(language, listed(key), [("modality", key)]) for key in keys]
    commitment_open_ = Lexicon.of(language, commitment_open, [("modality", "open")])
    neg = f"{language.pattern('negation', 'negators')}|{language.pattern('negation', 'negated_modals')}"
    negated_before = re.compile(rf"(?<!\w)(?:{neg})\s+(?:\w+\s+)?$", re.IGNORECASE)
    return ModalityWords(*lexicons, commitment_open_, negated_before)


#: The marker regexes of a language (English when None), compiled once per language object.
modality_words = per_language(_compile)


def modality_of(text: str, start: int, end: int, *, anchor: int, language: Language | None = None) -> str:
    """Classify the modality of ``text[start:end]``.

    Hypothetical markers win; otherwise firm or open, and where both occur the marker
    nearest to ``anchor`` (the outcome's position) decides, ties going to firm.

    Args:
        text: The statement text.
        start: Start of the region to read.
        end: End of the region.
        anchor: Offset of what the modality is about (usually the first outcome mention).
        language: Language data; English when omitted.

    Returns:
        A :class:`~rhetoric.types.Modality` value.
    """
    words = modality_words(language)
    if words.hypothetical.search(text, start, end):
        return Modality.HYPOTHETICAL.value
    firm = [m.span() for m in words.firm.finditer(text, start, end)]
    open_ = [
        m.span()
        for m in words.open.finditer(text, start, end)
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


def commitment_of(
    text: str, *, has_stance: bool, about_items: bool = False, language: Language | None = None
) -> Commitment:
    """How firmly a statement commits its speaker: none, hedged, open or firm.

    A statement that takes no stance commits to nothing, unless it speaks about an item
    (``about_items``) with a marker of commitment ("we must …", "we are ready to …": a stance the
    reader did not catch is still a commitment); a hedge ("perhaps", "I think",
    "we hope") outweighs everything; a firm marker ("must", "insisted", "unacceptable")
    outweighs readiness, and so does readiness denied ("not ready to", "is not considering");
    readiness or room to move alone ("ready to", "could accept", "open to") is open; a stance
    put without any marker is firm.

    Args:
        text: The statement text.
        has_stance: Whether the speaker supports or opposes any tagged item.
        language: Language data; English when omitted.

    Example:
        >>> commitment_of("We are ready for talks.", has_stance=True).value
        'open'
        >>> commitment_of("Talks took place.", has_stance=False, about_items=True).value
        'none'
        >>> commitment_of("Talks must resume.", has_stance=False, about_items=True).value
        'firm'
    """
    if not has_stance and not about_items:
        return Commitment.NONE
    words = modality_words(language)
    end = len(text)
    # Each marker class is searched once (a statement without a stance needs one of them).
    hedged = words.hedged.search(text, 0, end) is not None
    if hedged:
        return Commitment.HEDGED
    opens = list(words.commitment_open.finditer(text, 0, end))
    firm = words.firm.search(text, 0, end) is not None
    if not has_stance and not firm and not opens:
        return Commitment.NONE
    # Readiness denied is a refusal: "we are not ready to", "is not considering" commit firmly.
    refused = [m for m in opens if words.negated_before.search(text, max(0, m.start() - 30), m.start())]
    if firm or refused or not opens:
        return Commitment.FIRM
    return Commitment.OPEN
