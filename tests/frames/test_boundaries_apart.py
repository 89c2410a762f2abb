"""Clause boundaries read in two parts (punctuation, and words through the text index) are the
boundaries the whole regex finds, on any range; texts the index may read otherwise keep the regex."""

from __future__ import annotations

import pytest

from rhetoric.frames.clauses import _boundaries, boundaries, frame_words
from rhetoric.lang import load_language

TEXTS = (
    "He said that talks are over, but a truce holds; nothing else.",
    "They told reporters that the war — however long — would end, and not before; yet, so be it.",
    "Butter, however, is not a boundary: buttress the line–and the dash – here—there, rather than that.",
    "He SAID THAT the truce holds, BUT Kyiv believes  that it won't, because, although, whereas.",
    "“We said that”, she told us all that they’d go; but\u2014then\u2014no.",
    "ſaid that the ſo-called truce holds, ıf but…",  # exotic letters: the regex alone
    "\u0130 said that it holds, but only just.",  # lower case of another length: the regex alone
    "Kyiv says that, Moscow thinks that; Paris knows that it is telling them that",
    "a–b –b a– a -- b a - b a\u2003–\u2003b a,\tyet a,but a,butter ,so – – a –b a- b;;,, —",
    "",
)


def _regex(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in frame_words().boundary.finditer(text, start, end))


@pytest.mark.parametrize("text", TEXTS)
def test_two_parts_find_what_the_whole_finds(text):
    words = frame_words()
    assert words.boundary_words is not None and words.boundary_punct is not None
    n = len(text)
    ranges = {(0, n), (1, n), (0, max(0, n - 2)), (5, 40), (3, 3)} | {
        (i, min(n, i + 17)) for i in range(0, n, 7)
    }
    for start, end in sorted(ranges):
        if start <= end <= n:
            assert _boundaries(words, text, start, end) == _regex(text, start, end), (start, end)


def test_a_word_cut_by_the_range_end_is_read_by_the_regex():
    text = "He said that talks would go on butter and bread"
    end = text.index("butter") + 3  # "but" at the end of the range: a boundary for the regex
    assert _boundaries(frame_words(), text, 0, end) == _regex(text, 0, end)
    assert (end - 3, end) in _regex(text, 0, end)


def test_exotic_letters_keep_the_regex():
    text = "ſaid that the truce holds"
    assert _boundaries(frame_words(), text, 0, len(text)) == _regex(text, 0, len(text)) == ((0, 9),)


def test_a_boundary_word_without_a_leading_letter_reads_the_whole():
    lang = load_language("en", extend={"frames": {"boundary_words": ["'cause"]}})
    words = frame_words(lang)
    assert words.boundary_words is None and words.boundary_punct is None
    text = "Talks stalled 'cause they left, but not for long."
    assert _boundaries(words, text, 0, len(text)) == tuple(m.span() for m in words.boundary.finditer(text))


def test_boundaries_are_kept_per_language():
    text = "Talks stalled whereupon they left, but not for long."
    lang = load_language("en", extend={"frames": {"boundary_words": ["whereupon"]}})
    assert boundaries(text) == ((33, 38),)
    assert boundaries(text, words=frame_words(lang)) == ((14, 23), (33, 38))
    assert boundaries(text) == ((33, 38),)


@pytest.mark.parametrize("seed", range(3))
def test_punctuation_tried_at_its_marks_finds_what_search_finds(seed):
    # clauses.punct_search tries boundary_punct only at ; , dashes and the character before a
    # dash: on random runs of words, spaces, punctuation and dashes it finds what re.search finds.
    import random

    from rhetoric.frames.clauses import punct_search

    def span(match):
        return None if match is None else match.span()

    rng = random.Random(seed)
    punct = frame_words().boundary_punct
    pieces = [" ", " ", "\u2003", "\t", "\n", ";", ",", "-", "–", "—", "a", "but", "yet", "however", "so", "x", "."]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        n = len(text)
        for start in range(n + 1):
            for end in {n, max(start, n - 1), min(n, start + 3)}:
                expected = span(punct.search(text, start, end))
                assert span(punct_search(punct, text, start, end)) == expected, (text, start, end)
