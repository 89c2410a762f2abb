"""Corpus-level shift queries: compare two statements or two periods, an actor's timeline.

Example:
    >>> shift = compare_statements("corpora/ukraine-nato", from_id="s-134636953483",
    ...                            to_id="s-6c5b18b5efe8")  # doctest: +SKIP
    >>> shift.verdict.value  # doctest: +SKIP
    'softened'
"""

from __future__ import annotations

from os import PathLike

from ..corpus.query import list_statements
from ..corpus.store import Corpus
from ..errors import NotFoundError, UsageError
from ..frames.analyze import Analyzer
from .compare import compare
from .model import Shift
from .timeline import Timeline, timeline


def compare_statements(
    corpus_dir: str | PathLike, *, from_id: str, to_id: str, codebook_path: str | PathLike | None = None
) -> Shift:
    """Diff two corpus statements.

    Raises:
        NotFoundError: If an id is not in the corpus.
    """
    analyzer = Analyzer.for_corpus(corpus_dir, codebook_path=codebook_path)
    a, b = analyzer.analyze_corpus(Corpus(corpus_dir).require(), ids=[from_id, to_id])
    speaker = b.statement.speaker if a.statement.speaker == b.statement.speaker else None
    return compare(a, b, opposites=analyzer.opposites, speaker=speaker)


def compare_periods(
    corpus_dir: str | PathLike,
    *,
    speaker: str,
    until: str,
    since: str,
    codebook_path: str | PathLike | None = None,
) -> Shift:
    """Diff a speaker's statements up to ``until`` with those from ``since`` on.

    Raises:
        UsageError: If ``since`` comes before ``until``.
        NotFoundError: If either period has no statement of the speaker.
    """
    corpus = Corpus(corpus_dir).require()
    earlier = list(list_statements(corpus, speaker=speaker, until=until))
    later = list(list_statements(corpus, speaker=speaker, since=since))
    if since < until:
        raise UsageError(f"--since {since} comes before --until {until}; the periods would overlap")
    for label, found, bound in (("until", earlier, until), ("since", later, since)):
        if not found:
            raise NotFoundError(
                f"no statement of {speaker!r} {'up to' if label == 'until' else 'from'} {bound}",
                hint=f"list them with `rhetoric list --speaker {speaker}`",
            )
    analyzer = Analyzer.for_corpus(corpus_dir, codebook_path=codebook_path)
    a = [analyzer.analyze(s) for s in earlier]
    b = [analyzer.analyze(s) for s in later]
    return compare(a, b, opposites=analyzer.opposites, speaker=earlier[0].speaker)


def speaker_timeline(
    corpus_dir: str | PathLike, *, speaker: str, codebook_path: str | PathLike | None = None
) -> Timeline:
    """An actor's statements in date order, with positions and consecutive shifts.

    Raises:
        NotFoundError: If the speaker has no statement in the corpus.
    """
    corpus = Corpus(corpus_dir).require()
    statements = list(list_statements(corpus, speaker=speaker))
    if not statements:
        raise NotFoundError(
            f"no statement of {speaker!r} in {str(corpus.statements_path)!r}",
            hint="list speakers with `rhetoric list --format csv` or check actors.toml",
        )
    analyzer = Analyzer.for_corpus(corpus_dir, codebook_path=codebook_path)
    return timeline(
        [analyzer.analyze(s) for s in statements], speaker=statements[0].speaker, opposites=analyzer.opposites
    )
