"""What a report needs from one timeline, kept beside it in the timeline cache.

A report reads every position of an actor for its chart and matrix columns, its tag rows and its
current position, and every shift for the ranking of notable shifts and the chart's verdict
marks; it reads only a few positions and shifts besides (the cards and shift details it shows).
:func:`summarize` computes those whole-timeline readings once, when the timeline is built, so a
report after one ``add`` reads an unchanged actor's summary and decodes only the few positions
and shifts it shows (:class:`rhetoric.engine.timelines.LazyTimeline`); the touched actor is
rebuilt and summarized again, or, when it only gained statements at its end, its summary is
carried on from the cached one by reading just the new positions and shifts (:func:`extend`:
period columns and counts, tags, ranking and current position are all running readings that a
timeline's new end can be added to). The summary is computed by the very functions the report
calls on a full timeline, so the report is the same bytes either way (tests compare
:func:`extend` with :func:`summarize` of the whole timeline).

Example:
    >>> import orjson
    >>> from rhetoric.engine.codec import encode
    >>> from rhetoric.shifts.timeline import timeline
    >>> row = orjson.loads(encode(summarize(timeline([]))))  # as the timeline cache writes it
    >>> read_summary(row).tags, read_summary(row).ranking
    ((), ())
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..engine.codec import decoder
from ..engine.timelines import TimelineSummary
from ..shifts.current import CurrentPosition, StanceFold, current_reading, extended_current

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
    #: Each shift's verdict weight and evidence count (its rank without its index).
    strengths: tuple[tuple[int, int], ...] = ()
    #: The months of the statements' dates (``date[:7]``), in first-seen order.
    months: tuple[str, ...] = ()
    #: The latest occasion stating conditions (:func:`~rhetoric.shifts.current.current_reading`).
    at: int | None = None
    #: The stances read from that occasion on.
    fold: StanceFold | None = None


def ranking(tl: Timeline) -> tuple[int, ...]:
    """Indices of the timeline's shifts, strongest first (:func:`rhetoric.reports.notable.strength`)."""
    from .notable import strength

    shifts = tl.shifts
    return tuple(sorted(range(len(shifts)), key=lambda k: strength(shifts[k], k), reverse=True))


def summarize(tl: Timeline) -> list[Any]:
    """The summary of a full timeline as a row the codec writes (read by :func:`read_summary`)."""
    from .charts import timeline_columns
    from .digest import counts_by_period
    from .notable import strength

    current, at, fold = current_reading(tl)
    return _row(
        ReportSummary(
            timeline_columns(tl),
            tl.tags(),
            ranking(tl),
            tuple(s.verdict.value for s in tl.shifts),
            current,
            counts_by_period(tl.analyses),
            tuple(strength(s, k)[:2] for k, s in enumerate(tl.shifts)),
            tuple(dict.fromkeys(a.statement.date[:7] for a in tl.analyses)),
            at,
            fold,
        )
    )


def extend(
    summary: ReportSummary, tl: Any, start: int, shift_start: int, occasion_start: int
) -> list[Any] | None:
    """The summary of ``tl`` as a row, from ``summary`` of its first ``start`` statements (and
    ``shift_start`` shifts, ``occasion_start`` occasions) and the positions and shifts after
    them, read one by one (``tl.position_at``, ``tl.shift_at``: a cached timeline is not decoded
    whole). None when it cannot be carried on (a short timeline drawn one column per
    statement, a chart that turns from months to years): then :func:`summarize` it.
    """
    from .charts import MAX_COLUMNS, Column, period_cell, statement_marks
    from .digest import mention_tags
    from .notable import strength

    columns, by_period = summary.columns
    n = len(tl.analyses)
    if not by_period or n <= MAX_COLUMNS or summary.fold is None:
        return None
    added = tl.analyses[start:]
    months = tuple(dict.fromkeys((*summary.months, *(a.statement.date[:7] for a in added))))
    width = 7 if len(months) <= MAX_COLUMNS else 4
    if width != (7 if len(summary.months) <= MAX_COLUMNS else 4):
        return None
    # Columns and period counts: each added statement joins its period (a new period comes
    # last, as the statement does); a cell stands for the marks it was read from.
    columns = list(columns)
    at_column = {c.label[0]: j for j, c in enumerate(columns)}
    periods = dict(summary.periods)
    touched: dict[str, tuple[list[int], Counter]] = {}
    tags = dict.fromkeys(summary.tags)
    for i, a in enumerate(added, start):
        key = a.statement.date[:width] or "undated"
        j = at_column.get(key)
        if j is None:
            j = at_column[key] = len(columns)
            columns.append(Column((key, "n=0"), {}))
        column = columns[j]
        cells = dict(column.cells)
        position = tl.position_at(i)
        for tag, state in position.states:
            marks = statement_marks(state)
            if marks:
                cells[tag] = period_cell({*cells.get(tag, ()), *marks})
        columns[j] = Column((key, f"n={int(column.label[1][2:]) + 1}"), cells)
        tags.update(dict.fromkeys(position.tags()))
        if key not in touched:  # (copied once: the cached summary's lists are not changed)
            indices, counts = periods.get(key, ([], Counter()))
            periods[key] = touched[key] = (list(indices), Counter(counts))
        periods[key][0].append(i)
        periods[key][1].update(mention_tags(a))
    strengths = list(summary.strengths)
    ranked = list(summary.ranking)
    verdicts = list(summary.verdicts)
    for k in range(shift_start, tl.n_shifts):
        shift = tl.shift_at(k)
        strengths.append(strength(shift, k)[:2])
        bisect.insort(ranked, k, key=lambda j: (-strengths[j][0], -strengths[j][1], -j))
        verdicts.append(shift.verdict.value)
    fold = StanceFold(dict(summary.fold.stated), set(summary.fold.demanded), dict(summary.fold.order))
    current, at, fold = extended_current(
        tl, summary.current, summary.at, fold, first=occasion_start, position=tl.position_at
    )
    return _row(
        ReportSummary(
            (columns, True),
            tuple(tags),
            tuple(ranked),
            tuple(verdicts),
            current,
            periods,
            tuple(strengths),
            months,
            at,
            fold,
        )
    )


def _runs(indices: list[int]) -> list[list[int]]:
    """Sorted indices as ``[first, length]`` runs (a period's statements mostly follow each other)."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][0] + runs[-1][1] == i:
            runs[-1][1] += 1
        else:
            runs.append([i, 1])
    return runs


def _row(s: ReportSummary) -> list[Any]:
    columns, by_period = s.columns
    fold = s.fold if s.fold is not None else StanceFold()
    return [
        [[c.label, c.cells] for c in columns],
        by_period,
        s.tags,
        s.ranking,
        s.verdicts,
        s.current,
        [[k, _runs(indices), list(tags.items())] for k, (indices, tags) in s.periods.items()],
        s.strengths,
        s.months,
        [s.at, list(fold.stated.items()), sorted(fold.demanded), list(fold.order)],
    ]


def read_summary(row: list[Any]) -> ReportSummary:
    """A summary row back (raises ``ValueError``/``TypeError`` on a row of the wrong shape)."""
    from .charts import Column

    columns, by_period, tags, ranks, verdicts, current, periods, strengths, months, fold = row
    if not isinstance(by_period, bool):
        raise TypeError("a summary's by_period is a boolean")
    read = [Column(tuple(label), {t: tuple(m) for t, m in cells.items()}) for label, cells in columns]
    at, stated, demanded, order = fold
    if at is not None and not isinstance(at, int):
        raise TypeError("a summary's occasion index is an integer")
    return ReportSummary(
        (read, by_period),
        tuple(tags),
        tuple(map(int, ranks)),
        tuple(map(str, verdicts)),
        decoder(CurrentPosition)(current),
        {
            str(k): (
                [i for first, length in runs for i in range(first, first + length)],
                Counter(dict(counts)),
            )
            for k, runs, counts in periods
        },
        tuple((int(w), int(e)) for w, e in strengths),
        tuple(map(str, months)),
        at,
        StanceFold(
            {str(t): str(v) for t, v in stated}, set(map(str, demanded)), dict.fromkeys(map(str, order))
        ),
    )


#: The report's summaries, as the session passes them to the timeline cache.
REPORT_SUMMARY = TimelineSummary(summarize, read_summary, extend)

__all__ = ["REPORT_SUMMARY", "ReportSummary", "extend", "ranking", "read_summary", "summarize"]
