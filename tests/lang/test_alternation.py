"""Trie-shaped phrase alternations match exactly as the flat ones, on every lexicon of the English data."""

from __future__ import annotations

import re

import pytest

from rhetoric.frames import modality, stance_words
from rhetoric.frames.lexicon import Lexicon
from rhetoric.lang import load_language
from rhetoric.lang.alternation import NEVER, alternation, by_initial_order, followers, head_words, word_trie

# Texts that put phrases of every list next to look-alikes: case, hyphens, apostrophes, letters
# that re folds onto ASCII (dotless i, long s, Kelvin sign), words cut by the end of a range.
TEXTS = (
    "Kyiv called for talks; Moscow rejected them and ruled out a cease-fire, the need for guarantees.",
    "They REJECTED the ceasefire. We are NOT READY to lift sanctions and won't end the war.",
    "Perhaps we could accept a truce; it is hard to say. We must insist that troops withdraw.",
    "The spokesman said the end of the war is near, as long as the ceasefire holds, he hoped.",
    "They oppose it. We support it, and we call for a non-starter to be dropped, the nonstarter.",
    "Wé sſupport talks; SUPPORTİNG them, ſupports \u212aill the deal; calling-for calls  for.",
    "we will not stop supplying weapons, nor halt the flow of aid; they ended it, ending it.",
    # Phrases of two words and more, their first word followed by other words or other spaces.
    "In principle, the need  for talks; the\tneed for aid, the goal of peace, the, need, in favour of it.",
    "THE NEED FOR calm, in-favour of, as far as possible; we are ready, we will see, would like a truce.",
    "the ſneed for truce, the needİ for truce, a plan for peace, a ban on arms, to become a member.",
)


def _lexicons():
    lang = load_language("en")
    sw, mw = stance_words._compile(lang), modality.modality_words(lang)
    lexicons = {f"stances.{k}": getattr(sw, k) for k in ("before", "pronoun", "qualifiers", "goal", "infinitive")}
    lexicons.update({f"modality.{k}": getattr(mw, k) for k in ("firm", "open", "hypothetical", "hedged", "commitment_open")})
    return lexicons


def _flat(name: str) -> Lexicon:
    """The same lexicon with flat alternations (the reference the tries must equal)."""
    lang = load_language("en")
    original = Lexicon.of.__func__

    def flat_of(cls, language, source, firsts, *, trie=True):
        return original(cls, language, source, firsts, trie=False)

    Lexicon.of = classmethod(flat_of)
    try:
        if name.startswith("stances."):
            built = stance_words._compile(lang)
        else:
            built = modality._compile(lang)
    finally:
        Lexicon.of = classmethod(original)
    return getattr(built, name.split(".", 1)[1])


def _naive(lex: Lexicon, text: str, start: int, end: int) -> list[tuple[tuple[int, int], dict]]:
    """The old reading: the regex at every word whose lower case is a first word."""
    out, pos = [], start
    for m in re.finditer(r"\w+", text):
        if m.start() < start or m.start() >= end or m.start() < pos or m.group(0).lower() not in lex.firsts:
            continue
        found = lex.rx.match(text, m.start(), end)
        if found:
            out.append((found.span(), found.groupdict()))
            pos = found.end()
    return out


@pytest.mark.parametrize("name", sorted(_lexicons()))
def test_trie_lexicon_matches_flat_lexicon_and_word_loop(name):
    trie, flat = _lexicons()[name], _flat(name)
    if name == "stances.before":
        assert len(trie.rx.pattern) < len(flat.rx.pattern)  # the trie is what runs
    for text in TEXTS:
        # Whole texts and ranges that cut words in two at either end.
        for start, end in ((0, len(text)), (3, len(text) - 7), (11, 40), (0, 23)):
            got = [(m.span(), m.groupdict()) for m in trie.finditer(text, start, end)]
            assert got == [(m.span(), m.groupdict()) for m in flat.finditer(text, start, end)], (text, start, end)
            assert got == _naive(flat, text, start, end), (text, start, end)


@pytest.mark.parametrize(
    ("alternatives", "text", "expected"),
    [
        ([(r"call\s+for", "call"), (r"calls\s+for", "calls")], "calls for", "calls for"),
        ([("end", "end"), (r"end\s+to", "end")], "end to", "end"),  # order kept within a first word
        ([(r"end\s+to", "end"), ("end", "end")], "end to", "end to"),
        ([("cease[-\\s]?fire", "cease-fire"), (r"cease\s+fire\s+now", "cease")], "cease fire now", "cease fire"),
        ([(r"cease\s+fire\s+now", "cease"), ("cease[-\\s]?fire", "cease-fire")], "cease fire now", "cease fire now"),
    ],
)
def test_alternation_keeps_the_first_matching_phrase(alternatives, text, expected):
    flat = re.compile("(?:" + "|".join(s for s, _ in alternatives) + ")", re.I).match(text)
    assert re.compile(f"(?:{alternation(alternatives)})", re.I).match(text).group(0) == flat.group(0) == expected


def test_alternation_error_twins():
    assert alternation([]) == NEVER
    assert re.compile(NEVER).search("anything") is None
    # A head that is not plain ASCII keeps the flat list as it is.
    assert alternation([("d[ée]tente", "détente"), ("deal", "deal")]) == "d[ée]tente|deal"


def test_head_words_and_word_trie():
    assert head_words("non-starter") == {"non", "nonstarter"}
    assert head_words("u.s.") == {"u"}
    assert head_words("'til") is None


def test_followers_leave_out_words_any_phrase_leaves_open():
    found = followers([("a", "the", "need"), ("b", "the", "goal"), ("c", "in", ""), ("d", "in", "favour"), ("e", "to", "~2")])
    assert {w: sorted(a) for w, a in found.items()} == {"the": ["goal", "need"]}
    assert followers([("x", "'til", "then")]) == {}  # a head with no plain word: no filter at all
    assert followers([("x", "cease-fire", "now")]) == {}  # a hyphenated head may be followed by its second half
    rx = re.compile(f"(?:{word_trie(['the', 'them', 'then'])})$")
    assert [bool(rx.match(w)) for w in ("the", "them", "then", "th", "they")] == [True, True, True, False, False]


def test_by_initial_order_puts_non_letters_last():
    alts = [("b1", "b"), ("'x", "'x"), ("a1", "a"), ("b2", "b")]
    assert [s for s, _ in by_initial_order(alts)] == ["b1", "b2", "a1", "'x"]
