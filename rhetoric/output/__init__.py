"""The output layer: table specs (columns defined once) and the one writer (csv, json, jsonl, parquet).

Rendering for the terminal (rich) stays in the CLI and the ``render`` modules; this package
writes data.

Example:
    >>> from rhetoric.output import own_columns, CSV_DIALECT
    >>> own_columns("frames")[:2], CSV_DIALECT.lineterminator
    (('statement_id', 'frame_id'), '\\r\\n')
"""

from .spec import (
    ARROW_TYPES,
    PANDAS_TYPES,
    PROVENANCE,
    TABLE_NAMES,
    TABLES,
    TYPES,
    Column,
    column_types,
    columns,
    describe_markdown,
    own_columns,
    resolve_tables,
    table_columns,
)
from .write import (
    CSV_DIALECT,
    csv_cell,
    excel_safe,
    iter_json,
    require_pyarrow,
    table_format,
    write_csv,
    write_json,
    write_jsonl,
    write_parquet,
    write_rows,
)

__all__ = [
    "ARROW_TYPES",
    "CSV_DIALECT",
    "PANDAS_TYPES",
    "PROVENANCE",
    "TABLES",
    "TABLE_NAMES",
    "TYPES",
    "Column",
    "column_types",
    "columns",
    "csv_cell",
    "describe_markdown",
    "excel_safe",
    "iter_json",
    "own_columns",
    "require_pyarrow",
    "resolve_tables",
    "table_columns",
    "table_format",
    "write_csv",
    "write_json",
    "write_jsonl",
    "write_parquet",
    "write_rows",
]
