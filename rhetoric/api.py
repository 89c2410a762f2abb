"""The pandas API: ``rhetoric.load(corpus_dir)`` and the same tidy tables as ``rhetoric export``.

Example:
    >>> import rhetoric
    >>> data = rhetoric.load("corpora/ukraine-nato")
    >>> frames = data.frames()
    >>> list(frames.columns[:3])
    ['statement_id', 'frame_id', 'speaker']
    >>> data.shifts().query("speaker == 'zelensky' and step == 1")["verdict"].iloc[0]
    'softened'
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from .analysis import CorpusAnalysis, ProgressFn, analyze_all
from .corpus.store import Corpus
from .export.dictionary import TABLE_NAMES
from .export.tables import table_frame

if TYPE_CHECKING:
    import pandas as pd


class CorpusData:
    """A corpus read for analysis in pandas: one DataFrame per export table.

    The corpus is analysed once, on the first table asked for; the tables have exactly
    the columns of the data dictionary (``rhetoric export --describe``).
    """

    def __init__(
        self,
        corpus_dir: str | PathLike,
        *,
        speakers: Iterable[str] | None = None,
        codebook_path: str | PathLike | None = None,
        progress: ProgressFn | None = None,
    ) -> None:
        """Point at a corpus (checked now; analysed lazily).

        Raises:
            CorpusError: If the corpus folder or its statements file is missing.
        """
        Corpus(corpus_dir).require()
        self.corpus_dir = Path(corpus_dir)
        self._speakers = list(speakers) if speakers is not None else None
        self._codebook_path = codebook_path
        self._progress = progress
        self._analysis: CorpusAnalysis | None = None

    def __repr__(self) -> str:
        return f"CorpusData({str(self.corpus_dir)!r})"

    @property
    def analysis(self) -> CorpusAnalysis:
        """The underlying analysis (statements, mentions, frames, stances, timelines)."""
        if self._analysis is None:
            self._analysis = analyze_all(
                self.corpus_dir,
                speakers=self._speakers,
                codebook_path=self._codebook_path,
                progress=self._progress,
            )
        return self._analysis

    def table(self, name: str) -> pd.DataFrame:
        """One export table by name.

        Raises:
            UsageError: If there is no such table.
        """
        return table_frame(self.analysis, name)

    def statements(self) -> pd.DataFrame:
        """One row per statement."""
        return self.table("statements")

    def mentions(self) -> pd.DataFrame:
        """One row per codebook mention."""
        return self.table("mentions")

    def frames(self) -> pd.DataFrame:
        """One row per condition frame."""
        return self.table("frames")

    def stances(self) -> pd.DataFrame:
        """One row per stance."""
        return self.table("stances")

    def shifts(self) -> pd.DataFrame:
        """One row per change event of each actor's consecutive-statement shifts."""
        return self.table("shifts")

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table, by name."""
        return {name: self.table(name) for name in TABLE_NAMES}


def load(
    corpus_dir: str | PathLike,
    *,
    speakers: Iterable[str] | None = None,
    codebook_path: str | PathLike | None = None,
) -> CorpusData:
    """Open a corpus for pandas analysis.

    Args:
        corpus_dir: The corpus folder.
        speakers: Only these speakers (ids or aliases); all when None.
        codebook_path: Another codebook file to use.

    Returns:
        A :class:`CorpusData`; call ``.frames()``, ``.shifts()`` etc. for DataFrames.

    Raises:
        CorpusError: If the corpus is missing.
    """
    return CorpusData(corpus_dir, speakers=speakers, codebook_path=codebook_path)
