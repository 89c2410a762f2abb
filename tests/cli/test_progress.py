"""The progress bar helper: nothing off a terminal, a transient bar on one (only for many items)."""

from __future__ import annotations

import io
import sys

from rhetoric.cli.progress import progress_bar


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
