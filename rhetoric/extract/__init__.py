"""Extraction stage: propose attributed statements (speaker, content, date, offsets) from news text.

One module per kind of work: :mod:`quotes` (quotation spans), :mod:`reported` (attribution
cues), :mod:`speakers` (resolution through ``actors.toml``), :mod:`reltime` (relative
dates), :mod:`article` (input and sidecar), :mod:`pipeline` (the whole), :mod:`render`,
:mod:`adding` (the ``--add`` path) and :mod:`evaluate` (precision/recall).

Example:
    >>> from rhetoric.actors import ActorRegistry
    >>> from rhetoric.extract import extract_statements
    >>> reg = ActorRegistry.from_dict({"actors": {"nato": {"name": "NATO", "kind": "organisation"}}})
    >>> [c.speaker for c in extract_statements("NATO said no.", actors=reg, article_date="2024")]
    ['nato']
"""

from .article import Article, read_article
from .candidate import Candidate
from .pipeline import extract_statements
from .reltime import ResolvedDate, resolve_time

__all__ = ["Article", "Candidate", "ResolvedDate", "extract_statements", "read_article", "resolve_time"]
