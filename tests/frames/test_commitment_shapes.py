"""Commitment shapes (rhetoric/frames/modality.py, words in lang/en/modality.toml), each with its twin.

Sentences written here (Brexit, Gaza hostages, Iran's nuclear file).
"""

from __future__ import annotations

import pytest

from rhetoric.frames.modality import commitment_of
from rhetoric.types import Commitment

CASES = [
    # Readiness denied is a refusal, put firmly; readiness alone is open.
    ("London is not ready to accept a customs union.", Commitment.FIRM),
    ("London is ready to accept a customs union.", Commitment.OPEN),
    ("Tehran is not considering any freeze of enrichment.", Commitment.FIRM),
    ("Tehran is considering a freeze of enrichment.", Commitment.OPEN),
    ("Hamas is not prepared to release the hostages yet.", Commitment.FIRM),
    # "should" demands, like "must"; "could" leaves room.
    ("Israel should allow the aid convoys in.", Commitment.FIRM),
    ("Israel could allow the aid convoys in.", Commitment.OPEN),
    # An institution's "we think" states its position; "I think" keeps a distance.
    ("We think that a customs union is wrong.", Commitment.FIRM),
    ("I think that a customs union is wrong.", Commitment.HEDGED),
    # Doing one's best is a hedge, not a promise.
    ("We will do our best to bring the hostages home.", Commitment.HEDGED),
    ("We will bring the hostages home.", Commitment.FIRM),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:45] for c in CASES])
def test_commitment(text, expected) -> None:
    assert commitment_of(text, has_stance=True) is expected
