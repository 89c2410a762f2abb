"""The whole extraction on the seed article and on small texts: recall, precision, speakers, dates, order."""

from __future__ import annotations

import pytest

from rhetoric.actors import ActorRegistry
from rhetoric.dates import PartialDate
from rhetoric.errors import ValidationError
from rhetoric.extract.evaluate import load_expected, score
from rhetoric.extract.pipeline import extract_statements, is_headline, sentence_units
from rhetoric.extract.quotes import find_quotes

from .conftest import SEED_DATE, SEED_EXPECTED


@pytest.fixture(scope="module")
def seed_candidates(actors: ActorRegistry, seed_text: str):
    return extract_statements(seed_text, actors=actors, article_date=SEED_DATE, source="Nordic Times")


def _find(candidates, speaker: str, needle: str):
    hits = [c for c in candidates if c.speaker == speaker and needle in c.text]
    assert hits, f"no {speaker} candidate containing {needle!r}"
    return hits[0]


def test_seed_recall_and_precision(seed_candidates, seed_text: str) -> None:
    result = score(seed_candidates, load_expected(SEED_EXPECTED, seed_text))
    assert result.recall >= 0.9, result.summary()
    assert result.precision >= 0.8, result.summary()
    assert result.wrong_speaker == ()


def test_seed_every_recovered_statement_has_the_right_speaker(seed_candidates, seed_text: str) -> None:
    for expected in load_expected(SEED_EXPECTED, seed_text):
        overlapping = [c for c in seed_candidates if c.start < expected.end and expected.start < c.end]
        assert overlapping, f"nothing recovered for {expected.quote!r}"
        assert expected.speaker in {c.speaker for c in overlapping}


def test_seed_last_week_is_dated_at_the_precision_the_article_supports(seed_candidates) -> None:
    remark = _find(seed_candidates, "zelensky", "necessary thing for the country’s survival")
    assert (remark.date, remark.date_qualifier) == ("2024-12", "circa")
    assert remark.date_evidence == "Last week"
    assert remark.kind == "direct"


def test_seed_dates_follow_the_evidence(seed_candidates) -> None:
    assert _find(seed_candidates, "ukraine", "applied for membership").date == "2022-09"
    perfect = [("putin", "eastward expansion"), ("kellogg", "put off"), ("nato", "cannot be granted")]
    for speaker, needle in perfect:
        c = _find(seed_candidates, speaker, needle)
        assert (c.date, c.date_qualifier) == ("2024-12", "before")


def test_seed_previously_argued_comes_before_recently_opened_up(seed_candidates) -> None:
    previously = _find(seed_candidates, "zelensky", "complete withdrawal")
    recently = _find(seed_candidates, "zelensky", "opened up to")
    assert seed_candidates.index(previously) < seed_candidates.index(recently)
    keys = [c.sort_key() for c in seed_candidates]
    assert keys == sorted(keys)


def test_seed_speakers_as_written_and_kinds(seed_candidates) -> None:
    remark = _find(seed_candidates, "zelensky", "necessary thing")
    assert remark.speaker_as_written == "the Ukrainian president"
    assert _find(seed_candidates, "ukraine", "applied").speaker_as_written == "Kiev"
    assert _find(seed_candidates, "russia", "peace terms").speaker_as_written == "Moscow"
    assert _find(seed_candidates, "france", "support").kind == "reported"
    assert _find(seed_candidates, "le_monde_diplomat", "not on the table").kind == "direct"
    assert _find(seed_candidates, "zelensky", "opened up to").speaker_as_written == "he"


def test_candidate_text_is_the_article_span(seed_candidates, seed_text: str) -> None:
    for c in seed_candidates:
        assert seed_text[c.start : c.end] == c.text
        assert c.source == "Nordic Times"
        assert 0.0 < c.confidence <= 1.0


def test_no_article_date_leaves_relative_dates_empty(actors: ActorRegistry, seed_text: str) -> None:
    candidates = extract_statements(seed_text, actors=actors, article_date=None)
    assert _find(candidates, "ukraine", "applied").date == "2022-09"
    remark = _find(candidates, "zelensky", "necessary thing")
    assert remark.date == "" and "pass --date" in remark.note
    assert candidates[-1].date == ""  # undated candidates sort last


def test_invalid_article_date(actors: ActorRegistry) -> None:
    with pytest.raises(ValidationError, match="invalid date '2024-13'"):
        extract_statements("Putin said no.", actors=actors, article_date="2024-13")


def test_no_attribution(actors: ActorRegistry) -> None:
    text = "Snow fell across Kyiv overnight. Trams ran late, and schools opened at noon."
    assert extract_statements(text, actors=actors, article_date="2024-12-03") == []


def test_unbalanced_quote_is_closed_at_paragraph_end_with_low_confidence(actors: ActorRegistry) -> None:
    text = "Zelensky said the plan was “a betrayal of everything we fought for.\nTalks resumed on Monday.\n"
    (c,) = extract_statements(text, actors=actors, article_date="2024-12-03")
    assert c.text == "the plan was “a betrayal of everything we fought for."
    assert c.confidence <= 0.3
    assert "unbalanced quote" in c.note


def test_continued_and_multi_paragraph_quotes(actors: ActorRegistry) -> None:
    text = (
        "“We will not give up,” Zelensky said on Sunday. “We have fought for three years.\n\n"
        "“And we will fight on.”\n\nPutin said:\n\n“The answer is no.”\n"
    )
    cands = extract_statements(text, actors=actors, article_date="2024-12-03")
    assert [(c.speaker, c.text[:12], c.date) for c in cands] == [
        ("zelensky", "“We will not", "2024-12-01"),
        ("zelensky", "“We have fou", "2024-12-01"),
        ("putin", "“The answer ", "2024-12-03"),
    ]
    assert cands[1].cue == "(continued quote)"
    assert "\n\n“And we will fight on.”" in cands[1].text


def test_pronoun_chain(actors: ActorRegistry) -> None:
    text = (
        "Kaja Kallas met Zelensky in Kyiv on Sunday. She said the EU would keep paying. "
        "He said he was grateful, and he added that more air defence was needed."
    )
    cands = extract_statements(text, actors=actors, article_date="2024-12-03")
    assert [(c.speaker, c.speaker_as_written) for c in cands] == [
        ("kallas", "She"),
        ("zelensky", "He"),
        ("zelensky", "he"),
    ]


def test_headlines_and_datelines_are_not_statements(actors: ActorRegistry) -> None:
    text = "Putin rejects ceasefire plan\n\nMOSCOW, Dec 3 (Wire) - Putin said on Tuesday the plan was dead.\n"
    (c,) = extract_statements(text, actors=actors, article_date="2024-12-03")
    assert (c.text, c.date) == ("the plan was dead", "2024-12-03")
    assert is_headline(text, (0, 28))


def test_sentence_units_join_sentences_inside_a_quote() -> None:
    text = "He said: “One. Two. Three.” She left."
    assert [text[s:e] for s, e in sentence_units(text, find_quotes(text))] == [
        "He said: “One. Two. Three.”",
        "She left.",
    ]


def test_sort_key_orders_imprecise_before_precise() -> None:
    assert PartialDate.parse("2024-12").sort_key("before") < PartialDate.parse("2024-12").sort_key("circa")


def test_offices_speak_for_their_owner_and_it_refers_to_institutions(actors: ActorRegistry) -> None:
    text = (
        "Zelensky's office said the talks would resume on Friday. The Russian defence ministry said its "
        "forces had repelled attacks. It added that Ukraine had lost 300 soldiers."
    )
    cands = extract_statements(text, actors=actors, article_date="2024-12-03")
    assert [(c.speaker, c.speaker_known) for c in cands] == [
        ("zelensky", True),
        ("russia", True),  # a ministry of a state speaks for the state (actors.toml)
        ("russia", True),
    ]
