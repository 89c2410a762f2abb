"""Adding reviewed candidates to a corpus through the normal add path (validation, speaker resolution, dedup).

Re-extracting an article that is already in the corpus must not add it twice: a candidate whose
text overlaps a statement stored from the same article (same ``url``, or the same ``document``
when either has no url) is reported as a duplicate of that statement even when its span, speaker
or date came out slightly differently this time. The exact-id check of the add path handles the rest.

Example:
    >>> from rhetoric.errors import ExtractionError
    >>> from rhetoric.extract.candidate import Candidate
    >>> c = Candidate("putin", "Putin", "No.", "paraphrase", "", "", 0, 3, "said", 0.9)
    >>> try:
    ...     check_addable([c])
    ... except ExtractionError as exc:
    ...     print(exc.message)
    1 candidate(s) have no date: #1 putin
    >>> round(text_overlap("talks were over", "He said the talks were over for now"), 2)
    1.0
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath

from ..corpus.add import BatchResult, add_statements
from ..corpus.store import Corpus
from ..errors import ExtractionError
from ..records import Statement
from .candidate import Candidate

#: Share of the shorter text's words that must recur in the other for two texts to be one statement.
NEAR_DUPLICATE_OVERLAP = 0.6

_WORD_RE = re.compile(r"\w+")


def text_overlap(a: str, b: str) -> float:
    """Share of the shorter text's words (with multiplicity, case folded) found in the other.

    Example:
        >>> text_overlap("a b c", "c d e"), text_overlap("", "x")
        (0.3333333333333333, 0.0)
    """
    wa, wb = Counter(_WORD_RE.findall(a.casefold())), Counter(_WORD_RE.findall(b.casefold()))
    shorter = min(sum(wa.values()), sum(wb.values()))
    return sum((wa & wb).values()) / shorter if shorter else 0.0


def same_article(c: Candidate, s: Statement) -> bool:
    """Whether a candidate and a stored statement come from one article.

    The url decides when both have one; otherwise the document path, or the same file name
    from the same outlet (one article read through another path: ``seeds/a.txt`` vs ``/abs/seeds/a.txt``).

    Example:
        >>> s = Statement.create(speaker="x", date="2024", text="t", source="Daily", document="seeds/a.txt")
        >>> c = Candidate("x", "X", "t", "direct", "2024", "", 0, 1, "said", 0.9, source="Daily",
        ...               document="/home/u/seeds/a.txt")
        >>> same_article(c, s)
        True
    """
    if c.url and s.url:
        return c.url == s.url
    if not c.document or not s.document:
        return False
    return c.document == s.document or (
        PurePath(c.document).name == PurePath(s.document).name and c.source == s.source
    )


def near_duplicates(candidates: Sequence[Candidate], stored: Sequence[Statement]) -> dict[int, Statement]:
    """Candidates (by index) that restate a statement already stored from the same article.

    A candidate first matches a stored statement of its own speaker; otherwise one no other
    candidate of the batch has claimed (so "France and the UK said …" stays two statements, while a
    speaker resolved differently this time is still recognised).

    Example:
        >>> s = Statement.create(speaker="nato", date="2024", text="Talks are over.", document="a.txt")
        >>> c = Candidate("nato", "NATO", "talks are over", "paraphrase", "2024", "", 0, 14, "said", 0.9,
        ...               document="a.txt")
        >>> near_duplicates([c], [s])[0].text
        'Talks are over.'
    """
    pairs = [
        (n, s)
        for n, c in enumerate(candidates)
        for s in stored
        if same_article(c, s) and text_overlap(c.text, s.text) >= NEAR_DUPLICATE_OVERLAP
    ]
    found: dict[int, Statement] = {}
    claimed: set[str] = set()
    for n, s in pairs:
        if n not in found and s.speaker == candidates[n].speaker:
            found[n] = s
            claimed.add(s.id)
    for n, s in pairs:
        if n not in found and s.id not in claimed:
            found[n] = s
            claimed.add(s.id)
    return found


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

    Candidates that restate a statement stored from the same article (:func:`near_duplicates`)
    are not added; the stored statements are reported among the duplicates.

    Args:
        corpus: A :class:`rhetoric.corpus.Corpus`.
        candidates: The reviewed candidates.
        strict: Reject speakers that are not in the corpus's ``actors.toml``.

    Returns:
        The add path's batch result (``added``, ``duplicates``, ``rejected``, ``warnings``,
        ``summary()``); rejected indexes refer to ``candidates``.

    Raises:
        ExtractionError: If a candidate has no date.
        BatchValidationError: If a candidate fails validation (nothing is written).
    """
    check_addable(candidates)
    corpus.require()
    urls = {c.url for c in candidates if c.url}
    names = {PurePath(c.document).name for c in candidates if c.document}
    stored = [
        s
        for s in corpus.iter_statements()
        if (s.url and s.url in urls) or (s.document and PurePath(s.document).name in names)
    ]
    near = near_duplicates(candidates, stored)
    fresh = [n for n in range(len(candidates)) if n not in near]
    result = add_statements(corpus, [candidates[n].to_record() for n in fresh], strict=strict)
    warnings = []
    if near:
        listed = ", ".join(f"#{n + 1} ({s.id})" for n, s in sorted(near.items()))
        warnings.append(
            f"{len(near)} candidate(s) restate statements stored from the same article, not added: {listed}"
        )
    return BatchResult(
        result.added,
        tuple(near.values()) + result.duplicates,
        tuple((fresh[i], exc) for i, exc in result.rejected),
        tuple(warnings) + result.warnings,
    )
