"""Console examples and links of the README and the docs pages, parsed for the docs test.

A console example is a fenced ``console`` block whose first line starts with ``$ rhetoric``. Lines
starting with ``$ `` are commands (a trailing ``\\`` continues one on the next line); the lines
after a command, up to the next command, are its output as shown. An HTML comment on the line
just before the fence changes how a block is checked:

- ``<!-- docs-test: abridged -->``: the output shown is a selection; its lines must appear in the
  real output in the same order (a line holding only ``…`` stands for lines left out).
- ``<!-- docs-test: skip REASON -->``: the block is not run (say why).

Example:
    >>> blocks = parse_console_blocks("```console\\n$ rhetoric validate\\nok\\n```\\n", "x.md")
    >>> [(c.command, c.output) for c in blocks[0].commands]
    [('rhetoric validate', ('ok',))]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MARKER = re.compile(r"^<!--\s*docs-test:\s*(abridged|skip)\b.*-->\s*$")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
ELLIPSIS_LINES = frozenset({"…", "..."})


@dataclass(frozen=True)
class Command:
    """One ``$`` command of a console block and the output shown after it."""

    command: str
    output: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class ConsoleBlock:
    """A console example: where it is, how it is checked, its commands."""

    page: str
    line: int
    mode: str  # "exact", "abridged" or "skip"
    commands: tuple[Command, ...]


def _commands(body: list[str], first_line: int) -> tuple[Command, ...]:
    out: list[Command] = []
    i = 0
    while i < len(body):
        if not body[i].startswith("$ "):
            i += 1
            continue
        start = i
        parts = [body[i][2:]]
        while parts[-1].endswith("\\") and i + 1 < len(body):
            i += 1
            parts.append(body[i])
        i += 1
        shown: list[str] = []
        while i < len(body) and not body[i].startswith("$ "):
            shown.append(body[i])
            i += 1
        out.append(Command("\n".join(parts), tuple(shown), first_line + start))
    return tuple(out)


def parse_console_blocks(text: str, page: str) -> list[ConsoleBlock]:
    """Every console block of a Markdown text whose first line is a ``$ rhetoric`` command."""
    lines = text.split("\n")
    blocks: list[ConsoleBlock] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != "```console":
            i += 1
            continue
        fence = i
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        body = lines[i + 1 : end]
        i = end + 1
        if not body or not body[0].startswith("$ rhetoric"):
            continue
        marker = MARKER.match(lines[fence - 1]) if fence else None
        mode = marker.group(1) if marker else "exact"
        blocks.append(ConsoleBlock(page, fence + 1, mode, _commands(body, fence + 2)))
    return blocks


def output_matches(shown: tuple[str, ...], actual: str, *, abridged: bool) -> bool:
    """Whether the real output reproduces the output shown (trailing spaces and blank edges aside).

    >>> output_matches(("a", "…", "c"), "a\\nb\\nc\\n", abridged=True)
    True
    >>> output_matches(("a", "c"), "a\\nb\\nc\\n", abridged=False)
    False
    """
    want = _trim([s.rstrip() for s in shown])
    got = _trim([s.rstrip() for s in actual.split("\n")])
    if not abridged:
        return want == got
    it = iter(got)
    return all(any(g == w for g in it) for w in want if w.strip() not in ELLIPSIS_LINES)


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading.

    >>> github_anchor("Quick start: a corpus from the command line")
    'quick-start-a-corpus-from-the-command-line'
    """
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(text: str) -> set[str]:
    """Anchors of every Markdown heading of a page (outside fenced blocks)."""
    found: set[str] = set()
    fenced = False
    for line in text.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (m := re.match(r"^#{1,6} (.+)$", line)):
            found.add(github_anchor(m.group(1)))
    return found


def broken_links(page: Path) -> list[str]:
    """Relative links of a page whose file or heading anchor does not exist."""
    text = page.read_text(encoding="utf-8")
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    bad = []
    for target in LINK.findall(prose):
        if re.match(r"^[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        dest = (page.parent / path).resolve() if path else page
        if not dest.exists():
            bad.append(f"{page.name}: {target} (no such file)")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest.read_text(encoding="utf-8")):
            bad.append(f"{page.name}: {target} (no such heading)")
    return bad
