"""rhetoric: offline analysis of how actors' stated conditions move over time.

Pipeline: article → statements (``corpus``) → mentions (``codebook`` + ``tagging``)
→ condition frames and stances (``frames``) → shifts and timelines (``shifts``)
→ reports and exports.

Example:
    >>> import rhetoric
    >>> isinstance(rhetoric.__version__, str)
    True
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("rhetoric")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.1.0"

__all__ = ["__version__"]
