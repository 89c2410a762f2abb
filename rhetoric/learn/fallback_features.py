"""Features of the learned fallback: tag pairs of one statement (frames) and tags (stances).

General features only, never a statement's identity: the words between two mentions and around
them, their order, distance and sentence boundary, the tag ids, and the condition cues of the
frames package (:mod:`rhetoric.frames.cues`) found between or around them, and negation nearby
(the negators and negative determiners of the language package, :mod:`rhetoric.lang`).

A frame candidate is an ordered pair of distinct tags of one statement, ``(outcome, condition)``,
described by the closest pair of their mentions. A stance candidate is a tag of the statement,
described by the words around each of its mentions and the roles the rules gave it.

Example:
    >>> from rhetoric.records import Mention
    >>> text = "Talks can start once the troops withdraw."
    >>> ms = [Mention("negotiations", 0, 5, "Talks", 0, "talks"),
    ...       Mention("withdrawal", 25, 40, "troops withdraw", 0, "withdraw")]
    >>> f = pair_features(text, ms[0], ms[1])
    >>> f["between=once"], f["order=outcome_first"], f["same_sentence"]
    (1.0, 1.0, 1.0)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..frames.cues import default_cue_table
from ..lang import load_language
from ..records import Frame, Mention
from ..text.tokens import tokenize

#: Words read on each side of a mention.
WINDOW = 4
_DISTANCE_BUCKETS = ((2, "0-2"), (5, "3-5"), (10, "6-10"), (20, "11-20"))
#: Characters on each side of a mention in which a negation counts as near.
NEAR = 30
Spans = list[tuple[int, int]]


@lru_cache(maxsize=8)
def _negation_re(language: str) -> re.Pattern[str]:
    lang = load_language(language)
    source = "|".join(lang.pattern("negation", k) for k in ("negators", "negative_determiners"))
    return re.compile(rf"(?<!\w)(?:{source})(?!\w)", re.IGNORECASE)


def negation_spans(text: str, language: str) -> Spans:
    """``(start, end)`` of every negator or negative determiner of ``language`` in ``text``.

    Example:
        >>> negation_spans("No talks, not now.", "en")
        [(0, 2), (10, 13)]
    """
    return [m.span() for m in _negation_re(language).finditer(text)]


def _near(negations: Spans, start: int, end: int) -> bool:
    return any(start <= s < end for s, _e in negations)


def _words(text: str, start: int, end: int) -> list[str]:
    return [t.norm for t in tokenize(text[start:end])]


def _distance_bucket(n: int) -> str:
    return next((label for limit, label in _DISTANCE_BUCKETS if n <= limit), "21+")


@dataclass(frozen=True)
class PairCandidate:
    """An ordered tag pair of one statement, with the mentions that stand for it."""

    outcome: str
    condition: str
    outcome_mention: Mention
    condition_mention: Mention


def closest_pairs(mentions: Sequence[Mention]) -> list[PairCandidate]:
    """Every ordered pair of distinct tags, each with its closest mentions (ties: earliest).

    Example:
        >>> ms = [Mention("a", 0, 1, "x", 0, "x"), Mention("b", 5, 6, "y", 0, "y")]
        >>> [(c.outcome, c.condition) for c in closest_pairs(ms)]
        [('a', 'b'), ('b', 'a')]
    """
    best: dict[tuple[str, str], tuple[int, Mention, Mention]] = {}
    for a in mentions:
        for b in mentions:
            if a.tag == b.tag:
                continue
            gap = max(a.start, b.start) - min(a.end, b.end)
            key = (a.tag, b.tag)
            if key not in best or gap < best[key][0]:
                best[key] = (gap, a, b)
    return [PairCandidate(o, c, a, b) for (o, c), (_gap, a, b) in sorted(best.items())]


def cue_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, shape)`` of every condition cue of the packaged cue table in ``text``."""
    return [(h.start, h.end, h.cue.shape) for h in default_cue_table().find(text)]


def pair_features(
    text: str,
    outcome: Mention,
    condition: Mention,
    cues: list[tuple[int, int, str]] | None = None,
    negations: Spans = (),
) -> dict[str, float]:
    """Features of ``outcome ⇐ condition`` read from the text between and around the two mentions.

    ``cues`` are the statement's :func:`cue_spans` (computed here if None), ``negations`` its
    :func:`negation_spans`.
    """
    first, second = sorted((outcome, condition), key=lambda m: m.start)
    between = _words(text, first.end, max(first.end, second.start))
    before = _words(text, 0, first.start)[-WINDOW:]
    after = _words(text, second.end, len(text))[:WINDOW]
    f: dict[str, float] = {
        f"order={'outcome_first' if first is outcome else 'condition_first'}": 1.0,
        f"distance={_distance_bucket(len(between))}": 1.0,
        f"tags={outcome.tag}<={condition.tag}": 1.0,
        f"outcome={outcome.tag}": 1.0,
        f"condition={condition.tag}": 1.0,
    }
    f["same_sentence" if outcome.sentence == condition.sentence else "across_sentences"] = 1.0
    for w in between:
        f[f"between={w}"] = 1.0
    for a, b in zip(between, between[1:], strict=False):
        f[f"between={a}_{b}"] = 1.0
    for w in before:
        f[f"before={w}"] = 1.0
    for w in after:
        f[f"after={w}"] = 1.0
    for start, _end, shape in cue_spans(text) if cues is None else cues:
        if first.end <= start < second.start:
            f[f"cue_between={shape}"] = 1.0
        elif first.start - 40 <= start < first.start:
            f[f"cue_before={shape}"] = 1.0
        elif second.end <= start < second.end + 40:
            f[f"cue_after={shape}"] = 1.0
    if _near(negations, first.end, second.start):
        f["negation_between"] = 1.0
    for role, m in (("o", outcome), ("c", condition)):
        if _near(negations, m.start - NEAR, m.start):
            f[f"{role}_negated"] = 1.0
        for w in _words(text, 0, m.start)[-2:]:
            f[f"{role}_left={w}"] = 1.0
        for w in _words(text, m.end, len(text))[:2]:
            f[f"{role}_right={w}"] = 1.0
    return f


def stance_features(
    text: str, tag: str, mentions: Sequence[Mention], frames: Sequence[Frame], negations: Spans = ()
) -> dict[str, float]:
    """Features of the speaker's stance on ``tag``: words around its mentions, negation near them
    (``negations`` as :func:`negation_spans`) and its roles in the rules' frames."""
    f: dict[str, float] = {f"tag={tag}": 1.0}
    for m in mentions:
        if m.tag != tag:
            continue
        left = _words(text, 0, m.start)[-WINDOW:]
        right = _words(text, m.end, len(text))[:WINDOW]
        for i, w in enumerate(reversed(left)):
            f[f"left={w}"] = 1.0
            if i < 2:
                f[f"left_near={w}"] = 1.0
        for i, w in enumerate(right):
            f[f"right={w}"] = 1.0
            if i < 2:
                f[f"right_near={w}"] = 1.0
        for w in _words(text, m.start, m.end):
            f[f"inside={w}"] = 1.0
        if _near(negations, m.start - NEAR, m.start):
            f["negation_before"] = 1.0
        if _near(negations, m.end, m.end + NEAR):
            f["negation_after"] = 1.0
    for fr in frames:
        if tag in fr.conditions:
            f[f"rule_condition={fr.polarity}"] = 1.0
        if tag in fr.outcomes:
            f[f"rule_outcome={fr.polarity}"] = 1.0
    return f


__all__ = [
    "NEAR",
    "WINDOW",
    "PairCandidate",
    "closest_pairs",
    "cue_spans",
    "negation_spans",
    "pair_features",
    "stance_features",
]
