"""The headline verdict of a shift, from a short rule set applied to its change events.

Signals: *softening* — a condition dropped, an outcome offered without preconditions, a tone
event towards open (frame modality firm → open, polarity negated → affirmed, commitment firm →
open → hedged). *Hardening* — a condition added, conditions attached to an unconditional offer,
a tone event towards firm. Items taken up or let go with a stance only, role and outcome
changes are *neutral*: they reframe, they do not soften or harden.

Rules, first match wins:

1. **no_position** — either side states no position (no item with a role in a frame or a
   stance): there is nothing to compare, so the shift is never called "unchanged".
2. **reversed** — the speaker's stated stance on an item flipped (support ↔ oppose), or it
   turned to the item's declared opposite (conceding territory → restoring the 1991 borders).
3. **unchanged** — no signal, no role or outcome change, and at least one item held on both
   sides: the positions match on every item both state (a supported item taken up, or one let
   go, beside them is listed but does not move the position; one item swapped for another does).
4. **softened** / **hardened** — every signal points one way.
5. Signals both ways: the tone decides (all tone soft → softened, all hard → hardened); else,
   when conditions were substituted, more added than dropped → hardened, more dropped →
   softened, as many → **reframed**; anything else → **mixed**.
6. **reframed** — no signal, but the items, their roles or what is at stake changed.

Example:
    >>> from rhetoric.shifts.model import ChangeEvent, EventType
    >>> ev = [ChangeEvent(EventType.CONDITION_DROPPED, "withdrawal", "", (), ())]
    >>> decide(ev)[0].value
    'softened'
    >>> decide(ev, stated=(True, False))[0].value
    'no_position'
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import ChangeEvent, EventType, Verdict

SOFT = {EventType.CONDITION_DROPPED, EventType.BECAME_UNCONDITIONAL, EventType.SOFTENED}
HARD = {EventType.CONDITION_ADDED, EventType.HARDENED}
TONE_SOFT = {EventType.BECAME_UNCONDITIONAL, EventType.SOFTENED}
TONE_HARD = {EventType.HARDENED}
#: Events that change what the position is about without softening or hardening it.
REFRAMING = {EventType.ROLE_CHANGED, EventType.OUTCOME_CHANGED}


def _describe(evs: Sequence[ChangeEvent]) -> str:
    return ", ".join(f"{e.type.value}({e.tag or e.detail})" for e in evs)


def _both_ways(events: Sequence[ChangeEvent]) -> tuple[Verdict, tuple[str, ...]]:
    """Rule 5: softening and hardening signals together."""
    tone_soft = [e for e in events if e.type in TONE_SOFT]
    tone_hard = [e for e in events if e.type in TONE_HARD]
    if tone_soft and not tone_hard:
        return Verdict.SOFTENED, (f"rule 5: signals both ways; tone softened: {_describe(tone_soft)}",)
    if tone_hard and not tone_soft:
        return Verdict.HARDENED, (f"rule 5: signals both ways; tone hardened: {_describe(tone_hard)}",)
    added = [e for e in events if e.type is EventType.CONDITION_ADDED]
    dropped = [e for e in events if e.type is EventType.CONDITION_DROPPED]
    if added and dropped and len(added) > len(dropped):
        return Verdict.HARDENED, (f"rule 5: more conditions added ({_describe(added)}) than dropped",)
    if added and dropped and len(dropped) > len(added):
        return Verdict.SOFTENED, (f"rule 5: more conditions dropped ({_describe(dropped)}) than added",)
    if added and dropped:
        return Verdict.REFRAMED, (
            f"rule 5: conditions substituted: {_describe(dropped)} → {_describe(added)}",
        )
    soft = [e for e in events if e.type in SOFT]
    hard = [e for e in events if e.type in HARD]
    return Verdict.MIXED, (f"rule 5: softening {_describe(soft)} and hardening {_describe(hard)}",)


def decide(
    events: Sequence[ChangeEvent],
    *,
    stated: tuple[bool, bool] = (True, True),
    kept: Sequence[str] = ("",),
) -> tuple[Verdict, tuple[str, ...]]:
    """Apply the rules to a shift's events.

    Args:
        events: The shift's change events.
        stated: Whether the earlier and the later side state any position.
        kept: Items both sides hold a position on (the default stands for "some").

    Returns:
        The verdict and the reasons (which rule fired, on what).
    """
    if not all(stated):
        side = " and ".join(n for n, s in zip(("earlier", "later"), stated, strict=True) if not s)
        return Verdict.NO_POSITION, (f"rule 1: the {side} side states no position on any item",)
    reversed_ = [e for e in events if e.type is EventType.STANCE_REVERSED]
    if reversed_:
        return Verdict.REVERSED, tuple(f"rule 2: stance reversed on {e.tag} ({e.detail})" for e in reversed_)
    soft = [e for e in events if e.type in SOFT]
    hard = [e for e in events if e.type in HARD]
    reframing = [e for e in events if e.type in REFRAMING]
    taken = any(e.type is EventType.ITEM_TAKEN_UP for e in events)
    let_go = any(e.type is EventType.ITEM_LET_GO for e in events)
    if not soft and not hard and not reframing and kept and not (taken and let_go):
        return Verdict.UNCHANGED, ("rule 3: the positions match on the items both state",)
    if soft and not hard:
        return Verdict.SOFTENED, (f"rule 4: only softening signals: {_describe(soft)}",)
    if hard and not soft:
        return Verdict.HARDENED, (f"rule 4: only hardening signals: {_describe(hard)}",)
    if soft and hard:
        return _both_ways(events)
    what = _describe(reframing) if reframing else "no item held on both sides"
    return Verdict.REFRAMED, (f"rule 6: what the position is about changed: {what}",)
