"""Rules for shapes of real news coverage (issue 14), each with its twin that must not fire.

Every sentence here is written for the test; none is taken from an article.
"""

from __future__ import annotations

import pytest

from rhetoric.actors import ActorRegistry
from rhetoric.extract.pipeline import extract_statements
from rhetoric.extract.quotes import find_quotes
from rhetoric.extract.speakers import SpeakerResolver

REG = ActorRegistry.from_dict(
    {
        "actors": {
            "kallas": {"name": "Kaja Kallas", "kind": "person", "gender": "female", "aliases": ["Kallas"]},
            "russia": {"name": "Russia", "kind": "state", "aliases": ["Moscow", "the Kremlin"]},
            "us": {"name": "United States", "kind": "state", "aliases": ["the United States", "Washington"]},
        }
    }
)


def _run(text: str, date: str = "2025-03-12"):
    return extract_statements(text, actors=REG, article_date=date)


def _pairs(text: str, date: str = "2025-03-12") -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in sorted(_run(text, date), key=lambda c: c.start)]


# -- quotes -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('"We will stay,” the mayor said. Then "it is over" was heard.', ['"We will stay,”', '"it is over"']),
        ('“We will stay," the mayor said.', ['“We will stay,"']),
        ('He said "no" twice.', ['"no"']),
    ],
)
def test_mixed_straight_and_typographic_marks_close_each_other(text: str, spans: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text)] == spans


def test_a_mismatched_quote_no_longer_hides_the_next_attribution() -> None:
    text = '"The port will reopen soon,” the governor wrote. The minister said the convoy had left.'
    assert ("minister", "the convoy had left") in _pairs(text)


# -- names and subjects -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "speaker"),
    [
        ("Foreign Minister Khalid al-Rashidi", "Khalid al-Rashidi"),
        ("al-Rashidi", "al-Rashidi"),
    ],
)
def test_names_with_a_lower_case_particle(phrase: str, speaker: str) -> None:
    assert [s.id for s in SpeakerResolver(REG).resolve(phrase)] == [speaker]


@pytest.mark.parametrize("phrase", ["the United States with a list of", "Moscow and the"])
def test_a_phrase_cut_after_a_preposition_or_article_is_no_subject(phrase: str) -> None:
    assert SpeakerResolver(REG).resolve(phrase) == []


def test_a_long_first_line_without_a_full_stop_is_the_headline() -> None:
    text = (
        "Moscow says it sees no sign of a deal with Washington on the shape of a ceasefire in the region yet\n"
        "Moscow said on Tuesday that talks would continue."
    )
    assert _pairs(text) == [("russia", "talks would continue")]


# -- wishes and acts are not statements ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Negotiators had hoped the two delegations would agree by Friday.",
        "Moscow wants a longer pause in exchange for the prisoners.",
        "Kallas thanked the hosts for their patience.",
        "The Kremlin declined to comment on the report.",
        "The Kremlin has not confirmed.",
        "The summit has concluded in Geneva.",
        "Moscow had presented.",
    ],
)
def test_wishes_acts_and_verbs_without_content_are_no_statements(text: str) -> None:
    assert _pairs(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow has never supported the plan.", ("russia", "has never supported the plan")),
        (
            "Kallas warned on Monday against a rushed deal.",
            ("kallas", "warned on Monday against a rushed deal"),
        ),
        (
            "Kallas declined to give details, stressing that the talks must stay quiet.",
            ("kallas", "the talks must stay quiet"),
        ),
        (
            "Kallas thanked the hosts but said that more work was needed.",
            ("kallas", "more work was needed"),
        ),
    ],
)
def test_their_twins_still_are(text: str, expected: tuple[str, str]) -> None:
    assert expected in _pairs(text)
