"""The short coercion path (no pydantic) gives what typer's own adapters give, on every parameter.

Every parameter of every command is fed its default and a table of command-line values
(good and bad); the installed runtime parameter and the one typer builds must return equal
values or raise the same error with the same message.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
import typer
from typer import _coercion
from typer import core as typer_core

from rhetoric.cli import app
from rhetoric.cli.coerce import _UNDECIDED, coerce_fast, install

from ..conftest import REPO_ROOT

STRINGS = ("x", "", "a b", " padded ", "ü-ß", "--", "-")
INTS = ("0", "3", "-1", "05", "12345678901234567890", " 4", "4.0", "x", "", "٣", 0, 7, -2)
PATHS = ("corpora/ukraine-nato", "corpora/ukraine-nato/codebook.toml", "", ".", "a//b/", "-", "no/such/dir", "~")


def _parameters() -> list[tuple[str, Any, Any]]:
    """(command path, click command, parameter) of every typer parameter of every command."""
    root = typer.main.get_command(app)
    out = []

    def walk(prefix: str, command: Any) -> None:
        for param in command.params:
            if hasattr(param, "type_descriptor"):
                out.append((f"{prefix} {param.name}".strip(), command, param))
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(f"{prefix} {name}".strip(), sub)

    walk("", root)
    return out


def _samples(param: Any) -> list[Any]:
    annotation = param.type_descriptor.annotation
    values: list[Any] = [] if param.default is None else [param.default]
    if get_origin(annotation) is list:
        values += [(), ("a", "b"), ["a"], ("corpora/ukraine-nato",)]
        annotation = get_args(annotation)[0]
        return values
    if annotation is str:
        values += list(STRINGS)
    elif annotation in (int, float):
        values += list(INTS) + [1.5]
    elif isinstance(annotation, type) and issubclass(annotation, Enum):
        values += [*annotation, *(m.value for m in annotation), *(str(m.value).upper() for m in annotation)]
        values += ["nope", ""]
    elif isinstance(annotation, type) and issubclass(annotation, Path):
        values += [*PATHS, *(Path(p) for p in PATHS if p)]
    return values


def _outcome(runtime: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        return "ok", runtime.coerce(value, param=param, ctx=ctx)
    except Exception as exc:  # noqa: BLE001 - the error itself is compared
        return type(exc).__name__, str(exc.format_message() if hasattr(exc, "format_message") else exc)


PARAMETERS = _parameters()


def test_the_short_path_is_installed() -> None:
    assert install() is True
    assert getattr(typer_core.build_runtime_param, "_rhetoric_fast", False)


def test_every_command_parameter_is_checked() -> None:
    assert len(PARAMETERS) > 50
    kinds = {type(p.type_descriptor.annotation) for _c, _cmd, p in PARAMETERS}
    assert type in kinds  # str, int, Path, enums


@pytest.mark.parametrize(("name", "command", "param"), PARAMETERS, ids=[n for n, _c, _p in PARAMETERS])
def test_same_result_as_typers_adapter(monkeypatch, name: str, command: Any, param: Any) -> None:
    monkeypatch.chdir(REPO_ROOT)
    ctx = typer_core._click.Context(command)
    descriptor = param.type_descriptor
    fast = typer_core.build_runtime_param(descriptor)
    slow = typer_core.build_runtime_param.original(descriptor)
    for value in _samples(param):
        got, want = _outcome(fast, value, param, ctx), _outcome(slow, value, param, ctx)
        assert got == want, (name, value)
        assert type(got[1]) is type(want[1]), (name, value)


@pytest.mark.parametrize(
    ("annotation", "value", "expected"),
    [
        (str, "x", "x"),
        (int, "12", 12),
        (int, 3, 3),
        (list[str], ("a", "b"), ["a", "b"]),
        (Path, Path("."), Path(".")),
    ],
)
def test_plain_values_never_reach_pydantic(annotation: Any, value: Any, expected: Any) -> None:
    descriptor = _coercion.resolve_type_descriptor(annotation, typer.models.OptionInfo())
    assert coerce_fast(descriptor, value) == expected


@pytest.mark.parametrize(
    ("annotation", "value"),
    [(int, "x"), (int, " 4"), (int, 1.5), (float, "1.5"), (str, b"x"), (list[int], ("1",)), (Path, "a//b")],
)
def test_other_values_go_to_typer(annotation: Any, value: Any) -> None:
    descriptor = _coercion.resolve_type_descriptor(annotation, typer.models.OptionInfo())
    assert coerce_fast(descriptor, value) is _UNDECIDED
