"""Learning and measuring: gold annotations, a tag classifier, suggestions, evaluation, agreement.

Example:
    >>> from rhetoric.learn import load_gold, train_model, tag_with_model, evaluate, agreement
"""

from .gold import GoldItem, GoldMention, GoldSet, ResolvedItem, load_gold, loads_gold, resolve_gold
from .model import TagModel, load_model, save_model, train_model
from .predict import tag_with_model

__all__ = [
    "GoldItem",
    "GoldMention",
    "GoldSet",
    "ResolvedItem",
    "TagModel",
    "load_gold",
    "load_model",
    "loads_gold",
    "resolve_gold",
    "save_model",
    "tag_with_model",
    "train_model",
]
