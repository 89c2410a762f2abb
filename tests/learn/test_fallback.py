"""The learned fallback: features, deterministic training, filling only what the rules leave empty, guards, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from rhetoric.analyzer import Analyzer
from rhetoric.cli import app
from rhetoric.codebook import load_codebook
from rhetoric.errors import ModelError
from rhetoric.learn.fallback import (
    FALLBACK_META_FILE,
    FALLBACK_MODEL_FILE,
    Examples,
    load_fallback,
    save_fallback,
    train_corpus_fallback,
    train_fallback,
)
from rhetoric.learn.fallback_features import (
    closest_pairs,
    cue_spans,
    negation_spans,
    pair_features,
    stance_features,
)
from rhetoric.learn.gold import loads_gold
from rhetoric.records import Frame, Mention

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "corpora" / "ukraine-nato"

# Sentences written for these tests: a demand tied to an outcome, or a mere mention.
GOLD = [
    ("Talks can resume once the troops withdraw from the occupied land.", [("negotiations", "withdrawal")],
     {"withdrawal": "support"}),
    ("A lasting peace deal depends on firm security guarantees for Kyiv.", [("peace_deal", "security_guarantees")],
     {"security_guarantees": "support"}),
    ("Any peace deal must rest on security guarantees from the allies.", [("peace_deal", "security_guarantees")],
     {"security_guarantees": "support"}),
    ("Negotiations will only make sense after a full withdrawal of forces.", [("negotiations", "withdrawal")],
     {"withdrawal": "support"}),
    ("A ceasefire is the first step toward a peace deal.", [("peace_deal", "ceasefire")], {"ceasefire": "support"}),
    ("The ceasefire would open the door to negotiations.", [("negotiations", "ceasefire")], {"ceasefire": "support"}),
    ("Sanctions and the ceasefire were both mentioned at the summit.", [], {}),
    ("Reporters asked about negotiations and the withdrawal of troops.", [], {}),
    ("We reject any territorial concessions to the aggressor.", [], {"territorial_concession": "oppose"}),
    ("Giving away territory is out of the question for us.", [], {"territorial_concession": "oppose"}),
    ("The allies discussed military aid and sanctions on Tuesday.", [], {}),
    ("We welcome more military aid from our partners.", [], {"military_aid": "support"}),
]  # fmt: skip


def gold_lines() -> list[dict]:
    tagger = Analyzer.for_corpus(SHIPPED).tagger
    out = []
    for i, (text, pairs, stances) in enumerate(GOLD):
        tags = sorted({m.tag for m in tagger.tag(text)} | {t for p in pairs for t in p} | set(stances))
        frames = [{"outcomes": [o], "conditions": [c], "relation": "precondition"} for o, c in pairs]
        out.append({"id": f"fb-{i}", "text": text, "tags": tags, "frames": frames, "stances": stances})
    return out


@pytest.fixture(scope="module")
def gold_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fb") / "gold.jsonl"
    path.write_text("".join(json.dumps(o) + "\n" for o in gold_lines()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def examples() -> Examples:
    analyzer = Analyzer.for_corpus(SHIPPED)
    content = "".join(json.dumps(o) + "\n" for o in gold_lines())
    ex = Examples()
    for item in loads_gold(content).items:
        a = analyzer.analyze_text(item.text)
        ex.add(item, a.text, a.mentions, a.frames)
    return ex


def m(tag: str, start: int, end: int, text: str, sentence: int = 0) -> Mention:
    return Mention(tag, start, end, text[start:end], sentence, "p")


def test_pair_features_read_order_distance_and_sentence_boundary() -> None:
    text = "Sanctions stay. They will be lifted only after a ceasefire."
    o, c = m("sanctions", 0, 9, text), m("ceasefire", 49, 58, text, sentence=1)
    f = pair_features(text, o, c)
    assert f["order=outcome_first"] == f["across_sentences"] == f["between=only_after"] == 1.0
    assert "distance=6-10" in f and "same_sentence" not in f and "tags=sanctions<=ceasefire" in f
    assert "order=condition_first" in pair_features(text, c, o)


def test_stance_features_see_the_words_around_and_the_rule_roles() -> None:
    text = "We reject any ceasefire now."
    ms = [m("ceasefire", 14, 23, text)]
    rule = Frame(None, 0, "f", "", "", ("peace_deal",), ("ceasefire",), "cue")
    f = stance_features(text, "ceasefire", ms, [rule])
    assert {"left_near=reject", "left=we", "right=now", "rule_condition=affirmed", "tag=ceasefire"} <= set(f)


def test_closest_pairs_take_the_nearest_mentions() -> None:
    text = "A truce was asked for long ago. Talks and a truce."
    second = text.rindex("truce")
    ms = [
        m("ceasefire", 2, 7, text),
        m("negotiations", text.index("Talks"), text.index("Talks") + 5, text, 1),
        m("ceasefire", second, second + 5, text, 1),
    ]
    pairs = {(p.outcome, p.condition): p for p in closest_pairs(ms)}
    assert set(pairs) == {("ceasefire", "negotiations"), ("negotiations", "ceasefire")}
    assert pairs[("negotiations", "ceasefire")].condition_mention.start == second


def test_training_is_deterministic_and_learns(examples: Examples) -> None:
    a = train_fallback(examples, codebook_sha256="x", seed=0)
    b = train_fallback(examples, codebook_sha256="x", seed=0)
    for part in ("pairs", "stances"):
        ca, cb = getattr(a, part).named_steps["clf"].coef_, getattr(b, part).named_steps["clf"].coef_
        assert np.array_equal(ca, cb)
    t = a.meta["training"]
    assert t["statements"] == len(GOLD) and t["pair_positives"] == 6 and t["stances"]["oppose"] == 2


def test_nothing_to_learn_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match="nothing to train the fallback on"):
        train_fallback(Examples(), codebook_sha256="x")


def test_fallback_fills_only_what_the_rules_leave_empty(examples: Examples) -> None:
    model = train_fallback(examples, codebook_sha256="x", threshold=0.0)
    rules = Analyzer.for_corpus(SHIPPED)
    both = Analyzer.for_corpus(SHIPPED, fallback=model)
    assert rules.fallback is None  # rules only unless asked
    text = "There will be no negotiations until the troops withdraw; we support a ceasefire."
    r, b = rules.analyze_text(text), both.analyze_text(text)
    assert r.frames and b.frames == r.frames  # the rules found a frame: no pair is added
    ruled = {s.tag: s for s in r.stances if s.stance in ("support", "oppose")}
    assert ruled and all(s in b.stances for s in ruled.values())
    assert all(
        s.cue.startswith("model p=") for s in b.stances if s.tag not in ruled and s.stance != "neutral"
    )
    silent = "A peace deal with security guarantees was on the agenda."
    r, b = rules.analyze_text(silent), both.analyze_text(silent)
    assert not any(f.conditions for f in r.frames)
    assert [f.cue[:8] for f in b.frames if f not in r.frames] == ["model p="] * len(b.frames)
    assert b.frames  # threshold 0: the likelier direction of the one tag pair is added


def test_save_load_and_guards(examples: Examples, tmp_path: Path) -> None:
    codebook = load_codebook(SHIPPED / "codebook.toml")
    with pytest.raises(ModelError, match="no trained fallback in"):
        load_fallback(tmp_path, codebook=codebook)
    model = train_fallback(examples, codebook_sha256=codebook.sha256)
    save_fallback(model, tmp_path)
    loaded = load_fallback(tmp_path, codebook=codebook)
    assert loaded.meta == model.meta and loaded.threshold == 0.7
    meta = json.loads((tmp_path / FALLBACK_META_FILE).read_text())
    for key, value, message in (
        ("codebook_sha256", "0" * 64, "trained on another version of the codebook"),
        ("sklearn_version", "0.1", "trained with scikit-learn 0.1"),
        ("format", 99, "unknown format"),
    ):
        (tmp_path / FALLBACK_META_FILE).write_text(json.dumps({**meta, key: value}))
        with pytest.raises(ModelError, match=message):
            load_fallback(tmp_path, codebook=codebook)
    (tmp_path / FALLBACK_META_FILE).write_text(json.dumps(meta))
    (tmp_path / FALLBACK_MODEL_FILE).write_bytes(b"not a pickle")
    with pytest.raises(ModelError, match="cannot read the fallback"):
        load_fallback(tmp_path, codebook=codebook)


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "codebook.toml").write_bytes((SHIPPED / "codebook.toml").read_bytes())
    return folder


def test_cli_train_frames_then_with_model(corpus_dir: Path, gold_file: Path) -> None:
    runner = CliRunner()
    text = "A peace deal with security guarantees was on the agenda."
    missing = runner.invoke(app, ["frames", text, "--with-model", "--corpus", str(corpus_dir)])
    assert (missing.exit_code, missing.stderr) == (
        1,
        f"Error: no trained fallback in '{corpus_dir}' (run `rhetoric train --frames GOLD` first)\n",
    )
    trained = runner.invoke(app, ["train", "--frames", str(gold_file), "--corpus", str(corpus_dir)])
    assert trained.exit_code == 0, trained.stderr
    assert trained.stdout.startswith(f"Trained the fallback on {len(GOLD)} gold statements from 1 file(s)")
    assert (corpus_dir / FALLBACK_MODEL_FILE).is_file() and not (corpus_dir / "model.joblib").exists()
    for cmd in ("frames", "stances"):
        plain = runner.invoke(app, [cmd, text, "--corpus", str(corpus_dir), "--format", "json"])
        learned = runner.invoke(
            app, [cmd, text, "--with-model", "--corpus", str(corpus_dir), "--format", "json"]
        )
        assert plain.exit_code == learned.exit_code == 0
        assert not any(r["cue"].startswith("model") for r in json.loads(plain.stdout))
    ev = runner.invoke(
        app, ["evaluate", str(gold_file), "--with-model", "--corpus", str(corpus_dir), "--format", "json"]
    )
    assert ev.exit_code == 0, ev.stderr
    d = json.loads(ev.stdout)
    assert set(d["with_fallback"]) == {"coded_items", "frames", "stances"}
    # Scored on its own training data only to show the plumbing; real figures are cross-validated.
    assert d["with_fallback"]["stances"]["micro"]["recall"] >= d["stances"]["micro"]["recall"]


def test_train_corpus_fallback_rejects_gold_without_claims(corpus_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "tags.jsonl"
    path.write_text('{"text": "A truce now.", "tags": ["ceasefire"]}\n')
    with pytest.raises(ModelError, match="nothing to train the fallback on"):
        train_corpus_fallback(corpus_dir, gold_paths=[path])


def test_pair_features_see_condition_cues_between_the_mentions() -> None:
    text = "No talks until the troops withdraw."
    cues = cue_spans(text)
    assert [text[s:e] for s, e, _ in cues] == ["until"]
    o = m("negotiations", 3, 8, text)
    c = m("withdrawal", text.index("troops"), len(text) - 1, text)
    assert f"cue_between={cues[0][2]}" in pair_features(text, o, c)
    assert not any(k.startswith("cue_") for k in pair_features("Talks and troops.", o, c, cues=[]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will never accept a ceasefire now.", {"negation_before"}),
        ("A ceasefire is not on the table.", {"negation_after"}),
        ("A ceasefire is what we want.", set()),  # no negation: neither feature (the error twin)
    ],
)
def test_stance_features_mark_negation_nearby(text: str, expected: set[str]) -> None:
    start = text.index("ceasefire")
    f = stance_features(text, "ceasefire", [m("ceasefire", start, start + 9, text)], [], negation_spans(text, "en"))
    assert {k for k in f if k.startswith("negation_")} == expected


def test_negation_language_is_the_codebooks() -> None:
    from rhetoric.errors import LanguageError

    with pytest.raises(LanguageError, match="unknown language 'xx'"):
        negation_spans("No.", "xx")


def test_cli_evaluate_with_model_needs_a_fallback(corpus_dir: Path, gold_file: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", str(gold_file), "--with-model", "--corpus", str(corpus_dir)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: no trained fallback in '{corpus_dir}' (run `rhetoric train --frames GOLD` first)\n",
    )
