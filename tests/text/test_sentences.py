"""Sentence splitting: Punkt's decisions for our abbreviations, checked against nltk's Punkt itself."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize import punkt

from rhetoric.text.punkt import PunktSplitter, is_initial_letter
from rhetoric.text.sentences import (
    ABBREVIATIONS,
    _join_number_signs,
    _split_cached,
    sentence_index,
    split_sentences,
)


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
        "J. R. Smith and A. Jones met.",
        "Lt.-Gen. Hodges spoke.",
        "Inflation was 3.5 percent.",
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
        ("(He left.) They stayed.", ["(He left.)", "They stayed."]),
        ("Why? Because. Really!", ["Why?", "Because.", "Really!"]),
        ("Very bad acting!!! I promise.", ["Very bad acting!!!", "I promise."]),
        ("It ended... Then silence.", ["It ended... Then silence."]),
        ("It rose 5. Then it fell.", ["It rose 5.", "Then it fell."]),
        ("It rose to 5. percent", ["It rose to 5. percent"]),
        ("Plan A. The rest", ["Plan A. The rest"]),
        ("Trailing space.   ", ["Trailing space."]),
        ("", []),
        ("   \n  ", []),
        ("He lives at No. 10 Downing Street.", ["He lives at No. 10 Downing Street."]),
        ("Rooms no. 5 and NO. 6 are open.", ["Rooms no. 5 and NO. 6 are open."]),
        ("The answer was no. Talks ended.", ["The answer was no.", "Talks ended."]),
        ("Was it no? No. It was yes.", ["Was it no?", "No.", "It was yes."]),
        ("Say no.\n5 people came.", ["Say no.", "5 people came."]),
        ("Casino. 5 came.", ["Casino.", "5 came."]),
        ("Nos. 7 and 8 too.", ["Nos. 7 and 8 too."]),
        # Punkt's regexes: U+001F is no whitespace there, a no-break space is.
        ("One.\x1fTwo. Three.", ["One.\x1fTwo.", "Three."]),
        ("One.\xa0Two.", ["One.", "Two."]),
    ],
)
def test_splits(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_split_sentences_returns_a_fresh_list() -> None:
    first = split_sentences("One. Two.")
    first.append((0, 0))
    assert split_sentences("One. Two.") == [(0, 4), (5, 9)]


def test_sentence_index() -> None:
    spans = split_sentences("One. Two. Three.")
    assert [sentence_index(spans, o) for o in (0, 5, 12)] == [0, 1, 2]
    assert sentence_index([(0, 4), (10, 14)], 7) == 0


# --- Equivalence with nltk's Punkt (same parameters: abbreviations only) -----------------------
# nltk is the reference the splitter is held to (and ``regex``, the engine nltk compiles its
# patterns with); only these tests import them.

_PARAMS = punkt.PunktParameters()
_PARAMS.abbrev_types = set(ABBREVIATIONS)
STOCK = punkt.PunktSentenceTokenizer(_PARAMS)
SPLITTER = PunktSplitter(ABBREVIATIONS)


def stock_split_sentences(text: str) -> list[tuple[int, int]]:
    """``split_sentences`` as it was built on nltk: Punkt per line, then "No." joined."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            found = _join_number_signs(line, list(STOCK.span_tokenize(line)))
            spans.extend((pos + s, pos + e) for s, e in found)
        pos += len(line)
    return spans


def assert_splits_like_punkt(text: str) -> None:
    assert SPLITTER.span_tokenize(text) == list(STOCK.span_tokenize(text))
    for line in text.splitlines():
        assert SPLITTER.span_tokenize(line) == list(STOCK.span_tokenize(line))
    _split_cached.cache_clear()
    assert split_sentences(text) == stock_split_sentences(text)


# News-like pieces: abbreviations in three cases, initials, numbers, quotes, ellipses,
# brackets, dashes, end marks and the spaces between them.
_ABBREVS = sorted(ABBREVIATIONS)
_WORDS = ["talks", "Talks", "said", "Kyiv", "NATO", "no", "No", "a", "A", "I", "the", "it's", "co-op", "x"]
_PUNCT = list(".?!,;:") + [". . ."] + "... … -- — - !! ?! ' \" “ ” ‘ ’ « »".split()
_BRACKETS = list("()[]{}") + ["*", "@", "&", "#", "%", "$", "/"]
_NUMBERS = ["5", "15", "3.5", "2024", "1,000", "-3", ".5", "5-4", "1st", "²", "٣"]
_SPACES = [" ", " ", " ", "  ", "\xa0", "\t", "\n", "\n\n", "\r\n", "\x1f", "\u2009", ""]


@st.composite
def _piece(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["word", "abbrev", "initial", "number", "punct", "bracket"]))
    if kind == "word":
        return draw(st.sampled_from(_WORDS))
    if kind == "abbrev":
        word = draw(st.sampled_from(_ABBREVS))
        case = draw(st.sampled_from([str.lower, str.title, str.upper]))
        return case(word) + draw(st.sampled_from([".", ".", "", ".-"]))
    if kind == "initial":
        return draw(st.sampled_from("AJZajzÉé_")) + "."
    if kind == "number":
        return draw(st.sampled_from(_NUMBERS)) + draw(st.sampled_from(["", ".", "%"]))
    if kind == "punct":
        return draw(st.sampled_from(_PUNCT))
    return draw(st.sampled_from(_BRACKETS))


NEWS_LIKE = st.lists(st.tuples(_piece(), st.sampled_from(_SPACES)).map("".join), max_size=30).map("".join)


def _known(char: str) -> bool:
    # nltk compiles with the ``regex`` module, which knows characters assigned after Python's
    # own Unicode tables and counts circled letters as letters; the splitter cannot follow it
    # there (no news text has them). Everything else must match exactly.
    letter = regex.fullmatch(r"[^\W\d]", char) is not None
    digit = regex.fullmatch(r"\d", char) is not None
    return letter == is_initial_letter(char) and digit == (re.fullmatch(r"\d", char) is not None)


def test_unknown_characters_are_rare() -> None:
    assert sum(not _known(chr(c)) for c in range(0x3000)) < 200


ANY_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]).filter(_known) | st.sampled_from(".?!\"')]} \n"),
    max_size=60,
)


@settings(max_examples=1500, deadline=None)
@given(NEWS_LIKE)
def test_splits_like_nltk_punkt_on_news_like_text(text: str) -> None:
    assert_splits_like_punkt(text)


@settings(max_examples=500, deadline=None)
@given(ANY_TEXT)
def test_splits_like_nltk_punkt_on_any_text(text: str) -> None:
    assert_splits_like_punkt(text)


@settings(max_examples=800, deadline=None)
@given(
    st.tuples(
        _piece(),
        st.sampled_from(".?!"),
        st.sampled_from(["", " ", "  ", "\xa0"]),
        _piece(),
    ).map("".join)
)
def test_break_decision_like_nltk_punkt(context: str) -> None:
    assert SPLITTER.contains_break(context) == STOCK.text_contains_sentbreak(context)


def test_splits_like_nltk_punkt_on_generated_news() -> None:
    from rhetoric.codebook.model import Codebook
    from tests.benchmarks.newsgen import generate_statements

    for text in generate_statements(Codebook("x", "1", "en", "", ()), 2000, seed=3):
        assert SPLITTER.span_tokenize(text) == list(STOCK.span_tokenize(text))


@pytest.mark.parametrize(
    "text",
    [
        "Very bad acting!!! I promise.",
        "(Sent1.) Sent2.",
        "He said “no.” ‘Yes.’ «Non.» Done.",
        "a .  b ..  c . . . D",
        "Gen.-Maj. Smith left. Lt.-Col. Jones stayed.",
        "x. y.\tZ.\x0bW.\x0cV",
        " . .",
        "-- . --",
        "1.2.3. Next",
    ],
)
def test_punkt_corner_cases(text: str) -> None:
    assert_splits_like_punkt(text)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="ab A.?!\"') \n\t\u2019-", max_size=30))
def test_candidate_breaks_of_the_three_mark_regexes_equal_the_class_regex(text: str) -> None:
    from rhetoric.text.punkt import _CANDIDATE, _candidates_of

    def described(matches):
        return [(m.span(), m.span("after_tok"), m.span("next_tok")) for m in matches]

    assert described(_candidates_of(text)) == described(_CANDIDATE.finditer(text))


def test_candidate_breaks_in_order_across_marks() -> None:
    from rhetoric.text.punkt import _candidates_of

    text = 'Really? Yes! No. "Why?" he asked.'
    assert [text[m.start()] for m in _candidates_of(text)] == ["?", "!", ".", "?"]


@pytest.mark.parametrize(
    "text",
    [
        'He asked: "Why now?" Nobody knew! Talks end. (Really?) Yes.',
        "Is it over?! No. Maybe?? Yes!! Fine.? Ok.! Done.",
        "Who? U.S. officials. What! 3.5 bn. ’Why?’ she said.",
    ],
)
def test_candidate_breaks_of_one_scan_with_question_and_exclamation_marks(text: str) -> None:
    """'?' and '!' read as '.' in one scan: the same breaks as the class regex (doubled marks: mark by mark)."""
    from rhetoric.text.punkt import _CANDIDATE, _candidates_of

    def described(matches):
        return [(m.span(), m.span("after_tok"), m.span("next_tok")) for m in matches]

    assert described(_candidates_of(text)) == described(_CANDIDATE.finditer(text))
    assert_splits_like_punkt(text)
