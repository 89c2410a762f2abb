"""Intercoder agreement: κ, α and percent agreement against hand-computed cases; degenerate cases; CIs."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from rhetoric.errors import ValidationError
from rhetoric.learn.agreement import agreement, agreement_from_tags, kappa_replicates
from rhetoric.learn.gold import loads_gold, resolve_gold


def coders_from_columns(*columns: list[int], tag: str = "x") -> list[list[list[str]]]:
    """Each column is one coder's 0/1 values for tag ``tag`` over the same statements."""
    return [[[tag] if v else [] for v in col] for col in columns]


def test_two_coders_hand_computed() -> None:
    """a = 1 1 0 0, b = 1 0 0 0 (four statements).

    Percent agreement: 3 of 4 statements = 0.75.
    Cohen's κ: po = 3/4; P(a=1) = 1/2, P(b=1) = 1/4; pe = 1/2·1/4 + 1/2·3/4 = 1/2;
    κ = (3/4 − 1/2) / (1 − 1/2) = 0.5.
    Krippendorff's α (nominal): 8 pairable values, n1 = 3, n0 = 5. Only statement 2 disagrees and
    contributes 1/(m − 1) = 1 to o01 and to o10, so Do = 2/8 = 1/4. De = 2·n0·n1 / (n(n − 1))
    = 30/56. α = 1 − (1/4)/(30/56) = 1 − 7/15 = 8/15 ≈ 0.5333.
    """
    r = agreement_from_tags(coders_from_columns([1, 1, 0, 0], [1, 0, 0, 0]), tag_ids=["x"], n_boot=0)
    x = r.per_tag["x"]
    assert x.percent_agreement == 0.75
    assert x.kappa.value == pytest.approx(0.5)
    assert x.alpha.value == pytest.approx(8 / 15)
    assert x.positives == (2, 1)


def test_overall_pools_statement_tag_units() -> None:
    """Tag x as above plus tag y that nobody uses: 8 (statement, tag) units.

    Pairs: 11 ×1, 10 ×1, 00 ×6. κ: po = 7/8; P(a=1) = 2/8, P(b=1) = 1/8;
    pe = 2/64 + (6/8)(7/8) = 44/64; κ = (56/64 − 44/64) / (20/64) = 12/20 = 0.6.
    α: n = 16 values, n1 = 3, n0 = 13; Do = 2/16; De = 2·13·3 / (16·15) = 78/240;
    α = 1 − (2/16)/(78/240) = 1 − 30/78 = 8/13 ≈ 0.6154. Percent agreement over units: 7/8.
    Exact match of tag sets: statements 1, 3, 4 → 3/4.
    """
    r = agreement_from_tags(coders_from_columns([1, 1, 0, 0], [1, 0, 0, 0]), tag_ids=["x", "y"], n_boot=0)
    assert r.overall["kappa"].value == pytest.approx(0.6)
    assert r.overall["alpha"].value == pytest.approx(8 / 13)
    assert r.overall["percent_agreement"] == pytest.approx(7 / 8)
    assert r.overall["exact_match"] == pytest.approx(3 / 4)


def test_three_coders_alpha_hand_computed() -> None:
    """Three coders, three statements: (1,1,1), (1,1,0), (0,0,0).

    n = 9 values, n1 = 5, n0 = 4. Statement 2 (m = 3) has 2·1 ordered (1,0) pairs and 2 (0,1) pairs,
    each weighted 1/(m − 1) = 1/2, so o10 = o01 = 1 and Do = 2/9. De = 2·4·5 / (9·8) = 40/72 = 5/9.
    α = 1 − (2/9)/(5/9) = 0.6. Percent agreement: 2 of 3 statements. κ needs two coders: None.
    """
    r = agreement_from_tags(coders_from_columns([1, 1, 0], [1, 1, 0], [1, 0, 0]), tag_ids=["x"], n_boot=0)
    x = r.per_tag["x"]
    assert x.alpha.value == pytest.approx(0.6)
    assert x.percent_agreement == pytest.approx(2 / 3)
    assert x.kappa.value is None
    assert x.kappa.reason == "Cohen's kappa needs exactly 2 coders (got 3); see alpha"
    assert r.overall["kappa"].value is None


def test_one_coder_constant() -> None:
    """a = 1 1 1 1, b = 1 1 0 0.

    κ: po = 1/2; P(a=1) = 1, P(b=1) = 1/2; pe = 1/2 + 0 = 1/2; κ = 0.
    α: n = 8, n1 = 6, n0 = 2; statements 3 and 4 each add 1 to o10 and o01: Do = 4/8;
    De = 2·2·6 / (8·7) = 24/56 = 3/7; α = 1 − (1/2)/(3/7) = −1/6.
    """
    x = agreement_from_tags(coders_from_columns([1, 1, 1, 1], [1, 1, 0, 0]), tag_ids=["x"], n_boot=0).per_tag[
        "x"
    ]
    assert x.kappa.value == pytest.approx(0.0)
    assert x.alpha.value == pytest.approx(-1 / 6)
    assert x.percent_agreement == 0.5


@pytest.mark.parametrize(
    ("columns", "reason"),
    [
        (([0, 0, 0], [0, 0, 0]), "undefined: no coder used this tag"),
        (([1, 1, 1], [1, 1, 1]), "undefined: every coder used this tag on every statement"),
    ],
)
def test_degenerate_tags_are_null_with_a_reason(columns, reason: str) -> None:
    r = agreement_from_tags(coders_from_columns(*columns), tag_ids=["x"], n_boot=200)
    x = r.per_tag["x"]
    assert (x.kappa.value, x.alpha.value, x.kappa.ci, x.alpha.ci) == (None, None, None, None)
    assert x.kappa.reason == x.alpha.reason == reason
    assert x.percent_agreement == 1.0
    json.dumps(r.to_dict(), allow_nan=False)  # no NaN anywhere


def test_no_common_statements() -> None:
    r = agreement_from_tags([[], []], tag_ids=["x"], n_boot=100)
    d = r.to_dict()
    assert d["per_tag"]["x"]["kappa"] is None
    assert d["per_tag"]["x"]["kappa_reason"] == "no statement is coded by every file"
    assert d["overall"]["alpha"] is None and d["overall"]["percent_agreement"] is None
    json.dumps(d, allow_nan=False)


def test_kappa_replicates_match_scikit_learn() -> None:
    rng = np.random.default_rng(3)
    counts = rng.integers(0, 6, size=(200, 4))
    counts[0] = [5, 0, 0, 0]  # undefined: all 00
    fast = kappa_replicates(counts)
    for row, value in zip(counts, fast, strict=True):
        a, b = np.repeat([0, 0, 1, 1], row), np.repeat([0, 1, 0, 1], row)
        if row.sum() == 0 or row[0] == row.sum() or row[3] == row.sum():
            assert np.isnan(value)
        else:
            assert value == pytest.approx(cohen_kappa_score(a, b, labels=[0, 1]))


def test_bootstrap_is_deterministic_and_brackets_the_estimate() -> None:
    rng = np.random.default_rng(1)
    a = rng.integers(0, 2, 60)
    b = np.where(rng.random(60) < 0.85, a, 1 - a)
    coders = coders_from_columns(list(a), list(b))
    one = agreement_from_tags(coders, tag_ids=["x"], n_boot=300, seed=7)
    two = agreement_from_tags(coders, tag_ids=["x"], n_boot=300, seed=7)
    assert one.to_dict() == two.to_dict()
    for stat in (one.per_tag["x"].kappa, one.per_tag["x"].alpha, one.overall["alpha"]):
        lo, hi = stat.ci
        assert lo <= stat.value <= hi and hi - lo < 0.6
    other = agreement_from_tags(coders, tag_ids=["x"], n_boot=300, seed=8)
    assert other.per_tag["x"].kappa.ci != one.per_tag["x"].kappa.ci


def test_sparse_tag_gets_no_interval_when_resamples_lack_variation() -> None:
    """One positive statement in 40: most resamples miss it, so κ is undefined there."""
    col = [1] + [0] * 39
    x = agreement_from_tags(coders_from_columns(col, col), tag_ids=["x"], n_boot=200).per_tag["x"]
    assert x.kappa.value == pytest.approx(1.0)
    assert x.kappa.ci is None
    assert x.kappa.reason.startswith("only ") and x.kappa.reason.endswith(
        " of 200 resamples have variation: no interval"
    )


def _resolved(content: str, path: str):
    return resolve_gold(loads_gold(content, path=path), None)


def test_agreement_over_common_statements_with_disagreements() -> None:
    a = _resolved(
        '{"text": "s1", "tags": ["x"]}\n{"text": "s2", "tags": ["x", "y"]}\n{"text": "only a", "tags": []}\n',
        "a.jsonl",
    )
    b = _resolved('{"text": "s2", "tags": ["y"]}\n{"text": "s1", "tags": ["x"]}\n', "b.jsonl")
    r = agreement([a, b], tag_ids=["x", "y", "z"], n_boot=0)
    assert r.coders == ("a.jsonl", "b.jsonl") and r.items == 2
    assert list(r.per_tag) == ["x", "y", "z"]
    assert r.warnings == ["a.jsonl: 1 statement(s) not coded by every file are left out"]
    (d,) = r.disagreements
    assert (d.text, d.tags, d.differing, d.lines) == ("s2", (("x", "y"), ("y",)), ("x",), (2, 1))


def test_agreement_adds_tags_outside_the_codebook() -> None:
    a = _resolved('{"text": "s1", "tags": ["x", "w"]}\n', "a.jsonl")
    b = _resolved('{"text": "s1", "tags": ["x"]}\n', "b.jsonl")
    r = agreement([a, b], tag_ids=["x"], n_boot=0)
    assert list(r.per_tag) == ["x", "w"]
    assert r.warnings == ["tags not in the codebook: w"]


def test_agreement_needs_two_coders() -> None:
    with pytest.raises(ValidationError, match="agreement needs at least two coder files"):
        agreement([_resolved('{"text": "s1", "tags": []}', "a.jsonl")])


def test_json_contract() -> None:
    d = agreement_from_tags(coders_from_columns([1, 0, 1], [1, 0, 0]), tag_ids=["x"], n_boot=50).to_dict()
    assert {"kappa", "alpha", "percent_agreement"} <= set(d["per_tag"]["x"])
    assert "alpha" in d["overall"]
