"""Terminal rendering (rich) lives at the CLI edge: library modules return data.

Three library modules still build rich renderables (see ``LEFT``); the test fails if another
one starts to, or if one of them stops (then take it off the list).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "rhetoric"

#: Library modules still building rich renderables, and why they stay for now.
LEFT = {
    "frames/output.py": "frame and stance colouring; rhetoric/frames is the stances lane's",
    "shifts/render.py": "shift and timeline tables beside their Markdown twins; rhetoric/shifts is the lead's",
    "learn/render.py": "400 lines of evaluation, agreement and suggestion tables (rows and tables share helpers)",
}


def _imports_rich(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "rich" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "rich" and not node.level:
            return True
    return False


def test_only_the_cli_and_the_listed_modules_import_rich() -> None:
    found = {
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if p.relative_to(PACKAGE).parts[0] != "cli" and _imports_rich(p)
    }
    assert found == set(LEFT)
