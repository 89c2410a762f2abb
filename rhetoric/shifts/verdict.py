"""The headline verdict of a shift, from a small rule set applied to its change events.

Rules, first match wins:

1. **unchanged** — no change events.
2. **reversed** — the speaker's stance on an item flipped (support ↔ oppose), directly or by
   turning to its declared opposite (conceding territory → restoring the 1991 borders).
3. **softened** / **hardened** — every signal points one way. Softening signals: a condition
   dropped, an outcome offered without preconditions, modality firm → open, polarity negated →
   affirmed ("not possible until" → "as long as"). Hardening signals: the reverse.
4. When conditions are substituted (some added, some dropped) or a tag moved between outcome and
   condition, the *tone* events decide (modality, polarity, unconditional): all soft → **softened**,
   all hard → **hardened**, none or both → **reframed**.
5. Signals both ways without substitution: the tone decides as in 4, else **mixed**.
6. Only the outcome changed (same conditions, something else at stake): **reframed**.

Example:
    >>> from rhetoric.shifts.model import ChangeEvent, EventType
    >>> ev = [ChangeEvent(EventType.CONDITION_DROPPED, "withdrawal", "", (), ())]
    >>> decide(ev)[0].value
    'softened'
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import ChangeEvent, EventType, Verdict

SOFT = {EventType.CONDITION_DROPPED, EventType.BECAME_UNCONDITIONAL, EventType.SOFTENED}
HARD = {EventType.CONDITION_ADDED, EventType.HARDENED}
TONE_SOFT = {EventType.BECAME_UNCONDITIONAL, EventType.SOFTENED}
TONE_HARD = {EventType.HARDENED}


def decide(events: Sequence[ChangeEvent]) -> tuple[Verdict, tuple[str, ...]]:
    """Apply the rules to a shift's events.

    Args:
        events: The shift's change events.

    Returns:
        The verdict and the reasons (which rule fired, on what).
    """
    types = [e.type for e in events]
    if not events:
        return Verdict.UNCHANGED, ("rule 1: no change events",)
    reversed_ = [e for e in events if e.type is EventType.STANCE_REVERSED]
    if reversed_:
        return Verdict.REVERSED, tuple(f"rule 2: stance reversed on {e.tag} ({e.detail})" for e in reversed_)
    soft = [e for e in events if e.type in SOFT]
    hard = [e for e in events if e.type in HARD]
    tone_soft = [e for e in events if e.type in TONE_SOFT]
    tone_hard = [e for e in events if e.type in TONE_HARD]

    def describe(evs: Sequence[ChangeEvent]) -> str:
        return ", ".join(f"{e.type.value}({e.tag or e.detail})" for e in evs)

    if soft and not hard:
        return Verdict.SOFTENED, (f"rule 3: only softening signals: {describe(soft)}",)
    if hard and not soft:
        return Verdict.HARDENED, (f"rule 3: only hardening signals: {describe(hard)}",)
    substituted = EventType.CONDITION_ADDED in types and EventType.CONDITION_DROPPED in types
    role_moved = EventType.ROLE_CHANGED in types
    if substituted or role_moved:
        what = "conditions substituted" if substituted else "a tag changed role"
        if tone_soft and not tone_hard:
            return Verdict.SOFTENED, (f"rule 4: {what}; tone softened: {describe(tone_soft)}",)
        if tone_hard and not tone_soft:
            return Verdict.HARDENED, (f"rule 4: {what}; tone hardened: {describe(tone_hard)}",)
        return Verdict.REFRAMED, (f"rule 4: {what}; tone unchanged or mixed",)
    if soft and hard:
        if tone_soft and not tone_hard:
            return Verdict.SOFTENED, (f"rule 5: signals both ways; tone softened: {describe(tone_soft)}",)
        if tone_hard and not tone_soft:
            return Verdict.HARDENED, (f"rule 5: signals both ways; tone hardened: {describe(tone_hard)}",)
        return Verdict.MIXED, (f"rule 5: softening {describe(soft)} and hardening {describe(hard)}",)
    return Verdict.REFRAMED, (f"rule 6: only what is at stake changed: {describe(events)}",)
