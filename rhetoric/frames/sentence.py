"""One sentence as the frame shapes read it: mentions, cue hits, clause regions; and a frame proposal.

:class:`Sentence` holds what :mod:`rhetoric.frames.detect` and :mod:`rhetoric.frames.scope` need
of one sentence (its mentions, the mentions and frame outcomes of the sentence before, clause
boundaries, cue hits); :class:`Proposal` is what one cue proposes before tags are resolved.

Example:
    >>> from rhetoric.frames.clauses import frame_words
    >>> s = Sentence("Talks resumed, but a truce failed.", (0, 34), [], frame_words())
    >>> s.clause_start(20)
    18
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Mention
from ..types import Span
from .clauses import FrameWords, boundaries, region_after, region_before
from .cues import CueHit
from .lexicon import Scanner

#: Punctuation right after a cue (closing quotes first): the clause ends there.
CLAUSE_PUNCT = re.compile(r"[\s\"'”’»)\]]*[,.;:!?]")
#: An outcome or condition side this short that holds only an anaphor ("until this happens") points back.
_MAX_ANAPHOR_WORDS = 6


def required_words(words: FrameWords, requires: str) -> re.Pattern[str] | Scanner:
    """The word class a cue's ``requires`` names (see ``cues.toml``)."""
    return {
        "negation": words.negation,
        "only": words.only,
        "exchange_verb": words.exchange_verb,
        "modal": words.modal,
        "demand": words.modal_demand,
    }[requires]


@dataclass(frozen=True)
class Proposal:
    outcomes: tuple[Mention, ...]
    conditions: tuple[Mention, ...]
    other_text: str
    other_span: Span | None
    cue_start: int
    cue_end: int
    cue_text: str
    relation: str
    negated: bool
    region: Span


class Sentence:
    """Mentions, cues and boundaries of one sentence, with the region helpers the shapes need."""

    def __init__(
        self,
        text: str,
        span: Span,
        mentions: Sequence[Mention],
        words: FrameWords,
        previous: Sequence[Mention] = (),
        previous_outcomes: Sequence[Mention] = (),
    ) -> None:
        self.text = text
        self.start, self.end = span
        self.mentions = mentions
        self.words = words
        #: Mentions of the sentence before (what an anaphor "this", "such a step" may point back to).
        self.previous = previous
        #: Outcomes of the frames of the sentence before: what "this goal" on an outcome side points back to.
        self.previous_outcomes = previous_outcomes
        self.bounds = boundaries(text, self.start, self.end, words=words)
        self.hits: list[CueHit] = []
        self.hit_starts: list[int] = []
        self.fronted_until = self.start
        #: The fronted clause that made a frame ("If this means X, …"): a cue inside it makes none.
        self.inner: Span = (self.start, self.start)

    def set_hits(self, hits: list[CueHit]) -> None:
        # "an unconditional ceasefire" describes its noun and opens no region: it cuts none.
        self.hits = hits
        self.hit_starts = [h.start for h in hits if h.cue.shape != "unconditional"]

    def anaphor(
        self, a: int, b: int, other: Sequence[Mention] = (), *, outcome: bool = False
    ) -> tuple[Mention, ...]:
        """What a short side with an anaphor ("this", "such a step") points back to.

        The nearest mention before ``a`` in the sentence that is not on the frame's other
        side, else (an outcome side) the outcomes of the frames of the sentence before, else
        the last mention of the sentence before; nothing when ``text[a:b]`` is longer than a
        few words or has no anaphor.
        """
        if b <= a or len(self.text[a:b].split()) > _MAX_ANAPHOR_WORDS:
            return ()
        if not self.words.anaphor.search(self.text, a, b):
            return ()
        before = [m for m in self.mentions if m.end <= a and m not in other]
        if before:
            return (before[-1],)
        if outcome and self.previous_outcomes:
            # "We can talk after they withdraw. This goal can be reached through X": the goal is the talks.
            return tuple(self.previous_outcomes)
        return (self.previous[-1],) if self.previous else ()

    def inside(self, a: int, b: int) -> tuple[Mention, ...]:
        """Mentions that start in ``[a, b)``: a long mention ("the plan aims to stop the war") may run past."""
        return tuple(m for m in self.mentions if a <= m.start < b)

    def taking_in(self, hit: CueHit) -> tuple[Mention, ...]:
        """Mentions that take the cue's words in and belong to the side after it.

        "after the conflict" (a mention from the cue on), "to end the war" (from inside the cue on).
        """
        return tuple(
            m for m in self.mentions if hit.start <= m.start < hit.end and (m.end > hit.end or m.start > hit.start)
        )

    def clause_start(self, pos: int) -> int:
        start = region_before(self.text, self.start, pos, self.bounds)
        # After a fronted clause that made a frame ("To win talks, X would … in exchange for Y"),
        # a later cue's clause starts after its comma.
        return max(start, self.fronted_until) if pos > self.fronted_until else start

    def clause_end(self, pos: int) -> int:
        end = region_after(self.text, pos, self.end, self.bounds, words=self.words)
        # Another cue starts another frame.
        i = bisect.bisect_right(self.hit_starts, pos)
        if i < len(self.hit_starts) and self.hit_starts[i] < end:
            end = self.hit_starts[i]
        return end

    def next_comma(self, pos: int, end: int) -> int | None:
        """The comma that closes a fronted clause: not one that goes on with "and", "or", "as well as"."""
        i = self.text.find(",", pos, end)
        while i >= 0 and self.words.continues.match(self.text, i + 1):
            i = self.text.find(",", i + 1, end)
        return None if i < 0 else i

    def fronted(self, hit: CueHit) -> bool:
        """Whether the cue opens its clause ("Until X, Y"; "He said that if X, Y")."""
        sep = region_before(self.text, self.start, hit.start, self.bounds, attach_across=False)
        last_comma = self.text.rfind(",", sep, hit.start)
        if last_comma >= 0:
            sep = last_comma + 1
        before = self.text[sep : hit.start].strip(" \t\"'“”‘’«»()[]")
        if self.words.fronting_filler.match(before):
            return True
        # "… and for the truce to hold, both sides must …": a purpose coordinated with what came before.
        return hit.cue.position == "fronted" and hit.cue.shape == "pre" and bool(self.words.list_tail.search(before))


__all__ = ["CLAUSE_PUNCT", "Proposal", "Sentence", "required_words"]
