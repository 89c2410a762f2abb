"""Fast candidate search: one compiled regex over the folded text finds where a pattern could match.

Most statements mention no codebook item, and most sentences of those that do
mention none either. The exact pipeline (Punkt sentence splitting, tokenising,
matching) is far slower than one regex scan, so the tagger first asks this
prefilter where a match is possible at all and runs the exact pipeline only there.

The prefilter must never miss: a text it rejects has no match. For each include
pattern it picks one required term (the one least likely to occur in ordinary
text, judged by a small list of frequent English words and by length) and, for
each variant of that term, one required piece. Every match of the pattern then
contains one of these *anchors* as a token, so the folded text contains the anchor
at a position where a token can start. The regex tests exactly that:

- An anchor starts where a token can start: not after a letter, unless the letter
  closes an initialism (``u.sa``) — digits and ``_`` may precede (``3.5bn``).
- An exact anchor (no ``*``) ends where a word ends (not before a letter or digit),
  except anchors ending in a digit (a number token may run into a word: ``3.5bn``).
- A wildcard anchor (``withdraw*``) may run on.
- Anchors made of letters also match spelled as an initialism (``n.a.t.o``), because
  the tokeniser reads ``N.A.T.O.`` as the token ``nato``.

That regex needs look-behinds at every position, which makes ``re`` slow (about 9 µs
a sentence). Most news text is ASCII after folding and has no tricky joins (``3.5bn``,
``end.The``, ``U.Sa``); there every token is a run of letters and digits once all
other characters become spaces, and initialisms become such runs once their dots are
deleted. For such text the prefilter maps punctuation to spaces (``bytes.translate``)
and one Aho-Corasick pass (``pyahocorasick``, C) finds every ``" anchor "`` (exact) or
``" anchor"`` (wildcard), together with the pieces of the patterns' other required
terms, so deciding which patterns qualify in a sentence is set arithmetic. Texts outside
that shape get the look-behind regexes.

Example:
    >>> from rhetoric.codebook.patterns import parse_pattern
    >>> pf = Prefilter([parse_pattern("withdraw* ~3 troops"), parse_pattern("aid")])
    >>> sorted(pf.anchors)
    [('aid', False), ('withdraw', True)]
    >>> pf.search("he said so"), pf.search("they withdrew"), pf.search("u.s. aid")
    (False, False, True)
    >>> pf.positions("aid and withdrawal"), pf.positions("u.s. aid and n.a.t.o.")
    ([0, 8], [5])
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter

import ahocorasick

from ..codebook.patterns import Pattern, is_symbolic
from .anchors import FUNCTION_WORDS, anchor_term, term_anchors

# After the first character of an anchor: the character before it must not be a letter
# unless that letter is preceded by '.' (the end of an initialism such as "u.s").
_START = r"(?<!(?<!\.)[^\W\d_].)"
# After an exact anchor: no letter or digit follows.
_WORD_END = r"(?![^\W_])"


# Joins after which a token does not start at a run of letters and digits: a word or number
# running into a '.' and a letter ("end.the", "3.u"), an initialism running into more letters
# or digits ("u.sa", "u.s.5"), a number running into letters ("3.5bn").
_TRICKY_JOIN = re.compile(
    r"[.,](?:(?<=[a-z0-9][a-z]\.)[a-z0-9]|(?<=[a-z]\.)[a-z][a-z0-9]|(?<=[0-9]\.)[a-z]"
    r"|(?<=[a-z]\.)[0-9]|(?<=[0-9][.,])[0-9]+[a-z])"
)
# The same joins, split by their first character: a pattern starting with one literal
# character is searched by re's fast character scan, one starting with a class ("[.,]") by
# testing the class at every position, several times slower on a whole text.
# Every alternative goes on with a letter or digit: the look-ahead first rules out a sentence's
# final '.' (the usual one) before five look-behinds are tried there.
_TRICKY_DOT = re.compile(
    r"\.(?=[a-z0-9])(?:(?<=[a-z0-9][a-z]\.)[a-z0-9]|(?<=[a-z]\.)[a-z][a-z0-9]|(?<=[0-9]\.)[a-z]"
    r"|(?<=[a-z]\.)[0-9]|(?<=[0-9]\.)[0-9]+[a-z])"
)
_TRICKY_COMMA = re.compile(r",(?=[0-9])(?<=[0-9],)[0-9]+[a-z]")


def _has_tricky_join(folded: str) -> bool:
    """Whether :data:`_TRICKY_JOIN` matches somewhere in ``folded`` (two fast searches)."""
    # (half of news texts have no ',': a memchr rules the second regex scan out)
    return _TRICKY_DOT.search(folded) is not None or (
        "," in folded and _TRICKY_COMMA.search(folded) is not None
    )


_INITIALISM = re.compile(r"\.(?<=[a-z]\.)[a-z]")
_CHAIN = re.compile(r"[a-z](?:\.[a-z])+")
_KEEP = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789")
# ASCII letters and digits stay, every other byte becomes a space.
_RUNS = bytes(b if b in _KEEP else 0x20 for b in range(256))


def _variants(norm: str) -> list[str]:
    """The anchor as written, and spelled as an initialism when it is all letters."""
    out = [norm]
    if len(norm) > 1 and norm.isalpha():
        out.append(".".join(norm))
    return out


def _build_regex(anchors: Iterable[tuple[str, bool]]) -> str:
    """A trie-shaped alternation (fast in ``re``) of ``(literal, open_end)`` anchors."""
    trie: dict = {}
    for literal, open_end in anchors:
        node = trie
        for ch in literal:
            node = node.setdefault(ch, {})
        # An open end accepts anything after it, so it wins over a word end at the same node.
        node[""] = node.get("", False) or open_end

    def build(node: dict, depth: int) -> str:
        if node.get("") is True:
            return ""
        alts = []
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch) + (_START if depth == 0 else "") + build(node[ch], depth + 1))
        if "" in node:
            alts.append(_WORD_END)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie, 0) if trie else r"(?!x)x"


# Initialisms whose pieces are kept (see Prefilter._chain_occurrences).
_MAX_CHAINS = 4096

Anchor = tuple[str, bool]
"""A piece as ``(folded word or prefix, open_end)``; ``open_end`` for ``*`` wildcards."""


def _covering(anchors: Iterable[Anchor]) -> dict[Anchor, Anchor]:
    """Map each anchor to the one that stands for it: a wildcard covers the words it begins."""
    anchors = set(anchors)
    opens = sorted(a for a, open_end in anchors if open_end)
    out = {}
    for a, o in anchors:
        cover = next((p for p in opens if a.startswith(p) and (p != a or not o)), None)
        out[(a, o)] = (cover, True) if cover is not None else (a, o)
    # A cover may itself be covered by a shorter wildcard.
    for key, value in out.items():
        while out[value] != value:
            value = out[value]
        out[key] = value
    return out


class _PieceSet:
    """Finds any of a set of pieces as a token with the look-behind regex (any text).

    Built lazily: most texts are ASCII without tricky joins and never need the regex, and
    compiling hundreds of look-behind alternations at start-up costs most of a second.
    """

    def __init__(self, pieces: Iterable[Anchor]) -> None:
        self._raw = tuple(pieces)

    @cached_property
    def pieces(self) -> frozenset[Anchor]:
        """The pieces after wildcards have absorbed the words they begin."""
        return frozenset(_covering(self._raw).values())

    @cached_property
    def sound(self) -> re.Pattern[str]:
        """The look-behind regex of the pieces (and their initialism spellings)."""
        literals = [(v, o or v[-1].isdigit() or v != a) for a, o in self.pieces for v in _variants(a)]
        return re.compile(_build_regex(literals))

    @cached_property
    def literal_anchor(self) -> dict[str, str]:
        """Each literal the regex can match -> the anchor it spells."""
        return {v: a for a, _ in self.pieces for v in _variants(a)}

    def at(self, folded: str, pos: int) -> bool:
        """Whether one of the pieces may be the token starting at ``pos``."""
        return self.sound.match(folded, pos) is not None

    def present(self, folded: str, fs: int, fe: int) -> bool:
        """Whether one of the pieces may occur as a token starting in ``[fs, fe)``."""
        m = self.sound.search(folded, fs)
        return m is not None and m.start() < fe


@dataclass(slots=True)
class Scan:
    """Where the anchors of one folded text are.

    Attributes:
        folded: The folded text.
        hits: ``(offset, anchor)`` pairs by offset: a token that may be an anchor starts there
            (``anchor`` is a piece number with the runs method, the anchor text otherwise).
        occurrences: Runs method: every ``(offset, piece number)`` found, by offset; None
            with the look-behind method.
        offsets: Runs method: the offsets alone (a sentence's occurrences are found by
            bisecting integers).
    """

    folded: str
    hits: list[tuple[int, int | str]]
    occurrences: list[tuple[int, int]] | None = None
    offsets: list[int] | None = None  # runs method: the offsets of ``occurrences``, for bisecting


class Prefilter:
    """Finds where in a folded text one of many patterns could match, and which ones."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        """Choose anchors for every pattern and build the automaton and the regexes.

        Args:
            patterns: Parsed include patterns, referred to by position (exclude patterns need
                no anchors: they only suppress include matches, so a text without include
                candidates has no mentions).
        """
        self.patterns = tuple(patterns)
        sets: dict[frozenset[Anchor], _PieceSet] = {}

        def piece_set(key: frozenset[Anchor]) -> _PieceSet:
            if key not in sets:
                sets[key] = _PieceSet(key)
            return sets[key]

        numbers: dict[Anchor, int] = {}

        def number(piece: Anchor) -> int:
            return numbers.setdefault(piece, len(numbers))

        raw: dict[Anchor, list[int]] = {}
        own: list[tuple[frozenset[str], _PieceSet]] = []
        others: list[tuple[_PieceSet, ...]] = []
        anchor_pids: dict[int, list[int]] = {}
        other_numbers: list[tuple[frozenset[int], ...]] = []
        for pid, pattern in enumerate(self.patterns):
            anchor_index, pieces = anchor_term(pattern)
            key = frozenset((p.norm, p.prefix) for p in pieces)
            for piece in key:
                raw.setdefault(piece, []).append(pid)
                anchor_pids.setdefault(number(piece), []).append(pid)
            own.append((frozenset(a for a, o in key if o), piece_set(key)))
            checks, terms = [], []
            for ti, term in enumerate(pattern.terms):
                # A term that may be a bare symbol ("%") is taken as present, like a function word.
                if term.optional or ti == anchor_index or any(is_symbolic(v) for v in term.variants):
                    continue
                term_key = frozenset((p.norm, p.prefix) for p in term_anchors(term)[1])
                checks.append(piece_set(term_key))
                if not any(a in FUNCTION_WORDS for a, _ in term_key):
                    terms.append(frozenset(number(p) for p in term_key))
            others.append(tuple(checks))
            other_numbers.append(tuple(terms))
        # Look-behind method: one regex for all anchors, wildcards covering the words they begin
        # (built on first use, see _PieceSet).
        self._own = tuple(own)
        self._others = tuple(others)
        self._raw = raw
        self._all = _PieceSet(raw)
        # Runs method: every anchor and tracked piece as a key of one automaton.
        self._anchor_pids = {n: tuple(ids) for n, ids in anchor_pids.items()}
        self._other_numbers = tuple(other_numbers)
        # Per anchor: the patterns its presence qualifies alone, and those with other terms to check.
        self._free = {
            n: frozenset(pid for pid in ids if not other_numbers[pid]) for n, ids in anchor_pids.items()
        }
        self._bound = {
            n: tuple((pid, other_numbers[pid]) for pid in ids if other_numbers[pid])
            for n, ids in anchor_pids.items()
        }
        self._anchor_keys = frozenset(anchor_pids)  # a set: intersecting it walks the smaller side
        self._free_keys = frozenset(n for n, ids in self._free.items() if ids)
        self._bound_keys = frozenset(n for n, pairs in self._bound.items() if pairs)
        # Per anchor: every piece of every other term of its patterns. A text holding none of
        # them qualifies none of those patterns (each needs a piece of each of its other terms),
        # which one C call tells (most anchors of a text that does not qualify).
        self._bound_pieces = {
            n: frozenset().union(*(t for _pid, terms in pairs for t in terms))
            for n, pairs in self._bound.items()
        }
        self._runs_ok = all(a.isascii() and a.isalnum() for a, _ in numbers)
        # Values are bare piece numbers: the automaton's hits then go into a list and a set
        # without a Python step per hit; the offset is worked out only for texts that qualify.
        self._automaton = ahocorasick.Automaton()
        lengths = [0] * len(numbers)
        for (norm, open_end), n in numbers.items():
            key = " " + norm + ("" if open_end else " ")
            self._automaton.add_word(key, n)
            lengths[n] = len(key) - 1
        self._lengths = tuple(lengths)
        self._chains: dict[str, tuple[int, ...]] = {}  # initialism as written -> its piece numbers
        if numbers:
            self._automaton.make_automaton()

    @property
    def anchors(self) -> frozenset[Anchor]:
        """The anchors after wildcards have absorbed the words they begin."""
        return self._all.pieces

    @property
    def regex(self) -> re.Pattern[str]:
        """The look-behind regex, right for any text."""
        return self._all.sound

    @cached_property
    def _pids(self) -> dict[str, tuple[int, ...]]:
        """Look-behind method: covering anchor -> the patterns it stands for."""
        cover = _covering(self._raw)
        pids: dict[str, set[int]] = {}
        for anchor, ids in self._raw.items():
            pids.setdefault(cover[anchor][0], set()).update(ids)
        return {a: tuple(sorted(ids)) for a, ids in pids.items()}

    def scan(self, folded: str) -> Scan | None:
        """Find the anchors in ``folded``; None when no pattern can match anywhere in it.

        Args:
            folded: The text after :func:`~rhetoric.text.normalize.fold_text`.

        Returns:
            A :class:`Scan` to pass to :meth:`candidates`, or None.
        """
        if not self._anchor_pids:
            return None
        if self._runs_ok and folded.isascii():
            if not _has_tricky_join(folded):
                # A key " word" found ending at padded index `end` starts at padded end - len(word),
                # the space before the token, which is the token's folded offset.
                found = list(
                    self._automaton.iter(" " + folded.encode("ascii").translate(_RUNS).decode() + " ")
                )
                chains = self._chain_occurrences(folded)
                # Decided on the pieces alone, before any offset is worked out.
                keys = set(map(itemgetter(1), found))
                if chains:
                    keys.update(map(itemgetter(1), chains))
                if not self.qualifies(keys):
                    return None
                lengths = self._lengths
                occurrences = [(end - lengths[k], k) for end, k in found]
                if chains:
                    occurrences += chains
                    occurrences.sort()
                anchors = self._anchor_pids
                return Scan(
                    folded,
                    [(pos, k) for pos, k in occurrences if k in anchors],
                    occurrences,
                    list(map(itemgetter(0), occurrences)),
                )
        scan = self._scan_sound(folded)
        if not scan.hits or not self._any_candidate(scan):
            return None
        return scan

    def _chain_occurrences(self, folded: str) -> list[tuple[int, int]]:
        """Runs method: ``(offset, piece number)`` of the pieces spelled as initialisms ("n.a.t.o")."""
        dot = _INITIALISM.search(folded)
        if dot is None:
            return []
        out = []
        chains = self._chains
        while dot is not None:
            # An initialism is one token: test it with its dots deleted.
            chain = _CHAIN.match(folded, dot.start() - 1)
            assert chain is not None  # _INITIALISM found letter.letter there
            spelled = chain.group()
            keys = chains.get(spelled)
            if keys is None:
                # The same few initialisms ("u.s", "e.u") recur: their pieces are kept, bounded.
                if len(chains) >= _MAX_CHAINS:
                    chains.clear()
                keys = chains[spelled] = tuple(
                    k for _end, k in self._automaton.iter(" " + spelled.replace(".", "") + " ")
                )
            start = chain.start()
            out += [(start, k) for k in keys]
            dot = _INITIALISM.search(folded, chain.end())
        return out

    def _scan_sound(self, folded: str) -> Scan:
        hits = []
        sound, literal_anchor = self._all.sound, self._all.literal_anchor
        m = sound.search(folded)
        while m is not None:
            hits.append((m.start(), literal_anchor[m.group()]))
            m = sound.search(folded, m.start() + 1)
        return Scan(folded, hits)

    def candidates(self, scan: Scan, fs: int, fe: int) -> list[int]:
        """Patterns (by position) that may match in the folded range ``[fs, fe)`` of a scanned text.

        A pattern qualifies when one of its anchors starts in the range and every other
        required term of it has a piece there too.
        """
        return list(self.candidate_key(scan, fs, fe))

    def candidate_key(self, scan: Scan, fs: int, fe: int) -> tuple[int, ...]:
        """:meth:`candidates` as a tuple (ascending), for keying caches."""
        if scan.occurrences is not None:
            offsets = scan.offsets
            assert offsets is not None  # set with occurrences
            lo = bisect_left(offsets, fs)
            hi = bisect_left(offsets, fe, lo)
            return self._qualified(set(map(itemgetter(1), scan.occurrences[lo:hi])))
        return tuple(self._candidates_sound(scan, fs, fe))

    def _qualified(self, found: set[int]) -> tuple[int, ...]:
        """Runs method: the patterns (ascending) that the pieces ``found`` in a range qualify."""
        qualified: set[int] = set()
        free, bound = self._free, self._bound
        for k in found.intersection(self._anchor_keys):
            qualified |= free[k]
            for pid, terms in bound[k]:
                if pid not in qualified:
                    for t in terms:
                        if t.isdisjoint(found):
                            break
                    else:
                        qualified.add(pid)
        return tuple(sorted(qualified))

    def _any_candidate(self, scan: Scan) -> bool:
        """Whether some pattern may match somewhere in the scanned text (:meth:`candidates` not empty)."""
        if scan.occurrences is None:
            return bool(self._candidates_sound(scan, 0, len(scan.folded)))
        return self.qualifies({k for _pos, k in scan.occurrences})

    def qualifies(self, found: set[int]) -> bool:
        """Runs method: whether the pieces ``found`` in a text (by number) qualify some pattern."""
        if not found.isdisjoint(self._free_keys):
            return True
        bound, pieces = self._bound, self._bound_pieces
        for k in found.intersection(self._bound_keys):
            if pieces[k].isdisjoint(found):
                continue
            for _pid, terms in bound[k]:
                for t in terms:
                    if t.isdisjoint(found):
                        break
                else:
                    return True
        return False

    def _candidates_sound(self, scan: Scan, fs: int, fe: int) -> list[int]:
        hits, folded = scan.hits, scan.folded
        i = bisect_left(hits, (fs, ""))
        seen: set[int] = set()
        out: list[int] = []
        checked: dict[int, bool] = {}
        while i < len(hits) and hits[i][0] < fe:
            pos, anchor = hits[i]
            i += 1
            for pid in self._pids[anchor]:
                if pid in seen:
                    continue
                # A hit on a wildcard anchor stands for the words it begins; a pattern anchored
                # on one of those words checks the token itself.
                opens, pieces = self._own[pid]
                if anchor not in opens and not pieces.at(folded, pos):
                    continue
                seen.add(pid)
                ok = True
                for check in self._others[pid]:
                    key = id(check)
                    if key not in checked:
                        checked[key] = check.present(folded, fs, fe)
                    if not checked[key]:
                        ok = False
                        break
                if ok:
                    out.append(pid)
        out.sort()
        return out

    def search(self, folded: str) -> bool:
        """Whether a pattern could match somewhere in ``folded``."""
        return self.scan(folded) is not None

    def positions(self, folded: str) -> list[int]:
        """Offsets in ``folded`` where an anchor may start, ascending; empty when no pattern can match.

        Every token that could be an anchor of a match starts at one of these offsets (some
        are false alarms, which the exact matcher then rejects).
        """
        scan = self.scan(folded)
        return [] if scan is None else [pos for pos, _ in scan.hits]


__all__ = ["Anchor", "Prefilter", "Scan"]
