"""The data dictionary of the export tables (kept as a name: the specs live in :mod:`rhetoric.output.spec`).

Example:
    >>> columns("shifts")[:2]
    ('speaker', 'from_id')
"""

from ..output.spec import (  # noqa: F401  (re-exported: this module's public API)
    CSV_FORMULA_POLICY,
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
