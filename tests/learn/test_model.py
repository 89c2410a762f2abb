"""Tag classifier: training data, determinism, saving and the refusal of stale models."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from rhetoric.codebook import load_codebook, loads_codebook
from rhetoric.errors import ModelError
from rhetoric.learn.gold import load_gold, loads_gold, resolve_gold
from rhetoric.learn.model import META_FILE, MODEL_FILE, load_model, save_model, train_model, training_set

from .conftest import MINI_CODEBOOK, SHIPPED_GOLD

PROBE = [
    "Russia must pull out all its forces from our land.",
    "We will get them back in a diplomatic way.",
    "The shooting has to stop along the whole front.",
    "The weather was grey.",
]


def test_training_set_labels(mini_tagger) -> None:
    """Examples label their own tag; the lexicon labels the others; gold overrides, optional = lexicon."""
    cb = mini_tagger.codebook
    gold = loads_gold(
        '{"text": "A truce and a deal.", "tags": ["ceasefire"], "optional_tags": ["peace_deal"]}\n'
        '{"text": "Guns fell quiet.", "tags": ["ceasefire"]}\n'
        '{"text": "A cease fire now.", "tags": []}\n',
        path="g.jsonl",
    )
    data = training_set(cb, gold=resolve_gold(gold, None), tagger=mini_tagger)
    rows = {t: tuple(int(v) for v in data.labels[i]) for i, t in enumerate(data.texts)}
    assert data.tag_ids == ("ceasefire", "peace_deal")
    assert rows["They agreed to a truce."] == (1, 0)
    assert rows["Ceasefire violations were reported."] == (0, 0)
    assert rows["A peace deal is near."] == (0, 1)
    assert rows["The minerals deal was signed."] == (0, 0)
    assert rows["A truce and a deal."] == (1, 1)  # optional peace_deal: the lexicon finds "deal"
    assert rows["Guns fell quiet."] == (1, 0)  # the lexicon misses it; gold says ceasefire
    assert rows["A cease fire now."] == (0, 0)  # gold overrides the codebook example
    assert data.origins[data.texts.index("Guns fell quiet.")] == "g.jsonl:2"
    assert data.summary()["positives"] == {"ceasefire": 3, "peace_deal": 2}


def test_deterministic(shipped_codebook, shipped_tagger, trained_model, tmp_path: Path) -> None:
    """Training twice gives identical probabilities and byte-identical metadata."""
    gold = load_gold(SHIPPED_GOLD, tag_ids=shipped_codebook.tag_ids)
    again = train_model(
        shipped_codebook, gold=resolve_gold(gold, None), gold_sets=[gold], tagger=shipped_tagger
    )
    assert np.array_equal(trained_model.predict_proba(PROBE), again.predict_proba(PROBE))
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    save_model(trained_model, a)
    save_model(again, b)
    assert (a / META_FILE).read_bytes() == (b / META_FILE).read_bytes()


def test_model_learns_gold_phrasings(trained_model) -> None:
    probs = trained_model.predict_proba(PROBE)
    col = trained_model.tag_ids.index
    assert probs.shape == (4, 17)
    assert ((probs >= 0) & (probs <= 1)).all()
    assert probs[0, col("withdrawal")] > 0.5
    assert probs[2, col("ceasefire")] > 0.5
    assert probs[3].max() < 0.5


def test_metadata(trained_model, shipped_codebook) -> None:
    meta = trained_model.meta
    assert meta["codebook_sha256"] == shipped_codebook.sha256
    assert meta["tags"] == list(shipped_codebook.tag_ids)
    assert meta["seed"] == 0 and meta["threshold"] == 0.5
    t = meta["training"]
    assert t["codebook_examples"] + t["gold_statements"] == t["samples"]
    assert t["gold_files"] == [
        {"path": str(SHIPPED_GOLD), "sha256": t["gold_files"][0]["sha256"], "items": 144}
    ]


def test_contributions_are_positive_word_ngrams_of_the_text(trained_model) -> None:
    text = "Russia must pull out all its forces from our land."
    pairs = trained_model.contributions(text, "withdrawal")
    assert pairs and all(w > 0 for _, w in pairs)
    assert [w for _, w in pairs] == sorted((w for _, w in pairs), reverse=True)
    assert all(all(word in text.lower() for word in g.split()) for g, _ in pairs)


def test_save_and_load_round_trip(trained_model, shipped_codebook, tmp_path: Path) -> None:
    model_path, meta_path = save_model(trained_model, tmp_path)
    assert (model_path.name, meta_path.name) == (MODEL_FILE, META_FILE)
    loaded = load_model(tmp_path, codebook=shipped_codebook)
    assert np.array_equal(loaded.predict_proba(PROBE), trained_model.predict_proba(PROBE))


def test_stale_model_is_refused(trained_model, shipped_codebook, tmp_path: Path) -> None:
    save_model(trained_model, tmp_path)
    changed = loads_codebook(
        (shipped_codebook.path.read_text(encoding="utf-8")).replace('version = "1.0"', 'version = "1.1"', 1)
    )
    with pytest.raises(ModelError) as info:
        load_model(tmp_path, codebook=changed)
    assert str(info.value) == (
        f"{tmp_path / META_FILE}: the model was trained on another version of the codebook "
        f"(sha256 {shipped_codebook.sha256[:12]}…, now {changed.sha256[:12]}…) (run `rhetoric train` to retrain it)"
    )


def test_missing_model(tmp_path: Path, shipped_codebook) -> None:
    with pytest.raises(ModelError) as info:
        load_model(tmp_path, codebook=shipped_codebook)
    assert str(info.value) == f"no trained model in '{tmp_path}' (run `rhetoric train` first)"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda m: m | {"sklearn_version": "0.1"}, "the model was trained with scikit-learn 0.1, this is "),
        (lambda m: m | {"format": 99}, "model metadata has an unknown format"),
    ],
)
def test_foreign_metadata_is_refused(
    trained_model, shipped_codebook, tmp_path: Path, edit, message: str
) -> None:
    save_model(trained_model, tmp_path)
    meta = json.loads((tmp_path / META_FILE).read_text())
    (tmp_path / META_FILE).write_text(json.dumps(edit(meta)))
    with pytest.raises(ModelError, match="retrain it") as info:
        load_model(tmp_path, codebook=shipped_codebook)
    assert message in str(info.value)


def test_corrupt_model_file(trained_model, shipped_codebook, tmp_path: Path) -> None:
    save_model(trained_model, tmp_path)
    (tmp_path / MODEL_FILE).write_bytes(b"not a pickle")
    with pytest.raises(ModelError, match=r"cannot read the model: .*run `rhetoric train` to retrain it"):
        load_model(tmp_path, codebook=shipped_codebook)


def test_nothing_to_train_on() -> None:
    cb = loads_codebook(
        '[codebook]\nname = "x"\n[[tag]]\nid = "t"\nlabel = "T"\ndescription = "d"\nrole = "either"\npatterns = ["t"]\n'
    )
    with pytest.raises(ModelError) as info:
        train_model(cb)
    assert str(info.value) == (
        "nothing to train on: the codebook has no examples and no gold statement has a tag "
        "(add [tag.examples] to codebook.toml or pass --gold FILE)"
    )


def test_tag_without_positives_warns(mini_tagger) -> None:
    cb = load_codebook(MINI_CODEBOOK)
    gold = resolve_gold(loads_gold('{"text": "A peace deal is near.", "tags": []}', path="g.jsonl"), None)
    model = train_model(cb, gold=gold, tagger=mini_tagger)
    assert model.warnings == [
        "tag 'peace_deal' has no positive samples; the model will never predict it (add examples or gold)"
    ]
    assert model.contributions("A peace deal.", "peace_deal") == []
    assert model.predict_proba(["A peace deal."])[0, 1] == 0.0


def test_single_tag_codebook_gives_one_probability_column() -> None:
    """One-vs-rest falls back to a binary classifier for one tag; the model still returns one column."""
    cb = loads_codebook(
        '[codebook]\nname = "x"\n[[tag]]\nid = "ceasefire"\nlabel = "C"\ndescription = "d"\nrole = "either"\n'
        'patterns = ["truce"]\n[tag.examples]\npositive = ["A truce now.", "They want a truce."]\n'
        'negative = ["Fighting went on.", "No talks."]\n'
    )
    model = train_model(cb)
    probs = model.predict_proba(["A truce, please.", "Fighting."])
    assert probs.shape == (2, 1)
    assert probs[0, 0] > 0.5 > probs[1, 0]
    assert model.contributions("A truce, please.", "ceasefire")[0][0] == "truce"


def test_per_tag_thresholds_are_chosen_by_cross_validation(trained_model, shipped_codebook) -> None:
    chosen = trained_model.meta["thresholds"]
    assert set(chosen) == set(shipped_codebook.tag_ids)
    assert all(v is None or 0.3 <= v <= 1.0 for v in chosen.values())
    assert trained_model.meta["near"] is None and trained_model.near is None
    for tag, value in chosen.items():
        assert trained_model.tag_threshold(tag) == value


def test_per_tag_off_and_small_sets_use_the_global_threshold(mini_tagger) -> None:
    codebook = mini_tagger.codebook
    model = train_model(codebook, tagger=mini_tagger, per_tag=False, threshold=0.6, near=2)
    assert model.meta["thresholds"] is None and model.near == 2
    assert {model.tag_threshold(t) for t in codebook.tag_ids} == {0.6}
    small = train_model(codebook, tagger=mini_tagger)  # a handful of examples: too few to cross-validate
    assert small.meta["thresholds"] is None
