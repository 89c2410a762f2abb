"""Gold annotations: the JSONL format human coders write, strict validation, and corpus resolution.

One JSON object per line, one line per statement::

    {"statement_id": "s-0123456789ab", "tags": ["ceasefire"], "optional_tags": ["negotiations"],
     "mentions": [{"tag": "ceasefire", "start": 12, "end": 17}], "frames": []}
    {"text": "Russia must pull out all its forces first.", "tags": ["withdrawal"]}

Keys: ``statement_id``, ``id`` or ``text`` (at least one). ``statement_id`` must name a corpus
statement. ``id`` is the coder's own id (e.g. of a development set): it denotes the corpus statement
of that id if there is one; otherwise, like a ``text`` alone, the line is matched to the first corpus
statement with that text (exactly, else with whitespace runs collapsed), and is evaluated as free
text when no statement has it. ``tags`` (required, statement level),
``optional_tags`` (acceptable either way: neither a false positive nor a false negative),
``mentions`` (``tag``, ``start``, ``end``, optional ``text`` that must equal the span; present means
the item is annotated at mention level, even when empty), ``frames`` (condition frames),
``optional_frame_pairs``, ``stances``, ``third_party_stances`` and ``commitment`` (see
:mod:`rhetoric.learn.gold_claims`; a key present means the line is coded for it, even when empty)
and ``note``. Every problem of a file is reported at once as
``file:line: [field] message``.

Example:
    >>> gs = loads_gold('{"text": "A truce now.", "tags": ["ceasefire"]}\\n', tag_ids=["ceasefire"])
    >>> gs.items[0].tags, gs.items[0].key
    (('ceasefire',), 'A truce now.')
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

from ..corpus.store import Corpus
from ..errors import BatchValidationError, InputFormatError, NotFoundError, ValidationError
from ..types import Modality, Polarity, Relation
from .gold_claims import OTHER, ClaimChecks

ITEM_KEYS = (
    "statement_id",
    "id",
    "text",
    "tags",
    "optional_tags",
    "mentions",
    "frames",
    "optional_frame_pairs",
    "stances",
    "third_party_stances",
    "commitment",
    "note",
)
#: Keys whose presence means the line is coded for that claim (scored by ``rhetoric evaluate``).
CLAIM_KEYS = ("frames", "stances", "third_party_stances", "commitment")
MENTION_KEYS = ("tag", "start", "end", "text")
FRAME_KEYS = (
    "outcomes",
    "conditions",
    "other_conditions",
    "cue",
    "relation",
    "polarity",
    "modality",
    "sentence",
    "note",
)
_FRAME_ENUMS = {"relation": Relation, "polarity": Polarity, "modality": Modality}


@dataclass(frozen=True)
class GoldMention:
    """A hand-marked span of a tag: ``text[start:end]``."""

    tag: str
    start: int
    end: int


@dataclass(frozen=True)
class GoldItem:
    """One coded statement of a gold file.

    Attributes:
        line: Line number in the file (1-based).
        statement_id: The corpus statement, if the coder gave its id.
        text: The statement text, if the coder gave it.
        tags: Tags the statement must get.
        optional_tags: Tags that are acceptable either way.
        mentions: Hand-marked spans, or None if the item is not annotated at mention level.
        frames: Condition frames as written (validated).
        note: Free-form coder note.
        id: The coder's own id of the statement (matched to corpus ids, else by text).
        optional_frame_pairs: ``(outcome, condition)`` pairs that are neither a hit nor a miss.
        stances: The speaker's ``{tag: support|oppose}``, None if not coded.
        third_party_stances: ``(holder, tag, stance)`` of others, None if not coded.
        commitment: The speaker's commitment (:class:`~rhetoric.learn.gold_claims.Commitment`), or None.
        coded: The claim keys (:data:`CLAIM_KEYS`) the line carries.
    """

    line: int
    statement_id: str | None
    text: str | None
    tags: tuple[str, ...]
    optional_tags: tuple[str, ...] = ()
    mentions: tuple[GoldMention, ...] | None = None
    frames: tuple[dict[str, Any], ...] = ()
    note: str = ""
    id: str | None = None
    optional_frame_pairs: tuple[tuple[str, str], ...] = ()
    stances: dict[str, str] | None = None
    third_party_stances: tuple[tuple[str, str, str], ...] | None = None
    commitment: str | None = None
    coded: frozenset[str] = frozenset()

    @property
    def key(self) -> str:
        """What identifies the statement before resolution: its corpus id, else its text, else ``id:<id>``."""
        if self.statement_id is not None:
            return self.statement_id
        return self.text if self.text is not None else f"id:{self.id}"


@dataclass(frozen=True)
class GoldSet:
    """A validated gold file."""

    path: str
    items: tuple[GoldItem, ...]
    sha256: str = ""


@dataclass(frozen=True)
class ResolvedItem:
    """A gold item tied to the text that is tagged: the corpus statement's, or its own free text.

    Attributes:
        item: The gold item.
        statement_id: The corpus statement it denotes, or None for free text.
        text: The text to tag and score against.
        path: Gold file it came from.
    """

    item: GoldItem
    statement_id: str | None
    text: str
    path: str

    @property
    def key(self) -> str:
        """Identity across coder files: the corpus id when known, else the text."""
        return self.statement_id if self.statement_id is not None else self.text


def _did_you_mean(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    base = "run `rhetoric codebook show` for the tag list"
    return f"did you mean {close[0]!r}? {base}" if close else base


def normalize_space(text: str) -> str:
    """Whitespace runs collapsed to one space, ends stripped (how ``text`` lines match corpus texts)."""
    return re.sub(r"\s+", " ", text).strip()


class _Checker(ClaimChecks):
    """Collects problems of one file, each a ValidationError with path, line and field."""

    def __init__(self, path: str, tag_ids: tuple[str, ...] | None) -> None:
        self.path = path
        self.tag_ids = tag_ids
        self.problems: list[ValidationError] = []

    def bad(self, line: int, field: str | None, message: str, hint: str | None = None) -> None:
        self.problems.append(ValidationError(message, path=self.path, line=line, field=field, hint=hint))

    def tag_list(
        self, line: int, field: str, value: Any, *, required: bool, allow_other: bool = False
    ) -> tuple[str, ...]:
        if value is None:
            if required:
                self.bad(line, field, "is missing", "give a list of tag ids, [] if none applies")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.bad(line, field, f"must be a list of tag ids, got {json.dumps(value)[:60]}")
            return ()
        seen: set[str] = set()
        for v in value:
            if v in seen:
                self.bad(line, field, f"tag {v!r} is listed twice")
            seen.add(v)
            if self.tag_ids is not None and v not in self.tag_ids and not (allow_other and v == OTHER):
                known = (*self.tag_ids, OTHER) if allow_other else self.tag_ids
                self.bad(line, field, f"unknown tag {v!r}", _did_you_mean(v, known))
        return tuple(dict.fromkeys(value))

    def mentions(self, line: int, value: Any, text: str | None) -> tuple[GoldMention, ...] | None:
        if value is None:
            return None
        if not isinstance(value, list):
            self.bad(line, "mentions", "must be a list of {tag, start, end} objects")
            return None
        out = []
        for i, raw in enumerate(value):
            where = f"mentions[{i}]"
            if not isinstance(raw, dict):
                self.bad(line, where, "must be an object with tag, start and end")
                continue
            for k in raw:
                if k not in MENTION_KEYS:
                    self.bad(line, f"{where}.{k}", "unknown key", f"allowed keys: {', '.join(MENTION_KEYS)}")
            ok = True
            for k in ("start", "end"):
                v = raw.get(k)
                if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                    self.bad(line, f"{where}.{k}", f"must be a character offset (int >= 0), got {v!r}")
                    ok = False
            tag = raw.get("tag")
            if not isinstance(tag, str):
                self.bad(line, f"{where}.tag", f"must be a tag id, got {tag!r}")
                ok = False
            elif self.tag_ids is not None and tag not in self.tag_ids:
                self.bad(line, f"{where}.tag", f"unknown tag {tag!r}", _did_you_mean(tag, self.tag_ids))
            if not ok:
                continue
            start, end = raw["start"], raw["end"]
            if start >= end:
                self.bad(line, where, f"start {start} must be less than end {end}")
                continue
            if text is not None:
                if end > len(text):
                    self.bad(
                        line, f"{where}.end", f"{end} is past the end of the text ({len(text)} characters)"
                    )
                    continue
                if "text" in raw and raw["text"] != text[start:end]:
                    self.bad(
                        line,
                        f"{where}.text",
                        f"{raw['text']!r} does not match text[{start}:{end}] = {text[start:end]!r}",
                        "fix the offsets or the quoted text",
                    )
            out.append(GoldMention(tag, start, end))
        return tuple(out)

    def frames(self, line: int, value: Any) -> tuple[dict[str, Any], ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.bad(line, "frames", "must be a list of frame objects")
            return ()
        for i, raw in enumerate(value):
            where = f"frames[{i}]"
            if not isinstance(raw, dict):
                self.bad(line, where, "must be an object with outcomes and conditions")
                continue
            for k in raw:
                if k not in FRAME_KEYS:
                    self.bad(line, f"{where}.{k}", "unknown key", f"allowed keys: {', '.join(FRAME_KEYS)}")
            for k in ("outcomes", "conditions"):
                self.tag_list(line, f"{where}.{k}", raw.get(k), required=True, allow_other=True)
            self.tag_list(
                line,
                f"{where}.other_conditions",
                raw.get("other_conditions"),
                required=False,
                allow_other=True,
            )
            for k in ("cue", "note"):
                if k in raw and not isinstance(raw[k], str):
                    self.bad(line, f"{where}.{k}", "must be a string")
            for k, enum in _FRAME_ENUMS.items():
                if k in raw and raw[k] not in {e.value for e in enum}:
                    allowed = ", ".join(e.value for e in enum)
                    self.bad(line, f"{where}.{k}", f"unknown value {raw[k]!r}", f"use one of {allowed}")
            s = raw.get("sentence", 0)
            if not isinstance(s, int) or isinstance(s, bool) or s < 0:
                self.bad(line, f"{where}.sentence", f"must be a sentence index (int >= 0), got {s!r}")
        return tuple(v for v in value if isinstance(v, dict))

    def item(self, line: int, data: Any) -> GoldItem | None:
        before = len(self.problems)
        if not isinstance(data, dict):
            self.bad(line, None, f"expected a JSON object, got {type(data).__name__}")
            return None
        for k in data:
            if k not in ITEM_KEYS:
                self.bad(line, k, "unknown key", f"allowed keys: {', '.join(ITEM_KEYS)}")
        sid, text, ext = data.get("statement_id"), data.get("text"), data.get("id")
        if sid is None and text is None and ext is None:
            self.bad(
                line, None, "needs statement_id, id or text", "give the corpus id or the exact statement text"
            )
        for k, v in (("statement_id", sid), ("id", ext)):
            if v is not None and (not isinstance(v, str) or not v.strip()):
                self.bad(line, k, f"must be a non-empty string, got {v!r}")
        if text is not None and (not isinstance(text, str) or not text.strip()):
            self.bad(line, "text", f"must be a non-empty string, got {json.dumps(text)[:40]}")
            text = None
        tags = self.tag_list(line, "tags", data.get("tags"), required=True)
        optional = self.tag_list(line, "optional_tags", data.get("optional_tags"), required=False)
        for t in sorted(set(tags) & set(optional)):
            self.bad(
                line, "optional_tags", f"tag {t!r} is also in tags", "a tag is either required or optional"
            )
        mentions = self.mentions(line, data.get("mentions"), text)
        for m in mentions or ():
            if m.tag not in tags and m.tag not in optional:
                self.bad(
                    line, "mentions", f"mention of {m.tag!r} but the tag is not in tags or optional_tags"
                )
        frames = self.frames(line, data.get("frames"))
        note = data.get("note", "")
        if not isinstance(note, str):
            self.bad(line, "note", "must be a string")
        claims = {
            "optional_frame_pairs": self.optional_pairs(line, data.get("optional_frame_pairs")),
            "stances": self.stance_map(line, data.get("stances")),
            "third_party_stances": self.third_party(line, data.get("third_party_stances")),
            "commitment": self.commitment(line, data.get("commitment")),
        }
        if len(self.problems) > before:
            return None
        coded = frozenset(k for k in CLAIM_KEYS if data.get(k) is not None)
        return GoldItem(
            line, sid, text, tags, optional, mentions, frames, note, id=ext, coded=coded, **claims
        )


def loads_gold(content: str, *, path: str = "<gold>", tag_ids: Iterable[str] | None = None) -> GoldSet:
    """Parse and validate gold JSONL text.

    Args:
        content: The file's text.
        path: Name used in error messages.
        tag_ids: Known tags (the codebook's); None skips the tag check.

    Returns:
        The validated gold set.

    Raises:
        BatchValidationError: Listing every problem (``file:line: [field] message``).

    Example:
        >>> loads_gold('{"text": "x", "tags": ["truce"]}', path="g.jsonl", tag_ids=["ceasefire"])
        Traceback (most recent call last):
        ...
        rhetoric.errors.BatchValidationError: g.jsonl: 1 problem(s); fix them and run again
          g.jsonl:1: [tags] unknown tag 'truce' (run `rhetoric codebook show` for the tag list)
    """
    checker = _Checker(path, tuple(tag_ids) if tag_ids is not None else None)
    items: list[GoldItem] = []
    seen: dict[str, int] = {}
    seen_ids: dict[str, int] = {}
    for lineno, raw in enumerate(content.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            checker.bad(lineno, None, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        item = checker.item(lineno, data)
        if item is None:
            continue
        if item.key in seen:
            field = "statement_id" if item.statement_id is not None else "text"
            checker.bad(lineno, field, f"statement coded twice (also line {seen[item.key]})", "keep one line")
            continue
        if item.id is not None and item.id in seen_ids:
            checker.bad(
                lineno, "id", f"id {item.id!r} used twice (also line {seen_ids[item.id]})", "keep one line"
            )
            continue
        seen[item.key] = lineno
        if item.id is not None:
            seen_ids[item.id] = lineno
        items.append(item)
    if checker.problems:
        raise BatchValidationError(
            f"{len(checker.problems)} problem(s); fix them and run again", checker.problems, path=path
        )
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    return GoldSet(path, tuple(items), digest)


def load_gold(path: str | PathLike, *, tag_ids: Iterable[str] | None = None) -> GoldSet:
    """Read and validate a gold JSONL file (UTF-8).

    Raises:
        NotFoundError: If the file does not exist.
        InputFormatError: If it is not UTF-8 text.
        BatchValidationError: Listing every problem of the file.
    """
    p = Path(path)
    if p.is_dir():
        raise InputFormatError(f"gold file {str(p)!r} is a directory", hint="pass a gold JSONL file")
    if not p.is_file():
        raise NotFoundError(
            f"gold file {str(p)!r} does not exist", hint="write one with `rhetoric gold template`"
        )
    try:
        content = p.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputFormatError(
            f"not UTF-8 ({exc.reason} at byte {exc.start})", path=str(p), hint="save it as UTF-8"
        ) from None
    return loads_gold(content, path=str(p), tag_ids=tag_ids)


def corpus_if_any(path: str | PathLike) -> Corpus | None:
    """The corpus at ``path`` if it has a statements file, else None (gold then stays free text)."""
    corpus = Corpus(path)
    return corpus if corpus.statements_path.is_file() else None


def resolve_gold(gold: GoldSet, corpus: Corpus | None) -> list[ResolvedItem]:
    """Tie every gold item to the text to tag.

    ``statement_id`` must name a corpus statement (and a given ``text`` must equal its text);
    an ``id`` that names a corpus statement denotes it; otherwise the ``text`` is matched to the
    first corpus statement with exactly that text, else with the same text once whitespace runs
    are collapsed, and is evaluated as free text when none has it.

    Raises:
        BatchValidationError: Listing unknown ids and text mismatches with file and line.

    Example:
        >>> gs = loads_gold('{"text": "A truce.", "tags": []}')
        >>> [(r.statement_id, r.text) for r in resolve_gold(gs, None)]
        [(None, 'A truce.')]
    """
    by_id: dict[str, str] = {}
    by_text: dict[str, str] = {}
    by_norm: dict[str, str] = {}
    if corpus is not None:
        for s in corpus.iter_statements():
            by_id[s.id] = s.text
            by_text.setdefault(s.text, s.id)
            by_norm.setdefault(normalize_space(s.text), s.id)
    checker = _Checker(gold.path, None)
    out: list[ResolvedItem] = []
    for item in gold.items:
        if item.statement_id is not None:
            text = by_id.get(item.statement_id)
            if text is None:
                where = f"the corpus {str(corpus.path)!r}" if corpus is not None else "a corpus (none found)"
                checker.bad(
                    item.line,
                    "statement_id",
                    f"no statement {item.statement_id!r} in {where}",
                    "check --corpus, or give the statement's text instead",
                )
                continue
            if item.text is not None and item.text != text:
                checker.bad(
                    item.line, "text", f"differs from the text of {item.statement_id}", "copy the corpus text"
                )
                continue
            out.append(ResolvedItem(item, item.statement_id, text, gold.path))
        elif item.id is not None and item.id in by_id:
            out.append(ResolvedItem(item, item.id, by_id[item.id], gold.path))
        elif item.text is None:
            checker.bad(
                item.line, "id", f"no statement {item.id!r} in the corpus", "give the statement's text too"
            )
        else:
            sid = by_text.get(item.text) or by_norm.get(normalize_space(item.text))
            out.append(ResolvedItem(item, sid, by_id[sid] if sid else item.text, gold.path))
    if not checker.problems:
        for r in out:
            checker.mentions(r.item.line, [m.__dict__ for m in r.item.mentions or ()], r.text)
    if checker.problems:
        raise BatchValidationError(
            f"{len(checker.problems)} problem(s); fix them and run again", checker.problems, path=gold.path
        )
    return out


def load_resolved(
    path: str | PathLike, corpus_dir: str | PathLike, *, tag_ids: Iterable[str] | None = None
) -> tuple[GoldSet, list[ResolvedItem]]:
    """Load a gold file and resolve it against the corpus at ``corpus_dir`` (free text if it has none).

    Raises:
        NotFoundError, InputFormatError, BatchValidationError: As :func:`load_gold` and :func:`resolve_gold`.
    """
    gold = load_gold(path, tag_ids=tag_ids)
    return gold, resolve_gold(gold, corpus_if_any(corpus_dir))


__all__ = [
    "CLAIM_KEYS",
    "GoldItem",
    "GoldMention",
    "GoldSet",
    "ResolvedItem",
    "corpus_if_any",
    "load_resolved",
    "load_gold",
    "loads_gold",
    "normalize_space",
    "resolve_gold",
]
