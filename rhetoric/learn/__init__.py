"""Learning and measuring: gold annotations, a tag classifier, suggestions, evaluation, agreement.

One module per job: :mod:`.gold` (format, validation, resolution), :mod:`.template` (gold template),
:mod:`.model` (train, save, load), :mod:`.predict` (lexicon + model mentions), :mod:`.suggest`,
:mod:`.evaluate`, :mod:`.agreement`, :mod:`.render` (tables and CSV rows).

Example:
    >>> from rhetoric.learn import load_gold, train_model, tag_with_model, evaluate, agreement
"""

import importlib
from typing import Any

# Submodules load on first use: scikit-learn and friends cost about a second to import.
_WHERE = {
    "AgreementReport": "agreement",
    "Counts": "evaluate",
    "EvaluationReport": "evaluate",
    "GoldItem": "gold",
    "GoldMention": "gold",
    "GoldSet": "gold",
    "ResolvedItem": "gold",
    "SuggestReport": "suggest",
    "TagModel": "model",
    "agreement": "agreement",
    "agreement_files": "agreement",
    "agreement_from_tags": "agreement",
    "evaluate": "evaluate",
    "evaluate_gold_file": "evaluate",
    "gold_template": "template",
    "load_corpus_model": "model",
    "load_gold": "gold",
    "load_model": "model",
    "load_resolved": "gold",
    "loads_gold": "gold",
    "model_mentions": "predict",
    "resolve_gold": "gold",
    "save_model": "model",
    "suggest": "suggest",
    "suggest_corpus": "suggest",
    "tag_with_model": "predict",
    "train_corpus_model": "model",
    "train_model": "model",
    "with_model_mentions": "predict",
    "write_gold_template": "template",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
