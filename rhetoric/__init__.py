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

__all__ = ["CorpusData", "__version__", "load"]


def _version() -> str:
    # importlib.metadata costs a tenth of a second at start-up; only results that carry
    # provenance need the version, so it is looked up on first use.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("rhetoric")
    except PackageNotFoundError:  # running from a source tree without installing
        return "0.1.0"


def __getattr__(name: str):
    if name == "__version__":
        globals()["__version__"] = value = _version()
        return value
    # The pandas API pulls in the whole pipeline; import it only when asked so the CLI starts fast.
    if name in ("load", "CorpusData"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'rhetoric' has no attribute {name!r}")
