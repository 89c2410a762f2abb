"""Exports stage: tidy tables (statements, mentions, frames, stances, shifts) as CSV, JSONL or Parquet.

Modules: :mod:`.dictionary` (the data dictionary), :mod:`.tables` (rows and DataFrames),
:mod:`.write` (files).

Example:
    >>> from rhetoric.export import columns
    >>> columns("mentions")[:4]
    ('statement_id', 'speaker', 'date', 'sentence')
"""

from .dictionary import PROVENANCE, TABLE_NAMES, TABLES, Column, columns, describe_markdown, table_columns
from .tables import iter_rows, table_frame, table_rows
from .write import (
    MANIFEST,
    ExportFormat,
    ExportResult,
    export_tables,
    resolve_tables,
    verify_export,
    write_tables,
)

__all__ = [
    "MANIFEST",
    "PROVENANCE",
    "TABLES",
    "TABLE_NAMES",
    "Column",
    "ExportFormat",
    "ExportResult",
    "columns",
    "describe_markdown",
    "export_tables",
    "iter_rows",
    "resolve_tables",
    "table_columns",
    "table_frame",
    "table_rows",
    "verify_export",
    "write_tables",
]
