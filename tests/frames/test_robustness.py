"""Frames and stances never raise and are deterministic, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rhetoric.frames.detect import detect_frames
from rhetoric.frames.stances import detect_stances
from rhetoric.records import Mention

_TAGS = ["ceasefire", "negotiations", "withdrawal", "nato_membership"]
_WORDS = st.sampled_from(
    [
        "until",
        "unless",
        "if",
        "as long as",
        "no",
        "without",
        "in exchange for",
        "talks",
        "truce",
        ",",
        ";",
        "–",
        "must first",
        "conditions for",
        "are",
        "not possible",
        "the US",
        "oppose it",
        "\u00a0",
        "İ",
        "ß",
        "\n",
        ".",
    ]
)


@st.composite
def text_and_mentions(draw):
    text = draw(st.one_of(st.text(max_size=300), st.lists(_WORDS, max_size=60).map(" ".join)))
    mentions = []
    for _ in range(draw(st.integers(0, 6))):
        if not text:
            break
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, len(text)))
        mentions.append(Mention(draw(st.sampled_from(_TAGS)), a, b, text[a:b], 0, "p"))
    return text, sorted(mentions, key=lambda m: (m.start, m.end, m.tag))


@settings(max_examples=300, deadline=None)
@given(text_and_mentions())
def test_frames_and_stances_never_raise(pair) -> None:
    text, mentions = pair
    frames = detect_frames(text, mentions, statement_id="s-x")
    stances = detect_stances(text, mentions, frames=frames)
    assert detect_frames(text, mentions, statement_id="s-x") == frames
    assert len(stances) == len(mentions)
    for f in frames:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.outcomes


def test_very_long_text_without_punctuation() -> None:
    text = "talks until truce " * 5000
    mentions = [
        Mention("negotiations", 0, 5, "talks", 0, "talks"),
        Mention("ceasefire", 12, 17, "truce", 0, "truce"),
    ]
    frames = detect_frames(text, mentions)
    assert (frames[0].outcomes, frames[0].conditions) == (("negotiations",), ("ceasefire",))
