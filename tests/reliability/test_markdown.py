"""Markdown outputs escape every corpus field: raw HTML in a speaker name or a quote never passes."""

from __future__ import annotations

import re

import pytest

from rhetoric.corpus import add_statement, init_corpus
from rhetoric.reports.collect import collect_report
from rhetoric.reports.markdown import report_markdown
from rhetoric.session import Session
from rhetoric.shifts.render import shift_markdown, timeline_markdown
from rhetoric.text.markdown import md_escape
from tests.conftest import SEED_CORPUS

SPEAKER = "<script>alert(1)</script>"
TEXTS = (
    "We will never join NATO unless <img src=x onerror=alert(1)> Russia withdraws its troops.",
    "Now we are ready to join NATO | *after* a ceasefire, <b>today</b>.",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>x</script>", "\\<script>x\\</script>"),
        ("a | b", "a \\| b"),
        ("*a* _b_ `c` [d]", "\\*a\\* \\_b\\_ \\`c\\` \\[d\\]"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines\r\nhere", "two lines here"),
        ("bell\x07 and \x1b[2Jclear", "bell and [2Jclear".replace("[", "\\[")),
        ("No NATO.", "No NATO."),
    ],
)
def test_md_escape(text: str, expected: str) -> None:
    assert md_escape(text) == expected


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    corpus = init_corpus(tmp_path_factory.mktemp("md") / "c")
    (corpus.path / "codebook.toml").write_bytes((SEED_CORPUS / "codebook.toml").read_bytes())
    for day, text in enumerate(TEXTS, start=1):
        add_statement(corpus, speaker=SPEAKER, date=f"2024-0{day}-01", text=text)
    return corpus


def _no_raw_html(markdown: str) -> None:
    markdown = re.sub(r"`[^`]*`", "", markdown)  # code spans show HTML as text
    for raw in ("<script", "</script", "<img", "<b>", "</b>"):
        assert raw not in markdown.replace("\\" + raw, ""), raw


def test_report_markdown_escapes_speaker_and_quotes(hostile) -> None:
    md = report_markdown(collect_report(hostile.path))
    _no_raw_html(md)
    assert "\\<img src=x onerror=alert(1)>" in md


def test_shift_and_timeline_markdown_escape_speaker_and_evidence(hostile) -> None:
    tl = Session.open(hostile.path).timeline(speaker=SPEAKER)
    md = timeline_markdown(tl)
    _no_raw_html(md)
    assert tl.shifts, "the two statements should give a shift"
    shift_md = shift_markdown(tl.shifts[0])
    _no_raw_html(shift_md)
    assert shift_md.startswith("### \\<script>alert(1)\\</script>")
