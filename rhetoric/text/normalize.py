"""Folding for matching: casefold, strip diacritics, unify quotes/dashes/spaces, keep an offset map.

Matching happens on a folded copy of the text; mentions must point into the
original. :func:`fold` returns the folded string together with, for every folded
character, the original span it came from. Folding is per character (it never
looks at neighbours), so a folded substring always maps back to a whole,
contiguous original substring — also where folding changes the length
(``"ß"`` → ``"ss"``, ``"ﬁ"`` → ``"fi"``, a combining accent → nothing).

Example:
    >>> f = fold("İstanbul’s “Straße”")
    >>> f.text
    'istanbul\\'s "strasse"'
    >>> i = f.text.index("strasse")
    >>> f.original_span(i, i + 7)
    (12, 18)
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Typographic variants folded to one ASCII form before casefolding.
_APOSTROPHES = "\u2019\u2018\u201a\u201b\u02bc\u02bb\u2032\u0060\u00b4\uff07"
_DQUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a\uff02"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
_SPACES = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
# Invisible characters dropped outright (soft hyphen, zero-width space/joiners, BOM).
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Letters that carry a diacritic without a Unicode decomposition.
_LETTERS = {
    "ø": "o",
    "đ": "d",
    "ł": "l",
    "ħ": "h",
    "ı": "i",
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
    "ð": "d",
}

_SPECIAL: dict[str, str] = {
    **{c: "'" for c in _APOSTROPHES},
    **{c: '"' for c in _DQUOTES},
    **{c: "-" for c in _DASHES},
    **{c: " " for c in _SPACES},
    **{c: "" for c in _INVISIBLE},
}


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """Folded form of one character (possibly empty or longer than one character).

    Example:
        >>> [fold_char(c) for c in "Éß’\\u0301"]
        ['e', 'ss', "'", '']
    """
    special = _SPECIAL.get(ch)
    if special is not None:
        return special
    if ch.isascii():
        return ch.lower()
    # Compatibility decomposition (ﬁ → fi, ² → 2) only where it keeps the character's
    # class: a letter or digit must stay one run of letters/digits ("¼" would become
    # "1⁄4", two tokens), and a symbol must not turn into letters ("™" → "tm").
    for form in ("NFKD", "NFD"):
        piece = _strip_marks(unicodedata.normalize(form, ch.casefold()))
        if ch.isalnum() == (piece != "" and piece.isalnum()):
            return piece
    return ch.casefold()


def _strip_marks(text: str) -> str:
    out = []
    for c in text:
        if unicodedata.combining(c):
            continue
        c = _SPECIAL.get(c, c)
        out.append(_LETTERS.get(c, c))
    return "".join(out)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


class _FoldTable(dict):
    """``str.translate`` table that folds unseen characters on first use."""

    def __missing__(self, key: int) -> str:
        value = fold_char(chr(key))
        self[key] = value
        return value


_TABLE = _FoldTable()
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


class _NotLowerASCII(Exception):
    """A fold that the ASCII encoder cannot take as it is (see :func:`_translate`)."""


def _fold_run(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the fold of a run of non-ASCII characters, when it is lower-case ASCII."""
    assert isinstance(error, UnicodeEncodeError)
    folded = error.object[error.start : error.end].translate(_TABLE)
    if not folded.isascii() or folded.lower() != folded:
        raise _NotLowerASCII
    return folded, error.end


def _one_each(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: nothing, when each non-ASCII character of the run folds to one character."""
    assert isinstance(error, UnicodeEncodeError)
    if any(len(_TABLE[ord(c)]) != 1 for c in error.object[error.start : error.end]):
        raise _NotLowerASCII
    return "", error.end


# The ASCII encoder finds the non-ASCII runs far faster than a regex scan and hands each to a
# handler: one that folds it (every other character then only needs lower-casing), and one
# that checks the offset map stays the identity.
codecs.register_error("rhetoric.fold", _fold_run)
codecs.register_error("rhetoric.fold-one-each", _one_each)


def _translate(text: str) -> str:
    """``text.translate(_TABLE)``, faster on mostly-ASCII text (ASCII runs just lower-case)."""
    try:
        # Folds that are lower-case ASCII (quotes, dashes, most accented letters) go through the
        # encoder; lower() then only changes the ASCII characters of the text itself.
        return text.encode("ascii", "rhetoric.fold").decode("ascii").lower()
    except (_NotLowerASCII, UnicodeEncodeError):
        return _translate_runs(text)


def _translate_runs(text: str) -> str:
    """:func:`_translate` for any text: ASCII runs lower-cased, the rest translated."""
    out = []
    pos = 0
    for m in _NON_ASCII.finditer(text):
        out.append(text[pos : m.start()].lower())
        out.append(m.group().translate(_TABLE))
        pos = m.end()
    out.append(text[pos:].lower())
    return "".join(out)


def _folds_one_each(text: str) -> bool:
    """Whether every non-ASCII character of ``text`` folds to exactly one character."""
    try:
        text.encode("ascii", "rhetoric.fold-one-each")
    except _NotLowerASCII:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text and the map from its characters back to the original.

    Attributes:
        original: The text as given.
        text: The folded text.
        starts: For each folded character, the original index it came from; ``None``
            when folding kept every position (the identity map, the common case).
        ends: For each folded character, the original end index (after any combining
            marks that were dropped from it); ``None`` for the identity map.
    """

    original: str
    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the folded text to the original text.

        Args:
            start: Start index into :attr:`text`.
            end: End index into :attr:`text` (``end > start``).

        Returns:
            ``(start, end)`` into :attr:`original`.

        Example:
            >>> fold("Straße deal").original_span(7, 11)
            (6, 10)
        """
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def fold(text: str, *, folded_text: str | None = None) -> Folded:
    """Casefold, strip diacritics and unify typographic quotes, dashes and spaces.

    Args:
        text: Any text.
        folded_text: ``fold_text(text)`` when the caller has it already (not computed twice).

    Returns:
        A :class:`Folded` holding the folded text and its offset map.

    Example:
        >>> fold("Cease‑fire\\u00a0NOW").text
        'cease-fire now'
    """
    if text.isascii():
        return Folded(text, text.lower() if folded_text is None else folded_text)
    folded = _translate(text) if folded_text is None else folded_text
    # Identity map when every character folded to exactly one character and none was a
    # dropped combining mark: checking the distinct non-ASCII characters is enough.
    if len(folded) == len(text) and _folds_one_each(text):
        return Folded(text, folded)
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        piece = _TABLE[ord(ch)]
        if piece:
            starts.extend([i] * len(piece))
            ends.extend([i + 1] * len(piece))
        elif ends and ends[-1] == i and _is_mark(ch):
            # A dropped combining mark belongs to the preceding base character.
            n = len(ends) - 1
            while n >= 0 and ends[n] == i:
                ends[n] = i + 1
                n -= 1
    return Folded(text, folded, tuple(starts), tuple(ends))


def fold_text(text: str) -> str:
    """Only the folded string (no offset map).

    Example:
        >>> fold_text("Ukraine’s NATO bid")
        "ukraine's nato bid"
    """
    return text.lower() if text.isascii() else _translate(text)


__all__ = ["Folded", "fold", "fold_char", "fold_text"]
