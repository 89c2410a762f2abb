"""The data dictionary of the export tables (kept as a name: the specs live in :mod:`rhetoric.output.spec`).

Example:
    >>> columns("shifts")[:2]
    ('speaker', 'from_id')
"""

from ..output.spec import *  # noqa: F403  (this module is the spec under its old name)
from ..output.spec import __all__  # noqa: F401
