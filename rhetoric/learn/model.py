"""Sentence-level multi-label tag classifier: train on codebook examples and gold, save, load, score.

The model is a scikit-learn :class:`~sklearn.pipeline.Pipeline`: a
:class:`~sklearn.pipeline.FeatureUnion` of TF-IDF word 1–3-grams and character 2–5-grams
(within word boundaries) feeding a one-vs-rest logistic regression (liblinear, fixed seed).
Logistic regression is fitted on log-loss, so its probabilities are usable as scores without a
separate calibration layer, which would need more positives per tag than a codebook has.

Training data (see :func:`training_set`): every codebook example sentence, labelled for its own
tag by the example list (positive → 1, negative → 0) and for every other tag by the lexicon
(``codebook check`` guarantees the two agree on the example's own tag); then every gold statement,
labelled by its ``tags`` (``optional_tags`` take the lexicon's verdict). A gold text that is also
a codebook example overrides it.

Thresholds: each tag gets its own, chosen by an internal seeded cross-validation on the training
set (:mod:`rhetoric.learn.thresholds`): the lowest probability from which the model's additions
(sentences where the lexicon did not find the tag) reach 90% precision out of fold; a tag that never
gets there is never added by the model, so the model cannot cost the lexicon its precision.
``near`` (off by default) keeps the model to sentences at most that many sentences away from a
lexicon mention, for corpora with much talk about other things.

Saved in the corpus folder as ``model.joblib`` (the pipeline) and ``model.json`` (metadata: codebook
sha256, tags, training summary, scikit-learn version, seed). :func:`load_model` refuses a model
whose codebook sha256 or scikit-learn version differs from the current one.

Example:
    >>> from rhetoric.codebook.model import Codebook, TagSpec
    >>> from rhetoric.types import Role
    >>> spec = TagSpec("ceasefire", "Ceasefire", "", Role.EITHER, ("truce",),
    ...                examples_positive=("A truce now.", "They want a truce."),
    ...                examples_negative=("Fighting went on.", "No talks."))
    >>> m = train_model(Codebook("demo", "1", "en", "", (spec,)))
    >>> bool(m.predict_proba(["A truce, please."])[0, 0] > m.predict_proba(["Fighting."])[0, 0])
    True
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline

from ..codebook.load import load_codebook
from ..codebook.model import Codebook
from ..corpus.store import CODEBOOK_FILE
from ..errors import ModelError
from ..tagging import Tagger
from ..text.sentences import split_sentences
from .defaults import DEFAULT_SEED, DEFAULT_THRESHOLD
from .gold import GoldSet, ResolvedItem, load_resolved
from .thresholds import DEFAULT_FOLDS, out_of_fold, pick_thresholds

MODEL_FILE = "model.joblib"
META_FILE = "model.json"
FORMAT_VERSION = 1
#: Regularisation strength of the per-tag logistic regressions (chosen by cross-validation).
DEFAULT_C = 10.0
#: Sentences from a lexicon mention within which the model may add a tag (None: anywhere).
DEFAULT_NEAR: int | None = None
#: Fewest training samples for per-tag thresholds (fewer: the global threshold for every tag).
MIN_SAMPLES_FOR_THRESHOLDS = 20


@dataclass(frozen=True)
class TrainingSet:
    """Texts and their multi-label indicator matrix (rows: texts, columns: ``tag_ids``).

    Attributes:
        texts: One text per sample.
        labels: ``int8`` array of shape ``(len(texts), len(tag_ids))``.
        tag_ids: Column order (the codebook's tag order).
        origins: Where each sample came from: ``codebook:<tag>:positive|negative`` or ``path:line``.
    """

    texts: tuple[str, ...]
    labels: np.ndarray
    tag_ids: tuple[str, ...]
    origins: tuple[str, ...]

    def summary(self) -> dict[str, Any]:
        """Counts for ``model.json``: samples, by origin kind, and positives per tag."""
        return {
            "samples": len(self.texts),
            "codebook_examples": sum(o.startswith("codebook:") for o in self.origins),
            "gold_statements": sum(not o.startswith("codebook:") for o in self.origins),
            "positives": {t: int(self.labels[:, j].sum()) for j, t in enumerate(self.tag_ids)},
        }


def training_set(
    codebook: Codebook, *, gold: Sequence[ResolvedItem] = (), tagger: Tagger | None = None
) -> TrainingSet:
    """Build the training samples from the codebook's examples and resolved gold items.

    Args:
        codebook: Its examples label their own tag; the lexicon labels the other tags.
        gold: Resolved gold items (statement-level ``tags``).
        tagger: The compiled codebook (compiled here if None).

    Returns:
        The samples, in a deterministic order (codebook examples by tag, then gold in file order).
    """
    tagger = tagger or Tagger.from_codebook(codebook)
    tag_ids = codebook.tag_ids
    col = {t: j for j, t in enumerate(tag_ids)}
    rows: dict[str, np.ndarray] = {}
    origins: dict[str, str] = {}

    def lexicon_row(text: str) -> np.ndarray:
        row = np.zeros(len(tag_ids), dtype=np.int8)
        for m in tagger.tag(text):
            row[col[m.tag]] = 1
        return row

    for spec in codebook.tags:
        for kind, examples in (("positive", spec.examples_positive), ("negative", spec.examples_negative)):
            for text in examples:
                row = rows.get(text)
                if row is None:
                    row = rows[text] = lexicon_row(text)
                    origins[text] = f"codebook:{spec.id}:{kind}"
                row[col[spec.id]] = 1 if kind == "positive" else 0
    for r in gold:
        row = lexicon_row(r.text)
        keep = {col[t] for t in r.item.optional_tags if t in col}
        for j in range(len(tag_ids)):
            if j not in keep:
                row[j] = 0
        for t in r.item.tags:
            if t in col:
                row[col[t]] = 1
        rows[r.text] = row
        origins[r.text] = f"{r.path}:{r.item.line}"
    texts = tuple(rows)
    labels = np.vstack([rows[t] for t in texts]) if texts else np.zeros((0, len(tag_ids)), np.int8)
    return TrainingSet(texts, labels, tag_ids, tuple(origins[t] for t in texts))


def build_pipeline(*, seed: int = DEFAULT_SEED, c: float = DEFAULT_C) -> Pipeline:
    """The untrained pipeline: TF-IDF word + char n-grams → one-vs-rest logistic regression.

    Example:
        >>> [name for name, _ in build_pipeline().steps]
        ['features', 'clf']
    """
    features = FeatureUnion(
        [
            (
                "word",
                TfidfVectorizer(
                    analyzer="word", ngram_range=(1, 3), strip_accents="unicode", sublinear_tf=True
                ),
            ),
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), strip_accents="unicode", sublinear_tf=True
                ),
            ),
        ]
    )
    clf = LogisticRegression(
        C=c, class_weight="balanced", solver="liblinear", dual=True, random_state=seed, max_iter=1000
    )
    return Pipeline([("features", features), ("clf", OneVsRestClassifier(clf))])


@dataclass
class TagModel:
    """A trained classifier with its metadata.

    Attributes:
        pipeline: The fitted scikit-learn pipeline.
        tag_ids: Column order of the probabilities.
        meta: The ``model.json`` content.
        warnings: Problems noticed while training or loading (e.g. a tag without positives).
    """

    pipeline: Pipeline
    tag_ids: tuple[str, ...]
    meta: dict[str, Any]
    warnings: list[str] = field(default_factory=list)

    @property
    def threshold(self) -> float:
        """Probability from which a tag is predicted when no per-tag threshold was chosen."""
        return float(self.meta.get("threshold", DEFAULT_THRESHOLD))

    @property
    def near(self) -> int | None:
        """Sentences from a lexicon mention within which the model adds tags (None: anywhere)."""
        value = self.meta.get("near")
        return None if value is None else int(value)

    def tag_threshold(self, tag: str) -> float | None:
        """The probability from which ``tag`` is added, or None if the model never adds it.

        Example:
            >>> TagModel(None, ("a", "b"), {"threshold": 0.5, "thresholds": {"a": 0.7, "b": None}}).tag_threshold("b")
            >>> TagModel(None, ("a",), {"threshold": 0.5}).tag_threshold("a")
            0.5
        """
        chosen = self.meta.get("thresholds")
        if chosen is None:
            return self.threshold
        value = chosen.get(tag)
        return None if value is None else float(value)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probability of every tag for every text: shape ``(len(texts), len(tag_ids))``."""
        if not texts:
            return np.zeros((0, len(self.tag_ids)))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # constant-label tags warn on every call
            probs = np.asarray(self.pipeline.predict_proba(list(texts)), dtype=float)
        if len(self.tag_ids) == 1 and probs.shape[1] == 2:
            probs = probs[:, 1:]  # one tag: one-vs-rest falls back to binary (not, tag) columns
        return probs

    def sentence_probabilities(self, text: str) -> list[tuple[int, int, int, np.ndarray]]:
        """``(sentence index, start, end, probabilities)`` for every sentence of ``text``.

        Example:
            >>> model.sentence_probabilities("One. Two.")[1][:3]  # doctest: +SKIP
            (1, 5, 9)
        """
        spans = split_sentences(text)
        probs = self.predict_proba([text[s:e] for s, e in spans])
        return [(i, s, e, probs[i]) for i, (s, e) in enumerate(spans)]

    def contributions(self, text: str, tag: str) -> list[tuple[str, float]]:
        """Word n-grams of ``text`` that push ``tag`` up: coefficient × tf-idf value, largest first.

        Character n-grams also count in the score but make poor codebook patterns, so only word
        n-grams are listed.

        Example:
            >>> model.contributions("They must pull out all forces.", "withdrawal")[:1]  # doctest: +SKIP
            [('pull out', 0.91)]
        """
        j = self.tag_ids.index(tag)
        estimator = self.pipeline.named_steps["clf"].estimators_[j]
        if not hasattr(estimator, "coef_"):
            return []  # a tag trained without positives (or negatives) has no coefficients
        features = self.pipeline.named_steps["features"]
        x = features.transform([text]).tocsr()
        names = features.get_feature_names_out()
        coef = estimator.coef_.ravel()
        out = []
        for idx, value in zip(x.indices, x.data, strict=True):
            name = names[idx]
            weight = float(coef[idx] * value)
            if name.startswith("word__") and weight > 0:
                out.append((name[len("word__") :], weight))
        out.sort(key=lambda p: (-p[1], p[0]))
        return out


def train_model(
    codebook: Codebook,
    *,
    gold: Sequence[ResolvedItem] = (),
    gold_sets: Sequence[GoldSet] = (),
    tagger: Tagger | None = None,
    seed: int = DEFAULT_SEED,
    threshold: float = DEFAULT_THRESHOLD,
    per_tag: bool = True,
    near: int | None = DEFAULT_NEAR,
) -> TagModel:
    """Train the classifier on the codebook's examples plus resolved gold items.

    Args:
        codebook: The codebook (its sha256 is recorded).
        gold: Resolved gold items to learn from.
        gold_sets: The gold files those items came from (recorded in the metadata).
        tagger: The compiled codebook (compiled here if None).
        seed: Random seed of the solver.
        threshold: Probability from which a tag is predicted when ``per_tag`` is off or the
            training set is too small for per-tag thresholds.
        per_tag: Choose a threshold per tag by internal cross-validation (see module doc).
        near: Keep the model's additions within this many sentences of a lexicon mention.

    Returns:
        The trained model; ``warnings`` names tags that cannot be learned.

    Raises:
        ModelError: If there is nothing to learn from.
    """
    tagger = tagger or Tagger.from_codebook(codebook)
    data = training_set(codebook, gold=gold, tagger=tagger)
    if len(data.texts) < 2 or not data.labels.any():
        raise ModelError(
            "nothing to train on: the codebook has no examples and no gold statement has a tag",
            hint="add [tag.examples] to codebook.toml or pass --gold FILE",
        )
    model_warnings = []
    for j, t in enumerate(data.tag_ids):
        n = int(data.labels[:, j].sum())
        if n == 0 or n == len(data.texts):
            model_warnings.append(
                f"tag {t!r} has {'no' if n == 0 else 'only'} positive samples; the model will "
                f"{'never' if n == 0 else 'always'} predict it (add examples or gold)"
            )
    pipeline = build_pipeline(seed=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", ConvergenceWarning)
        pipeline.fit(list(data.texts), data.labels)
    chosen = _cv_thresholds(data, tagger, seed=seed) if per_tag else None
    meta = {
        "format": FORMAT_VERSION,
        "codebook_sha256": codebook.sha256,
        "codebook_name": codebook.name,
        "codebook_version": codebook.version,
        "tags": list(data.tag_ids),
        "sklearn_version": sklearn.__version__,
        "seed": seed,
        "threshold": threshold,
        "thresholds": chosen,
        "near": near,
        "training": {
            **data.summary(),
            "gold_files": [{"path": g.path, "sha256": g.sha256, "items": len(g.items)} for g in gold_sets],
        },
    }
    return TagModel(pipeline, data.tag_ids, meta, model_warnings)


def _cv_thresholds(data: TrainingSet, tagger: Tagger, *, seed: int) -> dict[str, float | None] | None:
    """Per-tag thresholds from out-of-fold probabilities (None when there are too few samples)."""
    n = len(data.texts)
    if n < MIN_SAMPLES_FOR_THRESHOLDS:
        return None
    col = {t: j for j, t in enumerate(data.tag_ids)}
    lexicon = np.zeros(data.labels.shape, dtype=bool)
    for i, text in enumerate(data.texts):
        for m in tagger.tag(text):
            lexicon[i, col[m.tag]] = True

    def fit_predict(train: list[int], test: list[int]) -> np.ndarray:
        pipe = build_pipeline(seed=seed)
        pipe.fit([data.texts[i] for i in train], data.labels[train])
        probs = np.asarray(pipe.predict_proba([data.texts[i] for i in test]), dtype=float)
        return probs[:, 1:] if len(data.tag_ids) == 1 and probs.shape[1] == 2 else probs

    proba = out_of_fold(fit_predict, n, folds=DEFAULT_FOLDS, seed=seed)
    return pick_thresholds(proba, data.labels, lexicon, data.tag_ids)


def _atomic_write(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_model(model: TagModel, corpus_dir: str | PathLike) -> tuple[Path, Path]:
    """Write ``model.joblib`` and ``model.json`` into the corpus folder (each replaced atomically).

    Returns:
        The two paths written.
    """
    folder = Path(corpus_dir)
    if not folder.is_dir():
        raise ModelError(f"corpus folder {str(folder)!r} does not exist", hint="pass --corpus DIR")
    model_path, meta_path = folder / MODEL_FILE, folder / META_FILE
    _atomic_write(model_path, lambda fh: joblib.dump(model.pipeline, fh))
    text = json.dumps(model.meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    _atomic_write(meta_path, lambda fh: fh.write(text.encode("utf-8")))
    return model_path, meta_path


def read_model_meta(
    model_path: Path,
    meta_path: Path,
    *,
    codebook: Codebook,
    what: str,
    retrain: str,
    first: str,
    format_version: int = FORMAT_VERSION,
) -> dict:
    """The metadata of a trained model (tagger or fallback), refusing a stale or foreign one.

    Raises:
        ModelError: If either file is missing, the metadata is unreadable or of another format, or
            the model was trained on another codebook or scikit-learn version.
    """
    if not model_path.is_file() or not meta_path.is_file():
        raise ModelError(f"no trained {what} in {str(model_path.parent)!r}", hint=first)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"unreadable {what} metadata: {exc}", path=str(meta_path), hint=retrain) from None
    if not isinstance(meta, dict) or meta.get("format") != format_version:
        raise ModelError(f"{what} metadata has an unknown format", path=str(meta_path), hint=retrain)
    if meta.get("codebook_sha256") != codebook.sha256:
        raise ModelError(
            f"the {what} was trained on another version of the codebook "
            f"(sha256 {str(meta.get('codebook_sha256'))[:12]}…, now {codebook.sha256[:12]}…)",
            path=str(meta_path),
            hint=retrain,
        )
    if meta.get("sklearn_version") != sklearn.__version__:
        raise ModelError(
            f"the {what} was trained with scikit-learn {meta.get('sklearn_version')}, "
            f"this is {sklearn.__version__}",
            path=str(meta_path),
            hint=retrain,
        )
    return meta


def load_model(corpus_dir: str | PathLike, *, codebook: Codebook) -> TagModel:
    """Load the corpus's model, refusing one trained on another codebook or scikit-learn version.

    ``model.joblib`` is a pickle: load only models you trained yourself (``rhetoric train``).

    Args:
        corpus_dir: The corpus folder holding ``model.joblib`` and ``model.json``.
        codebook: The codebook in use; its sha256 must match the model's.

    Raises:
        ModelError: If the model is missing, unreadable or stale (with a hint to run ``rhetoric train``).
    """
    folder = Path(corpus_dir)
    model_path, meta_path = folder / MODEL_FILE, folder / META_FILE
    retrain = "run `rhetoric train` to retrain it"
    meta = read_model_meta(
        model_path, meta_path, codebook=codebook, what="model", retrain=retrain, first="run `rhetoric train` first"
    )
    try:
        pipeline = joblib.load(model_path)
    except Exception as exc:  # a truncated or foreign pickle can raise almost anything
        raise ModelError(f"cannot read the model: {exc}", path=str(model_path), hint=retrain) from None
    return TagModel(pipeline, tuple(meta["tags"]), meta)


def train_corpus_model(
    corpus_dir: str | PathLike,
    *,
    gold_paths: Sequence[str | PathLike] = (),
    seed: int = DEFAULT_SEED,
    threshold: float = DEFAULT_THRESHOLD,
) -> tuple[TagModel, Path, Path]:
    """Train on the corpus's codebook examples plus gold files, and save the model in the corpus folder.

    Gold items are resolved against the corpus's statements when it has any (else free text).

    Returns:
        The model and the two paths written.

    Raises:
        NotFoundError, CodebookError: If the codebook is missing or malformed.
        BatchValidationError: If a gold file has problems.
        ModelError: If there is nothing to train on or the folder does not exist.

    Example:
        >>> model, path, _ = train_corpus_model("corpora/ukraine-nato", gold_paths=["g.jsonl"])  # doctest: +SKIP
    """
    folder = Path(corpus_dir)
    codebook = load_codebook(folder / CODEBOOK_FILE)
    tagger = Tagger.from_codebook(codebook)
    sets, items = [], []
    for path in gold_paths:
        gold, resolved = load_resolved(path, folder, tag_ids=codebook.tag_ids)
        sets.append(gold)
        items.extend(resolved)
    model = train_model(codebook, gold=items, gold_sets=sets, tagger=tagger, seed=seed, threshold=threshold)
    return (model, *save_model(model, folder))


def load_corpus_model(
    corpus_dir: str | PathLike, *, codebook_path: str | PathLike | None = None
) -> tuple[Tagger, TagModel]:
    """The corpus's compiled codebook (or another codebook file) and its model, checked to match.

    Raises:
        ModelError: If the model is missing or was trained on another codebook.
    """
    path = Path(codebook_path) if codebook_path is not None else Path(corpus_dir) / CODEBOOK_FILE
    codebook = load_codebook(path)
    return Tagger.from_codebook(codebook), load_model(corpus_dir, codebook=codebook)


__all__ = [
    "META_FILE",
    "MODEL_FILE",
    "TagModel",
    "TrainingSet",
    "build_pipeline",
    "load_corpus_model",
    "load_model",
    "save_model",
    "train_corpus_model",
    "train_model",
    "training_set",
]
