"""Stance and shape regexes whose phrase lists are grouped by first letter
(:func:`rhetoric.lang.alternation.by_letter`) find what the flat lists find: same spans, same groups,
with match, search and finditer, on texts made of the lists' own phrases."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

from rhetoric.frames import stance_shapes, stance_words
from rhetoric.lang import load_language
from rhetoric.lang.alternation import by_letter

FILLER = ("the", "talks", "a", "truce", "it", "them", "not", "will", "be", "Russia", "and", ",", ".", "’", "?")


def _regexes(words) -> dict[str, re.Pattern[str]]:
    out = {}
    for field in dataclasses.fields(words):
        value = getattr(words, field.name)
        if dataclasses.is_dataclass(value):
            out.update({f"{field.name}.{k}": v for k, v in _regexes(value).items()})
        elif isinstance(value, re.Pattern):
            out[field.name] = value
        elif hasattr(value, "rx"):  # a Lexicon or Scanner: its regex
            out[field.name] = value.rx
    return out


def _texts(lang, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    phrases = [p for key in lang.data["stances"] for p in lang.phrases("stances", key) if isinstance(p, str)]
    phrases += [p for key in ("negators", "negated_modals") for p in lang.phrases("negation", key)]
    texts = []
    for _ in range(count):
        words = []
        for _ in range(rng.randint(3, 25)):
            word = rng.choice(phrases) if rng.random() < 0.5 else rng.choice(FILLER)
            word = re.sub(r"~\d+ ", "", word)  # a gap of any words: none here
            words.append(rng.choice((word, word.upper(), word.title())))
        texts.append(" ".join(words))
    return texts


def _read(rx: re.Pattern[str], text: str) -> list:
    def seen(m):
        return None if m is None else (m.span(), m.groupdict())

    n = len(text)
    out = [[seen(m) for m in rx.finditer(text)]]
    for i in range(0, n + 1, 4):
        for end in (n, min(n, i + 40)):
            out.append((seen(rx.match(text, i, end)), seen(rx.search(text, i, end))))
    return out


@pytest.mark.parametrize("seed", range(2))
def test_grouped_phrase_lists_find_what_flat_lists_find(seed):
    lang = load_language("en")
    grouped = _regexes(stance_words._compile(lang))
    flat = _regexes(stance_words._compile(lang, grouped=False))
    assert grouped.keys() == flat.keys()
    changed = [name for name in grouped if grouped[name].pattern != flat[name].pattern]
    assert "after_ending" in changed and "shapes.consequence" in changed  # the grouping is what runs
    for text in _texts(lang, 40, seed):
        for name in changed:
            assert _read(grouped[name], text) == _read(flat[name], text), (name, text)


def test_by_letter_leaves_what_it_cannot_group():
    assert by_letter("end|lift|eased") == "e(?:nd|ased)|lift"
    for source in ("end|[a-z]x", "end|\\w+ly", "n?one|end", "End|end", "(?:a|b)|c", "a(b|c"):
        assert by_letter(source) == source
    assert re.fullmatch(by_letter("ab|a\\s+c|b[]|]d|abc"), "a c")
    assert stance_shapes.shape_words() is stance_words.stance_words().shapes
