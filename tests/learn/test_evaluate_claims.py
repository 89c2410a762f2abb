"""Evaluation of claims: frame role pairs, stances (speaker, third party), commitment; the realdev counting."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from rhetoric.actors import Actor, ActorRegistry
from rhetoric.cli import app
from rhetoric.learn.evaluate_claims import pair_label, predicted_commitment, score_claims
from rhetoric.learn.gold import loads_gold, resolve_gold
from rhetoric.records import Frame, Stance
from tests.benchmarks import realdev

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "corpora" / "ukraine-nato"


def frame(outcomes, conditions, relation="precondition", polarity="affirmed") -> Frame:
    return Frame(None, 0, "f", "", "", tuple(outcomes), tuple(conditions), "cue", relation, polarity)


def stance(tag, value, holders=("zelensky",)) -> Stance:
    return Stance(None, tag, value, tuple(holders), 0, 1)


def analysis(text="x", frames=(), stances=(), mentions=(), commitment=None):
    a = SimpleNamespace(text=text, frames=tuple(frames), stances=tuple(stances), mentions=tuple(mentions))
    if commitment is not None:
        a.commitment = commitment
    return a


def items(*lines: dict):
    content = "".join(json.dumps({"text": f"t{i}", **o}) + "\n" for i, o in enumerate(lines))
    return resolve_gold(loads_gold(content, path="g.jsonl"), None)


def test_frame_pairs_optional_other_relation_polarity() -> None:
    (item,) = items({
        "tags": [],
        "frames": [{"outcomes": ["a"], "conditions": ["b", "c"], "relation": "precondition", "polarity": "negated"}],
        "optional_frame_pairs": [["d", "b"]],
    })  # fmt: skip
    predicted = [
        frame(["a"], ["b"]),
        frame(["d", "e"], ["b"]),
        frame(["other"], ["b"]),
        frame(["a"], ["other"]),
    ]
    r = score_claims("rules", [(item, analysis(frames=predicted), "")])
    assert {k: (c.tp, c.fp, c.fn) for k, c in r.frames.items()} == {
        "a<=b": (1, 0, 0), "a<=c": (0, 0, 1), "e<=b": (0, 1, 0),
    }  # fmt: skip
    assert (r.relation.agree, r.relation.compared, r.polarity.agree, r.polarity.compared) == (1, 1, 0, 1)
    assert [(e.kind, e.level, e.tag) for e in r.errors] == [
        ("WRONG", "frames.polarity", "a<=b"), ("FN", "frames", "a<=c"), ("FP", "frames", "e<=b"),
    ]  # fmt: skip
    assert r.errors[0].evidence == "gold negated, predicted affirmed" and r.errors[0].gold == "g.jsonl:1"


def test_speaker_stances_count_as_the_realdev_scorer() -> None:
    (item,) = items({"tags": ["a", "b", "c"], "stances": {"a": "support", "b": "oppose"}})
    predicted = [
        stance("a", "oppose"), stance("a", "support"),  # the last record of a tag counts
        stance("b", "support"),  # wrong value: a false positive and a false negative
        stance("c", "oppose"),  # on a tag in `tags` without a gold stance: false positive
        stance("d", "support"),  # on a tag outside `tags`: not counted
        stance("c", "neutral"),  # neutral never counts
    ]  # fmt: skip
    r = score_claims("rules", [(item, analysis(stances=predicted), "zelensky")])
    assert {k: (c.tp, c.fp, c.fn) for k, c in r.stances.items()} == {
        "a": (1, 0, 0),
        "b": (0, 1, 1),
        "c": (0, 1, 0),
    }


def test_third_party_holders_resolve_through_actors() -> None:
    actors = ActorRegistry([Actor("us", "United States", aliases=("washington",))])
    (item,) = items({
        "tags": ["a"], "stances": {},
        "third_party_stances": [{"holder": "Washington", "tag": "a", "stance": "oppose"},
                                {"holder": "Some Envoy", "tag": "a", "stance": "support"}],
    })  # fmt: skip
    predicted = [stance("a", "oppose", ("us",)), stance("b", "support", ("zelensky", "nato"))]
    r = score_claims("rules", [(item, analysis(stances=predicted), "zelensky")], actors=actors)
    assert {k: (c.tp, c.fp, c.fn) for k, c in r.third_party.items()} == {"a": (1, 0, 1), "b": (0, 1, 0)}
    assert [e.tag for e in r.errors if e.level == "third_party"] == ["nato:b", "some envoy:a"]


@pytest.mark.parametrize(
    ("text", "own", "expected"),
    [
        ("We must have a truce.", None, "firm"),
        ("We could consider a truce.", None, "open"),
        ("In theory a truce would help.", None, "hedged"),
        ("A truce was discussed.", None, "none"),
        ("A truce was discussed.", "firm", "firm"),  # the analysis's own commitment wins
    ],
)
def test_predicted_commitment(text: str, own: str | None, expected: str) -> None:
    assert predicted_commitment(analysis(text=text, commitment=own)) == expected


def test_commitment_confusion_and_uncoded_lines() -> None:
    a, b, c = items({"tags": [], "commitment": "firm"}, {"tags": [], "commitment": "open"}, {"tags": []})
    r = score_claims("rules", [
        (a, analysis(text="We must."), ""), (b, analysis(text="We must."), ""), (c, analysis(text="We may."), ""),
    ])  # fmt: skip
    assert r.confusion == {("firm", "firm"): 1, ("open", "firm"): 1}
    assert (r.commitment_accuracy().agree, r.commitment_accuracy().compared) == (1, 2)
    assert r.coded == {"commitment": 2} and [s for s, _ in r.sections()] == ["commitment"]
    assert set(r.to_dict()) == {"coded_items", "commitment"}


def test_pair_label() -> None:
    assert pair_label(("negotiations", "withdrawal")) == "negotiations<=withdrawal"


# -- the same figures as the realdev scorer, on statements written for this test --------------------

STATEMENTS = [
    ("zelensky", "There will be no negotiations until Russia withdraws its troops from our land.",
     {"frames": [{"outcomes": ["negotiations"], "conditions": ["withdrawal"], "relation": "precondition",
                  "polarity": "negated"}],
      "stances": {"withdrawal": "support", "negotiations": "oppose"}, "commitment": "firm"}),
    ("putin", "We are ready for talks, but only if Ukraine gives up its plans to join NATO.",
     {"frames": [{"outcomes": ["negotiations"], "conditions": ["nato_membership"], "relation": "precondition",
                  "polarity": "affirmed"}],
      "stances": {"negotiations": "support", "nato_membership": "oppose"}, "commitment": "open"}),
    ("trump", "A ceasefire would open the way to a real peace deal.",
     {"frames": [{"outcomes": ["peace_deal"], "conditions": ["ceasefire"], "relation": "precondition",
                  "polarity": "affirmed"}],
      "optional_frame_pairs": [["peace_deal", "negotiations"]],
      "stances": {"ceasefire": "support"}, "commitment": "hedged"}),
    ("zelensky", "We will never recognise the occupied territories as Russian, and sanctions must stay.",
     {"frames": [], "stances": {"territorial_concession": "oppose", "sanctions": "support"}, "commitment": "firm"}),
    ("lavrov", "Security guarantees for Kyiv are being discussed by the allies.",
     {"frames": [], "stances": {}, "commitment": "none",
      "third_party_stances": [{"holder": "NATO", "tag": "security_guarantees", "stance": "support"}]}),
    ("kallas", "Military aid to Ukraine continues, and a truce is possible once Moscow stops its attacks.",
     {"frames": [{"outcomes": ["ceasefire"], "conditions": ["other"], "relation": "precondition",
                  "polarity": "affirmed"}],
      "stances": {"military_aid": "support", "ceasefire": "support"}}),
]  # fmt: skip


@pytest.fixture(scope="module")
def small_set(tmp_path_factory) -> tuple[Path, Path]:
    """A realdev-shaped folder of our own statements and gold, and the corpus built from it."""
    from rhetoric.tagging import load_tagger

    folder = tmp_path_factory.mktemp("mini-realdev")
    tagger = load_tagger(TEMPLATE)
    with (
        open(folder / "statements.jsonl", "w", encoding="utf-8") as st,
        open(folder / "gold.jsonl", "w") as g,
    ):
        for i, (speaker, text, claims) in enumerate(STATEMENTS):
            sid = f"t-{i:03d}"
            row = {"id": sid, "speaker": speaker, "date": "2025-01-01", "kind": "direct", "text": text,
                   "source": "test", "url": "https://example.org"}  # fmt: skip
            st.write(json.dumps(row) + "\n")
            tags = sorted({m.tag for m in tagger.tag(text)})
            g.write(json.dumps({"id": sid, "text": text, "tags": tags, "optional_tags": [],
                                "optional_frame_pairs": [], **claims}) + "\n")  # fmt: skip
    (folder / "pairs.jsonl").write_text("")
    corpus_dir, _ = realdev.build_corpus(folder, TEMPLATE, tmp_path_factory.mktemp("built"))
    return folder, corpus_dir


def test_evaluate_prints_the_realdev_scorer_figures(small_set) -> None:
    folder, corpus_dir = small_set
    expected = realdev.score(folder, TEMPLATE)
    # The rules find some and miss some here: the figures are neither 0 nor 1, so equality means something.
    assert 0 < expected["frames"][1] < 1 and 0 < expected["stances"][1] < 1
    runner = CliRunner()
    result = runner.invoke(
        app, ["evaluate", str(folder / "gold.jsonl"), "--corpus", str(corpus_dir), "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    d = json.loads(result.stdout)
    for key in ("frames", "stances"):
        got = d[key]["micro"]
        assert (got["precision"], got["recall"], got["f1"]) == tuple(round(x, 4) for x in expected[key])
    assert d["free_text_items"] == 0 and d["coded_items"]["third_party_stances"] == 1
    table = runner.invoke(app, ["evaluate", str(folder / "gold.jsonl"), "--corpus", str(corpus_dir)])
    for key, title in (("frames", "frame role pairs"), ("stances", "stances (speaker)")):
        line = next(x for x in table.stdout.splitlines() if title in x and "│" in x)
        assert [c.strip() for c in line.split("│")[3:6]] == [f"{x:.3f}" for x in expected[key]]


def test_evaluate_by_text_without_a_corpus_matches_too(small_set, tmp_path: Path) -> None:
    folder, corpus_dir = small_set
    # Free text loses the speaker, so only frames (speaker-independent) must agree.
    expected = realdev.score(folder, TEMPLATE)
    (tmp_path / "codebook.toml").write_bytes((TEMPLATE / "codebook.toml").read_bytes())
    result = CliRunner().invoke(
        app, ["evaluate", str(folder / "gold.jsonl"), "--corpus", str(tmp_path), "--format", "csv"]
    )
    assert result.exit_code == 0, result.stderr
    row = next(r for r in result.stdout.splitlines() if r.startswith("rules,frames,micro,"))
    assert [float(x) for x in row.split(",")[4:7]] == [round(x, 4) for x in expected["frames"]]
