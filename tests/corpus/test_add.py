"""Tests for rhetoric.corpus.add: validation, alias resolution, duplicates, warnings, batches."""

from __future__ import annotations

import datetime as dt

import pytest

from rhetoric.corpus import Corpus, add_statement, add_statements
from rhetoric.errors import ActorError, BatchValidationError, CorpusError, ValidationError
from rhetoric.records import MAX_TEXT_CHARS, Statement


def test_add_resolves_alias_and_keeps_spelling(corpus: Corpus) -> None:
    r = add_statement(corpus, speaker="Zelenskiy", date="2024-12-01", text="NATO is necessary.")
    assert r.added
    assert (r.statement.speaker, r.statement.speaker_as_written) == ("zelensky", "Zelenskiy")
    assert r.warnings == ()
    assert corpus.statements() == [r.statement]


def test_add_explicit_speaker_as_written_wins(corpus: Corpus) -> None:
    r = add_statement(
        corpus, speaker="zelensky", speaker_as_written="the Ukrainian president", date="2024", text="x"
    )
    assert r.statement.speaker_as_written == "the Ukrainian president"


def test_duplicate_changes_nothing(corpus: Corpus) -> None:
    first = add_statement(
        corpus, speaker="Putin", date="2024", text="NATO  expansion", added_at="2025-01-01T00:00:00Z"
    )
    before = corpus.statements_path.read_bytes()
    again = add_statement(corpus, speaker="Vladimir Putin", date="2024", text="nato expansion")
    assert not again.added
    assert again.statement == first.statement  # the stored one, with its original added_at
    assert corpus.statements_path.read_bytes() == before


def test_unknown_speaker_added_as_written_with_warning(corpus: Corpus) -> None:
    r = add_statement(corpus, speaker="  Jens Stoltenberg ", date="2023", text="Not now.")
    assert r.added and r.statement.speaker == "Jens Stoltenberg"
    assert r.warnings == (
        "unknown speaker 'Jens Stoltenberg': added as written (add the actor or an alias to actors.toml)",
    )


def test_strict_rejects_unknown_speaker_and_writes_nothing(corpus: Corpus) -> None:
    with pytest.raises(ActorError, match=r"\[speaker\] unknown speaker 'Jens Stoltenberg'"):
        add_statement(corpus, speaker="Jens Stoltenberg", date="2023", text="Not now.", strict=True)
    assert corpus.statements_path.read_bytes() == b""


def test_strict_accepts_known_alias(corpus: Corpus) -> None:
    assert add_statement(corpus, speaker="the alliance", date="2023", text="Not now.", strict=True).added


def test_future_date_accepted_with_warning(corpus: Corpus) -> None:
    r = add_statement(corpus, speaker="nato", date="2031-05", text="Later.", today=dt.date(2026, 1, 1))
    assert r.added
    assert r.warnings == ("date 2031-05 is in the future; added anyway (check it)",)


def test_current_month_is_not_future(corpus: Corpus) -> None:
    r = add_statement(corpus, speaker="nato", date="2026-01", text="Now.", today=dt.date(2026, 1, 1))
    assert r.warnings == ()


BAD_INPUT = [
    (dict(text=""), r"^\[text\] is empty$"),
    (dict(text="   \n\t"), r"^\[text\] is empty$"),
    (dict(speaker="   "), r"^\[speaker\] is empty$"),
    (dict(speaker=""), r"^\[speaker\] is empty$"),
    (dict(date="2024-13-01"), r"^\[date\] invalid date '2024-13-01': month 13 is not 1-12 \(use YYYY"),
    (dict(date="24/11/2024"), r"^\[date\] invalid date '24/11/2024' \(use YYYY, YYYY-MM or YYYY-MM-DD"),
    (dict(date="2023-02-29"), r"^\[date\] invalid date '2023-02-29': day 29 is not 1-28"),
    (dict(kind="quote"), r"^\[kind\] unknown kind 'quote' \(use direct, paraphrase or reported\)$"),
    (dict(date_qualifier="about"), r"^\[date_qualifier\] unknown date_qualifier 'about'"),
    (dict(text="a\x00b"), r"^\[text\] contains a NUL byte$"),
    (dict(note="a\x00b"), r"^\[note\] contains a NUL byte$"),
    (
        dict(text="x" * (MAX_TEXT_CHARS + 1)),
        r"^\[text\] is 100,001 characters long; the limit is 100,000 \(split the statement\)$",
    ),
]


@pytest.mark.parametrize(("override", "message"), BAD_INPUT)
def test_bad_input_rejected_and_corpus_unchanged(seed_copy: Corpus, override: dict, message: str) -> None:
    before = seed_copy.statements_path.read_bytes()
    args = dict(speaker="Zelensky", date="2024-12-01", text="NATO is necessary.") | override
    with pytest.raises(ValidationError, match=message):
        add_statement(seed_copy, **args)
    assert seed_copy.statements_path.read_bytes() == before


def test_text_at_the_limit_is_accepted(corpus: Corpus) -> None:
    assert add_statement(corpus, speaker="nato", date="2024", text="x" * MAX_TEXT_CHARS).added


def test_add_needs_an_existing_corpus(tmp_path) -> None:
    with pytest.raises(CorpusError, match="does not exist.*rhetoric init"):
        add_statement(Corpus(tmp_path / "nope"), speaker="a", date="2024", text="x")


def test_add_refuses_to_extend_an_incomplete_last_line(corpus: Corpus) -> None:
    corpus.statements_path.write_bytes(b'{"id": "s-1", "spea')
    with pytest.raises(CorpusError, match="ends in an incomplete line"):
        add_statement(corpus, speaker="nato", date="2024", text="x")
    assert corpus.statements_path.read_bytes() == b'{"id": "s-1", "spea'


def test_add_after_complete_line_without_newline(corpus: Corpus) -> None:
    first = add_statement(corpus, speaker="nato", date="2024", text="one").statement
    corpus.statements_path.write_bytes(corpus.statements_path.read_bytes().rstrip(b"\n"))
    second = add_statement(corpus, speaker="nato", date="2024", text="two").statement
    assert corpus.statements() == [first, second]


# -- batches -------------------------------------------------------------------------------------


def test_add_statements_counts_duplicates_in_batch_and_corpus(corpus: Corpus) -> None:
    add_statement(corpus, speaker="nato", date="2024", text="stored")
    rows = [
        {"speaker": "NATO", "date": "2024", "text": "stored"},
        {"speaker": "Kyiv", "date": "2022-09", "text": "applied"},
        {"speaker": "Kiev", "date": "2022-09", "text": "applied"},
    ]
    result = add_statements(corpus, rows)
    assert result.summary() == "added 1, duplicates 2, rejected 0"
    assert [s.speaker for s in result.added] == ["ukraine"]
    assert len(corpus.statements()) == 2


def test_add_statements_accepts_statement_objects(corpus: Corpus) -> None:
    s = Statement.create(speaker="Zelenskyy", date="2024", text="x", added_at="2025-01-01T00:00:00Z")
    (added,) = add_statements(corpus, [s]).added
    assert added.speaker == "zelensky" and added.added_at == "2025-01-01T00:00:00Z"


def test_add_statements_is_all_or_nothing(corpus: Corpus) -> None:
    rows = [
        {"speaker": "nato", "date": "2024", "text": "fine"},
        {"speaker": "nato", "date": "2024-13", "text": "x"},
    ]
    with pytest.raises(BatchValidationError, match="1 invalid record") as info:
        add_statements(corpus, rows)
    assert [str(p) for p in info.value.problems] == [
        "[date] record 1: invalid date '2024-13': month 13 is not 1-12 "
        "(use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-12-01)"
    ]
    assert corpus.statements_path.read_bytes() == b""


def test_add_statements_skip_invalid_and_dry_run(corpus: Corpus) -> None:
    rows = [
        {"speaker": "nato", "date": "2024", "text": "fine"},
        {"speaker": "nato", "date": "x", "text": "y"},
    ]
    dry = add_statements(corpus, rows, skip_invalid=True, dry_run=True)
    assert dry.summary() == "added 1, duplicates 0, rejected 1"
    assert corpus.statements_path.read_bytes() == b""
    real = add_statements(corpus, rows, skip_invalid=True)
    assert real.rejected[0][0] == 1
    assert len(corpus.statements()) == 1


def test_add_statements_many_uses_id_set(corpus: Corpus) -> None:
    rows = [{"speaker": "nato", "date": "2024", "text": f"t{i}"} for i in range(20)]
    assert add_statements(corpus, rows).summary() == "added 20, duplicates 0, rejected 0"
    assert add_statements(corpus, rows).summary() == "added 0, duplicates 20, rejected 0"


def test_add_statements_warnings_name_the_record(corpus: Corpus) -> None:
    result = add_statements(corpus, [{"speaker": "Nobody", "date": "2024", "text": "x"}])
    assert result.warnings == (
        "record 0: unknown speaker 'Nobody': added as written (add the actor or an alias to actors.toml)",
    )
