"""typer's parameter coercion without pydantic for the plain cases (start-up time).

typer (0.2x) checks every parameter value of a command with a pydantic ``TypeAdapter``,
built on first use; importing pydantic and building the adapters costs about a fifth of
a second, more than tagging a text. For the values a command line really gives — a
``str`` for a ``str``, digits for an ``int``, a member or a name for an ``Enum``, a path
— the result is known without pydantic: :func:`install` wraps typer's runtime-parameter
factory so those values take a short path that calls typer's own helpers, and anything
else (a parser, a range, a file, a list of paths, a bad value and its error message) goes
to the adapter typer would have built. ``tests/cli/test_coerce.py`` compares both paths
on every parameter of every command; ``tests/cli/test_startup.py`` fails if pydantic
loads again on ``rhetoric tag``.

If typer's internals change shape, :func:`install` leaves typer alone (slower start,
same results).

Example:
    >>> install()  # idempotent; called by rhetoric.cli.app
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

#: Values the short path cannot decide (they go to typer's adapter).
_UNDECIDED = object()
# Digits pydantic's lax int also reads as exactly int(value); anything else goes to pydantic.
_INT = re.compile(r"-?[0-9]{1,18}")


def _plain(descriptor: Any) -> bool:
    info = descriptor.parameter_info
    return descriptor.file_annotation is None and info.parser is None


def _leaf(annotation: Any, info: Any, value: Any, param: Any, ctx: Any) -> Any:
    """The coerced value of one leaf annotation, or ``_UNDECIDED``."""
    from typer import _param_types as pt

    if annotation is str:
        return value if type(value) is str else _UNDECIDED
    if annotation is int or annotation is float:
        if annotation is int and type(value) is str and _INT.fullmatch(value):
            value = int(value)
        if type(value) is not annotation:
            return _UNDECIDED
        # In range, a bound (or a clamp) leaves the value as it is; out of range is typer's to word.
        if (info.min is not None and value < info.min) or (info.max is not None and value > info.max):
            return _UNDECIDED
        return value
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        try:
            return pt.coerce_cli_choice(
                value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx
            )
        except ValueError:
            return _UNDECIDED  # typer's adapter words the error
    if isinstance(annotation, type) and issubclass(annotation, Path) and pt.routes_to_path(annotation, info):
        path_type = info.path_type if info.path_type is not None else annotation
        if not (isinstance(path_type, type) and issubclass(path_type, Path)):
            return _UNDECIDED
        if type(value) is str and value and str(path_type(value)) == value:
            # What pydantic's Path validator returns for a str; the value is then checked as typer does.
            value = path_type(value)
        if not isinstance(value, path_type):
            return _UNDECIDED
        return pt.coerce_cli_path(value, info, path_type=path_type, param=param, ctx=ctx)
    return _UNDECIDED


def coerce_fast(descriptor: Any, value: Any, param: Any = None, ctx: Any = None) -> Any:
    """The value typer's adapter would return, or ``_UNDECIDED`` when only the adapter can tell.

    ``value`` is not None (typer returns None and empty tuples itself).
    """
    if not _plain(descriptor):
        return _UNDECIDED
    annotation, info = descriptor.annotation, descriptor.parameter_info
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        if item is not str or not isinstance(value, (list, tuple)):
            return _UNDECIDED
        return list(value) if all(type(v) is str for v in value) else _UNDECIDED
    if get_origin(annotation) is not None:
        return _UNDECIDED
    return _leaf(annotation, info, value, param, ctx)


def install() -> bool:
    """Route typer's parameter coercion through :func:`coerce_fast` first; True if installed.

    Example:
        >>> install()
        True
    """
    try:
        from typer import _coercion, core
    except ImportError:  # pragma: no cover - another typer
        return False
    original = getattr(core, "build_runtime_param", None)
    base = getattr(_coercion, "RuntimeParam", None)
    if original is None or base is None:  # pragma: no cover - another typer
        return False
    if getattr(original, "_rhetoric_fast", False):
        return True

    @dataclass(frozen=True)
    class FastRuntimeParam(base):  # type: ignore[misc, valid-type]
        """Plain values decided here; the rest by the runtime parameter typer would build."""

        descriptor: Any = None
        _built: list = field(default_factory=list, compare=False, repr=False)

        def slow(self) -> Any:
            if not self._built:
                self._built.append(original(self.descriptor))
            return self._built[0]

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            out = coerce_fast(self.descriptor, value, param, ctx)
            if out is _UNDECIDED:
                return self.slow()._coerce_value(value, param=param, ctx=ctx)
            return out

    def build_runtime_param(descriptor: Any) -> Any:
        if not _plain(descriptor):
            return original(descriptor)
        return FastRuntimeParam(
            parameter_info=descriptor.parameter_info, annotation=descriptor.annotation, descriptor=descriptor
        )

    build_runtime_param._rhetoric_fast = True  # type: ignore[attr-defined]
    build_runtime_param.original = original  # type: ignore[attr-defined]
    core.build_runtime_param = build_runtime_param
    return True


__all__ = ["coerce_fast", "install"]
