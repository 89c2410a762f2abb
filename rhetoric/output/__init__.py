"""The output layer: table specs (columns defined once) and the one writer (csv, json, jsonl, parquet).

Rendering for the terminal (rich) stays in the CLI and the ``render`` modules; this package
writes data.

Example:
    >>> from rhetoric.output import own_columns, CSV_DIALECT
    >>> own_columns("frames")[:2], CSV_DIALECT.lineterminator
    (('statement_id', 'frame_id'), '\\r\\n')
"""

from . import spec as _spec
from .spec import *  # noqa: F403  (the table specs: columns defined once)
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
    *_spec.__all__,
    "CSV_DIALECT",
    "csv_cell",
    "excel_safe",
    "iter_json",
    "require_pyarrow",
    "table_format",
    "write_csv",
    "write_json",
    "write_jsonl",
    "write_parquet",
    "write_rows",
]
