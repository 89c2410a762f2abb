"""Keyword in context: every match of a pattern (or of a codebook tag) with the words around it.

The query is a pattern in the codebook language (``"withdraw* ~3 troops"``) or ``@tag``
for all of a codebook tag's patterns and excludes (``"@ceasefire"``). Rows stream in
corpus order; context is up to ``window`` words each side within the statement, with
whitespace collapsed, while ``match`` is the exact text and ``start``/``end`` index the
statement text.

Example:
    >>> import tempfile
    >>> from rhetoric.records import Statement
    >>> c = Corpus(tempfile.mkdtemp())
    >>> c.statements_path.touch()
    >>> _ = c.append([Statement.create(speaker="putin", date="2024-06-14",
    ...     text="Kyiv must withdraw all its troops from four regions, he said.")])
    >>> [(r.left, r.match, r.right) for r in kwic(c, "withdraw* ~3 troops", window=2)]
    [('Kyiv must', 'withdraw all its troops', 'from four')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import asdict, dataclass

from ..codebook.load import load_codebook
from ..codebook.model import Codebook, TagSpec
from ..codebook.patterns import parse_pattern
from ..corpus.store import Corpus
from ..errors import ValidationError
from ..output.spec import own_columns
from ..text.tokens import tokenize
from ..types import Role
from .tagger import Tagger, tag_corpus

# Tag id the one-tag codebook of a plain pattern query uses internally.
_QUERY_TAG = "query"


@dataclass(frozen=True, slots=True)
class KwicRow:
    """One match in context.

    Attributes:
        statement_id: The statement's id.
        speaker: Its speaker.
        date: Its date.
        left: Up to ``window`` words before the match (whitespace collapsed).
        match: The matched text, exactly as written.
        right: Up to ``window`` words after the match (whitespace collapsed).
        start: Offset of the match in the statement text.
        end: End offset (``text[start:end] == match``).
        tag: The tag for an ``@tag`` query, None for a pattern query.
        pattern: The pattern that matched.
    """

    statement_id: str
    speaker: str
    date: str
    left: str
    match: str
    right: str
    start: int
    end: int
    tag: str | None
    pattern: str

    def to_dict(self) -> dict:
        """Mapping in field order (the JSON/CSV contract)."""
        return asdict(self)


#: Columns of the CSV output and keys of the JSON objects, in order (the spec's ``kwic`` table).
KWIC_COLUMNS: tuple[str, ...] = own_columns("kwic")


def query_tagger(query: str, *, codebook: Codebook | None = None) -> Tagger:
    """Compile a KWIC query: a pattern, or ``@tag`` for one tag of ``codebook``.

    Args:
        query: A pattern in the codebook language, or ``@`` and a tag id.
        codebook: Needed for ``@tag`` queries.

    Returns:
        A tagger with a single tag.

    Raises:
        PatternError: If the pattern does not parse (the message gives the column).
        NotFoundError: If the codebook has no such tag.
        ValidationError: If an ``@tag`` query comes without a codebook.

    Example:
        >>> query_tagger("truce|armistice").codebook.tags[0].patterns
        ('truce|armistice',)
    """
    if query.startswith("@"):
        if codebook is None:
            raise ValidationError(f"query {query!r} names a tag but no codebook was given")
        spec = codebook.tag(query[1:])
    else:
        parse_pattern(query)  # raises PatternError with the column
        spec = TagSpec(id=_QUERY_TAG, label="query", description="", role=Role.EITHER, patterns=(query,))
    return Tagger.from_codebook(Codebook(codebook.name if codebook else "query", "", "en", "", (spec,)))


def _collapse(text: str) -> str:
    return " ".join(text.split())


def kwic(
    corpus: Corpus, query: str, *, window: int = 5, codebook: Codebook | None = None
) -> Iterator[KwicRow]:
    """Every match of ``query`` in the corpus with ``window`` words of context each side.

    Args:
        corpus: The corpus to search (streamed, one statement in memory at a time).
        query: A pattern, or ``@tag`` for a codebook tag (its patterns and excludes).
        window: Words of context on each side (0 for none).
        codebook: The codebook for ``@tag`` queries; the corpus's own when None.

    Yields:
        :class:`KwicRow` in corpus order, then by position in the statement.

    Raises:
        PatternError: If the pattern does not parse.
        NotFoundError: For an unknown ``@tag`` or a missing codebook file.
        ValidationError: If ``window`` is negative or a corpus line is malformed.
    """
    if window < 0:
        raise ValidationError(f"window must be 0 or more, got {window}", field="window")
    if query.startswith("@") and codebook is None:
        codebook = load_codebook(corpus.codebook_path)
    tagger = query_tagger(query, codebook=codebook)
    is_tag = query.startswith("@")
    for statement, mentions in tag_corpus(corpus, tagger):
        if not mentions:
            continue
        text = statement.text
        tokens = tokenize(text)
        starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]
        for m in mentions:
            i = bisect_right(ends, m.start)
            j = bisect_left(starts, m.end)
            before = tokens[max(0, i - window) : i] if window else []
            after = tokens[j : j + window]
            yield KwicRow(
                statement_id=statement.id,
                speaker=statement.speaker,
                date=statement.date,
                left=_collapse(text[before[0].start : m.start]) if before else "",
                match=m.text,
                right=_collapse(text[m.end : after[-1].end]) if after else "",
                start=m.start,
                end=m.end,
                tag=m.tag if is_tag else None,
                pattern=m.pattern,
            )


__all__ = [
    "KWIC_COLUMNS",
    "KwicRow",
    "kwic",
    "query_tagger",
]
