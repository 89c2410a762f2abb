"""Tagging stage: find codebook tags in statements as mentions with exact offsets.

Example:
    >>> from rhetoric.tagging import Tagger, load_tagger, tag_corpus
"""

from .tagger import Tagger, load_tagger, tag_corpus

__all__ = ["Tagger", "load_tagger", "tag_corpus"]
