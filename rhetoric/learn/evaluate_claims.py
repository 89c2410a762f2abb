"""Evaluate what the analysis claims: frame role pairs (relation, polarity), stances, commitment.

Scored only on gold lines that carry the claim (see :data:`rhetoric.learn.gold.CLAIM_KEYS`);
the counting is the realdev scorer's (``../shared/realdev/score.py``), so the figures agree:

- **Frame role pairs**: every ``(outcome, condition)`` of a frame; ``other`` is never scored. A
  gold pair found is a true positive, a gold pair missed a false negative, a predicted pair
  neither in ``frames`` nor in ``optional_frame_pairs`` a false positive. Of the pairs found,
  the relation (and, where gold gives it, the polarity) of the first predicted frame holding the
  pair is compared with the gold frame's.
- **Speaker stances**: the predicted stance of a tag is that of its last support/oppose stance
  record in the statement (the scorer's reading). A gold stance found with the same value is a
  true positive, else a false negative; a predicted stance that differs from gold, or that is on
  a tag in ``tags`` the gold stances leave out, is a false positive (so a wrong value counts
  twice). A predicted stance on a tag outside ``tags`` is not counted.
- **Third-party stances**: predicted stances whose holders are not the speaker, per
  ``(holder, tag)``; gold holders are resolved through the corpus's actors: a name an actor has
  is that actor, a name that contains several actors' names ("Britain, France and Germany")
  stands for each of them, and any other name is compared by its normalised spelling. Every predicted third-party stance on a coded
  line that gold lacks or contradicts is a false positive.
- **Commitment**: the statement's commitment (``firm``, ``open``, ``hedged``, ``none``):
  the analysis's own if it has one, else read from the modality markers of the whole text
  (firm → firm, open → open, hypothetical → hedged, neutral → none). Per class and accuracy.

Example:
    >>> pairs_of([{"outcomes": ["a", "other"], "conditions": ["b"]}])
    {('a', 'b')}
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..actors import ActorRegistry, normalize_name
from ..frames.modality import modality_of
from ..types import Modality, StanceValue
from .evaluate import Counts, ErrorCase, micro
from .gold import ResolvedItem
from .gold_claims import OTHER, Commitment

_COMMITMENT_OF_MODALITY = {
    Modality.FIRM.value: Commitment.FIRM.value,
    Modality.OPEN.value: Commitment.OPEN.value,
    Modality.HYPOTHETICAL.value: Commitment.HEDGED.value,
    Modality.NEUTRAL.value: Commitment.NONE.value,
}
_SCORED = (StanceValue.SUPPORT.value, StanceValue.OPPOSE.value)


def pairs_of(frames: Iterable[Any]) -> set[tuple[str, str]]:
    """The scored ``(outcome, condition)`` pairs of gold frame dicts or :class:`Frame` records."""
    out = set()
    for f in frames:
        outcomes = f["outcomes"] if isinstance(f, dict) else f.outcomes
        conditions = f["conditions"] if isinstance(f, dict) else f.conditions
        out |= {(o, c) for o in outcomes for c in conditions if o != OTHER and c != OTHER}
    return out


def pair_label(pair: tuple[str, str]) -> str:
    """``outcome<=condition``: how a role pair is named in tables, JSON and CSV."""
    return f"{pair[0]}<={pair[1]}"


def predicted_commitment(analysis: Any) -> str:
    """The analysis's commitment, else the modality of the whole statement mapped to a commitment."""
    own = getattr(analysis, "commitment", None)
    if own:
        return str(own)
    anchor = analysis.mentions[0].start if analysis.mentions else 0
    return _COMMITMENT_OF_MODALITY[modality_of(analysis.text, 0, len(analysis.text), anchor=anchor)]


@dataclass(frozen=True)
class Agreement:
    """How often a property of the matched items agrees with gold."""

    agree: int = 0
    compared: int = 0

    @property
    def accuracy(self) -> float | None:
        """agree / compared, None when nothing was compared."""
        return self.agree / self.compared if self.compared else None

    def add(self, ok: bool) -> Agreement:
        """This agreement plus one comparison."""
        return Agreement(self.agree + ok, self.compared + 1)

    def to_dict(self) -> dict[str, Any]:
        """``agree``, ``compared`` and ``accuracy`` (4 places)."""
        acc = self.accuracy
        return {
            "agree": self.agree,
            "compared": self.compared,
            "accuracy": None if acc is None else round(acc, 4),
        }


@dataclass
class ClaimResult:
    """Scores of one system (``rules`` or ``rules+fallback``) on frames, stances and commitment.

    Attributes:
        name: The system.
        coded: How many gold lines carry each claim.
        frames: Counts per role pair label.
        relation: Relation agreement on the pairs found.
        polarity: Polarity agreement on the pairs found (where gold gives one).
        stances: Speaker stance counts per tag.
        third_party: Third-party stance counts per tag.
        commitment: Counts per commitment class.
        confusion: ``(gold, predicted)`` → number of statements.
        errors: Every miss and false alarm, in gold order.
    """

    name: str
    coded: dict[str, int] = field(default_factory=dict)
    frames: dict[str, Counts] = field(default_factory=dict)
    relation: Agreement = Agreement()
    polarity: Agreement = Agreement()
    stances: dict[str, Counts] = field(default_factory=dict)
    third_party: dict[str, Counts] = field(default_factory=dict)
    commitment: dict[str, Counts] = field(default_factory=dict)
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    errors: list[ErrorCase] = field(default_factory=list)

    def sections(self) -> list[tuple[str, dict[str, Counts]]]:
        """``(level, per-key counts)`` of the claims some gold line carries, in report order."""
        out = [
            ("frames", "frames", self.frames),
            ("stances", "stances", self.stances),
            ("third_party", "third_party_stances", self.third_party),
            ("commitment", "commitment", self.commitment),
        ]
        return [(level, counts) for level, key, counts in out if self.coded.get(key)]

    def commitment_accuracy(self) -> Agreement:
        """Statements whose predicted commitment equals gold's."""
        agree = sum(n for (g, p), n in self.confusion.items() if g == p)
        return Agreement(agree, sum(self.confusion.values()))

    def to_dict(self) -> dict[str, Any]:
        """One mapping per scored claim, each with ``micro``, per-key figures and ``errors``."""
        out: dict[str, Any] = {"coded_items": dict(self.coded)}
        for level, counts in self.sections():
            key = {"third_party": "third_party_stances"}.get(level, level)
            per = "per_pair" if level == "frames" else "per_class" if level == "commitment" else "per_tag"
            section: dict[str, Any] = {
                "micro": micro(counts).to_dict(),
                per: {k: c.to_dict() for k, c in sorted(counts.items())},
            }
            if level == "frames":
                section["relation"] = self.relation.to_dict()
                section["polarity"] = self.polarity.to_dict()
            if level == "commitment":
                section["accuracy"] = self.commitment_accuracy().to_dict()
                section["confusion"] = [
                    {"gold": g, "predicted": p, "n": n} for (g, p), n in sorted(self.confusion.items())
                ]
            section["errors"] = [e.to_dict() for e in self.errors if e.level.split(".")[0] == level]
            out[key] = section
        return out


def _bump(table: dict[str, Counts], key: str, **delta: int) -> None:
    table[key] = table.get(key, Counts()) + Counts(**delta)


class _Scorer:
    """Scores one resolved item's analysis into a :class:`ClaimResult`."""

    def __init__(self, result: ClaimResult, actors: ActorRegistry) -> None:
        self.r = result
        self.actors = actors

    def holder_ids(self, name: str) -> list[str]:
        actor = self.actors.resolve(name)
        if actor is not None:
            return [actor.id]
        key = normalize_name(name)
        inside = {
            actor_id
            for alias, actor_id in self.actors.aliases().items()
            if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", key)
        }
        return sorted(inside) or [key]

    def error(self, item: ResolvedItem, kind: str, level: str, key: str, evidence: str = "") -> None:
        where = f"{item.path}:{item.item.line}"
        self.r.errors.append(ErrorCase(kind, level, key, item.statement_id, item.text, where, evidence))

    def score(self, item: ResolvedItem, analysis: Any, speaker: str) -> None:
        g = item.item
        for key in g.coded:
            self.r.coded[key] = self.r.coded.get(key, 0) + 1
        if "frames" in g.coded:
            self.frames(item, analysis)
        if g.stances is not None:
            self.stances(item, analysis)
        if g.third_party_stances is not None:
            self.third_party(item, analysis, speaker)
        if g.commitment is not None:
            self.commitment(item, analysis)

    def frames(self, item: ResolvedItem, analysis: Any) -> None:
        gold = pairs_of(item.item.frames)
        optional = set(item.item.optional_frame_pairs)
        predicted = pairs_of(analysis.frames)
        for pair in sorted(gold | predicted):
            label = pair_label(pair)
            if pair in gold and pair in predicted:
                _bump(self.r.frames, label, tp=1)
                self.frame_properties(item, analysis, pair)
            elif pair in gold:
                _bump(self.r.frames, label, fn=1)
                self.error(item, "FN", "frames", label)
            elif pair not in optional:
                _bump(self.r.frames, label, fp=1)
                cue = next(f.cue for f in analysis.frames if pair in pairs_of([f]))
                self.error(item, "FP", "frames", label, f"cue {cue!r}")

    def frame_properties(self, item: ResolvedItem, analysis: Any, pair: tuple[str, str]) -> None:
        g = next(f for f in item.item.frames if pair in pairs_of([f]))
        p = next(f for f in analysis.frames if pair in pairs_of([f]))
        label = pair_label(pair)
        for key in ("relation", "polarity"):  # each scored only where the gold pair carries it
            if key not in g:
                continue
            predicted = getattr(p, key)
            ok = predicted == g[key]
            setattr(self.r, key, getattr(self.r, key).add(ok))
            if not ok:
                self.error(item, "WRONG", f"frames.{key}", label, f"gold {g[key]}, predicted {predicted}")

    def stances(self, item: ResolvedItem, analysis: Any) -> None:
        gold = item.item.stances or {}
        required = set(item.item.tags)
        predicted: dict[str, str] = {}
        for s in analysis.stances:
            if s.stance in _SCORED:
                predicted[s.tag] = s.stance
        for tag in sorted(set(gold) | set(predicted)):
            want, got = gold.get(tag), predicted.get(tag)
            if want is not None and got == want:
                _bump(self.r.stances, tag, tp=1)
                continue
            if want is not None:
                _bump(self.r.stances, tag, fn=1)
                self.error(item, "FN", "stances", tag, f"gold {want}, predicted {got or 'none'}")
            if got is not None and (want is not None or tag in required):
                _bump(self.r.stances, tag, fp=1)
                self.error(item, "FP", "stances", tag, f"predicted {got}, gold {want or 'none'}")

    def third_party(self, item: ResolvedItem, analysis: Any, speaker: str) -> None:
        gold = {
            (h_id, t): s for h, t, s in item.item.third_party_stances or () for h_id in self.holder_ids(h)
        }
        predicted: dict[tuple[str, str], str] = {}
        for s in analysis.stances:
            if s.stance in _SCORED:
                for h in s.holders:
                    if h and h != speaker:
                        predicted[(h, s.tag)] = s.stance
        for key in sorted(set(gold) | set(predicted)):
            want, got = gold.get(key), predicted.get(key)
            label = f"{key[0]}:{key[1]}"
            if want is not None and got == want:
                _bump(self.r.third_party, key[1], tp=1)
                continue
            if want is not None:
                _bump(self.r.third_party, key[1], fn=1)
                self.error(item, "FN", "third_party", label, f"gold {want}, predicted {got or 'none'}")
            if got is not None:
                _bump(self.r.third_party, key[1], fp=1)
                self.error(item, "FP", "third_party", label, f"predicted {got}, gold {want or 'none'}")

    def commitment(self, item: ResolvedItem, analysis: Any) -> None:
        want, got = item.item.commitment or "", predicted_commitment(analysis)
        self.r.confusion[(want, got)] = self.r.confusion.get((want, got), 0) + 1
        if want == got:
            _bump(self.r.commitment, want, tp=1)
            return
        _bump(self.r.commitment, want, fn=1)
        _bump(self.r.commitment, got, fp=1)
        self.error(item, "WRONG", "commitment", want, f"predicted {got}")


def score_claims(
    name: str, scored: Iterable[tuple[ResolvedItem, Any, str]], *, actors: ActorRegistry | None = None
) -> ClaimResult:
    """Score ``(gold item, analysis, speaker id)`` triples.

    Args:
        name: The system's name (``rules`` or ``rules+fallback``).
        scored: Each gold item with its :class:`~rhetoric.records.StatementAnalysis` and
            the statement's speaker (``""`` for free text).
        actors: Resolves gold third-party holders to actor ids.

    Returns:
        The figures and every error.

    Example:
        >>> score_claims("rules", []).to_dict()
        {'coded_items': {}}
    """
    result = ClaimResult(name)
    scorer = _Scorer(result, actors or ActorRegistry())
    for item, analysis, speaker in scored:
        scorer.score(item, analysis, speaker)
    return result


__all__ = ["Agreement", "ClaimResult", "pair_label", "pairs_of", "predicted_commitment", "score_claims"]
