"""The words skipped between a holder and its verb are looked for only after the head's last mark no
skipped word can hold: the same place as a search from the start of the head."""

from __future__ import annotations

import pytest

from rhetoric.actors import ActorRegistry
from rhetoric.frames.holders import ActorFinder
from rhetoric.lang import load_language

HEADS = (
    "The US and Germany",
    "France, the UK and Germany have also quietly",
    "Kyiv's allies, notably Poland, are still widely said to",
    "they haven’t, perhaps, n't really still also quietly",
    "The US  has\nnever",
    "x’n't",
    "it's surely — really",
    "Kyiv's; also",
    "no marks at all here and then simply",
    "",
    "ſo really; ıt is SAID TO",
)


def _finder(language):
    registry = ActorRegistry.from_dict(
        {"actors": {"us": {"name": "United States", "kind": "state", "aliases": ["US"]}}}
    )
    return ActorFinder(registry, language)


@pytest.mark.parametrize("head", HEADS)
def test_tail_from_the_last_mark_is_the_tail_from_the_start(head):
    finder = _finder(load_language("en"))
    for cut in range(len(head) + 1):
        part = head[:cut]
        blocked = finder._blocked_re.match(part)
        assert (
            finder._tail_re.search(part, blocked.end() if blocked else 0).span()
            == finder._tail_re.search(part).span()
        )


def test_a_gap_in_the_skipped_words_reads_from_the_start():
    finder = _finder(load_language("en", extend={"stances": {"subject_skip": ["said ~2 to"]}}))
    assert finder._blocked_re is None
    text = "The US, it is said, is to back it"
    assert finder.subject_before(text, text.index("back"), 0) == ()
