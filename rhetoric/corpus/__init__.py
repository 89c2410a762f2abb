"""Corpus stage: a folder of attributed statements, read in streams and written safely.

Library entry points (the CLI's ``init``, ``add``, ``import``, ``list``, ``show``,
``remove`` and ``validate`` wrap them one to one).

Example:
    >>> from rhetoric.corpus import Corpus, list_statements
    >>> Corpus("corpora/ukraine-nato").statements_path.name
    'statements.jsonl'
"""

from __future__ import annotations

import importlib

# The names below load their submodule on first use (PEP 562): ``rhetoric tag`` needs the
# store, not the importer, validation or repair code, and start-up time is the user's time.
_SUBMODULE = {
    "AddResult": "add",
    "BatchResult": "add",
    "add_statement": "add",
    "add_statements": "add",
    "ImportResult": "importer",
    "RejectedRow": "importer",
    "import_file": "importer",
    "init_corpus": "init",
    "prepare_statement": "prepare",
    "resolve_speaker": "prepare",
    "get_statement": "query",
    "list_statements": "query",
    "load_statements_frame": "query",
    "remove_statement": "remove",
    "RepairResult": "repair",
    "repair_corpus": "repair",
    "Corpus": "store",
    "ValidationReport": "validate",
    "validate_corpus": "validate",
}

__all__ = [
    "AddResult",
    "BatchResult",
    "Corpus",
    "ImportResult",
    "RejectedRow",
    "RepairResult",
    "ValidationReport",
    "add_statement",
    "add_statements",
    "get_statement",
    "import_file",
    "init_corpus",
    "list_statements",
    "load_statements_frame",
    "prepare_statement",
    "remove_statement",
    "repair_corpus",
    "resolve_speaker",
    "validate_corpus",
]


def __getattr__(name: str):
    module = _SUBMODULE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_SUBMODULE])
