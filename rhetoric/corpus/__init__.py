"""Corpus stage: a folder of attributed statements, read in streams and written safely.

Example:
    >>> from rhetoric.corpus import Corpus
    >>> Corpus("corpora/ukraine-nato").statements_path.name
    'statements.jsonl'
"""

from .store import Corpus

__all__ = ["Corpus"]
