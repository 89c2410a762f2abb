"""The shipped ukraine-nato codebook: check passes, seed expectations, held-out precision/recall."""

from __future__ import annotations

import pytest

from rhetoric.codebook import load_codebook
from rhetoric.tagging import Tagger
from rhetoric.tagging.check import check_codebook

from .conftest import SHIPPED_CODEBOOK, heldout_rows

REQUIRED_TAGS = {
    "negotiations", "ceasefire", "peace_deal", "war_end", "withdrawal", "borders_1991",
    "territorial_concession", "nato_membership", "security_guarantees", "neutrality", "foreign_troops",
    "military_aid", "sanctions", "demilitarization", "accountability", "prisoners", "leadership",
}  # fmt: skip

# Statements of the seed article (seeds/000_194b2d9dfd68f7ca.txt) as free text, with the expectations.
SEED = [
    (
        "Last week, the Ukrainian president renewed calls for Ukraine to join the US-led military alliance, "
        "going so far as to call it a “necessary thing for the country’s survival” in a meeting with EU "
        "foreign policy chief Kaja Kallas.",
        {"nato_membership"},
    ),
    (
        "membership is not on the table at the moment – because the US, Germany and Hungary oppose it, and "
        "membership “is an option that makes many allies very uneasy”.",
        {"nato_membership"},
    ),
    (
        "President-elect Donald Trump, on the other hand, has never supported the idea of Ukrainian "
        "NATO membership at all, instead promising to end the war within 24 hours of his return to the "
        "White House.",
        {"nato_membership", "war_end"},
    ),
    (
        "the US “should offer to put off NATO membership for Ukraine for an extended period in exchange "
        "for a comprehensive and verifiable peace deal with security ”.",
        {"nato_membership", "peace_deal"},
    ),
    (
        "the alliance itself has repeatedly stated that Ukraine cannot be granted membership until the "
        "war with Russia is over.",
        {"nato_membership", "war_end"},
    ),
    (
        "Moscow has presented its peace terms as requiring Kiev to drop its plans to join NATO, commit to "
        "neutral status and renounce all claims to the Ukrainian regions annexed by Russia.",
        {"peace_deal", "nato_membership", "neutrality", "territorial_concession"},
    ),
    (
        "peace negotiations are not possible until Russia carries out a “complete withdrawal” from all "
        "internationally recognized Ukrainian territory and restores the 1991 borders.",
        {"negotiations", "withdrawal", "borders_1991"},
    ),
    (
        "he recently opened up to agreeing to a cease-fire – as long as Ukraine’s NATO membership can be "
        "guaranteed.",
        {"ceasefire", "nato_membership"},
    ),
]


def test_check_passes() -> None:
    assert check_codebook(SHIPPED_CODEBOOK) == []


def test_required_tags_with_enough_examples() -> None:
    cb = load_codebook(SHIPPED_CODEBOOK)
    assert REQUIRED_TAGS <= set(cb.tag_ids)
    for spec in cb.tags:
        assert len(spec.examples_positive) >= 4, spec.id
        assert len(spec.examples_negative) >= 2, spec.id
        assert spec.description.strip() and spec.label.strip()


@pytest.mark.parametrize(("text", "tags"), SEED)
def test_seed_statements(shipped_tagger: Tagger, text: str, tags: set[str]) -> None:
    assert {m.tag for m in shipped_tagger.tag(text)} == tags


def test_seed_article_lines_keep_offsets(shipped_tagger: Tagger, repo_root) -> None:
    text = (repo_root / "seeds" / "000_194b2d9dfd68f7ca.txt").read_text(encoding="utf-8")
    mentions = shipped_tagger.tag(text)
    assert mentions and all(text[m.start : m.end] == m.text for m in mentions)


def test_heldout_precision_and_recall(shipped_tagger: Tagger) -> None:
    tp = fp = fn = 0
    for row in heldout_rows():
        expected = set(row["tags"])
        got = {m.tag for m in shipped_tagger.tag(row["text"])}
        tp += len(expected & got)
        fp += len(got - expected)
        fn += len(expected - got)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


def test_heldout_is_not_the_codebook_examples() -> None:
    cb = load_codebook(SHIPPED_CODEBOOK)
    examples = {e for t in cb.tags for e in (*t.examples_positive, *t.examples_negative)}
    assert not examples & {row["text"] for row in heldout_rows()}
