"""Fixtures for report tests: the seed corpus's report data, and the awkward corpus of the export tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from rhetoric.reports.collect import ReportData, collect_report
from tests.conftest import SEED_CORPUS
from tests.export.conftest import awkward_corpus, make_corpus  # noqa: F401

GOLDEN_DIR = Path(__file__).parent / "golden"


@pytest.fixture(scope="session")
def seed_data() -> ReportData:
    """Report data of the shipped corpus, collected once per session."""
    return collect_report(SEED_CORPUS)
