"""The docs test: every console example of the README and the docs pages runs and shows its real output.

Each block runs in one bash session (so ``export`` and ``cd`` carry over) inside a fresh temporary
copy of ``corpora/``, ``seeds/`` and ``docs/``, so examples that write files never touch the
repository. ``COLUMNS=80``; stdout and stderr are read together, as a terminal shows them. A
command whose output shows an ``Error:`` line must exit 1, every other command 0; a command shown
without output is only checked for its exit status. Markers: see ``consoledoc``.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import REPO_ROOT
from . import consoledoc
from .consoledoc import ConsoleBlock, broken_links, output_matches, parse_console_blocks

PAGES = [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").glob("*.md"))]
BLOCKS = [
    block
    for page in PAGES
    for block in parse_console_blocks(page.read_text(encoding="utf-8"), str(page.relative_to(REPO_ROOT)))
]
SEP = "@@docs-test-exit@@"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RHETORIC_")}
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        COLUMNS="80",
        LINES="50",
        NO_COLOR="1",
        TERM="dumb",
        PYTHONUNBUFFERED="1",
        PYTHONIOENCODING="utf-8",
    )
    return env


def _workspace(tmp_path: Path) -> Path:
    work = tmp_path / "repo"
    for name in ("corpora", "seeds", "docs"):
        shutil.copytree(REPO_ROOT / name, work / name)
    return work


def run_block(block: ConsoleBlock, work: Path) -> list[tuple[str, int]]:
    """Run a block's commands in one bash session; each command's output and exit status."""
    script = ["exec 2>&1"]
    for cmd in block.commands:
        script += [cmd.command, f"printf '\\n{SEP} %d\\n' $?"]
    proc = subprocess.run(
        ["bash", "-c", "\n".join(script)], cwd=work, env=_env(), capture_output=True, text=True, timeout=600
    )
    parts = re.split(rf"\n{SEP} (\d+)\n", proc.stdout)
    return [(parts[i], int(parts[i + 1])) for i in range(0, len(parts) - 1, 2)]


def test_there_are_examples_to_run() -> None:
    assert len([b for b in BLOCKS if b.mode != "skip"]) >= 10
    assert {b.page for b in BLOCKS} >= {"README.md", "docs/corpus.md", "docs/shifts.md"}


@pytest.mark.parametrize("block", BLOCKS, ids=[f"{b.page}:{b.line}" for b in BLOCKS])
def test_console_example(block: ConsoleBlock, tmp_path: Path) -> None:
    if block.mode == "skip":
        pytest.skip("marked docs-test: skip")
    results = run_block(block, _workspace(tmp_path))
    assert len(results) == len(block.commands)
    for cmd, (actual, status) in zip(block.commands, results, strict=True):
        where = f"{block.page}:{cmd.line}: $ {cmd.command}"
        expected_status = 1 if any(line.startswith("Error:") for line in cmd.output) else 0
        assert status == expected_status, f"{where}\nexit {status}, expected {expected_status}\n{actual}"
        if any(line.strip() for line in cmd.output):
            assert output_matches(cmd.output, actual, abridged=block.mode == "abridged"), (
                f"{where}\n--- shown\n" + "\n".join(cmd.output) + f"\n--- actual\n{actual}"
            )


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_links_resolve(page: Path) -> None:
    assert broken_links(page) == []


def test_every_page_is_linked_from_the_index() -> None:
    index = (REPO_ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    for page in PAGES[1:]:
        if page.name != "index.md":
            assert f"]({page.name}" in index, f"docs/index.md does not link {page.name}"


def test_readme_opens_with_the_two_commands() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    first = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    assert first == "pip install -e . && rhetoric report\npip install -e '.[test]' && python -m pytest\n"
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert first.splitlines()[1] in ci.splitlines()


def test_readme_is_short() -> None:
    assert len((REPO_ROOT / "README.md").read_bytes()) < 8000


# --- the checker itself, with its error twins -------------------------------------------------------


def test_consoledoc_examples() -> None:
    assert doctest.testmod(consoledoc).failed == 0


@pytest.mark.parametrize(
    ("shown", "actual", "abridged", "ok"),
    [
        (("a", "b"), "a\nb\n", False, True),
        (("a  ", "", "b"), "\na\n\nb  \n\n", False, True),
        (("a", "b"), "a\nb\nc\n", False, False),
        (("a", "c"), "a\nb\nc\n", True, True),
        (("c", "a"), "a\nb\nc\n", True, False),
        (("a", "…"), "a\nb\n", True, True),
        (("x",), "a\nb\n", True, False),
    ],
)
def test_output_matches(shown, actual, abridged, ok) -> None:
    assert output_matches(shown, actual, abridged=abridged) is ok


def test_parse_markers_continuations_and_non_rhetoric_blocks() -> None:
    text = (
        "<!-- docs-test: abridged -->\n```console\n$ rhetoric add --speaker x \\\n    --text y\ns-1\n"
        "$ rhetoric list\nrow\n```\n\n```console\n$ ls\n```\n\n<!-- docs-test: skip needs a model -->\n"
        "```console\n$ rhetoric train\n```\n"
    )
    blocks = parse_console_blocks(text, "p.md")
    assert [(b.mode, b.line) for b in blocks] == [("abridged", 2), ("skip", 15)]
    assert [(c.command, c.output, c.line) for c in blocks[0].commands] == [
        ("rhetoric add --speaker x \\\n    --text y", ("s-1",), 3),
        ("rhetoric list", ("row",), 6),
    ]


def test_broken_links_are_found(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Top\n\n## Some Part: two\n", encoding="utf-8")
    page = tmp_path / "b.md"
    page.write_text(
        "[ok](a.md#some-part-two) [ok](#here) [web](https://x.org/none)\n# Here\n"
        "[gone](c.md) [bad](a.md#nope)\n```\n[in code](zzz.md)\n```\n",
        encoding="utf-8",
    )
    assert broken_links(page) == ["b.md: c.md (no such file)", "b.md: a.md#nope (no such heading)"]
