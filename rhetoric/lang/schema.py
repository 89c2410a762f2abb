"""What a language package holds: the files, their keys and the kind of each key.

The schema is the engine's side of the contract: the analysis reads exactly these
keys, so a key that is not here is a typo (reported on load), and a file of the
package may leave none of them out.

Kinds:
    ``phrases``  literal phrases (words, ``'`` for either apostrophe, ``~N`` for a gap of
                 up to N words, ``-`` for a hyphen, a space or nothing);
    ``verbs``    phrases whose FIRST word is a verb in its base form; its inflections
                 (``-s``, ``-ed``, ``-ing`` and the irregular forms of ``verbs.irregular``)
                 are generated;
    ``forms``    a table ``base = ["form", …]`` (irregular inflections);
    ``cues``     an array of condition-cue tables (``[[cue]]``, fields in :data:`CUE_FIELDS`).

Example:
    >>> SCHEMA["verbs"]["irregular"]
    'forms'
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["phrases", "verbs", "forms", "cues"]

#: file name (without ``.toml``) → key → kind. Engineers add the keys their stage reads.
SCHEMA: dict[str, dict[str, Kind]] = {
    "verbs": {
        "irregular": "forms",
    },
    "negation": {
        "negators": "phrases",
        "negated_modals": "phrases",
        "negative_determiners": "phrases",
        "negated_auxiliaries": "phrases",
        "not_negations": "phrases",
    },
    # Stances and commitment (rhetoric/frames/stances.py, holders.py, modality.py).
    "stances": {
        "support_verbs": "verbs",
        "support_phrases": "phrases",
        "oppose_verbs": "verbs",
        "oppose_phrases": "phrases",
        "ending_verbs": "verbs",
        "ending_phrases": "phrases",
        "supply_gerunds": "phrases",
        "after_ending": "verbs",
        "after_support": "phrases",
        "goal_markers": "phrases",
        "infinitive_markers": "phrases",
        "determiners": "phrases",
        "adverbs": "phrases",
        "prepositions": "phrases",
        "copulas": "verbs",
        "predicate_support": "phrases",
        "predicate_oppose": "phrases",
        "advocacy_qualifiers": "phrases",
        "coordinators": "phrases",
        "mention_only": "verbs",
        "object_pronouns": "phrases",
        "subordinators": "phrases",
        "subject_skip": "phrases",
        "third_party_holders": "phrases",
        "holder_joins": "phrases",
        "disparaging_qualifiers": "phrases",
        "transparent_nouns": "phrases",
        "extraposed_links": "phrases",
        "complement_verbs": "verbs",
        "consequence_modals": "phrases",
        "consequence_oppose": "phrases",
        "consequence_support": "phrases",
        "relative_pronouns": "phrases",
        "question_openers": "phrases",
        "refusal_cues": "phrases",
        "rhetorical_openers": "phrases",
    },
    "modality": {
        "firm": "phrases",
        "open": "phrases",
        "hypothetical": "phrases",
        "hedged": "phrases",
        "commitment_ignores_open": "phrases",
    },
}

# --- frames: condition cues and the clause words the frame shapes read -------------------------------
SCHEMA["cues"] = {"cue": "cues"}
SCHEMA["frames"] = {
    "boundary_words": "phrases",
    "boundary_after_comma": "phrases",
    "reporting_verbs": "verbs",
    "weak_after_comma": "phrases",
    "continuers": "phrases",
    "fronting_fillers": "phrases",
    "negative_words": "phrases",
    "negated_possibility": "phrases",
    "demand_modals": "phrases",
    "modals": "phrases",
    "copulas": "phrases",
    "then_words": "phrases",
    "receive_verbs": "verbs",
    "exchange_verbs": "verbs",
    "wish_verbs": "verbs",
    "only": "phrases",
    "temporal_prefixes": "phrases",
    "temporal": "phrases",
    "anaphors": "phrases",
    "resumptive_subjects": "phrases",
    "purpose_link": "phrases",
    "infinitive_verbs": "verbs",
    "object_infinitive_verbs": "verbs",
    "infinitive_words": "phrases",
    "embedded_openers": "phrases",
    "conjunct_coordinators": "phrases",
    "conjunct_verbs": "phrases",
    "conjunct_pronouns": "phrases",
    "conjunct_determiners": "phrases",
    "concessive_openers": "phrases",
    "relative_openers": "phrases",
    "attribution_verbs": "phrases",
    "futile_predicates": "phrases",
}
#: How a cue places outcome and condition around itself (see ``en/cues.toml``).
CUE_SHAPES = ("post", "pre", "conditions_are", "no_without", "exchange", "must_first", "unconditional", "x_for_y")
#: What a cue needs in its clause to count (empty: nothing).
CUE_REQUIRES = ("", "negation", "only", "exchange_verb", "modal", "demand")
#: Where a cue may stand: anywhere, only opening its clause ("To end the war, …"), or never opening it.
CUE_POSITIONS = ("any", "fronted", "inline")
CUE_RELATIONS = ("precondition", "exchange", "unconditional")
#: Field → kind of one ``[[cue]]`` table: ``text``, ``phrases`` (see above), ``flag`` (bool) or a tuple of choices.
CUE_FIELDS: dict[str, object] = {
    "id": "text",
    "phrases": "phrases",
    "shape": CUE_SHAPES,
    "relation": CUE_RELATIONS,
    "requires": CUE_REQUIRES,
    "position": CUE_POSITIONS,
    "not_before": "phrases",
    "not_after": "phrases",
    "next_word_ends": "phrases",
    "flip_on_demand": "flag",
    "infinitive": "flag",
    "nearest_outcome": "flag",
    "unstated": "flag",
    "looks_back": "flag",
}

__all__ = ["CUE_FIELDS", "CUE_POSITIONS", "CUE_REQUIRES", "CUE_SHAPES", "SCHEMA", "Kind"]
