"""Stance shapes that judge a whole phrase around the item (rhetoric/frames/stance_shapes.py), with twins.

Sentences written here, from several negotiations (Brexit, Gaza hostages, Iran's nuclear file).
"""

from __future__ import annotations

import pytest

from rhetoric.frames.stance_shapes import compose, shape_words, strip_transparent
from rhetoric.frames.stances import detect_stances
from rhetoric.lang import load_language

# text, marks (tag, phrase), expected stance of the LAST mark
SHAPES = [
    # An extraposed judgement ("it is … to / that …") is the stance on the items of its clause,
    # composed with their own cue; a negator inside or before it turns it.
    ("It is irresponsible to hold a referendum during the fighting.", [("referendum", "referendum")], "oppose"),
    ("It is important to hold a referendum soon.", [("referendum", "referendum")], "support"),
    ("It is not in Britain's interest to join a customs union.", [("customs_union", "customs union")], "oppose"),
    ("It is in Britain's interest to join a customs union.", [("customs_union", "customs union")], "support"),
    ("It would be a mistake to sign a hostage deal now.", [("deal", "hostage deal")], "oppose"),
    ("I do not think it is wise to lift the sanctions now.", [("sanctions", "sanctions")], "support"),
    ("It is wise to lift the sanctions now.", [("sanctions", "sanctions")], "oppose"),
    ("It said the reactor was a hostage deal.", [("deal", "hostage deal")], "neutral"),
    # The "that" clause of a verb of wanting holds what the holder wants; a reporting verb does not.
    ("Qatar hopes that a truce will be agreed this week.", [("truce", "truce")], "support"),
    ("Qatar said that a truce will be agreed this week.", [("truce", "truce")], "neutral"),
    ("Tehran insists that enrichment will never stop.", [("enrichment", "enrichment")], "support"),
    ("We do not want that a referendum is held.", [("referendum", "referendum")], "oppose"),
    # A disparaging word names the item to reject it; a descriptive one does not.
    ("He called it a sham ceasefire.", [("truce", "ceasefire")], "oppose"),
    ("This would be a dictator's peace.", [("peace_deal", "peace")], "oppose"),
    ("This is not a fake ceasefire.", [("truce", "ceasefire")], "support"),
    ("This is a fragile ceasefire.", [("truce", "ceasefire")], "neutral"),
    # A consequence the item as subject would have judges it.
    ("A truce now would only prolong the war.", [("truce", "truce")], "oppose"),
    ("A truce now would save lives.", [("truce", "truce")], "support"),
    ("A truce now would not save lives.", [("truce", "truce")], "oppose"),
    ("A truce that would save lives was signed.", [("truce", "truce")], "neutral"),
    # A judgement after a phrase holding the item's own cue composes with the cue.
    ("Calls for a second referendum are premature.", [("referendum", "second referendum")], "oppose"),
    ("Calls for a second referendum are welcome.", [("referendum", "second referendum")], "support"),
    ("They want a deal that is unacceptable to the hardliners.", [("deal", "deal")], "support"),
    (
        "Her call for a second referendum is reportedly facing new opposition from key ministers.",
        [("referendum", "second referendum")], "support",
    ),
    # A judgement in another clause is not the item's.
    ("Talks started because the blockade is unacceptable.", [("talks", "Talks")], "neutral"),
    ("We must decide whether a truce is achievable.", [("truce", "truce")], "neutral"),
    ("A truce is achievable.", [("truce", "truce")], "support"),
    # A verb governing an item governs the items coordinated with it.
    (
        "London ruled out a customs union and the deployment of border posts.",
        [("customs_union", "customs union"), ("border", "border posts")],
        "oppose",
    ),
    (
        "London backed a customs union and the deployment of border posts.",
        [("customs_union", "customs union"), ("border", "border posts")],
        "support",
    ),
    # Words that keep a cue on its item: "the possibility of", "the very idea of".
    ("Washington rules out the possibility of a uranium deal.", [("deal", "uranium deal")], "oppose"),
    ("Tehran rejects the very idea of a freeze.", [("freeze", "freeze")], "oppose"),
    ("Washington rules out new talks in the meantime, pending a uranium deal.", [("deal", "uranium deal")], "neutral"),
    # A demand inside the item's own words.
    ("Israel must free the prisoners.", [("prisoners", "Israel must free the prisoners")], "support"),
    ("Israel must not free the prisoners.", [("prisoners", "Israel must not free the prisoners")], "oppose"),
    ("Our aid (to the region) must continue.", [("aid", "aid (to the region) must continue")], "support"),
    ("Hamas agreed so that the talks can begin.", [("talks", "talks")], "support"),
    # Ruled out until a condition holds: opposed (the frame carries the condition).
    ("There can be no hostage deal unless the siege ends.", [("deal", "hostage deal")], "oppose"),
    ("There can be a hostage deal if the siege ends.", [("deal", "hostage deal")], "neutral"),
    # A deontic modal before an act demands it; a negated one rules it out.
    ("Israel should negotiate with the mediators.", [("talks", "negotiate")], "support"),
    ("Israel should not negotiate with the mediators.", [("talks", "negotiate")], "oppose"),
    # A present-tense negated auxiliary right before an act rules it out; a past report does not.
    ("Under the plan, Iran does not enrich uranium.", [("enrichment", "enrich uranium")], "oppose"),
    ("Under the plan, Iran does enrich uranium.", [("enrichment", "enrich uranium")], "neutral"),
    ("The envoys did not discuss a truce.", [("truce", "truce")], "neutral"),
    # A negative subject denies the act; an editor's bracket does not hide the modal.
    ("Not a single minister would join the alliance.", [("membership", "join the alliance")], "oppose"),
    ("Every minister would join the alliance.", [("membership", "join the alliance")], "support"),
    ("No one in London will accept a customs union.", [("customs_union", "customs union")], "oppose"),
    ('"[We should] release the hostages now," she said.', [("hostages", "release the hostages")], "support"),
    ("He can have a truce tomorrow.", [("truce", "truce")], "support"),
    ("It would be sheer folly to sign a partial hostage deal now.", [("deal", "hostage deal")], "oppose"),
    ("A partial hostage deal would be a grave mistake.", [("deal", "hostage deal")], "oppose"),
    ("The issue of enrichment is not up for negotiation.", [("enrichment", "enrichment")], "support"),
    # "A red line" cuts both ways ("enrichment is our red line" / "expansion is a red line for Moscow").
    ("Enrichment is a red line for us.", [("enrichment", "Enrichment")], "neutral"),
    # A rhetorical question denies what its words state; a plain question does not.
    ("Who would accept a hostage deal like this?", [("deal", "hostage deal")], "oppose"),
    ("Why would we agree to a freeze?", [("freeze", "freeze")], "oppose"),
    ("Would you accept a hostage deal like this?", [("deal", "hostage deal")], "support"),
    # No plan, room or intention for it; loyalty to it; a firm demand; a bleak forecast.
    ("We have no plans for a second referendum.", [("referendum", "second referendum")], "oppose"),
    ("We have plans for a second referendum.", [("referendum", "second referendum")], "support"),
    ("Tehran has no intention of halting enrichment.", [("enrichment", "enrichment")], "support"),
    ("We stand firmly behind a two-state solution.", [("two_states", "two-state solution")], "support"),
    ("Our right to enrichment is non-negotiable.", [("enrichment", "right to enrichment")], "support"),
    ("A hard border would be a disaster.", [("border", "hard border")], "oppose"),
    ("A hard border will never happen.", [("border", "hard border")], "oppose"),
    ("Sanctions will not work.", [("sanctions", "Sanctions")], "oppose"),
    ("Sanctions will work.", [("sanctions", "Sanctions")], "support"),
    # Praise of an effort backs it; turning from a course leaves it.
    ("We appreciate the mediation efforts of Egypt.", [("talks", "mediation efforts")], "support"),
    ("He defended the pivot from pushing for a truce to a full deal.", [("truce", "truce")], "oppose"),
    ("Membership is not a question of if; only the date is open.", [("membership", "Membership")], "support"),
    ("Brussels is not a question of geography.", [("membership", "Brussels")], "neutral"),
]


@pytest.mark.parametrize(("text", "marks", "expected"), SHAPES, ids=[s[0][:45] for s in SHAPES])
def test_shape(mk, text, marks, expected) -> None:
    stances = detect_stances(text, mk(text, marks), speaker="speaker")
    assert stances[-1].stance == expected, stances[-1]


@pytest.mark.parametrize(
    ("judgement", "inner", "expected"),
    [("oppose", "support", "oppose"), ("oppose", "oppose", "support"), ("support", "oppose", "oppose"),
     ("support", None, "support"), ("oppose", None, "oppose")],
)
def test_compose(judgement, inner, expected) -> None:
    assert compose(judgement, inner) == expected


def test_transparent_words_leave_the_gap() -> None:
    words = shape_words(load_language("en"))
    assert strip_transparent(words, " the possibility of ").split() == []
    assert strip_transparent(words, " the border of ").split() == ["the", "border", "of"]


def test_a_codebook_can_add_disparaging_words(mk) -> None:
    text = "It would be a toothless truce."
    marks = [("truce", "truce")]
    (plain,) = detect_stances(text, mk(text, marks))
    assert plain.stance == "neutral"
    lang = load_language("en", extend={"stances": {"disparaging_qualifiers": ["toothless"]}})
    (extended,) = detect_stances(text, mk(text, marks), language=lang)
    assert (extended.stance, extended.cue) == ("oppose", "toothless")


@pytest.mark.parametrize(
    ("text", "marks", "condition", "expected"),
    [
        # The condition of a refusal ("if …, no …"; "not … as long as …") is rejected ...
        (
            "If the agreement means freezing enrichment, there will be no deal.",
            [("freeze", "freezing enrichment"), ("deal", "deal")], "freeze", "oppose",
        ),
        ("We will not sign as long as the blockade continues.", [("deal", "sign"), ("blockade", "blockade")],
         "blockade", "oppose"),
        # ... unless the condition is itself negated, and "unless"/"until" conditions are demanded.
        (
            "If the troops do not leave, it will not be a lasting peace.",
            [("troops", "troops"), ("peace", "lasting peace")], "troops", "support",
        ),
        ("There will be no deal unless enrichment is frozen.", [("deal", "deal"), ("freeze", "enrichment is frozen")],
         "freeze", "support"),
    ],
)
def test_condition_of_a_refusal(mk, text, marks, condition, expected) -> None:
    from rhetoric.frames.detect import detect_frames

    mentions = mk(text, marks)
    frames = detect_frames(text, mentions, speaker="speaker")
    stances = detect_stances(text, mentions, speaker="speaker", frames=frames)
    assert {s.tag: s.stance for s in stances}[condition] == expected
