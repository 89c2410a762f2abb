"""The extraction result: a candidate statement for review, with offsets, cue and confidence.

Example:
    >>> c = Candidate(speaker="zelensky", speaker_as_written="Zelensky", text="“No.”", kind="direct",
    ...               date="2024-12", date_qualifier="circa", start=0, end=5, cue="said", confidence=0.9)
    >>> list(c.to_dict())[:4]
    ['speaker', 'speaker_as_written', 'text', 'kind']
    >>> c.to_record()["note"]
    'extracted (cue: said; confidence 0.90)'
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from ..dates import PartialDate
from ..records import RECORD_KEYS


@dataclass(frozen=True)
class Candidate:
    """A proposed attributed statement; ``text == article[start:end]``.

    ``position`` is the candidate's 0-based rank by offset among the article's candidates, so
    that the statements of one article keep their order once stored. ``speaker_known`` is
    false when the speaker is not an actor of ``actors.toml`` (a name or organisation kept as
    written, or a descriptor such as "a senior official" the article never names).
    """

    speaker: str
    speaker_as_written: str
    text: str
    kind: str
    date: str
    date_qualifier: str
    start: int
    end: int
    cue: str
    confidence: float
    source: str = ""
    url: str = ""
    document: str = ""
    date_evidence: str = ""
    speaker_known: bool = True
    note: str = ""
    position: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Mapping in field order (the JSON contract)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def sort_key(self) -> tuple:
        """Chronological key: date (qualifier-aware), then offset; undated candidates last."""
        if not self.date:
            return (1, (), self.start)
        return (0, PartialDate.parse(self.date).sort_key(self.date_qualifier), self.start)

    def to_record(self) -> dict[str, Any]:
        """The statement fields for the corpus add path (``rhetoric.corpus.add_statements``).

        The fields that are not statement fields (offsets, cue, confidence, date evidence,
        ``speaker_known``) go into ``meta``, as when the reviewed JSONL of ``extract`` is imported:
        a statement keeps where in the article it was found, whichever way it entered the corpus.
        """
        note = f"extracted (cue: {self.cue}; confidence {self.confidence:.2f})"
        if self.note:
            note += f"; {self.note}"
        return {
            "speaker": self.speaker,
            "speaker_as_written": self.speaker_as_written,
            "date": self.date,
            "date_qualifier": self.date_qualifier,
            "text": self.text,
            "kind": self.kind,
            "source": self.source,
            "url": self.url,
            "document": self.document,
            "note": note,
            "position": self.position,
            "meta": {f.name: getattr(self, f.name) for f in fields(self) if f.name not in RECORD_KEYS},
        }
