"""The tagger: offsets, sentences, longest match, excludes, overlaps, reproducibility, streaming."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rhetoric.codebook import load_codebook
from rhetoric.codebook.model import Codebook, TagSpec
from rhetoric.corpus.store import Corpus
from rhetoric.errors import NotFoundError
from rhetoric.records import Statement
from rhetoric.tagging import Tagger, load_tagger, tag_corpus
from rhetoric.text.sentences import split_sentences
from rhetoric.types import Role

MINI = Path(__file__).resolve().parents[1] / "codebook" / "data" / "mini.toml"


def spec(tag: str, *patterns: str, exclude: tuple[str, ...] = ()) -> TagSpec:
    return TagSpec(id=tag, label=tag, description="", role=Role.EITHER, patterns=patterns, exclude=exclude)


def tagger_of(*specs: TagSpec) -> Tagger:
    return Tagger.from_codebook(Codebook("t", "1", "en", "", specs))


def found(tagger: Tagger, text: str) -> list[tuple[str, str, int]]:
    return [(m.tag, m.text, m.sentence) for m in tagger.tag(text)]


@pytest.fixture
def mini_tagger() -> Tagger:
    return Tagger.from_codebook(load_codebook(MINI))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A truce now.", [("ceasefire", "truce", 0)]),
        ("Stop. Really stop. A cease‑fire!", [("ceasefire", "cease‑fire", 2)]),
        ("Ceasefire violations were reported.", []),
        ("The minerals deal and a peace deal.", [("peace_deal", "peace deal", 0)]),
        (
            "Mr. Kellogg wants a deal. Gen. Keane a truce.",
            [("peace_deal", "deal", 0), ("ceasefire", "truce", 1)],
        ),
        ("İstanbul truce; Straße deal", [("ceasefire", "truce", 0), ("peace_deal", "deal", 0)]),
        ("", []),
    ],
)
def test_mini_codebook(mini_tagger: Tagger, text: str, expected: list) -> None:
    assert found(mini_tagger, text) == expected


def test_offsets_and_contract_fields(mini_tagger: Tagger) -> None:
    text = "Straße’s\u00a0İstanbul talks: cafe\u0301 truce."
    (m,) = mini_tagger.tag(text, statement_id="s-1")
    assert text[m.start : m.end] == m.text == "truce"
    assert (m.statement_id, m.pattern, m.source) == ("s-1", "truce", "lexicon")


def test_longest_match_wins_within_a_tag() -> None:
    t = tagger_of(spec("peace_deal", "deal", "peace deal", "final peace deal"))
    assert found(t, "a final peace deal") == [("peace_deal", "final peace deal", 0)]


def test_same_span_reports_the_first_pattern() -> None:
    t = tagger_of(spec("x", "truce|pause", "truce"))
    assert [m.pattern for m in t.tag("a truce")] == ["truce|pause"]


def test_different_tags_may_overlap() -> None:
    t = tagger_of(spec("nato_membership", "nato membership"), spec("neutrality", "membership"))
    assert found(t, "NATO membership") == [
        ("nato_membership", "NATO membership", 0),
        ("neutrality", "membership", 0),
    ]


def test_exclude_suppresses_only_overlapping_matches() -> None:
    t = tagger_of(spec("peace_deal", "deal", exclude=("minerals deal",)))
    assert found(t, "The minerals deal is not the deal.") == [("peace_deal", "deal", 0)]


def test_exclude_is_per_tag() -> None:
    t = tagger_of(spec("a", "deal", exclude=("minerals deal",)), spec("b", "deal"))
    assert [m.tag for m in t.tag("minerals deal")] == ["b"]


def test_matches_do_not_cross_sentences() -> None:
    t = tagger_of(spec("x", "peace deal", "withdraw* ~3 troops"))
    assert found(t, "We want peace. Deal? We withdraw. Troops stay.") == []


def test_sentence_index_matches_split_sentences(shipped_tagger: Tagger) -> None:
    text = "Gen. Kellogg spoke in the U.S. on Sept. 3. Kyiv rejects a truce. Moscow wants neutrality."
    spans = split_sentences(text)
    for m in shipped_tagger.tag(text):
        s, e = spans[m.sentence]
        assert s <= m.start < m.end <= e


def test_output_is_sorted_and_reproducible(shipped_tagger: Tagger) -> None:
    text = "Putin wants neutrality, a truce and NATO membership off the table; Kyiv wants a peace deal."
    first = [m.to_dict() for m in shipped_tagger.tag(text)]
    again = Tagger.from_codebook(shipped_tagger.codebook).tag(text)
    assert json.dumps(first) == json.dumps([m.to_dict() for m in again])
    keys = [(d["start"], d["end"], d["tag"]) for d in first]
    assert keys == sorted(keys)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "cease-fire",
                "truce",
                "peace",
                "deal",
                "NATO",
                "membership",
                "İstanbul",
                "ß",
                "’s",
                "\u00a0",
                "e\u0301",
                "U.S.",
                "pre-1991",
                "borders",
                "withdraw",
                "troops",
                ". ",
                "\n",
                "Mr.",
                "—",
                "ﬁ",
                "¼",
            ]
        )
        | st.text(max_size=5),
        max_size=25,
    ).map(" ".join)
)
def test_every_mention_indexes_the_text_exactly(shipped_tagger: Tagger, text: str) -> None:
    spans = split_sentences(text)
    for m in shipped_tagger.tag(text):
        assert text[m.start : m.end] == m.text
        assert 0 <= m.sentence < len(spans)


def test_tag_corpus_streams_and_selects(tmp_path: Path, mini_tagger: Tagger) -> None:
    corpus = Corpus(tmp_path)
    corpus.statements_path.touch()
    a = Statement.create(speaker="a", date="2024", text="A truce.", added_at="t")
    b = Statement.create(speaker="b", date="2024", text="No deal.", added_at="t")
    corpus.append([a, b])
    assert [(s.id, [m.tag for m in ms]) for s, ms in tag_corpus(corpus, mini_tagger)] == [
        (a.id, ["ceasefire"]),
        (b.id, ["peace_deal"]),
    ]
    assert [s.id for s, _ in tag_corpus(corpus, mini_tagger, ids=[b.id])] == [b.id]
    assert tag_corpus(corpus, mini_tagger, ids=[b.id]).__next__()[1][0].statement_id == b.id
    with pytest.raises(NotFoundError, match="no statement 's-000000000000'"):
        list(tag_corpus(corpus, mini_tagger, ids=["s-000000000000"]))


def test_load_tagger(tmp_path: Path) -> None:
    (tmp_path / "codebook.toml").write_bytes(MINI.read_bytes())
    assert load_tagger(tmp_path).codebook.name == "mini"
    assert load_tagger("nowhere", codebook_path=MINI).codebook.name == "mini"
    with pytest.raises(NotFoundError):
        load_tagger(tmp_path / "missing")


def test_a_lone_exclude_match_gives_no_mention() -> None:
    spec = TagSpec(
        id="talks",
        label="Talks",
        description="",
        role=Role.EITHER,
        patterns=("talks",),
        exclude=("talking point*",),
    )
    tagger = Tagger.from_codebook(Codebook("demo", "1", "en", "", (spec,)))
    text = "Talking points were shared. Talks resumed."
    assert [(m.text, m.sentence) for m in tagger.tag(text)] == [("Talks", 1)]
    assert tagger.tag_exhaustive(text) == tagger.tag(text)
