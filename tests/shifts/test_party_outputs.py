"""``--party`` for report and export (one timeline per party, as ``timeline --party``), and
export rows that carry every statement id of an occasion."""

from __future__ import annotations

import csv

import pytest

from rhetoric.errors import NotFoundError, UsageError
from rhetoric.export.write import export_tables
from rhetoric.reports.collect import collect_report
from rhetoric.session import analyze_all

from .test_occasions_parties import _cli, _ids, corpus  # noqa: F401  (the fixture)


def test_analysis_per_party_is_one_timeline_of_its_members(corpus) -> None:  # noqa: F811
    ca = analyze_all(corpus.path, parties=["The Movement"])
    assert [tl.speaker for tl in ca.timelines] == ["movement"]
    assert {a.statement.speaker for a in ca.analyses} == {"spokesman", "negotiator", "leader"}
    assert ca.timelines[0].party == "movement" and len(ca.timelines[0].shifts) == 2


def test_report_per_party(corpus) -> None:  # noqa: F811
    data = collect_report(corpus.path, parties=["movement"])
    assert [(a.speaker, a.name) for a in data.actors] == [("movement", "The Movement")]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"parties": ["rebels"]}, NotFoundError, "no party 'rebels' in actors.toml (parties: government, movement)"),
        ({"parties": ["movement"], "speakers": ["leader"]}, UsageError, "give --speaker or --party, not both"),
    ],
)
def test_party_selection_errors(corpus, kwargs, error, message) -> None:  # noqa: F811
    with pytest.raises(error) as info:
        analyze_all(corpus.path, **kwargs)
    assert str(info.value).startswith(message)


def test_party_without_statements_is_an_error(corpus) -> None:  # noqa: F811
    (corpus.path / "actors.toml").write_text(
        (corpus.path / "actors.toml").read_text() + '\n[actors.envoy]\nname = "Eve Envoy"\nparty = "league"\n'
    )
    with pytest.raises(NotFoundError, match="no statement of .league. in"):
        analyze_all(corpus.path, parties=["league"])


def test_export_shifts_per_party_carry_every_id_of_an_occasion(corpus, tmp_path) -> None:  # noqa: F811
    result = export_tables(corpus.path, tables=["shifts"], out_dir=tmp_path / "out", parties=["movement"])
    rows = list(csv.DictReader(open(result.paths[0], encoding="utf-8")))
    ids = _ids(corpus)
    first = rows[0]
    # The first occasion is one article with two statements, read in source order.
    assert first["speaker"] == "movement"
    assert first["from_ids"] == f"{ids['never']};{ids['be']}"
    assert first["from_id"] == ids["never"] and first["to_ids"] == ids["accept"]


@pytest.mark.parametrize("command", ["report", "export"])
def test_cli_unknown_party_is_one_error_line(corpus, tmp_path, command) -> None:  # noqa: F811
    result = _cli(corpus, command, "--party", "rebels", "--out", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no party 'rebels' in actors.toml") and result.stderr.count("\n") == 1
    assert not (tmp_path / "o").exists()


def test_cli_report_per_party_names_the_file_after_it(corpus, tmp_path) -> None:  # noqa: F811
    result = _cli(corpus, "report", "--party", "movement", "--format", "md", "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    path = tmp_path / "o" / f"{corpus.path.name}-movement.md"
    assert result.stdout.splitlines() == [str(path)]
    assert "The Movement" in path.read_text(encoding="utf-8")
