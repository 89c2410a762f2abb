"""Word tokens: Unicode-aware boundaries, offsets into the original, U.S., hyphens, possessives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rhetoric.text.tokens import tokenize, word_norm


def forms(text: str) -> list[tuple[str, str]]:
    return [(t.norm, text[t.start : t.end]) for t in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. said", [("the", "The"), ("us", "U.S."), ("said", "said")]),
        ("talks in the U.S.", [("talks", "talks"), ("in", "in"), ("the", "the"), ("us", "U.S.")]),
        ("U.K-led", [("uk", "U.K"), ("led", "led")]),
        ("pre-1991 borders", [("pre", "pre"), ("1991", "1991"), ("borders", "borders")]),
        ("cease-fire", [("cease", "cease"), ("fire", "fire")]),
        ("Ukraine’s bid", [("ukraine", "Ukraine"), ("bid", "bid")]),
        ("don't go", [("don't", "don't"), ("go", "go")]),
        ("İstanbul talks", [("istanbul", "İstanbul"), ("talks", "talks")]),
        ("Straße deal", [("strasse", "Straße"), ("deal", "deal")]),
        ("cafe\u0301 deal", [("cafe", "cafe\u0301"), ("deal", "deal")]),
        ("Zelenskyy\u00a0said", [("zelenskyy", "Zelenskyy"), ("said", "said")]),
        ("Zaporizhzhia—Kherson", [("zaporizhzhia", "Zaporizhzhia"), ("kherson", "Kherson")]),
        ("10,000 troops; 3.5 km", [("10,000", "10,000"), ("troops", "troops"), ("3.5", "3.5"), ("km", "km")]),
        ("F-16s", [("f", "F"), ("16s", "16s")]),
        ("“Peace”, he said", [("peace", "Peace"), ("he", "he"), ("said", "said")]),
        ("3.67% or 60 %", [("3.67", "3.67"), ("%", "%"), ("or", "or"), ("60", "60"), ("%", "%")]),
        ("§5, $6bn", [("§", "§"), ("5", "5"), ("$", "$"), ("6bn", "6bn")]),
        ("AT&T #1", [("at", "AT"), ("t", "T"), ("1", "1")]),
    ],
)
def test_tokens(text: str, expected: list[tuple[str, str]]) -> None:
    assert forms(text) == expected


def test_accented_letter_is_a_word_character() -> None:
    assert [t.norm for t in tokenize("Sébastien Lecornu")] == ["sebastien", "lecornu"]


def test_hyphen_joined_flag() -> None:
    toks = tokenize("pre-1991 borders, cease - fire")
    assert [t.joined for t in toks] == [False, True, False, False, False]


@pytest.mark.parametrize(("word", "norms"), [("U.S.-led", ["us", "led"]), ("Kyiv’s", ["kyiv"]), ("...", [])])
def test_word_norm(word: str, norms: list[str]) -> None:
    assert word_norm(word) == norms


@given(st.text(max_size=80))
def test_token_offsets_are_in_order_and_nonempty(text: str) -> None:
    prev = 0
    for t in tokenize(text):
        assert prev <= t.start < t.end <= len(text)
        prev = t.end


@pytest.mark.parametrize(
    ("text", "norms"),
    [("A.Þ", ["a", "th"]), ("a.bc", ["a", "bc"]), ("U.S. aid", ["us", "aid"]), ("A.B.C.", ["abc"])],
)
def test_initialisms_are_single_letters(text: str, norms: list[str]) -> None:
    # A letter that folds to two (Þ → th) once made an initialism overlap the word after it.
    toks = tokenize(text)
    assert [t.norm for t in toks] == norms
    assert all(a.end <= b.start for a, b in zip(toks, toks[1:]))
