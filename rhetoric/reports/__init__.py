"""Reports stage: the notable shifts first, an overview of actors and current positions, then
per-actor timelines with charts, statement cards and shifts, as one self-contained HTML page
(with an inline filter script) and as Markdown; folded to stay small for large corpora.

Modules: :mod:`.collect` (what a report shows), :mod:`.notable` (the strongest shift per actor),
:mod:`.digest` (what a large corpus shows), :mod:`.charts` (SVG timeline charts),
:mod:`.markdown`, :mod:`.html` and :mod:`.html_blocks` (renderers), :mod:`.write` (files).

Example:
    >>> from rhetoric.reports import write_report
    >>> write_report("corpora/ukraine-nato", out_dir="reports")  # doctest: +SKIP
    [PosixPath('reports/ukraine-nato.html'), PosixPath('reports/ukraine-nato.md')]
"""

from .collect import ActorReport, CurrentPosition, ReportData, collect_report, current_position, report_data
from .write import ReportFormat, write_report

__all__ = [
    "ActorReport",
    "CurrentPosition",
    "ReportData",
    "ReportFormat",
    "collect_report",
    "current_position",
    "report_data",
    "write_report",
]
