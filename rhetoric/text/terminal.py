"""Making stored text safe to print on a terminal: control characters shown, never obeyed.

A statement or speaker name may hold escape sequences (``\\x1b[2J`` clears the screen,
OSC 8 fakes a link) or other C0/C1 control characters. Terminal output shows each as a
visible symbol (U+2400 control pictures, ``\\x80``-style for C1); the stored text is unchanged.
Line breaks and tabs are kept.

Example:
    >>> visible("ok\\x1b[2J\\x07")
    'ok␛[2J␇'
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"\\x{code:02x}"


def visible(text: str, *, keep_offsets: bool = False) -> str:
    """``text`` with control characters (but newline and tab) replaced by visible symbols.

    With ``keep_offsets`` every character is replaced by exactly one (C1 controls by U+FFFD), so
    mention offsets into the stored text still point at the same characters.

    Example:
        >>> visible("line\\nnext\\tcell")
        'line\\nnext\\tcell'
        >>> len(visible("a\\x85b", keep_offsets=True))
        3
    """
    if keep_offsets:
        return _CONTROL.sub(lambda m: _picture(m) if ord(m.group()) < 0x80 else "\ufffd", text)
    return _CONTROL.sub(_picture, text)


__all__ = ["visible"]
