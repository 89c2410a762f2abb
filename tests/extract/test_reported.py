"""Attribution cues per sentence shape: subject, cue and content spans (own sentences, not the seed's)."""

from __future__ import annotations

import pytest

from rhetoric.actors import ActorRegistry
from rhetoric.extract.quotes import find_quotes, mask_quotes
from rhetoric.extract.reported import find_attributions
from rhetoric.extract.speakers import SpeakerResolver


@pytest.fixture(scope="module")
def parse(actors: ActorRegistry):
    resolver = SpeakerResolver(actors)

    def run(text: str) -> list[tuple[str, str, str]]:
        masked = mask_quotes(text, find_quotes(text))
        attrs = find_attributions(text, masked, (0, len(text)), accept=lambda p: bool(resolver.resolve(p)))
        return [
            (a.cue, text[a.subject[0] : a.subject[1]] if a.subject else "", text[a.content[0] : a.content[1]])
            for a in attrs
        ]

    return run


SHAPES = [
    # X said (that) …
    ("Putin said that the talks had failed.", [("said", "Putin", "the talks had failed")]),
    ("Putin said the talks had failed.", [("said", "Putin", "the talks had failed")]),
    (
        "Kallas said on Monday in Brussels that sanctions would stay.",
        [("said", "Kallas", "sanctions would stay")],
    ),
    ("Zelensky told reporters that Kyiv would not yield.", [("told", "Zelensky", "Kyiv would not yield")]),
    ("Zelensky told the BBC he was ready to talk.", [("told", "Zelensky", "he was ready to talk")]),
    # according to X
    (
        "According to the Kremlin, any deal must include Crimea.",
        [("According to", "the Kremlin", "any deal must include Crimea")],
    ),
    (
        "The talks have stalled, according to a diplomat quoted by Le Monde.",
        [("according to", "a diplomat quoted by Le Monde", "The talks have stalled")],
    ),
    # perfect aspect, parentheticals and adverbs in the verb group
    (
        "Kellogg has argued that sanctions should be eased.",
        [("has argued", "Kellogg", "sanctions should be eased")],
    ),
    (
        "Putin, for his part, has previously argued that the West provoked the war.",
        [("has previously argued", "Putin", "the West provoked the war")],
    ),
    (
        "Trump has suggested that Europe should pay for the weapons.",
        [("has suggested", "Trump", "Europe should pay for the weapons")],
    ),
    # stance verbs keep the verb in the content
    (
        "Germany has never supported sending long-range missiles.",
        [("has never supported", "Germany", "has never supported sending long-range missiles")],
    ),
    (
        "Hungary is said to oppose the new sanctions package.",
        [("is said to", "Hungary", "oppose the new sanctions package")],
    ),
    (
        "Kyiv has presented its plan as requiring a full withdrawal.",
        [("has presented", "Kyiv", "has presented its plan as requiring a full withdrawal")],
    ),
    (
        "The alliance itself has repeatedly stated that the door remains open.",
        [("has repeatedly stated", "The alliance itself", "the door remains open")],
    ),
    (
        "Kallas renewed calls for a special tribunal.",
        [("renewed calls for", "Kallas", "renewed calls for a special tribunal")],
    ),
    (
        "Putin opened up to talks with Washington.",
        [("opened up to", "Putin", "opened up to talks with Washington")],
    ),
    # quote first, inverted, trailing
    ("“We are ready,” he said.", [("said", "he", "“We are ready,”")]),
    ("“We are ready,” said Kellogg.", [("said", "Kellogg", "“We are ready,”")]),
    (
        "The war will end this year, Trump said on Sunday.",
        [("said", "Trump", "The war will end this year")],
    ),
    (
        "“We will win,” Zelensky said, “and we will rebuild.”",
        [("said", "Zelensky", "“and we will rebuild.”")],
    ),
    # several speakers per sentence
    (
        "Putin has long cited NATO expansion as a threat, and Moscow has demanded guarantees.",
        [
            ("has long cited", "Putin", "has long cited NATO expansion as a threat"),
            ("has demanded", "Moscow", "has demanded guarantees"),
        ],
    ),
    (
        "Paris said it would send troops, while Berlin rejected the idea.",
        [("said", "Paris", "it would send troops"), ("rejected", "Berlin", "rejected the idea")],
    ),
    (
        "France and the UK said they were ready.",
        [("said", "France and the UK", "they were ready")],
    ),
    # participles and coordinated verbs continue the same speaker
    (
        "Zelensky welcomed the plan, adding that guarantees were needed.",
        [("welcomed", "Zelensky", "welcomed the plan"), ("adding", "", "guarantees were needed")],
    ),
    (
        "Zelensky welcomed the plan but warned that Russia could not be trusted.",
        [("welcomed", "Zelensky", "welcomed the plan"), ("warned", "", "Russia could not be trusted")],
    ),
    # multiword reporting verbs and documents naming their issuer
    (
        "Zelensky made it clear that Kyiv would not cede land.",
        [("made it clear", "Zelensky", "Kyiv would not cede land")],
    ),
    (
        "Kallas pointed out that sanctions were working.",
        [("pointed out", "Kallas", "sanctions were working")],
    ),
    (
        "According to a statement from the Kremlin, the talks will continue.",
        [("According to", "a statement from the Kremlin", "the talks will continue")],
    ),
    # cues inside reported content stay nested; a trailing relay cuts the content
    (
        "According to Kallas, the US and Hungary oppose the plan.",
        [("According to", "Kallas", "the US and Hungary oppose the plan")],
    ),
    (
        "Putin told him that Russia would pause strikes, the Kremlin said.",
        [("told", "Putin", "Russia would pause strikes")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SHAPES, ids=[s[0][:40] for s in SHAPES])
def test_shapes(parse, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It should be noted that membership was never offered.",  # passive: no speaker
        "The talks are expected to resume.",
        "Some member states have expressed support.",  # vague subject
        "His rhetoric has gradually changed.",
        "Zelensky’s calls for help went unanswered.",  # possessive, not a subject
        "He went so far as to call it a disaster.",  # infinitive
        "Snow fell across Kyiv overnight.",
        "The plan, critics say, is doomed.",  # unnamed group
    ],
)
def test_no_attribution(parse, text: str) -> None:
    assert parse(text) == []
