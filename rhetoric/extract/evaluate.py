"""Scoring extraction against a hand-annotated list: precision and recall by speaker + overlapping span.

An annotation file is a JSON array of objects with ``speaker`` (actor id) and ``quote``
(an exact, distinctive substring of the article inside the statement), optionally
``date``, ``date_qualifier`` and ``note``. A candidate is correct when an annotation with
the same speaker overlaps it; an annotation is recovered when such a candidate exists.

Example:
    >>> from rhetoric.extract.candidate import Candidate
    >>> gold = [Expected("putin", "No", 0, 2)]
    >>> s = score([Candidate("putin", "Putin", "No.", "paraphrase", "2024", "", 0, 3, "said", 0.9)], gold)
    >>> (s.precision, s.recall)
    (1.0, 1.0)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputFormatError
from .candidate import Candidate


@dataclass(frozen=True)
class Expected:
    """One hand-annotated statement: speaker and span in the article."""

    speaker: str
    quote: str
    start: int
    end: int
    date: str = ""
    date_qualifier: str = ""


@dataclass(frozen=True)
class Score:
    """Precision/recall figures and the items behind them."""

    correct: tuple[Candidate, ...]
    spurious: tuple[Candidate, ...]
    recovered: tuple[Expected, ...]
    missed: tuple[Expected, ...]
    wrong_speaker: tuple[Expected, ...]

    @property
    def precision(self) -> float:
        """Correct candidates / all candidates (1.0 when there are none)."""
        total = len(self.correct) + len(self.spurious)
        return len(self.correct) / total if total else 1.0

    @property
    def recall(self) -> float:
        """Recovered annotations / all annotations (1.0 when there are none)."""
        total = len(self.recovered) + len(self.missed)
        return len(self.recovered) / total if total else 1.0

    def summary(self) -> str:
        """One line: ``precision P (c/n), recall R (r/m)``."""
        n = len(self.correct) + len(self.spurious)
        m = len(self.recovered) + len(self.missed)
        return (
            f"precision {self.precision:.2f} ({len(self.correct)}/{n}), "
            f"recall {self.recall:.2f} ({len(self.recovered)}/{m})"
        )


def load_expected(path: str | Path, text: str) -> list[Expected]:
    """Read an annotation file and locate each quote in the article.

    Raises:
        InputFormatError: If the file is malformed or a quote is not in the article.
    """
    p = Path(path)
    try:
        rows = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputFormatError(f"cannot read annotations: {exc}", path=str(p)) from None
    out: list[Expected] = []
    for n, row in enumerate(rows, start=1):
        quote = row.get("quote", "")
        start = text.find(quote) if quote else -1
        if start < 0:
            raise InputFormatError(
                f"quote {quote!r} is not in the article", path=str(p), line=n, field="quote"
            )
        out.append(
            Expected(
                row["speaker"],
                quote,
                start,
                start + len(quote),
                row.get("date", ""),
                row.get("date_qualifier", ""),
            )
        )
    return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def score(candidates: Sequence[Candidate], expected: Sequence[Expected]) -> Score:
    """Match candidates to annotations by speaker and overlapping span."""
    correct, spurious = [], []
    for c in candidates:
        hit = any(e.speaker == c.speaker and _overlap(c.start, c.end, e.start, e.end) for e in expected)
        (correct if hit else spurious).append(c)
    recovered, missed, wrong = [], [], []
    for e in expected:
        overlapping = [c for c in candidates if _overlap(c.start, c.end, e.start, e.end)]
        if any(c.speaker == e.speaker for c in overlapping):
            recovered.append(e)
        else:
            missed.append(e)
            if overlapping and not any(
                c.speaker == other.speaker and _overlap(c.start, c.end, other.start, other.end)
                for c in overlapping
                for other in expected
            ):
                wrong.append(e)
    return Score(tuple(correct), tuple(spurious), tuple(recovered), tuple(missed), tuple(wrong))
