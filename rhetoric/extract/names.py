"""Name shapes in subject phrases: tokens, capitalised runs, titles, full names, coordination.

Example:
    >>> [t.text for t in last_run(name_tokens("the French daily Le Monde"))]
    ['Le', 'Monde']
    >>> unknown_name(name_tokens("Ukrainian Energy Minister Herman Halushchenko"))
    ('Herman Halushchenko', 'person')
    >>> split_coordination("France and the UK"), split_coordination("envoy for Russia and Ukraine")
    (['France', 'the UK'], ['envoy for Russia and Ukraine'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import DEMONYMS, DETERMINERS, NAME_PARTICLES, SPEAKER_NOUNS, TITLE_WORDS

_TOKEN_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-žА-я0-9][\w.\-]*(?:['’][A-Za-z]+)?|[,;:()–—]")
_POSSESSIVE_RE = re.compile(r"^(?P<base>.+?)['’]s?$")
#: Prepositions and participles after which a phrase is a modifier, not the head.
CUT_WORDS = frozenset(
    "of for from in at on with to by against over about between among within under quoted cited "
    "speaking writing who which that whose told according".split()
)
NAME_CONNECTORS = frozenset("of de del der von van al bin la le da di du".split())


@dataclass(frozen=True)
class NameToken:
    text: str
    start: int
    end: int
    possessive: bool = False

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def capital(self) -> bool:
        """Capitalised, or a name part behind a lower-case particle ("al-Busaidi")."""
        if self.text[:1].isupper():
            return True
        return self.text.startswith(NAME_PARTICLES) and self.text.split("-", 1)[1][:1].isupper()


def name_tokens(text: str) -> list[NameToken]:
    out: list[NameToken] = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group(0)
        pm = _POSSESSIVE_RE.match(word) if len(word) > 2 and word[-2:] in ("’s", "'s") else None
        if pm:
            base = pm.group("base")
            out.append(NameToken(base, m.start(), m.start() + len(base), True))
        else:
            out.append(NameToken(word, m.start(), m.end()))
    return out


def is_name_word(tok: NameToken) -> bool:
    return tok.capital and tok.low not in DETERMINERS


CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)


def ends_sentence(tok: NameToken) -> bool:
    """A token with a final period that is not an initial or abbreviation ("Sunday." but not "U.S.")."""
    return (
        tok.text.endswith(".")
        and "." not in tok.text[:-1]
        and len(tok.text) > 3
        and tok.low[:-1] not in TITLE_WORDS
    )


def split_coordination(seg: str) -> list[str]:
    """Split at "and"/"&" before the first modifier ("envoy for Russia and Ukraine" stays whole)."""
    toks = name_tokens(seg)
    cut = len(seg)
    for k, t in enumerate(toks):
        if t.low in CUT_WORDS and not (
            t.low in NAME_CONNECTORS
            and k
            and toks[k - 1].capital
            and k + 1 < len(toks)
            and toks[k + 1].capital
        ):
            cut = t.start
            break
    pieces = [p.strip() for p in re.split(r"\s+(?:and|&)\s+|^(?:and|&)\s+", seg[:cut]) if p.strip()]
    if not pieces:
        return [seg]
    pieces[-1] = f"{pieces[-1]} {seg[cut:]}".strip() if cut < len(seg) else pieces[-1]
    return pieces


#: Last words of organisation names, which keep their title words ("State Department").
ORG_HEADS = frozenset(
    "department ministry office council commission committee agency service parliament government "
    "administration alliance union organisation organization court party bank fund forces army navy "
    "times post news journal monde tass reuters press agency institute foundation".split()
)


def unknown_name(run: list[NameToken]) -> tuple[str, str]:
    """Name and kind of an unknown speaker: a person's titles stripped, an organisation's kept."""
    if run[-1].low in ORG_HEADS:
        return " ".join(t.text for t in run), "organisation"
    # Everything up to the last title word is the title ("Ukrainian Energy Minister Herman Halushchenko").
    last_title = max((i for i, t in enumerate(run[:-1]) if is_title(t)), default=-1)
    k = last_title + 1
    while k < len(run) - 1 and (run[k].low in DEMONYMS or run[k].low in NAME_CONNECTORS):
        k += 1
    name = run[k:]
    return " ".join(t.text for t in name), "person" if len(name) > 1 else "other"


def is_title(tok: NameToken) -> bool:
    low = tok.low.rstrip(".")
    return low in TITLE_WORDS or any(part in TITLE_WORDS for part in low.split("-") if part)


def trailing_name(tokens: list[NameToken]) -> list[NameToken]:
    """A run of two or more capitalised, non-title words that ends the phrase, after a lower-case word."""
    k = len(tokens)
    while k > 0 and tokens[k - 1].capital and not tokens[k - 1].possessive and not is_title(tokens[k - 1]):
        k -= 1
    run = tokens[k:]
    if len(run) < 2 or k == 0 or tokens[k - 1].capital:
        return []
    if tokens[k - 1].low in CUT_WORDS or tokens[k - 1].low in DETERMINERS:
        return []  # "envoy to the United Nations": a prepositional object, not a name
    return run


def has_words(haystack: str, needle: str) -> bool:
    return bool(needle) and re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None


def last_run(head: list[NameToken]) -> list[NameToken]:
    """The capitalised run that ends the head, skipping a run made only of titles and demonyms."""
    if not head or not is_name_word(head[-1]):
        return []
    k = len(head) - 1
    while k - 1 >= 0 and (
        is_name_word(head[k - 1])
        or (head[k - 1].low in NAME_CONNECTORS and k - 2 >= 0 and head[k - 2].capital)
    ):
        k -= 1
    run = head[k:]
    if all(t.low.rstrip(".") in TITLE_WORDS or t.low in DEMONYMS for t in run):
        return []
    if len(run) == 1 and run[0].low in SPEAKER_NOUNS:
        return []  # a capitalised common noun at the start of a sentence ("Officials said")
    return run
