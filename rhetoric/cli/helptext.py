"""Help pages that read at 80 columns: readable metavars and an example line that is never rewrapped.

typer's default metavars show Python types (``--id <list[str]>``, ``file <path>``); here every
value gets a name a reader understands (``--id ID``, ``--corpus DIR``, ``--format [csv|json]``,
``TABLE…``), derived from the option's name, so command modules need not spell them out (an
explicit ``metavar=`` wins). The ``Example:`` paragraph that ends every help text is printed as
written, on one line, so it pastes; tests keep each example within 78 columns. Lines are never
broken at a hyphen, so ``--with-model`` and ``corpora/ukraine-nato`` stay whole.

Example:
    >>> metavar_for("--corpus", is_choice=False, choices=(), many=False)
    'DIR'
    >>> metavar_for("tables", is_choice=False, choices=(), many=True)
    'TABLE…'
    >>> metavar_for("--format", is_choice=True, choices=("csv", "json"), many=False)
    '[csv|json]'
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperOption

#: Metavars by option or argument name (without dashes); any other name is written in capitals.
NAMED = {
    "corpus": "DIR",
    "codebook": "FILE",
    "statements": "FILE",
    "pairs": "FILE",
    "gold": "FILE",
    "frames": "FILE",
    "file": "FILE",
    "files": "FILE",
    "directory": "DIR",
    "article": "ARTICLE",
    "since": "DATE",
    "until": "DATE",
    "date": "DATE",
    "speaker": "ACTOR",
    "speakers": "ACTOR",
    "from-speaker": "ACTOR",
    "threshold": "P",
    "min-confidence": "P",
    "window": "N",
    "top": "N",
    "limit": "N",
    "bootstrap": "N",
    "seed": "N",
    "encoding": "NAME",
    "id": "ID",
    "out": "PATH",
}
EXAMPLE_PREFIX = "Example: "
# Stands in for "-" while click wraps text (it breaks lines after hyphens); same width, put back on write.
_NO_BREAK_HYPHEN = "\u2011"


def metavar_for(name: str, *, is_choice: bool, choices: tuple[Any, ...], many: bool) -> str:
    """A readable metavar for an option (``--name``) or argument (``name``).

    ``many`` marks an argument that takes several values: its metavar is singular with ``…``.
    """
    if is_choice and choices:
        values = [c.value if isinstance(c, Enum) else c for c in choices]
        return "[" + "|".join(str(v) for v in values) + "]"
    bare = name.lstrip("-").replace("_", "-")
    word = NAMED.get(bare) or bare.upper().replace("-", "_")
    if many:
        if bare not in NAMED and word.endswith("S") and len(word) > 2:
            word = word[:-1]
        word += "…"
    return word


def _choices(param: Any) -> tuple[bool, tuple[Any, ...]]:
    desc = getattr(param, "type_descriptor", None)  # typer >= 0.20
    if desc is not None:
        return bool(desc.is_choice), tuple(desc.choices or ())
    choices = getattr(getattr(param, "type", None), "choices", None)  # click's Choice
    return choices is not None, tuple(choices or ())


def _readable(param: Any) -> None:
    if isinstance(param, TyperOption) and (param.is_flag or param.count):
        return
    if isinstance(param, TyperOption) and param.metavar is None:
        is_choice, choices = _choices(param)
        long = max(param.opts, key=len)
        param.metavar = metavar_for(long, is_choice=is_choice, choices=choices, many=False)
    if isinstance(param, TyperArgument):
        # typer names an argument in capitals already (or keeps its metavar); plural ones become NAME….
        if param.metavar is None or param.metavar == (param.name or "").upper():
            is_choice, choices = _choices(param)
            param.metavar = metavar_for(
                param.name or "value", is_choice=is_choice, choices=choices, many=param.nargs != 1
            )
        usage = param.metavar if param.required else f"[{param.metavar}]"
        # typer appends the Python type after an argument's name and wraps it in {}; show the name only.
        param.display_type_rich = lambda ctx=None: None  # type: ignore[method-assign]
        param.get_usage_pieces = lambda ctx=None: [usage]  # type: ignore[method-assign]


def keep_example_whole(text: str | None) -> str | None:
    """Mark the ``Example:`` paragraph so click prints it as written (``\\b``), never rewrapped.

    >>> keep_example_whole("Do it.\\n\\nExample: rhetoric list")
    'Do it.\\n\\n\\x08\\nExample: rhetoric list'
    """
    if not text or f"\n\n{EXAMPLE_PREFIX}" not in text:
        return text
    head, _, example = text.rpartition(f"\n\n{EXAMPLE_PREFIX}")
    return f"{head}\n\n\b\n{EXAMPLE_PREFIX}{example}"


class _Formatter(TyperCommand.context_class.formatter_class):  # type: ignore[name-defined,misc]
    """click's help formatter, but no line is broken at a hyphen."""

    def write(self, string: str) -> None:
        super().write(string.replace(_NO_BREAK_HYPHEN, "-"))

    def write_text(self, text: str) -> None:
        super().write_text(text.replace("-", _NO_BREAK_HYPHEN))

    def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
        rows = [tuple(cell.replace("-", _NO_BREAK_HYPHEN) for cell in row) for row in rows]
        super().write_dl(rows, *args, **kwargs)


class _Context(TyperCommand.context_class):  # type: ignore[name-defined,misc]
    formatter_class = _Formatter


class HelpCommand(TyperCommand):
    """A typer command whose help has readable metavars and an example that pastes."""

    context_class = _Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            _readable(param)
        self.help = keep_example_whole(self.help)
