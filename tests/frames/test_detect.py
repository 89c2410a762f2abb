"""Condition frames from hand-made mentions: every cue shape, polarity, modality, and the non-frames."""

from __future__ import annotations

import pytest

from rhetoric.frames.cues import CueTable, default_cue_table
from rhetoric.frames.detect import detect_frames

# text, marks (tag, phrase), expected (outcomes, conditions, cue, relation, polarity, modality)
FRAME_CASES = [
    pytest.param(
        "Peace negotiations are not possible until Russia carries out a complete withdrawal and restores the "
        "1991 borders.",
        [
            ("negotiations", "Peace negotiations"),
            ("withdrawal", "complete withdrawal"),
            ("borders_1991", "1991 borders"),
        ],
        (
            ("negotiations",),
            ("withdrawal", "borders_1991"),
            "not possible until",
            "precondition",
            "negated",
            "firm",
        ),
        id="not-possible-until",
    ),
    pytest.param(
        "He recently opened up to agreeing to a cease-fire – as long as Ukraine’s NATO membership can be guaranteed.",
        [("ceasefire", "cease-fire"), ("nato_membership", "NATO membership")],
        (("ceasefire",), ("nato_membership",), "as long as", "precondition", "affirmed", "open"),
        id="as-long-as-across-dash",
    ),
    pytest.param(
        "The US should offer to put off NATO membership for Ukraine in exchange for a verifiable peace deal.",
        [("nato_membership", "NATO membership"), ("peace_deal", "peace deal")],
        (("nato_membership",), ("peace_deal",), "in exchange for", "exchange", "affirmed", "open"),
        id="exchange-offer",
    ),
    pytest.param(
        "In return for a ceasefire, Moscow wants sanctions relief.",
        [("ceasefire", "ceasefire"), ("sanctions", "sanctions relief")],
        (("ceasefire",), ("sanctions",), "in return for", "exchange", "affirmed", "neutral"),
        id="exchange-fronted-receiver",
    ),
    pytest.param(
        "Moscow wants the lifting of sanctions in return for a ceasefire.",
        [("sanctions", "lifting of sanctions"), ("ceasefire", "ceasefire")],
        (("ceasefire",), ("sanctions",), "in return for", "exchange", "affirmed", "neutral"),
        id="exchange-receiver-inverts",
    ),
    pytest.param(
        "The alliance has repeatedly stated that Ukraine cannot be granted membership until the war is over.",
        [("nato_membership", "membership"), ("war_end", "war is over")],
        (("nato_membership",), ("war_end",), "until", "precondition", "negated", "firm"),
        id="cannot-until",
    ),
    pytest.param(
        "Moscow presented its peace terms as requiring Kyiv to drop its plans to join NATO, commit to neutral "
        "status and renounce claims to annexed regions.",
        [
            ("peace_deal", "peace terms"),
            ("nato_membership", "join NATO"),
            ("neutrality", "neutral status"),
            ("territorial_concession", "claims to annexed regions"),
        ],
        (
            ("peace_deal",),
            ("nato_membership", "neutrality", "territorial_concession"),
            "requiring",
            "precondition",
            "affirmed",
            "firm",
        ),
        id="requiring-list",
    ),
    pytest.param(
        "Our conditions for starting negotiations are the withdrawal of Russian troops and reparations.",
        [
            ("negotiations", "negotiations"),
            ("withdrawal", "withdrawal of Russian troops"),
            ("accountability", "reparations"),
        ],
        (
            ("negotiations",),
            ("withdrawal", "accountability"),
            "conditions for",
            "precondition",
            "affirmed",
            "neutral",
        ),
        id="conditions-for-are",
    ),
    pytest.param(
        "The Kremlin's conditions for a truce include an end to Western arms deliveries.",
        [("ceasefire", "truce"), ("military_aid", "Western arms deliveries")],
        (("ceasefire",), ("military_aid",), "conditions for", "precondition", "affirmed", "neutral"),
        id="conditions-for-include",
    ),
    pytest.param(
        "A full withdrawal of Russian forces is a precondition for any talks.",
        [("withdrawal", "full withdrawal"), ("negotiations", "talks")],
        (("negotiations",), ("withdrawal",), "a precondition for", "precondition", "affirmed", "neutral"),
        id="precondition-for",
    ),
    pytest.param(
        "If we speak ceasefire, we need security guarantees.",
        [("ceasefire", "ceasefire"), ("security_guarantees", "security guarantees")],
        (("ceasefire",), ("security_guarantees",), "if … need", "precondition", "affirmed", "firm"),
        id="if-need",
    ),
    pytest.param(
        "If we want a lasting peace, Russia has to leave all occupied territory.",
        [("peace_deal", "lasting peace"), ("withdrawal", "leave all occupied territory")],
        (("peace_deal",), ("withdrawal",), "if … has to", "precondition", "affirmed", "hypothetical"),
        id="if-want-hypothetical",
    ),
    pytest.param(
        "If Russia withdraws its troops, we will negotiate.",
        [("withdrawal", "withdraws its troops"), ("negotiations", "negotiate")],
        (("negotiations",), ("withdrawal",), "if", "precondition", "affirmed", "neutral"),
        id="fronted-if",
    ),
    pytest.param(
        "Until Russia pulls out its forces, there will be no negotiations.",
        [("withdrawal", "pulls out its forces"), ("negotiations", "negotiations")],
        (("negotiations",), ("withdrawal",), "until", "precondition", "negated", "neutral"),
        id="fronted-until-negated",
    ),
    pytest.param(
        "Once Russia withdraws its troops, negotiations can begin.",
        [("withdrawal", "withdraws its troops"), ("negotiations", "negotiations")],
        (("negotiations",), ("withdrawal",), "once", "precondition", "affirmed", "neutral"),
        id="fronted-once",
    ),
    pytest.param(
        "Talks could resume once the prisoner exchange is complete.",
        [("negotiations", "Talks"), ("prisoners", "prisoner exchange")],
        (("negotiations",), ("prisoners",), "once", "precondition", "affirmed", "open"),
        id="once-open",
    ),
    pytest.param(
        "We are ready to sign a peace agreement as soon as all prisoners of war are released.",
        [("peace_deal", "peace agreement"), ("prisoners", "prisoners of war")],
        (("peace_deal",), ("prisoners",), "as soon as", "precondition", "affirmed", "open"),
        id="as-soon-as",
    ),
    pytest.param(
        "Russia must withdraw its troops before any negotiations can start.",
        [("withdrawal", "withdraw its troops"), ("negotiations", "negotiations")],
        (("negotiations",), ("withdrawal",), "before", "precondition", "affirmed", "firm"),
        id="must-before",
    ),
    pytest.param(
        "There can be no talks before Russian troops leave Ukraine.",
        [("negotiations", "talks"), ("withdrawal", "Russian troops leave")],
        (("negotiations",), ("withdrawal",), "before", "precondition", "negated", "neutral"),
        id="no-before",
    ),
    pytest.param(
        "We will not negotiate while Russian troops occupy our land.",
        [("negotiations", "negotiate")],
        (("negotiations",), ("other",), "while", "precondition", "negated", "firm"),
        id="not-while-other",
    ),
    pytest.param(
        "There will be no peace without justice.",
        [("peace_deal", "peace"), ("accountability", "justice")],
        (("peace_deal",), ("accountability",), "without", "precondition", "negated", "neutral"),
        id="no-without",
    ),
    pytest.param(
        "Ukraine cannot join NATO without the consent of every member state.",
        [("nato_membership", "join NATO")],
        (("nato_membership",), ("other",), "without", "precondition", "negated", "firm"),
        id="cannot-without-other",
    ),
    pytest.param(
        "Russia is ready for negotiations without any preconditions, Peskov said.",
        [("negotiations", "negotiations")],
        (("negotiations",), (), "without any preconditions", "unconditional", "affirmed", "open"),
        id="without-preconditions",
    ),
    pytest.param(
        "Putin called for an unconditional ceasefire.",
        [("ceasefire", "ceasefire")],
        (("ceasefire",), (), "unconditional", "unconditional", "affirmed", "neutral"),
        id="unconditional-adjective",
    ),
    pytest.param(
        "Russia must first pull out its forces, and only then can talks begin.",
        [("withdrawal", "pull out its forces"), ("negotiations", "talks")],
        (("negotiations",), ("withdrawal",), "must first", "precondition", "affirmed", "firm"),
        id="must-first",
    ),
    pytest.param(
        "Ukraine would agree to a truce only if it receives security guarantees.",
        [("ceasefire", "truce"), ("security_guarantees", "security guarantees")],
        (("ceasefire",), ("security_guarantees",), "only if", "precondition", "affirmed", "firm"),
        id="only-if",
    ),
    pytest.param(
        "Sanctions will stay in place unless Russia pays reparations.",
        [("sanctions", "Sanctions"), ("accountability", "reparations")],
        (("sanctions",), ("accountability",), "unless", "precondition", "affirmed", "neutral"),
        id="unless",
    ),
    pytest.param(
        "A ceasefire is conditional on the return of all deported children.",
        [("ceasefire", "ceasefire"), ("prisoners", "deported children")],
        (("ceasefire",), ("prisoners",), "conditional on", "precondition", "affirmed", "neutral"),
        id="conditional-on",
    ),
    pytest.param(
        "A lasting settlement requires the full restoration of Ukraine's territorial integrity.",
        [("peace_deal", "lasting settlement"), ("borders_1991", "territorial integrity")],
        (("peace_deal",), ("borders_1991",), "requires", "precondition", "affirmed", "firm"),
        id="requires",
    ),
]


@pytest.mark.parametrize(("text", "marks", "expected"), FRAME_CASES)
def test_frame_shapes(mk, text, marks, expected) -> None:
    frames = detect_frames(text, mk(text, marks))
    assert frames, "no frame detected"
    f = frames[0]
    assert (f.outcomes, f.conditions, f.cue, f.relation, f.polarity, f.modality) == expected
    assert text[f.start : f.end].strip()


# Error twins: cue words that must NOT make a frame.
NO_FRAME_CASES = [
    pytest.param(
        "Kiev applied for membership, and while some member states have expressed support, talks stalled.",
        [("nato_membership", "membership"), ("negotiations", "talks")],
        id="concessive-while",
    ),
    pytest.param(
        "Zelensky said he will meet Putin once again in Istanbul.",
        [("negotiations", "meet Putin")],
        id="once-again",
    ),
    pytest.param(
        "He acted as if the ceasefire had never been signed.", [("ceasefire", "ceasefire")], id="as-if"
    ),
    pytest.param("Ukraine needs more weapons.", [("military_aid", "weapons")], id="need-without-outcome"),
    pytest.param("The ceasefire collapsed before dawn.", [("ceasefire", "ceasefire")], id="no-cue"),
    pytest.param("Talks continued long before the war.", [("negotiations", "Talks")], id="long-before"),
    pytest.param(
        "Russia agreed to an exchange of prisoners on an all-for-all basis.",
        [("prisoners", "exchange of prisoners")],
        id="all-for-all-is-no-trade",
    ),
    pytest.param(
        "The truce began after the talks.",
        [("ceasefire", "truce"), ("negotiations", "talks")],
        id="after-without-only",
    ),
]


@pytest.mark.parametrize(("text", "marks"), NO_FRAME_CASES)
def test_no_frame(mk, text, marks) -> None:
    assert [(f.outcomes, f.conditions, f.cue) for f in detect_frames(text, mk(text, marks))] == []


def test_other_condition_keeps_its_words(mk) -> None:
    text = "We are ready for talks as soon as Russia stops shelling our cities."
    (frame,) = detect_frames(text, mk(text, [("negotiations", "talks")]))
    assert frame.conditions == ("other",)
    assert frame.other_conditions == ("Russia stops shelling our cities",)


@pytest.mark.parametrize("roles", [None, {"negotiations": "outcome"}, {"negotiations": "condition"}])
def test_a_tag_is_never_its_own_condition(mk, roles) -> None:
    text = "Talks about talks are impossible until direct talks start."
    marks = [("negotiations", "Talks"), ("negotiations", "talks"), ("negotiations", "direct talks")]
    assert detect_frames(text, mk(text, marks), roles=roles) == []


def test_role_hint_keeps_the_other_tags(mk) -> None:
    text = "A truce and talks are impossible until talks on prisoners start."
    marks = [
        ("ceasefire", "truce"),
        ("negotiations", "talks"),
        ("negotiations", "talks"),
        ("prisoners", "prisoners"),
    ]
    (plain,) = detect_frames(text, mk(text, marks))
    assert (plain.outcomes, plain.conditions) == (("ceasefire",), ("negotiations", "prisoners"))
    (hinted,) = detect_frames(text, mk(text, marks), roles={"negotiations": "outcome"})
    assert (hinted.outcomes, hinted.conditions) == (("ceasefire", "negotiations"), ("prisoners",))


def test_frame_records_identity_fields(mk) -> None:
    text = "No ceasefire without guarantees. Talks only if troops leave."
    marks = [
        ("ceasefire", "ceasefire"),
        ("security_guarantees", "guarantees"),
        ("negotiations", "Talks"),
        ("withdrawal", "troops leave"),
    ]
    frames = detect_frames(text, mk(text, marks), statement_id="s-1", speaker="zelensky", date="2024-12")
    assert [(f.sentence, f.frame_id, f.speaker, f.date) for f in frames] == [
        (0, "s-1#0.1", "zelensky", "2024-12"),
        (1, "s-1#1.1", "zelensky", "2024-12"),
    ]


def test_corpus_cue_extension(mk) -> None:
    text = "A truce is possible in the event that prisoners are swapped."
    marks = [("ceasefire", "truce"), ("prisoners", "prisoners are swapped")]
    assert detect_frames(text, mk(text, marks)) == []
    table = default_cue_table().extended(
        [
            {
                "id": "in_the_event",
                "phrases": ["in the event that"],
                "shape": "post",
                "relation": "precondition",
            }
        ]
    )
    (frame,) = detect_frames(text, mk(text, marks), cues=table)
    assert (frame.outcomes, frame.conditions, frame.cue) == (
        ("ceasefire",),
        ("prisoners",),
        "in the event that",
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"id": "x", "phrases": [], "shape": "post"}, "[frames.cue[0].x.phrases] must be a non-empty list"),
        (
            {"id": "x", "phrases": ["a"], "shape": "sideways"},
            "[frames.cue[0].x.shape] 'sideways' is not one of",
        ),
        (
            {"id": "x", "phrases": ["a"], "shape": "post", "colour": 1},
            "[frames.cue[0].x] unknown key(s): colour",
        ),
        (
            {"id": "x", "phrases": ["a"], "shape": "post", "relation": "swap"},
            "[frames.cue[0].x.relation] 'swap'",
        ),
    ],
)
def test_bad_cue_extension_is_reported(entry, message) -> None:
    from rhetoric.errors import CodebookError

    with pytest.raises(CodebookError) as info:
        CueTable.from_dicts([entry], where="frames.cue")
    assert any(p.startswith(message) for p in info.value.problems), info.value.problems


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ({"colour": 1}, "[frames.colour] unknown key (allowed: cue, opposites)"),
        ({"opposites": [["a"]]}, "[frames.opposites[0]] must be a pair of tag ids"),
        ({"opposites": [["a", "zzz"]]}, "[frames.opposites[0]] unknown tag(s): zzz"),
        ({"cue": [{"id": "x", "phrases": ["p"], "shape": "diagonal"}]}, "[frames.cue[0].x.shape] 'diagonal'"),
    ],
)
def test_frames_table_problems(table, problem) -> None:
    from rhetoric.errors import CodebookError
    from rhetoric.frames.config import FramesConfig

    with pytest.raises(CodebookError) as info:
        FramesConfig.from_codebook_table(table, tag_ids=["a", "b"])
    assert any(p.startswith(problem) for p in info.value.problems), info.value.problems


def test_for_without_an_exchange_verb_does_not_cut_a_condition(mk) -> None:
    text = "Sanctions must not be lifted until Russia pays for the damage."
    frames = detect_frames(text, mk(text, [("sanctions", "Sanctions"), ("accountability", "damage")]))
    assert [(f.outcomes, f.conditions, f.cue) for f in frames] == [
        (("sanctions",), ("accountability",), "until")
    ]
