"""Corpus stage: a folder of attributed statements, read in streams and written safely.

Library entry points (the CLI's ``init``, ``add``, ``import``, ``list``, ``show``,
``remove`` and ``validate`` wrap them one to one).

Example:
    >>> from rhetoric.corpus import Corpus, list_statements
    >>> Corpus("corpora/ukraine-nato").statements_path.name
    'statements.jsonl'
"""

from .add import AddResult, BatchResult, add_statement, add_statements
from .importer import ImportResult, RejectedRow, import_file
from .init import init_corpus
from .prepare import prepare_statement, resolve_speaker
from .query import get_statement, list_statements, load_statements_frame
from .remove import remove_statement
from .repair import RepairResult, repair_corpus
from .store import Corpus
from .validate import ValidationReport, validate_corpus

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
