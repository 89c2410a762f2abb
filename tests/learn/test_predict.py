"""Lexicon plus model: the model only adds sentence-level mentions, never removes a lexicon one."""

from __future__ import annotations

import pytest

from rhetoric.learn.predict import model_mentions, statement_tags, tag_with_model
from rhetoric.text.sentences import split_sentences

TEXTS = [
    "Putin said Moscow was open to talks. Kyiv must first recognise the four annexed regions.",
    "Russia must pull out all its forces. We will get them back in a diplomatic way.",
    "The shooting has to stop along the whole front, and there can be no NATO membership for now.",
    "A cease-fire, a peace deal and security guarantees: that is the sequence.",
    "",
    "Nothing to see here.",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("threshold", [0.0, 0.5, 1.01])
def test_model_never_removes_lexicon_mentions(
    shipped_tagger, trained_model, text: str, threshold: float
) -> None:
    lexicon = shipped_tagger.tag(text, statement_id="s-1")
    combined = tag_with_model(shipped_tagger, trained_model, text, statement_id="s-1", threshold=threshold)
    assert [m for m in combined if m.source == "lexicon"] == lexicon
    extra = [m for m in combined if m.source != "lexicon"]
    spans = split_sentences(text)
    lexicon_pairs = {(m.sentence, m.tag) for m in lexicon}
    for m in extra:
        assert m.source == "model" and m.statement_id == "s-1" and m.pattern == ""
        assert (m.start, m.end) == spans[m.sentence] and m.text == text[m.start : m.end]
        assert threshold <= m.score <= 1.0
        assert (m.sentence, m.tag) not in lexicon_pairs
    assert len({(m.sentence, m.tag) for m in extra}) == len(extra)
    if threshold > 1:
        assert extra == []
    if threshold == 0.0:  # every tag in every sentence
        assert len(extra) + len(lexicon_pairs) == len(spans) * len(trained_model.tag_ids)
    assert combined == sorted(combined, key=lambda m: (m.start, m.end, m.tag, m.source))


def test_model_adds_what_the_lexicon_misses(shipped_tagger, trained_model) -> None:
    text = "The shooting has to stop along the whole front."
    assert shipped_tagger.tag(text) == []
    (m,) = tag_with_model(shipped_tagger, trained_model, text)
    assert (m.tag, m.source, m.start, m.end, m.sentence) == ("ceasefire", "model", 0, len(text), 0)
    assert m.score == round(m.score, 4) and m.score >= 0.5
    assert m.to_dict()["source"] == "model"


def test_default_threshold_is_the_models(shipped_tagger, trained_model) -> None:
    text = TEXTS[1]
    lexicon = shipped_tagger.tag(text)
    assert model_mentions(trained_model, text, lexicon) == model_mentions(
        trained_model, text, lexicon, threshold=trained_model.threshold
    )
    assert statement_tags(tag_with_model(shipped_tagger, trained_model, text)) >= statement_tags(lexicon)
