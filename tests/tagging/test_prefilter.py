"""The prefilter never misses, and the fast tagger path equals the exhaustive one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rhetoric.codebook.model import Codebook, TagSpec
from rhetoric.codebook.patterns import parse_pattern
from rhetoric.tagging import Tagger
from rhetoric.tagging.anchors import pattern_anchors
from rhetoric.tagging.prefilter import Prefilter
from rhetoric.text.normalize import fold_text
from rhetoric.types import Role
from tests.benchmarks.newsgen import generate_statements


def prefilter(*patterns: str) -> Prefilter:
    return Prefilter([parse_pattern(p) for p in patterns])


@pytest.mark.parametrize(
    ("pattern", "anchors"),
    [
        ("withdraw* ~3 troops", ["withdraw*"]),
        ("the? cease-fire|truce", ["cease", "ceasefire", "truce"]),
        ("end ~3 war|conflict", ["conflict", "war"]),
        ("all for all", ["all"]),
        ("security? guarantee*", ["guarantee*"]),
    ],
)
def test_anchor_choice(pattern: str, anchors: list[str]) -> None:
    got = sorted(p.norm + ("*" if p.prefix else "") for p in pattern_anchors(parse_pattern(pattern)))
    assert got == anchors


@pytest.mark.parametrize(
    ("patterns", "text", "expected"),
    [
        (("aid",), "he said so", False),
        (("aid",), "u.s. aid", True),
        (("aid",), "aid.", True),
        (("aid",), "aided", False),
        (("aid*",), "aided", True),
        (("nato",), "n.a.t.o. members", True),
        (("nato",), "(n.a.t.o)", True),
        (("bn",), "3.5bn", True),
        (("army",), "u.sarmy", True),
        (("the",), "end.the", True),
        (("won't",), "it won't", True),
        (("3.5",), "rose 3.5 percent", True),
        (("cafe",), "cafe\u0301 au lait", True),
        (("end ~3 war",), "the end of the year", False),
        (("end ~3 war",), "the end of the war", True),
        (("end ~3 war",), "war. the end", True),
        (("peace deal",), "no deal", False),
    ],
)
def test_search(patterns: tuple[str, ...], text: str, expected: bool) -> None:
    assert prefilter(*patterns).search(fold_text(text)) is expected


def test_positions_point_at_token_starts() -> None:
    pf = prefilter("aid", "nato")
    assert pf.positions("aid and u.s. aid to n.a.t.o.") == [0, 13, 20]
    assert pf.positions("said") == []


def test_candidates_are_per_range() -> None:
    pf = prefilter("end ~3 war", "truce")
    text = "the end. a war. a truce."
    scan = pf.scan(text)
    assert scan is not None
    assert pf.candidates(scan, 0, len(text)) == [0, 1]
    assert pf.candidates(scan, 0, 8) == []  # "end" without "war"
    assert pf.candidates(scan, 16, len(text)) == [1]


def tagger_of(*specs: tuple[str, tuple[str, ...], tuple[str, ...]]) -> Tagger:
    tags = tuple(
        TagSpec(id=t, label=t, description="", role=Role.EITHER, patterns=p, exclude=x) for t, p, x in specs
    )
    return Tagger.from_codebook(Codebook("t", "1", "en", "", tags))


# Pieces chosen to hit every branch of the prefilter: initialisms, numbers running into
# words, apostrophes, non-ASCII letters and spaces, combining accents, sentence ends.
PIECES = [
    "U.S.",
    "U.Sa",
    "u.s.5",
    "N.A.T.O.",
    "nato",
    "NATO’s",
    "3.5bn",
    "10,000",
    "3.5",
    "end.The",
    "end",
    "war",
    "War.",
    "can't",
    "won't",
    "invade",
    "again",
    "aid",
    "said",
    "cease-fire",
    "Cease fire",
    "truce",
    "İstanbul",
    "ß",
    "e\u0301",
    "\u00a0",
    "Mr.",
    "No.",
    ". ",
    "! ",
    "\n",
    "—",
    "withdrawal",
    "troops",
    "peace",
    "deal",
    "minerals",
]
TEXTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=30).map(" ".join) | st.lists(
    st.sampled_from(PIECES), max_size=30
).map("".join)

SMALL = tagger_of(
    ("x", ("aid", "nato", "bn", "army", "3.5", "can't|won't ~3 invade ~2 again"), ()),
    ("y", ("end ~3 war", "cease-fire|truce", "withdraw* ~3 troops"), ("ceasefire violation*",)),
    ("z", ("deal", "e"), ("minerals deal",)),
)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_fast_path_equals_exhaustive_small_codebook(text: str) -> None:
    assert SMALL.tag(text) == SMALL.tag_exhaustive(text)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_fast_path_equals_exhaustive_shipped_codebook(shipped_tagger: Tagger, text: str) -> None:
    assert shipped_tagger.tag(text) == shipped_tagger.tag_exhaustive(text)


def test_fast_path_equals_exhaustive_on_generated_news(shipped_tagger: Tagger) -> None:
    texts = list(generate_statements(shipped_tagger.codebook, 3000, seed=7))
    fast = [shipped_tagger.tag(t, statement_id="s") for t in texts]
    assert fast == [shipped_tagger.tag_exhaustive(t, statement_id="s") for t in texts]
    assert sum(map(len, fast)) > 100  # the corpus does exercise the matcher


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. aid. N.A.T.O. said",
        "US aid of $3.5bn, 3.5 bn",
        "u.sa aid",
        "end.The war",
        "army 3.u aid u.s.5 bn",
        "about 10,000 troops, 3.5 percent",
        "Kyiv's aid; can't invade again",
    ],
)
def test_scan_with_and_without_joins_equals_exhaustive(text: str) -> None:
    assert SMALL.tag(text) == SMALL.tag_exhaustive(text)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="ab z09.,'$", max_size=12))
def test_tricky_join_split_by_first_character(text: str) -> None:
    from rhetoric.tagging.prefilter import _TRICKY_JOIN, _has_tricky_join

    assert _has_tricky_join(text) == (_TRICKY_JOIN.search(text) is not None)


def test_initialism_pieces_are_remembered_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from rhetoric.tagging import prefilter as prefilter_module

    pf = prefilter("nato ~3 summit", "usa")
    text = fold_text("The N.A.T.O. summit, said the U.S.A.")
    first = pf.scan(text)
    assert first is not None and first == pf.scan(text)
    assert sorted(pf._chains) == ["n.a.t.o", "u.s.a"]
    assert pf.positions(text) == [13, 30]  # "summit" anchors the first pattern, "u.s.a" the second
    monkeypatch.setattr(prefilter_module, "_MAX_CHAINS", 1)
    bounded = prefilter("nato ~3 summit", "usa")
    assert bounded.scan(text) == first
    assert len(bounded._chains) == 1


def _qualifies_reference(pf: Prefilter, found: set[int]) -> bool:
    """A pattern qualifies: its anchor found and, for a bound one, a piece of each other term."""
    for k in found & pf._anchor_keys:
        if pf._free[k]:
            return True
        if any(all(not t.isdisjoint(found) for t in terms) for _pid, terms in pf._bound[k]):
            return True
    return False


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_qualifies_equals_the_reference(shipped_tagger: Tagger, data: st.DataObject) -> None:
    """The per-anchor shortcut (none of its patterns' other pieces found) rules out nothing that qualifies."""
    pf = shipped_tagger.prefilter
    anchors = sorted(pf._bound_keys | pf._free_keys)
    others = sorted({p for terms in pf._other_numbers for t in terms for p in t})
    found = set(data.draw(st.lists(st.sampled_from(anchors), max_size=4)))
    found |= set(data.draw(st.lists(st.sampled_from(others), max_size=12)))
    # Each bound anchor with some of its pieces: the case the shortcut must not cut short.
    k = data.draw(st.sampled_from(sorted(pf._bound_keys)))
    found |= {k} | {min(t) for _pid, terms in pf._bound[k][:1] for t in terms[: data.draw(st.integers(0, 3))]}
    assert pf.qualifies(found) == _qualifies_reference(pf, found)
    assert bool(pf._qualified(found)) == _qualifies_reference(pf, found)
