"""Lexicon plus model: the model adds sentence-level tags the lexicon missed, never removes one.

Example:
    >>> ms = tag_with_model(tagger, model, "They must pull out all forces.")  # doctest: +SKIP
    >>> [(m.tag, m.source, m.score) for m in ms]  # doctest: +SKIP
    [('withdrawal', 'model', 0.71)]
"""

from __future__ import annotations

from ..records import Mention
from ..tagging import Tagger
from ..types import MentionSource
from .model import TagModel

#: ``pattern`` value of a model mention (it was found by no pattern).
MODEL_PATTERN = ""


def model_mentions(
    model: TagModel,
    text: str,
    lexicon: list[Mention],
    *,
    statement_id: str | None = None,
    threshold: float | None = None,
    near: int | None | str = "model",
) -> list[Mention]:
    """Mentions for tags the model predicts in a sentence where the lexicon found no mention of them.

    Args:
        model: The trained model.
        text: The statement text.
        lexicon: The lexicon's mentions of ``text``.
        statement_id: Recorded on each mention.
        threshold: Probability from which any tag counts (None: the model's per-tag thresholds).
        near: Only sentences at most this many sentences from a lexicon mention (None:
            anywhere; ``"model"``: the model's own setting).

    Returns:
        One mention per (sentence, tag) covering the whole sentence, ``source="model"``, ``score``
        the probability rounded to 4 places.
    """
    # Models from before per-tag thresholds (and stand-ins) have only the global threshold.
    per_tag = getattr(model, "tag_threshold", None)
    own = per_tag if per_tag is not None else (lambda _tag: model.threshold)
    cuts = [threshold if threshold is not None else own(t) for t in model.tag_ids]
    if all(c is None for c in cuts):
        return []
    reach = getattr(model, "near", None) if near == "model" else near
    found = {(m.sentence, m.tag) for m in lexicon}
    anchors = {m.sentence for m in lexicon}
    if reach is not None and not anchors:
        return []
    out = []
    for index, start, end, probs in model.sentence_probabilities(text):
        if reach is not None and all(abs(index - a) > reach for a in anchors):
            continue
        for j, tag in enumerate(model.tag_ids):
            p, cut = float(probs[j]), cuts[j]
            if cut is not None and p >= cut and (index, tag) not in found:
                out.append(
                    Mention(
                        tag,
                        start,
                        end,
                        text[start:end],
                        index,
                        MODEL_PATTERN,
                        statement_id,
                        MentionSource.MODEL.value,
                        round(p, 4),
                    )
                )
    return out


def tag_with_model(
    tagger: Tagger,
    model: TagModel,
    text: str,
    *,
    statement_id: str | None = None,
    threshold: float | None = None,
    near: int | None | str = "model",
) -> list[Mention]:
    """Every lexicon mention of ``text`` plus the model's additions, sorted by (start, end, tag).

    Lexicon mentions are returned unchanged (``source="lexicon"``); the model only adds
    ``source="model"`` mentions spanning the sentence in which it predicts a tag the lexicon
    did not find there.

    Args:
        tagger: The compiled codebook.
        model: A model trained on the same codebook.
        text: The text to tag.
        statement_id: Recorded on each mention.
        threshold: Probability from which a model tag counts (the model's own if None).
        near: As in :func:`model_mentions`.

    Returns:
        The combined mentions.
    """
    lexicon = tagger.tag(text, statement_id=statement_id)
    return with_model_mentions(
        model, text, lexicon, statement_id=statement_id, threshold=threshold, near=near
    )


def with_model_mentions(
    model: TagModel,
    text: str,
    lexicon: list[Mention],
    *,
    statement_id: str | None = None,
    threshold: float | None = None,
    near: int | None | str = "model",
) -> list[Mention]:
    """The lexicon's mentions of ``text`` (unchanged) plus :func:`model_mentions`, sorted by (start, end, tag)."""
    extra = model_mentions(model, text, lexicon, statement_id=statement_id, threshold=threshold, near=near)
    return sorted([*lexicon, *extra], key=lambda m: (m.start, m.end, m.tag, m.source))


def statement_tags(mentions: list[Mention]) -> set[str]:
    """The statement-level tag set of some mentions.

    Example:
        >>> statement_tags([Mention("a", 0, 1, "x", 0, "x"), Mention("a", 2, 3, "y", 0, "y")])
        {'a'}
    """
    return {m.tag for m in mentions}


__all__ = ["MODEL_PATTERN", "model_mentions", "statement_tags", "tag_with_model", "with_model_mentions"]
