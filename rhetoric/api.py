"""The pandas API: ``rhetoric.load(corpus_dir)`` and the same tidy tables as ``rhetoric export``.

Example:
    >>> import rhetoric
    >>> data = rhetoric.load("corpora/ukraine-nato")
    >>> frames = data.frames()
    >>> list(frames.columns[:3])
    ['statement_id', 'frame_id', 'speaker']
    >>> data.shifts().query("speaker == 'zelensky' and step == 1")["verdict"].iloc[0]
    'softened'
    >>> data.current_positions().set_index("speaker").loc["zelensky", "conditions"]
    'nato_membership'
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from .analysis import CorpusAnalysis
from .export.dictionary import TABLE_NAMES
from .export.tables import table_frame
from .session import Session
from .types import ProgressFn

if TYPE_CHECKING:
    import pandas as pd


_POSITION_FIELDS = (
    "as_of_id",
    "as_of_date",
    "framed_id",
    "conditions",
    "outcomes",
    "modality",
    "supports",
    "opposes",
)


class CorpusData:
    """A corpus read for analysis in pandas: one DataFrame per export table.

    The corpus is analysed once, on the first table asked for, through its
    :class:`~rhetoric.session.Session` (``.session``); the tables have exactly the columns of
    the data dictionary (``rhetoric export --describe``).
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
        self.session = Session.open(corpus_dir, codebook=codebook_path)
        self.session.corpus.require()
        self.corpus_dir = Path(corpus_dir)
        self._speakers = list(speakers) if speakers is not None else None
        self._progress = progress
        self._analysis: CorpusAnalysis | None = None

    def __repr__(self) -> str:
        return f"CorpusData({str(self.corpus_dir)!r})"

    @property
    def analysis(self) -> CorpusAnalysis:
        """The underlying analysis (statements, mentions, frames, stances, timelines)."""
        if self._analysis is None:
            self._analysis = self.session.corpus_analysis(speakers=self._speakers, progress=self._progress)
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

    def current_positions(self) -> pd.DataFrame:
        """One row per actor: where it stands now (the report's rule, :func:`rhetoric.shifts.current.current_position`).

        Columns: ``speaker``, ``as_of_id``, ``as_of_date``, ``framed_id``, ``conditions``,
        ``outcomes``, ``modality``, ``supports``, ``opposes`` (tag lists joined by ``;``).
        """
        import pandas as pd

        from .shifts.current import current_position

        rows = []
        for tl in self.analysis.timelines:
            cp = current_position(tl)
            row = {"speaker": tl.speaker, **{k: getattr(cp, k) for k in _POSITION_FIELDS}}
            rows.append({k: ";".join(v) if isinstance(v, tuple) else v for k, v in row.items()})
        return pd.DataFrame(rows, columns=["speaker", *_POSITION_FIELDS])

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
