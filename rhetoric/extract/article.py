"""Reading an article for extraction: path or stdin bytes, strict decoding, and the metadata sidecar.

An article is a plain-text file (UTF-8, optional BOM; CRLF is read as LF, and candidate
offsets refer to the text after that). Next to ``NAME.txt`` an optional ``NAME.toml``
sidecar supplies defaults: ``outlet`` (or ``source``), ``title``, ``date`` and ``url``;
command-line values win over it.

Example:
    >>> decode_article(b"\\xef\\xbb\\xbfKyiv said no.\\r\\n", name="a.txt")
    'Kyiv said no.\\n'
    >>> try:
    ...     decode_article(b"caf\\xe9", name="a.txt")
    ... except InputFormatError as exc:
    ...     print(exc.message)
    not UTF-8: byte 0xe9 at offset 3 cannot be decoded
"""

from __future__ import annotations

import datetime as _dt
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..dates import PartialDate
from ..errors import ExtractionError, InputFormatError, NotFoundError, ValidationError

#: Name shown for an article read from standard input.
STDIN_NAME = "<stdin>"
#: Largest article accepted, in bytes. A news article is tens of kilobytes; a bigger file is a
#: collection (or not an article), and refusing it keeps time and memory bounded (extraction
#: takes about a minute per megabyte on a loaded machine).
MAX_ARTICLE_BYTES = 2_000_000
#: Share of control characters above which a file counts as binary.
_BINARY_CONTROL_SHARE = 0.1
_SIDECAR_KEYS = ("outlet", "source", "title", "date", "url", "note")


@dataclass(frozen=True)
class Article:
    """An article ready for extraction, with its metadata (command line over sidecar)."""

    text: str
    name: str
    date: str | None = None
    source: str = ""
    url: str = ""
    title: str = ""
    document: str = ""


def check_size(size: int, *, name: str) -> None:
    """Refuse an article over :data:`MAX_ARTICLE_BYTES` before reading or processing it.

    Raises:
        ExtractionError: Naming the size and the limit.

    Example:
        >>> try:
        ...     check_size(20_000_000, name="a.txt")
        ... except ExtractionError as exc:
        ...     print(exc.message)
        the article is 20.0 MB, over the limit of 2.0 MB
    """
    if size > MAX_ARTICLE_BYTES:
        # Standard input is read up to one byte past the limit: its full size is unknown.
        amount = "more than" if size == MAX_ARTICLE_BYTES + 1 else f"{size / 1e6:.1f} MB, over"
        raise ExtractionError(
            f"the article is {amount} the limit of {MAX_ARTICLE_BYTES / 1e6:.1f} MB",
            path=name,
            hint="extract works on one news article at a time: split the file into articles",
        )


def decode_article(data: bytes, *, name: str) -> str:
    """Decode article bytes as UTF-8, rejecting empty, binary and non-UTF-8 input.

    Args:
        data: The raw bytes.
        name: File name used in messages.

    Returns:
        The text, BOM removed and line ends normalised to ``\\n``.

    Raises:
        ExtractionError: If the article is empty or only whitespace.
        InputFormatError: If it is binary or not UTF-8.
    """
    if not data.strip():
        raise ExtractionError(
            "the article is empty: there is no text to extract statements from",
            path=name,
            hint="pass a plain-text news article",
        )
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputFormatError(
            f"looks like a binary file (NUL byte at offset {nul})",
            path=name,
            hint="extract statements from a plain-text (UTF-8) article; convert PDFs or HTML to text first",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFormatError(
            f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be decoded",
            path=name,
            hint=f"convert it first, e.g. `iconv -f latin1 -t utf-8 {name} > {Path(name).stem}.utf8.txt`",
        ) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > _BINARY_CONTROL_SHARE * len(text):
        raise InputFormatError(
            f"looks like a binary file ({controls} control characters in {len(text)})",
            path=name,
            hint="extract statements from a plain-text (UTF-8) article",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sidecar_path(path: str | Path) -> Path:
    """The metadata sidecar of an article: same name, ``.toml`` suffix.

    Example:
        >>> sidecar_path("seeds/000_x.txt").as_posix()
        'seeds/000_x.toml'
    """
    return Path(path).with_suffix(".toml")


def load_sidecar(path: str | Path) -> dict[str, str]:
    """Read an article's sidecar; a missing sidecar gives ``{}``.

    Args:
        path: The sidecar file.

    Returns:
        ``source``, ``title``, ``date`` and ``url`` as strings (those present). ``outlet``
        is read as ``source``; other keys are ignored.

    Raises:
        InputFormatError: If the file is not valid TOML or a value has the wrong type.
    """
    p = Path(path)
    if not p.is_file():
        return {}
    try:
        data: dict[str, Any] = tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputFormatError(f"cannot parse the article sidecar: {exc}", path=str(p)) from None
    out: dict[str, str] = {}
    for key in _SIDECAR_KEYS:
        if key not in data:
            continue
        value = data[key]
        if isinstance(value, _dt.date):
            value = value.isoformat()
        if not isinstance(value, str):
            raise InputFormatError(
                f"must be a string, got {type(value).__name__}",
                path=str(p),
                field=key,
                hint='e.g. date = "2024-12"',
            )
        out["source" if key == "outlet" else key] = value
    return out


def read_article(
    path: str | Path,
    *,
    stdin: bytes | None = None,
    date: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Article:
    """Load an article and its metadata.

    Args:
        path: The article file, or ``"-"`` to use ``stdin``.
        stdin: Bytes of standard input (required when ``path`` is ``"-"``).
        date: Publication date from the command line (wins over the sidecar).
        source: Outlet name from the command line.
        url: Address from the command line.

    Returns:
        The article.

    Raises:
        NotFoundError: If the file does not exist.
        InputFormatError: If it is a directory, binary, not UTF-8, or its sidecar is malformed.
        ExtractionError: If it is empty or larger than :data:`MAX_ARTICLE_BYTES`.
        ValidationError: If the date (given or from the sidecar) is not a partial date.
    """
    meta: dict[str, str] = {}
    if str(path) == "-":
        name, document = STDIN_NAME, ""
        data = stdin if stdin is not None else b""
    else:
        p = Path(path)
        name = document = str(path)
        if not p.exists():
            raise NotFoundError(
                f"article {name!r} does not exist", hint="check the path, or pass - to read stdin"
            )
        if p.is_dir():
            raise InputFormatError(
                "is a directory, not an article file", path=name, hint="pass the article's text or HTML file"
            )
        check_size(p.stat().st_size, name=name)
        data = p.read_bytes()
        sidecar = sidecar_path(p)
        meta = load_sidecar(sidecar)
        if "date" in meta:
            try:
                PartialDate.parse(meta["date"], field="date")
            except ValidationError as exc:
                raise ValidationError(exc.message, path=str(sidecar), field="date", hint=exc.hint) from None
    check_size(len(data), name=name)
    text = decode_article(data, name=name)
    final_date = date if date is not None else meta.get("date")
    if date is not None:
        PartialDate.parse(date, field="--date")
    return Article(
        text=text,
        name=name,
        date=final_date or None,
        source=source if source is not None else meta.get("source", ""),
        url=url if url is not None else meta.get("url", ""),
        title=meta.get("title", ""),
        document=document,
    )
