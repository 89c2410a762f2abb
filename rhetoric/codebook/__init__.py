"""Codebook stage: the TOML codebook, its pattern language, loading and checking.

Example:
    >>> from rhetoric.codebook import parse_pattern
    >>> parse_pattern("cease-fire").literals()
    ['cease fire', 'ceasefire']
"""

from .check import check_structure, codebook_warnings
from .load import load_codebook, loads_codebook, parse_codebook
from .model import Codebook, TagSpec
from .patterns import Pattern, parse_pattern

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
