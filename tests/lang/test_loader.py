"""The language package loader: phrases compile to the right matches; bad data lists every problem."""

from __future__ import annotations

import re

import pytest

from rhetoric.errors import LanguageError
from rhetoric.lang import known_languages, load_language
from rhetoric.lang.inflect import english_forms


@pytest.fixture(scope="module")
def en():
    return load_language("en")


@pytest.mark.parametrize(
    ("phrases", "verbs", "text", "matches"),
    [
        (["call for"], True, "called for", True),
        (["call for"], True, "calls  for", True),
        (["call for"], True, "recall for", False),
        (["give up"], True, "gave up", True),
        (["give up"], True, "given up", True),
        (["ask ~3 for"], True, "asked the allies for", True),
        (["ask ~3 for"], True, "asked one two three four for", False),
        (["non-starter"], False, "non starter", True),
        (["non-starter"], False, "nonstarter", True),
        (["won't"], False, "won’t", True),
        (["off the table"], False, "off  the\ntable", True),
    ],
)
def test_phrase_matching(en, phrases, verbs, text, matches):
    rx = re.compile(rf"(?<!\w)(?:{en.pattern_of(phrases, verbs=verbs)})(?!\w)", re.IGNORECASE)
    assert bool(rx.search(text)) is matches


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("support", ("support", "supports", "supported", "supporting")),
        ("push", ("push", "pushes", "pushed", "pushing")),
        ("deny", ("deny", "denies", "denied", "denying")),
        ("stay", ("stay", "stays", "stayed", "staying")),
        ("stop", ("stop", "stops", "stopped", "stopping")),
        ("urge", ("urge", "urges", "urged", "urging")),
        ("agree", ("agree", "agrees", "agreed", "agreeing")),
        ("tie", ("tie", "ties", "tied", "tying")),
    ],
)
def test_regular_inflection(base, forms):
    assert english_forms(base) == forms


def test_irregular_forms_come_from_data(en):
    assert "sought" in en.verb_forms("seek")
    assert "committed" in en.verb_forms("commit")


def test_shipped_languages():
    assert "en" in known_languages()


@pytest.mark.parametrize(
    ("extend", "problem"),
    [
        ({"verbs": {"nokey": ["x"]}}, "[words.verbs.nokey] unknown key (known: irregular)"),
        ({"nofile": {"a": ["b"]}}, "[words.nofile] unknown file (known: "),
        ({"verbs": {"irregular": {"go": []}}}, "[words.verbs.irregular.go] must be a non-empty list of forms"),
        ({"verbs": {"irregular": {"go": [" "]}}}, "[words.verbs.irregular.go] empty phrase"),
        ({"verbs": {"irregular": {"go": ["we(nt"]}}}, "[words.verbs.irregular.go] 'we(nt': '(' is regex syntax; write plain words (~N for a gap)"),
        ({"verbs": {"irregular": {"go": ["~2 went"]}}}, "[words.verbs.irregular.go] '~2 went': a gap ~N must stand between two words"),
        ({"verbs": {"irregular": {"go": [3]}}}, "[words.verbs.irregular.go] 3 is not a string"),
        ({"verbs": {"irregular": "went"}}, "[words.verbs.irregular] must be a table of base = [forms]"),
        ({"verbs": "x"}, "[words.verbs] must be a table of key = [phrases]"),
    ],
)
def test_bad_extensions_are_listed(extend, problem):
    with pytest.raises(LanguageError) as info:
        load_language("en", extend=extend)
    assert any(p == problem or (problem.endswith(": ") and p.startswith(problem)) for p in info.value.problems)


def test_every_problem_at_once():
    with pytest.raises(LanguageError) as info:
        load_language("en", extend={"verbs": {"a": ["x"], "b": ["y"]}, "nofile": {}})
    assert len(info.value.problems) == 3


def test_good_extension_adds_forms():
    lang = load_language("en", extend={"verbs": {"irregular": {"slay": ["slew", "slain"]}}})
    assert "slew" in lang.verb_forms("slay")
    assert "slew" not in load_language("en").verb_forms("slay")


def test_unknown_language():
    with pytest.raises(LanguageError, match=r"unknown language 'xx' \(known: en"):
        load_language("xx")


def test_unknown_key_asked_by_code(en):
    with pytest.raises(LanguageError, match="unknown language data verbs.nope"):
        en.pattern("verbs", "nope")
