"""Lexicon plus model: the model only adds sentence-level mentions, never removes a lexicon one."""

from __future__ import annotations

import pytest

from rhetoric.learn.model import TagModel
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


def test_default_thresholds_are_the_models_per_tag(shipped_tagger, trained_model) -> None:
    text = TEXTS[1]
    lexicon = shipped_tagger.tag(text)
    for m in model_mentions(trained_model, text, lexicon):
        cut = trained_model.tag_threshold(m.tag)
        assert cut is not None and m.score >= round(cut, 4)
    assert statement_tags(tag_with_model(shipped_tagger, trained_model, text)) >= statement_tags(lexicon)


def test_without_per_tag_thresholds_the_global_one_applies(shipped_tagger, trained_model) -> None:
    text = TEXTS[1]
    lexicon = shipped_tagger.tag(text)
    plain = TagModel(
        trained_model.pipeline, trained_model.tag_ids, {**trained_model.meta, "thresholds": None}
    )
    assert plain.tag_threshold("ceasefire") == plain.threshold == 0.5
    assert model_mentions(plain, text, lexicon) == model_mentions(plain, text, lexicon, threshold=0.5)
    assert model_mentions(plain, text, lexicon)  # the global threshold lets this one through


def test_a_tag_without_threshold_is_never_added(shipped_tagger, trained_model) -> None:
    never = {t: None for t in trained_model.tag_ids}
    model = TagModel(
        trained_model.pipeline, trained_model.tag_ids, {**trained_model.meta, "thresholds": never}
    )
    assert all(model_mentions(model, t, shipped_tagger.tag(t)) == [] for t in TEXTS)


@pytest.mark.parametrize(
    ("near", "sentences"),
    [
        (None, {0, 1, 2}),  # anywhere
        (0, {1}),  # only the sentence with a lexicon mention
        (1, {0, 1, 2}),  # and its neighbours
    ],
)
def test_near_keeps_the_model_close_to_lexicon_mentions(
    shipped_tagger, trained_model, near: int | None, sentences: set[int]
) -> None:
    text = "It rained. Kyiv agreed to a truce. The shops were shut."
    lexicon = shipped_tagger.tag(text)
    assert {m.sentence for m in lexicon} == {1}
    extra = model_mentions(trained_model, text, lexicon, threshold=0.0, near=near)
    assert {m.sentence for m in extra} == sentences


def test_near_with_no_lexicon_mention_adds_nothing(shipped_tagger, trained_model) -> None:
    text = "The shooting has to stop along the whole front."
    assert model_mentions(trained_model, text, [], threshold=0.0, near=1) == []
    assert model_mentions(trained_model, text, [], threshold=0.0, near=None)
