"""Suggestions: statements where the model predicts a tag the lexicon misses, with candidate patterns.

For each statement and tag the lexicon did not find anywhere in it, the sentence with the highest
model probability is a suggestion if that probability reaches the threshold. The n-grams that drove
the prediction are the word n-grams with the largest positive coefficient × tf-idf products in that
sentence; summed over a tag's suggestions (n-grams made only of stop words dropped) they rank the
candidate patterns for the codebook.

Example:
    >>> report = suggest(statements, tagger, model, tag="withdrawal", top=3)  # doctest: +SKIP
    >>> report.candidates["withdrawal"][0].ngram  # doctest: +SKIP
    'pull out'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from os import PathLike
from typing import Any

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..corpus.store import Corpus
from ..records import Statement
from ..tagging import Tagger
from .model import TagModel, load_corpus_model


@dataclass(frozen=True)
class Suggestion:
    """A statement the model tags but the lexicon does not, and why."""

    statement_id: str | None
    tag: str
    score: float
    sentence: int
    start: int
    end: int
    text: str
    ngrams: tuple[tuple[str, float], ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain mapping; n-grams as ``{"ngram", "weight"}`` objects."""
        d = dict(self.__dict__)
        d["score"] = round(self.score, 4)
        d["ngrams"] = [{"ngram": g, "weight": round(w, 4)} for g, w in self.ngrams]
        return d


@dataclass(frozen=True)
class Candidate:
    """An n-gram ranked as a pattern candidate for a tag."""

    ngram: str
    weight: float
    statements: int

    def to_dict(self) -> dict[str, Any]:
        """Plain mapping."""
        return {"ngram": self.ngram, "weight": round(self.weight, 4), "statements": self.statements}


@dataclass
class SuggestReport:
    """Suggestions in codebook tag order (best first within a tag) and candidate patterns per tag."""

    suggestions: list[Suggestion]
    candidates: dict[str, list[Candidate]]
    statements: int
    threshold: float
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """``statements``, ``threshold``, ``suggestions`` and ``candidates``."""
        return {
            "statements": self.statements,
            "threshold": self.threshold,
            "suggestions": [s.to_dict() for s in self.suggestions],
            "candidates": {t: [c.to_dict() for c in cs] for t, cs in self.candidates.items()},
        }


def _informative(ngram: str) -> bool:
    return any(w not in ENGLISH_STOP_WORDS for w in ngram.split())


def suggest(
    statements: Iterable[Statement],
    tagger: Tagger,
    model: TagModel,
    *,
    tag: str | None = None,
    top: int = 5,
    threshold: float | None = None,
) -> SuggestReport:
    """Find what the model sees and the lexicon misses.

    Args:
        statements: Statements to scan (streamed).
        tagger: The compiled codebook.
        model: A model trained on the same codebook.
        tag: Only this tag (all tags if None).
        top: N-grams per suggestion and candidate patterns per tag.
        threshold: Probability from which the model counts (the model's own if None).

    Returns:
        The report.

    Raises:
        NotFoundError: If ``tag`` is not in the codebook.
    """
    tags = [tagger.codebook.tag(tag).id] if tag is not None else list(model.tag_ids)
    cut = model.threshold if threshold is None else threshold
    order = {t: i for i, t in enumerate(model.tag_ids)}
    found: list[Suggestion] = []
    n = 0
    for statement in statements:
        n += 1
        lexicon_tags = {m.tag for m in tagger.tag(statement.text)}
        best: dict[str, tuple[float, int, int, int]] = {}
        for index, start, end, probs in model.sentence_probabilities(statement.text):
            for t in tags:
                p = float(probs[order[t]])
                if t not in lexicon_tags and p >= cut and p > best.get(t, (-1.0,))[0]:
                    best[t] = (p, index, start, end)
        for t, (p, index, start, end) in best.items():
            sentence = statement.text[start:end]
            ngrams = tuple(g for g in model.contributions(sentence, t) if _informative(g[0]))[:top]
            found.append(Suggestion(statement.id, t, p, index, start, end, sentence, ngrams))
    found.sort(key=lambda s: (order[s.tag], -s.score, s.statement_id or ""))
    candidates: dict[str, list[Candidate]] = {}
    for t in tags:
        weights: dict[str, float] = {}
        counts: dict[str, int] = {}
        for s in found:
            if s.tag != t:
                continue
            for g, w in model.contributions(s.text, t):
                if _informative(g):
                    weights[g] = weights.get(g, 0.0) + w
                    counts[g] = counts.get(g, 0) + 1
        ranked = sorted(weights, key=lambda g: (-weights[g], g))[:top]
        if ranked:
            candidates[t] = [Candidate(g, weights[g], counts[g]) for g in ranked]
    return SuggestReport(found, candidates, n, cut)


def suggest_corpus(
    corpus_dir: str | PathLike,
    *,
    tag: str | None = None,
    top: int = 5,
    threshold: float | None = None,
) -> SuggestReport:
    """:func:`suggest` over every statement of the corpus, with its codebook and model.

    Raises:
        CorpusError: If the corpus has no statements file.
        ModelError: If the model is missing or stale.
        NotFoundError: If ``tag`` is not in the codebook.
    """
    corpus = Corpus(corpus_dir).require()
    tagger, model = load_corpus_model(corpus_dir)
    return suggest(corpus.iter_statements(), tagger, model, tag=tag, top=top, threshold=threshold)


__all__ = ["Candidate", "suggest_corpus", "SuggestReport", "Suggestion", "suggest"]
