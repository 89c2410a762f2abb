"""No third-party realdev text in the repository: a shingle-overlap check.

The realdev set (``../shared/realdev``) is real news text we may read but not copy. Every file git
tracks is cut into word shingles and compared with the realdev statements and articles. A common
seven-word phrase ("according to a statement from the Kremlin") may recur by chance, so a file fails
when it shares two different seven-word shingles with one realdev text, or any ten-word shingle.
Shingles of the shared seed article (which the repository ships on purpose) are ignored.

Example:
    RHETORIC_REALDEV=/path/to/realdev python -m pytest tests/hygiene -q
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REALDEV = Path(os.environ.get("RHETORIC_REALDEV", ROOT.parent / "shared" / "realdev"))
SEEDS = REALDEV.parent / "seeds"
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

pytestmark = pytest.mark.skipif(not (REALDEV / "statements.jsonl").exists(), reason="realdev absent")


def shingles(text: str, n: int) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _realdev_texts() -> dict[str, str]:
    texts = {}
    for line in (REALDEV / "statements.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    for path in sorted((REALDEV / "articles").glob("*.txt")):
        texts[path.name] = path.read_text(encoding="utf-8")
    return texts


def _tracked_files() -> list[Path]:
    try:
        out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [ROOT / name for name in out.splitlines()]


def overlaps(text: str, index7: dict, index10: set, seed: set) -> list[str]:
    """Return why ``text`` looks copied from realdev (empty when it does not)."""
    by_source: dict[str, set] = defaultdict(set)
    for gram in shingles(text, 7) - seed:
        for source in index7.get(gram, ()):
            by_source[source].add(gram)
    problems = [f"{src}: {' '.join(min(g))!r} (+{len(g) - 1})" for src, g in by_source.items() if len(g) >= 2]
    long = (shingles(text, 10) & index10) - {g for g in index10 if g[:7] in seed}
    problems += [f"ten words: {' '.join(g)!r}" for g in sorted(long)[:1]]
    return problems


def test_no_realdev_text_in_tracked_files():
    index7: dict[tuple, set[str]] = defaultdict(set)
    index10: set[tuple] = set()
    for source, text in _realdev_texts().items():
        for gram in shingles(text, 7):
            index7[gram].add(source)
        index10 |= shingles(text, 10)
    seed = set().union(*(shingles(p.read_text(encoding="utf-8"), 7) for p in SEEDS.glob("*.txt")))
    found = {}
    for path in _tracked_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            continue
        problems = overlaps(text, index7, index10, seed)
        if problems:
            found[str(path.relative_to(ROOT))] = problems
    assert found == {}


def test_the_check_catches_a_copied_sentence():
    texts = _realdev_texts()
    source, text = next(iter(texts.items()))
    index7 = defaultdict(set)
    for gram in shingles(text, 7):
        index7[gram].add(source)
    copied = " ".join(WORD.findall(text.lower())[:12])
    assert overlaps(f"We wrote: {copied}.", index7, shingles(text, 10), set())
    assert overlaps("A sentence of our own about a ceasefire and the talks next week.", index7, set(), set()) == []
