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
and searches ``" anchor"`` with a literal-led regex, which ``re`` runs about six times
faster. Texts outside that shape get the look-behind regex.

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
from dataclasses import dataclass, field

from ..codebook.patterns import Pattern, Piece, Term

# Frequent English (and wire-copy) words: a term made only of these is a poor anchor,
# because nearly every text contains one. Order does not matter.
COMMON_WORDS: frozenset[str] = frozenset(
    """
    a about after again against all also am an and any are as at back be because been before
    being between both but by came can come comes coming could day did do does done down during
    each even every few first for from further get gets getting go goes going got had has have
    having he her here him his how i if in into is it its just last like made make many may me
    more most much must my new no not now of off on once one only or other our out over own
    people said same say says see she should since so some still such take than that the their
    them then there these they this those through time to told too two under until up us very
    was way we week well were what when where which while who why will with would year years
    you your
    government president minister officials official country state states world news report
    reported according told added statement percent million billion end part help support
    move place point side home high long work use show set put call plan change group case
    number money today including
    """.split()
)

# Relative cost of an anchor (how often it is expected to occur in ordinary text).
_COMMON_COST = 1.0


def _piece_cost(piece: Piece) -> float:
    norm = piece.norm
    if piece.prefix:
        if any(w.startswith(norm) for w in COMMON_WORDS):
            return _COMMON_COST
        return 0.2 if len(norm) <= 3 else 0.05 if len(norm) <= 5 else 0.01
    if norm in COMMON_WORDS:
        return _COMMON_COST
    return 0.1 if len(norm) <= 2 else 0.03 if len(norm) <= 4 else 0.01


def _term_anchors(term: Term) -> tuple[float, set[Piece]]:
    """The cheapest required piece of each variant, and their summed cost."""
    pieces = {min(variant, key=lambda p: (_piece_cost(p), -len(p.norm), p.norm)) for variant in term.variants}
    return sum(_piece_cost(p) for p in pieces), pieces


def _anchor_term(pattern: Pattern) -> tuple[int, set[Piece]]:
    """Index of the required term with the cheapest anchors, and those anchors."""
    best: tuple[float, int, set[Piece]] | None = None
    for ti, term in enumerate(pattern.terms):
        if term.optional:
            continue
        cost, pieces = _term_anchors(term)
        if best is None or cost < best[0]:
            best = (cost, ti, pieces)
    assert best is not None  # the parser rejects patterns whose terms are all optional
    return best[1], best[2]


def pattern_anchors(pattern: Pattern) -> frozenset[Piece]:
    """Pieces one of which every match of ``pattern`` contains as a whole token (or token prefix).

    Example:
        >>> from rhetoric.codebook.patterns import parse_pattern
        >>> sorted(p.norm for p in pattern_anchors(parse_pattern("the? cease-fire|truce")))
        ['cease', 'ceasefire', 'truce']
    """
    return frozenset(_anchor_term(pattern)[1])


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


def _build_runs_regex(anchors: Iterable[tuple[str, bool]]) -> str:
    """The anchors after a space; exact ones also before a space (text padded with spaces)."""
    trie: dict = {}
    for literal, open_end in anchors:
        node = trie
        for ch in literal:
            node = node.setdefault(ch, {})
        node[""] = node.get("", False) or open_end

    def build(node: dict) -> str:
        if node.get("") is True:
            return ""
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if "" in node:
            alts.append("(?= )")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return " " + build(trie) if trie else r"(?!x)x"


Anchor = tuple[str, bool]
"""A piece as ``(folded word or prefix, open_end)``; ``open_end`` for ``*`` wildcards."""


def _covering(anchors: Iterable[Anchor]) -> dict[Anchor, Anchor]:
    """Map each anchor to the one that stands for it: a wildcard covers the words it begins."""
    anchors = set(anchors)
    opens = sorted(a for a, open_end in anchors if open_end)
    out = {}
    for a, o in anchors:
        cover = next(
            (p for p in opens if a.startswith(p) and (p != a or not o) and (p, True) != (a, o)), None
        )
        out[(a, o)] = (cover, True) if cover is not None else (a, o)
    # A cover may itself be covered by a shorter wildcard.
    for key, value in out.items():
        while out[value] != value:
            value = out[value]
        out[key] = value
    return out


class _PieceSet:
    """Finds any of a set of pieces as a token, by either method (look-behind or runs)."""

    def __init__(self, pieces: Iterable[Anchor]) -> None:
        cover = _covering(pieces)
        self.pieces: frozenset[Anchor] = frozenset(cover.values())
        literals = [(v, o or v[-1].isdigit() or v != a) for a, o in self.pieces for v in _variants(a)]
        self.sound = re.compile(_build_regex(literals))
        self.runs = re.compile(_build_runs_regex(self.pieces))
        self.runs_ok = all(a.isascii() and a.isalnum() for a, _ in self.pieces)
        self.literal_anchor = {v: a for a, _ in self.pieces for v in _variants(a)}


@dataclass(slots=True)
class Scan:
    """Where the anchors of one folded text are, and the means to test other pieces in it.

    Attributes:
        folded: The folded text.
        hits: ``(offset, anchor)`` pairs, by offset: a token that may be an anchor starts there.
        padded: The text as space-padded runs of ASCII letters and digits (runs method), or None.
        dotless: Like ``padded`` with the dots of initialisms deleted, when the text has some.
        anchors: The anchors found.
    """

    folded: str
    hits: list[tuple[int, str]]
    padded: str | None = None
    dotless: str | None = None
    anchors: set[str] = field(default_factory=set)

    def at(self, pieces: _PieceSet, pos: int) -> bool:
        """Whether one of ``pieces`` may be the token starting at folded offset ``pos``."""
        if self.padded is not None and pieces.runs_ok:
            if pieces.runs.match(self.padded, pos) is not None:
                return True
            return self.dotless is not None and pieces.runs.search(self.dotless) is not None
        return pieces.sound.match(self.folded, pos) is not None

    def present(self, pieces: _PieceSet, fs: int, fe: int) -> bool:
        """Whether one of ``pieces`` may occur as a token starting in ``[fs, fe)``."""
        if self.padded is not None and pieces.runs_ok:
            # padded[i + 1] is folded[i]; the space before a token at fs is padded[fs].
            if pieces.runs.search(self.padded, fs, fe + 2) is not None:
                return True
            return self.dotless is not None and pieces.runs.search(self.dotless) is not None
        m = pieces.sound.search(self.folded, fs)
        return m is not None and m.start() < fe


class Prefilter:
    """Finds where in a folded text one of many patterns could match, and which ones."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        """Choose anchors for every pattern and compile the regexes.

        Args:
            patterns: Parsed include patterns, referred to by position (exclude patterns need
                no anchors: they only suppress include matches, so a text without include
                candidates has no mentions).
        """
        self.patterns = tuple(patterns)
        sets: dict[frozenset[Anchor], _PieceSet] = {}
        raw: dict[Anchor, list[int]] = {}
        others: list[tuple[_PieceSet, ...]] = []
        own: list[tuple[frozenset[str], _PieceSet]] = []
        for pid, pattern in enumerate(self.patterns):
            anchor_term, pieces = _anchor_term(pattern)
            for piece in pieces:
                raw.setdefault((piece.norm, piece.prefix), []).append(pid)
            key = frozenset((p.norm, p.prefix) for p in pieces)
            if key not in sets:
                sets[key] = _PieceSet(key)
            own.append((frozenset(a for a, o in key if o), sets[key]))
            checks = []
            for ti, term in enumerate(pattern.terms):
                if term.optional or ti == anchor_term:
                    continue
                key = frozenset((p.norm, p.prefix) for p in _term_anchors(term)[1])
                if key not in sets:
                    sets[key] = _PieceSet(key)
                checks.append(sets[key])
            others.append(tuple(checks))
        self._others = tuple(others)
        # A hit on a wildcard anchor stands for the words it begins; patterns anchored on one
        # of those words check the token itself (open anchors of their own need no check).
        self._own = tuple(own)
        self._all = _PieceSet(raw)
        cover = _covering(raw)
        pids: dict[str, set[int]] = {}
        for anchor, ids in raw.items():
            pids.setdefault(cover[anchor][0], set()).update(ids)
        self._pids = {a: tuple(sorted(ids)) for a, ids in pids.items()}
        #: The anchors after wildcards have absorbed the words they begin.
        self.anchors: frozenset[Anchor] = self._all.pieces
        #: The look-behind regex, right for any text.
        self.regex = self._all.sound

    def scan(self, folded: str) -> Scan | None:
        """Find the anchors in ``folded``; None when no pattern can match anywhere in it.

        Args:
            folded: The text after :func:`~rhetoric.text.normalize.fold_text`.

        Returns:
            A :class:`Scan` to pass to :meth:`candidates`, or None.
        """
        scan = self._find(folded)
        if scan is None:
            return None
        if scan.padded is not None:
            if not self._any_candidate(scan):
                return None
            # Offsets are only worth collecting for texts that go on to the exact pipeline.
            runs = self._all.runs
            hits = [(m.start(), m.group()[1:]) for m in runs.finditer(scan.padded)]
            if scan.hits:  # initialisms
                hits = sorted(hits + scan.hits)
            scan.hits = hits
            return scan
        if not scan.hits or not self.candidates(scan, 0, len(folded)):
            return None
        return scan

    def _any_candidate(self, scan: Scan) -> bool:
        """Whether some pattern qualifies anywhere in the text (its anchors found, order ignored)."""
        n = len(scan.folded)
        checked: dict[int, bool] = {}

        def present(pieces: _PieceSet) -> bool:
            key = id(pieces)
            if key not in checked:
                checked[key] = scan.present(pieces, 0, n)
            return checked[key]

        for anchor in scan.anchors:
            for pid in self._pids[anchor]:
                opens, pieces = self._own[pid]
                if anchor not in opens and not present(pieces):
                    continue
                if all(present(check) for check in self._others[pid]):
                    return True
        return False

    def candidates(self, scan: Scan, fs: int, fe: int) -> list[int]:
        """Patterns (by position) that may match in the folded range ``[fs, fe)`` of a scanned text.

        A pattern qualifies when one of its anchors starts in the range and every other
        required term of it has a piece there too.
        """
        hits = scan.hits
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
                opens, pieces = self._own[pid]
                if anchor not in opens and not scan.at(pieces, pos):
                    continue
                seen.add(pid)
                ok = True
                for check in self._others[pid]:
                    key = id(check)
                    if key not in checked:
                        checked[key] = scan.present(check, fs, fe)
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
        """Offsets in ``folded`` where an anchor of a qualifying pattern may start, ascending.

        Every token that could be an anchor of a match starts at one of these offsets (some
        are false alarms, which the exact matcher then rejects). Empty when no pattern can match.
        """
        scan = self.scan(folded)
        return [] if scan is None else [pos for pos, _ in scan.hits]

    def _find(self, folded: str) -> Scan | None:
        """The anchors of ``folded`` (runs method: their set; look-behind method: with offsets)."""
        runs = self._all.runs
        if self._all.runs_ok and folded.isascii():
            raw = folded.encode("ascii")
            padded = " " + raw.translate(_RUNS).decode() + " "
            # Most texts have no anchor at all: one search says so before anything else.
            first = runs.search(padded)
            dot = _INITIALISM.search(folded)
            tricky = _TRICKY_JOIN.search(folded) is not None
            if first is None and dot is None and not tricky:
                return None
            if not tricky:
                anchors = {a[1:] for a in runs.findall(padded)} if first is not None else set()
                if dot is None:
                    return Scan(folded, [], padded, anchors=anchors)
                # An initialism is one token: test it with its dots deleted.
                chains = []
                while dot is not None:
                    chain = _CHAIN.match(folded, dot.start() - 1)
                    assert chain is not None  # _INITIALISM found letter.letter there
                    m = runs.match(" " + chain.group().replace(".", "") + " ")
                    if m is not None:
                        chains.append((chain.start(), m.group()[1:]))
                        anchors.add(m.group()[1:])
                    dot = _INITIALISM.search(folded, chain.end())
                if not anchors:
                    return None
                dotless = " " + raw.translate(_RUNS, b".").decode() + " "
                return Scan(folded, chains, padded, dotless, anchors=anchors)
        hits = []
        sound, literal_anchor = self._all.sound, self._all.literal_anchor
        m = sound.search(folded)
        while m is not None:
            hits.append((m.start(), literal_anchor[m.group()]))
            m = sound.search(folded, m.start() + 1)
        return Scan(folded, hits, anchors={a for _p, a in hits})


__all__ = ["COMMON_WORDS", "Anchor", "Prefilter", "Scan", "pattern_anchors"]
