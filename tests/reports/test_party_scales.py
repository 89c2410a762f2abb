"""The report's party timelines are compared as the session's are: with the codebook's opposites
and scales (a party whose members move along a scale softens, it is not only reframed)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.corpus import init_corpus
from rhetoric.reports.collect import collect_report
from rhetoric.session import Session
from rhetoric.shifts.model import Verdict

from ..shifts.test_scales import CODEBOOK

ACTORS = """
[actors.envoy_one]
name = "Envoy One"
party = "mission"

[actors.envoy_two]
name = "Envoy Two"
party = "mission"
"""

ROWS = [
    {"speaker": "envoy_one", "date": "2024-01-10", "source": "Wire", "text": "We insist on zero enrichment."},
    {"speaker": "envoy_two", "date": "2024-03-02", "source": "Post",
     "text": "We could accept enrichment capped at 3.67%."},
]


def test_party_timeline_in_the_report_uses_the_scales(tmp_path) -> None:
    c = init_corpus(tmp_path / "c")
    (c.path / "codebook.toml").write_text(CODEBOOK, encoding="utf-8")
    (c.path / "actors.toml").write_text(ACTORS, encoding="utf-8")
    src = tmp_path / "rows.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(src), "--corpus", str(c.path)])
    assert result.exit_code == 0, result.output

    (party,) = collect_report(c.path).parties
    assert [s.verdict for s in party.timeline.shifts] == [Verdict.SOFTENED]
    alone = Session.open(c.path).timeline(party="mission")
    assert [s.to_dict() for s in party.timeline.shifts] == [s.to_dict() for s in alone.shifts]
