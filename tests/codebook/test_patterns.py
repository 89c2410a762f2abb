"""The pattern language: what each construct matches, and the errors of malformed patterns."""

from __future__ import annotations

import pytest

from rhetoric.codebook import codebook_warnings, load_codebook
from rhetoric.codebook.model import Codebook, TagSpec
from rhetoric.codebook.patterns import parse_pattern, pattern_warnings
from rhetoric.errors import PatternError
from rhetoric.tagging import Tagger
from rhetoric.types import Role


def matches(pattern: str, text: str) -> list[str]:
    """The text of every mention a one-pattern tag finds (longest match wins)."""
    spec = TagSpec(id="t", label="T", description="", role=Role.EITHER, patterns=(pattern,))
    tagger = Tagger.from_codebook(Codebook("test", "1", "en", "", (spec,)))
    return [m.text for m in tagger.tag(text)]


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        # plain tokens, case and diacritics folded
        ("peace deal", "A Peace DEAL now", ["Peace DEAL"]),
        ("peace deal", "peace, deal", ["peace, deal"]),
        ("peace deal", "peace and a deal", []),
        ("istanbul talks", "İstanbul talks", ["İstanbul talks"]),
        ("etat", "e\u0301tat", ["e\u0301tat"]),
        ("strasse", "Straße", ["Straße"]),
        ("kyiv's plan", "Kyiv’s plan", ["Kyiv’s plan"]),
        # suffix wildcard
        ("withdraw*", "a withdrawal and withdrawing", ["withdrawal", "withdrawing"]),
        ("withdraw*", "withdraw", ["withdraw"]),
        ("withdraw*", "drawdown", []),
        # alternatives
        ("truce|armistice", "an armistice, then a truce", ["armistice", "truce"]),
        ("peace deal|plan*", "the peace plans", ["peace plans"]),
        # hyphen = space = no space
        (
            "cease-fire",
            "cease-fire, cease fire, ceasefire, cease‑fire",
            ["cease-fire", "cease fire", "ceasefire", "cease‑fire"],
        ),
        ("cease-fire*", "ceasefires", ["ceasefires"]),
        ("ceasefire", "cease fire", []),
        ("1991 borders", "the pre-1991 borders", ["1991 borders"]),
        (
            "pre-1991 borders",
            "pre-1991 borders and pre 1991 borders",
            ["pre-1991 borders", "pre 1991 borders"],
        ),
        # optional token
        ("security? guarantee*", "security guarantees", ["security guarantees"]),
        ("security? guarantee*", "firm guarantees", ["guarantees"]),
        ("peace deal?", "peace deal", ["peace deal"]),
        ("nato? membership", "NATO membership", ["NATO membership"]),
        # bounded gap
        ("withdraw* ~3 troops", "withdraw all Russian troops", ["withdraw all Russian troops"]),
        ("withdraw* ~3 troops", "withdraw troops", ["withdraw troops"]),
        ("withdraw* ~2 troops", "withdraw all of the troops", []),
        ("war ~2 is over", "the war with Russia is over", ["war with Russia is over"]),
        # initialisms
        ("u.s. troops", "US troops and U.S. troops", ["US troops", "U.S. troops"]),
        # a match never crosses the end of the token list
        ("peace deal", "peace", []),
    ],
)
def test_pattern_matches(pattern: str, text: str, expected: list[str]) -> None:
    assert matches(pattern, text) == expected


@pytest.mark.parametrize(
    ("pattern", "message", "position"),
    [
        ("", "empty pattern", 0),
        ("   ", "empty pattern", 0),
        ("cease-*fire", "'*' may only end a word", 6),
        ("*", "a wildcard needs a word before '*'", 0),
        ("w*", "a wildcard needs at least 2 letters before '*'", 1),
        ("truce||armistice", "empty alternative around '|'", 6),
        ("|truce", "empty alternative around '|'", 0),
        ("peace ~0 deal", "a gap must be ~1 to ~10", 6),
        ("peace ~11 deal", "a gap must be ~1 to ~10", 6),
        ("peace ~x deal", "a gap is '~' followed by a number", 6),
        ("~2 deal", "a pattern cannot start with a gap", 0),
        ("peace ~2", "a pattern cannot end with a gap", 6),
        ("peace ~2 ~3 deal", "two gaps in a row", 9),
        ("peace? deal?", "a pattern needs at least one item that is not optional", 0),
        ("pe?ace", "'?' may only end an item", 2),
        ("?", "'?' needs a word before it", 0),
        ("cease--fire", "empty word around a hyphen", 6),
        ("-fire", "empty word around a hyphen", 0),
        ("peace(deal)", "unexpected character '('", 5),
        ("peace.deal", "'peace.deal' is not a single word", 0),
    ],
)
def test_pattern_errors(pattern: str, message: str, position: int) -> None:
    with pytest.raises(PatternError) as info:
        parse_pattern(pattern)
    assert info.value.message == f"{message} at column {position + 1} of {pattern!r}"
    assert info.value.position == position


def test_non_string_pattern() -> None:
    with pytest.raises(PatternError, match="must be a string"):
        parse_pattern(3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        ("cease-fire", ["cease fire", "ceasefire"]),
        ("security? guarantee*", ["security guarantee", "guarantee"]),
        ("withdraw* ~3 troops|forces", ["withdraw troops", "withdraw forces"]),
    ],
)
def test_literals(pattern: str, literals: list[str]) -> None:
    assert parse_pattern(pattern).literals() == literals


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "cease fire|ceasefire",
            [
                "'fire|ceasefire' offers 'ceasefire', which already spells 'cease' + 'fire': '|' joins single "
                "words, so this also matches 'cease ceasefire'; write 'cease-fire' (matches cease fire, "
                "cease-fire and ceasefire) or two patterns"
            ],
        ),
        (
            "the ceasefire|cease fire",
            [
                "'ceasefire|cease' offers 'ceasefire', which already spells 'cease' + 'fire': '|' joins single "
                "words, so this also matches 'ceasefire fire'; write 'cease-fire' (matches cease fire, "
                "cease-fire and ceasefire) or two patterns"
            ],
        ),
        (
            "peace deal|peace agreement",
            [
                "'deal|peace' repeats 'peace' from the word before: '|' joins single words, so this reads "
                "'peace peace'; to offer phrases write one pattern per phrase"
            ],
        ),
        # Meant as written: no warning.
        ("peace deal|agreement", []),
        ("ceasefire|truce agreement", []),
        ("cease-fire|truce", []),
        ("bye bye", []),
        ("peace ~2 peace|deal", []),
        ("withdraw* withdrawal|troops", []),
    ],
)
def test_pattern_warnings(source: str, expected: list[str]) -> None:
    assert pattern_warnings(parse_pattern(source)) == expected


def test_shipped_codebook_has_no_warnings(repo_root) -> None:
    assert codebook_warnings(load_codebook(repo_root / "corpora" / "ukraine-nato" / "codebook.toml")) == []


# Symbols in patterns: numbers with dots, %, §, currency and "Article 50" match as written,
# with or without a space before the symbol; a symbol never matches inside a longer number.
@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("3.67%", "a cap at 3.67% for now", ["3.67%"]),
        ("3.67%", "a cap at 3.67 % for now", ["3.67 %"]),
        ("3.67%", "a cap at 3.67 percent", []),
        ("3.67%", "a cap at 13.67% is odd", []),
        ("3.67%", "the 3.67 figure", []),
        ("60 %", "enriched to 60% purity", ["60%"]),
        ("60%", "enriched to 60 % purity", ["60 %"]),
        ("60%", "enriched to 160% purity", []),
        ("60%", "enriched to 60. Purity", []),
        ("enrich* ~3 60|90 %", "enriching uranium to 90%", ["enriching uranium to 90%"]),
        ("§ 5", "under §5 of the treaty", ["§5"]),
        ("§5", "under § 5 of the treaty", ["§ 5"]),
        ("article 50", "they triggered Article 50 today", ["Article 50"]),
        ("article 50", "article 500 applies", []),
        ("$ 6bn", "a fund of $6bn", ["$6bn"]),
        ("20 per? cent|%", "20 per cent and 20% and 20 cent", ["20 per cent", "20%", "20 cent"]),
    ],
)
def test_symbols_in_patterns(pattern: str, text: str, expected: list[str]) -> None:
    assert matches(pattern, text) == expected


@pytest.mark.parametrize(
    ("pattern", "message", "position"),
    [
        ("%", "a pattern needs a word or number besides symbols (write '60 %', not '%')", 0),
        ("60? %", "a pattern needs a word or number besides symbols (write '60 %', not '%')", 0),
        ("60%*", "a wildcard needs at least 2 letters before '*'", 3),
        ("3.67#", "unexpected character '#'", 4),
        ("60 %|# cap", "unexpected character '#'", 5),
    ],
)
def test_symbol_pattern_errors(pattern: str, message: str, position: int) -> None:
    with pytest.raises(PatternError) as info:
        parse_pattern(pattern)
    assert info.value.message == f"{message} at column {position + 1} of {pattern!r}"


@pytest.mark.parametrize(
    "text",
    [
        "Iran enriches to 60% now. The cap was 3.67 %.",
        "Under §5, a fund of $6bn and 20 per cent; then 90%.",
        "Ünïcode 60 % and ‰ 3.67%",
        "x%y 60%% 3.67%60%",
    ],
)
def test_symbol_patterns_fast_path_equals_exhaustive(text: str) -> None:
    specs = (
        TagSpec("cap", "C", "", Role.EITHER, patterns=("3.67%", "§ 5")),
        TagSpec("high", "H", "", Role.EITHER, patterns=("60 %", "90%", "$ 6bn")),
    )
    tagger = Tagger.from_codebook(Codebook("test", "1", "en", "", specs))
    assert tagger.tag(text) == tagger.tag_exhaustive(text)
    assert tagger.tag(text)
