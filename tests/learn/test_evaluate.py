"""Evaluation: counts and averages, optional tags, mention-level overlap matching, side by side."""

from __future__ import annotations

import json

import numpy as np
import pytest

from rhetoric.errors import BatchValidationError
from rhetoric.learn.evaluate import (
    Counts,
    ErrorCase,
    evaluate,
    evaluate_gold_file,
    macro,
    match_spans,
    micro,
)
from rhetoric.learn.gold import loads_gold, resolve_gold
from rhetoric.text.sentences import split_sentences

from .conftest import write_jsonl

GOLD = [
    {"text": "A truce and a peace deal.", "tags": ["ceasefire", "peace_deal"],
     "mentions": [{"tag": "ceasefire", "start": 2, "end": 7}, {"tag": "peace_deal", "start": 20, "end": 24}]},
    {"text": "The guns fell silent.", "tags": ["ceasefire"], "mentions": [{"tag": "ceasefire", "start": 4, "end": 20}]},
    {"text": "No deal was reached.", "tags": []},
    {"text": "A deal on grain and a truce.", "tags": ["ceasefire"], "optional_tags": ["peace_deal"]},
    {"text": "Nothing.", "tags": []},
]  # fmt: skip


class StubModel:
    """Stands in for a trained model: ceasefire wherever a sentence says 'silent'."""

    tag_ids = ("ceasefire", "peace_deal")
    threshold = 0.5

    def sentence_probabilities(self, text: str):
        return [
            (i, s, e, np.array([0.9 if "silent" in text[s:e] else 0.1, 0.1]))
            for i, (s, e) in enumerate(split_sentences(text))
        ]


@pytest.fixture
def items():
    content = "".join(json.dumps(o) + "\n" for o in GOLD)
    return resolve_gold(loads_gold(content, path="g.jsonl", tag_ids=("ceasefire", "peace_deal")), None)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        (Counts(2, 0, 1), (1.0, 2 / 3, 0.8, 3)),
        (Counts(1, 1, 0), (0.5, 1.0, 2 / 3, 1)),
        (Counts(0, 0, 2), (None, 0.0, 0.0, 2)),
        (Counts(0, 3, 0), (0.0, None, 0.0, 0)),
        (Counts(0, 0, 0), (None, None, None, 0)),
    ],
)
def test_counts(counts: Counts, expected) -> None:
    assert (counts.precision, counts.recall, counts.f1, counts.support) == pytest.approx(expected)


def test_macro_over_active_tags_counts_undefined_as_zero() -> None:
    per_tag = {"a": Counts(1, 0, 1), "b": Counts(0, 1, 0), "idle": Counts()}
    assert macro(per_tag) == pytest.approx({"precision": 0.5, "recall": 0.25, "f1": (2 / 3 + 0) / 2})
    assert micro(per_tag) == Counts(1, 1, 1)
    assert macro({"idle": Counts()}) == {"precision": None, "recall": None, "f1": None}


@pytest.mark.parametrize(
    ("predicted", "gold", "pairs"),
    [
        ([(0, 5)], [(4, 9)], [(0, 0)]),
        ([(0, 5)], [(5, 9)], []),  # touching is not overlapping
        ([(0, 10)], [(0, 2), (3, 9)], [(0, 1)]),  # one to one, largest overlap wins
        ([(0, 3), (2, 10)], [(0, 10)], [(1, 0)]),
        ([], [(0, 1)], []),
    ],
)
def test_match_spans(predicted, gold, pairs) -> None:
    assert match_spans(predicted, gold) == pairs


def test_statement_level(items, mini_tagger) -> None:
    """ceasefire: TP items 1 and 4, FN item 2; peace_deal: TP item 1, FP item 3, item 4 optional."""
    report = evaluate(items, mini_tagger)
    lex = report.system("lexicon")
    assert lex.per_tag == {"ceasefire": Counts(2, 0, 1), "peace_deal": Counts(1, 1, 0)}
    assert micro(lex.per_tag) == Counts(3, 1, 1)
    assert [e for e in lex.errors if e.level == "statement"] == [
        ErrorCase("FN", "statement", "ceasefire", None, "The guns fell silent.", "g.jsonl:2"),
        ErrorCase(
            "FP",
            "statement",
            "peace_deal",
            None,
            "No deal was reached.",
            "g.jsonl:3",
            "'deal' (pattern 'deal')",
        ),
    ]
    assert (report.items, report.free_text, report.mention_items) == (5, 5, 2)


def test_mention_level_overlap(items, mini_tagger) -> None:
    """Item 1: 'truce' = gold 2–7, 'peace deal' 14–24 overlaps gold 'deal' 20–24; item 2: gold span missed."""
    lex = evaluate(items, mini_tagger).system("lexicon")
    assert lex.mention_per_tag == {"ceasefire": Counts(1, 0, 1), "peace_deal": Counts(1, 0, 0)}
    assert [e for e in lex.errors if e.level == "mention"] == [
        ErrorCase(
            "FN",
            "mention",
            "ceasefire",
            None,
            "The guns fell silent.",
            "g.jsonl:2",
            "4-20 'guns fell silent'",
        )
    ]


def test_side_by_side_with_model(items, mini_tagger) -> None:
    report = evaluate(items, mini_tagger, model=StubModel())
    both = report.system("lexicon+model")
    assert both.per_tag == {"ceasefire": Counts(3, 0, 0), "peace_deal": Counts(1, 1, 0)}
    assert both.mention_per_tag["ceasefire"] == Counts(2, 0, 0)  # the sentence span overlaps the gold span
    assert [(e.kind, e.tag) for e in both.errors if e.level == "statement"] == [("FP", "peace_deal")]
    assert report.system("lexicon").per_tag["ceasefire"] == Counts(2, 0, 1)  # unchanged


def test_json_contract(items, mini_tagger) -> None:
    d = evaluate(items, mini_tagger, model=StubModel()).to_dict()
    for block in (d, d["with_model"]):
        assert set(block["micro"]) >= {"precision", "recall", "f1"}
        assert set(block["macro"]) == {"precision", "recall", "f1"}
        assert set(block["per_tag"]["ceasefire"]) >= {"precision", "recall", "f1", "support"}
    assert d["micro"] == {
        "precision": 0.75,
        "recall": 0.75,
        "f1": 0.75,
        "support": 4,
        "tp": 3,
        "fp": 1,
        "fn": 1,
    }
    assert d["macro"] == {"precision": 0.75, "recall": 0.8333, "f1": 0.7333}
    assert d["per_tag"]["peace_deal"] == {
        "precision": 0.5, "recall": 1.0, "f1": 0.6667, "support": 1, "tp": 1, "fp": 1, "fn": 0,
    }  # fmt: skip
    assert d["errors"][0] == {
        "kind": "FN", "level": "statement", "tag": "ceasefire", "statement_id": None,
        "text": "The guns fell silent.", "gold": "g.jsonl:2", "evidence": "",
    }  # fmt: skip
    assert d["mention_level"]["micro"]["tp"] == 2
    json.dumps(d, allow_nan=False)


def test_gold_file_against_a_corpus(make_corpus, tmp_path) -> None:
    folder, (a, b) = make_corpus(["A truce now.", "Only words."])
    gold = write_jsonl(
        tmp_path / "g.jsonl",
        [
            {"statement_id": a.id, "tags": ["ceasefire"]},
            {"text": "Only words.", "tags": ["peace_deal"]},
            {"text": "Free text with a deal.", "tags": ["peace_deal"]},
            {"text": "x", "tags": ["unknown_tag"]},
        ],
    )
    with pytest.raises(BatchValidationError, match="unknown tag 'unknown_tag'"):
        evaluate_gold_file(folder, gold)
    write_jsonl(gold, [json.loads(line) for line in gold.read_text().splitlines()[:3]])
    report = evaluate_gold_file(folder, gold)
    assert (report.items, report.free_text) == (3, 1)
    lex = report.system("lexicon")
    assert lex.per_tag == {"ceasefire": Counts(1, 0, 0), "peace_deal": Counts(1, 0, 1)}
    assert [(e.kind, e.statement_id) for e in lex.errors] == [("FN", b.id)]
