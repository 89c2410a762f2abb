"""Stances from hand-made mentions: verbs before, predicates after, pronoun objects, named holders."""

from __future__ import annotations

import pytest

from rhetoric.frames.detect import detect_frames
from rhetoric.frames.holders import ActorFinder
from rhetoric.frames.stances import detect_stances

# text, marks, speaker, expected [(tag, stance, holders)] in mention order
STANCE_CASES = [
    pytest.param(
        "According to a diplomat, membership is not on the table at the moment – because the US, Germany and "
        "Hungary oppose it, and membership “is an option that makes many allies very uneasy”.",
        [("nato_membership", "membership"), ("nato_membership", "membership")],
        "diplomat",
        [
            ("nato_membership", "oppose", ("us", "germany", "hungary")),
            ("nato_membership", "oppose", ("diplomat",)),
        ],
        id="pronoun-object-named-holders",
    ),
    pytest.param(
        "Meanwhile, France and the UK are said to support Ukrainian NATO membership.",
        [("nato_membership", "NATO membership")],
        "le_monde",
        [("nato_membership", "support", ("france", "uk"))],
        id="said-to-support",
    ),
    pytest.param(
        "President-elect Donald Trump, on the other hand, has never supported the idea of Ukrainian NATO "
        "membership at all.",
        [("nato_membership", "NATO membership")],
        "trump",
        [("nato_membership", "oppose", ("trump",))],
        id="never-supported",
    ),
    pytest.param(
        "Moscow presented its terms as requiring Kyiv to drop its plans to join NATO and commit to neutral status.",
        [("nato_membership", "plans to join NATO"), ("neutrality", "neutral status")],
        "russia",
        [("nato_membership", "oppose", ("russia",)), ("neutrality", "support", ("russia",))],
        id="drop-plans-demanded",
    ),
    pytest.param(
        "Ukraine's membership in NATO is unrealistic, the defence secretary said.",
        [("nato_membership", "membership in NATO")],
        "us",
        [("nato_membership", "oppose", ("us",))],
        id="predicate-unrealistic",
    ),
    pytest.param(
        "Washington has ruled out sending troops to Ukraine.",
        [("foreign_troops", "sending troops")],
        "us",
        [("foreign_troops", "oppose", ("us",))],
        id="rule-out",
    ),
    pytest.param(
        "Kyiv insists on security guarantees, while Moscow rejects any foreign troops in Ukraine.",
        [("security_guarantees", "security guarantees"), ("foreign_troops", "foreign troops")],
        "zelensky",
        [("security_guarantees", "support", ("ukraine",)), ("foreign_troops", "oppose", ("russia",))],
        id="two-holders-one-sentence",
    ),
    pytest.param(
        "Zelensky does not oppose elections once martial law ends.",
        [("leadership", "elections")],
        "zelensky",
        [("leadership", "support", ("zelensky",))],
        id="negated-oppose",
    ),
    pytest.param(
        "The summit discussed sanctions.",
        [("sanctions", "sanctions")],
        "eu",
        [("sanctions", "neutral", ("eu",))],
        id="neutral",
    ),
    pytest.param(
        "Talks are impossible until Russia pays reparations.",
        [("negotiations", "Talks"), ("accountability", "reparations")],
        "zelensky",
        # What is ruled out until a condition holds is opposed (the realdev coding rule); the condition wanted.
        [("negotiations", "oppose", ("zelensky",)), ("accountability", "support", ("zelensky",))],
        id="condition-demanded",
    ),
    pytest.param(
        "Let us talk about sanctions relief.",
        [("sanctions", "sanctions relief")],
        "putin",
        [("sanctions", "neutral", ("putin",))],
        id="lowercase-us-is-a-pronoun",
    ),
]


@pytest.mark.parametrize(("text", "marks", "speaker", "expected"), STANCE_CASES)
def test_stances(mk, registry, text, marks, speaker, expected) -> None:
    mentions = mk(text, marks)
    frames = detect_frames(text, mentions, speaker=speaker)
    stances = detect_stances(text, mentions, speaker=speaker, actors=registry, frames=frames)
    assert [(s.tag, s.stance, s.holders) for s in stances] == expected
    assert all(text[s.start : s.end] for s in stances)


def test_without_registry_the_speaker_holds_every_stance(mk) -> None:
    text = "France and the UK support NATO membership."
    (stance,) = detect_stances(text, mk(text, [("nato_membership", "NATO membership")]), speaker="le_monde")
    assert (stance.stance, stance.holders) == ("support", ("le_monde",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the US, Germany and Hungary", ["us", "germany", "hungary"]),
        ("Let us see what the U.S. does", ["us"]),
        ("Zelenskyy met Trump", ["zelensky", "trump"]),
        ("President-elect Donald Trump said", ["trump"]),
        ("the alliance and Kiev", ["nato", "ukraine"]),
        ("nobody here", []),
    ],
)
def test_actor_finder(registry, text, expected) -> None:
    assert [a for _, _, a in ActorFinder(registry).find(text)] == expected


def test_a_state_named_as_subject_is_also_its_leaders_stance(mk) -> None:
    from rhetoric.actors import ActorRegistry

    reg = ActorRegistry.from_dict(
        {
            "actors": {
                "ukraine": {"name": "Ukraine", "kind": "state"},
                "zelensky": {"name": "Volodymyr Zelensky", "affiliation": "ukraine"},
                "us": {"name": "United States", "kind": "state", "aliases": ["US"]},
            }
        }
    )
    text = "Ukraine is ready to adopt neutral status."
    mentions = mk(text, [("neutrality", "neutral status")])
    (own,) = detect_stances(text, mentions, speaker="zelensky", actors=reg)
    assert (own.stance, own.holders) == ("support", ("zelensky", "ukraine"))
    text = "The US opposes neutral status."
    (other,) = detect_stances(
        text, mk(text, [("neutrality", "neutral status")]), speaker="zelensky", actors=reg
    )
    assert (other.stance, other.holders) == ("oppose", ("us",))


def test_unknown_affiliation_is_an_error() -> None:
    from rhetoric.actors import ActorRegistry
    from rhetoric.errors import ActorError

    with pytest.raises(ActorError, match=r"\[x.affiliation\] affiliation 'nowhere' is not an actor id"):
        ActorRegistry.from_dict({"actors": {"x": {"name": "X", "affiliation": "nowhere"}}})
