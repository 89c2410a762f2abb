"""Codebook stage: the TOML codebook, its pattern language, loading and checking.

Example:
    >>> from rhetoric.codebook import parse_pattern
    >>> parse_pattern("cease-fire").literals()
    ['cease fire', 'ceasefire']
"""

from .load import load_codebook, loads_codebook, parse_codebook
from .model import Codebook, TagSpec
from .patterns import Pattern, parse_pattern


def __getattr__(name: str):
    # The checks (and the frames table and language data they validate) load on first use:
    # `rhetoric tag` loads a codebook but never checks it (start-up time).
    if name in ("check_structure", "codebook_warnings"):
        from . import check

        return getattr(check, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Codebook",
    "Pattern",
    "TagSpec",
    "check_structure",
    "codebook_warnings",
    "load_codebook",
    "loads_codebook",
    "parse_codebook",
    "parse_pattern",
]
