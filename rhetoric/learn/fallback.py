"""The learned fallback: frame role pairs and speaker stances where the rules are silent.

Two scikit-learn classifiers over the features of :mod:`.fallback_features` (a
:class:`~sklearn.feature_extraction.DictVectorizer` feeding a logistic regression, lbfgs,
which is deterministic; the seed is recorded):

- **pairs**: is ``outcome ⇐ condition`` a role pair of the statement? Asked only of statements
  where the rules found no frame with a condition; for each two tags the likelier direction is
  kept when its probability reaches the threshold.
- **stances**: support, oppose or none for each tag the statement mentions. Asked only for tags
  without a rule stance (support or oppose); the model's stance replaces the rules' neutral one
  when its probability reaches the threshold. The holder is the speaker.

Trained by the user on gold files with ``frames`` and ``stances`` (``rhetoric train --frames
GOLD``) and saved in the corpus folder as ``fallback.joblib`` and ``fallback.json`` (codebook
sha256, scikit-learn version, seed, threshold, training counts); a model trained on another
codebook or scikit-learn version is refused. Nothing is shipped: the default analysis is rules only
and the fallback runs only when asked (``--with-model``). Its records carry the cue
``model p=0.83`` so they are never mistaken for rule output.

Example:
    >>> model = train_fallback([], codebook_sha256="x")  # doctest: +SKIP
    Traceback (most recent call last):
    rhetoric.errors.ModelError: nothing to train the fallback on ...
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from ..codebook.model import Codebook
from ..errors import ModelError
from ..records import Frame, Mention, Stance
from ..types import Polarity, Relation, StanceValue
from .defaults import DEFAULT_SEED
from .fallback_features import closest_pairs, cue_spans, negation_spans, pair_features, stance_features
from .gold import GoldItem, corpus_if_any, load_resolved
from .model import _atomic_write, read_model_meta

FALLBACK_MODEL_FILE = "fallback.joblib"
FALLBACK_META_FILE = "fallback.json"
FORMAT_VERSION = 1
#: Probability from which the fallback adds a pair or a stance (chosen by cross-validation on gold).
DEFAULT_FALLBACK_THRESHOLD = 0.7
NONE = "none"
_SCORED = (StanceValue.SUPPORT.value, StanceValue.OPPOSE.value)


def _pipeline(seed: int) -> Pipeline:
    clf = LogisticRegression(C=1.0, class_weight="balanced", solver="lbfgs", random_state=seed, max_iter=2000)
    return Pipeline([("features", DictVectorizer(sort=True)), ("clf", clf)])


@dataclass
class Examples:
    """Training samples: pair features with 0/1 labels, stance features with support/oppose/none."""

    pair_x: list[dict[str, float]] = field(default_factory=list)
    pair_y: list[int] = field(default_factory=list)
    stance_x: list[dict[str, float]] = field(default_factory=list)
    stance_y: list[str] = field(default_factory=list)
    statements: int = 0
    #: The codebook's language: whose negation words are read.
    language: str = "en"

    def add(self, item: GoldItem, text: str, mentions: Sequence[Mention], frames: Sequence[Frame]) -> None:
        """Add the candidates of one gold statement analysed by the rules (``mentions``, ``frames``)."""
        self.statements += 1
        negations = negation_spans(text, self.language)
        if "frames" in item.coded:
            gold = {(o, c) for f in item.frames for o in f["outcomes"] for c in f["conditions"]}
            optional = set(item.optional_frame_pairs)
            cues = cue_spans(text)
            for cand in closest_pairs(mentions):
                key = (cand.outcome, cand.condition)
                if key in optional and key not in gold:
                    continue  # one coder saw it: neither a positive nor a negative
                self.pair_x.append(
                    pair_features(text, cand.outcome_mention, cand.condition_mention, cues, negations)
                )
                self.pair_y.append(int(key in gold))
        if item.stances is not None:
            for tag in sorted({m.tag for m in mentions} & set(item.tags)):
                self.stance_x.append(stance_features(text, tag, mentions, frames, negations))
                self.stance_y.append(item.stances.get(tag, NONE))


@dataclass
class FallbackModel:
    """The two fitted classifiers (either may be None when its gold was missing) and the metadata."""

    pairs: Pipeline | None
    stances: Pipeline | None
    meta: dict[str, Any]

    @property
    def threshold(self) -> float:
        """Probability from which the fallback adds a pair or a stance."""
        return float(self.meta.get("threshold", DEFAULT_FALLBACK_THRESHOLD))

    @property
    def language(self) -> str:
        """The language whose negation words the features read (the training codebook's)."""
        return str(self.meta.get("language", "en"))

    def complete(
        self,
        text: str,
        mentions: Sequence[Mention],
        frames: Sequence[Frame],
        stances: Sequence[Stance],
        *,
        statement_id: str | None = None,
        speaker: str = "",
        date: str = "",
    ) -> tuple[tuple[Frame, ...], tuple[Stance, ...]]:
        """The rules' frames and stances plus what the fallback adds where they are silent."""
        frames, stances = tuple(frames), tuple(stances)
        negations = negation_spans(text, self.language) if mentions else []
        if self.pairs is not None and not any(f.conditions for f in frames):
            frames += self._pairs(text, mentions, negations, statement_id, speaker, date)
        if self.stances is not None:
            stances = self._stances(text, mentions, negations, frames, stances, statement_id, speaker)
        return frames, stances

    def _pairs(self, text, mentions, negations, statement_id, speaker, date) -> tuple[Frame, ...]:
        cands = closest_pairs(mentions)
        if not cands:
            return ()
        cues = cue_spans(text)
        probs = _positive(
            self.pairs,
            [pair_features(text, c.outcome_mention, c.condition_mention, cues, negations) for c in cands],
        )
        p_of = {(c.outcome, c.condition): p for c, p in zip(cands, probs, strict=True)}
        out = []
        for c, p in zip(cands, probs, strict=True):
            if p < self.threshold or p < p_of.get((c.condition, c.outcome), 0.0):
                continue
            m = c.condition_mention
            out.append(
                Frame(
                    statement_id=statement_id,
                    sentence=m.sentence,
                    frame_id=f"{statement_id or 'text'}#model.{len(out) + 1}",
                    speaker=speaker,
                    date=date,
                    outcomes=(c.outcome,),
                    conditions=(c.condition,),
                    cue=f"model p={p:.2f}",
                    relation=Relation.PRECONDITION.value,
                    polarity=Polarity.AFFIRMED.value,
                    start=min(m.start, c.outcome_mention.start),
                    end=max(m.end, c.outcome_mention.end),
                )
            )
        return tuple(out)

    def _stances(
        self, text, mentions, negations, frames, stances, statement_id, speaker
    ) -> tuple[Stance, ...]:
        held = {s.tag for s in stances if s.stance in _SCORED}
        tags = sorted({m.tag for m in mentions} - held)
        if not tags:
            return stances
        x = [stance_features(text, t, mentions, frames, negations) for t in tags]
        classes = list(self.stances.classes_)
        probs = _proba(self.stances, x)
        decided: dict[str, Stance] = {}
        for tag, row in zip(tags, probs, strict=True):
            best = int(np.argmax(row))
            if classes[best] == NONE or row[best] < self.threshold:
                continue
            m = next(m for m in mentions if m.tag == tag)
            decided[tag] = Stance(
                statement_id, tag, classes[best], (speaker,) if speaker else (), m.start, m.end,
                m.sentence, f"model p={row[best]:.2f}",
            )  # fmt: skip
        kept = tuple(s for s in stances if s.tag not in decided)
        return kept + tuple(decided.values())


def _proba(pipeline: Pipeline, x: list[dict[str, float]]) -> np.ndarray:
    return np.asarray(pipeline.predict_proba(x), dtype=float)


def _positive(pipeline: Pipeline, x: list[dict[str, float]]) -> list[float]:
    probs = _proba(pipeline, x)
    col = list(pipeline.classes_).index(1) if 1 in pipeline.classes_ else None
    return [0.0] * len(x) if col is None else [float(p) for p in probs[:, col]]


def _fit(x: list, y: list, seed: int) -> Pipeline | None:
    if len(set(y)) < 2:
        return None  # one class only: nothing to tell apart
    pipeline = _pipeline(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        pipeline.fit(x, y)
    return pipeline


def train_fallback(
    examples: Examples,
    *,
    codebook_sha256: str,
    language: str = "en",
    seed: int = DEFAULT_SEED,
    threshold: float = DEFAULT_FALLBACK_THRESHOLD,
    gold_files: Iterable[dict[str, Any]] = (),
) -> FallbackModel:
    """Fit the pair and stance classifiers on ``examples``.

    Raises:
        ModelError: If neither classifier has two classes to learn from.
    """
    pairs = _fit(examples.pair_x, examples.pair_y, seed)
    stances = _fit(examples.stance_x, examples.stance_y, seed)
    if pairs is None and stances is None:
        raise ModelError(
            "nothing to train the fallback on: no gold line has frames or stances with both outcomes",
            hint="pass gold files whose lines carry frames and stances (--frames FILE)",
        )
    meta = {
        "format": FORMAT_VERSION,
        "codebook_sha256": codebook_sha256,
        "language": language,
        "sklearn_version": sklearn.__version__,
        "seed": seed,
        "threshold": threshold,
        "training": {
            "statements": examples.statements,
            "pair_candidates": len(examples.pair_y),
            "pair_positives": int(sum(examples.pair_y)),
            "stance_candidates": len(examples.stance_y),
            "stances": {k: examples.stance_y.count(k) for k in (*_SCORED, NONE)},
            "gold_files": list(gold_files),
        },
    }
    return FallbackModel(pairs, stances, meta)


def save_fallback(model: FallbackModel, corpus_dir: str | PathLike) -> tuple[Path, Path]:
    """Write ``fallback.joblib`` and ``fallback.json`` into the corpus folder (atomically)."""
    folder = Path(corpus_dir)
    if not folder.is_dir():
        raise ModelError(f"corpus folder {str(folder)!r} does not exist", hint="pass --corpus DIR")
    model_path, meta_path = folder / FALLBACK_MODEL_FILE, folder / FALLBACK_META_FILE
    _atomic_write(model_path, lambda fh: joblib.dump({"pairs": model.pairs, "stances": model.stances}, fh))
    text = json.dumps(model.meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    _atomic_write(meta_path, lambda fh: fh.write(text.encode("utf-8")))
    return model_path, meta_path


def load_fallback(corpus_dir: str | PathLike, *, codebook: Codebook) -> FallbackModel:
    """Load the corpus's fallback, refusing one trained on another codebook or scikit-learn version.

    ``fallback.joblib`` is a pickle: load only models you trained yourself.

    Raises:
        ModelError: If it is missing, unreadable or stale (with a hint to retrain).
    """
    folder = Path(corpus_dir)
    model_path, meta_path = folder / FALLBACK_MODEL_FILE, folder / FALLBACK_META_FILE
    retrain = "run `rhetoric train --frames GOLD` to retrain it"
    meta = read_model_meta(
        model_path,
        meta_path,
        codebook=codebook,
        what="fallback",
        retrain=retrain,
        first="run `rhetoric train --frames GOLD` first",
        format_version=FORMAT_VERSION,
    )
    try:
        parts = joblib.load(model_path)
        return FallbackModel(parts["pairs"], parts["stances"], meta)
    except Exception as exc:  # a truncated or foreign pickle can raise almost anything
        raise ModelError(f"cannot read the fallback: {exc}", path=str(model_path), hint=retrain) from None


def train_corpus_fallback(
    corpus_dir: str | PathLike,
    *,
    gold_paths: Sequence[str | PathLike],
    seed: int = DEFAULT_SEED,
    threshold: float = DEFAULT_FALLBACK_THRESHOLD,
    codebook_path: str | PathLike | None = None,
) -> tuple[FallbackModel, Path, Path]:
    """Train the fallback on gold files (resolved against the corpus, else free text) and save it.

    Each gold statement is analysed by the rules first, so the stance features see the rules' frames.

    Returns:
        The model and the two paths written.

    Raises:
        NotFoundError, CodebookError: If the codebook is missing or malformed.
        BatchValidationError: If a gold file has problems.
        ModelError: If there is nothing to learn from or the folder does not exist.

    Example:
        >>> model, path, _ = train_corpus_fallback("corpora/ukraine-nato", gold_paths=["g.jsonl"])  # doctest: +SKIP
    """
    from ..analyzer import Analyzer

    analyzer = Analyzer.for_corpus(corpus_dir, codebook_path=codebook_path)
    corpus = corpus_if_any(corpus_dir)
    language = analyzer.codebook.language or "en"
    examples, files = Examples(language=language), []
    for path in gold_paths:
        gold, items = load_resolved(path, corpus_dir, tag_ids=analyzer.codebook.tag_ids)
        files.append({"path": gold.path, "sha256": gold.sha256, "items": len(gold.items)})
        for r in items:
            statement = corpus.get(r.statement_id) if corpus is not None and r.statement_id else None
            a = analyzer.analyze(statement) if statement is not None else analyzer.analyze_text(r.text)
            examples.add(r.item, a.text, a.mentions, a.frames)
    model = train_fallback(
        examples,
        codebook_sha256=analyzer.codebook.sha256,
        language=language,
        seed=seed,
        threshold=threshold,
        gold_files=files,
    )
    return (model, *save_fallback(model, corpus_dir))


__all__ = [
    "DEFAULT_FALLBACK_THRESHOLD",
    "FALLBACK_META_FILE",
    "FALLBACK_MODEL_FILE",
    "Examples",
    "FallbackModel",
    "load_fallback",
    "save_fallback",
    "train_corpus_fallback",
    "train_fallback",
]
