"""Score shift pairs against coders: items taken up and let go found, verdict among the accepted.

A pairs file has one JSON object per line: ``from`` and ``to`` (statement ids), ``added`` and
``dropped`` (items the coders saw taken up / let go) and ``verdict_ok`` (the verdicts they
accept) — the realdev format. A pair is right when every coded item is found (an item counts as
found when the shift lists it as taken up / let go, among the outcomes, or with a stance
change) and the verdict is accepted.

Example:
    >>> from rhetoric.shifts.model import Shift, Verdict
    >>> s = Shift(("a",), ("b",), "x", "", "", ("nato_membership",), (), (), (), (), (), "", "", "", "",
    ...           (), (), Verdict.HARDENED)
    >>> pair_ok(s, {"added": ["nato_membership"], "dropped": [], "verdict_ok": ["hardened"]})
    (True, [], [])
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputFormatError, NotFoundError, ValidationError
from .model import Shift

PAIR_KEYS = ("from", "to", "added", "dropped", "verdict_ok")


def pair_ok(shift: Shift, pair: dict[str, Any]) -> tuple[bool, list[str], list[str]]:
    """Whether a shift matches a coded pair; the coded items taken up / let go it missed."""
    changed = {c.tag for c in shift.stance_changes}
    got_added = set(shift.added) | set(shift.outcome_to) | changed
    got_dropped = set(shift.dropped) | set(shift.outcome_from) | changed
    miss_added = [t for t in pair["added"] if t not in got_added]
    miss_dropped = [t for t in pair["dropped"] if t not in got_dropped]
    ok = not miss_added and not miss_dropped and shift.verdict.value in pair["verdict_ok"]
    return ok, miss_added, miss_dropped


@dataclass(frozen=True)
class PairResult:
    """One scored pair."""

    pair: dict[str, Any]
    shift: Shift
    ok: bool
    missed_added: tuple[str, ...] = ()
    missed_dropped: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the pair, the tool's reading and, for a miss, the evidence of both sides."""
        evidence = {
            tag: {"from": [e.text for e in a.evidence], "to": [e.text for e in b.evidence]}
            for tag, a, b in self.shift.tags
        }
        return {
            "from": self.pair["from"],
            "to": self.pair["to"],
            "ok": self.ok,
            "verdict_ok": list(self.pair["verdict_ok"]),
            "verdict": self.shift.verdict.value,
            "added": list(self.pair["added"]),
            "dropped": list(self.pair["dropped"]),
            "missed_added": list(self.missed_added),
            "missed_dropped": list(self.missed_dropped),
            "tool_added": list(self.shift.added),
            "tool_dropped": list(self.shift.dropped),
            "reasons": list(self.shift.reasons),
            "evidence": evidence,
        }


@dataclass(frozen=True)
class PairsReport:
    """All scored pairs."""

    results: tuple[PairResult, ...] = field(default=())

    @property
    def right(self) -> int:
        """Pairs right."""
        return sum(r.ok for r in self.results)

    def to_dict(self) -> dict[str, Any]:
        """JSON form with the summary and every pair."""
        return {
            "right": self.right,
            "pairs": len(self.results),
            "results": [r.to_dict() for r in self.results],
        }


def _read_text(p: Path, what: str) -> str:
    """A JSONL file's UTF-8 text, or an error naming the file and what to do."""
    if p.is_dir():
        raise InputFormatError(f"{what} file {str(p)!r} is a directory", hint=f"pass the {what} JSONL file")
    if not p.exists():
        raise NotFoundError(f"no {what} file {str(p)!r}", hint="check the path")
    try:
        return p.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputFormatError(
            f"not UTF-8 ({exc.reason} at byte {exc.start})", path=str(p), hint="save it as UTF-8"
        ) from None


def _json_lines(p: Path, what: str) -> Iterator[tuple[int, Any]]:
    """``(line number, value)`` of each non-blank line of a JSONL file (errors name the file and line)."""
    for n, line in enumerate(_read_text(p, what).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except ValueError as exc:
            raise InputFormatError(f"not JSON: {exc}", path=str(p), line=n) from None


def read_coded_statements(path: str | Path) -> dict[str, str]:
    """Coded statements (JSONL ``id``, ``text``) of a pairs file: coder id → text.

    Raises:
        NotFoundError: If the file does not exist.
        InputFormatError: If it is a directory, not UTF-8, or a line is not a JSON object.
    """
    p = Path(path)
    coded: dict[str, str] = {}
    for n, d in _json_lines(p, "statements"):
        if not isinstance(d, dict):
            raise InputFormatError("not a JSON object", path=str(p), line=n, hint='e.g. {"id": "c-1", "text": "…"}')
        coded[str(d.get("id", ""))] = str(d.get("text", ""))
    return coded


def read_pairs(path: str | Path) -> list[dict[str, Any]]:
    """Read and validate a pairs file.

    Raises:
        NotFoundError: If the file does not exist.
        InputFormatError: If it is a directory or not UTF-8, or a line is not JSON.
        ValidationError: If a line lacks a key or has the wrong type, naming the line.
    """
    p = Path(path)
    pairs = []
    for n, d in _json_lines(p, "pairs"):
        if not isinstance(d, dict) or any(k not in d for k in PAIR_KEYS):
            raise ValidationError(
                f"a pair needs the keys {', '.join(PAIR_KEYS)}",
                path=str(p),
                line=n,
                hint='e.g. {"from": "s-…", "to": "s-…", "added": [], "dropped": [], "verdict_ok": ["unchanged"]}',
            )
        if not all(isinstance(d[k], list) for k in ("added", "dropped", "verdict_ok")):
            raise ValidationError("added, dropped and verdict_ok must be lists", path=str(p), line=n)
        pairs.append(d)
    return pairs


def evaluate_pairs(
    pairs: list[dict[str, Any]],
    compare_ids: Callable[[str, str], Shift],
    *,
    resolve: Callable[[str], str] = str,
) -> PairsReport:
    """Score pairs with a comparison function.

    Args:
        pairs: Validated pairs (:func:`read_pairs`).
        compare_ids: ``(from_id, to_id) → Shift`` over corpus ids.
        resolve: Maps a pair's id to a corpus id (identity by default).
    """
    results = []
    for pair in pairs:
        shift = compare_ids(resolve(pair["from"]), resolve(pair["to"]))
        ok, miss_a, miss_d = pair_ok(shift, pair)
        results.append(PairResult(pair, shift, ok, tuple(miss_a), tuple(miss_d)))
    return PairsReport(tuple(results))
