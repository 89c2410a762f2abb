"""Codebook interop: import quanteda (YAML) and LIWC (``.dic``) dictionaries, export YAML or JSON.

Dictionaries of other tools are lists of glob patterns per category. Each becomes a tag;
each pattern that the pattern language can express (a trailing ``*``, phrases of words)
becomes a pattern, and every one that cannot (a leading ``*``, a ``?`` glob) is reported,
never silently changed. Export goes the other way: alternatives and optional words are
expanded into plain phrases; gaps (``~N``) have no glob form and are reported.

Example:
    >>> result = dictionary_to_codebook({"Ceasefire": ["truce*", "cease fire"], "Talks": ["*talks"]},
    ...                                 name="demo")
    >>> [t["patterns"] for t in result.tags]
    [['truce*', 'cease fire']]
    >>> result.warnings[0]
    "[talks] pattern '*talks' skipped: '*' may only end a word at column 1 of '*talks'"
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputFormatError, OutputExistsError, PatternError
from ..types import DictionaryFormat
from .model import Codebook
from .patterns import parse_pattern

#: An export of a pattern with more phrases than this is cut (and reported).
MAX_EXPANSION = 64


@dataclass(frozen=True)
class ImportedCodebook:
    """A dictionary turned into codebook tags, with what could not be carried over."""

    name: str
    tags: tuple[dict[str, Any], ...]
    warnings: tuple[str, ...]

    def to_toml(self) -> str:
        """The codebook file text (passes ``codebook check`` when every tag kept a pattern)."""
        out = [
            "# Imported by `rhetoric codebook import`. Add descriptions and example sentences, then run",
            "# `rhetoric codebook check`.",
            "",
            "[codebook]",
            f"name = {_q(self.name)}",
            'version = "0.1.0"',
            'language = "en"',
            f"description = {_q('Imported dictionary ' + self.name)}",
        ]
        for tag in self.tags:
            out += [
                "",
                "[[tag]]",
                f"id = {_q(tag['id'])}",
                f"label = {_q(tag['label'])}",
                'role = "either"',
                f"description = {_q(tag['description'])}",
                "patterns = [",
                *(f"  {_q(p)}," for p in tag["patterns"]),
                "]",
            ]
        return "\n".join(out) + "\n"


def _q(text: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes, \uXXXX included).
    return json.dumps(text, ensure_ascii=False)


def _tag_id(key: str) -> str:
    tid = re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_")
    return tid if tid[:1].isalpha() else f"t_{tid}" if tid else "tag"


def _flatten(doc: Mapping[str, Any], prefix: str = "") -> list[tuple[str, list[Any]]]:
    """quanteda dictionaries nest categories; each leaf list becomes one tag ``parent_child``."""
    out: list[tuple[str, list[Any]]] = []
    for key, value in doc.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out += _flatten(value, name + "_")
        elif isinstance(value, list):
            out.append((name, value))
        elif isinstance(value, str):
            out.append((name, [value]))
        else:
            raise InputFormatError(f"category {name!r} must hold a list of patterns, not {type(value).__name__}")
    return out


def dictionary_to_codebook(categories: Mapping[str, Any], *, name: str) -> ImportedCodebook:
    """Tags from ``{category: [glob, …]}`` (nested categories joined with ``_``).

    Raises:
        InputFormatError: If the dictionary has no category, or a category holds no list.
    """
    tags: list[dict[str, Any]] = []
    warnings: list[str] = []
    seen: set[str] = set()
    for key, globs in _flatten(categories):
        tid = _tag_id(str(key))
        if tid in seen:
            warnings.append(f"[{tid}] category {key!r} merged into an earlier one of the same id")
            tag = next(t for t in tags if t["id"] == tid)
        else:
            seen.add(tid)
            tag = {"id": tid, "label": str(key), "description": f"Imported category {key!r}.", "patterns": []}
            tags.append(tag)
        for glob in globs:
            pattern = " ".join(str(glob).split())
            # These mean something else in a glob than in the pattern language: never reinterpret.
            foreign = sorted(set(pattern) & set("?|~"))
            if foreign:
                warnings.append(f"[{tid}] pattern {str(glob)!r} skipped: {''.join(foreign)!r} has no equivalent")
                continue
            try:
                parse_pattern(pattern)
            except PatternError as exc:
                warnings.append(f"[{tid}] pattern {str(glob)!r} skipped: {exc}")
                continue
            if pattern not in tag["patterns"]:
                tag["patterns"].append(pattern)
    empty = [t["id"] for t in tags if not t["patterns"]]
    warnings += [f"[{tid}] no pattern could be carried over; the tag is left out" for tid in empty]
    kept = tuple(t for t in tags if t["patterns"])
    if not kept:
        raise InputFormatError("the dictionary has no category with a usable pattern")
    return ImportedCodebook(name, kept, tuple(warnings))


def _read_dic(text: str, path: str) -> dict[str, list[str]]:
    """A LIWC ``.dic``: ``%``, ``number<TAB>category`` lines, ``%``, then ``word<TAB>number…`` lines."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    marks = [i for i, ln in enumerate(lines) if ln.strip() == "%"]
    if len(marks) < 2:
        raise InputFormatError("not a LIWC dictionary: it needs a category block between two '%' lines", path=path)
    names: dict[str, str] = {}
    for ln in lines[marks[0] + 1 : marks[1]]:
        parts = ln.split(None, 1)
        if len(parts) != 2:
            raise InputFormatError(f"bad category line {ln!r} (want: number and name)", path=path)
        names[parts[0]] = parts[1].strip()
    out: dict[str, list[str]] = {n: [] for n in names.values()}
    for ln in lines[marks[1] + 1 :]:
        parts = ln.split("\t") if "\t" in ln else ln.split()
        parts = [p.strip() for p in parts if p.strip()]
        # Trailing numbers are categories; what stands before them is the word or phrase.
        cut = len(parts)
        while cut > 1 and parts[cut - 1] in names:
            cut -= 1
        word, cats = " ".join(parts[:cut]), parts[cut:]
        if not cats:
            raise InputFormatError(f"entry {ln!r} names no known category number", path=path)
        for c in cats:
            out[names[c]].append(word)
    return out


def import_dictionary(path: str | Path, *, fmt: str | None = None, name: str | None = None) -> ImportedCodebook:
    """Read a quanteda YAML dictionary or a LIWC ``.dic`` file into codebook tags.

    Args:
        path: The dictionary file.
        fmt: ``yaml`` or ``dic``; default from the extension.
        name: The codebook name (default: the file's stem).

    Raises:
        InputFormatError: Unreadable, not UTF-8, not valid YAML, or not a dictionary.
    """
    p = Path(path)
    fmt = fmt or ("dic" if p.suffix.lower() == ".dic" else "yaml" if p.suffix.lower() in (".yml", ".yaml") else "")
    if fmt not in tuple(DictionaryFormat):
        raise InputFormatError(
            f"cannot tell the dictionary format of {p.name!r}", path=str(p), hint="give --format yaml or --format dic"
        )
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError) as exc:
        raise InputFormatError(f"cannot read the dictionary: {getattr(exc, 'strerror', None) or exc}", path=str(p)) from None
    if fmt == "dic":
        categories: Any = _read_dic(text, str(p))
    else:
        import yaml  # only this command reads YAML

        try:
            categories = yaml.safe_load(text)
        except (yaml.YAMLError, RecursionError) as exc:
            raise InputFormatError(f"not valid YAML: {str(exc).splitlines()[0]}", path=str(p)) from None
        if not isinstance(categories, Mapping) or not categories:
            raise InputFormatError("a YAML dictionary must map categories to lists of patterns", path=str(p))
    try:
        return dictionary_to_codebook(categories, name=name or p.stem)
    except InputFormatError as exc:
        exc.path = str(p)
        raise


def write_text_file(text: str, out: str | Path, *, force: bool = False) -> Path:
    """Write ``text`` to ``out``, refusing to replace an existing file unless ``force``.

    Raises:
        OutputExistsError: If ``out`` exists and ``force`` is false.
        InputFormatError: If the file cannot be written (the OS reason is given).
    """
    p = Path(out)
    if p.exists() and not force:
        raise OutputExistsError(f"{str(p)!r} already exists", hint="give --force to replace it, or another --out")
    try:
        p.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputFormatError(f"cannot write: {exc.strerror}", path=str(p)) from None
    return p


def pattern_globs(source: str) -> tuple[list[str], str | None]:
    """The plain glob phrases a pattern matches, or a reason it has none.

    Example:
        >>> pattern_globs("security? guarantee*|assurance*")
        (['security guarantee*', 'security assurance*', 'guarantee*', 'assurance*'], None)
        >>> pattern_globs("withdraw* ~2 troops")
        ([], 'a gap (~N) has no glob form')
    """
    pattern = parse_pattern(source)
    choices: list[list[str]] = []
    for term in pattern.terms:
        if term.gap:
            return [], "a gap (~N) has no glob form"
        words = []
        for variant in term.variants:
            words.append(" ".join(p.norm + ("*" if p.prefix else "") for p in variant))
        words = list(dict.fromkeys(words))
        choices.append(words + ([""] if term.optional else []))
    phrases = [" ".join(w for w in combo if w) for combo in itertools.product(*choices)]
    phrases = [p for p in dict.fromkeys(phrases) if p]
    if len(phrases) > MAX_EXPANSION:
        return phrases[:MAX_EXPANSION], f"expands to more than {MAX_EXPANSION} phrases; the first are kept"
    return phrases, None


def export_codebook(codebook: Codebook, *, fmt: str) -> tuple[str, tuple[str, ...]]:
    """The codebook as a quanteda YAML dictionary or as JSON (every tag with every field).

    Returns:
        The text and what could not be carried over (YAML only: gaps, cut expansions).
    """
    if fmt == "json":
        doc = {
            "codebook": {"name": codebook.name, "version": codebook.version, "language": codebook.language,
                         "description": codebook.description, "sha256": codebook.sha256},
            "tags": [
                {"id": t.id, "label": t.label, "description": t.description, "role": str(t.role.value),
                 "patterns": list(t.patterns), "negated": list(t.negated), "exclude": list(t.exclude),
                 "overrides": list(t.overrides),
                 "examples": {"positive": list(t.examples_positive), "negative": list(t.examples_negative)}}
                for t in codebook.tags
            ],
            "scales": [
                {"id": s.id, "label": s.label, "steps": list(s.steps), "hard": s.hard, "hard_for": dict(s.hard_for)}
                for s in codebook.scales
            ],
        }
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n", ()
    import yaml

    warnings: list[str] = []
    categories: dict[str, list[str]] = {}
    for tag in codebook.tags:
        globs: list[str] = []
        for source in tag.patterns:
            if source in tag.negated:
                # A dictionary category has no "opposite of" entries: the phrase would count for the tag.
                warnings.append(f"[{tag.id}] pattern {source!r}: negated (the opposite of the tag), left out")
                continue
            phrases, reason = pattern_globs(source)
            if reason:
                warnings.append(f"[{tag.id}] pattern {source!r}: {reason}")
            globs += [p for p in phrases if p not in globs]
        categories[tag.id] = globs
    return yaml.safe_dump(categories, allow_unicode=True, sort_keys=False), tuple(warnings)


__all__ = [
    "ImportedCodebook",
    "dictionary_to_codebook",
    "export_codebook",
    "import_dictionary",
    "pattern_globs",
    "write_text_file",
]
