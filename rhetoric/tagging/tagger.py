"""Condition tagger: a codebook compiled once into a matcher; text in, mentions out.

Pipeline for one text: fold it (offset map kept), split sentences (Punkt, on the
original), tokenise the folded text, match every pattern of every tag sentence by
sentence, drop matches that overlap one of their tag's ``exclude`` matches, keep
the longest of overlapping matches within a tag, and map token spans back to exact
original offsets. Different tags may overlap, unless one ``overrides`` the other: then the
overriding tag's mention replaces the overlapping one. A mention found by a pattern with
``polarity = "negated"`` carries ``polarity="negated"``.

The hot path runs that pipeline only where it can find something: a
:class:`~rhetoric.tagging.prefilter.Prefilter` regex scans the folded text for the
anchors of the include patterns; a text without one is done, and in a text with
one only the sentences holding an anchor are tokenised and matched.
:meth:`Tagger.tag_exhaustive` runs the full pipeline on every sentence and gives the
same mentions (the tests check this).

Example:
    >>> from rhetoric.codebook.model import Codebook, TagSpec
    >>> from rhetoric.types import Role
    >>> spec = TagSpec(id="ceasefire", label="Ceasefire", description="", role=Role.EITHER,
    ...                patterns=("cease-fire",), exclude=("ceasefire violation*",))
    >>> tagger = Tagger.from_codebook(Codebook("demo", "1", "en", "", (spec,)))
    >>> [(m.text, m.start, m.sentence) for m in tagger.tag("No talks. A cease fire now!")]
    [('cease fire', 12, 1)]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from ..codebook.load import load_codebook
from ..codebook.model import Codebook
from ..codebook.patterns import parse_pattern
from ..corpus.store import Corpus
from ..records import Mention, Statement
from ..text.normalize import Folded, fold, fold_text
from ..text.sentences import sentence_spans, split_sentences
from ..text.tokens import SYMBOLS, TOKEN_RE, tokenize_folded
from ..types import Polarity
from .matcher import PatternMatcher
from .prefilter import Prefilter, Scan


@dataclass(frozen=True, slots=True)
class _Rule:
    """What a compiled pattern belongs to."""

    tag: str
    exclude: bool
    order: int  # position among the tag's patterns (ties go to the earlier one)
    source: str
    negated: bool = False  # the pattern means the opposite of its tag (polarity = "negated")


class Tagger:
    """Finds codebook tags in text. Build once with :meth:`from_codebook`, then call :meth:`tag`."""

    def __init__(self, codebook: Codebook) -> None:
        """Compile every pattern of the codebook.

        Raises:
            PatternError: If a pattern does not parse (a loaded codebook has none).
        """
        self.codebook = codebook
        rules: list[_Rule] = []
        patterns = []
        for spec in codebook.tags:
            negated = set(spec.negated)
            for order, source in enumerate(spec.patterns):
                rules.append(_Rule(spec.id, False, order, source, source in negated))
                patterns.append(parse_pattern(source))
            for order, source in enumerate(spec.exclude):
                rules.append(_Rule(spec.id, True, order, source))
                patterns.append(parse_pattern(source))
        self._rules = tuple(rules)
        self._matcher = PatternMatcher(patterns)
        include = [pid for pid, r in enumerate(rules) if not r.exclude]
        self.prefilter = Prefilter(patterns[pid] for pid in include)
        # Prefilter candidates (include patterns by position) -> matcher ids, with the excludes
        # of the same tag, which can only matter where an include pattern of that tag matches.
        self._include = tuple(include)
        self._only: dict[tuple[int, ...], frozenset[int]] = {}  # candidates -> matcher ids, kept
        excludes: dict[str, list[int]] = {}
        for pid, r in enumerate(rules):
            if r.exclude:
                excludes.setdefault(r.tag, []).append(pid)
        self._excludes = {tag: frozenset(pids) for tag, pids in excludes.items()}
        # Per matcher id: the excludes of its tag (the blockers of a sentence with one match).
        self._blockers = tuple(self._excludes.get(r.tag, frozenset()) for r in rules)
        # Most tokens an exclude match can span: one starting further before an include match
        # cannot overlap it, so the exclude search starts there.
        self._exclude_reach = max((self._matcher.reach(p) for ps in excludes.values() for p in ps), default=0)
        # Tag -> the tags that override it (their overlapping mentions replace its own).
        overridden: dict[str, set[str]] = {}
        for spec in codebook.tags:
            for other in spec.overrides:
                overridden.setdefault(other, set()).add(spec.id)
        self._overridden_by = {tag: frozenset(by) for tag, by in overridden.items()}

    @classmethod
    def from_codebook(cls, codebook: Codebook) -> Tagger:
        """Compile a codebook into a tagger.

        Example:
            >>> Tagger.from_codebook(Codebook("empty", "", "en", "", ())).tag("anything")
            []
        """
        return cls(codebook)

    def tag(self, text: str, *, statement_id: str | None = None) -> list[Mention]:
        """Every mention of every tag in ``text``.

        Args:
            text: The statement text.
            statement_id: Recorded on each mention (None for free text).

        Returns:
            Mentions sorted by (start, end, tag); ``text[m.start:m.end] == m.text``; ``m.sentence``
            indexes :func:`~rhetoric.text.sentences.split_sentences` of ``text``.
        """
        if not text or not self._rules:
            return []
        scan = self.prefilter.scan(fold_text(text))
        if scan is None:
            return []
        return self._tag_scanned(text, scan, statement_id)

    def _tag_scanned(self, text: str, scan: Scan, statement_id: str | None) -> list[Mention]:
        """The exact pipeline on the sentences of ``text`` that hold a candidate of ``scan``."""
        folded = fold(text, folded_text=scan.folded)
        starts = folded.starts
        spans_of_sentences = sentence_spans(text)
        # Folded range of each sentence: the tokens whose original start lies in it.
        if starts is None:
            ranges = spans_of_sentences
        else:
            ranges = [(bisect_left(starts, s), bisect_left(starts, e)) for s, e in spans_of_sentences]
        firsts = [fs for fs, _fe in ranges]
        mentions: list[Mention] = []
        for si in sorted({bisect_right(firsts, pos) - 1 for pos, _anchor in scan.hits}):
            if si < 0:
                continue
            fs, fe = ranges[si]
            key = self.prefilter.candidate_key(scan, fs, fe)
            if not key:
                continue
            norms, locate = _sentence_tokens(folded, fs, fe)
            only = self._only.get(key)
            if only is None:
                if len(self._only) >= _MAX_CANDIDATE_SETS:
                    self._only.clear()
                only = self._only[key] = frozenset(self._include[c] for c in key)
            hits = self._matcher.find(norms, only)
            if hits:
                # Exclude patterns matter only for tags that matched.
                if len(hits) == 1:
                    pid, first, last = hits[0]
                    blockers = self._blockers[pid]
                else:
                    blockers = frozenset().union(*(self._blockers[pid] for pid, _s, _e in hits))
                    first = min(s for _pid, s, _e in hits)
                    last = max(e for _pid, _s, e in hits)
                if blockers:
                    # Only an exclude match overlapping an include match matters (_mentions).
                    lo = max(0, first - self._exclude_reach + 1)
                    hits += self._matcher.find(norms, blockers, lo=lo, hi=last)
                spans = locate(max(e for _pid, _s, e in hits))
                mentions += self._mentions(text, hits, spans, si, statement_id)
        if len(mentions) > 1:
            mentions.sort(key=_mention_order)
        return mentions

    def tag_exhaustive(self, text: str, *, statement_id: str | None = None) -> list[Mention]:
        """Like :meth:`tag`, without the prefilter: every sentence is tokenised and matched.

        The reference the fast path is tested against; slower, same result.

        Example:
            >>> Tagger.from_codebook(Codebook("empty", "", "en", "", ())).tag_exhaustive("x")
            []
        """
        if not text or not self._rules:
            return []
        folded = fold(text)
        tokens = tokenize_folded(folded)
        if not tokens:
            return []
        mentions: list[Mention] = []
        spans = split_sentences(text)
        ti = 0
        for si, (s_start, s_end) in enumerate(spans):
            while ti < len(tokens) and tokens[ti].start < s_start:
                ti += 1
            tj = ti
            while tj < len(tokens) and tokens[tj].start < s_end:
                tj += 1
            if tj > ti:
                sentence = tokens[ti:tj]
                hits = self._matcher.find([t.norm for t in sentence])
                spans = [(t.start, t.end) for t in sentence]
                mentions.extend(self._mentions(text, hits, spans, si, statement_id))
            ti = tj
        mentions.sort(key=_mention_order)
        return mentions

    def _mentions(self, text, hits, spans, sentence: int, statement_id: str | None) -> list[Mention]:
        """Mentions from one sentence's matches: excludes applied, longest match per tag kept.

        Args:
            text: The original text.
            hits: ``(pattern id, start token, end token)`` from the matcher.
            spans: Original ``(start, end)`` of each token of the sentence.
            sentence: Sentence index.
            statement_id: Recorded on the mentions.
        """
        if not hits:
            return []
        if len(hits) == 1:
            # One match (the usual case): nothing to exclude, to choose between or to override.
            pid, a, b = hits[0]
            rule = self._rules[pid]
            if rule.exclude:
                return []
            start, end = spans[a][0], spans[b - 1][1]
            polarity = Polarity.NEGATED if rule.negated else Polarity.AFFIRMED
            return [
                Mention.typed(
                    rule.tag, start, end, text[start:end], sentence, rule.source, statement_id, polarity
                )
            ]
        include: dict[str, list[tuple[int, int, int, str, bool]]] = {}
        exclude: dict[str, list[tuple[int, int]]] = {}
        for pid, a, b in hits:
            rule = self._rules[pid]
            span = (spans[a][0], spans[b - 1][1])
            if rule.exclude:
                exclude.setdefault(rule.tag, []).append(span)
            else:
                include.setdefault(rule.tag, []).append((*span, rule.order, rule.source, rule.negated))
        out = []
        for tag, cands in include.items():
            blocked = exclude.get(tag, ())
            cands = [c for c in cands if not any(c[0] < xe and xs < c[1] for xs, xe in blocked)]
            # Longest first, then leftmost, then the earlier pattern: greedy non-overlapping pick.
            cands.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
            kept: list[tuple[int, int]] = []
            for start, end, _order, source, negated in cands:
                if any(start < ke and ks < end for ks, ke in kept):
                    continue
                kept.append((start, end))
                polarity = Polarity.NEGATED if negated else Polarity.AFFIRMED
                out.append(
                    Mention.typed(tag, start, end, text[start:end], sentence, source, statement_id, polarity)
                )
        if self._overridden_by and len(include) > 1:
            out = self._apply_overrides(out)
        return out

    def _apply_overrides(self, mentions: list[Mention]) -> list[Mention]:
        """Drop each mention that overlaps a mention of a tag overriding its own (``overrides``)."""
        by = self._overridden_by
        return [
            m
            for m in mentions
            if not any(o.tag in by.get(m.tag, ()) and o.start < m.end and m.start < o.end for o in mentions)
        ]


# TOKEN_RE spelled out for ASCII text (same alternatives in the same order; groups left out
# so that ``findall`` returns the matched strings): on an ASCII sentence it finds the same
# tokens, and the only differences to the norms are the dots of an initialism and a
# possessive "'s", fixed afterwards where the sentence has letter.letter or "'s".
_ASCII_TOKEN = re.compile(
    r"[A-Za-z](?:\.[A-Za-z](?![A-Za-z]))+\.?|[0-9]+(?:[.,][0-9]+)+|[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*|["
    + re.escape("".join(c for c in SYMBOLS if c.isascii()))
    + "]"
)
# Letter, ".", letter: where an ASCII sentence may hold an initialism (a '.' first: re finds it fast).
_INITIAL_DOT = re.compile(r"\.(?<=[A-Za-z]\.)[A-Za-z]")
_ASCII_SYMBOLS = "".join(c for c in SYMBOLS if c.isascii())
# Every byte but ASCII letters, digits, '.' and ',' becomes a space (see _plain).
_RUNS_AND_SEPARATORS = bytes(
    b if chr(b).isascii() and (chr(b).isalnum() or chr(b) in ".,") else 0x20 for b in range(256)
)
# An apostrophe or a symbol makes a sentence not plain (see _plain).
_NOT_PLAIN = "'" + _ASCII_SYMBOLS
# A number with separators, as _ASCII_TOKEN reads one.
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)+")
# A match's text and span, as functions to map over matches (in C).
_GROUP = re.Match.group
_SPAN = re.Match.span


def _mention_order(m: Mention) -> tuple[int, int, str]:
    """Mentions are returned by (start, end, tag)."""
    return m.start, m.end, m.tag


# Candidate sets whose matcher ids are kept (they repeat; this bounds memory).
_MAX_CANDIDATE_SETS = 4096


def _sentence_tokens(
    folded: Folded, fs: int, fe: int
) -> tuple[list[str], Callable[[int], Sequence[tuple[int, int]]]]:
    """Norms of the tokens whose folded start lies in ``[fs, fe)``, and how to find their spans.

    The second value, called with ``n``, gives the original ``(start, end)`` of the first ``n``
    tokens (a sequence, indexed by token): only a sentence with a match needs them, and only
    up to its last matched token.

    Tokens never contain whitespace, so a scan started just after a whitespace character
    finds the same tokens from there on as a scan of the whole text. Same rules as
    :func:`~rhetoric.text.tokens.iter_folded_tokens`, inlined: this is the hot loop.
    """
    text = folded.text
    q = fs
    while q > 0 and not text[q - 1].isspace():
        q -= 1
    segment = text[q:fe]
    if segment.isascii() and (
        # no token runs on past the end ("1,000", "a'b", "u.s." across fe: the full rules decide)
        fe == len(text) or not (text[fe].isalnum() or text[fe] in "'.,")
    ):
        plain = _plain(segment) if q == fs else None
        if plain is not None:
            return _plain_tokens(folded, plain, fs)
        # The regex engine alone finds the tokens, in one scan whose matches also give the
        # spans (on demand). Tokens starting before fs are found by the same scan and dropped
        # (a scan cut at fs could read "b.s" of "b.ss" as one).
        matches = list(_ASCII_TOKEN.finditer(text, q, fe))
        if q < fs:
            skip = 0
            while skip < len(matches) and matches[skip].start() < fs:
                skip += 1
            del matches[:skip]
        norms = list(map(_GROUP, matches))
        # An initialism needs a letter, "." and a letter; a possessive "'s".
        if _INITIAL_DOT.search(segment) is not None:
            norms = [t.replace(".", "") if "." in t and not t[0].isdigit() else t for t in norms]
        owners: list[int] = []  # the tokens that lose a possessive "'s"
        if "'s" in segment:
            owners = [i for i, t in enumerate(norms) if t.endswith("'s") and len(t) > 2]
            for i in owners:
                norms[i] = norms[i][:-2]

        def locate(n: int) -> list[tuple[int, int]]:
            spans = list(map(_SPAN, matches[:n]))
            for i in owners:
                if i >= n:
                    break
                s, e = spans[i]
                spans[i] = (s, e - 2)
            return _original(folded, spans)

        return norms, locate
    norms: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in TOKEN_RE.finditer(text, q):
        s, e = m.span()
        if s >= fe:
            break
        if s < fs:
            continue
        norm = m.group()
        kind = m.lastgroup
        if kind == "word":
            if norm.endswith("'s") and len(norm) > 2:
                norm = norm[:-2]
                e -= 2
        elif kind == "abbr":
            norm = norm.replace(".", "")
        norms.append(norm)
        spans.append((s, e))
    mapped = _original(folded, spans)
    return norms, lambda n: mapped[:n]


def _plain(segment: str) -> str | None:
    """``segment`` (ASCII) with every character outside its tokens blanked, when that leaves each token a chunk.

    That holds when no apostrophe or symbol occurs and every '.' or ',' either ends a chunk
    (before a space or at the end: sentence punctuation, blanked) or separates the digits of a
    number chunk ("10,000", "3.5"). An initialism, a possessive, "3.5bn", "end.The" or "60%" give
    None: :data:`_ASCII_TOKEN` decides those. Blanking keeps every offset.
    """
    for c in _NOT_PLAIN:
        if c in segment:
            return None
    plain = (
        segment.encode("ascii")
        .translate(_RUNS_AND_SEPARATORS)
        .decode()
        .replace(". ", "  ")
        .replace(", ", "  ")
    )
    if plain.endswith((".", ",")):
        plain = plain.rstrip(".,").ljust(len(plain))
    for sep in ".,":
        i = plain.find(sep)
        while i != -1:
            end = plain.find(" ", i)
            if end == -1:
                end = len(plain)
            if not _NUMBER.fullmatch(plain, plain.rfind(" ", 0, i) + 1, end):
                return None
            i = plain.find(sep, end)
    return plain


def _plain_tokens(
    folded: Folded, plain: str, fs: int
) -> tuple[list[str], Callable[[int], Sequence[tuple[int, int]]]]:
    """:func:`_sentence_tokens` for a sentence at folded offset ``fs`` whose :func:`_plain` form is ``plain``.

    The regex engine tests every character of a sentence against four alternatives;
    ``str.split`` (C) cuts the chunks at a fraction of that.
    """
    norms = plain.split()
    return norms, lambda n: _PlainSpans(folded, plain, norms, fs, n)


class _PlainSpans(Sequence[tuple[int, int]]):
    """The original ``(start, end)`` of the first ``n`` chunks of a :func:`_plain` sentence, each worked out when read.

    A sentence with a match reads the spans of a few tokens (where each match starts and
    ends), not of every token before its last match: a token's start is found by one regex
    match that skips the chunks before it (C), with no Python step per token.
    """

    __slots__ = ("_folded", "_n", "_norms", "_offset", "_plain")

    def __init__(self, folded: Folded, plain: str, norms: list[str], offset: int, n: int) -> None:
        self._folded = folded
        self._plain = plain
        self._norms = norms
        self._offset = offset
        self._n = min(n, len(norms))

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):  # type: ignore[override]  # int indexes only (what _mentions reads)
        if not 0 <= i < self._n:
            raise IndexError(i)
        skip = _CHUNK_SKIPS.get(i)
        if skip is None:
            if len(_CHUNK_SKIPS) >= _MAX_CHUNK_SKIPS:
                _CHUNK_SKIPS.clear()
            skip = _CHUNK_SKIPS[i] = re.compile(rf" *(?:[^ ]+ +){{{i}}}")
        match = skip.match(self._plain)
        assert match is not None  # chunk i exists (i < len(norms))
        start = self._offset + match.end()
        if self._folded.starts is None:
            return start, start + len(self._norms[i])
        return self._folded.original_span(start, start + len(self._norms[i]))


# Per chunk index i: a regex whose match ends where chunk i of a _plain string starts (it
# skips the leading blanks and i chunks with the blanks after each).
_CHUNK_SKIPS: dict[int, re.Pattern[str]] = {}
# Regexes kept at most (sentences rarely have more tokens; this bounds memory).
_MAX_CHUNK_SKIPS = 1024


def _original(folded: Folded, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Folded spans mapped to the original text."""
    if folded.starts is None:
        return spans
    span = folded.original_span
    return [span(s, e) for s, e in spans]


def tag_corpus(
    corpus: Corpus, tagger: Tagger, *, ids: Iterable[str] | None = None
) -> Iterator[tuple[Statement, list[Mention]]]:
    """Tag a corpus statement by statement, streaming (one statement in memory at a time).

    Args:
        corpus: The corpus to read.
        tagger: A compiled tagger.
        ids: Only these statement ids, in the given order; all statements in file order if None.

    Yields:
        ``(statement, mentions)`` pairs.

    Raises:
        NotFoundError: If one of ``ids`` is not in the corpus.
        ValidationError: If a corpus line is malformed.

    Example:
        >>> for statement, mentions in tag_corpus(Corpus("corpora/ukraine-nato"), tagger):  # doctest: +SKIP
        ...     print(statement.id, [m.tag for m in mentions])
    """
    for statement in corpus.iter_selected(ids):
        yield statement, tagger.tag(statement.text, statement_id=statement.id)


def load_tagger(corpus_dir: str | PathLike, *, codebook_path: str | PathLike | None = None) -> Tagger:
    """Load a corpus's ``codebook.toml`` (or another codebook) and compile it.

    Args:
        corpus_dir: The corpus folder.
        codebook_path: A codebook file to use instead of the corpus's own.

    Raises:
        NotFoundError: If the codebook file does not exist.
        CodebookError: If it has structural problems.

    Example:
        >>> load_tagger("corpora/ukraine-nato").tag("A truce now.")[0].tag  # doctest: +SKIP
        'ceasefire'
    """
    path = Path(codebook_path) if codebook_path is not None else Corpus(corpus_dir).codebook_path
    return Tagger.from_codebook(load_codebook(path))


__all__ = ["Tagger", "load_tagger", "tag_corpus"]
