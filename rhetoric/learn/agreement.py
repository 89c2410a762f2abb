"""Intercoder agreement per tag: Cohen's κ, Krippendorff's α, percent agreement, bootstrap CIs.

Each coder file is a gold file; agreement is computed over the statements *every* file codes
(matched by corpus id, else by exact text). For each tag, a coder's value for a statement is 1 if
the tag is in its ``tags`` and 0 otherwise (``optional_tags`` are not counted here).

- Cohen's κ (two coders only): :func:`sklearn.metrics.cohen_kappa_score`.
- Krippendorff's α (any number of coders, nominal): the ``krippendorff`` package.
- Percent agreement: the share of statements on which all coders give the same value.
- Overall: the same statistics over every (statement, tag) unit pooled, plus ``exact_match``, the
  share of statements whose tag sets are identical across coders.
- 95% confidence intervals: percentile bootstrap over statements (fixed seed; the same resamples
  for every tag); resamples without variation (κ and α undefined) are skipped, and when more than
  10% of them lack variation (a tag with one or two positives) no interval is given.

A statistic that is undefined — a tag nobody used, or every coder giving every statement the same
value, or κ with more than two coders — is None (JSON null) with the reason beside it, never NaN.

Example:
    >>> a = [["x"], ["x"], [], []]; b = [["x"], [], [], []]
    >>> r = agreement_from_tags([a, b], tag_ids=["x"], n_boot=0)
    >>> round(r.per_tag["x"].kappa.value, 3), r.per_tag["x"].percent_agreement
    (0.5, 0.75)
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score

from ..codebook.load import load_codebook
from ..corpus.store import CODEBOOK_FILE
from ..errors import ValidationError
from .defaults import DEFAULT_BOOTSTRAP, DEFAULT_SEED
from .gold import ResolvedItem, load_resolved

#: Below this share of resamples with a defined statistic, no interval is given (a tag with one or
#: two positives misses them in ~37% or ~14% of resamples; the rest would overstate certainty).
MIN_VALID_SHARE = 0.9


def _rnd(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class Stat:
    """A statistic with its bootstrap interval, or None and the reason it is undefined."""

    value: float | None
    ci: tuple[float, float] | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """``value``, ``ci_low``, ``ci_high``, ``reason`` (rounded to 4 places)."""
        lo, hi = self.ci if self.ci is not None else (None, None)
        return {"value": _rnd(self.value), "ci_low": _rnd(lo), "ci_high": _rnd(hi), "reason": self.reason}


@dataclass(frozen=True)
class TagAgreement:
    """Agreement on one tag: how often each coder used it and the three statistics."""

    tag: str
    positives: tuple[int, ...]
    percent_agreement: float | None
    kappa: Stat
    alpha: Stat

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: ``kappa``, ``alpha``, ``percent_agreement`` plus intervals and reasons."""
        k, a = self.kappa.to_dict(), self.alpha.to_dict()
        pa = None if self.percent_agreement is None else round(self.percent_agreement, 4)
        return {
            "kappa": k["value"],
            "alpha": a["value"],
            "percent_agreement": pa,
            "kappa_ci": [k["ci_low"], k["ci_high"]] if self.kappa.ci else None,
            "alpha_ci": [a["ci_low"], a["ci_high"]] if self.alpha.ci else None,
            "kappa_reason": k["reason"],
            "alpha_reason": a["reason"],
            "positives": list(self.positives),
        }


@dataclass(frozen=True)
class Disagreement:
    """A statement the coders tagged differently, to adjudicate."""

    statement_id: str | None
    text: str
    tags: tuple[tuple[str, ...], ...]  # per coder
    differing: tuple[str, ...]
    lines: tuple[int, ...]  # per coder

    def to_dict(self) -> dict[str, Any]:
        """Plain mapping with lists."""
        return {
            "statement_id": self.statement_id,
            "text": self.text,
            "tags": [list(t) for t in self.tags],
            "differing": list(self.differing),
            "lines": list(self.lines),
        }


@dataclass
class AgreementReport:
    """Agreement of several coder files."""

    coders: tuple[str, ...]
    items: int
    per_tag: dict[str, TagAgreement]
    overall: dict[str, Any]
    disagreements: list[Disagreement]
    bootstrap: int
    seed: int
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: ``per_tag`` (tag → kappa, alpha, percent_agreement, …), ``overall``."""
        overall = {}
        for k, v in self.overall.items():
            if isinstance(v, Stat):
                d = v.to_dict()
                overall[k] = d["value"]
                overall[f"{k}_ci"] = [d["ci_low"], d["ci_high"]] if v.ci else None
                overall[f"{k}_reason"] = d["reason"]
            else:
                overall[k] = None if v is None else round(v, 4)
        return {
            "coders": list(self.coders),
            "items": self.items,
            "bootstrap": self.bootstrap,
            "seed": self.seed,
            "per_tag": {t: a.to_dict() for t, a in self.per_tag.items()},
            "overall": overall,
            "disagreements": [d.to_dict() for d in self.disagreements],
            "warnings": list(self.warnings),
        }


# -- the statistics, from unit-type counts ------------------------------------------------------
# A binary unit (statement × tag) is summarised by a type; both statistics depend only on how many
# units have each type, which lets every bootstrap resample be a vector of counts (and be cached).
# Two coders: type = 2a + b in 0..3. Any number k: type = number of coders saying 1, in 0..k.

_PAIR_A = np.array([0, 0, 1, 1])
_PAIR_B = np.array([0, 1, 0, 1])


def _kappa_from_counts(counts: np.ndarray) -> float | None:
    """Cohen's κ for two binary coders given counts of (a, b) = 00, 01, 10, 11 (scikit-learn)."""
    total = int(counts.sum())
    if total == 0 or counts[0] == total or counts[3] == total:
        return None  # every unit 00 or every unit 11: chance agreement is 1 and κ is 0/0
    a, b = np.repeat(_PAIR_A, counts), np.repeat(_PAIR_B, counts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = float(cohen_kappa_score(a, b, labels=[0, 1]))
    return None if np.isnan(value) else value


def kappa_replicates(counts: np.ndarray) -> np.ndarray:
    """Cohen's κ for many count vectors at once (rows of 00, 01, 10, 11 counts); NaN where undefined.

    The same arithmetic as :func:`sklearn.metrics.cohen_kappa_score` for two binary coders,
    vectorised because calling scikit-learn per bootstrap resample takes seconds per tag; the
    tests check it against scikit-learn.

    Example:
        >>> kappa_replicates(np.array([[2, 0, 1, 1]])).round(3).tolist()
        [0.5]
    """
    counts = np.atleast_2d(counts).astype(float)
    n = counts.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        po = (counts[:, 0] + counts[:, 3]) / n
        pa = (counts[:, 2] + counts[:, 3]) / n
        pb = (counts[:, 1] + counts[:, 3]) / n
        pe = pa * pb + (1 - pa) * (1 - pb)
        kappa = (po - pe) / (1 - pe)
    kappa[(n == 0) | np.isclose(pe, 1.0)] = np.nan
    return kappa


def _alpha_from_counts(counts: np.ndarray, k: int) -> float | None:
    """Krippendorff's α (nominal) for k binary coders given counts of units by number of 1s."""
    rows = np.repeat(np.array([[k - j, j] for j in range(k + 1)]), counts, axis=0)
    if rows.size == 0 or rows[:, 0].sum() == 0 or rows[:, 1].sum() == 0:
        return None  # a single value in the data: α is 0/0
    value = float(krippendorff.alpha(value_counts=rows, level_of_measurement="nominal"))
    return None if np.isnan(value) else value


def _no_variation_reason(counts_ones: int, total: int) -> str:
    if total == 0:
        return "no statement is coded by every file"
    if counts_ones == 0:
        return "undefined: no coder used this tag"
    return "undefined: every coder used this tag on every statement"


class _Bootstrap:
    """Resample counts shared by every tag: ``weights[b, i]`` = times item i is drawn in resample b."""

    def __init__(self, n_items: int, n_boot: int, seed: int) -> None:
        rng = np.random.default_rng(seed)
        self.n_boot = n_boot if n_items else 0
        draws = rng.integers(0, n_items, size=(self.n_boot, n_items)) if self.n_boot else None
        self.weights = (
            np.vstack([np.bincount(d, minlength=n_items) for d in draws])
            if draws is not None
            else np.zeros((0, n_items), dtype=int)
        )

    def interval(
        self, type_counts: np.ndarray, fn, confidence: float
    ) -> tuple[tuple[float, float] | None, str]:
        """Percentile interval of ``fn(counts)`` over resamples; ``type_counts``: items × types one-hot sums."""
        if not self.n_boot:
            return None, ""
        resampled = self.weights @ type_counts
        if fn is _kappa_from_counts:
            replicates = kappa_replicates(resampled)
            values = replicates[~np.isnan(replicates)].tolist()
        else:
            cache: dict[bytes, float | None] = {}
            values = []
            for row in resampled:
                key = row.tobytes()
                if key not in cache:
                    cache[key] = fn(row)
                if cache[key] is not None:
                    values.append(cache[key])
        if len(values) < MIN_VALID_SHARE * self.n_boot:
            return None, f"only {len(values)} of {self.n_boot} resamples have variation: no interval"
        tail = (1 - confidence) / 2 * 100
        lo, hi = np.percentile(values, [tail, 100 - tail])
        return (float(lo), float(hi)), ""


def agreement_from_tags(
    coders: Sequence[Sequence[Sequence[str]]],
    *,
    tag_ids: Sequence[str],
    n_boot: int = DEFAULT_BOOTSTRAP,
    seed: int = DEFAULT_SEED,
    confidence: float = 0.95,
) -> AgreementReport:
    """Agreement of coders given, per coder, the tag list of each statement (same statement order).

    Args:
        coders: ``coders[c][i]`` is coder c's tags for statement i (at least two coders).
        tag_ids: The tags to report, in order.
        n_boot: Bootstrap resamples (0 for no intervals).
        seed: Bootstrap seed.
        confidence: Interval coverage.

    Returns:
        The report (``coders`` named ``coder1`` …, no disagreement texts).
    """
    k = len(coders)
    n = len(coders[0]) if coders else 0
    sets = [[set(tags) for tags in coder] for coder in coders]
    boot = _Bootstrap(n, n_boot, seed)
    per_tag: dict[str, TagAgreement] = {}
    pooled_pairs = np.zeros((n, 4), dtype=int)
    pooled_ones = np.zeros((n, k + 1), dtype=int)
    for tag in tag_ids:
        values = np.array([[1 if tag in s[i] else 0 for i in range(n)] for s in sets], dtype=int).reshape(
            k, n
        )
        ones = values.sum(axis=0)
        one_hot_ones = np.eye(k + 1, dtype=int)[ones] if n else np.zeros((0, k + 1), dtype=int)
        pooled_ones += one_hot_ones
        total_ones = int(values.sum())
        percent = float(np.mean((ones == 0) | (ones == k))) if n else None
        alpha_v = _alpha_from_counts(one_hot_ones.sum(axis=0), k)
        if alpha_v is None:
            alpha = Stat(None, None, _no_variation_reason(total_ones, n))
        else:
            ci, why = boot.interval(one_hot_ones, lambda c: _alpha_from_counts(c, k), confidence)
            alpha = Stat(alpha_v, ci, why)
        if k != 2:
            kappa = Stat(None, None, f"Cohen's kappa needs exactly 2 coders (got {k}); see alpha")
        else:
            one_hot_pairs = np.eye(4, dtype=int)[2 * values[0] + values[1]] if n else np.zeros((0, 4), int)
            pooled_pairs += one_hot_pairs
            if alpha_v is None:
                kappa = Stat(None, None, _no_variation_reason(total_ones, n))
            else:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    kv = float(cohen_kappa_score(values[0], values[1], labels=[0, 1]))
                ci, why = boot.interval(one_hot_pairs, _kappa_from_counts, confidence)
                kappa = Stat(None if np.isnan(kv) else kv, ci, why)
        per_tag[tag] = TagAgreement(tag, tuple(int(v) for v in values.sum(axis=1)), percent, kappa, alpha)
    overall: dict[str, Any] = {}
    units = n * len(tag_ids)
    pooled_alpha = _alpha_from_counts(pooled_ones.sum(axis=0), k)
    if pooled_alpha is None:
        reason = _no_variation_reason(int(pooled_ones[:, 1:].sum()), units)
        overall["alpha"] = Stat(None, None, reason)
    else:
        ci, why = boot.interval(pooled_ones, lambda c: _alpha_from_counts(c, k), confidence)
        overall["alpha"] = Stat(pooled_alpha, ci, why)
    if k == 2:
        pk = _kappa_from_counts(pooled_pairs.sum(axis=0))
        if pk is None:
            overall["kappa"] = Stat(None, None, "undefined: no variation in any tag")
        else:
            ci, why = boot.interval(pooled_pairs, _kappa_from_counts, confidence)
            overall["kappa"] = Stat(pk, ci, why)
    else:
        overall["kappa"] = Stat(None, None, f"Cohen's kappa needs exactly 2 coders (got {k}); see alpha")
    agree_units = int(pooled_ones[:, 0].sum() + pooled_ones[:, k].sum())
    overall["percent_agreement"] = agree_units / units if units else None
    same = [all(s[i] & set(tag_ids) == sets[0][i] & set(tag_ids) for s in sets) for i in range(n)]
    overall["exact_match"] = sum(same) / n if n else None
    coder_names = tuple(f"coder{c + 1}" for c in range(k))
    return AgreementReport(coder_names, n, per_tag, overall, [], n_boot, seed)


def agreement(
    coders: Sequence[Sequence[ResolvedItem]],
    *,
    names: Sequence[str] | None = None,
    tag_ids: Sequence[str] = (),
    n_boot: int = DEFAULT_BOOTSTRAP,
    seed: int = DEFAULT_SEED,
    confidence: float = 0.95,
) -> AgreementReport:
    """Agreement of coder files over the statements every file codes.

    Args:
        coders: Resolved items of each coder file (two or more).
        names: Coder names (default: each file's path).
        tag_ids: Tags to report first (the codebook's); tags used in the files but not listed follow,
            sorted.
        n_boot: Bootstrap resamples (0 for no intervals).
        seed: Bootstrap seed.
        confidence: Interval coverage.

    Returns:
        The report with the disagreements in the first file's order and a warning per file for
        statements left out because not every file codes them.

    Raises:
        ValidationError: With fewer than two coders.
    """
    if len(coders) < 2:
        raise ValidationError("agreement needs at least two coder files", hint="pass A.jsonl B.jsonl")
    names = tuple(names) if names is not None else tuple(c[0].path if c else "?" for c in coders)
    keyed = [{r.key: r for r in coder} for coder in coders]
    common = [r.key for r in coders[0] if all(r.key in kd for kd in keyed[1:])]
    used = sorted({t for coder in coders for r in coder for t in r.item.tags} - set(tag_ids))
    tags = [*tag_ids, *used]
    report = agreement_from_tags(
        [[keyed[c][key].item.tags for key in common] for c in range(len(coders))],
        tag_ids=tags,
        n_boot=n_boot,
        seed=seed,
        confidence=confidence,
    )
    report.coders = names
    for name, coder in zip(names, coders, strict=True):
        left_out = len(coder) - len(common)
        if left_out:
            report.warnings.append(f"{name}: {left_out} statement(s) not coded by every file are left out")
    if used and tag_ids:
        report.warnings.append(f"tags not in the codebook: {', '.join(used)}")
    for key in common:
        rs = [kd[key] for kd in keyed]
        sets = [set(r.item.tags) for r in rs]
        differing = tuple(t for t in tags if len({t in s for s in sets}) > 1)
        if differing:
            report.disagreements.append(
                Disagreement(
                    rs[0].statement_id,
                    rs[0].text,
                    tuple(tuple(t for t in tags if t in s) for s in sets),
                    differing,
                    tuple(r.item.line for r in rs),
                )
            )
    return report


def agreement_files(
    corpus_dir: str | PathLike,
    paths: Sequence[str | PathLike],
    *,
    n_boot: int = DEFAULT_BOOTSTRAP,
    seed: int = DEFAULT_SEED,
) -> AgreementReport:
    """Agreement of coder files, resolved against the corpus (tags checked against its codebook if any).

    Raises:
        ValidationError: With fewer than two files.
        NotFoundError, BatchValidationError: If a file is missing or has problems.

    Example:
        >>> agreement_files("corpora/ukraine-nato", ["a.jsonl", "b.jsonl"]).overall["alpha"]  # doctest: +SKIP
    """
    if len(paths) < 2:
        raise ValidationError("agreement needs at least two coder files", hint="pass A.jsonl B.jsonl")
    codebook_path = Path(corpus_dir) / CODEBOOK_FILE
    tag_ids = load_codebook(codebook_path).tag_ids if codebook_path.is_file() else ()
    coders = [load_resolved(p, corpus_dir, tag_ids=tag_ids or None)[1] for p in paths]
    return agreement(coders, names=[str(p) for p in paths], tag_ids=tag_ids, n_boot=n_boot, seed=seed)


__all__ = [
    "AgreementReport",
    "agreement_files",
    "Disagreement",
    "Stat",
    "TagAgreement",
    "agreement",
    "agreement_from_tags",
]
