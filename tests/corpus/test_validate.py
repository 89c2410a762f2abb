"""Tests for rhetoric.corpus.validate: every problem with its line, serial and parallel paths agree."""

from __future__ import annotations

import json

import pytest

from rhetoric.corpus import Corpus, add_statements, validate_corpus
from rhetoric.corpus import validate as validate_module
from rhetoric.corpus.store import encode_statement
from rhetoric.records import Statement


def test_seed_corpus_is_valid(seed_copy: Corpus) -> None:
    report = validate_corpus(seed_copy)
    assert report.ok and report.problems == () and report.warnings == ()
    assert (report.lines, report.statements) == (13, 13)


def _broken_corpus(corpus: Corpus) -> None:
    good = [Statement.create(speaker="nato", date="2024", text=f"t{i}") for i in range(3)]
    tampered = {**good[0].to_dict(), "text": "changed"}
    lines = [
        encode_statement(good[0]),  # 1
        b'{"id": "s-1", "speaker": \n',  # 2 malformed
        encode_statement(good[1]),  # 3
        (json.dumps(tampered) + "\n").encode(),  # 4 id does not match
        b"\n",  # 5 blank: ignored
        (json.dumps({**good[2].to_dict(), "colour": "red"}) + "\n").encode(),  # 6 unknown key
        encode_statement(good[1]),  # 7 duplicate of 3
        b"\xff\xfe\n",  # 8 not UTF-8
        (json.dumps({**good[2].to_dict(), "date": "2024-13"}) + "\n").encode(),  # 9 bad date
    ]
    corpus.statements_path.write_bytes(b"".join(lines))


EXPECTED_PROBLEMS = [
    (2, "malformed JSON: Expecting value at column 26"),
    (4, "does not match the content"),
    (6, "unknown key(s): colour"),
    (7, "duplicate id"),
    (8, "not UTF-8"),
    (9, "[date] invalid date '2024-13'"),
]


@pytest.mark.parametrize("parallel", [False, True])
def test_every_problem_with_its_line(corpus: Corpus, monkeypatch, parallel: bool) -> None:
    _broken_corpus(corpus)
    if parallel:
        monkeypatch.setattr(validate_module, "PARALLEL_MIN_BYTES", 0)
        monkeypatch.setattr(validate_module, "_CHUNK_BYTES", 200)
    report = validate_corpus(corpus, workers=2 if parallel else 1)
    assert not report.ok
    assert [p.line for p in report.problems] == [line for line, _ in EXPECTED_PROBLEMS]
    for problem, (line, text) in zip(report.problems, EXPECTED_PROBLEMS, strict=True):
        assert text in str(problem)
        assert str(problem).startswith(f"{corpus.statements_path}:{line}: ")
    assert "(first on line 3)" in str(report.problems[3])
    assert report.statements == 3


def test_parallel_and_serial_agree_on_a_valid_corpus(corpus: Corpus, monkeypatch) -> None:
    add_statements(corpus, [{"speaker": "nato", "date": "2024", "text": f"n{i}"} for i in range(200)])
    serial = validate_corpus(corpus, workers=1)
    monkeypatch.setattr(validate_module, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(validate_module, "_CHUNK_BYTES", 1000)
    parallel = validate_corpus(corpus, workers=2)
    assert serial.ok and parallel.ok
    assert (serial.lines, serial.statements) == (parallel.lines, parallel.statements) == (200, 200)


def test_unknown_speakers_and_noncanonical_lines_warn(corpus: Corpus) -> None:
    s = Statement.create(speaker="Nobody", date="2024", text="x")
    reordered = {k: v for k, v in reversed(list(s.to_dict().items()))}
    corpus.statements_path.write_text(json.dumps(reordered) + "\n")
    report = validate_corpus(corpus)
    assert report.ok
    assert report.warnings == (
        "1 speaker(s) not in actors.toml: 'Nobody'",
        "1 valid line(s) not in canonical form (key order, spacing): line(s) 1; "
        "id and speaker lookups may miss them",
    )


def test_last_line_without_newline_counts(corpus: Corpus) -> None:
    corpus.statements_path.write_bytes(
        encode_statement(Statement.create(speaker="nato", date="2024", text="x")).rstrip(b"\n")
    )
    report = validate_corpus(corpus)
    assert report.ok and report.lines == 1


def test_truncated_last_line_is_a_problem(corpus: Corpus) -> None:
    line = encode_statement(Statement.create(speaker="nato", date="2024", text="x"))
    corpus.statements_path.write_bytes(line + line[:20])
    report = validate_corpus(corpus)
    assert [p.line for p in report.problems] == [2]


def test_broken_actors_file_is_a_warning(seed_copy: Corpus) -> None:
    seed_copy.actors_path.write_text("[actors.x\n")
    report = validate_corpus(seed_copy)
    assert report.ok and report.warnings[0].startswith("actors.toml: ")


def test_position_lines_are_canonical_and_bad_positions_are_problems(corpus: Corpus) -> None:
    ok = Statement.create(speaker="nato", date="2024", text="first", position=0)
    good = Statement.create(speaker="nato", date="2024", text="second")
    bad = [
        {**good.to_dict(), "position": -1},
        {**good.to_dict(), "position": "2"},
        {**good.to_dict(), "position": True},
    ]
    lines = [encode_statement(ok)] + [(json.dumps(b) + "\n").encode() for b in bad]
    corpus.statements_path.write_bytes(b"".join(lines))
    report = validate_corpus(corpus)
    assert [p.line for p in report.problems] == [2, 3, 4]
    assert "[position] must be >= 0, got -1" in str(report.problems[0])
    assert "[position] must be an integer, got str" in str(report.problems[1])
    assert "[position] must be an integer, got bool" in str(report.problems[2])
    assert report.warnings == ()  # the line with a position is canonical
    corpus.statements_path.write_bytes(lines[0])
    assert [s.position for s in corpus.statements()] == [0]
