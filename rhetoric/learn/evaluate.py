"""Evaluate the tagger (and the tagger plus model) against gold: precision, recall, F1 and every error.

Statement level: a tag predicted anywhere in the statement is a true positive if the gold ``tags``
have it, a false positive if neither ``tags`` nor ``optional_tags`` have it; a gold tag not
predicted is a false negative; an optional tag is never counted. Mention level (only items whose
gold has ``mentions``): a predicted mention matches a gold mention of the same tag whose span it
overlaps, one to one, largest overlap first; optional tags are skipped.

Definitions: precision = tp / (tp + fp), recall = tp / (tp + fn), f1 = 2tp / (2tp + fp + fn)
(the harmonic mean of the two); each is None (JSON null) when its denominator is 0. Micro sums the
counts over tags; macro averages per-tag figures over the tags that occur in gold or predictions,
an undefined precision or recall counting as 0 there (scikit-learn's ``zero_division=0``).

Gold items without a corpus statement are evaluated on their own text (free text).

Frames, stances and commitment are scored too, on the gold lines that carry them, by
:mod:`rhetoric.learn.evaluate_claims` (the realdev scorer's counting): the rules alone and, with
a trained fallback (``rhetoric train --frames``), rules+fallback side by side.

Example:
    >>> Counts(tp=3, fp=1, fn=2).f1
    0.6666666666666666
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from os import PathLike
from typing import Any

from ..corpus.store import Corpus
from ..records import Mention
from ..tagging import Tagger, load_tagger
from .gold import ResolvedItem, corpus_if_any, load_resolved
from .model import TagModel, load_corpus_model
from .predict import model_mentions

LEXICON = "lexicon"
LEXICON_MODEL = "lexicon+model"
RULES = "rules"
RULES_FALLBACK = "rules+fallback"


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one tag (or of all, for micro)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp), None without predictions."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn), None without gold positives."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        """2tp / (2tp + fp + fn), None when the tag occurs nowhere."""
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def support(self) -> int:
        """Gold positives: tp + fn."""
        return self.tp + self.fn

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        """Figures rounded to 4 places, plus the raw counts."""
        r = {k: None if v is None else round(v, 4) for k, v in self.scores().items()}
        return {**r, "support": self.support, "tp": self.tp, "fp": self.fp, "fn": self.fn}

    def scores(self) -> dict[str, float | None]:
        """``precision``, ``recall``, ``f1`` unrounded."""
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def micro(per_tag: dict[str, Counts]) -> Counts:
    """The counts summed over tags."""
    return sum(per_tag.values(), Counts())


def macro(per_tag: dict[str, Counts]) -> dict[str, float | None]:
    """Per-tag precision, recall and F1 averaged over tags that occur in gold or predictions.

    Example:
        >>> macro({"a": Counts(1, 0, 1), "b": Counts(0, 1, 0), "c": Counts()})
        {'precision': 0.5, 'recall': 0.25, 'f1': 0.3333333333333333}
    """
    active = [c for c in per_tag.values() if c.tp + c.fp + c.fn]
    if not active:
        return {"precision": None, "recall": None, "f1": None}
    n = len(active)
    return {
        "precision": sum(c.precision or 0.0 for c in active) / n,
        "recall": sum(c.recall or 0.0 for c in active) / n,
        "f1": sum(c.f1 or 0.0 for c in active) / n,
    }


@dataclass(frozen=True)
class ErrorCase:
    """One false positive or false negative, with the statement's text and where the gold says so."""

    kind: str  # "FP" or "FN"
    level: str  # "statement" or "mention" (then ``evidence`` starts with the span "start-end")
    tag: str
    statement_id: str | None
    text: str
    gold: str  # "file:line"
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain mapping."""
        return dict(self.__dict__)


@dataclass
class SystemResult:
    """Scores of one system (``lexicon`` or ``lexicon+model``)."""

    name: str
    per_tag: dict[str, Counts]
    mention_per_tag: dict[str, Counts]
    errors: list[ErrorCase] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """``micro``, ``macro``, ``per_tag``, ``mention_level`` and ``errors``."""
        out: dict[str, Any] = {
            "micro": {k: v for k, v in micro(self.per_tag).to_dict().items()},
            "macro": {k: None if v is None else round(v, 4) for k, v in macro(self.per_tag).items()},
            "per_tag": {t: c.to_dict() for t, c in self.per_tag.items()},
        }
        if any(c.tp + c.fp + c.fn for c in self.mention_per_tag.values()):
            out["mention_level"] = {
                "micro": micro(self.mention_per_tag).to_dict(),
                "per_tag": {t: c.to_dict() for t, c in self.mention_per_tag.items() if c.tp + c.fp + c.fn},
            }
        out["errors"] = [e.to_dict() for e in self.errors]
        return out


@dataclass
class EvaluationReport:
    """The evaluation of one gold set: the lexicon and, with a model, lexicon+model."""

    items: int
    free_text: int
    mention_items: int
    systems: list[SystemResult]
    warnings: list[str] = field(default_factory=list)
    #: Frame, stance and commitment scores (:class:`~rhetoric.learn.evaluate_claims.ClaimResult`):
    #: the rules, then rules+fallback if evaluated; empty when no gold line carries a claim.
    claims: list[Any] = field(default_factory=list)

    def system(self, name: str) -> SystemResult:
        """The result of one system by name."""
        return next(s for s in self.systems if s.name == name)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: the lexicon's ``micro``, ``macro``, ``per_tag`` (and ``errors``,
        ``mention_level``) at the top; ``with_model`` holds the same for lexicon+model if evaluated."""
        out = {"items": self.items, "free_text_items": self.free_text, "mention_items": self.mention_items}
        out.update(self.systems[0].to_dict())
        if len(self.systems) > 1:
            out["with_model"] = self.systems[1].to_dict()
        if self.claims:
            out.update(self.claims[0].to_dict())
        if len(self.claims) > 1:
            out["with_fallback"] = self.claims[1].to_dict()
        return out


def match_spans(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one overlap matching, largest overlap first (ties: earlier spans).

    Returns:
        ``(predicted index, gold index)`` pairs.

    Example:
        >>> match_spans([(0, 5), (10, 20)], [(3, 12), (15, 16)])
        [(0, 0), (1, 1)]
    """
    pairs = []
    for i, (ps, pe) in enumerate(predicted):
        for j, (gs, ge) in enumerate(gold):
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > 0:
                pairs.append((-overlap, i, j))
    pairs.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _neg, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def _evidence(mentions: list[Mention]) -> str:
    m = mentions[0]
    if m.source == "model":
        return f"model p={m.score}"
    return f"{m.text!r} (pattern {m.pattern!r})"


def _score_item(
    r: ResolvedItem, mentions: list[Mention], tag_ids: Sequence[str], result: SystemResult
) -> None:
    gold, optional = set(r.item.tags), set(r.item.optional_tags)
    where = f"{r.path}:{r.item.line}"
    by_tag: dict[str, list[Mention]] = {}
    for m in mentions:
        by_tag.setdefault(m.tag, []).append(m)
    for tag in tag_ids:
        if tag in optional:
            continue
        predicted, wanted = tag in by_tag, tag in gold
        c = result.per_tag[tag]
        if predicted and wanted:
            result.per_tag[tag] = c + Counts(tp=1)
        elif predicted:
            result.per_tag[tag] = c + Counts(fp=1)
            result.errors.append(
                ErrorCase("FP", "statement", tag, r.statement_id, r.text, where, _evidence(by_tag[tag]))
            )
        elif wanted:
            result.per_tag[tag] = c + Counts(fn=1)
            result.errors.append(ErrorCase("FN", "statement", tag, r.statement_id, r.text, where))
        if r.item.mentions is None:
            continue
        predicted_mentions = by_tag.get(tag, [])
        pred = [(m.start, m.end) for m in predicted_mentions]
        gspans = [(g.start, g.end) for g in r.item.mentions if g.tag == tag]
        pairs = match_spans(pred, gspans)
        tp = len(pairs)
        result.mention_per_tag[tag] = result.mention_per_tag[tag] + Counts(
            tp, len(pred) - tp, len(gspans) - tp
        )
        matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, m in enumerate(predicted_mentions):
            if i not in matched_p:
                evidence = f"{m.start}-{m.end} " + _evidence([m])
                result.errors.append(ErrorCase("FP", "mention", tag, r.statement_id, r.text, where, evidence))
        for j, (gs, ge) in enumerate(gspans):
            if j not in matched_g:
                evidence = f"{gs}-{ge} {r.text[gs:ge]!r}"
                result.errors.append(ErrorCase("FN", "mention", tag, r.statement_id, r.text, where, evidence))


def evaluate(
    items: Sequence[ResolvedItem],
    tagger: Tagger,
    *,
    model: TagModel | None = None,
    threshold: float | None = None,
) -> EvaluationReport:
    """Score the lexicon (and, with ``model``, lexicon+model) against resolved gold items.

    Args:
        items: Gold items tied to their texts (:func:`~rhetoric.learn.gold.resolve_gold`).
        tagger: The compiled codebook; its tags are the ones scored.
        model: A trained model for the side-by-side ``lexicon+model`` system.
        threshold: Probability from which a model tag counts (the model's own if None).

    Returns:
        The report; errors are listed in gold order, FP/FN per tag in codebook order.
    """
    tag_ids = tagger.codebook.tag_ids
    names = [LEXICON] + ([LEXICON_MODEL] if model is not None else [])
    systems = [SystemResult(n, {t: Counts() for t in tag_ids}, {t: Counts() for t in tag_ids}) for n in names]
    report = EvaluationReport(
        items=len(items),
        free_text=sum(r.statement_id is None for r in items),
        mention_items=sum(r.item.mentions is not None for r in items),
        systems=systems,
    )
    unknown = sorted({t for r in items for t in (*r.item.tags, *r.item.optional_tags)} - set(tag_ids))
    if unknown:
        report.warnings.append(f"gold tags not in the codebook are not scored: {', '.join(unknown)}")
    for r in items:
        lexicon = tagger.tag(r.text, statement_id=r.statement_id)
        _score_item(r, lexicon, tag_ids, systems[0])
        if model is not None:
            extra = model_mentions(model, r.text, lexicon, statement_id=r.statement_id, threshold=threshold)
            _score_item(r, lexicon + extra, tag_ids, systems[1])
    return report


def _analyses(items: Sequence[ResolvedItem], analyzer: Any, corpus: Corpus | None):
    """``(item, analysis, speaker)`` for every item: the corpus statement's analysis, else free text's."""
    for r in items:
        statement = corpus.get(r.statement_id) if corpus is not None and r.statement_id else None
        if statement is not None:
            yield r, analyzer.analyze(statement), statement.speaker
        else:
            yield r, analyzer.analyze_text(r.text), ""


def evaluate_claims(
    items: Sequence[ResolvedItem],
    corpus_dir: str | PathLike,
    *,
    with_fallback: bool = False,
    codebook_path: str | PathLike | None = None,
) -> list[Any]:
    """Score frames, stances and commitment of the rules (and rules+fallback) on the items that carry them.

    Returns:
        One :class:`~rhetoric.learn.evaluate_claims.ClaimResult` per system; empty if no item is coded.

    Raises:
        ModelError: With ``with_fallback``, if the fallback model is missing or stale.
    """
    from ..analyzer import Analyzer
    from .evaluate_claims import score_claims

    coded = [r for r in items if r.item.coded]
    if not coded:
        return []
    corpus = corpus_if_any(corpus_dir)
    analyzer = Analyzer.for_corpus(corpus_dir, codebook_path=codebook_path)
    results = [score_claims(RULES, _analyses(coded, analyzer, corpus), actors=analyzer.actors)]
    if with_fallback:
        from .fallback import load_fallback  # scikit-learn loads only when asked

        fallback = load_fallback(corpus_dir, codebook=analyzer.codebook)
        analyzer = Analyzer.from_codebook(analyzer.codebook, actors=analyzer.actors, fallback=fallback)
        results.append(
            score_claims(RULES_FALLBACK, _analyses(coded, analyzer, corpus), actors=analyzer.actors)
        )
    return results


def evaluate_gold_file(
    corpus_dir: str | PathLike,
    gold_path: str | PathLike,
    *,
    with_model: bool = False,
    with_fallback: bool = False,
    threshold: float | None = None,
    codebook_path: str | PathLike | None = None,
) -> EvaluationReport:
    """Evaluate the corpus's codebook (and with ``with_model`` its model) against a gold file.

    Frames, stances and commitment are scored where gold lines carry them (rules alone, and
    with ``with_fallback`` rules+fallback too).

    Raises:
        NotFoundError, CodebookError: If the codebook is missing or malformed.
        BatchValidationError: If the gold file has problems.
        ModelError: With ``with_model`` or ``with_fallback``, if that model is missing or stale.

    Example:
        >>> evaluate_gold_file("corpora/ukraine-nato", "corpora/ukraine-nato/gold/heldout.jsonl").items  # doctest: +SKIP
        144
    """
    if with_model:
        tagger, model = load_corpus_model(corpus_dir, codebook_path=codebook_path)
    else:
        tagger, model = load_tagger(corpus_dir, codebook_path=codebook_path), None
    _gold, items = load_resolved(gold_path, corpus_dir, tag_ids=tagger.codebook.tag_ids)
    report = evaluate(items, tagger, model=model, threshold=threshold)
    report.claims = evaluate_claims(
        items, corpus_dir, with_fallback=with_fallback, codebook_path=codebook_path
    )
    return report


__all__ = [
    "LEXICON",
    "LEXICON_MODEL",
    "RULES",
    "RULES_FALLBACK",
    "Counts",
    "ErrorCase",
    "EvaluationReport",
    "SystemResult",
    "evaluate",
    "evaluate_claims",
    "evaluate_gold_file",
    "macro",
    "match_spans",
    "micro",
]
