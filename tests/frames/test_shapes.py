"""Frame shapes of real rhetoric (necessity, basis, sequence, means, purpose, anaphora) through two codebooks.

Each shape is tested with sentences written for these tests, once with the shipped
codebook (a war) and once with a small codebook of another negotiation (hostages and a
truce), so a shape is a pattern of English, not of one conflict; the negative twins are
the same words used for something else ("a report based on interviews", "after the
meeting, he said", "agreed to end the war", "so that's why").
"""

from __future__ import annotations

import pytest

from rhetoric.analyzer import Analyzer


def pairs(analyzer: Analyzer, text: str) -> set[tuple[str, str]]:
    return {
        (o, c)
        for f in analyzer.analyze_text(text).frames
        for o in f.outcomes
        for c in f.conditions
        if "other" not in (o, c)
    }


# shape, text, expected (outcome, condition) pairs — with the hostages codebook
HOSTAGE_CASES = [
    ("necessity", "Mediators stressed the necessity of a lasting truce for any hostage release.",
     {("hostages", "truce")}),
    ("vital-for", "Aid deliveries are vital for any truce.", {("truce", "aid")}),
    ("based-on", "The talks should be based on a prisoner exchange.", {("talks", "prisoners")}),
    ("on-the-basis-of", "A truce can be agreed on the basis of a prisoner exchange.", {("truce", "prisoners")}),
    ("only-way", "Talks are the only way to bring the hostages home.", {("hostages", "talks")}),
    ("first-steps-toward", "One of the first steps toward a permanent end to the war could be a truce.",
     {("war_end", "truce")}),
    ("after-modal", "We can discuss a prisoner exchange after the hostages are freed.",
     {("prisoners", "hostages")}),
    ("by-gerund", "Israel could end the war by withdrawing its troops from the city.",
     {("war_end", "pullback")}),
    ("in-order-to", "Hamas must free the hostages in order to get a truce.", {("truce", "hostages")}),
    ("fronted-to", "To end the war, both sides must agree on a prisoner exchange.", {("war_end", "prisoners")}),
    ("for-y-to-be", "For the truce to be durable, aid trucks must enter every day.", {("truce", "aid")}),
    ("inverted-if", "Should the truce collapse, the hostages would be at risk.", {("hostages", "truce")}),
    ("anaphor-this", "The army must pull back from the city. There will be no talks until this happens.",
     {("talks", "pullback")}),
    ("anaphor-such", "Both sides agreed to a truce. Such a step is vital for the release of the hostages.",
     {("hostages", "truce")}),
    ("pave-the-way", "The truce would pave the way for talks.", {("talks", "truce")}),
    ("ultimately", "They agreed to a truce and, ultimately, a permanent end to the war.", {("war_end", "truce")}),
    ("through", "The hostages can only be freed through talks.", {("hostages", "talks")}),
    ("as-part-of", "As part of the truce, Hamas released the hostages.", {("truce", "hostages")}),
    ("step-toward", "The release of the prisoners is a first step toward a truce.", {("truce", "prisoners")}),
    ("best-way-is", "The best way to bring the hostages home is a truce.", {("hostages", "truce")}),
    # The same words used for something else: no frame.
    ("based-on-report", "A report based on talks with former hostages was published.", set()),
    ("after-time", "After the talks in Doha, the minister said the hostages were safe.", set()),
    ("after-no-modal", "Prisoners were moved after the truce began.", set()),
    ("by-agent", "The prisoners were released by the army near the truce line.", set()),
    ("through-time", "The truce held through the night.", set()),
    ("need-for-no-link", "Mediators stressed the need for aid and a truce.", set()),
    ("means-noun", "Aid is used as a means of pressure on the talks.", set()),
    ("once-again", "The talks resumed once again on Monday with the hostages' families present.", set()),
    ("these-noun", "We discussed a truce. Once these drafts are ready, talks will continue.", set()),
    # A mention that runs over its cue ("to end the war") counts on the side it starts in.
    ("needed-to", "A truce is needed to end the war.", {("war_end", "truce")}),
    ("purpose-to", "Israel must pull back its troops to end the war.", {("war_end", "pullback")}),
    # … but "to" completing the word before it, or a further item of a list, states no purpose.
    ("want-to", "Both sides agreed on a truce and want to end the war.", set()),
    ("urged-to", "Mediators urged both sides to end the war during the truce.", set()),
    ("infinitive-list", "The plan is to free the hostages, to end the war, and to rebuild the city.", set()),
    ("to-allow", "Israel extended the truce to allow talks.", {("talks", "truce")}),
    ("refused-to-allow", "Israel refused to allow aid trucks in during the truce.", set()),
    ("only-possible-with", "Talks are only possible with a truce in place.", {("talks", "truce")}),
    ("can-only-follow", "A truce can only follow the release of the hostages.", {("truce", "hostages")}),
    # A clause inside the outcome ("while the talks go on") is not what the condition buys.
    ("embedded-while", "Aid trucks will keep moving while the talks go on, unless the truce collapses.",
     {("aid", "truce")}),
    ("in-that-case", "Hamas may free the hostages. In that case, a truce can follow.", {("truce", "hostages")}),
    ("or-risk", "Hamas must free the hostages or risk the collapse of the truce.", {("truce", "hostages")}),
    ("so-that", "Israel should let aid trucks in so that the talks can resume.", {("talks", "aid")}),
    ("so-that-is", "The talks stalled, so that's why aid trucks wait at the border.", set()),
    # Means attach to the nearest predicate, not to the subject.
    ("by-nearest", "The talks could secure a truce by freeing the prisoners.", {("truce", "prisoners")}),
    # A cue inside a fronted condition is part of it.
    ("inside-fronted-if", "If the truce means a pullback of troops, there will be talks.",
     {("talks", "truce"), ("talks", "pullback")}),
    ("demands-noun", "The talks stalled over Hamas demands, and aid trucks wait at the border.", set()),
    ("and-for-y-to-be", "Mediators want a truce and for the truce to hold, aid trucks must enter every day.",
     {("truce", "aid")}),
    # A pronoun standing for the purpose's outcome ("it", "they") hands it the cue after it.
    ("for-y-to-it-must-include", "For the truce to hold, it must include daily aid deliveries.", {("truce", "aid")}),
    ("for-y-to-they-modal", "For the talks to succeed, they would have to include a prisoner exchange.",
     {("talks", "prisoners")}),
    # Without a fronted purpose the pronoun stands for nothing the sentence names.
    ("it-must-include-alone", "It must include daily aid deliveries, the minister said of the truce.", set()),
    ("this-goal", "There will be talks after the pullback. This goal can only be reached through a truce.",
     {("talks", "pullback"), ("talks", "truce")}),
]

# the same shapes with the shipped codebook
WAR_CASES = [
    ("necessity", "He underlined the necessity of a full ceasefire for any peace agreement.",
     {("peace_deal", "ceasefire")}),
    ("vital-for", "Security guarantees are vital for a lasting peace.", {("peace_deal", "security_guarantees")}),
    ("based-on", "Any negotiations should be based on the withdrawal of Russian troops.",
     {("negotiations", "withdrawal")}),
    ("on-the-basis-of", "The war must end on the basis of negotiations.", {("war_end", "negotiations")}),
    ("after-modal", "We can negotiate after the withdrawal of their troops.", {("negotiations", "withdrawal")}),
    ("by-gerund", "Russia could end the war by withdrawing its troops.", {("war_end", "withdrawal")}),
    ("for-y-to-be", "For peace to be durable, sanctions must stay in place.", {("peace_deal", "sanctions")}),
    ("for-y-to-it-must-include", "For any ceasefire to last, it must include security guarantees.",
     {("ceasefire", "security_guarantees")}),
    ("for-y-to-be-it-has-to", "For the peace deal to be credible, it has to be backed by security guarantees.",
     {("peace_deal", "security_guarantees")}),
    ("to-y-it-must-include", "To end the war, it must include a full withdrawal of troops.",
     {("war_end", "withdrawal")}),
    ("anaphor-this", "Russia must withdraw its troops. There can be no negotiations until this happens.",
     {("negotiations", "withdrawal")}),
    ("pave-the-way", "A ceasefire would pave the way for a peace agreement.", {("peace_deal", "ceasefire")}),
    ("step-toward", "A ceasefire is a first step towards negotiations.", {("negotiations", "ceasefire")}),
    ("based-on-report", "A report based on negotiations records was published.", set()),
    ("after-time", "After the negotiations in Istanbul, he said the ceasefire was holding.", set()),
    ("or-face", "Russia must agree to a ceasefire or face new sanctions.", {("sanctions", "ceasefire")}),
    ("needed-to", "Sanctions are needed to end the war.", {("war_end", "sanctions")}),
    ("pushed-to", "Sanctions pushed Russia to end the war.", set()),
    ("purpose-to", "Ukraine would have to cede territory to end the war.", {("war_end", "territorial_concession")}),
    ("so-that", "A ceasefire is needed so that negotiations can begin.", {("negotiations", "ceasefire")}),
    ("only-way-out", "The only way out of this war is negotiations.", {("war_end", "negotiations")}),
    ("way-out-after", "Negotiations are the only way out of this war.", {("war_end", "negotiations")}),
    ("by-nearest", "The plan would stop the fighting by withdrawing troops from the front line.",
     {("ceasefire", "withdrawal")}),
    ("a-must-for", "Security guarantees are a must for any peace deal.", {("peace_deal", "security_guarantees")}),
    ("open-the-door", "A ceasefire would open the door to negotiations.", {("negotiations", "ceasefire")}),
    ("accompanied-by", "Any ceasefire must be accompanied by security guarantees.",
     {("ceasefire", "security_guarantees")}),
    ("would-follow", "The easing of sanctions would follow a full withdrawal of troops.", {("sanctions", "withdrawal")}),
    ("follow-closely", "We will follow the negotiations closely.", set()),
    ("only-with", "Russia will negotiate only with a legitimate president.", {("negotiations", "leadership")}),
    ("embedded-after", "Sanctions will stay in place after a ceasefire is agreed unless Russia withdraws its troops.",
     {("sanctions", "ceasefire"), ("sanctions", "withdrawal")}),
    ("in-that-case", "Russia must withdraw its troops. In that case, negotiations can start.",
     {("negotiations", "withdrawal")}),
    ("if-so", "Russia may withdraw its troops. If so, negotiations can start.", {("negotiations", "withdrawal")}),
    ("in-this-case-instance", "Talks resumed. In this case, the ceasefire was short.", set()),
    ("whenever", "Negotiations are possible whenever Russia agrees to a ceasefire.", {("negotiations", "ceasefire")}),
    ("must-come-with", "Any ceasefire must come with security guarantees.", {("ceasefire", "security_guarantees")}),
    ("not-at-the-price", "We are ready for a ceasefire, but not at the price of territorial concessions.",
     {("ceasefire", "territorial_concession")}),
    # An agent's demand is a stance, not a condition; "after the war" alone is a time.
    ("agent-demands", "The memorandum demands a ban on foreign troops.", set()),
    ("after-the-war-time", "Ukraine will have its 1991 borders back after the war.", set()),
    ("after-the-war-clause", "Ukraine will get security guarantees after the war is over and the troops withdraw.",
     {("security_guarantees", "war_end"), ("security_guarantees", "withdrawal")}),
]


@pytest.mark.parametrize(("shape", "text", "expected"), HOSTAGE_CASES, ids=[c[0] for c in HOSTAGE_CASES])
def test_shapes_with_other_negotiation(hostages, shape, text, expected) -> None:
    assert pairs(hostages, text) == expected


@pytest.mark.parametrize(("shape", "text", "expected"), WAR_CASES, ids=[c[0] for c in WAR_CASES])
def test_shapes_with_shipped_codebook(war, shape, text, expected) -> None:
    assert pairs(war, text) == expected


@pytest.mark.parametrize(
    ("text", "relation", "polarity"),
    [
        ("The army must pull back from the city. There will be no talks until this happens.",
         "precondition", "negated"),
        ("Hamas will free ten hostages in exchange for a truce.", "exchange", "affirmed"),
        ("A truce can be agreed on the basis of a prisoner exchange.", "precondition", "affirmed"),
    ],
)
def test_relation_and_polarity(hostages, text, relation, polarity) -> None:
    frames = [f for f in hostages.analyze_text(text).frames if "other" not in f.conditions]
    assert [(f.relation, f.polarity) for f in frames] == [(relation, polarity)]
