"""What a report needs from one timeline, kept beside it in the timeline cache.

A report reads every position of an actor for its chart and matrix columns, its tag rows and its
current position, and every shift for the ranking of notable shifts and the chart's verdict
marks; it reads only a few positions and shifts besides (the cards and shift details it shows).
:func:`summarize` computes those whole-timeline readings once, when the timeline is built, so a
report after one ``add`` reads an unchanged actor's summary and decodes only the few positions
and shifts it shows (:class:`rhetoric.engine.timelines.LazyTimeline`); the touched actor is
rebuilt and summarized again. The summary is computed by the very functions the report calls on
a full timeline, so the report is the same bytes either way.

Example:
    >>> import orjson
    >>> from rhetoric.engine.codec import encode
    >>> from rhetoric.shifts.timeline import timeline
    >>> row = orjson.loads(encode(summarize(timeline([]))))  # as the timeline cache writes it
    >>> read_summary(row).tags, read_summary(row).ranking
    ((), ())
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..engine.codec import decoder
from ..engine.timelines import TimelineSummary
from ..shifts.current import CurrentPosition, current_position

if TYPE_CHECKING:
    from ..shifts.timeline import Timeline
    from .charts import Column


@dataclass(frozen=True)
class ReportSummary:
    """A timeline's whole-timeline readings for the report (see the module docstring)."""

    #: :func:`rhetoric.reports.charts.timeline_columns` of the timeline.
    columns: tuple[list[Column], bool]
    #: ``Timeline.tags()``.
    tags: tuple[str, ...]
    #: Indices of the shifts, strongest first (``ActorReport.shift_ranking``).
    ranking: tuple[int, ...]
    #: Each shift's verdict value, in timeline order (the chart's marks).
    verdicts: tuple[str, ...]
    #: :func:`rhetoric.shifts.current.current_position` of the timeline.
    current: CurrentPosition
    #: :func:`rhetoric.reports.digest.counts_by_period` of the timeline's analyses.
    periods: dict[str, tuple[list[int], Counter]]


def ranking(tl: Timeline) -> tuple[int, ...]:
    """Indices of the timeline's shifts, strongest first (:func:`rhetoric.reports.notable.strength`)."""
    from .notable import strength

    shifts = tl.shifts
    return tuple(sorted(range(len(shifts)), key=lambda k: strength(shifts[k], k), reverse=True))


def summarize(tl: Timeline) -> list[Any]:
    """The summary of a full timeline as a row the codec writes (read by :func:`read_summary`)."""
    from .charts import timeline_columns
    from .digest import counts_by_period

    columns, by_period = timeline_columns(tl)
    return [
        [[c.label, c.cells] for c in columns],
        by_period,
        tl.tags(),
        ranking(tl),
        [s.verdict.value for s in tl.shifts],
        current_position(tl),
        [[k, indices, list(tags.items())] for k, (indices, tags) in counts_by_period(tl.analyses).items()],
    ]


def read_summary(row: list[Any]) -> ReportSummary:
    """A summary row back (raises ``ValueError``/``TypeError`` on a row of the wrong shape)."""
    from .charts import Column

    columns, by_period, tags, ranks, verdicts, current, periods = row
    if not isinstance(by_period, bool):
        raise TypeError("a summary's by_period is a boolean")
    read = [Column(tuple(label), {t: tuple(m) for t, m in cells.items()}) for label, cells in columns]
    return ReportSummary(
        (read, by_period),
        tuple(tags),
        tuple(map(int, ranks)),
        tuple(map(str, verdicts)),
        decoder(CurrentPosition)(current),
        {str(k): (list(map(int, indices)), Counter(dict(counts))) for k, indices, counts in periods},
    )


#: The report's summaries, as the session passes them to the timeline cache.
REPORT_SUMMARY = TimelineSummary(summarize, read_summary)

__all__ = ["REPORT_SUMMARY", "ReportSummary", "ranking", "read_summary", "summarize"]
