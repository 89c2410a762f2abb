"""Quotation spans: mark styles, apostrophes, multi-paragraph quotes, unbalanced marks, masking."""

from __future__ import annotations

import pytest

from rhetoric.extract.quotes import MASK_CHAR, find_quotes, mask_quotes, paragraphs


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("He said “we will win” today.", ["“we will win”"]),
        ('He said "we will win" today.', ['"we will win"']),
        ("Il a dit « non » hier.", ["« non »"]),
        ("Er sagte „nein“ gestern.", ["„nein“"]),
        ("She called it ‘unrealistic’, saying it won’t work.", ["‘unrealistic’"]),
        ("‘We won’t stop,’ he said.", ["‘We won’t stop,’"]),
        ("Zelensky’s call and the allies’ plans", []),
        ("“He told me ‘no’ twice,” she said.", ["“He told me ‘no’ twice,”"]),
        ('"One," he said. "Two."', ['"One,"', '"Two."']),
        ('Sizes of 5" and 6" pipes', []),
    ],
)
def test_quote_styles(text: str, quotes: list[str]) -> None:
    assert _quoted(text) == quotes


def test_quote_spanning_sentences() -> None:
    text = "He said: “We fought. We won. We rest.” Then he left."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "“We fought. We won. We rest.”"
    assert q.balanced and q.paragraphs == 1


def test_multi_paragraph_quote_reopens_each_paragraph() -> None:
    text = "She said:\n\n“We are tired.\n\n“But we will not give up.”\n\nThe end."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "“We are tired.\n\n“But we will not give up.”"
    assert q.balanced and q.paragraphs == 2


def test_unbalanced_quote_closes_at_paragraph_end() -> None:
    text = "Zelensky said the plan was “a betrayal of everything.\nThe talks resumed on Monday."
    (q,) = find_quotes(text)
    assert not q.balanced
    assert text[q.start : q.end] == "“a betrayal of everything."
    assert q.inner == (q.start + 1, q.end)


def test_mask_keeps_offsets_and_marks() -> None:
    text = "A “b, c” d"
    masked = mask_quotes(text, find_quotes(text))
    assert len(masked) == len(text)
    assert masked == "A “" + MASK_CHAR * 4 + "” d"


def test_paragraphs_skip_blank_lines() -> None:
    assert paragraphs("one\n\n  two  \n") == [(0, 3), (7, 10)]


def test_words_counts_quoted_words() -> None:
    text = "“One two three,” he said."
    assert find_quotes(text)[0].words(text) == 3
