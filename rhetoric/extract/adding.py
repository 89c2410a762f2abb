"""Adding reviewed candidates to a corpus through the normal add path (validation, speaker resolution, dedup).

Example:
    >>> from rhetoric.errors import ExtractionError
    >>> from rhetoric.extract.candidate import Candidate
    >>> c = Candidate("putin", "Putin", "No.", "paraphrase", "", "", 0, 3, "said", 0.9)
    >>> try:
    ...     check_addable([c])
    ... except ExtractionError as exc:
    ...     print(exc.message)
    1 candidate(s) have no date: #1 putin
"""

from __future__ import annotations

from collections.abc import Sequence

from ..corpus.add import BatchResult, add_statements
from ..corpus.store import Corpus
from ..errors import ExtractionError
from .candidate import Candidate


def check_addable(candidates: Sequence[Candidate]) -> None:
    """Refuse candidates that cannot become statements before anything is written.

    Raises:
        ExtractionError: If some candidate has no date.
    """
    undated = [f"#{n} {c.speaker}" for n, c in enumerate(candidates, start=1) if not c.date]
    if undated:
        raise ExtractionError(
            f"{len(undated)} candidate(s) have no date: {', '.join(undated)}",
            hint="relative dates need the article date: pass --date YYYY-MM-DD or YYYY-MM, "
            "or add date = ... to the article's .toml sidecar",
        )


def add_candidates(corpus: Corpus, candidates: Sequence[Candidate], *, strict: bool = False) -> BatchResult:
    """Add candidates to ``corpus`` with ``rhetoric.corpus.add_statements`` (one locked append).

    Args:
        corpus: A :class:`rhetoric.corpus.Corpus`.
        candidates: The reviewed candidates.
        strict: Reject speakers that are not in the corpus's ``actors.toml``.

    Returns:
        The add path's batch result (``added``, ``duplicates``, ``rejected``, ``warnings``,
        ``summary()``).

    Raises:
        ExtractionError: If a candidate has no date.
        BatchValidationError: If a candidate fails validation (nothing is written).
    """
    check_addable(candidates)
    return add_statements(corpus, [c.to_record() for c in candidates], strict=strict)
