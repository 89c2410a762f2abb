"""The CLI starts fast: heavy libraries load only in the commands that need them.

Each check runs a command in a fresh interpreter (as ``rhetoric`` would) and lists the
packages it imported: a text command must not pay seconds of imports it never uses.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import REPO_ROOT, SEED_CORPUS

# Seconds of import each (nltk alone pulls scikit-learn and scipy), none of them needed to
# tag, frame or report on a text. pydantic (a fifth of a second) is typer's, for values the
# short path of rhetoric.cli.coerce decides without it.
HEAVY = frozenset(
    {"nltk", "sklearn", "scipy", "matplotlib", "pyarrow", "pandas", "numpy", "PIL", "regex", "spacy"}
    | {"dask", "distributed", "pydantic", "pydantic_core"}
)

# Runs ``rhetoric ARGS`` in this interpreter, then writes its exit code and the top-level
# packages it imported to the file named first.
_RUN = """
import json, sys
from rhetoric.cli import main
out, sys.argv = sys.argv[1], ["rhetoric", *sys.argv[2:]]
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else 1
with open(out, "w", encoding="utf-8") as f:
    json.dump({"code": code, "packages": sorted({m.split(".")[0] for m in sys.modules})}, f)
"""


def run_fresh(tmp_path: Path, *args: str) -> tuple[int, str, set[str]]:
    """Exit code, standard output and imported top-level packages of ``rhetoric ARGS``."""
    record = tmp_path / "imports.json"
    env = {**os.environ, "RHETORIC_CORPUS": str(SEED_CORPUS)}
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, str(record), *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert record.exists(), proc.stderr
    result = json.loads(record.read_text(encoding="utf-8"))
    return result["code"], proc.stdout, set(result["packages"])


def test_importing_the_cli_loads_no_heavy_library() -> None:
    code = "import sys, rhetoric.cli; print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert set(out.stdout.split()) & HEAVY == set()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("tag", "a ceasefire", "--format", "json"), '"tag": "ceasefire"'),
        (("tag", "No ceasefire until Mr. Putin withdraws. Talks, then."), "ceasefire"),
        (("frames", "Talks are not possible until Russia withdraws.", "--format", "json"), '"cue"'),
        (("stances", "Kyiv wants a ceasefire.", "--format", "json"), '"stance"'),
    ],
)
def test_text_commands_load_no_heavy_library(tmp_path: Path, args: tuple[str, ...], expected: str) -> None:
    code, stdout, packages = run_fresh(tmp_path, *args)
    assert code == 0
    assert expected in stdout
    assert packages & HEAVY == set()


def test_report_loads_nothing_heavy(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    code, stdout, packages = run_fresh(tmp_path, "report", "--out", str(out))
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["ukraine-nato.html", "ukraine-nato.md"]
    # The charts are our own SVG; sentence splitting, tables and models are not needed for a report.
    assert packages & HEAVY == set()


def _modules(tmp_path: Path, *args: str) -> list[str]:
    """Every module (not only packages) ``rhetoric ARGS`` imported; the command must succeed."""
    record = tmp_path / "modules.json"
    run = _RUN.replace('sorted({m.split(".")[0] for m in sys.modules})', "sorted(sys.modules)")
    proc = subprocess.run(
        [sys.executable, "-c", run, str(record), *args],
        cwd=REPO_ROOT,
        env={**os.environ, "RHETORIC_CORPUS": str(SEED_CORPUS)},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    result = json.loads(record.read_text(encoding="utf-8"))
    assert result["code"] == 0, proc.stderr
    return result["packages"]


# What `rhetoric tag` does not need: the analysis stages (frames, stances, shifts, the analysis
# cache), the codebook checks with the frames table and language data they validate, and, for
# a data format, rich (terminal tables and colours only).
TAG_NEVER = (
    "rhetoric.frames",
    "rhetoric.shifts",
    "rhetoric.analysis",
    "rhetoric.analyzer",
    "rhetoric.engine.cache",
    "rhetoric.codebook.check",
    "rhetoric.codebook.frames_table",
)


@pytest.mark.parametrize(
    ("args", "never"),
    [
        (("tag", "a ceasefire"), TAG_NEVER),
        (("tag", "a ceasefire", "--format", "json"), (*TAG_NEVER, "rich")),
        (("tag", "a ceasefire", "--format", "csv"), (*TAG_NEVER, "rich")),
    ],
)
def test_tag_loads_only_the_tagger(tmp_path: Path, args: tuple[str, ...], never: tuple[str, ...]) -> None:
    modules = _modules(tmp_path, *args)
    assert "rhetoric.tagging.tagger" in modules
    assert [m for m in modules if m.startswith(never)] == []
