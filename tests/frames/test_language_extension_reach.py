"""A codebook's ``[words]`` extensions reach every reader: the frame's modality and the stances' clauses.

Frames read modality markers and clause words of the codebook's language; stances read the same
clause boundaries as the frames. A phrase added under ``[words.modality]`` or ``[words.frames]``
must change the reading where it occurs, and nothing where it does not.
"""

from __future__ import annotations

import pytest

from rhetoric.analyzer import Analyzer

from .test_stances_codebooks import NUCLEAR_CODEBOOK

EXTENSION = """
[words.modality]
hypothetical = ["in a perfect world"]

[words.frames]
boundary_words = ["albeit"]
"""


def _analyzer(tmp_path_factory, extra: str) -> Analyzer:
    corpus = tmp_path_factory.mktemp("codebook")
    (corpus / "codebook.toml").write_text(NUCLEAR_CODEBOOK + extra, encoding="utf-8")
    return Analyzer.for_corpus(corpus)


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Analyzer:
    return _analyzer(tmp_path_factory, "")


@pytest.fixture(scope="module")
def extended(tmp_path_factory) -> Analyzer:
    return _analyzer(tmp_path_factory, EXTENSION)


def _modalities(analyzer: Analyzer, text: str) -> list[str]:
    return [str(f.modality) for f in analyzer.analyze_text(text).frames]


def _stances(analyzer: Analyzer, text: str) -> dict[str, str]:
    return {s.tag: str(s.stance) for s in analyzer.analyze_text(text).stances}


def test_a_modality_phrase_of_the_codebook_marks_the_frame(plain, extended) -> None:
    text = "In a perfect world, talks would resume once sanctions are lifted."
    assert _modalities(plain, text) == ["neutral"]
    assert _modalities(extended, text) == ["hypothetical"]


def test_without_the_phrase_the_modality_is_the_same(plain, extended) -> None:
    text = "Talks would resume once sanctions are lifted."
    assert _modalities(extended, text) == _modalities(plain, text) == ["neutral"]


@pytest.mark.parametrize(
    ("text", "plain_reading", "extended_reading"),
    [
        # The boundary ends the clause of "reject": the item after it is read on its own.
        (
            "We reject the embargo albeit inspections are welcome.",
            {"sanctions_relief": "oppose", "inspections": "oppose"},
            {"sanctions_relief": "oppose", "inspections": "support"},
        ),
        (
            "We support talks albeit sanctions remain.",
            {"talks": "support", "sanctions_relief": "support"},
            {"talks": "support", "sanctions_relief": "neutral"},
        ),
    ],
)
def test_a_boundary_word_of_the_codebook_ends_the_stance_clause(
    plain, extended, text: str, plain_reading: dict, extended_reading: dict
) -> None:
    assert _stances(plain, text) == plain_reading
    assert _stances(extended, text) == extended_reading


def test_without_the_boundary_word_the_stances_are_the_same(plain, extended) -> None:
    text = "We reject the embargo, but inspections are welcome."
    assert (
        _stances(extended, text)
        == _stances(plain, text)
        == {"sanctions_relief": "oppose", "inspections": "support"}
    )
