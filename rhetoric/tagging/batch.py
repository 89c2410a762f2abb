"""Batch prefilter scan: a batch of folded texts in one C pass, the same answer as one scan each.

:meth:`Prefilter.scan <rhetoric.tagging.prefilter.Prefilter.scan>` costs a few Python
steps per text (encode, translate, an Aho-Corasick pass, building its lists) even when no
pattern can match, which is most texts. :class:`BatchScanner` joins a batch of folded
texts with single spaces, maps them to runs of letters and digits and runs the
automaton once over the whole batch; occurrences go back to their texts by bisection,
so a text without a qualifying piece costs a slice and a set.

Why the joined pass finds exactly what one pass per text finds: every automaton key is
``" word"`` or ``" word "`` (a space, then no space), so no key spans two texts and the
space between two texts is the padding each gets when scanned alone. Texts outside that
method are scanned alone as before: non-ASCII after folding, and texts where a ``.`` or
``,`` touches a letter (an initialism such as ``u.s.``, or a possible tricky join such as
``3.5bn``), found with ``bytes.find`` on a character-class map of the batch.

Example:
    >>> from rhetoric.codebook.patterns import parse_pattern
    >>> from rhetoric.tagging.prefilter import Prefilter
    >>> scanner = BatchScanner(Prefilter([parse_pattern("withdraw* ~3 troops"), parse_pattern("aid")]))
    >>> [s and [p for p, _ in s.hits] for s in scanner.scan(["he said so", "u.s. aid", "aid, aid"])]
    [None, [5], [0, 5]]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from .prefilter import _CHAIN, _INITIALISM, _RUNS, _TRICKY_JOIN, Prefilter, Scan

_LETTERS = frozenset(b"abcdefghijklmnopqrstuvwxyz")
_DIGITS = frozenset(b"0123456789")
# Letters -> "a", digits -> "0", "." and "," kept, anything else -> " ".
_CLASS = bytes(
    ord("a") if b in _LETTERS else ord("0") if b in _DIGITS else b if b in b".," else 0x20 for b in range(256)
)
# Every initialism and every tricky join of the runs method (prefilter._INITIALISM,
# prefilter._TRICKY_JOIN) contains one of these in the class map: a "." between a letter and
# a letter or digit, a digit "." letter, or a digit running into a letter ("3.5bn").
_JOIN_MARKS = (b"a.a", b"a.0", b"0.a", b"0a")


class BatchScanner:
    """Scans batches of folded texts for one :class:`~rhetoric.tagging.prefilter.Prefilter`."""

    def __init__(self, prefilter: Prefilter) -> None:
        """Keep the prefilter (its automaton and qualification rule are used as they are)."""
        self.prefilter = prefilter

    def scan(self, folded: Sequence[str]) -> list[Scan | None]:
        """``[prefilter.scan(f) for f in folded]``, computed mostly in one pass over the batch.

        Args:
            folded: Texts after :func:`~rhetoric.text.normalize.fold_text`.

        Returns:
            One :class:`~rhetoric.tagging.prefilter.Scan` or None per text, equal to what
            :meth:`~rhetoric.tagging.prefilter.Prefilter.scan` returns for it.

        Example:
            >>> from rhetoric.codebook.patterns import parse_pattern
            >>> BatchScanner(Prefilter([parse_pattern("aid")])).scan(["no", "aid"])[1].hits
            [(0, 0)]
        """
        pf = self.prefilter
        if not pf._anchor_pids:
            return [None] * len(folded)
        joined = " ".join(folded)
        if not pf._runs_ok:
            return [pf.scan(f) for f in folded]
        if not joined.isascii():
            # Scan the non-ASCII texts alone, the rest together.
            out: list[Scan | None] = [None] * len(folded)
            rest = [i for i, f in enumerate(folded) if f.isascii()]
            for i, s in zip(rest, self.scan([folded[i] for i in rest]), strict=True):
                out[i] = s
            for i, f in enumerate(folded):
                if not f.isascii():
                    out[i] = pf.scan(f)
            return out
        starts = []
        pos = 0
        for text in folded:
            starts.append(pos)
            pos += len(text) + 1
        raw = joined.encode("ascii")
        alone, dotted = _with_joins(joined, raw, starts)
        automaton = pf._automaton
        # A key found ending at padded index `end` starts at the space before its token,
        # padded index end - n, which is the token's offset in `joined`.
        found = list(automaton.iter(" " + raw.translate(_RUNS).decode() + " "))
        positions = [end - n for end, (_k, n) in found]
        keys = [k for _end, (k, _n) in found]
        bounds = [bisect_left(positions, s) for s in starts]
        bounds.append(len(positions))
        chains = _initialisms(automaton, joined, starts, dotted - alone)
        anchors, qualifies = pf._anchor_pids, pf.qualifies
        out = [None] * len(folded)
        for i, text in enumerate(folded):
            lo, hi = bounds[i], bounds[i + 1]
            extra = chains.get(i)
            if (lo == hi and extra is None) or i in alone:
                continue
            ks = keys[lo:hi]
            pieces = set(ks)
            if extra is not None:
                pieces.update(k for _p, k in extra)
            if qualifies(pieces):
                base = starts[i]
                occurrences = [(p - base, k) for p, k in zip(positions[lo:hi], ks, strict=True)]
                if extra is not None:
                    # As the runs method does: chains appended, then sorted by offset.
                    occurrences.extend((p - base, k) for p, k in extra)
                    occurrences.sort()
                out[i] = Scan(text, [(p, k) for p, k in occurrences if k in anchors], occurrences)
        for i in alone:
            out[i] = pf.scan(folded[i])
        return out


def _initialisms(automaton, joined: str, starts: list[int], texts: set[int]) -> dict[int, list[tuple[int, int]]]:
    """Runs method on initialisms: per text, ``(joined offset, piece)`` of each chain's letters.

    A text with an initialism gets an entry even when no piece is found (its occurrences
    are then sorted, as :meth:`Prefilter.scan` sorts them).
    """
    out: dict[int, list[tuple[int, int]]] = {}
    for i in sorted(texts):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(joined)
        dot = _INITIALISM.search(joined, starts[i], end)
        while dot is not None:
            chain = _CHAIN.match(joined, dot.start() - 1, end)
            assert chain is not None  # _INITIALISM found letter.letter there
            found = out.setdefault(i, [])
            for _end, (k, _n) in automaton.iter(" " + chain.group().replace(".", "") + " "):
                found.append((chain.start(), k))
            dot = _INITIALISM.search(joined, chain.end(), end)
    return out


def _with_joins(joined: str, raw: bytes, starts: list[int]) -> tuple[set[int], set[int]]:
    """Texts (by index) to scan alone (a tricky join), and texts with a possible initialism.

    Only where the class map shows a mark of :data:`_JOIN_MARKS` is a regex tried.
    """
    classes = raw.translate(_CLASS)
    alone: set[int] = set()
    dotted: set[int] = set()
    for mark in _JOIN_MARKS:
        at = classes.find(mark)
        while at != -1:
            i = bisect_right(starts, at) - 1
            if mark == b"0a":
                # The join starts at a '.' or ',' somewhere before: let the text's own scan decide.
                alone.add(i)
            else:
                if mark == b"a.a":
                    dotted.add(i)
                if i not in alone and _TRICKY_JOIN.match(joined, at + 1) is not None:
                    alone.add(i)
            at = classes.find(mark, at + 1)
    return alone, dotted


__all__ = ["BatchScanner"]
