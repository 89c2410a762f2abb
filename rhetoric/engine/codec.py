"""Typed records to compact JSON and back, for the caches beside a corpus.

A dataclass is written as the list of its field values (nested records the same way, enums
as their values, tuples as lists) and read back by a decoder compiled once per class from
its type hints: enums rebuilt from their values, lists turned back into tuples, nested
records rebuilt. A row of the wrong length or shape raises ``ValueError``/``TypeError``
(the caches treat that as a miss). Types the codec does not know (a ``dict`` field, say)
fail when the decoder is compiled, never silently.

Example:
    >>> from rhetoric.shifts.model import Evidence, TagRole, TagState
    >>> state = TagState(TagRole.CONDITION, "support", (Evidence("s-1", 0, 5, "truce"),))
    >>> encode(state)
    b'["condition","support",[["s-1",0,5,"truce"]],"none",false]'
    >>> decoder(TagState)(orjson.loads(encode(state))) == state
    True
"""

from __future__ import annotations

import dataclasses
import gc
import operator
import types
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from functools import cache
from typing import Any

import orjson

Decode = Callable[[Any], Any]

_PLAIN = (str, int, float, bool, type(None))


def _row(record: Any) -> tuple[Any, ...]:
    # A record's fields as a tuple, by one C-level attrgetter per class (orjson writes tuples as
    # arrays, as it wrote lists): called for every record written, so no per-field Python loop.
    try:
        return _ROWS[type(record)](record)
    except KeyError:
        pass
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        raise TypeError(f"cannot encode {type(record).__name__}")
    names = _names(type(record))
    get = (
        operator.attrgetter(*names)
        if len(names) > 1
        else (lambda r, n=names: tuple(getattr(r, x) for x in n))
    )
    _ROWS[type(record)] = get
    return get(record)


_ROWS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


@cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def encode(value: Any) -> bytes:
    """``value`` (records, tuples, lists, plain values) as compact JSON, records as lists."""
    return orjson.dumps(value, default=_row, option=orjson.OPT_PASSTHROUGH_DATACLASS)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a cache is decoded.

    Decoding allocates many small lists and records that are never garbage; each collection
    would walk them all again (measured: parsing the timeline cache took 2.8× as long).
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def gc_allowed() -> Iterator[None]:
    """Let the cyclic garbage collector run inside a :func:`gc_paused` block (an engine's
    analysis makes garbage of its own), and pause it again after."""
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was:
            gc.disable()


def _enum(cls: type[Enum]) -> Decode:
    """An enum member from its value, looked up rather than called (``Enum(value)`` is slow)."""
    members = dict(cls._value2member_map_)

    def decode(value: Any) -> Enum:
        try:
            return members[value]
        except (KeyError, TypeError):  # unknown or unhashable value
            raise ValueError(f"{value!r} is not a {cls.__name__}") from None

    return decode


def _tuple_of(inner: Decode | None) -> Decode:
    if inner is None:
        return tuple

    def decode(value: Any) -> tuple:
        return tuple(map(inner, value))

    return decode


def _fixed_tuple(parts: list[Decode | None]) -> Decode:
    n = len(parts)
    items = ", ".join(f"v[{i}]" if d is None else f"d{i}(v[{i}])" for i, d in enumerate(parts))
    source = (
        "def decode(v):\n"
        f"    if len(v) != {n}:\n"
        f"        raise ValueError(f'expected {n} values, got {{len(v)}}')\n"
        f"    return ({items}{',' if n == 1 else ''})\n"
    )
    return _compiled(source, {f"d{i}": d for i, d in enumerate(parts) if d is not None})


def _compiled(source: str, env: dict[str, Any]) -> Decode:
    """A decoder written out for one shape (no loop over its parts: decoding is most of a
    cache's reading), from generated source that names only field positions and decoders."""
    namespace = dict(env)
    exec(compile(source, "<rhetoric.engine.codec>", "exec"), namespace)  # noqa: S102
    return namespace["decode"]


def _optional(inner: Decode) -> Decode:
    def decode(value: Any) -> Any:
        return None if value is None else inner(value)

    return decode


def _decoder_of(tp: Any) -> Decode | None:
    """The decoder of one type hint (None: the JSON value is the value)."""
    if tp in _PLAIN or tp is Any:
        return None
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _enum(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return decoder(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return _tuple_of(_decoder_of(args[0]))
        return _fixed_tuple([_decoder_of(a) for a in args])
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            inner = _decoder_of(rest[0])
            return None if inner is None else _optional(inner)
        if all(a in _PLAIN for a in rest):
            return None
    raise TypeError(f"the cache codec cannot decode {tp!r}")


@cache
def decoder(cls: type) -> Decode:
    """The decoder of a record class: ``decoder(cls)(row) -> cls instance``.

    The instance is made without calling ``__init__``: its fields were written from a record
    that passed its ``__init__`` and are decoded to their hinted types here, so the
    ``__post_init__`` of rhetoric's records (which only turns plain strings into their enums)
    would find nothing to do; setting the fields at once is several times faster than the
    frozen ``__init__``.

    Raises:
        TypeError: If a field's type is not one the codec knows (at compile time), or a row
            does not fit the class (when decoding).
    """
    hints = typing.get_type_hints(cls)
    names = _names(cls)
    parts = [_decoder_of(hints[name]) for name in names]
    n = len(names)
    fields = ", ".join(
        f"{name!r}: " + (f"row[{i}]" if d is None else f"d{i}(row[{i}])")
        for i, (name, d) in enumerate(zip(names, parts, strict=True))
    )
    source = (
        "def decode(row):\n"
        f"    if type(row) is not list or len(row) != {n}:\n"
        f"        raise ValueError('a cached {cls.__name__} needs {n} values')\n"
        "    record = new(cls)\n"
        f"    set_dict(record, '__dict__', {{{fields}}})\n"
        "    return record\n"
    )
    env = {f"d{i}": d for i, d in enumerate(parts) if d is not None}
    return _compiled(source, {**env, "cls": cls, "new": object.__new__, "set_dict": object.__setattr__})


__all__ = ["decoder", "encode", "gc_allowed", "gc_paused"]
