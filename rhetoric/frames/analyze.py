"""Statement analysis: mentions → frames → stances for one text, one statement or a whole corpus.

Example:
    >>> analyzer = Analyzer.for_corpus("corpora/ukraine-nato")  # doctest: +SKIP
    >>> result = analyzer.analyze_text("No talks until Russia withdraws.", speaker="zelensky")  # doctest: +SKIP
    >>> [(f.outcomes, f.conditions) for f in result.frames]  # doctest: +SKIP
    [(('negotiations',), ('withdrawal',))]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any, Protocol

from ..actors import ActorRegistry
from ..codebook.load import load_codebook
from ..corpus.store import Corpus
from ..errors import UsageError
from ..lang import language_of
from ..records import Frame, Mention, Stance, Statement
from ..tagging.tagger import Tagger, tag_corpus
from ..text.sentences import split_sentences
from ..types import Commitment
from .config import FramesConfig
from .cues import CueTable, default_cue_table
from .detect import detect_frames
from .modality import commitment_of
from .stances import detect_stances


class Fallback(Protocol):
    """What completes the rules' output where they are silent (:class:`rhetoric.learn.fallback.FallbackModel`)."""

    def complete(
        self,
        text: str,
        mentions: Any,
        frames: Any,
        stances: Any,
        *,
        statement_id: str | None = None,
        speaker: str = "",
        date: str = "",
    ) -> tuple[tuple[Frame, ...], tuple[Stance, ...]]: ...


@dataclass(frozen=True)
class StatementAnalysis:
    """Everything the pipeline reads from one statement (or free text)."""

    text: str
    mentions: tuple[Mention, ...]
    frames: tuple[Frame, ...]
    stances: tuple[Stance, ...]
    statement: Statement | None = None
    #: How firmly the statement commits its speaker (none when it takes no stance).
    commitment: Commitment = Commitment.NONE


class Analyzer:
    """A compiled tagger plus the cue table, tag roles and actors of one corpus.

    With a ``fallback`` (a trained :class:`rhetoric.learn.fallback.FallbackModel`) the learned
    classifiers add frames and stances where the rules found none; without one the output is the
    rules' alone.
    """

    def __init__(
        self,
        tagger: Tagger,
        *,
        cues: CueTable | None = None,
        actors: ActorRegistry | None = None,
        opposites: tuple[tuple[str, str], ...] = (),
        fallback: Fallback | None = None,
    ) -> None:
        self.tagger = tagger
        self.fallback = fallback
        self.codebook = tagger.codebook
        self.cues = cues or default_cue_table()
        self.opposites = opposites
        self.actors = actors or ActorRegistry()
        self.language = language_of(self.codebook)
        self.roles = {
            spec.id: str(spec.role.value if hasattr(spec.role, "value") else spec.role)
            for spec in self.codebook.tags
        }

    @classmethod
    def for_corpus(
        cls,
        corpus_dir: str | PathLike,
        *,
        codebook_path: str | PathLike | None = None,
        fallback: Fallback | None = None,
        with_model: bool = False,
    ) -> Analyzer:
        """Load a corpus's codebook (with its ``[[frames.cue]]`` extensions) and actors.

        ``with_model`` loads the corpus's trained fallback (``rhetoric train --frames``) unless
        ``fallback`` is given.

        Raises:
            NotFoundError: If the codebook does not exist.
            CodebookError: If the codebook or its cue extensions are malformed.
            ActorError: If ``actors.toml`` is malformed.
            ModelError: With ``with_model``, if the fallback is missing or stale.
        """
        corpus = Corpus(corpus_dir)
        codebook = load_codebook(Path(codebook_path) if codebook_path else corpus.codebook_path)
        from ..lang import language_of

        config = FramesConfig.from_codebook_table(
            codebook.extensions.get("frames"), tag_ids=codebook.tag_ids, language=language_of(codebook)
        )
        if fallback is None and with_model:
            from ..learn.fallback import load_fallback  # scikit-learn loads only when asked

            fallback = load_fallback(corpus_dir, codebook=codebook)
        return cls(
            Tagger.from_codebook(codebook),
            cues=config.cues,
            actors=corpus.actors(),
            opposites=config.opposites,
            fallback=fallback,
        )

    def analyze_mentions(
        self,
        text: str,
        mentions: Iterable[Mention],
        *,
        statement_id: str | None = None,
        speaker: str = "",
        date: str = "",
    ) -> tuple[tuple[Frame, ...], tuple[Stance, ...]]:
        """Frames and stances for already-tagged mentions."""
        mentions = list(mentions)
        if not mentions:
            return (), ()
        sentences = split_sentences(text)
        frames = detect_frames(
            text,
            mentions,
            sentences=sentences,
            statement_id=statement_id,
            speaker=speaker,
            date=date,
            cues=self.cues,
            roles=self.roles,
        )
        stances = detect_stances(
            text,
            mentions,
            sentences=sentences,
            statement_id=statement_id,
            speaker=speaker,
            actors=self.actors,
            frames=frames,
            language=self.language,
        )
        if self.fallback is not None:
            # The learned part only fills what the rules left empty (see FallbackModel.complete).
            return self.fallback.complete(
                text, mentions, frames, stances, statement_id=statement_id, speaker=speaker, date=date
            )
        return tuple(frames), tuple(stances)

    def commitment(self, text: str, stances: Iterable[Stance], *, about_items: bool = False) -> Commitment:
        """The statement's commitment: none unless it takes a stance, or speaks about an item
        (``about_items``: a mention or a frame) with a marker of commitment; then hedged, open or firm."""
        has_stance = any(s.stance in ("support", "oppose") for s in stances)
        return commitment_of(text, has_stance=has_stance, about_items=about_items, language=self.language)

    def analyze_text(self, text: str, *, speaker: str = "", date: str = "") -> StatementAnalysis:
        """Analyse free text (no statement id)."""
        mentions = self.tagger.tag(text)
        frames, stances = self.analyze_mentions(text, mentions, speaker=speaker, date=date)
        about = bool(mentions or frames)
        return StatementAnalysis(
            text, tuple(mentions), frames, stances, None, self.commitment(text, stances, about_items=about)
        )

    def analyze(self, statement: Statement, mentions: Iterable[Mention] | None = None) -> StatementAnalysis:
        """Analyse one corpus statement."""
        if mentions is None:
            mentions = self.tagger.tag(statement.text, statement_id=statement.id)
        mentions = tuple(mentions)
        frames, stances = self.analyze_mentions(
            statement.text,
            mentions,
            statement_id=statement.id,
            speaker=statement.speaker,
            date=statement.date,
        )
        about = bool(mentions or frames)
        commitment = self.commitment(statement.text, stances, about_items=about)
        return StatementAnalysis(statement.text, mentions, frames, stances, statement, commitment)

    def analyze_corpus(
        self, corpus: Corpus, *, ids: Iterable[str] | None = None
    ) -> Iterator[StatementAnalysis]:
        """Stream the analysis of a corpus, statement by statement (bounded memory)."""
        for statement, mentions in tag_corpus(corpus, self.tagger, ids=ids):
            yield self.analyze(statement, mentions)


def analyze_inputs(
    corpus_dir: str | PathLike,
    *,
    text: str | None = None,
    ids: Iterable[str] | None = None,
    all_statements: bool = False,
    codebook_path: str | PathLike | None = None,
    speaker: str = "",
    date: str = "",
    with_model: bool = False,
) -> Iterator[StatementAnalysis]:
    """Analyse free text, some corpus statements, or the whole corpus (exactly one of them).

    Args:
        corpus_dir: The corpus folder (its codebook and actors are used even for free text).
        text: Free text to analyse.
        ids: Corpus statement ids to analyse, in this order.
        all_statements: Analyse every statement of the corpus, streaming.
        codebook_path: Another codebook file to use.
        speaker: Speaker recorded for free text (the default stance holder).
        date: Date recorded for free text.
        with_model: Let the corpus's trained fallback fill what the rules leave empty.

    Raises:
        UsageError: Unless exactly one of ``text``, ``ids`` and ``all_statements`` is given.
        NotFoundError: If an id is not in the corpus.
        ModelError: With ``with_model``, if the fallback is missing or stale.

    Example:
        >>> next(analyze_inputs("corpora/ukraine-nato", text="A truce now.")).mentions[0].tag  # doctest: +SKIP
        'ceasefire'
    """
    ids = list(ids or [])
    if sum([text is not None, bool(ids), all_statements]) != 1:
        raise UsageError("give exactly one of TEXT (or '-' for stdin), --id ID or --all")
    analyzer = Analyzer.for_corpus(corpus_dir, codebook_path=codebook_path, with_model=with_model)
    if text is not None:
        return iter([analyzer.analyze_text(text, speaker=speaker, date=date)])
    corpus = Corpus(corpus_dir).require()
    return analyzer.analyze_corpus(corpus, ids=None if all_statements else ids)
