"""CLI: `codebook check` on negated patterns, overrides and scales (exact lines, exit codes)."""

from __future__ import annotations

from pathlib import Path

GOOD = """[codebook]
name = "features"

[[tag]]
id = "zero_enrichment"
label = "Zero enrichment"
description = "No enrichment."
role = "either"
patterns = ["zero enrichment"]
overrides = ["enrichment_cap"]

[[tag]]
id = "enrichment_cap"
label = "Cap"
description = "Enrichment capped."
role = "either"
patterns = ["3.67%", "enrichment", { pattern = "beyond 3.67%", polarity = "negated" }]
[tag.examples]
positive = ["A cap at 3.67 % holds.", "Iran went beyond 3.67%."]
negative = ["We demand zero enrichment."]

[[scale]]
id = "enrichment"
steps = ["zero_enrichment", "enrichment_cap"]
hard = "zero_enrichment"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "codebook.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_check_passes_with_every_feature(cli, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    result = cli("codebook", "check", "--codebook", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"OK: {path}: 2 tags, 4 patterns, 3 examples pass\n"


def test_check_reports_bad_entries_one_line_each(cli, tmp_path: Path) -> None:
    bad = (
        GOOD.replace('polarity = "negated"', 'polarity = "opposite"')
        .replace('overrides = ["enrichment_cap"]', 'overrides = ["zero_enrichment"]')
        .replace('steps = ["zero_enrichment", "enrichment_cap"]', 'steps = ["zero_enrichment", "enrichment_cup"]')
    )
    path = write(tmp_path, bad)
    result = cli("codebook", "check", "--codebook", str(path))
    assert result.exit_code == 1
    assert result.stdout == (
        "[enrichment_cap.patterns[2].polarity] unknown polarity 'opposite' (use affirmed, negated)\n"
        "[zero_enrichment.overrides] a tag cannot override itself\n"
        "[scale.enrichment.steps] unknown tag 'enrichment_cup'\n"
    )
    assert result.stderr == f"Error: 3 problem(s) in {path}\n"
