"""Read a ``codebook.toml`` into a :class:`Codebook`, collecting every structural problem.

Layout (see docs/codebook.md, "Codebook format")::

    [codebook]
    name = "ukraine-nato"
    version = "1"
    language = "en"
    description = "Conditions and outcomes in talk about ending the war."

    [[tag]]
    id = "ceasefire"
    label = "Ceasefire"
    role = "either"                 # outcome | condition | either
    description = "A halt to fighting ..."
    patterns = ["cease-fire", "truce|armistice"]
    exclude = ["ceasefire violation*"]   # optional
    [tag.examples]                  # optional
    positive = ["Both sides agreed to a truce."]
    negative = ["The fighting went on."]

    [frames]                        # optional extension table, passed through untouched
    ...

Problems are strings ``[where.field] message``: ``where`` is the tag id (or
``tag3`` for a tag without a usable id) or ``codebook`` for the file as a whole.

Example:
    >>> cb = loads_codebook('[codebook]\\nname = "x"\\n[[tag]]\\nid = "truce"\\nlabel = "Truce"\\n'
    ...                     'description = "A pause."\\nrole = "outcome"\\npatterns = ["truce"]\\n')
    >>> cb.tag_ids
    ('truce',)
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from os import PathLike
from pathlib import Path
from typing import Any

from ..errors import CodebookError, NotFoundError, PatternError
from ..types import Polarity, Role
from .model import Codebook, TagSpec
from .patterns import parse_pattern
from .scales import parse_scales

CODEBOOK_KEYS = ("name", "version", "language", "description")
TAG_KEYS = ("id", "label", "description", "role", "patterns", "exclude", "overrides", "examples")
EXAMPLE_KEYS = ("positive", "negative")
#: Keys of a pattern written as a table: ``{ pattern = "staying in power", polarity = "negated" }``.
PATTERN_KEYS = ("pattern", "polarity")
_POLARITIES = ", ".join(p.value for p in Polarity)
#: Top-level tables passed through untouched into :attr:`Codebook.extensions`.
EXTENSION_TABLES = ("frames", "words")
TOP_LEVEL_KEYS = ("codebook", "tag", "scale", *EXTENSION_TABLES)
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_ROLES = ", ".join(r.value for r in Role)


def _strings(value: Any, where: str, problems: list[str], *, required: bool) -> tuple[str, ...] | None:
    """A list of strings, or None (with a problem) if it is something else."""
    if value is None:
        if required:
            problems.append(f"[{where}] is missing")
        return None if required else ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"[{where}] must be a list of strings")
        return None
    if required and not value:
        problems.append(f"[{where}] is empty")
        return None
    return tuple(value)


def _text(table: dict, key: str, where: str, problems: list[str], *, required: bool) -> str:
    value = table.get(key)
    if value is None:
        if required:
            problems.append(f"[{where}.{key}] is missing")
        return ""
    if not isinstance(value, str):
        problems.append(f"[{where}.{key}] must be a string")
        return ""
    if required and not value.strip():
        problems.append(f"[{where}.{key}] is empty")
    return value


def _unknown(table: dict, allowed: tuple[str, ...], where: str, problems: list[str]) -> None:
    for key in table:
        if key not in allowed:
            problems.append(f"[{where}.{key}] unknown key (allowed: {', '.join(allowed)})")


def _patterns(values: tuple[str, ...] | None, where: str, problems: list[str]) -> bool:
    ok = values is not None
    seen: set[str] = set()
    for source in values or ():
        try:
            parse_pattern(source)
        except PatternError as exc:
            problems.append(f"[{where}] {exc.message}")
            ok = False
        if source in seen:
            problems.append(f"[{where}] duplicate pattern {source!r}")
        seen.add(source)
    return ok


def _pattern_entries(value: Any, where: str, problems: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The ``patterns`` list: strings, or tables with a ``polarity`` (sources, negated sources)."""
    if value is None:
        problems.append(f"[{where}] is missing")
        return None
    if not isinstance(value, list):
        problems.append(f"[{where}] must be a list of strings")
        return None
    if not value:
        problems.append(f"[{where}] is empty")
        return None
    sources: list[str] = []
    negated: list[str] = []
    ok = True
    for i, entry in enumerate(value):
        if isinstance(entry, str):
            sources.append(entry)
            continue
        here = f"{where}[{i}]"
        if not isinstance(entry, dict):
            problems.append(
                f'[{here}] must be a string or a table such as {{ pattern = "staying in power", polarity = "negated" }}'
            )
            ok = False
            continue
        _unknown(entry, PATTERN_KEYS, here, problems)
        source = entry.get("pattern")
        polarity = entry.get("polarity", Polarity.AFFIRMED.value)
        if not isinstance(source, str):
            problems.append(f"[{here}.pattern] is missing" if source is None else f"[{here}.pattern] must be a string")
            ok = False
            continue
        if polarity not in tuple(p.value for p in Polarity):
            problems.append(f"[{here}.polarity] unknown polarity {polarity!r} (use {_POLARITIES})")
            ok = False
        sources.append(source)
        if polarity == Polarity.NEGATED.value:
            negated.append(source)
    return (tuple(sources), tuple(negated)) if ok else None


def _override_problems(tags: list[TagSpec], all_ids: set[str]) -> list[str]:
    """``overrides`` must name other known tags and never go round in a circle."""
    problems: list[str] = []
    for spec in tags:
        for other in spec.overrides:
            if other == spec.id:
                problems.append(f"[{spec.id}.overrides] a tag cannot override itself")
            elif other not in all_ids:
                problems.append(f"[{spec.id}.overrides] unknown tag {other!r}")
    graph = {spec.id: [o for o in spec.overrides if o != spec.id] for spec in tags}
    reported: set[frozenset[str]] = set()
    for spec in tags:
        # Depth-first from each tag: reaching it again closes a cycle.
        stack: list[tuple[str, tuple[str, ...]]] = [(o, (spec.id, o)) for o in graph[spec.id]]
        while stack:
            node, path = stack.pop()
            if node == spec.id:
                key = frozenset(path)
                if key not in reported:
                    reported.add(key)
                    problems.append(
                        f"[{spec.id}.overrides] overrides go round in a circle: {' → '.join(path)} "
                        "(keep one direction)"
                    )
                continue
            if node in path[:-1]:
                continue
            stack.extend((o, (*path, o)) for o in graph.get(node, ()))
    return problems


def _parse_tag(index: int, raw: Any, seen: dict[str, int], problems: list[str]) -> TagSpec | None:
    """One ``[[tag]]`` table; None if it has a problem (all its problems are appended)."""
    before = len(problems)
    if not isinstance(raw, dict):
        problems.append(f"[tag{index}] must be a table")
        return None
    tag_id = raw.get("id")
    name = tag_id if isinstance(tag_id, str) and _ID_RE.match(tag_id) else f"tag{index}"
    if tag_id is None:
        problems.append(f"[{name}.id] is missing")
    elif not isinstance(tag_id, str) or not _ID_RE.match(tag_id):
        problems.append(f"[{name}.id] {tag_id!r} is not a snake_case id (e.g. nato_membership)")
    elif tag_id in seen:
        problems.append(f"[{name}.id] duplicate id (also tag {seen[tag_id]})")
    else:
        seen[tag_id] = index
    _unknown(raw, TAG_KEYS, name, problems)
    label = _text(raw, "label", name, problems, required=True)
    description = _text(raw, "description", name, problems, required=True)
    role_raw = raw.get("role")
    role = Role.EITHER
    if role_raw is None:
        problems.append(f"[{name}.role] is missing (use {_ROLES})")
    else:
        try:
            role = Role(role_raw)
        except ValueError:
            problems.append(f"[{name}.role] unknown role {role_raw!r} (use {_ROLES})")
    entries = _pattern_entries(raw.get("patterns"), f"{name}.patterns", problems)
    patterns, negated = entries if entries is not None else (None, ())
    _patterns(patterns, f"{name}.patterns", problems)
    overrides = _strings(raw.get("overrides"), f"{name}.overrides", problems, required=False)
    exclude = _strings(raw.get("exclude"), f"{name}.exclude", problems, required=False)
    _patterns(exclude, f"{name}.exclude", problems)
    examples = raw.get("examples", {})
    positive: tuple[str, ...] | None = ()
    negative: tuple[str, ...] | None = ()
    if not isinstance(examples, dict):
        problems.append(f"[{name}.examples] must be a table with positive and negative lists")
    else:
        _unknown(examples, EXAMPLE_KEYS, f"{name}.examples", problems)
        positive = _strings(examples.get("positive"), f"{name}.examples.positive", problems, required=False)
        negative = _strings(examples.get("negative"), f"{name}.examples.negative", problems, required=False)
    if len(problems) > before:
        return None
    return TagSpec(
        id=tag_id,
        label=label,
        description=description,
        role=role,
        patterns=patterns or (),
        exclude=exclude or (),
        examples_positive=positive or (),
        examples_negative=negative or (),
        negated=negated,
        overrides=overrides or (),
    )


def parse_codebook(data: bytes, *, path: str | PathLike | None = None) -> tuple[Codebook, list[str]]:
    """Parse codebook bytes, keeping going after problems.

    Args:
        data: The file's bytes (UTF-8 TOML).
        path: Where they came from (recorded on the codebook).

    Returns:
        ``(codebook, problems)``: the codebook holds only the tags without problems;
        ``problems`` lists every problem found, in file order.
    """
    problems: list[str] = []
    p = Path(path) if path is not None else None
    digest = hashlib.sha256(data).hexdigest()
    empty = Codebook(name="", version="", language="", description="", tags=(), sha256=digest, path=p)
    try:
        doc = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        return empty, [f"[codebook] not UTF-8 ({exc.reason} at byte {exc.start})"]
    except tomllib.TOMLDecodeError as exc:
        return empty, [f"[codebook] invalid TOML: {exc}"]
    for key in doc:
        if key not in TOP_LEVEL_KEYS:
            problems.append(
                f"[codebook] unknown top-level key {key!r} (allowed: {', '.join(TOP_LEVEL_KEYS)})"
            )
    head = doc.get("codebook")
    has_head = isinstance(head, dict)
    if not has_head:
        problems.append("[codebook] the [codebook] table is missing")
        head = {}
    _unknown(head, CODEBOOK_KEYS, "codebook", problems)
    name = _text(head, "name", "codebook", problems, required=has_head)
    version = _text(head, "version", "codebook", problems, required=False)
    language = _text(head, "language", "codebook", problems, required=False) or "en"
    description = _text(head, "description", "codebook", problems, required=False)
    raw_tags = doc.get("tag")
    tags: list[TagSpec] = []
    seen: dict[str, int] = {}
    if raw_tags is None:
        problems.append("[codebook] no tags (add [[tag]] tables)")
    elif not isinstance(raw_tags, list):
        problems.append("[codebook] 'tag' must be an array of tables: write [[tag]], not [tag]")
    else:
        for i, raw in enumerate(raw_tags, start=1):
            spec = _parse_tag(i, raw, seen, problems)
            if spec is not None:
                tags.append(spec)
        problems.extend(_override_problems(tags, set(seen)))
    scales, scale_problems = parse_scales(doc.get("scale"), tag_ids=set(seen))
    problems.extend(scale_problems)
    extensions: dict[str, Any] = {}
    for key in EXTENSION_TABLES:
        if key in doc:
            if isinstance(doc[key], dict):
                extensions[key] = doc[key]
            else:
                problems.append(f"[{key}] must be a table")
    problems.extend(_language_problems(language, extensions.get("words")))
    codebook = Codebook(
        name=name,
        version=version,
        language=language,
        description=description,
        tags=tuple(tags),
        sha256=digest,
        path=p,
        extensions=extensions,
        scales=scales,
    )
    return codebook, problems


def _language_problems(language: str, words: Any) -> list[str]:
    """The codebook's language must exist and its ``[words]`` extensions be valid language data."""
    from ..errors import LanguageError
    from ..lang import load_language

    try:
        load_language(language, extend=words)
    except LanguageError as exc:
        return exc.problems or [f"[codebook.language] {exc.message}"]
    return []


def _fix_hint(problems: list[str]) -> str:
    if len(problems) == 1:
        return "fix it, then run `rhetoric codebook check`"
    return "run `rhetoric codebook check` after fixing them"


def read_codebook_bytes(path: str | PathLike) -> bytes:
    """The bytes of a codebook file.

    Raises:
        NotFoundError: If the file does not exist or is a directory.
    """
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        if not p.parent.exists():  # the corpus folder (or --codebook's folder) is missing, not just the file
            raise NotFoundError(
                f"codebook {str(p)!r} does not exist: there is no folder {str(p.parent)!r}",
                hint="pass --corpus DIR (a folder made by `rhetoric init`) or --codebook PATH",
            ) from None
        raise NotFoundError(
            f"codebook {str(p)!r} does not exist", hint="pass --codebook PATH or create codebook.toml"
        ) from None
    except NotADirectoryError:
        raise NotFoundError(
            f"codebook {str(p)!r} cannot exist: {str(p.parent)!r} is a file, not a folder",
            hint="pass the corpus folder (the one holding statements.jsonl) as --corpus",
        ) from None
    except IsADirectoryError:
        raise NotFoundError(
            f"codebook {str(p)!r} is a directory", hint="pass the codebook.toml file"
        ) from None


def loads_codebook(text: str, *, path: str | PathLike | None = None) -> Codebook:
    """Load a codebook from TOML text.

    Raises:
        CodebookError: Listing every structural problem.
    """
    codebook, problems = parse_codebook(text.encode("utf-8"), path=path)
    if problems:
        where = str(path) if path is not None else "codebook"
        raise CodebookError.listing(problems, where, hint=_fix_hint(problems))
    return codebook


def load_codebook(path: str | PathLike) -> Codebook:
    """Load and validate a codebook file (structure and pattern syntax; examples are not run).

    Args:
        path: The ``codebook.toml`` file.

    Returns:
        The codebook.

    Raises:
        NotFoundError: If the file does not exist.
        CodebookError: Listing every structural problem at once (``.problems``).

    Example:
        >>> load_codebook("corpora/ukraine-nato/codebook.toml").name  # doctest: +SKIP
        'ukraine-nato'
    """
    data = read_codebook_bytes(path)
    codebook, problems = parse_codebook(data, path=path)
    if problems:
        raise CodebookError.listing(problems, repr(str(path)), hint=_fix_hint(problems))
    return codebook


__all__ = [
    "CODEBOOK_KEYS",
    "PATTERN_KEYS",
    "EXTENSION_TABLES",
    "TAG_KEYS",
    "load_codebook",
    "loads_codebook",
    "parse_codebook",
    "read_codebook_bytes",
]
