"""CLI: a codebook's cue extensions ([[frames.cue]], [words.cues]) are checked, every problem listed, exit 1."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from rhetoric.cli import app

MINI = Path(__file__).resolve().parents[1] / "codebook" / "data" / "mini.toml"

BAD_CUES = """
[[frames.cue]]
id = "pending"
phrases = ["pending", ""]
shape = "post"
colour = "red"

[[words.cues.cue]]
id = "awaiting"
phrases = ["awaiting", "awaiting"]
shape = "post"
not_after = ["a|b"]
"""


def test_bad_cue_extensions_list_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "codebook.toml"
    path.write_text(MINI.read_text(encoding="utf-8") + BAD_CUES, encoding="utf-8")
    result = CliRunner().invoke(app, ["codebook", "check", "--codebook", str(path)])
    assert result.exit_code == 1
    for problem in (
        "[words.cues.cue[0].awaiting.phrases] duplicate phrase 'awaiting'",
        "[words.cues.cue[0].awaiting.not_after] 'a|b': '|' is regex syntax; write plain words (~N for a gap)",
        "[frames.cue[0].pending] unknown key(s): colour",
        "[frames.cue[0].pending.phrases] empty phrase",
    ):
        assert problem in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_good_cue_extension_is_used(tmp_path: Path) -> None:
    path = tmp_path / "codebook.toml"
    extra = '\n[[frames.cue]]\nid = "pending"\nphrases = ["pending"]\nshape = "post"\n'
    path.write_text(MINI.read_text(encoding="utf-8") + extra, encoding="utf-8")
    result = CliRunner().invoke(app, ["codebook", "check", "--codebook", str(path)])
    assert result.exit_code == 0, result.stdout + result.stderr
