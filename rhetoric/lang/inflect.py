"""Regular verb inflection (English): the engine that turns base forms in the data into every form.

Irregular forms come from the language data (``verbs.irregular``); these rules only
cover the regular spelling changes, and over-generating a form no one writes is harmless
for matching.

Example:
    >>> english_forms("support")
    ('support', 'supports', 'supported', 'supporting')
    >>> english_forms("urge")
    ('urge', 'urges', 'urged', 'urging')
    >>> english_forms("stop")
    ('stop', 'stops', 'stopped', 'stopping')
    >>> english_forms("deny")
    ('deny', 'denies', 'denied', 'denying')
"""

from __future__ import annotations

_VOWELS = set("aeiou")


def _syllables(word: str) -> int:
    groups, prev = 0, False
    for ch in word:
        v = ch in _VOWELS or ch == "y" and groups
        if v and not prev:
            groups += 1
        prev = v
    return groups


def _doubles(word: str) -> bool:
    """Short consonant-vowel-consonant verbs double their last letter (stop → stopped)."""
    return (
        len(word) >= 3
        and _syllables(word) == 1
        and word[-1] not in _VOWELS | set("wxy")
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def english_forms(base: str) -> tuple[str, ...]:
    """The base form and its regular -s, -ed and -ing forms, in that order."""
    w = base.lower()
    if w.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = w + "es"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        third = w[:-1] + "ies"
    else:
        third = w + "s"
    if w.endswith("e"):
        past = w + "d"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        past = w[:-1] + "ied"
    elif _doubles(w):
        past = w + w[-1] + "ed"
    else:
        past = w + "ed"
    if w.endswith("ie"):
        gerund = w[:-2] + "ying"
    elif w.endswith("e") and not w.endswith(("ee", "ye", "oe")) and len(w) > 2:
        gerund = w[:-1] + "ing"
    elif _doubles(w):
        gerund = w + w[-1] + "ing"
    else:
        gerund = w + "ing"
    return (base, third, past, gerund)


#: language code → regular inflection of a base verb.
INFLECTORS = {"en": english_forms}

__all__ = ["INFLECTORS", "english_forms"]
