"""Tagging stage: find codebook tags in statements as mentions with exact offsets.

Example:
    >>> from rhetoric.tagging import Tagger, kwic, load_tagger, tag_corpus
"""

from .kwic import KwicRow, kwic
from .tagger import Tagger, load_tagger, tag_corpus

__all__ = ["KwicRow", "Tagger", "kwic", "load_tagger", "tag_corpus"]
