"""Table specs: every table's columns, types and meanings, defined once.

The data dictionary (``rhetoric export --describe``, :func:`describe_markdown`) is generated
from here; ``rhetoric export`` writes each table with :func:`columns`, and the commands that
print a table (``frames``, ``stances``, ``compare``, ``timeline`` in csv/json/jsonl) write the
same columns in the same order without the provenance columns (:func:`own_columns`). Tables
only commands print (``tag``, ``kwic``, ``codebook show``, ``extract``) are defined here too
(:data:`COMMAND_TABLES`).

Example:
    >>> columns("shifts")[:4]
    ('speaker', 'from_id', 'to_id', 'from_date')
    >>> TYPES["list"]
    'values joined with ";" (empty when none)'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import UsageError


@dataclass(frozen=True)
class Column:
    """One column of an export table."""

    name: str
    type: str
    meaning: str


#: Column types and how they are written in CSV (JSON keeps lists as arrays; Parquet and
#: pandas types: :data:`ARROW_TYPES`, :data:`PANDAS_TYPES`).
TYPES: dict[str, str] = {
    "string": "text (UTF-8)",
    "integer": "whole number",
    "number": "decimal number, e.g. 0.85",
    "boolean": "true or false",
    "date": "ISO 8601 date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD",
    "day": "ISO 8601 calendar day YYYY-MM-DD",
    "datetime": "ISO 8601 UTC time, e.g. 2024-12-01T09:30:00Z",
    "list": 'values joined with ";" (empty when none)',
    "object": 'a flat JSON object as text, e.g. `{"coder": "ab"}` (`{}` when none); JSON keeps the object',
}

#: Dictionary type → Parquet (Arrow) type, as pyarrow prints it. A partial date stays a
#: string: ``2024`` is no day; an object is its JSON text.
ARROW_TYPES: dict[str, str] = {
    "string": "string",
    "integer": "int64",
    "number": "double",
    "boolean": "bool",
    "date": "string",
    "day": "date32[day]",
    "datetime": "timestamp[us, tz=UTC]",
    "list": "list<element: string>",
    "object": "string",
}

#: Dictionary type → pandas dtype of ``rhetoric.load()`` tables (lists are Python lists, objects dicts).
PANDAS_TYPES: dict[str, str] = {
    "string": "str",
    "integer": "int64",
    "number": "float64",
    "boolean": "bool",
    "date": "str",
    "day": "datetime64[ns]",
    "datetime": "datetime64[ns, UTC]",
    "list": "object",
    "object": "object",
}

#: How CSV exports treat cells a spreadsheet would run as formulas (printed with the dictionary).
CSV_FORMULA_POLICY = (
    "Text is written exactly as stored, so a cell may begin with `=`, `+`, `-`, `@`, a tab or a "
    "carriage return, which a spreadsheet runs as a formula. For CSV opened in Excel, LibreOffice or "
    "Google Sheets pass `--excel-safe`: such cells then begin with an added `'` (strip it to get the "
    "text back). The default keeps texts exact for pandas and R."
)

_ID = Column("statement_id", "string", "statement id (`s-` + 12 hex digits), key into `statements`")
_SPEAKER = Column("speaker", "string", "canonical actor id of the statement's speaker")
_DATE = Column("date", "date", "date of the statement")
_SENTENCE = Column("sentence", "integer", "index (from 0) of the sentence in the statement text")
_START = Column("start", "integer", "start offset of the span in the statement text (characters, from 0)")
_END = Column("end", "integer", "end offset (exclusive): `text == statement_text[start:end]`")
_TAG = Column("tag", "string", "codebook tag id")
_MENTION_TEXT = Column("text", "string", "the mention as written")
_PATTERN = Column("pattern", "string", "codebook pattern that matched")
_POLARITY = Column(
    "polarity",
    "string",
    '`negated` when the pattern says the opposite of the tag (codebook `polarity = "negated"`), else `affirmed`',
)

PROVENANCE: tuple[Column, ...] = (
    Column("codebook", "string", "name of the codebook that produced the row"),
    Column("codebook_version", "string", "its `version`"),
    Column("codebook_sha256", "string", "SHA-256 of the codebook file's bytes"),
    Column("rhetoric_version", "string", "version of rhetoric that produced the row"),
)

#: Table name → its own columns (the provenance columns follow on every table).
TABLES: dict[str, tuple[Column, ...]] = {
    "statements": (
        _ID,
        _SPEAKER,
        Column("speaker_name", "string", "the actor's name from `actors.toml` (the id when unknown)"),
        Column("speaker_as_written", "string", "the speaker as the source wrote it"),
        _DATE,
        Column("date_precision", "string", "`year`, `month` or `day`"),
        Column("date_qualifier", "string", "empty, `before`, `after` or `circa`"),
        Column("date_start", "day", "first calendar day the date can mean"),
        Column("date_end", "day", "last calendar day the date can mean"),
        Column("speaker_order", "integer", "position (from 1) in the speaker's timeline (date order)"),
        Column("kind", "string", "`direct`, `paraphrase` or `reported`"),
        Column("text", "string", "the statement as printed"),
        Column("source", "string", "outlet"),
        Column("url", "string", "address of the source"),
        Column("document", "string", "source article path, when extracted"),
        Column("added_at", "datetime", "when the statement was added to the corpus"),
        Column("n_mentions", "integer", "number of codebook mentions"),
        Column("n_frames", "integer", "number of condition frames"),
        Column(
            "meta",
            "object",
            "the statement's own fields from `import --meta` or unmapped `--map` columns "
            '(pandas: `pd.json_normalize(df["meta"].map(json.loads))` on CSV; R: `jsonlite::fromJSON`)',
        ),
    ),
    "mentions": (
        _ID,
        _SPEAKER,
        _DATE,
        _SENTENCE,
        _TAG,
        _START,
        _END,
        _MENTION_TEXT,
        _PATTERN,
        _POLARITY,
        Column("role", "string", "`condition`, `outcome` (in a frame) or `mentioned`"),
    ),
    "frames": (
        _ID,
        Column("frame_id", "string", "frame id: `<statement_id>#<sentence>.<n>`"),
        _SPEAKER,
        _DATE,
        _SENTENCE,
        Column("outcomes", "list", "tags at stake"),
        Column("conditions", "list", "tags demanded for them (`other` for an untagged condition)"),
        Column("other_conditions", "list", "words of the untagged conditions"),
        Column("cue", "string", "the condition cue as written (`until`, `as long as`, ...)"),
        Column("relation", "string", "`precondition`, `exchange` or `unconditional`"),
        Column("polarity", "string", "`negated` (outcome ruled out until the condition holds) or `affirmed`"),
        Column("modality", "string", "`firm`, `open`, `hypothetical` or `neutral`"),
        _START,
        _END,
        Column("evidence", "string", "the frame's evidence span of the statement text"),
    ),
    "stances": (
        _ID,
        _SPEAKER,
        _DATE,
        _SENTENCE,
        _TAG,
        Column("stance", "string", "`support`, `oppose` or `neutral`"),
        Column("holders", "list", "actor ids holding the stance"),
        Column("speaker_holds", "boolean", "whether the speaker is among the holders"),
        _START,
        _END,
        Column("text", "string", "the mention the stance is about"),
        Column("cue", "string", "the words that carry the stance"),
    ),
    "shifts": (
        Column("speaker", "string", "canonical actor id (the party with `--party`)"),
        Column("from_id", "string", "earlier statement id (the first of its occasion)"),
        Column("to_id", "string", "later statement id (the first of its occasion)"),
        Column("from_date", "date", "date of the earlier statement"),
        Column("to_date", "date", "date of the later statement"),
        Column(
            "type",
            "string",
            "event type (`item_taken_up`, `item_let_go`, `condition_added`, `condition_dropped`, "
            "`outcome_changed`, `stance_reversed`, `stance_flipped`, `stance_taken`, `stance_let_go`, "
            "`ruled_out`, `softened`, `hardened`, `firmer`, `less_firm`, `became_unconditional`, "
            "`role_changed`); empty for an event-less shift",
        ),
        Column("tag", "string", "tag the event is about (empty for tone events)"),
        Column(
            "verdict",
            "string",
            "headline of the shift: `unchanged`, `softened`, `hardened`, `reversed`, `reframed`, `mixed` "
            "or `no_position` (rules in docs/shifts.md)",
        ),
        Column("step", "integer", "position (from 1) of the shift in the speaker's timeline"),
        Column("detail", "string", "what changed, e.g. `modality firm→open`"),
        Column("evidence_from", "string", "evidence in the earlier statement (spans joined with ` … `)"),
        Column("evidence_to", "string", "evidence in the later statement (spans joined with ` … `)"),
        Column(
            "from_ids",
            "string",
            "every statement id of the earlier occasion, in source order, joined with `;`",
        ),
        Column(
            "to_ids", "string", "every statement id of the later occasion, in source order, joined with `;`"
        ),
    ),
}

TABLE_NAMES: tuple[str, ...] = tuple(TABLES)

#: Tables only commands print (not exported): ``tag``, ``kwic``, ``codebook show``, ``extract``
#: (the candidates of an article, the fields of ``rhetoric.extract.Candidate``: the review
#: columns first, as the table shows them) and ``list`` (the statement records of ``list`` and
#: ``show``).
COMMAND_TABLES: dict[str, tuple[Column, ...]] = {
    "tag": (
        Column("statement_id", "string", "statement id; empty (null in JSON) for free text"),
        _TAG,
        _START,
        _END,
        _MENTION_TEXT,
        _SENTENCE,
        _PATTERN,
        _POLARITY,
    ),
    "kwic": (
        _ID,
        _SPEAKER,
        _DATE,
        Column("left", "string", "words before the match"),
        Column("match", "string", "the match as written"),
        Column("right", "string", "words after the match"),
        _START,
        _END,
        Column("tag", "string", "the tag of an @tag query (empty otherwise)"),
        Column("pattern", "string", "the pattern that matched"),
    ),
    "codebook": (
        _TAG,
        Column("role", "string", "`outcome`, `condition` or `either`"),
        Column("label", "string", "the tag's label"),
        Column("patterns", "integer", "number of patterns"),
        Column("exclude", "integer", "number of exclude patterns"),
        Column("positive", "integer", "number of positive examples"),
        Column("negative", "integer", "number of negative examples"),
    ),
    "extract": (
        Column(
            "speaker",
            "string",
            "actor id from `actors.toml`, or the name as written (titles stripped) when unknown",
        ),
        Column(
            "speaker_as_written", "string", 'the subject as printed: "the Ukrainian president", "he", "Kiev"'
        ),
        Column("kind", "string", "`direct`, `paraphrase` or `reported`"),
        Column(
            "date", "date", "date of the statement resolved against the article date (empty when unknown)"
        ),
        Column("date_qualifier", "string", "empty, `before`, `after` or `circa`"),
        Column(
            "start",
            "integer",
            "start offset in the article (characters, from 0, after BOM removal and CRLF → LF)",
        ),
        Column("end", "integer", "end offset (exclusive): `text == article[start:end]`"),
        Column("cue", "string", 'the attribution cue as written: "has previously argued", "according to"'),
        Column("confidence", "number", "0–1: the attribution shape's base × the speaker's resolution"),
        Column("text", "string", "the attributed content exactly as printed, quote marks included"),
        Column("source", "string", "outlet (`--source` or the sidecar's `outlet`)"),
        Column("url", "string", "address of the article (`--url` or the sidecar's `url`)"),
        Column("document", "string", "the article path as given (empty for standard input)"),
        Column(
            "date_evidence",
            "string",
            'the phrase that dated it: "Last week", "perfect aspect", "article date"',
        ),
        Column("speaker_known", "boolean", "whether the speaker is an actor of `actors.toml`"),
        Column("note", "string", "review notes, e.g. an unbalanced quote (empty when none)"),
        Column("position", "integer", "rank (from 0) by offset among the article's candidates"),
    ),
    # The statement record as ``statements.jsonl`` holds it (``rhetoric.records.RECORD_KEYS``),
    # for ``list`` and ``show`` in csv; json and jsonl print the records themselves.
    "list": (
        Column("id", "string", "statement id (`s-` + 12 hex digits)"),
        _SPEAKER,
        Column("speaker_as_written", "string", "the speaker as the source wrote it"),
        _DATE,
        Column("date_qualifier", "string", "empty, `before`, `after` or `circa`"),
        Column("text", "string", "the statement as printed"),
        Column("kind", "string", "`direct`, `paraphrase` or `reported`"),
        Column("source", "string", "outlet"),
        Column("url", "string", "address of the source"),
        Column("document", "string", "source article path, when extracted"),
        Column("added_at", "datetime", "when the statement was added to the corpus"),
        Column("note", "string", "free-text note"),
        Column(
            "occasion",
            "string",
            "statements of one occasion are read together as one position (empty when none)",
        ),
        Column(
            "position",
            "integer",
            "order (from 0) among the statements of one source; shifts read it (empty when none)",
        ),
        Column(
            "meta", "object", "the statement's own fields from `import --meta` or unmapped `--map` columns"
        ),
    ),
}

#: Columns ``tag --with-model`` adds: who found the mention and the model's probability.
MODEL_COLUMNS: tuple[Column, ...] = (
    Column("source", "string", "`lexicon` or `model`"),
    Column("score", "string", "the model's probability (empty for the lexicon)"),
)


def _check(table: str) -> None:
    if table not in TABLES:
        raise UsageError(f"unknown table {table!r}", hint=f"use one of {', '.join(TABLE_NAMES)} or all")


def table_columns(table: str) -> tuple[Column, ...]:
    """Every column of a table (its own, then provenance).

    Raises:
        UsageError: If there is no such table.
    """
    _check(table)
    return TABLES[table] + PROVENANCE


def columns(table: str) -> tuple[str, ...]:
    """The column names of a table, in order (its own, then provenance).

    Raises:
        UsageError: If there is no such table.
    """
    return tuple(c.name for c in table_columns(table))


def own_columns(table: str) -> tuple[str, ...]:
    """A table's own column names, in order: what a command prints (no provenance columns).

    Besides the export tables, the tables only commands print (:data:`COMMAND_TABLES`).

    Raises:
        UsageError: If there is no such table.

    Example:
        >>> own_columns("stances")[:3]
        ('statement_id', 'speaker', 'date')
    """
    if table in COMMAND_TABLES:
        return tuple(c.name for c in COMMAND_TABLES[table])
    _check(table)
    return tuple(c.name for c in TABLES[table])


def column_types(table: str) -> dict[str, str]:
    """Column name → dictionary type (see :data:`TYPES`) of a table, provenance included.

    Raises:
        UsageError: If there is no such table.
    """
    return {c.name: c.type for c in table_columns(table)}


def describe_markdown(tables: tuple[str, ...] = TABLE_NAMES) -> str:
    """The data dictionary as a Markdown table (what ``rhetoric export --describe`` prints).

    Example:
        >>> describe_markdown(("shifts",)).splitlines()[2]
        '| shifts | speaker | string | canonical actor id (the party with `--party`) |'
    """
    for t in tables:
        _check(t)
    lines = ["| table | column | type | meaning |", "|---|---|---|---|"]
    for t in tables:
        lines += [f"| {t} | {c.name} | {c.type} | {c.meaning} |" for c in TABLES[t]]
    lines += [f"| (every table) | {c.name} | {c.type} | {c.meaning} |" for c in PROVENANCE]
    # Only the types an export table uses: a type of a command table (``number``) is no export's.
    used = {c.type for cols in TABLES.values() for c in cols} | {c.type for c in PROVENANCE}
    lines += ["", "| type | written as |", "|---|---|"]
    lines += [f"| {name} | {text} |" for name, text in TYPES.items() if name in used]
    lines += ["", CSV_FORMULA_POLICY]
    return "\n".join(lines) + "\n"


def resolve_tables(names: Iterable[str]) -> tuple[str, ...]:
    """Expand ``all`` and check table names, keeping dictionary order without duplicates.

    Raises:
        UsageError: If a name is neither a table nor ``all``.

    Example:
        >>> resolve_tables(["shifts", "frames", "shifts"])
        ('frames', 'shifts')
    """
    wanted = set()
    for name in names:
        if name == "all":
            wanted.update(TABLE_NAMES)
        elif name in TABLES:
            wanted.add(name)
        else:
            raise UsageError(f"unknown table {name!r}", hint=f"use one of {', '.join(TABLE_NAMES)} or all")
    return tuple(t for t in TABLE_NAMES if t in wanted)


__all__ = [
    "ARROW_TYPES",
    "COMMAND_TABLES",
    "CSV_FORMULA_POLICY",
    "MODEL_COLUMNS",
    "PANDAS_TYPES",
    "PROVENANCE",
    "TABLES",
    "TABLE_NAMES",
    "TYPES",
    "Column",
    "column_types",
    "columns",
    "describe_markdown",
    "own_columns",
    "resolve_tables",
    "table_columns",
]
