"""Phrase alternations shaped as tries: the same matches as a flat ``a|b|c``, found without trying every phrase.

Python's ``re`` does not factor a long alternation: at a word it tries every phrase in turn.
:func:`alternation` groups the phrases by their first word and spells the first words as a
trie, so ``re`` walks a few letters to the phrases that open with the word at hand.

Why the matches are the same: two phrases whose first words differ cannot both match at one
place (each letter of a text matches at most one ASCII letter, case aside), so their order
does not matter; phrases that can (a hyphen matches a hyphen, a space or nothing: "cease-fire"
and "ceasefire"; an apostrophe ends a word) keep their order in a flat part of their own.

Example:
    >>> import re
    >>> source = alternation([(r"call\\s+for", "call"), (r"calls\\s+for", "calls"), ("cease[-\\\\s]?fire", "cease-fire")])
    >>> source
    'call(?:s\\\\s+for|\\\\s+for)|cease[-\\\\s]?fire'
    >>> re.compile(f"(?:{source})", re.I).match("Calls for").group(0)
    'Calls for'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

#: The regex of an empty list: never matches.
NEVER = r"(?!x)x"
_HEAD_RE = re.compile(r"[\w-]*")
_PLAIN = re.compile(r"[a-z0-9_]+")
_WORD_START = re.compile(r"\w")


def head_words(head: str) -> frozenset[str] | None:
    """The lower-case words a phrase opening with ``head`` can start with, or ``None`` (any word).

    A hyphen matches a hyphen, a space or nothing, so "non-starter" starts with "non" or
    "nonstarter"; an apostrophe or a full stop ends the word ("don't" starts with "don").
    A head that is not plain ASCII may match words of other spellings: it goes with every word.

    Example:
        >>> sorted(head_words("Cease-Fire")), sorted(head_words("don't")), head_words("détente")
        (['cease', 'ceasefire'], ['don'], None)
    """
    low = head.lower()
    if not low.isascii():
        return None
    out, joined = set(), ""
    for part in _HEAD_RE.match(low).group(0).split("-"):
        joined += part
        if joined:
            out.add(joined)
    return frozenset(out) or None


def word_trie(words: Iterable[str], tails: Mapping[str, str] | None = None) -> str:
    """A regex source matching any of ``words`` literally, shaped as a trie; ``tails`` follow some words.

    Example:
        >>> word_trie(["call", "calls", "case"])
        'ca(?:ll(?:s|)|se)'
        >>> word_trie(["in", "on"], {"in": "(?=x)"})
        '(?:in(?=x)|on)'
    """
    tails = tails or {}
    return _emit(_trie((w, tails.get(w, "")) for w in words), leaf=_rests)


def by_initial_order(alternatives: Sequence[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The order :func:`rhetoric.frames.clauses.by_initial` puts alternatives in: by first letter, others last."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for alt in alternatives:
        source = alt[0]
        groups.setdefault(source[0].lower() if source[:1].isalpha() else "", []).append(alt)
    ordered = [alt for key, alts in groups.items() if key for alt in alts]
    return ordered + groups.get("", [])


def by_letter(source: str) -> str:
    """The same alternation with its alternatives grouped by first letter, or ``source`` as it is.

    ``re`` tries every alternative of ``a|b|c`` at each place it reads; grouped,
    ``e(?:nd|ase)|l(?:ift)``, it tries those of one letter. Two alternatives of different first
    letters cannot both match at one place, and those of one letter keep their order, so the
    matches are the same, whatever stands around the alternation. Only a source whose every
    top-level alternative opens with a lower-case ASCII letter that is not optional is grouped
    (a letter and its capital match the same characters, with or without ``re.IGNORECASE``).

    Example:
        >>> by_letter("ended|lift|eased|ease(?:d|s)?")
        'e(?:nded|ased|ase(?:d|s)?)|lift'
        >>> by_letter("end|[a-z]x"), by_letter("n?one|end")
        ('end|[a-z]x', 'n?one|end')
    """
    alternatives = _top_level(source)
    if alternatives is None or any(
        not ("a" <= alt[:1] <= "z") or alt[1:2] in ("?", "*", "{") for alt in alternatives
    ):
        return source
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        groups.setdefault(alt[0], []).append(alt[1:])
    return "|".join(
        f"{letter}(?:{'|'.join(rests)})" if len(rests) > 1 else letter + rests[0]
        for letter, rests in groups.items()
    )


def _top_level(source: str) -> list[str] | None:
    """The top-level alternatives of a regex source (None if its brackets do not balance)."""
    alternatives: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            # A "]" right after "[" or "[^" is a member, not the end.
            if source[i + 1 : i + 2] == "^":
                i += 1
            if source[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "|" and depth == 0:
            alternatives.append(source[start:i])
            start = i + 1
        i += 1
    if depth or in_class:
        return None
    alternatives.append(source[start:])
    return alternatives


def alternation(alternatives: Sequence[tuple[str, ...]]) -> str:
    """One regex source for ``(source, first word, …)`` alternatives, matching as ``"|".join(sources)``.

    Every source must open with its first word's regex, followed by ``\\s+`` or nothing, and
    the pattern around the alternation must not let a letter follow a one-word phrase.
    """
    if not alternatives:
        return NEVER
    plain: list[tuple[str, str]] = []
    tangled: list[tuple[str, str, frozenset[str] | None]] = []
    for source, head, *_ in alternatives:
        word = head.lower()
        rest = source[len(head):]
        if _PLAIN.fullmatch(word) and source[: len(head)].lower() == word and (not rest or rest.startswith(r"\s+")):
            plain.append((source, word))
        else:
            tangled.append((source, word, head_words(head)))
    if any(words is None for _, _, words in tangled):
        return "|".join(source for source, *_ in alternatives)
    shared = {w for _, _, words in tangled for w in words or ()}
    plain_words = {source: word for source, word in plain}
    # Phrases that may match where another of a different first word does keep their order.
    flat = [source for source, *_ in alternatives if plain_words.get(source, "") in shared or source not in plain_words]
    trie = _trie((word, source[len(word) :]) for source, word in plain if word not in shared)
    parts = ([_emit(trie, leaf=_rests)] if trie else []) + flat
    return "|".join(parts)


def followers(alternatives: Iterable[tuple[str, str, str]]) -> dict[str, frozenset[str]]:
    """For each first word, the words that can follow it after spaces, where every phrase says.

    A first word some phrase opens without a plain second word after spaces (a one-word
    phrase, a gap, a hyphenated or quoted head) may be followed by anything: it is left out.

    Example:
        >>> found = followers([("the need", "the", "need"), ("the goal", "the", "goal"), ("in", "in", "")])
        >>> {word: sorted(after) for word, after in found.items()}
        {'the': ['goal', 'need']}
    """
    out: dict[str, set[str]] = {}
    open_: set[str] = set()
    for _, head, second in alternatives:
        firsts = head_words(head)
        if firsts is None:
            return {}
        # A second word opening with a hyphen or a quote may take the gap's last character.
        plain = _PLAIN.fullmatch(head.lower()) and _WORD_START.match(second)
        after = head_words(second) if plain else None
        for word in firsts:
            if after is None:
                open_.add(word)
            else:
                out.setdefault(word, set()).update(after)
    return {word: frozenset(after) for word, after in out.items() if word not in open_}


def _trie(items: Iterable[tuple[str, str | None]]) -> dict:
    """A char trie of words; the key ``""`` holds the rests of the phrases ending there, in order."""
    root: dict = {}
    for word, rest in items:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        rests = node.setdefault("", [])
        if rest not in rests:
            rests.append(rest)
    return root


def _rests(rests: list[str | None]) -> str:
    if len(rests) == 1:
        return rests[0] or ""
    return f"(?:{'|'.join(r or '' for r in rests)})"


def _emit(node: dict, *, leaf) -> str:
    parts = [re.escape(ch) + _emit(child, leaf=leaf) for ch, child in sorted((k, v) for k, v in node.items() if k)]
    if "" in node:
        parts.append(leaf(node[""]))
    if len(parts) == 1:
        return parts[0]
    return f"(?:{'|'.join(parts)})"


__all__ = ["NEVER", "alternation", "by_initial_order", "by_letter", "followers", "head_words", "word_trie"]
