"""Fixtures for the frames stage: mentions built by hand, so frame logic is tested apart from the tagger."""

from __future__ import annotations

from pathlib import Path

import pytest

from rhetoric.analyzer import Analyzer
from rhetoric.codebook.load import load_codebook
from rhetoric.frames.config import FramesConfig
from rhetoric.lang import language_of
from rhetoric.records import Mention
from rhetoric.tagging.tagger import Tagger
from rhetoric.text.sentences import sentence_index, split_sentences


def mentions_for(text: str, marks: list[tuple[str, str]]) -> list[Mention]:
    """Mentions for ``(tag, phrase)`` pairs; a phrase is found after the previous mark of the same phrase."""
    spans = split_sentences(text)
    out, cursor = [], {}
    for tag, phrase in marks:
        start = text.find(phrase, cursor.get(phrase, 0))
        assert start >= 0, f"{phrase!r} not in {text!r}"
        cursor[phrase] = start + len(phrase)
        out.append(Mention(tag, start, start + len(phrase), phrase, sentence_index(spans, start), phrase))
    return sorted(out, key=lambda m: (m.start, m.end, m.tag))


@pytest.fixture
def mk():
    """Build mentions from ``(tag, phrase)`` pairs: ``mk(text, [("ceasefire", "truce")])``."""
    return mentions_for


@pytest.fixture(scope="session")
def registry():
    """A small actor registry with states, an alliance and people (acronyms in capitals)."""
    from rhetoric.actors import ActorRegistry

    return ActorRegistry.from_dict(
        {
            "actors": {
                "us": {
                    "name": "United States",
                    "kind": "state",
                    "aliases": ["US", "U.S.", "USA", "Washington"],
                },
                "uk": {
                    "name": "United Kingdom",
                    "kind": "state",
                    "aliases": ["UK", "U.K.", "Britain", "London"],
                },
                "germany": {"name": "Germany", "kind": "state", "aliases": ["Berlin"]},
                "hungary": {"name": "Hungary", "kind": "state", "aliases": ["Budapest"]},
                "france": {"name": "France", "kind": "state", "aliases": ["Paris"]},
                "russia": {"name": "Russia", "kind": "state", "aliases": ["Moscow", "the Kremlin"]},
                "ukraine": {"name": "Ukraine", "kind": "state", "aliases": ["Kyiv", "Kiev"]},
                "nato": {"name": "NATO", "kind": "organisation", "aliases": ["the alliance"]},
                "zelensky": {"name": "Volodymyr Zelensky", "aliases": ["Zelensky", "Zelenskyy"]},
                "trump": {"name": "Donald Trump", "aliases": ["Trump", "President-elect Donald Trump"]},
            }
        }
    )


HOSTAGES = Path(__file__).parent / "data" / "hostages_codebook.toml"


@pytest.fixture(scope="module")
def war() -> Analyzer:
    """The analyzer of the shipped codebook (a war)."""
    from ..conftest import SEED_CORPUS

    return Analyzer.for_corpus(SEED_CORPUS)


@pytest.fixture(scope="module")
def hostages() -> Analyzer:
    """The analyzer of a small codebook of another negotiation (hostages and a truce)."""
    codebook = load_codebook(HOSTAGES)
    config = FramesConfig.from_codebook_table(
        codebook.extensions.get("frames"), tag_ids=codebook.tag_ids, language=language_of(codebook)
    )
    return Analyzer(Tagger.from_codebook(codebook), cues=config.cues)
