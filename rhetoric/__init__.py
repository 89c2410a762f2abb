"""rhetoric: offline analysis of how actors' stated conditions move over time.

Pipeline: article → statements (``corpus``) → mentions (``codebook`` + ``tagging``)
→ condition frames and stances (``frames``) → shifts and timelines (``shifts``)
→ reports and exports.

Example:
    >>> import rhetoric
    >>> isinstance(rhetoric.__version__, str)
    True
    >>> data = rhetoric.load("corpora/ukraine-nato")  # pandas API: .statements(), .frames(), .shifts() ...
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("rhetoric")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.1.0"

__all__ = ["CorpusData", "__version__", "load"]


def __getattr__(name: str):
    # The pandas API pulls in the whole pipeline; import it only when asked so the CLI starts fast.
    if name in ("load", "CorpusData"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'rhetoric' has no attribute {name!r}")
