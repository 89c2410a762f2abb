"""Language data: the words the analysis reads (cues, stance verbs, negation, modality …) as validated TOML.

A language is a folder ``rhetoric/lang/<code>/`` of TOML files whose keys are listed in
:mod:`rhetoric.lang.schema`. :func:`load_language` reads and validates it once (every
problem reported at once as ``[file.key] message``), adds a corpus codebook's ``[words]``
extensions, and hands the stages phrase lists and compiled regex sources, so no stage
spells English in its code.

Phrase syntax (one phrase = a few words):
    * words match case-insensitively on word boundaries; a space matches any whitespace;
    * ``'`` matches ``'`` and ``’``; ``-`` matches a hyphen, a space or nothing;
    * ``~N`` between two words allows up to N words in between (``ask ~3 for``);
    * in ``verbs`` lists the first word is a base form and is inflected.

Example:
    >>> en = load_language("en")
    >>> import re
    >>> bool(re.fullmatch(en.pattern_of(["call for"], verbs=True), "calling for"))
    True
    >>> load_language("xx")
    Traceback (most recent call last):
    ...
    rhetoric.errors.LanguageError: unknown language 'xx' (known: en)
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

from ..errors import LanguageError
from .alternation import NEVER
from .inflect import INFLECTORS
from .schema import CUE_FIELDS, SCHEMA

#: Characters that would make a phrase a regex (phrases are data, not patterns).
_FORBIDDEN = set("\\()[]{}*+?^$|")
_GAP = re.compile(r"^~([1-9])$")
_WORD = re.compile(r"^[\w'’.&%/-]+$")


def known_languages() -> tuple[str, ...]:
    """Codes of the language packages shipped with rhetoric."""
    root = resources.files(__package__)
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


def _check_phrase(phrase: Any, where: str, problems: list[str]) -> str | None:
    if not isinstance(phrase, str):
        problems.append(f"[{where}] {phrase!r} is not a string")
        return None
    words = phrase.split()
    if not words:
        problems.append(f"[{where}] empty phrase")
        return None
    bad = sorted(_FORBIDDEN & set(phrase))
    if bad:
        problems.append(f"[{where}] {phrase!r}: {''.join(bad)!r} is regex syntax; write plain words (~N for a gap)")
        return None
    for i, w in enumerate(words):
        if _GAP.match(w):
            if i in (0, len(words) - 1) or _GAP.match(words[i - 1]):
                problems.append(f"[{where}] {phrase!r}: a gap ~N must stand between two words")
                return None
        elif not _WORD.match(w):
            problems.append(f"[{where}] {phrase!r}: {w!r} is not a word")
            return None
    return " ".join(words)


def _validate(name: str, doc: Mapping[str, Any], problems: list[str], *, origin: str = "") -> dict[str, Any]:
    """The keys of one file checked against the schema (problems appended, bad entries dropped)."""
    out: dict[str, Any] = {}
    schema = SCHEMA.get(name)
    if schema is None:
        problems.append(f"[{origin}{name}] unknown file (known: {', '.join(sorted(SCHEMA))})")
        return out
    for key, value in doc.items():
        where = f"{origin}{name}.{key}"
        kind = schema.get(key)
        if kind is None:
            problems.append(f"[{where}] unknown key (known: {', '.join(sorted(schema))})")
        elif kind == "cues":
            out[key] = validate_cues(value, where, problems)
        elif kind == "forms":
            if not isinstance(value, Mapping):
                problems.append(f"[{where}] must be a table of base = [forms]")
                continue
            table = {}
            for base, forms in value.items():
                if not isinstance(forms, list) or not forms:
                    problems.append(f"[{where}.{base}] must be a non-empty list of forms")
                    continue
                checked = [_check_phrase(f, f"{where}.{base}", problems) for f in forms]
                table[base] = tuple(f for f in checked if f)
            out[key] = table
        else:
            if not isinstance(value, list):
                problems.append(f"[{where}] must be a list of phrases")
                continue
            seen: set[str] = set()
            phrases = []
            for item in value:
                phrase = _check_phrase(item, where, problems)
                if phrase is None:
                    continue
                folded = phrase.lower().replace("’", "'")
                if folded in seen:
                    problems.append(f"[{where}] duplicate phrase {phrase!r}")
                    continue
                seen.add(folded)
                phrases.append(phrase)
            out[key] = tuple(phrases)
    return out


def validate_cues(entries: Any, where: str, problems: list[str]) -> tuple[dict[str, Any], ...]:
    """Condition-cue tables checked against :data:`~rhetoric.lang.schema.CUE_FIELDS` (problems appended).

    Example:
        >>> problems = []
        >>> validate_cues([{"id": "x", "phrases": ["if"], "shape": "sideways"}], "cues.cue", problems)
        ()
        >>> problems[0][:45]
        "[cues.cue[0].x.shape] 'sideways' is not one o"
    """
    if not isinstance(entries, list):
        problems.append(f"[{where}] must be an array of tables ([[cue]])")
        return ()
    out = []
    ids: set[str] = set()
    for i, entry in enumerate(entries):
        if not isinstance(entry, Mapping):
            problems.append(f"[{where}[{i}]] not a table")
            continue
        label = f"{where}[{i}].{entry.get('id') or '?'}"
        before = len(problems)
        cue_id = str(entry.get("id", ""))
        if cue_id in ids:
            problems.append(f"[{label}.id] duplicate cue id {cue_id!r}")
        ids.add(cue_id)
        unknown = [k for k in entry if k not in CUE_FIELDS]
        if unknown:
            problems.append(f"[{label}] unknown key(s): {', '.join(map(str, unknown))} (known: {', '.join(CUE_FIELDS)})")
        for name in ("id", "phrases", "shape"):
            if name not in entry:
                problems.append(f"[{label}.{name}] missing")
        record: dict[str, Any] = {}
        for name, value in entry.items():
            kind = CUE_FIELDS.get(name)
            if kind == "text":
                if not isinstance(value, str) or not value.strip():
                    problems.append(f"[{label}.{name}] must be a non-empty string")
                record[name] = str(value).strip()
            elif kind == "flag":
                if not isinstance(value, bool):
                    problems.append(f"[{label}.{name}] must be true or false")
                record[name] = bool(value)
            elif kind == "phrases":
                if not isinstance(value, list) or (name == "phrases" and not value):
                    problems.append(f"[{label}.{name}] must be a non-empty list of phrases" if name == "phrases" else f"[{label}.{name}] must be a list of phrases")
                    continue
                checked = [_check_phrase(p, f"{label}.{name}", problems) for p in value]
                folded = [p.lower().replace("’", "'") for p in checked if p]
                for dup in sorted({p for p in folded if folded.count(p) > 1}):
                    problems.append(f"[{label}.{name}] duplicate phrase {dup!r}")
                record[name] = tuple(p for p in checked if p)
            elif isinstance(kind, tuple):
                if value not in kind:
                    problems.append(f"[{label}.{name}] {value!r} is not one of {', '.join(k for k in kind if k)}")
                record[name] = value
        if len(problems) == before:
            out.append(record)
    return tuple(out)


@dataclass(frozen=True)
class Language:
    """The validated word data of one language (plus a codebook's extensions)."""

    code: str
    data: Mapping[str, Mapping[str, Any]]
    _patterns: dict = field(default_factory=dict, compare=False, repr=False)

    def phrases(self, file: str, key: str) -> tuple[str, ...]:
        """The phrases of ``file.key`` as written (no inflection)."""
        self._require(file, key)
        return tuple(self.data.get(file, {}).get(key, ()))

    def forms(self, file: str, key: str) -> Mapping[str, tuple[str, ...]]:
        """A ``forms`` table of ``file.key``."""
        self._require(file, key)
        return self.data.get(file, {}).get(key, {})

    def verb_forms(self, base: str) -> tuple[str, ...]:
        """Every form of a base verb: the regular ones and the irregular ones of ``verbs.irregular``."""
        irregular = self.data.get("verbs", {}).get("irregular", {})
        forms = dict.fromkeys((*INFLECTORS[self.code](base), *irregular.get(base.lower(), ())))
        return tuple(forms)

    def pattern(self, file: str, key: str) -> str:
        """A regex source matching any phrase of ``file.key`` (inflected for ``verbs`` keys), longest first."""
        cache_key = (file, key)
        if cache_key not in self._patterns:
            # The same alternatives a trie-shaped matcher reads (built once).
            alternatives = self.alternatives(file, key)
            self._patterns[cache_key] = "|".join(source for source, *_ in alternatives) if alternatives else NEVER
        return self._patterns[cache_key]

    def regex(self, file: str, key: str, *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        """:meth:`pattern` compiled, bounded by word edges."""
        return re.compile(rf"(?<!\w)(?:{self.pattern(file, key)})(?!\w)", flags)

    def pattern_of(self, phrases: Iterable[str], *, verbs: bool = False) -> str:
        """A regex source for any of ``phrases`` (see the module docs for the phrase syntax)."""
        alternatives = self.alternatives_of(phrases, verbs=verbs)
        return "|".join(source for source, *_ in alternatives) if alternatives else NEVER

    def alternatives(self, file: str, key: str) -> tuple[tuple[str, str, str], ...]:
        """The alternatives of :meth:`pattern` in its order, each as ``(regex source, first word, second word)``.

        The words say where an alternative can match: a matcher may try at a word only the
        alternatives that open with it (:mod:`rhetoric.lang.alternation`). The second word is
        ``""`` for a one-word phrase (a gap ``~N`` is a word here).

        Example:
            >>> [head for _, head, _ in load_language("en").alternatives_of(["call for"], verbs=True)]
            ['calling', 'called', 'calls', 'call']
        """
        cache_key = ("alternatives", file, key)
        if cache_key not in self._patterns:
            self._require(file, key)
            verbs = SCHEMA[file][key] == "verbs"
            self._patterns[cache_key] = self.alternatives_of(self.phrases(file, key), verbs=verbs)
        return self._patterns[cache_key]

    def alternatives_of(self, phrases: Iterable[str], *, verbs: bool = False) -> tuple[tuple[str, str, str], ...]:
        """``(regex source, first word, second word)`` of every phrase (verbs inflected), longest source first."""
        alternatives: dict[str, tuple[str, str]] = {}
        for phrase in phrases:
            words = phrase.split()
            heads = self.verb_forms(words[0]) if verbs else (words[0],)
            for head in heads:
                alternatives.setdefault(_phrase_regex([head, *words[1:]]), (head, words[1] if len(words) > 1 else ""))
        return tuple((s, *hw) for s, hw in sorted(alternatives.items(), key=lambda sh: (-len(sh[0]), sh[0])))

    def cues(self) -> tuple[Mapping[str, Any], ...]:
        """The validated condition-cue tables of ``cues.cue`` (a codebook's ``[[words.cues.cue]]`` appended)."""
        return tuple(self.data.get("cues", {}).get("cue", ()))

    def _require(self, file: str, key: str) -> None:
        if key not in SCHEMA.get(file, {}):
            raise LanguageError(f"the analysis asked for unknown language data {file}.{key}")


def _word_regex(word: str) -> str:
    out = []
    for ch in word:
        if ch in "'’":
            out.append("['’]")
        elif ch == "-":
            out.append(r"[-\s]?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def phrase_regex(phrase: str) -> str:
    """The regex source of one phrase (see the module docs for the syntax), without word edges."""
    return _phrase_regex(phrase.split())


def _phrase_regex(words: list[str]) -> str:
    parts: list[str] = []
    for i, w in enumerate(words):
        gap = _GAP.match(w)
        if gap:
            parts.append(rf"(?:[^\s]+\s+){{0,{gap.group(1)}}}?")
        else:
            parts.append(_word_regex(w) + (r"\s+" if i < len(words) - 1 else ""))
    return "".join(parts)


def _read_package(code: str) -> dict[str, dict[str, Any]]:
    root = resources.files(__package__) / code
    problems: list[str] = []
    data: dict[str, dict[str, Any]] = {}
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".toml"):
            continue
        name = entry.name[: -len(".toml")]
        try:
            doc = tomllib.loads(entry.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeError, RecursionError) as exc:
            problems.append(f"[{name}] not valid TOML: {exc}")
            continue
        data[name] = _validate(name, doc, problems)
    if problems:
        raise LanguageError(f"language data {code!r} is malformed", problems)
    return data


@lru_cache(maxsize=16)
def _load(code: str, extension_json: str) -> Language:
    if code not in known_languages():
        raise LanguageError(f"unknown language {code!r} (known: {', '.join(known_languages())})")
    data = _read_package(code)
    extension = json.loads(extension_json)
    if extension:
        problems: list[str] = []
        if not isinstance(extension, Mapping):
            raise LanguageError("the codebook's [words] must be a table of files", ["[words] not a table"])
        for name, doc in extension.items():
            if not isinstance(doc, Mapping):
                problems.append(f"[words.{name}] must be a table of key = [phrases]")
                continue
            extra = _validate(name, doc, problems, origin="words.")
            merged = dict(data.get(name, {}))
            for key, value in extra.items():
                if SCHEMA[name][key] == "cues":
                    merged[key] = (*merged.get(key, ()), *value)
                elif isinstance(value, Mapping):
                    merged[key] = {**merged.get(key, {}), **value}
                else:
                    merged[key] = tuple(dict.fromkeys((*merged.get(key, ()), *value)))
            data[name] = merged
        if problems:
            raise LanguageError("the codebook's [words] extensions are malformed", problems)
    return Language(code, data)


def load_language(code: str = "en", *, extend: Mapping[str, Any] | None = None) -> Language:
    """The language package ``code``, validated, with a codebook's ``[words]`` table added.

    Args:
        code: Language code (the codebook's ``language``).
        extend: ``{file: {key: [phrases]}}`` appended to the package's lists (a codebook's
            ``[words]`` table).

    Raises:
        LanguageError: Unknown language, or malformed data (every problem listed).
    """
    return _load(code, json.dumps(extend or {}, sort_keys=True, default=str))



_Built = TypeVar("_Built")


def per_language(build: Callable[[Language], _Built]) -> Callable[[Language | None], _Built]:
    """``build`` run once per language object (English when None): compiled word classes.

    The cache holds the language itself beside the result, so an id reused by a new object
    never returns another language's regexes.

    Example:
        >>> sizes = per_language(lambda lang: len(lang.pattern("negation", "negators")))
        >>> sizes() == sizes(load_language("en"))
        True
    """
    cache: dict[int, tuple[Language, _Built]] = {}
    english: list[_Built] = []  # the default, asked for per frame: not looked up by its key each time

    def get(language: Language | None = None) -> _Built:
        if language is None:
            if not english:
                english.append(get(load_language("en")))
            return english[0]
        hit = cache.get(id(language))
        if hit is None or hit[0] is not language:
            hit = cache[id(language)] = (language, build(language))
        return hit[1]

    return get


def language_of(codebook: Any) -> Language:
    """The language data a codebook asks for: its ``language`` plus its ``[words]`` table.

    Raises:
        LanguageError: Unknown language or malformed data.
    """
    return load_language(codebook.language or "en", extend=codebook.extensions.get("words"))


__all__ = [
    "Language",
    "known_languages",
    "language_of",
    "load_language",
    "per_language",
    "phrase_regex",
    "validate_cues",
]
