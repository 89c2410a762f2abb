"""Per-statement work over local worker processes, in chunks, results in input order.

Each worker builds its analyzer once (from an :class:`AnalyzerRecipe`, so nothing large is
pickled to it) and then analyses chunks of statements sent to it. At most two chunks per
worker are in flight, so memory stays bounded however large the corpus; results come back
in the order of the input, so output is byte-identical to one process.

Example:
    >>> from rhetoric.corpus.store import Corpus
    >>> recipe = AnalyzerRecipe("corpora/ukraine-nato")
    >>> statements = Corpus("corpora/ukraine-nato").statements()[:3]
    >>> one = list(analyze_statements(statements, recipe=recipe, engine=Engine(jobs=1)))
    >>> two = list(analyze_statements(statements, recipe=recipe, engine=Engine(jobs=2, chunk_size=1)))
    >>> one == two
    True
"""

from __future__ import annotations

import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..types import ProgressFn
from .spec import Engine, EngineKind, current_engine

if TYPE_CHECKING:
    from ..analyzer import Analyzer
    from ..corpus.store import Corpus
    from ..records import Mention, Statement, StatementAnalysis
    from ..tagging.tagger import Tagger



@dataclass(frozen=True)
class AnalyzerRecipe:
    """How to build the analyzer of a corpus in another process (small and picklable).

    Attributes:
        corpus_dir: The corpus folder.
        codebook_path: Another codebook file, or None for the corpus's own.
        with_model: Whether the trained fallback fills what the rules leave empty.
    """

    corpus_dir: str
    codebook_path: str | None = None
    with_model: bool = False

    @classmethod
    def of(
        cls,
        corpus_dir: str | PathLike,
        *,
        codebook_path: str | PathLike | None = None,
        with_model: bool = False,
    ) -> AnalyzerRecipe:
        """A recipe from path-like arguments."""
        # Absolute paths: workers (Dask ones above all) may not share this process's directory.
        return cls(
            str(Path(corpus_dir).resolve()),
            str(Path(codebook_path).resolve()) if codebook_path else None,
            with_model,
        )

    def build(self) -> Analyzer:
        """Load the codebook, cues and actors and compile the analyzer."""
        from ..session import Session  # the session builds analyzers one way for every caller

        return Session.open(self.corpus_dir, codebook=self.codebook_path, with_model=self.with_model).analyzer


# Worker-process state: the recipe given at start and the analyzer built from it on first use.
_RECIPE: AnalyzerRecipe | None = None
_ANALYZER: Analyzer | None = None


def _init_worker(recipe: AnalyzerRecipe) -> None:
    global _RECIPE, _ANALYZER
    _RECIPE, _ANALYZER = recipe, None


def worker_analyzer(recipe: AnalyzerRecipe) -> Analyzer:
    """This process's analyzer for ``recipe``, built once."""
    global _RECIPE, _ANALYZER
    if _ANALYZER is None or _RECIPE != recipe:
        _RECIPE, _ANALYZER = recipe, recipe.build()
    return _ANALYZER


def analyze_chunk(recipe: AnalyzerRecipe, statements: list[Statement]) -> bytes:
    """Analyse a chunk of statements with this process's analyzer; the results packed.

    See :func:`pack_analyses`: the caller, which sent the statements, unpacks with
    :func:`unpack_analyses`.
    """
    analyzer = worker_analyzer(recipe)
    return pack_analyses(statements, [analyzer.analyze(s) for s in statements])


def pack_analyses(statements: Sequence[Statement], analyses: Sequence[StatementAnalysis]) -> bytes:
    """The analyses of ``statements`` as compact bytes, without what the receiver already holds.

    An analysis normally carries its statement and the statement's text; the process that
    sent the statements has both, so they are left out (the result is half the size, and
    the receiver, whose time is the serial part of a parallel run, builds half the objects).
    An analysis that does not carry exactly its statement travels whole.

    Example:
        >>> from rhetoric.corpus.store import Corpus
        >>> statements = Corpus("corpora/ukraine-nato").statements()[:2]
        >>> analyzer = AnalyzerRecipe.of("corpora/ukraine-nato").build()
        >>> analyses = [analyzer.analyze(s) for s in statements]
        >>> unpack_analyses(pack_analyses(statements, analyses), statements) == analyses
        True
    """
    rows: list[Any] = []
    for s, a in zip(statements, analyses, strict=True):
        if a.statement is s and a.text is s.text:
            rows.append((a.mentions, a.frames, a.stances, a.commitment))
        else:
            rows.append(a)
    return pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)


def unpack_analyses(blob: bytes, statements: Sequence[Statement]) -> list[StatementAnalysis]:
    """The analyses packed by :func:`pack_analyses`, with their statements put back.

    The cyclic garbage collector is paused meanwhile: unpickling builds thousands of small
    records that all survive, and each collection would walk the whole heap of results
    held so far (measured: 3.7x the time of the unpickling itself).
    """
    from ..records import StatementAnalysis
    from .codec import gc_paused

    out: list[StatementAnalysis] = []
    with gc_paused():  # the records built here survive too
        for s, row in zip(statements, pickle.loads(blob), strict=True):
            if type(row) is tuple:
                mentions, frames, stances, commitment = row
                row = StatementAnalysis(s.text, mentions, frames, stances, s, commitment)
            out.append(row)
    return out


def tag_chunk(recipe: AnalyzerRecipe, statements: list[Statement]) -> bytes:
    """Tag a chunk of statements with this process's tagger; the mentions pickled (see
    :func:`loads_paused`)."""
    tagger = worker_analyzer(recipe).tagger
    return pickle.dumps([tagger.tag(s.text, statement_id=s.id) for s in statements], pickle.HIGHEST_PROTOCOL)


def loads_paused(blob: bytes) -> Any:
    """``pickle.loads`` with the cyclic garbage collector paused (see :func:`unpack_analyses`)."""
    from .codec import gc_paused

    with gc_paused():
        return pickle.loads(blob)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _parallel_chunks(items: Iterable[Any], engine: Engine) -> tuple[bool, Iterator[list[Any]]]:
    """Chunks of ``items``, and whether to send them to workers.

    A local pool only pays when there are at least two chunks (starting workers and building
    their analyzers costs more than one chunk of work), so a small input stays in this process.
    """
    chunks = _chunks(items, engine.chunk_size)
    if engine.in_process:
        return False, chunks
    head = list(islice(chunks, 2))
    parallel = engine.kind is EngineKind.DASK or len(head) > 1
    return parallel, chain(head, chunks)


def map_chunks(
    task: Callable[[AnalyzerRecipe, list[Any]], list[Any]],
    chunks: Iterable[list[Any]],
    *,
    recipe: AnalyzerRecipe,
    engine: Engine,
) -> Iterator[list[Any]]:
    """Run ``task`` on each chunk with ``engine``'s workers; yield the results in input order.

    Local processes keep at most two chunks per worker in flight (bounded memory); Dask is
    delegated to :mod:`rhetoric.engine.dask`.
    """
    if engine.kind is EngineKind.DASK:
        from .dask import map_chunks_dask

        yield from map_chunks_dask(task, chunks, recipe=recipe, engine=engine)
        return
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing loads only for a pool

    workers = engine.workers()
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(recipe,)) as pool:
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.submit(task, recipe, chunk))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def map_sent_chunks(
    task: Callable[[AnalyzerRecipe, list[Any]], Any],
    chunks: Iterable[list[Any]],
    *,
    recipe: AnalyzerRecipe,
    engine: Engine,
) -> Iterator[tuple[list[Any], Any]]:
    """:func:`map_chunks`, yielding each chunk with its result (the chunks in flight are kept)."""
    sent: deque[list[Any]] = deque()

    def remembered() -> Iterator[list[Any]]:
        for chunk in chunks:
            sent.append(chunk)
            yield chunk

    for result in map_chunks(task, remembered(), recipe=recipe, engine=engine):
        yield sent.popleft(), result


def analyze_statements(
    statements: Iterable[Statement],
    *,
    recipe: AnalyzerRecipe,
    engine: Engine | None = None,
    analyzer: Analyzer | None = None,
    progress: ProgressFn | None = None,
    total: int | None = None,
) -> Iterator[StatementAnalysis]:
    """Analyse statements with an engine (the current one by default), streaming, in input order.

    Args:
        statements: The statements, in the order wanted.
        recipe: How workers build the analyzer.
        engine: The engine; :func:`~rhetoric.engine.current_engine` when None.
        analyzer: An analyzer already built in this process (used when running in-process).
        progress: Called as ``progress(done, total)`` as results arrive.
        total: The number of statements, for ``progress``.
    """
    engine = engine or current_engine()
    parallel, chunks = _parallel_chunks(statements, engine)
    if parallel:
        results: Iterable[list[StatementAnalysis]] = (
            unpack_analyses(blob, chunk)
            for chunk, blob in map_sent_chunks(analyze_chunk, chunks, recipe=recipe, engine=engine)
        )
    else:
        here = analyzer or recipe.build()
        results = ([here.analyze(s) for s in chunk] for chunk in chunks)
    done = 0
    for chunk in results:
        for a in chunk:
            done += 1
            yield a
            if progress is not None:
                progress(done, total if total is not None else done)


def select_statements(corpus: Corpus, ids: Iterable[str] | None) -> Iterator[Statement]:
    """The corpus's statements in file order, or those of ``ids`` in that order (streaming).

    Raises:
        NotFoundError: If one of ``ids`` is not in the corpus (when reached).
    """
    return corpus.iter_selected(ids)


def tag_statements(
    statements: Iterable[Statement],
    *,
    recipe: AnalyzerRecipe,
    engine: Engine | None = None,
    tagger: Tagger | None = None,
) -> Iterator[tuple[Statement, list[Mention]]]:
    """``(statement, mentions)`` for each statement, with an engine, streaming, in input order.

    ``tagger``, when given, tags here whatever stays in this process (a single chunk).
    """
    engine = engine or current_engine()
    parallel, chunks = _parallel_chunks(statements, engine)
    if not parallel:
        for chunk in chunks:
            here = tagger if tagger is not None else worker_analyzer(recipe).tagger
            yield from ((s, here.tag(s.text, statement_id=s.id)) for s in chunk)
        return
    for chunk, blob in map_sent_chunks(tag_chunk, chunks, recipe=recipe, engine=engine):
        yield from zip(chunk, loads_paused(blob), strict=True)


__all__ = [
    "AnalyzerRecipe",
    "analyze_chunk",
    "analyze_statements",
    "loads_paused",
    "map_chunks",
    "map_sent_chunks",
    "pack_analyses",
    "select_statements",
    "tag_chunk",
    "tag_statements",
    "unpack_analyses",
]
