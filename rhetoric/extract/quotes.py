"""Direct quotations: quote-mark spans (straight, typographic, guillemets), across sentences and paragraphs.

News convention for a quote running over several paragraphs: each paragraph opens
with a quote mark and only the last one closes. A quote still open at a paragraph end
whose next paragraph does not reopen it is *unbalanced*: it is closed at the paragraph
end and flagged, so that the candidate built on it gets a low confidence.

Example:
    >>> text = '“We will not give up,” he said. “Never.”'
    >>> [(q.start, q.end, q.balanced) for q in find_quotes(text)]
    [(0, 22, True), (32, 40, True)]
    >>> find_quotes('He said “no more talks')[0].balanced
    False
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .types import CharSpan

#: Opening mark -> the marks that close it.
#: A straight double mark may be closed by a typographic one and the reverse: copied and edited
#: news text mixes them ("I would like …,” he wrote), and a mismatch would otherwise run the
#: quote to the paragraph end and hide every cue after it.
QUOTE_PAIRS: dict[str, str] = {"“": '”"', '"': '"”', "«": "»", "„": "“”", "‘": "’", "‹": "›"}
#: Placeholder that replaces quoted text in a masked copy: not a word character, not punctuation we parse.
MASK_CHAR = "\u00b7"

_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class Quote:
    """A quotation: offsets of the opening mark and just past the closing mark (or paragraph end)."""

    start: int
    end: int
    balanced: bool = True
    paragraphs: int = 1

    @property
    def inner(self) -> CharSpan:
        """Span of the quoted words, marks excluded."""
        return (self.start + 1, self.end - 1 if self.balanced else self.end)

    def words(self, text: str) -> int:
        """Number of words inside the quote."""
        s, e = self.inner
        return len(_WORD_RE.findall(text, s, e))


def paragraphs(text: str) -> list[CharSpan]:
    """Non-blank lines of ``text`` as spans (surrounding whitespace excluded).

    Example:
        >>> paragraphs("a b\\n\\n  c\\n")
        [(0, 3), (7, 8)]
    """
    spans: list[CharSpan] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            s = pos + line.index(stripped[0])
            spans.append((s, s + len(stripped)))
        pos += len(line)
    return spans


def _opens(text: str, i: int, mark: str) -> bool:
    """Whether the mark at ``i`` can open a quote here."""
    if mark == "‘":
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        return (before.isspace() or before in "([“—–-") and not after.isspace()
    if mark == '"':
        after = text[i + 1] if i + 1 < len(text) else " "
        return not after.isspace()
    return True


def _closes(text: str, i: int, closers: str) -> bool:
    if text[i] not in closers:
        return False
    if closers == "’":
        # An apostrophe (won’t, Zelensky’s) is followed by a letter; a closing mark is not.
        after = text[i + 1] if i + 1 < len(text) else " "
        return not after.isalnum()
    return True


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order; nested quotes are part of their outer quote.

    Args:
        text: The article.

    Returns:
        Quotes with offsets into ``text``.

    Example:
        >>> t = 'She said: “We fought.\\n“We won.”'
        >>> q = find_quotes(t)[0]
        >>> (q.paragraphs, t[q.start:q.end])
        (2, '“We fought.\\n“We won.”')
    """
    paras = paragraphs(text)
    quotes: list[Quote] = []
    p = 0
    while p < len(paras):
        ps, pe = paras[p]
        i = ps
        while i < pe:
            mark = text[i]
            if mark not in QUOTE_PAIRS or not _opens(text, i, mark):
                i += 1
                continue
            closers = QUOTE_PAIRS[mark]
            start, span_paras, j, cur = i, 1, i + 1, p
            while True:
                cs, ce = paras[cur]
                while j < ce and not _closes(text, j, closers):
                    j += 1
                if j < ce:
                    quotes.append(Quote(start, j + 1, True, span_paras))
                    break
                nxt = cur + 1
                if nxt < len(paras) and text[paras[nxt][0]] == mark:
                    cur, span_paras, j = nxt, span_paras + 1, paras[nxt][0] + 1
                    continue
                quotes.append(Quote(start, ce, False, span_paras))
                break
            if cur != p:
                p = cur
                ps, pe = paras[p]
            i = quotes[-1].end
        p += 1
    return quotes


def mask_quotes(text: str, quotes: list[Quote]) -> str:
    """A copy of ``text`` with quoted words replaced by :data:`MASK_CHAR` (marks and offsets kept).

    Cue words inside a quotation ("they said") are then invisible to the attribution rules.

    Example:
        >>> mask_quotes('A “b c” d', find_quotes('A “b c” d'))
        'A “···” d'
    """
    chars = list(text)
    for q in quotes:
        s, e = q.inner
        for k in range(s, e):
            chars[k] = MASK_CHAR
    return "".join(chars)


def quote_at(quotes: list[Quote], offset: int) -> Quote | None:
    """The quote whose span contains ``offset``, if any."""
    for q in quotes:
        if q.start <= offset < q.end:
            return q
    return None
