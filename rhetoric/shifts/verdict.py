"""The headline verdict of a shift, from a short rule set applied to its change events.

Careful readers judge a shift by what the speaker asks for and rules out, not by how firmly it
is worded: on the 87 coded pairs of the development set a change of firmness alone matched the
coders' verdict less often than "unchanged" did. The events fall in three groups:

* **content signals** — *softer*: a condition dropped, an offer made without preconditions, a
  stated stance turned from oppose to support, a frame turned from negated to affirmed ("talks
  if …" after "no talks until …"). *Harder*: a condition added, conditions attached to an
  unconditional offer, a stated stance turned from support to oppose, an item newly ruled out,
  a frame turned negated.
* **tone** — the commitment (firm > open > hedged) or the frames' modality went up (*firmer*)
  or down (*less firm*).
* **changes without direction** — items taken up or let go (a mention puts an item at stake),
  a stance taken or let go, an outcome or a role changed.

Rules, first match wins:

1. **no_position** — a side says nothing about any item (no tagged item, no frame): there is
   nothing to compare, so the shift is never called "unchanged".
2. **reversed** — the speaker turned to an item's declared opposite (backing the 1991 borders →
   backing a territorial concession).
3. **softened** / **hardened** — the content signals all point one way.
4. Content signals both ways: the tone decides when it points one way; else more conditions
   added than dropped → hardened, more dropped → softened, as many → **reframed**; else
   **mixed**.
5. **reframed** — no content signal, but one item was swapped for another (taken up and let
   go), an outcome or a role changed, or no item is held on both sides.
6. **unchanged** — otherwise: the items held on both sides keep their stance and role; an item
   mentioned beside them, a stance taken or let go without direction, and a change of firmness
   alone do not move the position.

Example:
    >>> from rhetoric.shifts.model import ChangeEvent, EventType
    >>> ev = [ChangeEvent(EventType.CONDITION_DROPPED, "withdrawal", "", (), ())]
    >>> decide(ev)[0].value
    'softened'
    >>> decide(ev, stated=(True, False))[0].value
    'no_position'
    >>> decide([ChangeEvent(EventType.LESS_FIRM, "", "commitment firm→open", (), ())])[0].value
    'unchanged'
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import ChangeEvent, EventType, Verdict

#: Content signals by direction (stance flips are sorted by where they turn, see :func:`direction`).
SOFT = {EventType.CONDITION_DROPPED, EventType.BECAME_UNCONDITIONAL, EventType.SOFTENED}
HARD = {EventType.CONDITION_ADDED, EventType.HARDENED, EventType.RULED_OUT}
#: Tone: the firmness of the wording; it only breaks a tie between content signals.
TONE_SOFT = {EventType.LESS_FIRM}
TONE_HARD = {EventType.FIRMER}
#: Changes of what the position is about, without a direction.
REFRAMING = {EventType.ROLE_CHANGED, EventType.OUTCOME_CHANGED}


def direction(e: ChangeEvent) -> str:
    """``"soft"``, ``"hard"`` or ``""`` (no direction) for one event.

    Example:
        >>> direction(ChangeEvent(EventType.STANCE_FLIPPED, "ceasefire", "support→oppose", (), ()))
        'hard'
    """
    if e.type is EventType.STANCE_FLIPPED:
        # Turning against what one backed is a harder line; coming round to it is softer.
        return "hard" if e.detail.endswith("oppose") else "soft"
    return "soft" if e.type in SOFT else "hard" if e.type in HARD else ""


def _describe(evs: Sequence[ChangeEvent]) -> str:
    return ", ".join(f"{e.type.value}({e.tag or e.detail})" for e in evs)


def _both_ways(events: Sequence[ChangeEvent], soft: list, hard: list) -> tuple[Verdict, tuple[str, ...]]:
    """Rule 4: content signals both ways."""
    tone_soft = [e for e in events if e.type in TONE_SOFT]
    tone_hard = [e for e in events if e.type in TONE_HARD]
    if tone_soft and not tone_hard:
        return Verdict.SOFTENED, (f"rule 4: signals both ways; the tone is softer: {_describe(tone_soft)}",)
    if tone_hard and not tone_soft:
        return Verdict.HARDENED, (f"rule 4: signals both ways; the tone is firmer: {_describe(tone_hard)}",)
    added = [e for e in events if e.type is EventType.CONDITION_ADDED]
    dropped = [e for e in events if e.type is EventType.CONDITION_DROPPED]
    if added and dropped and len(added) > len(dropped):
        return Verdict.HARDENED, (f"rule 4: more conditions added ({_describe(added)}) than dropped",)
    if added and dropped and len(dropped) > len(added):
        return Verdict.SOFTENED, (f"rule 4: more conditions dropped ({_describe(dropped)}) than added",)
    if added and dropped:
        return Verdict.REFRAMED, (
            f"rule 4: conditions substituted: {_describe(dropped)} → {_describe(added)}",
        )
    return Verdict.MIXED, (f"rule 4: softening {_describe(soft)} and hardening {_describe(hard)}",)


def decide(
    events: Sequence[ChangeEvent],
    *,
    stated: tuple[bool, bool] = (True, True),
    kept: Sequence[str] = ("",),
) -> tuple[Verdict, tuple[str, ...]]:
    """Apply the rules to a shift's events.

    Args:
        events: The shift's change events.
        stated: Whether the earlier and the later side say anything about an item.
        kept: Items at stake on both sides (the default stands for "some").

    Returns:
        The verdict and the reasons (which rule fired, on what).
    """
    if not all(stated):
        side = " and ".join(n for n, s in zip(("earlier", "later"), stated, strict=True) if not s)
        return Verdict.NO_POSITION, (f"rule 1: the {side} side says nothing about any item",)
    reversed_ = [e for e in events if e.type is EventType.STANCE_REVERSED]
    if reversed_:
        return Verdict.REVERSED, tuple(f"rule 2: {e.detail}" for e in reversed_)
    soft = [e for e in events if direction(e) == "soft"]
    hard = [e for e in events if direction(e) == "hard"]
    if soft and not hard:
        return Verdict.SOFTENED, (f"rule 3: only softening signals: {_describe(soft)}",)
    if hard and not soft:
        return Verdict.HARDENED, (f"rule 3: only hardening signals: {_describe(hard)}",)
    if soft and hard:
        return _both_ways(events, soft, hard)
    reframing = [e for e in events if e.type in REFRAMING]
    taken = [e for e in events if e.type is EventType.ITEM_TAKEN_UP]
    let_go = [e for e in events if e.type is EventType.ITEM_LET_GO]
    if reframing or (taken and let_go):
        return Verdict.REFRAMED, (
            f"rule 5: what the position is about changed: {_describe(reframing or taken + let_go)}",
        )
    if not kept:
        return Verdict.REFRAMED, ("rule 5: no item is held on both sides",)
    return Verdict.UNCHANGED, ("rule 6: the items held on both sides keep their stance and role",)
