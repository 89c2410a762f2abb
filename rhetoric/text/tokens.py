"""Word tokens with character offsets into the original text, Unicode-aware.

Tokens are found on the folded text (see :mod:`rhetoric.text.normalize`) and carry
offsets into the original. The rules a reader expects:

- A word is a run of letters and digits in any script (an accented letter is a
  word character; combining accents stay inside their word).
- Apostrophes inside a word keep it whole (``don't``, ``o'clock``); a possessive
  ``'s`` is dropped from the token (``Ukraine’s`` → ``ukraine``).
- Hyphens and dashes split words (``pre-1991`` → ``pre``, ``1991``; ``cease-fire``
  → ``cease``, ``fire``); :attr:`Token.joined` records that a token was attached
  to the previous one by a hyphen, so ``pre-1991 borders`` still matches ``1991 borders``.
- Initialisms are one token whose form drops the dots (``U.S.`` → ``us``).
- Numbers keep their inner separators (``10,000``, ``3.5``).
- The symbols of :data:`SYMBOLS` (``%``, ``§``, currency signs) are tokens of their own, so
  ``60%`` and ``60 %`` are both ``60``, ``%`` and a codebook pattern can say ``3.67%``.

Example:
    >>> [(t.norm, t.start, t.end) for t in tokenize("The U.S. backs pre-1991 borders.")]
    [('the', 0, 3), ('us', 4, 8), ('backs', 9, 14), ('pre', 15, 18), ('1991', 19, 23), ('borders', 24, 31)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import Folded, fold

#: Symbols that are tokens of their own (a domain's numbers need them: ``3.67%``, ``§ 5``, ``$6bn``).
SYMBOLS = "%‰§$€£"

#: The token regex (groups abbr, num, word, sym); see :func:`iter_folded_tokens` for how matches become tokens.
TOKEN_RE = re.compile(
    r"""
    (?P<abbr>[^\W\d_](?:\.[^\W\d_](?![^\W\d_]))+\.?)  # initialisms: U.S., U.K, e.g. (each a single letter:
                                                  # one that folds to two, Þ → th, is a word)
    | (?P<num>\d+(?:[.,]\d+)+)                    # numbers with separators: 10,000  3.5
    | (?P<word>[^\W_]+(?:'[^\W_]+)*)              # words, with inner apostrophes
    """
    + rf"| (?P<sym>[{re.escape(SYMBOLS)}])  # symbols (SYMBOLS), one per token",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Token:
    """One word token.

    Attributes:
        norm: Folded form used for matching (lower case, no diacritics, no dots in initialisms).
        start: Start offset into the original text.
        end: End offset into the original text (``text[start:end]`` is the word as written).
        joined: Whether a hyphen (and nothing else) separates it from the previous token.
    """

    norm: str
    start: int
    end: int
    joined: bool = False


def iter_folded_tokens(folded: str, start: int = 0, end: int | None = None):
    """Yield ``(norm, fstart, fend, joined)`` for tokens of a folded string between offsets.

    Offsets are into the folded string. This is the hot loop; it builds no objects.

    Example:
        >>> list(iter_folded_tokens("cease-fire, u.s. side"))
        [('cease', 0, 5, False), ('fire', 6, 10, True), ('us', 12, 16, False), ('side', 17, 21, False)]
    """
    prev_end = -2
    for m in TOKEN_RE.finditer(folded, start, len(folded) if end is None else end):
        s, e = m.span()
        kind = m.lastgroup
        norm = m.group()
        if kind == "abbr":
            norm = norm.replace(".", "")
        elif kind == "word" and norm.endswith("'s") and len(norm) > 2:
            norm = norm[:-2]
            e -= 2
        joined = s == prev_end + 1 and folded[prev_end] == "-"
        prev_end = e
        yield norm, s, e, joined


def tokenize_folded(folded: Folded, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of a folded text between folded offsets, with offsets into the original.

    Args:
        folded: The result of :func:`~rhetoric.text.normalize.fold`.
        start: Folded start offset (e.g. a sentence start).
        end: Folded end offset.

    Returns:
        The tokens, in order.
    """
    span = folded.original_span
    out = []
    for norm, s, e, joined in iter_folded_tokens(folded.text, start, end):
        os_, oe = span(s, e)
        out.append(Token(norm, os_, oe, joined))
    return out


def tokenize(text: str) -> list[Token]:
    """Word tokens of ``text`` with offsets into it.

    Args:
        text: Any text.

    Returns:
        The tokens, in order; ``text[t.start:t.end]`` is each token as written.

    Example:
        >>> [(t.norm, text[t.start:t.end]) for text in ["Straße’s café"] for t in tokenize(text)]
        [('strasse', 'Straße'), ('cafe', 'café')]
    """
    return tokenize_folded(fold(text))


def word_norm(word: str) -> list[str]:
    """Folded token forms of a short string (used to normalise pattern words).

    Example:
        >>> word_norm("U.S.-led")
        ['us', 'led']
    """
    return [n for n, *_ in iter_folded_tokens(fold(word).text)]


__all__ = ["SYMBOLS", "TOKEN_RE", "Token", "iter_folded_tokens", "tokenize", "tokenize_folded", "word_norm"]
