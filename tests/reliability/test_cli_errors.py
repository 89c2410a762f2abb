"""The CLI edge: every failure is one `Error:` line (path and fix), exit 1; a closed pipe is quiet."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.corpus import Corpus, add_statement, add_statements, init_corpus
from rhetoric.corpus import store as store_module


@pytest.fixture
def cli():
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return run


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    c = init_corpus(tmp_path / "c")
    add_statement(c, speaker="nato", date="2024", text="First.")
    return c


def _one_error(result, expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr == f"Error: {expected}\n"
    assert "Traceback" not in result.output


def test_full_disk_on_add(cli, corpus: Corpus, monkeypatch) -> None:
    before = corpus.statements_path.read_bytes()

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module.os, "write", full)
    result = cli(
        "add", "--text", "Second.", "--speaker", "nato", "--date", "2024", "--corpus", str(corpus.path)
    )
    _one_error(
        result,
        f"cannot write {str(corpus.statements_path)!r}: no space left on device "
        "(free some disk space and retry; the corpus is unchanged)",
    )
    assert corpus.statements_path.read_bytes() == before


def test_export_out_onto_a_file(cli, corpus: Corpus, tmp_path: Path) -> None:
    target = tmp_path / "exports.csv"
    target.write_text("keep")
    result = cli("export", "--out", str(target), "--corpus", str(corpus.path))
    _one_error(
        result,
        f"output folder {str(target)!r} is a file "
        "(pass a folder to --out (it is created if missing), or move the file away)",
    )
    assert target.read_text() == "keep"


def test_actors_file_that_is_a_folder(cli, corpus: Corpus) -> None:
    corpus.actors_path.unlink()
    corpus.actors_path.mkdir()
    result = cli(
        "add", "--text", "Second.", "--speaker", "nato", "--date", "2024", "--corpus", str(corpus.path)
    )
    _one_error(
        result,
        f"{str(corpus.actors_path)!r}: is a directory "
        "(a folder stands where a file is expected; move it away or choose another path)",
    )


def test_any_os_error_is_one_line(cli, corpus: Corpus, monkeypatch) -> None:
    import rhetoric.cli.corpus_cmds as cmds

    def boom(*args, **kwargs):
        raise OSError(errno.ENAMETOOLONG, "File name too long", "x" * 300)

    monkeypatch.setattr(cmds, "list_statements", boom)
    result = cli("list", "--corpus", str(corpus.path))
    _one_error(result, f"{'x' * 300!r}: file name too long (use a shorter file name)")


def test_deeply_nested_toml_codebook(cli, tmp_path: Path) -> None:
    path = tmp_path / "codebook.toml"
    path.write_text("x = " + "[" * 10_000 + "]" * 10_000 + "\n")
    result = cli("codebook", "check", "--codebook", str(path))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.startswith("Error: ")
    assert result.stderr.count("\n") <= 2


def test_deeply_nested_statement_line(cli, corpus: Corpus) -> None:
    with open(corpus.statements_path, "a") as fh:
        fh.write('{"id": ' + "[" * 10_000 + "]" * 10_000 + "}\n")
    result = cli("list", "--corpus", str(corpus.path))
    _one_error(
        result,
        f"{str(corpus.statements_path)}:2: JSON nested too deeply to read (a statement is one flat object)",
    )


def test_validate_repair_asks_then_cuts(cli, corpus: Corpus) -> None:
    whole = corpus.statements_path.read_bytes()
    with open(corpus.statements_path, "ab") as fh:
        fh.write(b'{"id": "s-01')
    refused = cli("validate", "--repair", "--corpus", str(corpus.path), input="n\n")
    assert refused.exit_code == 1
    assert 'line 2 is incomplete: \'{"id": "s-01\'' in refused.stderr
    assert corpus.statements_path.read_bytes() != whole
    done = cli("validate", "--repair", "--corpus", str(corpus.path), input="y\n")
    assert done.exit_code == 0, done.output
    assert "repaired: removed incomplete line 2 (12 bytes)" in done.stderr
    assert done.stdout.endswith(f"ok: 1 statements in {corpus.statements_path}\n")
    assert corpus.statements_path.read_bytes() == whole


# -- real processes: invalid bytes in arguments, a closed pipe -----------------------------------------


def _run(args: list[bytes | str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rhetoric", *args], capture_output=True, timeout=300, **kwargs
    )


def test_invalid_utf8_argument(corpus: Corpus) -> None:
    proc = _run(
        [
            b"add",
            b"--text",
            b"bad \xff byte",
            b"--speaker",
            b"nato",
            b"--date",
            b"2024",
            b"--corpus",
            str(corpus.path).encode(),
        ]
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith(b"Error: [text] contains a character that is not valid Unicode text")
    assert proc.stderr.count(b"\n") == 1
    assert len(corpus.statements()) == 1


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    c = init_corpus(tmp_path / "big")
    add_statements(
        c, [{"speaker": "nato", "date": "2024", "text": f"Statement {i} " + "x" * 200} for i in range(3000)]
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "rhetoric", "list", "--format", "csv", "--corpus", str(c.path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    stderr = proc.stderr.read()
    assert proc.wait(timeout=300) == 0
    assert stderr == b""
