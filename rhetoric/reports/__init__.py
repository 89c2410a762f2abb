"""Reports stage: an overview of actors and current positions, per-actor timelines with charts,
statement cards and shifts, as one self-contained HTML page and as Markdown.

Modules: :mod:`.collect` (what a report shows), :mod:`.charts` (SVG timeline charts),
:mod:`.markdown`, :mod:`.html` (renderers), :mod:`.write` (files).

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
