"""Fixtures for export tests: the seed corpus analysed once, and a corpus with awkward text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rhetoric.analysis import CorpusAnalysis
from rhetoric.corpus import Corpus, add_statement, init_corpus
from rhetoric.session import analyze_all
from tests.conftest import SEED_CORPUS

GOLDEN_DIR = Path(__file__).parent / "golden"
ADDED_AT = "2025-01-02T03:04:05Z"

#: Statements whose text stresses escaping: quotes, commas, a line break, markup, non-ASCII.
AWKWARD = (
    (
        "zelensky",
        "2024-06",
        "He said \"<script>alert('x')</script>\" & talks, no,\nnot until Russia withdraws.",
    ),
    ("zelensky", "2024-11", "Зеленський: a cease-fire is possible as long as NATO membership is guaranteed."),
    ("putin", "2024", "Talks are only possible if Kyiv recognises the new territorial realities."),
    # an unknown speaker is kept as written: it must not break file names, HTML ids or Markdown
    ("AP/Reuters <b>", "2024-02", "No talks until Russia withdraws."),
)


@pytest.fixture(scope="session")
def seed_analysis() -> CorpusAnalysis:
    """The shipped corpus, analysed once per session."""
    return analyze_all(SEED_CORPUS)


def make_corpus(root: Path, statements=AWKWARD, *, url: str = "") -> Corpus:
    """A corpus with the seed actors and codebook and the given ``(speaker, date, text)`` statements."""
    corpus = init_corpus(root)
    for name in ("actors.toml", "codebook.toml"):
        shutil.copy(SEED_CORPUS / name, corpus.path / name)
    for speaker, date, text in statements:
        add_statement(corpus, speaker=speaker, date=date, text=text, url=url, added_at=ADDED_AT)
    return corpus


@pytest.fixture
def awkward_corpus(tmp_path: Path) -> Corpus:
    """A corpus whose statements hold quotes, commas, a newline, ``<script>``, Cyrillic and an odd speaker."""
    return make_corpus(tmp_path / "awkward")
