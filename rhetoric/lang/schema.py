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
    ``forms``    a table ``base = ["form", …]`` (irregular inflections).

Example:
    >>> SCHEMA["verbs"]["irregular"]
    'forms'
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["phrases", "verbs", "forms"]

#: file name (without ``.toml``) → key → kind. Engineers add the keys their stage reads.
SCHEMA: dict[str, dict[str, Kind]] = {
    "verbs": {
        "irregular": "forms",
    },
    "negation": {
        "negators": "phrases",
        "negated_modals": "phrases",
        "negative_determiners": "phrases",
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
    },
    "modality": {
        "firm": "phrases",
        "open": "phrases",
        "hypothetical": "phrases",
        "hedged": "phrases",
        "commitment_ignores_open": "phrases",
    },
}

__all__ = ["SCHEMA", "Kind"]
