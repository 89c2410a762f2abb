"""Punkt sentence splitting with abbreviations set in code."""

from __future__ import annotations

import pytest

from rhetoric.text.sentences import sentence_index, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Zelensky met Gen. Kellogg in Kyiv.",
        "The U.S. envoy arrived on Sept. 12 with Sen. Graham.",
        "Dr. Smith and Mrs. Jones spoke to the U.N. Security Council.",
        "Talks resumed in Jan. with Rep. Wilson present.",
        "The E.U. and the U.K. agreed.",
    ],
)
def test_no_split_after_abbreviations(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One sentence. Another one.", ["One sentence.", "Another one."]),
        ("Headline without period\nBody text. More.", ["Headline without period", "Body text.", "More."]),
        ("He said: “We want peace.” Then he left.", ["He said: “We want peace.”", "Then he left."]),
        ("", []),
    ],
)
def test_splits(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_index() -> None:
    spans = split_sentences("One. Two. Three.")
    assert [sentence_index(spans, o) for o in (0, 5, 12)] == [0, 1, 2]
