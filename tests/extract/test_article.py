"""Reading articles: decoding, bad input, and the metadata sidecar."""

from __future__ import annotations

from pathlib import Path

import pytest

from rhetoric.errors import ExtractionError, InputFormatError, NotFoundError, ValidationError
from rhetoric.extract.article import decode_article, load_sidecar, read_article, sidecar_path

from .conftest import SEED_ARTICLE


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"Putin said no.", "Putin said no."),
        (b"\xef\xbb\xbfPutin said no.\r\n", "Putin said no.\n"),
        (b"a\rb", "a\nb"),
        ("Zelensky’s “call”".encode(), "Zelensky’s “call”"),
    ],
)
def test_decode(data: bytes, text: str) -> None:
    assert decode_article(data, name="a.txt") == text


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (b"", ExtractionError, "the article is empty: there is no text to extract statements from"),
        (b" \n\t\n", ExtractionError, "the article is empty: there is no text to extract statements from"),
        (b"PK\x03\x04\x00\x00binary", InputFormatError, "looks like a binary file (NUL byte at offset 4)"),
        (
            b"\x01\x02\x03\x04\x05abc",
            InputFormatError,
            "looks like a binary file (5 control characters in 8)",
        ),
        (b"Caf\xe9 au lait", InputFormatError, "not UTF-8: byte 0xe9 at offset 3 cannot be decoded"),
    ],
)
def test_decode_rejects(data: bytes, error: type, message: str) -> None:
    with pytest.raises(error) as info:
        decode_article(data, name="a.txt")
    assert info.value.message == message
    assert info.value.path == "a.txt"
    assert info.value.hint


def test_sidecar_path() -> None:
    assert sidecar_path(Path("seeds/x.txt")) == Path("seeds/x.toml")


def test_sidecar_missing_is_empty(tmp_path: Path) -> None:
    assert load_sidecar(tmp_path / "none.toml") == {}


def test_sidecar_values(tmp_path: Path) -> None:
    side = tmp_path / "a.toml"
    side.write_text('outlet = "Nordic Times"\ntitle = "T"\ndate = 2024-12-03\nurl = "u"\nextra = 1\n')
    assert load_sidecar(side) == {"source": "Nordic Times", "title": "T", "date": "2024-12-03", "url": "u"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("date = [", "cannot parse the article sidecar"),
        ("date = 2024", "must be a string, got int"),
    ],
)
def test_sidecar_errors(tmp_path: Path, content: str, message: str) -> None:
    side = tmp_path / "a.toml"
    side.write_text(content)
    with pytest.raises(InputFormatError, match=message):
        load_sidecar(side)


def test_read_article_uses_sidecar_and_command_line_wins(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Putin said no.\n")
    (tmp_path / "a.toml").write_text('outlet = "Wire"\ndate = "2024-12"\nurl = "https://x"\n')
    art = read_article(tmp_path / "a.txt")
    assert (art.date, art.source, art.url) == ("2024-12", "Wire", "https://x")
    art = read_article(tmp_path / "a.txt", date="2024-12-03", source="Other", url="")
    assert (art.date, art.source, art.url) == ("2024-12-03", "Other", "")


def test_read_article_rejects_bad_sidecar_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Putin said no.\n")
    (tmp_path / "a.toml").write_text('date = "Dec 2024"\n')
    with pytest.raises(ValidationError) as info:
        read_article(tmp_path / "a.txt")
    assert (info.value.path, info.value.field) == (str(tmp_path / "a.toml"), "date")


def test_read_article_stdin() -> None:
    art = read_article("-", stdin=b"Putin said no.", date="2024")
    assert (art.text, art.name, art.date, art.document) == ("Putin said no.", "<stdin>", "2024", "")


def test_read_article_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="does not exist"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputFormatError, match="is a directory"):
        read_article(tmp_path)


def test_seed_reads_without_sidecar_or_with_it() -> None:
    art = read_article(SEED_ARTICLE)
    assert art.text.startswith("Volodymyr Zelensky’s call")
    assert art.document == str(SEED_ARTICLE)
