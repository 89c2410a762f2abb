"""Closed sets (enums) and shared type aliases used across the pipeline.

Example:
    >>> Kind("direct") is Kind.DIRECT
    True
    >>> Relation.PRECONDITION.value
    'precondition'
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

#: A half-open character span ``(start, end)`` into a statement's text.
Span = tuple[int, int]
#: A codebook tag id such as ``"nato_membership"``.
TagId = str
#: A canonical actor id such as ``"zelensky"``.
ActorId = str
#: ``progress(done, total)``: called by long library runs after each item (the CLI draws a bar).
ProgressFn = Callable[[int, int], None]


class Kind(StrEnum):
    """How the statement reaches us: quoted, paraphrased or reported second-hand."""

    DIRECT = "direct"
    PARAPHRASE = "paraphrase"
    REPORTED = "reported"


class DateQualifier(StrEnum):
    """How the recorded date relates to the real date of the statement."""

    NONE = ""
    BEFORE = "before"
    AFTER = "after"
    CIRCA = "circa"


class Precision(StrEnum):
    """How much of a date is known; follows from the form YYYY / YYYY-MM / YYYY-MM-DD."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class Role(StrEnum):
    """Codebook hint for the part a tag usually plays in a condition frame."""

    OUTCOME = "outcome"
    CONDITION = "condition"
    EITHER = "either"


class Relation(StrEnum):
    """How the conditions of a frame relate to its outcomes."""

    PRECONDITION = "precondition"
    EXCHANGE = "exchange"
    UNCONDITIONAL = "unconditional"


class Polarity(StrEnum):
    """Whether the outcome is ruled out until the condition holds (negated) or not."""

    AFFIRMED = "affirmed"
    NEGATED = "negated"


class Modality(StrEnum):
    """How firmly a position is put."""

    FIRM = "firm"
    OPEN = "open"
    HYPOTHETICAL = "hypothetical"
    NEUTRAL = "neutral"


class DictionaryFormat(StrEnum):
    """Dictionary files of other tools that ``codebook import`` reads."""

    YAML = "yaml"  # quanteda
    DIC = "dic"  # LIWC


class CodebookExportFormat(StrEnum):
    """Formats ``codebook export`` writes."""

    YAML = "yaml"
    JSON = "json"


class Commitment(StrEnum):
    """How firmly a statement commits its speaker to the stances it takes."""

    FIRM = "firm"
    OPEN = "open"
    HEDGED = "hedged"
    NONE = "none"


class StanceValue(StrEnum):
    """A holder's stance towards a tagged item."""

    SUPPORT = "support"
    OPPOSE = "oppose"
    NEUTRAL = "neutral"


class MentionSource(StrEnum):
    """Who found a mention: the codebook lexicon or the learned model."""

    LEXICON = "lexicon"
    MODEL = "model"


class TableFormat(StrEnum):
    """Formats of commands that print a table (see :mod:`rhetoric.output.write`)."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


class ReportFormat(StrEnum):
    """Report formats."""

    HTML = "html"
    MD = "md"


class ExportFormat(StrEnum):
    """File formats of ``rhetoric export``."""

    CSV = "csv"
    PARQUET = "parquet"
    JSONL = "jsonl"
