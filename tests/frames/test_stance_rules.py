"""Stance rules one phenomenon at a time, each with its twin that must read otherwise (sentences written here)."""

from __future__ import annotations

import pytest

from rhetoric.frames.stances import detect_stances
from rhetoric.lang import load_language

# text, marks (tag, phrase), expected stance of the LAST mark
RULES = [
    # An ending named as a thing is the item, supported when demanded; an ending verb opposes only
    # the ongoing thing it governs.
    ("We want an end to the war.", [("war_end", "an end to the war")], "support"),
    ("Ending the war is our first goal.", [("war_end", "Ending the war")], "support"),
    ("The fighting has to stop before winter.", [("war_end", "fighting has to stop")], "support"),
    ("Brussels will lift the tariffs next month.", [("tariffs", "tariffs")], "oppose"),
    ("The council rejected lifting the tariffs.", [("tariffs", "tariffs")], "support"),
    ("Most disputes end in arbitration.", [("arbitration", "arbitration")], "neutral"),
    # Goal and advocacy verbs, nouns and markers.
    ("The envoy is working toward a summit in Geneva.", [("talks", "summit")], "support"),
    ("Both sides vowed to deploy monitors along the border.", [("monitors", "deploy monitors")], "support"),
    ("She called for an immediate truce.", [("truce", "truce")], "support"),
    ("The minister stressed the need for binding guarantees.", [("guarantees", "guarantees")], "support"),
    ("They presented a plan for a lasting settlement.", [("settlement", "settlement")], "support"),
    ("Tehran is ready for talks.", [("talks", "talks")], "support"),
    ("We agreed to a prisoner swap.", [("prisoners", "prisoner swap")], "support"),
    ("Talks took place in Geneva on Monday.", [("talks", "Talks")], "neutral"),
    ("The leaders discussed a full truce.", [("truce", "truce")], "neutral"),
    # Negation turns a cue; a negated modal or a negative determiner rules the item out.
    ("London is not ready to accept a customs union.", [("customs_union", "customs union")], "oppose"),
    ("We will never recognise the annexation.", [("annexation", "annexation")], "oppose"),
    ("There will be no truce.", [("truce", "truce")], "oppose"),
    ("Guaranteeing that the country will not join the bloc.", [("membership", "join the bloc")], "oppose"),
    ("Paris does not oppose new elections.", [("elections", "elections")], "support"),
    # Rejection phrases and cue chains.
    ("The cabinet ruled out a second referendum.", [("referendum", "referendum")], "oppose"),
    ("They demand that Kyiv drop its plans to join the bloc.", [("membership", "join the bloc")], "oppose"),
    ("The summit demanded a complete cessation of arms sales.", [("arms", "arms sales")], "oppose"),
    ("A backstop is off the table.", [("backstop", "backstop")], "oppose"),
    ("This should not be just a pause.", [("truce", "pause")], "oppose"),
    # Judgement predicates after the item.
    ("A pledge of that kind is crucial for a durable settlement.", [("guarantees", "pledge")], "support"),
    ("Dialogue remains the only way forward.", [("talks", "Dialogue")], "support"),
    ("A freeze is simply unacceptable.", [("freeze", "freeze")], "oppose"),
    ("Nobody said whether the freeze would hold.", [("freeze", "freeze")], "neutral"),
    # Desirability before the item; a question or a report takes no side.
    ("We seek a just and lasting settlement.", [("settlement", "settlement")], "support"),
    ("Only a full, verifiable and lasting ceasefire will do.", [("truce", "ceasefire")], "support"),
    ("Was a full ceasefire ever on offer?", [("truce", "ceasefire")], "neutral"),
    # Goal markers before an item, and actions to take.
    ("The crisis must be resolved through dialogue.", [("talks", "dialogue")], "support"),
    ("We are waiting for negotiations.", [("talks", "negotiations")], "support"),
    ("Iran could end the standoff by halting enrichment.", [("standoff_end", "end the standoff")], "support"),
    ("The enrichment site is near Natanz.", [("enrichment", "enrichment")], "neutral"),
    # Coordinated items share the stance; a list head does not break the link.
    (
        "We back a truce and, ultimately, an end to the war.",
        [("truce", "truce"), ("war_end", "an end to the war")],
        "support",
    ),
    (
        "They pledged to honour the sovereignty, unity and territorial integrity of the country.",
        [("borders", "territorial integrity")],
        "support",
    ),
    # A participle after a determiner is an adjective, not an act.
    ("Asked about the proposed truce, he declined to comment.", [("truce", "truce")], "neutral"),
]


@pytest.mark.parametrize(("text", "marks", "expected"), RULES, ids=[r[0][:40] for r in RULES])
def test_rule(mk, text, marks, expected) -> None:
    stances = detect_stances(text, mk(text, marks), speaker="speaker")
    assert stances[-1].stance == expected, stances[-1]


@pytest.mark.parametrize(
    ("text", "marks", "holders"),
    [
        # A named subject other than the speaker holds the stance ...
        ("Moscow rejects any foreign troops in the country.", [("troops", "foreign troops")], ("russia",)),
        ("Critics in Berlin warned against a ceasefire.", [("truce", "ceasefire")], ("germany",)),
        # ... an unnamed third party too ...
        ("Critics warned against a ceasefire.", [("truce", "ceasefire")], ("critics",)),
        ("Some lawmakers firmly oppose the deal.", [("deal", "deal")], ("some lawmakers",)),
        # ... the speaker's own state speaks for the speaker too ...
        ("Ukraine is ready to adopt neutral status.", [("neutrality", "neutral status")], ("zelensky", "ukraine")),
        # ... and an unnamed subject leaves the speaker as holder.
        ("We support a truce.", [("truce", "truce")], ("zelensky",)),
    ],
)
def test_holders(mk, registry, text, marks, holders) -> None:
    from rhetoric.actors import ActorRegistry

    reg = ActorRegistry.from_dict(
        {
            "actors": {
                **{a.id: {"name": a.name, "aliases": list(a.aliases)} for a in registry},
                "zelensky": {"name": "Volodymyr Zelensky", "affiliation": "ukraine"},
            }
        }
    )
    (stance,) = detect_stances(text, mk(text, marks), speaker="zelensky", actors=reg)
    assert stance.holders == holders


def test_outcome_of_an_affirmed_condition_is_wanted(mk) -> None:
    from rhetoric.records import Frame

    text = "We are open to elections if the shelling stops."
    mentions = mk(text, [("elections", "elections"), ("truce", "shelling stops")])
    frame = Frame(
        statement_id=None, sentence=0, frame_id="f1", speaker="s", date="", outcomes=("elections",),
        conditions=("truce",), cue="if", relation="precondition", polarity="affirmed",
    )
    stances = detect_stances(text, mentions, speaker="s", frames=[frame])
    assert [s.stance for s in stances] == ["support", "support"]


def test_a_codebook_can_add_stance_words(mk) -> None:
    text = "The premier green-lit a customs union."
    marks = [("customs_union", "customs union")]
    (plain,) = detect_stances(text, mk(text, marks))
    assert plain.stance == "neutral"
    lang = load_language("en", extend={"stances": {"support_verbs": ["green-light", "green-lit"]}})
    (extended,) = detect_stances(text, mk(text, marks), language=lang)
    assert (extended.stance, extended.cue) == ("support", "green-lit")


def test_never_raises_on_odd_text(mk) -> None:
    text = "“” — ; , talks ?? ... not not no"
    (stance,) = detect_stances(text, mk(text, [("talks", "talks")]))
    assert stance.stance in ("support", "oppose", "neutral")
