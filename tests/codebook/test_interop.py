"""Codebook interop: quanteda YAML and LIWC .dic in, YAML and JSON out; what cannot be carried is reported."""

from __future__ import annotations

import json

import pytest

from rhetoric.codebook.interop import export_codebook, import_dictionary, pattern_globs
from rhetoric.codebook.load import load_codebook
from rhetoric.errors import InputFormatError
from rhetoric.tagging.check import check_codebook

YAML = """\
Ceasefire:
  - truce*
  - cease fire
Talks:
  Direct: [negotiat*, "*talks"]
  Mediated: mediat*
"""
DIC = "%\n1\tceasefire\n2\tprisoners\n%\ntruce*\t1\nprisoner swap\t2\nall-for-all\t2\nhostage*\t1\t2\n"


@pytest.mark.parametrize(
    ("name", "text", "tags", "warnings"),
    [
        ("d.yml", YAML, {"ceasefire": ["truce*", "cease fire"], "talks_direct": ["negotiat*"],
                         "talks_mediated": ["mediat*"]},
         ["[talks_direct] pattern '*talks' skipped: '*' may only end a word at column 1 of '*talks'"]),
        ("d.dic", DIC, {"ceasefire": ["truce*", "hostage*"], "prisoners": ["prisoner swap", "all-for-all", "hostage*"]},
         []),
        ("q.yaml", "a:\n  - colo?r\n  - peace|war\n  - truce\n", {"a": ["truce"]},
         ["[a] pattern 'colo?r' skipped: '?' has no equivalent", "[a] pattern 'peace|war' skipped: '|' has no equivalent"]),
    ],
)
def test_import(tmp_path, name, text, tags, warnings):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    imported = import_dictionary(path)
    assert {t["id"]: t["patterns"] for t in imported.tags} == tags
    assert list(imported.warnings) == warnings
    out = tmp_path / "codebook.toml"
    out.write_text(imported.to_toml(), encoding="utf-8")
    assert check_codebook(out) == []


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("d.txt", "a: [b]", "cannot tell the dictionary format of 'd.txt' (give --format yaml or --format dic)"),
        ("d.yml", "a: [b\n", "not valid YAML"),
        ("d.yml", "- a\n- b\n", "a YAML dictionary must map categories to lists of patterns"),
        ("d.yml", "a: 3\n", "category 'a' must hold a list of patterns, not int"),
        ("d.yml", "a: ['*x']\n", "the dictionary has no category with a usable pattern"),
        ("d.dic", "truce\t1\n", "not a LIWC dictionary: it needs a category block between two '%' lines"),
        ("d.dic", "%\n1\tx\n%\ntruce\t7\n", "entry 'truce\\t7' names no known category number"),
        ("d.dic", "%\nonly\n%\n", "bad category line 'only' (want: number and name)"),
    ],
)
def test_import_errors(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFormatError) as info:
        import_dictionary(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_import_not_utf8(tmp_path):
    path = tmp_path / "d.yml"
    path.write_bytes(b"a: [\xff]\n")
    with pytest.raises(InputFormatError, match="cannot read the dictionary"):
        import_dictionary(path)


@pytest.mark.parametrize(
    ("pattern", "globs", "reason"),
    [
        ("truce*", ["truce*"], None),
        ("security? guarantee*", ["security guarantee*", "guarantee*"], None),
        ("peace deal|accord", ["peace deal", "peace accord"], None),
        ("cease-fire", ["cease fire", "ceasefire"], None),
        ("withdraw* ~2 troops", [], "a gap (~N) has no glob form"),
    ],
)
def test_pattern_globs(pattern, globs, reason):
    assert pattern_globs(pattern) == (globs, reason)


def test_export_round_trip(tmp_path):
    import yaml

    cb = load_codebook("rhetoric/corpus/templates/israel-hamas/codebook.toml")
    text, warnings = export_codebook(cb, fmt="yaml")
    exported = yaml.safe_load(text)
    path = tmp_path / "d.yml"
    path.write_text(text, encoding="utf-8")
    back = import_dictionary(path)
    # A tag whose every pattern has a gap exports no glob: it is reported, and left out on the way back.
    assert {t["id"]: t["patterns"] for t in back.tags} == {k: v for k, v in exported.items() if v}
    assert "end_of_war" not in {t["id"] for t in back.tags}
    assert all(w.endswith("a gap (~N) has no glob form") for w in warnings)


def test_export_json_has_every_field():
    cb = load_codebook("rhetoric/corpus/templates/iran-nuclear/codebook.toml")
    doc = json.loads(export_codebook(cb, fmt="json")[0])
    assert doc["codebook"]["sha256"] == cb.sha256
    assert [t["id"] for t in doc["tags"]] == [t.id for t in cb.tags]
    assert set(doc["tags"][0]) == {"id", "label", "description", "role", "patterns", "exclude", "examples"}


def test_cli_import_refuses_existing(tmp_path):
    from typer.testing import CliRunner

    from rhetoric.cli import app

    src = tmp_path / "d.yml"
    src.write_text(YAML, encoding="utf-8")
    out = tmp_path / "c.toml"
    out.write_text("keep", encoding="utf-8")
    result = CliRunner().invoke(app, ["codebook", "import", str(src), "--out", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {str(out)!r} already exists (give --force to replace it, or another --out)\n"
    assert out.read_text() == "keep"
    result = CliRunner().invoke(app, ["codebook", "import", str(src), "--out", str(out), "--force"])
    assert result.exit_code == 0
    assert result.stdout == f"wrote {out}: 3 tags, 4 patterns\n"
    assert result.stderr.startswith("Warning: [talks_direct] pattern '*talks' skipped")
