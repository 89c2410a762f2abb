"""The import graph: no stage imports a later one, and the CLI starts without the analysis.

Stages, in order: base records and language data → corpus → codebook → tagging → frames →
analyzer → learn → shifts → session → reports/export/api → cli. Every ``import`` of every
module is read from its AST (imports inside functions too: a local import that dodges a cycle
is still a dependency); only imports under ``if TYPE_CHECKING:`` are type hints, not edges.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "rhetoric"

#: Module (or package) prefix → stage rank; the longest matching prefix wins.
STAGES: dict[str, int] = {
    "rhetoric": 0,  # the package itself (lazy ``rhetoric.load``) is checked separately
    "rhetoric.errors": 0,
    "rhetoric.types": 0,
    "rhetoric.dates": 0,
    "rhetoric.records": 0,
    "rhetoric.outputs": 0,
    "rhetoric.actors": 0,
    "rhetoric.text": 0,
    "rhetoric.lang": 0,
    "rhetoric.corpus": 1,
    "rhetoric.extract": 1,
    "rhetoric.codebook": 2,
    "rhetoric.tagging": 3,
    "rhetoric.frames": 4,
    "rhetoric.analyzer": 5,
    "rhetoric.learn": 6,
    "rhetoric.shifts": 7,
    "rhetoric.analysis": 8,
    "rhetoric.session": 8,
    "rhetoric.reports": 9,
    "rhetoric.export": 9,
    "rhetoric.api": 9,
    "rhetoric.cli": 10,
    "rhetoric.__main__": 10,
}

#: Modules ``import rhetoric.cli`` must not load: the analysis and everything built on it.
ANALYSIS = (
    "rhetoric.analysis",
    "rhetoric.analyzer",
    "rhetoric.session",
    "rhetoric.api",
    "rhetoric.frames",
    "rhetoric.shifts",
    "rhetoric.reports",
    "rhetoric.export",
)


def stage(module: str) -> int:
    """The rank of a module: its longest listed prefix."""
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        rank = STAGES.get(".".join(parts[:n]))
        if rank is not None:
            return rank
    raise KeyError(f"{module} is in no stage: add it to STAGES")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """ids of the import nodes under ``if TYPE_CHECKING:``."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return skip


def imports_of(source: str, module: str, *, is_package: bool) -> list[tuple[str, int]]:
    """``(imported module, line)`` for every rhetoric import of a module's source."""
    tree = ast.parse(source)
    skip = _type_checking_nodes(tree)
    package = module if is_package else module.rpartition(".")[0]
    out = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                names = [f"{target}.{a.name}" for a in node.names] if not node.module else [target]
            else:
                names = [node.module or ""]
            out.extend((n, node.lineno) for n in names if n.startswith("rhetoric"))
        elif isinstance(node, ast.Import):
            out.extend((a.name, node.lineno) for a in node.names if a.name.startswith("rhetoric"))
    return out


def violations(source: str, module: str, *, is_package: bool = False) -> list[str]:
    """Imports of ``module`` that reach a later stage, as ``module:line imports target``."""
    own = stage(module)
    return [
        f"{module}:{line} imports {target} (stage {stage(target)} > {own})"
        for target, line in imports_of(source, module, is_package=is_package)
        if stage(target) > own
    ]


def all_modules() -> list[tuple[str, Path]]:
    return [(module_name(p, PACKAGE), p) for p in sorted(PACKAGE.rglob("*.py"))]


def test_every_module_belongs_to_a_stage() -> None:
    for module, _path in all_modules():
        stage(module)


def test_no_stage_imports_a_later_stage() -> None:
    found = []
    for module, path in all_modules():
        if module == "rhetoric":
            continue  # its lazy __getattr__ serves rhetoric.load (the api), checked below
        found += violations(path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py")
    assert found == []


def test_the_package_root_imports_only_the_api_lazily() -> None:
    source = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    assert [t for t, _ in imports_of(source, "rhetoric", is_package=True)] == ["rhetoric.api"]


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        # a bad module: the codebook running the tagger (a later stage), even inside a function
        (
            "rhetoric.codebook.bad",
            "def f():\n    from ..tagging.tagger import Tagger\n",
            ["rhetoric.codebook.bad:2 imports rhetoric.tagging.tagger (stage 3 > 2)"],
        ),
        (
            "rhetoric.shifts.bad",
            "import rhetoric.session\n",
            ["rhetoric.shifts.bad:1 imports rhetoric.session (stage 8 > 7)"],
        ),
        (
            "rhetoric.frames.bad",
            "from .. import session\n",
            ["rhetoric.frames.bad:1 imports rhetoric.session (stage 8 > 4)"],
        ),
        # its good twins: earlier stages, and type hints only
        (
            "rhetoric.shifts.good",
            "from ..records import StatementAnalysis\nfrom .compare import compare\n",
            [],
        ),
        (
            "rhetoric.shifts.good",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..session import Session\n",
            [],
        ),
    ],
)
def test_the_check_catches_a_bad_module(module: str, source: str, expected: list[str]) -> None:
    assert violations(source, module) == expected


def test_a_module_outside_every_stage_is_an_error() -> None:
    with pytest.raises(KeyError, match="rhetoric_extra.x is in no stage"):
        stage("rhetoric_extra.x")


def test_the_cli_starts_without_the_analysis() -> None:
    code = "import sys, rhetoric.cli; print('\\n'.join(sorted(m for m in sys.modules if m.startswith('rhetoric'))))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PACKAGE.parent
    ).stdout.split()
    assert "rhetoric.cli.app" in loaded  # the probe ran
    assert [m for m in loaded if m.startswith(ANALYSIS)] == []
