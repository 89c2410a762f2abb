"""Stances and commitment through two codebooks (the shipped one and a small nuclear-talks one), and
codebook stance-word extensions checked by `rhetoric codebook check` (every problem listed, exit 1)."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from rhetoric.analyzer import Analyzer
from rhetoric.frames.modality import commitment_of
from rhetoric.types import Commitment

from ..conftest import SEED_CORPUS

NUCLEAR_CODEBOOK = """
[codebook]
name = "nuclear-talks"
version = "0.1"
language = "en"
description = "Items of talks on a nuclear programme (a test codebook)."

[[tag]]
id = "talks"
label = "Talks"
role = "either"
description = "Negotiations on the nuclear file."
patterns = ["talks", "negotiat*", "dialogue"]

[[tag]]
id = "sanctions_relief"
label = "Sanctions relief"
role = "condition"
description = "Lifting or easing sanctions."
patterns = ["sanctions relief", "sanctions", "embargo"]

[[tag]]
id = "enrichment_limits"
label = "Enrichment limits"
role = "condition"
description = "Caps on uranium enrichment."
patterns = ["enrichment", "enrichment cap*|limit*"]

[[tag]]
id = "inspections"
label = "Inspections"
role = "condition"
description = "Inspections and monitoring of nuclear sites."
patterns = ["inspection*", "inspectors", "monitoring"]
"""

WORDS = """
[words.stances]
support_verbs = ["green-light"]
"""


@pytest.fixture(scope="module")
def shipped() -> Analyzer:
    return Analyzer.for_corpus(SEED_CORPUS)


@pytest.fixture(scope="module")
def nuclear(tmp_path_factory) -> Analyzer:
    corpus = tmp_path_factory.mktemp("nuclear")
    (corpus / "codebook.toml").write_text(NUCLEAR_CODEBOOK + WORDS, encoding="utf-8")
    return Analyzer.for_corpus(corpus)


def _stance(analyzer: Analyzer, text: str, tag: str) -> str:
    stances = [s for s in analyzer.analyze_text(text, speaker="x").stances if s.tag == tag]
    assert stances, f"{tag} not tagged in {text!r}"
    return stances[-1].stance


@pytest.mark.parametrize(
    ("text", "tag", "expected"),
    [
        ("The president vowed to end the war this year.", "war_end", "support"),
        ("Any talk of an end to the war is premature, the minister said.", "war_end", "oppose"),
        ("Talks were held in Riyadh on Tuesday.", "negotiations", "neutral"),
        ("We call for a full and lasting ceasefire.", "ceasefire", "support"),
        ("The army will never accept a freeze of the front line.", "ceasefire", "oppose"),
        ("Security guarantees are vital for any settlement.", "security_guarantees", "support"),
        ("Washington has halted military aid to Kyiv.", "military_aid", "oppose"),
    ],
)
def test_shipped_codebook(shipped, text, tag, expected) -> None:
    assert _stance(shipped, text, tag) == expected


@pytest.mark.parametrize(
    ("text", "tag", "expected"),
    [
        ("Tehran insists on sanctions relief before any deal.", "sanctions_relief", "support"),
        ("The envoy ruled out sanctions relief for now.", "sanctions_relief", "oppose"),
        ("Washington will not lift the sanctions.", "sanctions_relief", "support"),
        ("Europe agreed to ease the embargo.", "sanctions_relief", "oppose"),
        ("Strict enrichment limits are the only way to a deal.", "enrichment_limits", "support"),
        ("Inspectors visited the site last week.", "inspections", "neutral"),
        ("The parliament green-lighted tougher inspections.", "inspections", "support"),
        ("Critics warned against fresh talks.", "talks", "oppose"),
    ],
)
def test_other_negotiation_codebook(nuclear, text, tag, expected) -> None:
    assert _stance(nuclear, text, tag) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We insist on inspections before any talks.", Commitment.FIRM),
        ("Sanctions relief must come first.", Commitment.FIRM),
        ("We are ready for talks.", Commitment.OPEN),
        ("Tehran could accept tighter inspections.", Commitment.OPEN),
        ("Perhaps we could accept tighter inspections.", Commitment.HEDGED),
        ("I think sanctions relief is necessary.", Commitment.HEDGED),
        ("Talks took place in Vienna.", Commitment.NONE),
    ],
)
def test_commitment(nuclear, text, expected) -> None:
    assert nuclear.analyze_text(text, speaker="x").commitment is expected


def test_commitment_needs_a_stance() -> None:
    assert commitment_of("We must perhaps insist.", has_stance=False) is Commitment.NONE
    assert commitment_of("May 12 is the date we want a truce.", has_stance=True) is Commitment.FIRM


def test_codebook_check_lists_every_bad_stance_word(tmp_path) -> None:
    from rhetoric.cli import app

    path = tmp_path / "codebook.toml"
    bad = """
[words.stances]
support_verbs = ["push for", "", "back(ed)", "push for"]
bogus_key = ["x"]
"""
    path.write_text(NUCLEAR_CODEBOOK + bad, encoding="utf-8")
    result = CliRunner().invoke(app, ["codebook", "check", "--codebook", str(path)])
    assert result.exit_code == 1
    out = result.stdout + result.stderr
    for problem in (
        "[words.stances.support_verbs] empty phrase",
        "[words.stances.support_verbs] 'back(ed)': '()' is regex syntax",
        "[words.stances.support_verbs] duplicate phrase 'push for'",
        "[words.stances.bogus_key] unknown key",
    ):
        assert problem in out, out


def test_codebook_check_accepts_good_stance_words(tmp_path) -> None:
    from rhetoric.cli import app

    shutil.copy(SEED_CORPUS / "actors.toml", tmp_path / "actors.toml")
    path = tmp_path / "codebook.toml"
    path.write_text(NUCLEAR_CODEBOOK + WORDS, encoding="utf-8")
    result = CliRunner().invoke(app, ["codebook", "check", "--codebook", str(path)])
    assert result.exit_code == 0, result.stdout + result.stderr
