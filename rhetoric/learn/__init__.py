"""Learning and measuring: gold annotations, a tag classifier, suggestions, evaluation, agreement.

One module per job: :mod:`.gold` (format, validation, resolution), :mod:`.template` (gold template),
:mod:`.model` (train, save, load), :mod:`.predict` (lexicon + model mentions), :mod:`.suggest`,
:mod:`.evaluate`, :mod:`.agreement`, :mod:`.render` (tables and CSV rows).

Example:
    >>> from rhetoric.learn import load_gold, train_model, tag_with_model, evaluate, agreement
"""

from .agreement import AgreementReport, agreement, agreement_files, agreement_from_tags
from .evaluate import Counts, EvaluationReport, evaluate, evaluate_gold_file
from .gold import (
    GoldItem,
    GoldMention,
    GoldSet,
    ResolvedItem,
    load_gold,
    load_resolved,
    loads_gold,
    resolve_gold,
)
from .model import TagModel, load_corpus_model, load_model, save_model, train_corpus_model, train_model
from .predict import model_mentions, tag_with_model, with_model_mentions
from .suggest import SuggestReport, suggest, suggest_corpus
from .template import gold_template, write_gold_template

__all__ = [
    "AgreementReport",
    "Counts",
    "EvaluationReport",
    "GoldItem",
    "GoldMention",
    "GoldSet",
    "ResolvedItem",
    "SuggestReport",
    "TagModel",
    "agreement",
    "agreement_files",
    "agreement_from_tags",
    "evaluate",
    "evaluate_gold_file",
    "gold_template",
    "load_corpus_model",
    "load_gold",
    "load_model",
    "load_resolved",
    "loads_gold",
    "model_mentions",
    "resolve_gold",
    "save_model",
    "suggest",
    "suggest_corpus",
    "tag_with_model",
    "train_corpus_model",
    "train_model",
    "with_model_mentions",
    "write_gold_template",
]
