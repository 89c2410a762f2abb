"""docs/codebook-features.md: its TOML blocks, pasted together under a [codebook] table, pass codebook check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rhetoric.codebook import load_codebook
from rhetoric.tagging import Tagger
from rhetoric.tagging.check import check_codebook

DOC = Path(__file__).resolve().parents[2] / "docs" / "codebook-features.md"


def test_doc_blocks_make_a_codebook_that_passes(tmp_path: Path) -> None:
    if not DOC.exists():
        pytest.skip("docs/codebook-features.md not present")
    blocks = re.findall(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) >= 4
    path = tmp_path / "codebook.toml"
    path.write_text('[codebook]\nname = "docs"\n\n' + "\n".join(blocks), encoding="utf-8")
    assert check_codebook(path) == []
    codebook = load_codebook(path)
    tagger = Tagger.from_codebook(codebook)
    found = [(m.tag, m.polarity) for m in tagger.tag("He insists on staying in power; we demand zero enrichment.")]
    assert found == [("leadership_change", "negated"), ("zero_enrichment", "affirmed")]
    assert [s.id for s in codebook.scales] == ["enrichment"]
