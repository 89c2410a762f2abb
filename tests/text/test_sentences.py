"""Punkt sentence splitting with abbreviations set in code."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktSentenceTokenizer

from rhetoric.text.punkt import punkt_parameters
from rhetoric.text.sentences import ABBREVIATIONS, _tokenizer, sentence_index, split_sentences


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
        ("He lives at No. 10 Downing Street.", ["He lives at No. 10 Downing Street."]),
        ("Rooms no. 5 and NO. 6 are open.", ["Rooms no. 5 and NO. 6 are open."]),
        ("The answer was no. Talks ended.", ["The answer was no.", "Talks ended."]),
        ("Was it no? No. It was yes.", ["Was it no?", "No.", "It was yes."]),
        ("Say no.\n5 people came.", ["Say no.", "5 people came."]),
        ("Casino. 5 came.", ["Casino.", "5 came."]),
        ("Nos. 7 and 8 too.", ["Nos. 7 and 8 too."]),
    ],
)
def test_splits(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_index() -> None:
    spans = split_sentences("One. Two. Three.")
    assert [sentence_index(spans, o) for o in (0, 5, 12)] == [0, 1, 2]


# The shortcut in ``Punkt`` must decide exactly as Punkt: compare with the stock tokenizer.
_STOCK = PunktSentenceTokenizer(punkt_parameters(ABBREVIATIONS))
_WORDS = [
    "Mr",
    "mr",
    "U.S",
    "u.s",
    "No",
    "Gen",
    "A",
    "a",
    "I",
    "etc",
    "Sept",
    "word",
    "Word",
    "talks",
    "e.g",
    "15",
    "3.5",
    "2024.",
    "Gen.",
    "a1",
    "a.1",
    "Z",
]


@settings(max_examples=500, deadline=None)
@given(
    st.from_regex(r"\A[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*[.?!] +[A-Za-z0-9]+\.?\Z")
    | st.tuples(
        st.sampled_from(_WORDS), st.sampled_from(".?!"), st.sampled_from([" ", "  "]), st.sampled_from(_WORDS)
    ).map("".join)
)
def test_plain_context_shortcut_decides_like_punkt(context: str) -> None:
    assert _tokenizer().text_contains_sentbreak(context) == _STOCK.text_contains_sentbreak(context)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Mr.",
                "U.S.",
                "No.",
                "A.",
                "5.",
                "2024.",
                "word.",
                "Word",
                "talks?",
                "yes!",
                "\u201cQuote.\u201d",
                "(Paren.)",
                "...",
                "etc.",
                "e.g.",
                "\n",
                "  ",
                "end.The",
                "x",
                "\u2019s",
            ]
        )
        | st.text(max_size=4),
        max_size=20,
    ).map(" ".join)
)
def test_shortcut_splits_like_stock_punkt(text: str) -> None:
    for line in text.splitlines():
        assert list(_tokenizer().span_tokenize(line)) == list(_STOCK.span_tokenize(line))


def test_shortcut_splits_like_stock_punkt_on_generated_news() -> None:
    from rhetoric.codebook.model import Codebook
    from tests.benchmarks.newsgen import generate_statements

    for text in generate_statements(Codebook("x", "1", "en", "", ()), 2000, seed=3):
        assert list(_tokenizer().span_tokenize(text)) == list(_STOCK.span_tokenize(text))
