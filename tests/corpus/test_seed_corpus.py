"""The shipped seed corpus and seed sidecar: every attributed statement of the article, as printed."""

from __future__ import annotations

import tomllib

import pytest

from rhetoric.corpus import Corpus, validate_corpus
from tests.conftest import SEED_CORPUS, SEEDS_DIR

ARTICLE = (SEEDS_DIR / "000_194b2d9dfd68f7ca.txt").read_text(encoding="utf-8")

# (speaker, date, date_qualifier, kind, words the text must contain)
EXPECTED = [
    ("le_monde", "2024-12-03", "", "paraphrase", "facing new opposition"),
    ("zelensky", "2024-12-01", "", "direct", "“necessary thing for the country’s survival”"),
    ("le_monde_diplomat", "2024-12-03", "", "direct", "“is an option that makes many allies very uneasy”"),
    ("france", "2024-12-03", "circa", "reported", "are said to support Ukrainian NATO membership"),
    ("uk", "2024-12-03", "circa", "reported", "are said to support Ukrainian NATO membership"),
    ("trump", "2024-12", "before", "paraphrase", "end the war within 24 hours"),
    ("kellogg", "2024-12", "before", "direct", "“should offer to put off NATO membership"),
    ("ukraine", "2022-09", "", "paraphrase", "formally applied for membership"),
    ("nato", "2024-12", "before", "paraphrase", "cannot be granted membership until the war"),
    ("putin", "2024-12", "before", "paraphrase", "NATO’s eastward expansion"),
    ("russia", "2024-12", "before", "paraphrase", "drop its plans to join NATO, commit to neutral status"),
    ("zelensky", "2024-12", "before", "direct", "“complete withdrawal”"),
    ("zelensky", "2024-12", "circa", "paraphrase", "cease-fire – as long as Ukraine’s NATO membership"),
]


@pytest.fixture(scope="module")
def seed() -> list:
    return Corpus(SEED_CORPUS).statements()


def test_seed_corpus_validates_without_warnings() -> None:
    report = validate_corpus(Corpus(SEED_CORPUS))
    assert report.ok and report.warnings == ()


def test_every_attributed_statement_is_there(seed: list) -> None:
    got = [(s.speaker, s.date, s.date_qualifier, s.kind) for s in seed]
    assert got == [e[:4] for e in EXPECTED]
    for s, expected in zip(seed, EXPECTED, strict=True):
        assert expected[4] in s.text


def test_texts_are_printed_in_the_article(seed: list) -> None:
    for s in seed:
        assert s.text in ARTICLE, s.text
        assert s.source == "Nordic Times" and s.document == "seeds/000_194b2d9dfd68f7ca.txt"
        assert s.added_at == "2026-11-28T00:00:00Z"


def test_le_monde_relays_are_noted(seed: list) -> None:
    relayed = [s.speaker for s in seed if "via Le Monde" in s.note]
    assert relayed == ["le_monde_diplomat", "france", "uk"]


def test_zelensky_earlier_sorts_before_recently(seed: list) -> None:
    zel = sorted((s for s in seed if s.speaker == "zelensky"), key=lambda s: s.sort_key())
    assert ["complete withdrawal" in zel[0].text, "cease-fire" in zel[1].text] == [True, True]


def test_seed_sidecar() -> None:
    meta = tomllib.loads((SEEDS_DIR / "000_194b2d9dfd68f7ca.toml").read_text(encoding="utf-8"))
    assert meta["outlet"] == "Nordic Times"
    assert meta["title"] == "Reports: US opposes Ukrainian NATO membership"
    assert (meta["date"], meta["date_precision"]) == ("2024-12", "month")
    assert meta["relays"] == {"outlet": "Le Monde", "date": "2024-12-03"}
