"""Reading statements back: filtered streaming listing, lookup by id, and a pandas DataFrame.

:func:`list_statements` streams the file in large blocks and skips lines by a byte
search (speaker, kind, ASCII ``contains``) before parsing any JSON, so a filtered listing
of a million-line corpus stays fast and memory-flat.

Example:
    >>> from rhetoric.corpus import Corpus
    >>> c = Corpus("corpora/ukraine-nato")
    >>> [s.speaker for s in list_statements(c, speaker="Kiev", limit=1)]
    ['ukraine']
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..dates import PartialDate
from ..errors import CorpusError, NotFoundError, ValidationError
from ..records import STATEMENT_FIELDS, Statement
from ..types import Kind
from .store import Corpus, parse_line

if TYPE_CHECKING:  # pandas is imported lazily: the CLI must start fast
    import pandas as pd

_BLOCK = 8 * 1024 * 1024


def _scan(path, needle: bytes | None, accept: Callable[[bytes], bool] | None) -> Iterator[tuple[int, bytes]]:
    """Yield ``(line_number, line)`` for non-blank lines holding ``needle`` and passing ``accept``."""
    with open(path, "rb") as fh:
        base = 0  # line number of the last line of the previous block
        carry = b""
        while True:
            block = fh.read(_BLOCK)
            if not block and not carry:
                return
            data = carry + block
            if block:
                cut = data.rfind(b"\n") + 1
                if cut == 0:
                    carry = data
                    continue
                data, carry = data[:cut], data[cut:]
            else:
                carry = b""
            if needle is None:
                for offset, raw in enumerate(data.splitlines(keepends=False), start=1):
                    if raw.strip() and (accept is None or accept(raw)):
                        yield base + offset, raw
            else:
                pos, counted, lineno = data.find(needle), 0, base
                while pos != -1:
                    start = data.rfind(b"\n", 0, pos) + 1
                    end = data.find(b"\n", pos)
                    end = len(data) if end == -1 else end
                    lineno += data.count(b"\n", counted, start) + 1
                    counted = end + 1
                    raw = data[start:end]
                    if accept is None or accept(raw):
                        yield lineno, raw
                    pos = data.find(needle, end)
            base += data.count(b"\n") + (0 if data.endswith(b"\n") else 1)


def _field_needle(name: str, value: str) -> bytes:
    """The bytes ``"name": "value"`` exactly as rhetoric writes them."""
    return f'"{name}": {json.dumps(value, ensure_ascii=False)}'.encode()


def _contains_prefilter(needle: str) -> Callable[[bytes], bool] | None:
    """A cheap superset test on raw bytes for a case-insensitive substring, or None if unsafe."""
    if not needle.isascii() or any(ch in needle for ch in '"\\/') or not needle.isprintable():
        return None
    low = needle.lower().encode()
    # Non-ASCII lines may hold characters whose lower case is ASCII (e.g. the Kelvin sign).
    return lambda raw: low in raw.lower() or not raw.isascii()


def list_statements(
    corpus: Corpus,
    *,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    contains: str | None = None,
    limit: int | None = None,
) -> Iterator[Statement]:
    """Stream the statements that pass every given filter, in file order.

    Args:
        corpus: The corpus to read.
        speaker: Actor id, name or alias (resolved through ``actors.toml``), or an unknown
            speaker exactly as stored.
        since: Keep statements whose date may fall on or after this date (``YYYY[-MM[-DD]]``).
        until: Keep statements whose date may fall on or before this date.
        kind: ``direct``, ``paraphrase`` or ``reported``.
        contains: Case-insensitive substring of the text.
        limit: Stop after this many statements.

    Yields:
        Matching statements.

    Raises:
        ValidationError: If a filter value is invalid, or a matching line of the corpus is.
        CorpusError: If the corpus is missing.

    Example:
        >>> from rhetoric.corpus import Corpus
        >>> len(list(list_statements(Corpus("corpora/ukraine-nato"), speaker="zelensky", limit=2)))
        2
    """
    corpus.require()
    if limit is not None and limit < 0:
        raise ValidationError(f"limit must be 0 or more, got {limit}", field="limit")
    first = PartialDate.parse(since, field="since").first_day() if since else None
    last = PartialDate.parse(until, field="until").last_day() if until else None
    if kind is not None:
        try:
            kind = Kind(kind).value
        except ValueError:
            raise ValidationError(
                f"unknown kind {kind!r}", field="kind", hint="use direct, paraphrase or reported"
            ) from None
    speaker_id = None
    if speaker is not None:
        actor = corpus.actors().resolve(speaker)
        speaker_id = actor.id if actor else speaker.strip()
    folded = contains.lower() if contains else None
    if limit == 0:
        return
    needle = None
    if speaker_id is not None:
        needle = _field_needle("speaker", speaker_id)
    elif kind is not None:
        needle = _field_needle("kind", kind)
    accept = _contains_prefilter(contains) if contains else None
    path = str(corpus.statements_path)
    count = 0
    for lineno, raw in _scan(corpus.statements_path, needle, accept):
        s = parse_line(raw, path=path, line=lineno)
        if speaker_id is not None and s.speaker != speaker_id:
            continue
        if kind is not None and s.kind != kind:
            continue
        if first is not None or last is not None:
            d = s.partial_date
            if first is not None and d.last_day() < first:
                continue
            if last is not None and d.first_day() > last:
                continue
        if folded is not None and folded not in s.text.lower():
            continue
        yield s
        count += 1
        if limit is not None and count >= limit:
            return


def get_statement(corpus: Corpus, statement_id: str) -> Statement:
    """The statement with this id.

    Raises:
        NotFoundError: If no statement has this id.
        CorpusError: If the corpus is missing.
    """
    corpus.require()
    found = corpus.get(statement_id.strip())
    if found is None:
        raise NotFoundError(
            f"no statement with id {statement_id!r}",
            path=str(corpus.statements_path),
            hint="list ids with `rhetoric list`",
        )
    return found


def load_statements_frame(corpus: Corpus) -> pd.DataFrame:
    """All statements as a DataFrame, one row per line, columns in canonical order.

    Parsing is done by pyarrow's multi-threaded JSON reader when pyarrow is installed (the
    ``parquet`` extra), else line by line; values are loaded as stored (run
    :func:`~rhetoric.corpus.validate_corpus` to check them).

    Raises:
        CorpusError: If the corpus is missing or a line is not a JSON object of string fields.

    Example:
        >>> from rhetoric.corpus import Corpus
        >>> df = load_statements_frame(Corpus("corpora/ukraine-nato"))
        >>> list(df.columns)[:3]
        ['id', 'speaker', 'speaker_as_written']
    """
    import pandas as pd

    try:
        import pyarrow as pa
        import pyarrow.json as pj
    except ImportError:  # the `parquet` extra is optional
        return _statements_frame_plain(corpus)

    corpus.require()
    path = corpus.statements_path
    schema = pa.schema([(name, pa.string()) for name in STATEMENT_FIELDS])
    if path.stat().st_size == 0:
        return schema.empty_table().to_pandas()
    try:
        table = pj.read_json(
            path,
            read_options=pj.ReadOptions(block_size=64 * 1024 * 1024),
            parse_options=pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error"),
        )
    except (pa.ArrowInvalid, OSError) as exc:
        raise CorpusError(
            f"cannot load statements: {exc}",
            path=str(path),
            hint="run `rhetoric validate` to find the bad line",
        ) from None
    frame = table.select(list(STATEMENT_FIELDS)).to_pandas()
    for name in STATEMENT_FIELDS:
        if frame[name].isna().any():
            frame[name] = frame[name].fillna("")
    return pd.DataFrame(frame)


def _statements_frame_plain(corpus: Corpus) -> pd.DataFrame:
    """:func:`load_statements_frame` without pyarrow: the same frame, parsed line by line."""
    import pandas as pd
    from orjson import JSONDecodeError, loads

    corpus.require()
    path = corpus.statements_path
    rows = []
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = loads(line)
            except JSONDecodeError as exc:
                obj = exc
            if not isinstance(obj, dict) or not set(obj) <= set(STATEMENT_FIELDS):
                raise CorpusError(
                    f"cannot load statements: line {n} is not a statement object",
                    path=str(path),
                    hint="run `rhetoric validate` to find the bad line",
                )
            rows.append({k: obj.get(k) or "" for k in STATEMENT_FIELDS})
    return pd.DataFrame(rows, columns=list(STATEMENT_FIELDS), dtype=object)
