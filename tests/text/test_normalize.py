"""Folding keeps exact offsets back to the original text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rhetoric.text.normalize import fold, fold_char, fold_text


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("NATO", "nato"),
        ("İstanbul", "istanbul"),
        ("Straße", "strasse"),
        ("ẞ", "ss"),
        ("café", "cafe"),
        ("cafe\u0301", "cafe"),
        ("Zelenskyy’s", "zelenskyy's"),
        ("“deal”", '"deal"'),
        ("cease\u2011fire", "cease-fire"),
        ("peace \u2014 now", "peace - now"),
        ("a\u00a0b\u202fc", "a b c"),
        ("ﬁnal", "final"),
        ("soft\u00adhyphen", "softhyphen"),
        ("Київ", "киів"),
        ("Łódź Ørsted", "lodz orsted"),
    ],
)
def test_fold_text(text: str, folded: str) -> None:
    assert fold(text).text == folded
    assert fold_text(text) == folded


@pytest.mark.parametrize(
    ("text", "needle", "original"),
    [
        ("In İstanbul talks", "talks", "talks"),
        ("İstanbul talks", "istanbul", "İstanbul"),
        ("Die Straße nach Kyiv", "kyiv", "Kyiv"),
        ("Die Straße nach Kyiv", "strasse", "Straße"),
        ("ﬁnal ﬁnal deal", "deal", "deal"),
        ("cafe\u0301 talks", "cafe", "cafe\u0301"),
        ("e\u0301\u0302tat de paix", "etat", "e\u0301\u0302tat"),
        ("Ukraine’s\u00a0bid", "bid", "bid"),
    ],
)
def test_original_span_is_exact(text: str, needle: str, original: str) -> None:
    f = fold(text)
    i = f.text.index(needle)
    s, e = f.original_span(i, i + len(needle))
    assert text[s:e] == original


def test_ascii_and_length_preserving_texts_use_the_identity_map() -> None:
    assert fold("plain ascii").starts is None
    assert fold("İstanbul’s café").starts is None  # every character folds to one character
    assert fold("Straße").starts is not None


def test_fold_char_is_per_character() -> None:
    assert [fold_char(c) for c in "Aß\u0301\u2019"] == ["a", "ss", "", "'"]


@given(st.text(max_size=60))
def test_every_folded_char_maps_inside_the_original(text: str) -> None:
    f = fold(text)
    for i in range(len(f.text)):
        s, e = f.original_span(i, i + 1)
        assert 0 <= s < e <= len(text)


# ASCII with characters whose folds take every branch of the encoder path: one lower-case ASCII
# character (quotes, dashes, accents), two (ß, æ), none (soft hyphen, combining accent), an
# upper-case letter (ℌ folds to "H", which lower() must not touch), and non-ASCII folds (CJK, Greek).
FOLD_ALPHABET = "aZ .'\u201c\u201d\u2014\u00e9\u00c9\u00df\u00e6\u00ad\u0301\u210c\u4e2d\u03a3\u0130"


@settings(max_examples=1500)
@given(st.text(alphabet=FOLD_ALPHABET, max_size=20))
def test_fold_text_folds_character_by_character(text: str) -> None:
    assert fold_text(text) == "".join(fold_char(c) for c in text)
    folded = fold(text)
    one_each = all(len(fold_char(c)) == 1 for c in text)
    assert (folded.starts is None) == (one_each or text.isascii())


def test_upper_case_folds_take_the_run_by_run_path() -> None:
    assert fold_char("\u210c") == "H"
    assert fold_text("\u201cA\u210c\u201d") == '"aH"'
