"""Punkt's sentence-boundary decisions for abbreviation-only parameters, without nltk.

nltk's Punkt (Kiss & Strunk 2006) decides each candidate break ('.', '?' or '!' before
whitespace or punctuation) from the word before it and the token after it. With the
parameters this project uses — known abbreviations only, no collocations, no frequent
sentence starters, no orthographic statistics — those decisions reduce to a few rules
on two tokens, ported here from nltk 3.10's ``punkt.py`` (Apache 2.0) step by step:
the candidate contexts (``_match_potential_end_contexts``), the word tokenizer regex,
the first and second annotation passes with an empty orthographic context, and the
realignment of closing quotes and brackets. Importing nltk costs seconds (its package
``__init__`` loads scikit-learn and scipy) and its Punkt classes are reached through
private attributes, so the decisions live here; ``tests/text`` compares this splitter
with nltk's Punkt on generated text.

nltk compiles these patterns with the ``regex`` module, whose Unicode classes differ from
``re``'s: its ``\\s`` leaves out the information separators U+001C..U+001F, and its
``[^\\W\\d]`` (the letter of an initial) takes combining marks but not superscript digits
or fractions. The classes below spell that out, so the decisions match nltk on every
character Python's Unicode tables know (the ``regex`` module may know newer ones).

Example:
    >>> splitter = PunktSplitter(frozenset({"gen"}))
    >>> splitter.span_tokenize("Gen. Kellogg spoke. Then he left.")
    [(0, 19), (20, 33)]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import chain

# Whitespace and non-whitespace as nltk's ``regex`` patterns see them (see above).
_S = r"[^\S\x1c-\x1f]"
_NS = r"[\S\x1c-\x1f]"

# Characters that cannot appear within a word: closing and opening brackets, quotes,
# '?' and '!' (but not '.', which an abbreviation keeps).
_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb?!])"
_MULTI_CHAR = rf"(?:\-{{2,}}|\.{{2,}}|(?:\.{_S}){{2,}}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"

# Punkt's word tokenizer: multi-character punctuation, a word up to whitespace or
# punctuation (a period stays on its word), or any other single character.
_WORD = re.compile(
    rf"""(
        {_MULTI_CHAR}
        |
        (?={_WORD_START}){_NS}+?
        (?=
            {_S}|$|{_NON_WORD}|{_MULTI_CHAR}|,(?=$|{_S}|{_NON_WORD}|{_MULTI_CHAR})
        )
        |
        {_NS}
    )""",
    re.VERBOSE,
)

# A candidate break: an end mark followed by punctuation, or by whitespace and a token.
_CANDIDATE = re.compile(
    rf"""[.?!](?=(?P<after_tok>{_NON_WORD}|{_S}+(?P<next_tok>{_NS}+)))""",
    re.VERBOSE,
)
# The same for a text without '?' and '!' (most): a pattern starting with one literal
# character is searched by re's fast character scan instead of a class test at every position.
_CANDIDATE_DOT = re.compile(
    rf"""\.(?=(?P<after_tok>{_NON_WORD}|{_S}+(?P<next_tok>{_NS}+)))""",
    re.VERBOSE,
)


# One per end mark: each starts with a literal character, which re finds by its fast scan.
_CANDIDATE_MARKS = tuple(
    re.compile(re.escape(mark) + _CANDIDATE.pattern[len("[.?!]") :], re.VERBOSE) for mark in ".?!"
)


def _candidates_of(text: str) -> list[re.Match[str]]:
    """The matches of :data:`_CANDIDATE` in ``text``, in order.

    A match is one end mark (the look-ahead takes no characters), so the matches are those of
    the three one-mark regexes together, by position; each of those scans like '.' alone.
    Only their spans are read (those of a text with '?' or '!' may come from a copy of it).
    """
    if "?" not in text and "!" not in text:
        return list(_CANDIDATE_DOT.finditer(text))
    if not _mark_before_qe(text):
        # '?' and '!' read as '.': one scan finds every mark, and each mark's look-ahead sees
        # the same characters (non-space for non-space), so the matches have the same spans.
        # Only a '?' or '!' right after a mark reads differently (_NON_WORD holds them, not
        # '.'): a text with one is scanned mark by mark. (str.replace: translate is slow on
        # non-ASCII text.)
        return list(_CANDIDATE_DOT.finditer(text.replace("?", ".").replace("!", ".")))
    return sorted(chain.from_iterable(c.finditer(text) for c in _CANDIDATE_MARKS), key=_match_start)


def _mark_before_qe(text: str) -> bool:
    """Whether an end mark directly precedes a '?' or '!' in ``text``.

    (``str.find`` of one character is a memchr; a two-character ``in`` test is not.)
    """
    for qe in "?!":
        i = text.find(qe, 1)
        while i != -1:
            if text[i - 1] in ".?!":
                return True
            i = text.find(qe, i + 1)
    return False


def _match_start(match: re.Match[str]) -> int:
    return match.start()


# Closing punctuation after a break belongs to the sentence before it.
_REALIGN = re.compile(
    rf'["\')\]}}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:{_S}+|(?=--)|$)',
    re.MULTILINE,
)
_CLOSERS = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")

_ELLIPSIS = re.compile(r"\.\.+$")
_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
# Punkt looks for the word before a candidate after the last of these (string.whitespace).
_ASCII_SPACE = " \t\n\r\x0b\x0c"
# A token that is one of these never starts a sentence.
_PUNCTUATION = frozenset(";:,.!?")
_SENT_END = frozenset(".?!")


@dataclass(frozen=True)
class PunktSplitter:
    """Sentence splitter deciding exactly as nltk's Punkt with only ``abbreviations`` set.

    Attributes:
        abbreviations: Lower-cased abbreviations without their final period ("gen", "u.s").

    Example:
        >>> PunktSplitter(frozenset()).span_tokenize("One. Two.")
        [(0, 4), (5, 9)]
    """

    abbreviations: frozenset[str]
    _decisions: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """Half-open sentence spans of ``text``, as Punkt's ``span_tokenize`` returns them.

        Example:
            >>> PunktSplitter(frozenset({"mr"})).span_tokenize("Mr. Smith left.  ")
            [(0, 15)]
        """
        candidates = _candidates_of(text)
        if not candidates:
            # One sentence: the text up to its trailing whitespace.
            end = len(text.rstrip())
            return [(0, end)] if end else []
        return _realign(text, self._slices(text, candidates))

    def contains_break(self, context: str) -> bool:
        """Whether Punkt breaks in ``context`` (the word before a candidate, the mark, what follows).

        Example:
            >>> splitter = PunktSplitter(frozenset({"gen"}))
            >>> splitter.contains_break("Gen. Kellogg"), splitter.contains_break("talks. Kellogg")
            (False, True)
        """
        decided = self._decisions.get(context)
        if decided is None:
            decided = _contains_break(context, self.abbreviations)
            if len(self._decisions) < 100_000:
                # Contexts repeat ("said. The"): remember decisions, bounded.
                self._decisions[context] = decided
        return decided

    def _slices(self, text: str, candidates: list[re.Match[str]]) -> list[tuple[int, int]]:
        # Punkt's ``_match_potential_end_contexts``: the word before a candidate starts after the
        # last ASCII whitespace since the previous candidate's word (or where that word started,
        # when there is none, or when the only one is the first character); a candidate whose
        # word overlaps the next candidate's is dropped ("acting!!!" keeps only its last '!').
        # Each kept candidate is decided on its context, the word before it up to the end of
        # the token after it (one slice: the mark and that token follow the word directly).
        slices: list[tuple[int, int]] = []
        last_break = 0
        decisions = self._decisions
        prev_start = prev_stop = 0
        prev: re.Match[str] | None = None
        # Most texts hold no ASCII whitespace but ' ': one rfind then finds the last one.
        spaces = [c for c in _ASCII_SPACE if c in text]
        one_space = spaces[0] if len(spaces) == 1 else None
        for match in chain(candidates, (None,)):
            if match is not None:
                start = match.start()
                if one_space is not None:
                    space = text.rfind(one_space, prev_stop, start)
                else:
                    space = max(text.rfind(c, prev_stop, start) for c in _ASCII_SPACE)
                word_start = space + 1 if space > prev_stop else prev_start
                if prev is None or prev_stop > word_start:
                    prev, prev_start, prev_stop = match, word_start, start
                    continue
            elif prev is None:
                break
            context = text[prev_start : prev.end("after_tok")]
            decided = decisions.get(context)
            if decided is None:
                decided = self.contains_break(context)
            if decided:
                slices.append((last_break, prev.end()))
                # The next sentence starts at the next token, or at the punctuation that follows.
                next_tok = prev.start("next_tok")
                last_break = next_tok if next_tok != -1 else prev.end()
            if match is not None:
                prev, prev_start, prev_stop = match, word_start, start
        slices.append((last_break, len(text.rstrip())))
        return slices


def _contains_break(context: str, abbreviations: frozenset[str]) -> bool:
    # Punkt's ``text_contains_sentbreak``: a token other than the last one ends a sentence.
    tokens = [tok for line in context.split("\n") if line.strip() for tok in _WORD.findall(line)]
    return any(_is_break(tokens[i], tokens[i + 1], abbreviations) for i in range(len(tokens) - 1))


def _is_break(tok: str, next_tok: str, abbreviations: frozenset[str]) -> bool:
    """Punkt's decision for a token followed by ``next_tok`` (both annotation passes)."""
    # First pass, on the token's type alone.
    if tok in _SENT_END:
        return True
    if _ELLIPSIS.match(tok) or not tok.endswith(".") or tok.endswith(".."):
        return False
    stem = tok[:-1].lower()
    if stem in abbreviations or stem.split("-")[-1] in abbreviations:
        # An abbreviation stays one: with no orthographic statistics nothing reopens it,
        # except that an initial or a number is decided below like any other.
        sentbreak = False
    else:
        sentbreak = True
    # Second pass: an initial or a number is no break before a token that cannot start a
    # sentence (punctuation, lower case); an initial is none before upper case either.
    initial = len(tok) == 2 and is_initial_letter(tok[0])
    if initial or _is_number_type(tok):
        if next_tok in _PUNCTUATION or next_tok[0].islower():
            return False
        if initial and next_tok[0].isupper():
            return False
    return sentbreak


def is_initial_letter(char: str) -> bool:
    """Whether ``char`` followed by a period is an initial for Punkt (``regex``'s ``[^\\W\\d]``).

    Example:
        >>> is_initial_letter("J"), is_initial_letter("5"), is_initial_letter("\u00b2")
        (True, False, False)
    """
    if char.isascii():
        return char.isalpha() or char == "_"
    category = unicodedata.category(char)
    # Letters, marks, letter numbers (Roman numeral signs), connectors, and the joiners.
    return category[0] in "LM" or category in ("Nl", "Pc") or char in "\u200c\u200d"


def _is_number_type(tok: str) -> bool:
    # Punkt's type: numbers become "##number##"; the final period is dropped before comparing.
    typ = _NUMERIC.sub("##number##", tok.lower())
    if len(typ) > 1 and typ[-1] == ".":
        typ = typ[:-1]
    return typ == "##number##"


def _realign(text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # Punkt's ``_realign_boundaries``: closing quotes and brackets after a break move to the
    # sentence before it; empty sentences are dropped.
    out: list[tuple[int, int]] = []
    realign = 0
    for i, (start, stop) in enumerate(slices):
        start += realign
        if i + 1 == len(slices):
            if start < stop:
                out.append((start, stop))
            break
        next_start, next_stop = slices[i + 1]
        # Only a closing quote or bracket can start a match (most slices: no regex call).
        m = (
            _REALIGN.match(text, next_start, next_stop)
            if next_start < next_stop and text[next_start] in _CLOSERS
            else None
        )
        if m:
            out.append((start, next_start + len(m.group(0).rstrip())))
            realign = m.end() - next_start
        else:
            realign = 0
            if start < stop:
                out.append((start, stop))
    return out
