"""The CLI starts fast: heavy libraries load only in the commands that need them."""

from __future__ import annotations

import subprocess
import sys

from ..conftest import REPO_ROOT

HEAVY = ("nltk", "sklearn", "matplotlib", "pandas", "pyarrow", "scipy")


def test_importing_the_cli_loads_no_heavy_library() -> None:
    code = f"import sys, rhetoric.cli; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""
