"""The progress bar helper: nothing off a terminal, a transient bar on one (only for many items)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rhetoric.cli.progress import MIN_TOTAL, progress_bar


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_callback_off_a_terminal(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with progress_bar("working") as update:
        assert update is None
    assert sys.stderr.getvalue() == ""


def test_bar_on_a_terminal_for_many_items(monkeypatch) -> None:
    term = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", term)
    with progress_bar("analysing statements", min_total=5) as update:
        for done in range(1, 51):
            update(done, 50)
    assert "analysing statements" in term.getvalue()


def test_no_bar_for_few_items(monkeypatch) -> None:
    term = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", term)
    with progress_bar("analysing statements", min_total=20) as update:
        update(1, 3)
    assert "analysing statements" not in term.getvalue()


# -- the real terminal: stderr a pseudo-terminal, stdout redirected to a file -----------------------


def _corpus_of(n: int, folder) -> str:
    from rhetoric.corpus import add_statements, init_corpus

    corpus = init_corpus(folder / "c")
    shutil.copy(Path("corpora/ukraine-nato/codebook.toml"), corpus.codebook_path)
    rows = [
        {
            "speaker": "NATO",
            "date": f"2024-01-{i % 28 + 1:02d}",
            "text": f"We will never give up territory unless Russia withdraws its troops ({i}).",
        }
        for i in range(n)
    ]
    add_statements(corpus, rows)
    return str(corpus.path)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("command", ["frames", "stances"])
def test_csv_redirected_to_a_file_under_a_terminal(tmp_path, command) -> None:
    """`rhetoric frames --all --format csv > f.csv` in a terminal: the CSV goes to the file, not the screen."""
    corpus = _corpus_of(MIN_TOTAL + 5, tmp_path)
    out = tmp_path / "out.csv"
    master, slave = os.openpty()
    screen = b""
    try:
        with open(out, "wb") as fh:
            proc = subprocess.Popen(
                [sys.executable, "-m", "rhetoric", command, "--all", "--format", "csv", "--corpus", corpus],
                stdout=fh,
                stderr=slave,
                stdin=subprocess.DEVNULL,
                env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
            )
            os.close(slave)
            # Read while it runs: a full pty buffer would block the child.
            while True:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO once the child side is closed
                    break
                if not chunk:
                    break
                screen += chunk
            proc.wait(timeout=120)
    finally:
        os.close(master)
    assert proc.returncode == 0, screen.decode(errors="replace")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("statement_id,")
    assert len(lines) > 1
    assert b"statement_id" not in screen
