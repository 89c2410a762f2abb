"""Terminal output of tag, kwic and frames shows control characters in stored text, never obeys them."""

from __future__ import annotations

from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.cli.render import highlight
from rhetoric.records import Mention

ESC = "\x1b[2J"


def test_highlight_shows_escape_codes_and_keeps_offsets() -> None:
    text = f"{ESC}a truce\x85now"
    m = Mention("ceasefire", 6, 11, "truce", 0, "truce")
    out = highlight(text, [m], {})
    assert "\x1b" not in out.plain and "\x85" not in out.plain
    assert out.plain[6:11] == "truce"  # the style still lands on the mention


def test_tag_cli_prints_no_raw_escape() -> None:
    result = CliRunner().invoke(app, ["tag", f"{ESC}A truce now."])
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "␛[2J" in result.stdout
