"""The analyzer: one statement (or free text) → mentions → condition frames → stances → commitment.

It sits on top of the frames stage and below shifts; a :class:`rhetoric.session.Session`
builds one per open corpus and caches what it computes.

Example:
    >>> analyzer = Analyzer.for_corpus("corpora/ukraine-nato")
    >>> result = analyzer.analyze_text("No talks until Russia withdraws.", speaker="zelensky")
    >>> [(f.outcomes, f.conditions) for f in result.frames]
    [(('negotiations',), ('withdrawal',))]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path
from typing import Any, Protocol

from .actors import ActorRegistry
from .codebook.load import load_codebook
from .codebook.model import Codebook
from .corpus.store import Corpus
from .frames.config import FramesConfig
from .frames.cues import CueTable, default_cue_table
from .frames.detect import detect_frames
from .frames.modality import commitment_of, modality_words
from .frames.stance_words import stance_words
from .frames.stances import detect_stances
from .lang import language_of
from .records import Frame, Mention, Stance, Statement, StatementAnalysis
from .tagging.tagger import Tagger, tag_corpus
from .text.sentences import split_sentences
from .types import Commitment


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
        # The codebook's ordered scales, with each party's hard end extended to its members.
        ids = [a.id for a in self.actors]
        self.scales = tuple(s.with_parties(self.actors.party_of, ids) for s in self.codebook.scales)
        self.language = language_of(self.codebook)
        self.roles = {spec.id: spec.role.value for spec in self.codebook.tags}
        self._readers_built = False

    @classmethod
    def from_codebook(
        cls,
        codebook: Codebook,
        *,
        tagger: Tagger | None = None,
        actors: ActorRegistry | None = None,
        fallback: Fallback | None = None,
    ) -> Analyzer:
        """An analyzer for a loaded codebook: its ``[frames]`` table (extra cues, opposites) applied.

        Args:
            codebook: The codebook.
            tagger: Its compiled tagger, when already built (compiled here otherwise).
            actors: The corpus's actors (stance holders).
            fallback: A trained fallback model filling what the rules leave empty.

        Raises:
            CodebookError: If the ``[frames]`` table is malformed.
        """
        config = FramesConfig.from_codebook(codebook)
        return cls(
            tagger or Tagger.from_codebook(codebook),
            cues=config.cues,
            actors=actors,
            opposites=config.opposites,
            fallback=fallback,
        )

    @classmethod
    def for_corpus(
        cls,
        corpus_dir: str | PathLike,
        *,
        codebook_path: str | PathLike | None = None,
        fallback: Fallback | None = None,
    ) -> Analyzer:
        """Load a corpus's codebook and actors into an analyzer (a :class:`rhetoric.session.Session`
        does this for the CLI, reports and exports; this is for scripts and tests).

        Raises:
            NotFoundError: If the codebook does not exist.
            CodebookError: If the codebook or its cue extensions are malformed.
            ActorError: If ``actors.toml`` is malformed.
        """
        corpus = Corpus(corpus_dir)
        codebook = load_codebook(Path(codebook_path) if codebook_path else corpus.codebook_path)
        return cls.from_codebook(codebook, actors=corpus.actors(), fallback=fallback)

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
        if not self._readers_built:
            # Every reader of the language registers its first words with the text index
            # (rhetoric.frames.text_words), compiled once they are all known.
            stance_words(self.language)
            modality_words(self.language)
            self._readers_built = True
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


__all__ = ["Analyzer", "Fallback"]
