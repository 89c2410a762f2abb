"""The one Markdown escaper for every Markdown output (reports, shifts, timelines, comparisons).

Any text that comes from a corpus (statement text, evidence, speaker names as written,
sources, actor names) goes through :func:`md_escape` before it is put into Markdown:
whitespace (line breaks included) collapses to single spaces so a value stays on its line
and in its table cell, and the characters Markdown would interpret are backslash-escaped.
``<`` is among them, so raw HTML such as ``<script>`` shows as text in every renderer, and
``|`` cannot end a table cell. Control characters (terminal escape codes) are dropped.

Example:
    >>> md_escape("a <script>x</script> | *b*\\n_c_ [d](e)")
    'a \\\\<script>x\\\\</script> \\\\| \\\\*b\\\\* \\\\_c\\\\_ \\\\[d\\\\](e)'
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<|])")
# C0/C1 controls other than whitespace (which split() already folds): escape codes, NUL, DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def md_escape(text: str) -> str:
    """Text safe inside Markdown prose and table cells: one line, specials escaped, no controls.

    Example:
        >>> md_escape("No NATO.")
        'No NATO.'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(_CONTROL.sub("", text).split()))


__all__ = ["md_escape"]
