"""Faults on the write path: a full disk, a torn line, symbolic links, hostile lines, odd folders.

Each test pins a failure seen on a real corpus: nothing is lost, nothing half-written
remains, and the user gets one error naming the file and the fix.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from rhetoric.corpus import (
    Corpus,
    add_statement,
    import_file,
    remove_statement,
    repair_corpus,
    validate_corpus,
)
from rhetoric.corpus import store as store_module
from rhetoric.errors import CorpusError, ImportRejectedError, ValidationError

LONG = "We will not give up territory unless the troops withdraw. " * 200


def _enospc_after(limit: int):
    """An ``os.write`` that writes at most ``limit`` bytes in all, then fails as a full disk does."""
    real_write = os.write
    budget = {"left": limit}

    def write(fd, data):
        if budget["left"] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        n = real_write(fd, bytes(data[: budget["left"]]))
        budget["left"] -= n
        return n

    return write


# -- full disk ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [0, 1, 100, 5000])
def test_full_disk_append_leaves_the_file_as_it_was(corpus: Corpus, monkeypatch, limit) -> None:
    add_statement(corpus, speaker="nato", date="2024", text="First.")
    before = corpus.statements_path.read_bytes()
    monkeypatch.setattr(store_module.os, "write", _enospc_after(limit))
    with pytest.raises(CorpusError, match=r"cannot write .*statements\.jsonl.*no space left.*free some disk"):
        add_statement(corpus, speaker="nato", date="2024", text=LONG)
    monkeypatch.undo()
    assert corpus.statements_path.read_bytes() == before
    # ... and the corpus still takes new statements.
    assert add_statement(corpus, speaker="nato", date="2024", text=LONG).added
    assert validate_corpus(corpus).ok


def test_full_disk_on_replace_keeps_the_old_file_and_no_temp(corpus: Corpus, monkeypatch, write_file) -> None:
    add_statement(corpus, speaker="nato", date="2024", text="First.")
    before = corpus.statements_path.read_bytes()
    rows = write_file("rows.csv", "speaker,date,text\nnato,2024,Second.\n")

    def replace(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module.os, "replace", replace)
    with pytest.raises(CorpusError, match="no space left"):
        import_file(corpus, rows)
    sid = corpus.statements()[0].id
    with pytest.raises(CorpusError, match="no space left"):
        remove_statement(corpus, sid)
    assert corpus.statements_path.read_bytes() == before
    assert [p.name for p in corpus.path.iterdir() if p.name.endswith(".tmp")] == []


# -- a torn last line (a kill in the middle of a write) -----------------------------------------------


def test_repair_cuts_only_the_incomplete_last_line(corpus: Corpus) -> None:
    add_statement(corpus, speaker="nato", date="2024", text="First.")
    whole = corpus.statements_path.read_bytes()
    with open(corpus.statements_path, "ab") as fh:
        fh.write(b'{"id": "s-0123456789ab", "speaker": "na')
    with pytest.raises(CorpusError, match=r"incomplete line .*validate --repair"):
        add_statement(corpus, speaker="nato", date="2024", text="Second.")
    assert repair_corpus(corpus, dry_run=True).removed.startswith(b'{"id": "s-0123')
    assert corpus.statements_path.read_bytes() != whole  # a dry run changes nothing
    result = repair_corpus(corpus)
    assert (result.line, result.done) == (2, True)
    assert corpus.statements_path.read_bytes() == whole
    assert not repair_corpus(corpus).needed
    assert add_statement(corpus, speaker="nato", date="2024", text="Second.").added


def test_repair_leaves_a_whole_last_line_without_newline(corpus: Corpus) -> None:
    add_statement(corpus, speaker="nato", date="2024", text="First.")
    corpus.statements_path.write_bytes(corpus.statements_path.read_bytes().rstrip(b"\n"))
    assert not repair_corpus(corpus).needed
    assert len(corpus.statements()) == 1


# -- symbolic links ----------------------------------------------------------------------------------


@pytest.fixture
def linked(corpus: Corpus, tmp_path: Path) -> tuple[Corpus, Path]:
    """A corpus whose statements.jsonl is a symbolic link to a file elsewhere."""
    target = tmp_path / "elsewhere" / "real.jsonl"
    target.parent.mkdir()
    target.write_bytes(b"")
    corpus.statements_path.unlink()
    corpus.statements_path.symlink_to(target)
    return corpus, target


def test_symlinked_statements_stay_one_file(linked, write_file) -> None:
    corpus, target = linked
    first = add_statement(corpus, speaker="nato", date="2024", text="First.").statement
    import_file(corpus, write_file("rows.csv", "speaker,date,text\nnato,2024,Second.\nnato,2024,Third.\n"))
    remove_statement(corpus, first.id)
    assert corpus.statements_path.is_symlink()
    assert os.path.realpath(corpus.statements_path) == str(target.resolve())
    texts = [json.loads(line)["text"] for line in target.read_text().splitlines()]
    assert texts == ["Second.", "Third."]
    assert [s.text for s in corpus.statements()] == texts


def test_broken_symlink_is_named(corpus: Corpus, tmp_path: Path) -> None:
    corpus.statements_path.unlink()
    corpus.statements_path.symlink_to(tmp_path / "gone.jsonl")
    with pytest.raises(CorpusError, match="is missing \\(a broken symbolic link\\)"):
        corpus.require()


# -- lookups that do not depend on key order ----------------------------------------------------------


def _reorder_keys(corpus: Corpus) -> None:
    lines = corpus.statements_path.read_text(encoding="utf-8").splitlines()
    out = [json.dumps(dict(reversed(list(json.loads(line).items()))), ensure_ascii=False) for line in lines]
    corpus.statements_path.write_text("\n".join(out) + "\n", encoding="utf-8")


def test_duplicate_check_ignores_key_order(corpus: Corpus, write_file) -> None:
    first = add_statement(corpus, speaker="nato", date="2024", text="First.").statement
    add_statement(corpus, speaker="nato", date="2024", text="Second.")
    _reorder_keys(corpus)
    assert corpus.contains_id(first.id)
    assert len(corpus.ids()) == 2
    assert not add_statement(corpus, speaker="nato", date="2024", text="First.").added
    result = import_file(corpus, write_file("rows.csv", "speaker,date,text\nnato,2024,Second.\n"))
    assert result.summary() == "added 0, duplicates 1, rejected 0"
    assert validate_corpus(corpus).ok
    assert remove_statement(corpus, first.id).id == first.id
    assert len(corpus.statements()) == 1


def test_id_quoted_in_a_text_is_not_a_stored_id(corpus: Corpus) -> None:
    add_statement(corpus, speaker="nato", date="2024", text='See "s-0123456789ab" above.')
    add_statement(corpus, speaker="nato", date="2024", text="s-0123456789ab")
    assert not corpus.contains_id("s-0123456789ab")


# -- hostile lines -----------------------------------------------------------------------------------

DEEP = "[" * 10_000 + "]" * 10_000


def test_deeply_nested_line_in_the_corpus_is_a_problem_not_a_crash(corpus: Corpus) -> None:
    add_statement(corpus, speaker="nato", date="2024", text="First.")
    with open(corpus.statements_path, "a", encoding="utf-8") as fh:
        fh.write('{"id": ' + DEEP + "}\n")
    report = validate_corpus(corpus)
    assert [p.line for p in report.problems] == [2]
    assert "nested too deeply" in str(report.problems[0])
    with pytest.raises(ValidationError, match=r"statements\.jsonl:2: JSON nested too deeply"):
        corpus.statements()


def test_deeply_nested_import_row_is_rejected(corpus: Corpus, write_file) -> None:
    rows = write_file("rows.jsonl", '{"speaker": "nato", "date": "2024", "text": "ok"}\n' + DEEP + "\n")
    with pytest.raises(ImportRejectedError) as info:
        import_file(corpus, rows)
    assert [str(p) for p in info.value.problems] == [
        f"{rows}:2: JSON nested too deeply to read (a statement is one flat object)"
    ]
    assert corpus.statements_path.read_bytes() == b""


def test_lone_surrogate_is_rejected_before_writing(corpus: Corpus, write_file) -> None:
    rows = write_file("rows.jsonl", '{"speaker": "nato", "date": "2024", "text": "bad \\ud800 text"}\n')
    with pytest.raises(ImportRejectedError) as info:
        import_file(corpus, rows)
    assert "[text] contains a character that is not valid Unicode" in str(info.value.problems[0])
    with pytest.raises(ValidationError, match=r"\[speaker\] contains a character"):
        add_statement(corpus, speaker="nat\udcff", date="2024", text="ok")
    assert corpus.statements_path.read_bytes() == b""


def test_repeated_csv_column_is_rejected(corpus: Corpus, write_file) -> None:
    rows = write_file("rows.csv", "speaker,date,text,speaker\nnato,2024,Hello.,putin\n")
    with pytest.raises(ValidationError, match=r"rows\.csv:1: repeated column\(s\): 'speaker'"):
        import_file(corpus, rows)
    assert corpus.statements_path.read_bytes() == b""


# -- odd folders -------------------------------------------------------------------------------------


def test_corpus_path_that_is_a_file(tmp_path: Path) -> None:
    f = tmp_path / "statements.jsonl"
    f.write_text("")
    with pytest.raises(CorpusError, match="is a file, not a folder"):
        Corpus(f).require()


def test_statements_path_that_is_a_folder(corpus: Corpus) -> None:
    corpus.statements_path.unlink()
    corpus.statements_path.mkdir()
    with pytest.raises(CorpusError, match="statements.jsonl' is a folder, not a file"):
        add_statement(corpus, speaker="nato", date="2024", text="First.")


def test_lock_file_that_cannot_be_created(corpus: Corpus, monkeypatch) -> None:
    from filelock import FileLock

    def refuse(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", self.lock_file)

    monkeypatch.setattr(FileLock, "acquire", refuse)
    with pytest.raises(
        CorpusError, match=r"cannot create the lock file .*permission denied \(the corpus folder"
    ):
        add_statement(corpus, speaker="nato", date="2024", text="First.")
