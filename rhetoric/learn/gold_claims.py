"""Gold claims beyond tags: frame role pairs, speaker and third-party stances, commitment.

These are the keys a coder adds to a gold line to score what the analysis claims (see
:mod:`rhetoric.learn.gold` for the line format)::

    {"id": "x-01", "text": "No talks until they withdraw.", "tags": ["negotiations", "withdrawal"],
     "frames": [{"outcomes": ["negotiations"], "conditions": ["withdrawal"],
                 "relation": "precondition", "polarity": "negated"}],
     "optional_frame_pairs": [["negotiations", "ceasefire"]],
     "stances": {"withdrawal": "support"},
     "third_party_stances": [{"holder": "Russia", "tag": "withdrawal", "stance": "oppose"}],
     "commitment": "firm"}

``other`` is accepted as an outcome or condition for something outside the codebook (it is never
scored). The checks live in :class:`ClaimChecks`, a mixin of the gold file checker.

Example:
    >>> sorted(c.value for c in Commitment)
    ['firm', 'hedged', 'none', 'open']
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

#: A frame role outside the codebook: accepted in gold frames, never scored.
OTHER = "other"
THIRD_PARTY_KEYS = ("holder", "tag", "stance")
GOLD_STANCES = ("support", "oppose")


class Commitment(StrEnum):
    """How firmly the speaker commits to the position, as a coder reads the whole statement."""

    FIRM = "firm"
    OPEN = "open"
    HEDGED = "hedged"
    NONE = "none"


class ClaimChecks:
    """Validation of the claim keys; mixed into the checker that has ``bad`` and ``tag_ids``."""

    tag_ids: tuple[str, ...] | None

    def bad(self, line: int, field: str | None, message: str, hint: str | None = None) -> None:
        raise NotImplementedError

    def _tag(self, line: int, field: str, value: Any, *, allow_other: bool = False) -> bool:
        if not isinstance(value, str) or not value:
            self.bad(line, field, f"must be a tag id, got {json.dumps(value)[:60]}")
            return False
        if allow_other and value == OTHER:
            return True
        if self.tag_ids is not None and value not in self.tag_ids:
            self.bad(line, field, f"unknown tag {value!r}", "run `rhetoric codebook show` for the tag list")
            return False
        return True

    def stance_map(self, line: int, value: Any) -> dict[str, str] | None:
        """``stances``: ``{tag: support|oppose}``; None when absent (not coded)."""
        if value is None:
            return None
        if not isinstance(value, dict):
            self.bad(line, "stances", 'must be an object {tag: "support" | "oppose"}')
            return None
        out = {}
        for tag, stance in value.items():
            ok = self._tag(line, f"stances.{tag}", tag)
            if stance not in GOLD_STANCES:
                self.bad(line, f"stances.{tag}", f"unknown stance {stance!r}", "use support or oppose")
                ok = False
            if ok:
                out[tag] = stance
        return out

    def third_party(self, line: int, value: Any) -> tuple[tuple[str, str, str], ...] | None:
        """``third_party_stances``: ``[{holder, tag, stance}]`` as ``(holder, tag, stance)``."""
        if value is None:
            return None
        if not isinstance(value, list):
            self.bad(line, "third_party_stances", "must be a list of {holder, tag, stance} objects")
            return None
        out = []
        for i, raw in enumerate(value):
            where = f"third_party_stances[{i}]"
            if not isinstance(raw, dict):
                self.bad(line, where, "must be an object with holder, tag and stance")
                continue
            ok = True
            for k in raw:
                if k not in THIRD_PARTY_KEYS:
                    self.bad(
                        line, f"{where}.{k}", "unknown key", f"allowed keys: {', '.join(THIRD_PARTY_KEYS)}"
                    )
                    ok = False
            holder = raw.get("holder")
            if not isinstance(holder, str) or not holder.strip():
                self.bad(line, f"{where}.holder", f"must be a non-empty name, got {holder!r}")
                ok = False
            ok = self._tag(line, f"{where}.tag", raw.get("tag")) and ok
            if raw.get("stance") not in GOLD_STANCES:
                self.bad(
                    line, f"{where}.stance", f"unknown stance {raw.get('stance')!r}", "use support or oppose"
                )
                ok = False
            if ok:
                out.append((holder.strip(), raw["tag"], raw["stance"]))
        return tuple(out)

    def commitment(self, line: int, value: Any) -> str | None:
        """``commitment``: one of :class:`Commitment`; None when absent."""
        if value is None:
            return None
        if value not in {c.value for c in Commitment}:
            allowed = ", ".join(c.value for c in Commitment)
            self.bad(line, "commitment", f"unknown value {json.dumps(value)[:40]}", f"use one of {allowed}")
            return None
        return value

    def optional_pairs(self, line: int, value: Any) -> tuple[tuple[str, str], ...]:
        """``optional_frame_pairs``: ``[[outcome, condition], …]`` (neither a hit nor a miss)."""
        if value is None:
            return ()
        if not isinstance(value, list):
            self.bad(line, "optional_frame_pairs", "must be a list of [outcome, condition] pairs")
            return ()
        out = []
        for i, pair in enumerate(value):
            where = f"optional_frame_pairs[{i}]"
            if not isinstance(pair, list) or len(pair) != 2:
                self.bad(line, where, f"must be [outcome, condition], got {json.dumps(pair)[:60]}")
                continue
            if all([self._tag(line, where, t, allow_other=True) for t in pair]):
                out.append((pair[0], pair[1]))
        return tuple(out)


__all__ = ["GOLD_STANCES", "OTHER", "ClaimChecks", "Commitment"]
