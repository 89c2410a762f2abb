"""Suggestions: only tags the lexicon misses, with the n-grams behind the prediction."""

from __future__ import annotations

from rhetoric.learn.suggest import suggest
from rhetoric.records import Statement

TEXTS = [
    "The shooting has to stop along the whole line of contact.",
    "Moscow must take its soldiers home from every occupied town.",
    "Kyiv wants a ceasefire before NATO membership talks.",
    "The weather was grey.",
]


def statements() -> list[Statement]:
    return [Statement.create(speaker="x", date="2024", text=t, added_at="t") for t in TEXTS]


def test_suggestions_are_what_the_lexicon_misses(shipped_tagger, trained_model) -> None:
    report = suggest(statements(), shipped_tagger, trained_model, top=3, threshold=0.3)
    assert report.statements == 4 and report.threshold == 0.3
    by_id = {s.id: s for s in statements()}
    for s in report.suggestions:
        text = by_id[s.statement_id].text
        assert s.tag not in {m.tag for m in shipped_tagger.tag(text)}
        assert s.score >= 0.3 and s.text == text[s.start : s.end]
        assert 0 < len(s.ngrams) <= 3 and all(w > 0 for _, w in s.ngrams)
    found = {(s.statement_id, s.tag) for s in report.suggestions}
    ids = [s.id for s in statements()]
    assert (ids[0], "ceasefire") in found
    assert (ids[1], "withdrawal") in found
    assert not any(sid == ids[3] for sid, _ in found)
    assert report.candidates["ceasefire"][0].statements >= 1


def test_tag_filter_and_order(shipped_tagger, trained_model) -> None:
    report = suggest(statements(), shipped_tagger, trained_model, tag="ceasefire", threshold=0.0)
    assert {s.tag for s in report.suggestions} == {"ceasefire"}
    # ceasefire is found by the lexicon in statement 3, so it is never suggested there
    assert statements()[2].id not in {s.statement_id for s in report.suggestions}
    scores = [s.score for s in report.suggestions]
    assert scores == sorted(scores, reverse=True)
    assert list(report.candidates) == ["ceasefire"]
    assert all(
        any(w not in {"the", "has", "to"} for w in c.ngram.split()) for c in report.candidates["ceasefire"]
    )
    d = report.to_dict()
    assert set(d) == {"statements", "threshold", "suggestions", "candidates"}
    assert set(d["suggestions"][0]["ngrams"][0]) == {"ngram", "weight"}
