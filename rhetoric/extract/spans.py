"""Content spans of attributions: where reported content starts and ends around a cue.

After a reporting verb the content starts at "that", a colon or a quote, after adverbials
("said on Sunday in a statement that") and a person object ("told reporters"); with
nothing but adverbials after the verb the attribution closes its sentence and the content
is on the left ("…,” he said", "…, Trump said on Sunday"). Stance verbs keep the verb in
the content. Spans are trimmed of surrounding punctuation outside quotes.

Example:
    >>> trim("x, that talks failed.", "x, that talks failed.", 1, 21)
    (8, 20)
"""

from __future__ import annotations

from .clauses import (
    BOUNDARY_WORDS,
    CLAUSE_MARKERS,
    CLOSE_MARKS,
    OPEN_MARKS,
    ZERO_THAT,
    Cue,
    UnitParser,
)
from .lexicon import (
    ADVERBIAL_STARTERS,
    AUXILIARIES,
    CLAUSE_WORDS,
    OBJECT_VERBS,
    PARTICIPLE_CUES,
    PRONOUNS,
    REPORTING_LEMMAS,
    STANCE_LEMMAS,
    VERB_FORMS,
)
from .quotes import MASK_CHAR
from .types import CharSpan, CueClass, Pattern


def clause_follows(parser: UnitParser, k: int) -> bool:
    toks = parser.toks
    for j in range(k, min(len(toks), k + 10)):
        if toks[j].low in CLAUSE_MARKERS or (toks[j].low in VERB_FORMS and toks[j].low.endswith(("ed", "s"))):
            return True
        if toks[j].text in ".;":
            return False
    return False


#: Words that may sit between a reporting verb and its content without being content
#: ("said in a statement on Sunday that", "told reporters in Ankara").
_ADVERBIAL_WORDS = frozenset(
    """
    in on at to during after before with via from a an the his her its their statement interview
    conference news press briefing video address televised speech post meeting summit forum visit
    reporters journalists audience parliament lawmakers broadcaster television radio phone call
    late early afternoon morning evening night separately also again later earlier posted published
    issued released shared online
    """.split()
)


#: Words opening a temporal or circumstantial clause after a reporting verb.
_CLAUSE_OPENERS = frozenset("after before during following ahead while when since amid despite".split())


def parenthetical_end(p: UnitParser, cue: Cue) -> bool:
    """Whether a trailing-looking attribution sits inside its clause ("Ukraine, he said, must withdraw")."""
    toks = p.toks
    j = cue.end_index
    while j < len(toks) and (j in p.time_ids or toks[j].low in _ADVERBIAL_WORDS or toks[j].text[0].isupper()):
        j += 1
    if j + 1 >= len(toks) or toks[j].text != ",":
        return False
    nxt = toks[j + 1]
    if nxt.low == "according":
        return False  # ", he said, according to TASS": the relay closes the sentence
    if nxt.low in AUXILIARIES or nxt.low in CLAUSE_MARKERS:
        return True
    return (
        nxt.text.islower()
        and nxt.low not in CLAUSE_WORDS | BOUNDARY_WORDS | PARTICIPLE_CUES | _CLAUSE_OPENERS
        and nxt.is_word
    )


def has_left(p: UnitParser, cue: Cue) -> bool:
    """Whether the subject is preceded by a comma, dash or closing quote (content on the left)."""
    if cue.subject is None or cue.subject[0] == 0:
        return False
    prev = p.toks[cue.subject[0] - 1]
    return prev.text in ",–—" or prev.text in CLOSE_MARKS


def _relay_ahead(toks: list, j: int) -> bool:
    """ "said on Monday according to TASS": "according to" after the verb is a relay, not content."""
    return toks[j].low == "according" and j + 1 < len(toks) and toks[j + 1].low == "to"


def right_content_start(parser: UnitParser, cue: Cue) -> tuple[int | None, bool]:
    """Token index where reported content starts after a reporting verb, and whether it is a clause.

    Returns ``(None, True)`` when only adverbials follow (a trailing or dangling attribution).
    """
    toks = parser.toks
    k = cue.end_index
    n = len(toks)
    j = k
    swallowed = False
    while j < n:
        t = toks[j]
        if t.low == "that" and j + 1 < n:
            return j + 1, True
        if t.text == ":":
            return j + 1, True
        if t.text in OPEN_MARKS and t.text not in CLOSE_MARKS - {"“"}:
            return j, True
        if t.text == "," and j + 1 < n and toks[j + 1].text in OPEN_MARKS:
            return j + 1, True
        if t.text in ",.;!?" or t.low in PARTICIPLE_CUES or _relay_ahead(toks, j):
            break
        object_slot = cue.lemma in OBJECT_VERBS and j - k < 4
        # "told reporters after meeting European leaders": a temporal clause is no content.
        swallowed = swallowed or t.low in _CLAUSE_OPENERS
        if not (
            swallowed
            or j in parser.time_ids
            or t.low in _ADVERBIAL_WORDS
            or t.text[0].isupper()
            or object_slot
        ):
            break
        j += 1
    if j >= n or toks[j].text in ",.;!?" or toks[j].low in PARTICIPLE_CUES or _relay_ahead(toks, j):
        if has_left(parser, cue) or (not swallowed and (j >= n or (toks[j].text in ".!?" and j == n - 1))):
            return None, True
    if cue.lemma in OBJECT_VERBS and cue.lemma != "promise":
        # "told the BBC he would ...": the clause starts at the first pronoun.
        for i in range(k + 1, min(n, k + 8)):
            if toks[i].low in PRONOUNS:
                return i, True
    if cue.lemma == "say" or (cue.lemma in ZERO_THAT and clause_follows(parser, k)):
        while k < n - 1 and k in parser.time_ids:
            k += 1  # "said on Tuesday the plan was dead": the time phrase is not content
        return k, True
    return k, False


def according_content(p: UnitParser, cue: Cue) -> None:
    toks = p.toks
    k = cue.end_index
    start_clause, _coord = p._clause_start(cue.index)
    before = [
        t
        for t in toks[: cue.index]
        if t.is_word and t.low not in ADVERBIAL_STARTERS and t.low not in BOUNDARY_WORDS
    ]
    # "But according to X, …" leads its clause; "…, according to X" closes one.
    leading = not before or toks[cue.index - 1].text in ";:"
    comma = next((j for j in range(k, len(toks)) if toks[j].text in ",;:"), None)
    if leading and comma is not None and comma > k:
        phrase = p.span_text(k, comma)
        cue.subject = (k, comma)
        cue.valid = p.accept(phrase)
        cue.content = [toks[comma + 1].start if comma + 1 < len(toks) else p.unit[1], p.unit[1]]
        cue.clause_start = toks[cue.index].start
        return
    # Trailing: "…, according to X." The subject runs to the end of the unit (or the next comma).
    end = comma if comma is not None else len(toks)
    while end > k and toks[end - 1].text in ".!?":
        end -= 1
    if end <= k:
        return
    cue.subject = (k, end)
    cue.valid = p.accept(p.span_text(k, end))
    cue.right_open = False
    rest = [t for t in toks[end:] if t.is_word]
    # "Russia, according to the Kremlin, will never …": the claim surrounds the attribution.
    cue.left_content = (p.unit[0], p.unit[1] if rest else toks[cue.index].start)
    cue.content = list(cue.left_content)
    cue.clause_start = p.unit[0]


def inverted_content(p: UnitParser, cue: Cue) -> None:
    toks = p.toks
    k = cue.end_index
    end = k
    while end < len(toks) and toks[end].text not in ",.;!?" and toks[end].low not in PARTICIPLE_CUES:
        if end in p.time_ids and end > k:
            break
        end += 1
    if end <= k:
        return
    cue.subject = (k, end)
    cue.valid = p.accept(p.span_text(k, end))
    cue.right_open = False
    left = left_content(p, cue.index)
    if left is None:
        cue.valid = False
        return
    cue.left_content = left
    cue.content = list(left)
    cue.clause_start = left[0]


def left_content(p: UnitParser, i0: int, *, quote_only: bool = False) -> CharSpan | None:
    """Content before an attribution that ends its sentence: the quote right before it, or the clause."""
    toks = p.toks
    j = i0 - 1
    while j >= 0 and toks[j].text in ",–—":
        j -= 1
    if j < 0:
        return None
    if toks[j].text in CLOSE_MARKS or (j > 0 and toks[j].text in ",." and toks[j - 1].text in CLOSE_MARKS):
        close = j if toks[j].text in CLOSE_MARKS else j - 1
        opening = close - 1
        while opening >= 0 and MASK_CHAR in toks[opening].text:
            opening -= 1
        if opening >= 0 and opening < close - 1 and toks[opening].text in OPEN_MARKS:
            return toks[opening].start, toks[close].end
    if quote_only:
        return None
    if toks[j].end <= p.unit[0]:
        return None
    return p.unit[0], toks[j].end


def verb_content(p: UnitParser, cue: Cue) -> None:
    toks = p.toks
    unit_end = p.unit[1]
    lemma = cue.lemma
    reporting = lemma in REPORTING_LEMMAS
    start_index, clause = right_content_start(p, cue) if reporting else (cue.end_index, False)
    if reporting and start_index is None:
        left = left_content(p, cue.subject[0]) if cue.subject else None
        cue.right_open = False
        quoted = left is not None and p.masked[left[0]] in OPEN_MARKS
        cue.pattern = Pattern.QUOTE_ATTRIBUTED if left is None or quoted else Pattern.REPORTED_CLAUSE
        if left is None:
            cue.content = [toks[cue.index].end, toks[cue.index].end]  # dangling: "Zelensky said:"
        elif not quoted and parenthetical_end(p, cue):
            cue.pattern = Pattern.REPORTED_CLAUSE
            cue.content = [left[0], p.unit[1]]
        else:
            cue.left_content = left
            cue.content = list(left)
        return
    if reporting and clause:
        cue.cue_class = CueClass.REPORTING
        cue.content = [toks[start_index].start if start_index < len(toks) else unit_end, unit_end]
        cue.pattern = Pattern.REPORTED_CLAUSE
        # A quote right before the subject is a split quotation ("“…,” he said, “…”").
        if cue.subject is not None:
            cue.left_content = left_content(p, cue.subject[0], quote_only=True)
        return
    if lemma not in STANCE_LEMMAS and not reporting:
        return
    cue.cue_class = CueClass.STANCE
    cue.pattern = Pattern.STANCE
    cue.content = [toks[cue.vg_start].start, unit_end]


def participle_content(p: UnitParser, cue: Cue) -> None:
    toks = p.toks
    start_index, clause = right_content_start(p, cue)
    if start_index is not None and clause:
        cue.content = [toks[start_index].start if start_index < len(toks) else p.unit[1], p.unit[1]]
    else:
        cue.cue_class = CueClass.STANCE
        cue.content = [toks[cue.index].start, p.unit[1]]


def trim(text: str, masked: str, s: int, e: int) -> CharSpan:
    """Strip whitespace, a leading "that"/colon/comma and trailing sentence punctuation outside quotes."""
    while s < e and (text[s].isspace() or text[s] in ",:;–—"):
        s += 1
    while e > s and (text[e - 1].isspace() or (text[e - 1] in ".,;:–—" and masked[e - 1] == text[e - 1])):
        e -= 1
    if text[s : s + 5].lower() == "that ":
        s += 5
    return s, e


def trim_subject(text: str, s: int, e: int) -> CharSpan:
    while e > s and text[e - 1] in ",;: ":
        e -= 1
    return s, e
