"""Folding keeps exact offsets back to the original text."""

from __future__ import annotations

import pytest
from hypothesis import given
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
