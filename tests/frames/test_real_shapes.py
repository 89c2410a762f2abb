"""Shapes of real rhetoric that decide shifts: whole frames (other conditions, relation, polarity) read right.

A shift compares frames whole, so these tests read every frame of a sentence as
``(outcomes, conditions, relation, polarity)``, ``other`` included, unlike the role-pair
tests of ``test_shapes.py``. Each shape is a pattern of English written for these tests,
run through the shipped codebook (a war) and a codebook of another negotiation (hostages
and a truce), each with a negative twin.
"""

from __future__ import annotations

import pytest

from rhetoric.analyzer import Analyzer


def frames(analyzer: Analyzer, text: str) -> set[tuple[str, str, str, str]]:
    """Every frame as ``("a,b", "c", relation, polarity)``."""
    return {
        (",".join(f.outcomes), ",".join(f.conditions), f.relation, f.polarity)
        for f in analyzer.analyze_text(text).frames
    }


# shape, text, expected frames — with the shipped codebook
WAR_CASES = [
    # 1. A negation belongs to its own conjunct: a coordinated predicate or clause ends its reach.
    ("negation-first-conjunct", "He was not upset and was ready to hold talks once the troops withdraw.",
     {("negotiations", "withdrawal", "precondition", "affirmed")}),
    ("negation-reporting-conjunct", "He did not reject a ceasefire and said talks can start once the troops withdraw.",
     {("negotiations", "withdrawal", "precondition", "affirmed")}),
    ("negation-own-conjunct", "Russia will not accept a truce and will not negotiate until the troops withdraw.",
     {("negotiations", "withdrawal", "precondition", "negated")}),
    ("negation-noun-list", "There will be no ceasefire and no talks until the troops withdraw.",
     {("ceasefire,negotiations", "withdrawal", "precondition", "negated")}),
    ("negation-one-predicate", "Talks are not possible until the troops withdraw.",
     {("negotiations", "withdrawal", "precondition", "negated")}),
    # 2. The same word or number on both sides of "for" is the rate of a swap, not an exchange.
    ("like-for-like-words", "Russia and Ukraine agreed to exchange their prisoners all for all, an aide said.", set()),
    ("like-for-like-numbers", "The sides will swap prisoners 1,200 for 1,200 soldiers next month.", set()),
    ("land-for-peace", "Kyiv will never trade territorial concessions for a ceasefire.",
     {("territorial_concession", "ceasefire", "exchange", "negated")}),
    # 3. A condition named but left open: the outcome of the cue's clause waits on `other`.
    ("when-time-right", "Ukraine can join NATO when the time is right.",
     {("nato_membership", "other", "precondition", "affirmed")}),
    ("when-time-right-fronted", "When the time is right, Ukraine will become a NATO member.",
     {("nato_membership", "other", "precondition", "affirmed")}),
    ("once-conditions-met", "Sanctions will be lifted once all the conditions are met.",
     {("sanctions", "other", "precondition", "affirmed")}),
    ("when-conditions-allow", "Ceasefire talks can resume when security conditions allow.",
     {("ceasefire,negotiations", "other", "precondition", "affirmed")}),
    ("at-the-right-time", "Ukraine will join NATO at the right time.",
     {("nato_membership", "other", "precondition", "affirmed")}),
    ("came-at-the-right-time", "The truce came at the right time, and talks will follow.", set()),
    ("time-is-right-no-outcome", "The time is right for a new approach.", set()),
    # 4. Backing an outcome while reserving conditions the speaker does not state.
    ("reserved-but-there-are", "We support the ceasefire, but there are conditions that need to be discussed.",
     {("ceasefire", "other", "precondition", "affirmed")}),
    ("conditions-for-set-out", "Moscow set out its conditions for a ceasefire on Tuesday.",
     {("ceasefire", "other", "precondition", "affirmed")}),
    ("conditions-for-stated", "Our conditions for a ceasefire are a full withdrawal of Russian troops.",
     {("ceasefire", "withdrawal", "precondition", "affirmed")}),
    ("with-caveats", "Kyiv accepted the peace plan with caveats.", {("peace_deal", "other", "precondition", "affirmed")}),
    ("other-conditions-next-sentence",
     "The war can only end after a full withdrawal. There are other conditions, but they come later.",
     {("war_end", "withdrawal", "precondition", "affirmed"), ("war_end", "other", "precondition", "affirmed")}),
    ("conditions-on-the-ground", "The ceasefire holds, but there are conditions on the ground that worry us.", set()),
    ("steps-needed-for", "The second part lists the steps needed for a lasting ceasefire.",
     {("ceasefire", "other", "precondition", "affirmed")}),
    ("what-it-would-take", "We discussed what it would take to end the war.",
     {("war_end", "other", "precondition", "affirmed")}),
    ("en-dash-compound", "The memo lists steps to be taken so that a long–term ceasefire can hold.",
     {("ceasefire", "other", "precondition", "affirmed")}),
    ("took-steps-to", "He took steps to end the war.", set()),
    ("comply-with-conditions", "The ceasefire holds, and Russia must comply with conditions set by the monitors.",
     set()),
    ("humanitarian-conditions", "The ceasefire holds, but the humanitarian conditions that must improve are dire.",
     set()),
    ("living-conditions", "Living conditions for prisoners of war are poor.", set()),
    # 5. A concessive clause with a named subject reports another actor's position, not the speaker's.
    ("concessive-third-party",
     "He said a ceasefire is close, even though Kyiv has refused any peace deal requiring territorial concessions.",
     set()),
    ("despite-the-fact-third-party", "We back a ceasefire, despite the fact that Moscow insists talks can only "
     "start after a withdrawal.", set()),
    ("despite-noun-phrase", "We will not accept a ceasefire despite US pressure until Russia withdraws.",
     {("ceasefire", "withdrawal", "precondition", "negated")}),
    ("concessive-fronted-main-clause", "Even though Russia wants peace, talks can only start after a withdrawal.",
     {("negotiations", "withdrawal", "precondition", "affirmed")}),
    ("concessive-speaker", "We will sign the peace deal, although only if Russia withdraws.",
     {("peace_deal", "withdrawal", "precondition", "affirmed")}),
    ("concessive-first-person", "We agree, although I think talks can only start after a withdrawal.",
     {("negotiations", "withdrawal", "precondition", "affirmed")}),
    ("concessive-determiner-name", "We agree, although the US thinks talks can only start after a withdrawal.",
     set()),
    ("concessive-after-cue", "Talks can only start after a withdrawal, although Russia disagrees.",
     {("negotiations", "withdrawal", "precondition", "affirmed")}),
    # Words that look like a negation and negate nothing.
    ("no-later-than", "If Russia withdraws its troops, this war will be over no later than March.",
     {("war_end", "withdrawal", "precondition", "affirmed")}),
    ("no-talks-twin", "There can be no talks until Russia withdraws.",
     {("negotiations", "withdrawal", "precondition", "negated")}),
    # A time, not a condition: when something was said or issued; a cue in a relative clause without a modal.
    ("said-after", "Sanctions will stay, the minister said after a meeting in Brussels.", set()),
    ("told-after", "Military aid will flow, the minister told reporters after a meeting in Brussels.", set()),
    ("said-then-after", "He said talks can start after the withdrawal of Russian troops.",
     {("negotiations", "withdrawal", "precondition", "affirmed")}),
    ("issued-after", "Military aid will resume, according to a statement issued after the negotiations in Riyadh.",
     set()),
    ("relative-after", "The best guarantee would be a deal based on the talks that took place after the invasion.",
     set()),
    # A negation inside a purpose is what the outcome says; before the cue it rules the link out.
    ("negation-in-purpose", "A ceasefire is needed to guarantee that Russia will not return to the war.",
     {("security_guarantees", "ceasefire", "precondition", "affirmed")}),
    ("negation-before-cue", "A ceasefire is not a precondition for talks.",
     {("negotiations", "ceasefire", "precondition", "negated")}),
    ("negated-consequence", "Freezing the conflict won't bring peace.",
     {("peace_deal", "ceasefire", "precondition", "negated")}),
    ("affirmed-consequence", "A ceasefire would lead to a peace deal.",
     {("peace_deal", "ceasefire", "precondition", "affirmed")}),
    # "unconditional" describes its own noun.
    ("unconditional-adjective", "We want an unconditional, lasting ceasefire and a just peace deal.",
     {("ceasefire", "", "unconditional", "affirmed")}),
    ("unconditional-predicate", "The ceasefire must be unconditional.", {("ceasefire", "", "unconditional", "affirmed")}),
    # A fronted condition reaches past "it was agreed that" to what was agreed.
    ("fronted-past-reporting", "Once both plans are on the table, the sides agreed that negotiations would continue.",
     {("negotiations", "other", "precondition", "affirmed")}),
    ("fronted-main-has-mention", "If Russia withdraws, sanctions will be eased, he said that day.",
     {("sanctions", "withdrawal", "precondition", "affirmed")}),
    # "X without Y is impossible / an illusion / will not work" rules X out without Y, like "no X without Y".
    ("without-illusion", "Any talk of security guarantees without the Russian side is an illusion.",
     {("security_guarantees", "other", "precondition", "negated")}),
    ("without-will-not-work", "A ceasefire without security guarantees will not work.",
     {("ceasefire", "security_guarantees", "precondition", "negated")}),
    ("without-plain", "Talks without the Russian side went ahead.", set()),
    ("without-relative-negation", "We will hold talks without the Russian side, which does not want peace.", set()),
    # A relative clause on the outcome side describes the noun before it.
    ("relative-antecedent", "Kyiv accepted a 30-day ceasefire, which can be extended, and which is subject to "
     "approval by the Russian side.", {("ceasefire", "other", "precondition", "affirmed")}),
    ("relative-no-antecedent", "Kyiv said that, which is subject to approval by the Russian side, is fine.", set()),
    ("relative-modal-after", "We want a peace deal that can be signed after the withdrawal of Russian troops.",
     {("peace_deal", "withdrawal", "precondition", "affirmed")}),
]

# the same shapes with the hostages codebook
HOSTAGE_CASES = [
    ("negation-first-conjunct", "The mediator was not pessimistic and was ready to resume talks once the army pulls back.",
     {("talks", "pullback", "precondition", "affirmed")}),
    ("negation-new-clause", "The army has not pulled back and the talks will resume once the hostages are freed.",
     {("talks", "hostages", "precondition", "affirmed")}),
    ("negation-own-conjunct", "Hamas will not free hostages and will not join talks until the army pulls back.",
     {("talks", "pullback", "precondition", "negated")}),
    ("negation-noun-list", "There will be no truce and no hostage release until the army pulls back.",
     {("truce,hostages", "pullback", "precondition", "negated")}),
    ("like-for-like-words", "Hostages will be exchanged one for one with prisoners on Sunday.", set()),
    ("like-for-like-quoted", "Prisoners will be exchanged \"all for all\", the mediator said.", set()),
    ("hostages-for-prisoners", "Hamas will swap hostages for prisoners.",
     {("hostages", "prisoners", "exchange", "affirmed")}),
    ("when-moment-comes", "The hostages will come home when the moment comes.",
     {("hostages", "other", "precondition", "affirmed")}),
    ("once-conditions-in-place", "Once the conditions are in place, aid trucks will enter.",
     {("aid", "other", "precondition", "affirmed")}),
    ("reserved-issues", "Hamas welcomed the truce but said there are issues to be settled first.",
     {("truce", "other", "precondition", "affirmed")}),
    ("conditions-for-talks", "The mediators spelled out conditions for renewed talks.",
     {("talks", "other", "precondition", "affirmed")}),
    ("detention-conditions", "Humanitarian conditions for detainees have worsened.", set()),
    ("issues-no-outcome", "There are issues to be settled before Friday.", set()),
    ("concessive-third-party", "Talks resumed, although Hamas insists hostages will be freed only after a pullback.",
     set()),
    ("concessive-we", "Talks resumed, although we insist hostages will be freed only after a pullback.",
     {("hostages", "pullback", "precondition", "affirmed")}),
    ("without-dead-end", "Any truce without a hostage release is a dead end.",
     {("truce", "hostages", "precondition", "negated")}),
    ("negated-consequence", "A truce will not lead to the release of the hostages.",
     {("hostages", "truce", "precondition", "negated")}),
    ("without-went-ahead", "Talks without the mediators went ahead.", set()),
    ("unconditional-noun-only", "Hamas demands an unconditional truce before any hostage release.",
     {("truce", "", "unconditional", "affirmed"), ("hostages", "truce", "precondition", "affirmed")}),
]


@pytest.mark.parametrize(("shape", "text", "expected"), WAR_CASES, ids=[c[0] for c in WAR_CASES])
def test_real_shapes_with_shipped_codebook(war, shape, text, expected) -> None:
    assert frames(war, text) == expected


@pytest.mark.parametrize(("shape", "text", "expected"), HOSTAGE_CASES, ids=[c[0] for c in HOSTAGE_CASES])
def test_real_shapes_with_other_negotiation(hostages, shape, text, expected) -> None:
    assert frames(hostages, text) == expected


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("talks – once they withdraw", ["–"]),
        ("talks—once they withdraw", ["—"]),
        ("a long–term truce", []),
        ("the Russian–Ukrainian talks", []),
    ],
)
def test_an_en_dash_inside_a_compound_is_no_boundary(text, cut) -> None:
    from rhetoric.frames.clauses import boundaries

    assert [text[a:b].strip() for a, b in boundaries(text)] == cut
