"""Every command given a bad input: exactly one `Error: …` line (what, where, how to fix), exit 1,
no traceback, every corpus byte-identical afterwards.

The bad inputs: a missing corpus, a file given as the corpus, an unknown id, a bad date, a missing
file, a directory given as a file, invalid UTF-8, malformed TOML in codebook.toml / actors.toml and
malformed JSON. (An unreadable file cannot be made while tests run as root; a directory stands in.)
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app
from tests.conftest import SEED_CORPUS

REPO = Path(__file__).resolve().parents[2]
CORPORA = ("seed", "badcb", "badact", "utfact", "utfcb", "dircb", "utfst", "brokenst")


def _build(root: Path) -> None:
    for name in CORPORA:
        shutil.copytree(SEED_CORPUS, root / name, ignore=shutil.ignore_patterns(".cache", "gold", "*.joblib", "*.json"))
    (root / "adir").mkdir()
    (root / "bad.csv").write_bytes(b'speaker,date,text\nzelensky,2024-11-02,"caf\xe9 ceasefire"\n')
    (root / "bad.jsonl").write_bytes(b'{"id": "x", "text": "caf\xe9"}\n')
    (root / "bad.txt").write_bytes(b"caf\xe9 said")
    (root / "broken.jsonl").write_text("{broken\n")
    (root / "pairs.jsonl").write_text(
        '{"from": "c-1", "to": "c-2", "added": [], "dropped": [], "verdict_ok": ["softened"]}\n'
    )
    (root / "badcb" / "codebook.toml").write_text('[codebook\nname = "x"\n')
    (root / "badact" / "actors.toml").write_text("[actors\nzelensky = 1\n")
    (root / "utfact" / "actors.toml").write_bytes(b'[actors.zelensky]\nname = "caf\xe9"\n')
    (root / "utfcb" / "codebook.toml").write_bytes(b'[codebook]\nname = "caf\xe9"\n')
    (root / "dircb" / "codebook.toml").unlink()
    (root / "dircb" / "codebook.toml").mkdir()
    with open(root / "utfst" / "statements.jsonl", "ab") as fh:
        fh.write(b'{"x": "caf\xe9"}\n')
    with open(root / "brokenst" / "statements.jsonl", "a") as fh:
        fh.write("{broken\n")
    shutil.copy(REPO / "tests" / "codebook" / "data" / "mini.toml", root / "mini.toml")
    shutil.copy(REPO / "seeds" / "000_194b2d9dfd68f7ca.txt", root / "article.txt")


def _snapshot(root: Path) -> dict[str, str]:
    """Digest of every corpus file (the analysis cache and lock files aside)."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for name in CORPORA
        for p in sorted((root / name).rglob("*"))
        if p.is_file() and ".cache" not in p.parts and not p.name.endswith(".lock")
    }


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad-inputs")
    _build(root)
    return root


#: (case, arguments, the message after "Error: ") — run from the workspace folder.
CASES = [
    (
        'tag-unknown-id',
        ['tag', '--id', 's-000000000000', '--corpus', 'seed'],
        "no statement 's-000000000000' in 'seed/statements.jsonl' (list ids with `rhetoric list`)",
    ),
    (
        'tag-missing-corpus',
        ['tag', '--all', '--corpus', 'nosuch'],
        "codebook 'nosuch/codebook.toml' does not exist: there is no folder 'nosuch' (pass --corpus DIR (a folder made by `rhetoric init`) or --codebook PATH)",
    ),
    (
        'tag-corpus-is-a-file',
        ['tag', '--all', '--corpus', 'seed/statements.jsonl'],
        "codebook 'seed/statements.jsonl/codebook.toml' cannot exist: 'seed/statements.jsonl' is a file, not a folder (pass the corpus folder (the one holding statements.jsonl) as --corpus)",
    ),
    (
        'tag-codebook-dir',
        ['tag', 'x', '--codebook', 'adir'],
        "codebook 'adir' is a directory (pass the codebook.toml file)",
    ),
    (
        'tag-codebook-not-utf8',
        ['tag', 'x', '--corpus', 'utfcb'],
        "'utfcb/codebook.toml': [codebook] not UTF-8 (invalid continuation byte at byte 22) (fix it, then run `rhetoric codebook check`)",
    ),
    (
        'tag-codebook-bad-toml',
        ['tag', 'x', '--corpus', 'badcb'],
        "'badcb/codebook.toml': [codebook] invalid TOML: Expected ']' at the end of a table declaration (at line 1, column 10) (fix it, then run `rhetoric codebook check`)",
    ),
    (
        'kwic-missing-corpus',
        ['kwic', 'withdraw*', '--corpus', 'nosuch'],
        "corpus folder 'nosuch' does not exist (create it with `rhetoric init DIR` or pass --corpus)",
    ),
    (
        'kwic-unknown-tag',
        ['kwic', '@nosuchtag', '--corpus', 'seed', '--codebook', 'mini.toml'],
        "no tag 'nosuchtag' in codebook 'mini' (known tags: ceasefire, peace_deal)",
    ),
    (
        'init-onto-a-file',
        ['init', 'bad.txt'],
        "'bad.txt' is a file, not a folder (pass the name of a new folder)",
    ),
    (
        'add-bad-date',
        ['add', '--speaker', 'zelensky', '--date', '2024-13-45', '--text', 'hi', '--corpus', 'seed'],
        "[date] invalid date '2024-13-45': month 13 is not 1-12 (use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-12-01)",
    ),
    (
        'add-missing-corpus',
        ['add', '--speaker', 'zelensky', '--date', '2024', '--text', 'hi', '--corpus', 'nosuch'],
        "corpus folder 'nosuch' does not exist (create it with `rhetoric init DIR` or pass --corpus)",
    ),
    (
        'add-actors-bad-toml',
        ['add', '--speaker', 'zelensky', '--date', '2024', '--text', 'hi', '--corpus', 'badact'],
        "badact/actors.toml: cannot parse actors file: Expected ']' at the end of a table declaration (at line 1, column 8) (fix the TOML at that line)",
    ),
    (
        'import-missing-file',
        ['import', 'nosuch.csv', '--corpus', 'seed'],
        'nosuch.csv: file not found (check the path)',
    ),
    (
        'import-a-directory',
        ['import', 'adir', '--corpus', 'seed'],
        'adir: is a directory, not a file (pass the file to import)',
    ),
    (
        'import-not-utf8',
        ['import', 'bad.csv', '--corpus', 'seed'],
        "bad.csv: is not valid utf-8 text (byte 0xe9 at line 2) (pass --encoding with the file's encoding, e.g. --encoding cp1252 or --encoding latin-1)",
    ),
    (
        'list-bad-date',
        ['list', '--since', '2024-02-30', '--corpus', 'seed'],
        "[since] invalid date '2024-02-30': day 30 is not 1-29 (use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-12-01)",
    ),
    (
        'list-missing-corpus',
        ['list', '--corpus', 'nosuch'],
        "corpus folder 'nosuch' does not exist (create it with `rhetoric init DIR` or pass --corpus)",
    ),
    (
        'list-actors-bad-toml',
        ['list', '--speaker', 'zelensky', '--corpus', 'badact'],
        "badact/actors.toml: cannot parse actors file: Expected ']' at the end of a table declaration (at line 1, column 8) (fix the TOML at that line)",
    ),
    (
        'timeline-actors-not-utf8',
        ['timeline', '--speaker', 'zelensky', '--corpus', 'utfact'],
        'utfact/actors.toml: cannot parse actors file: not UTF-8 (invalid continuation byte at byte 29) (save it as UTF-8)',
    ),
    (
        'list-statements-not-utf8',
        ['list', '--corpus', 'utfst'],
        'utfst/statements.jsonl:14: not UTF-8 (invalid continuation byte at byte 10)',
    ),
    (
        'show-unknown-id',
        ['show', 's-000000000000', '--corpus', 'seed'],
        "seed/statements.jsonl: no statement with id 's-000000000000' (list ids with `rhetoric list`)",
    ),
    (
        'remove-unknown-id',
        ['remove', 's-000000000000', '--yes', '--corpus', 'seed'],
        "seed/statements.jsonl: no statement with id 's-000000000000' (list ids with `rhetoric list`)",
    ),
    (
        'validate-missing-corpus',
        ['validate', '--corpus', 'nosuch'],
        "corpus folder 'nosuch' does not exist (create it with `rhetoric init DIR` or pass --corpus)",
    ),
    (
        'extract-missing-file',
        ['extract', 'nosuch.txt', '--corpus', 'seed'],
        "article 'nosuch.txt' does not exist (check the path, or pass - to read stdin)",
    ),
    (
        'extract-a-directory',
        ['extract', 'adir', '--corpus', 'seed'],
        "adir: is a directory, not an article file (pass the article's text or HTML file)",
    ),
    (
        'extract-not-utf8',
        ['extract', 'bad.txt', '--corpus', 'seed'],
        'bad.txt: not UTF-8: byte 0xe9 at offset 3 cannot be decoded (convert it first, e.g. `iconv -f latin1 -t utf-8 bad.txt > bad.utf8.txt`)',
    ),
    (
        'extract-bad-date',
        ['extract', 'article.txt', '--date', '2024-99', '--corpus', 'seed'],
        "[--date] invalid date '2024-99': month 99 is not 1-12 (use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-12-01)",
    ),
    (
        'frames-unknown-id',
        ['frames', '--id', 's-000000000000', '--corpus', 'seed'],
        "no statement 's-000000000000' in 'seed/statements.jsonl' (list ids with `rhetoric list`)",
    ),
    (
        'frames-codebook-bad-toml',
        ['frames', 'x', '--corpus', 'badcb'],
        "'badcb/codebook.toml': [codebook] invalid TOML: Expected ']' at the end of a table declaration (at line 1, column 10) (fix it, then run `rhetoric codebook check`)",
    ),
    (
        'stances-missing-corpus',
        ['stances', '--all', '--corpus', 'nosuch'],
        "codebook 'nosuch/codebook.toml' does not exist: there is no folder 'nosuch' (pass --corpus DIR (a folder made by `rhetoric init`) or --codebook PATH)",
    ),
    (
        'train-gold-missing',
        ['train', '--gold', 'nosuch.jsonl', '--corpus', 'seed'],
        "gold file 'nosuch.jsonl' does not exist (write one with `rhetoric gold template`)",
    ),
    (
        'train-gold-directory',
        ['train', '--gold', 'adir', '--corpus', 'seed'],
        "gold file 'adir' is a directory (pass a gold JSONL file)",
    ),
    (
        'suggest-no-model',
        ['suggest', '--corpus', 'seed'],
        "no trained model in 'seed' (run `rhetoric train` first)",
    ),
    (
        'evaluate-gold-not-utf8',
        ['evaluate', 'bad.jsonl', '--corpus', 'seed'],
        'bad.jsonl: not UTF-8 (invalid continuation byte at byte 24) (save it as UTF-8)',
    ),
    (
        'evaluate-pairs-not-utf8',
        ['evaluate', '--pairs', 'bad.jsonl', '--corpus', 'seed'],
        'bad.jsonl: not UTF-8 (invalid continuation byte at byte 24) (save it as UTF-8)',
    ),
    (
        'evaluate-pairs-directory',
        ['evaluate', '--pairs', 'adir', '--corpus', 'seed'],
        "pairs file 'adir' is a directory (pass the pairs JSONL file)",
    ),
    (
        'evaluate-pairs-missing',
        ['evaluate', '--pairs', 'nosuch.jsonl', '--corpus', 'seed'],
        "no pairs file 'nosuch.jsonl' (check the path)",
    ),
    (
        'evaluate-statements-not-json',
        ['evaluate', '--pairs', 'pairs.jsonl', '--statements', 'broken.jsonl', '--corpus', 'seed'],
        'broken.jsonl:1: not JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)',
    ),
    (
        'agreement-directory',
        ['agreement', 'adir', 'adir', '--corpus', 'seed'],
        "gold file 'adir' is a directory (pass a gold JSONL file)",
    ),
    (
        'report-missing-corpus',
        ['report', '--corpus', 'nosuch'],
        "corpus folder 'nosuch' does not exist (create it with `rhetoric init DIR` or pass --corpus)",
    ),
    (
        'report-out-is-a-file',
        ['report', '--corpus', 'seed', '--out', 'bad.txt'],
        "output folder 'bad.txt' is a file (pass a folder to --out (it is created if missing), or move the file away)",
    ),
    (
        'report-codebook-bad-toml',
        ['report', '--corpus', 'badcb'],
        "'badcb/codebook.toml': [codebook] invalid TOML: Expected ']' at the end of a table declaration (at line 1, column 10) (fix it, then run `rhetoric codebook check`)",
    ),
    (
        'export-out-is-a-file',
        ['export', '--corpus', 'seed', '--out', 'bad.txt'],
        "output folder 'bad.txt' is a file (pass a folder to --out (it is created if missing), or move the file away)",
    ),
    (
        'export-statements-bad-json',
        ['export', '--corpus', 'brokenst', '--out', 'out'],
        'brokenst/statements.jsonl:14: malformed JSON: Expecting property name enclosed in double quotes at column 2',
    ),
    (
        'compare-unknown-id',
        ['compare', 's-000000000000', 's-134636953483', '--corpus', 'seed'],
        "no statement 's-000000000000' in 'seed/statements.jsonl' (list ids with `rhetoric list`)",
    ),
    (
        'compare-bad-date',
        ['compare', '--from-speaker', 'zelensky', '--until', '2024-13', '--since', '2025', '--corpus', 'seed'],
        "[until] invalid date '2024-13': month 13 is not 1-12 (use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-12-01)",
    ),
    (
        'timeline-unknown-speaker',
        ['timeline', '--speaker', 'nobody', '--corpus', 'seed'],
        "no statement of 'nobody' in 'seed/statements.jsonl' (list the speakers with `rhetoric list` or check the aliases in actors.toml)",
    ),
    (
        'timeline-actors-bad-toml',
        ['timeline', '--speaker', 'zelensky', '--corpus', 'badact'],
        "badact/actors.toml: cannot parse actors file: Expected ']' at the end of a table declaration (at line 1, column 8) (fix the TOML at that line)",
    ),
    (
        'codebook-show-bad-toml',
        ['codebook', 'show', '--corpus', 'badcb'],
        "'badcb/codebook.toml': [codebook] invalid TOML: Expected ']' at the end of a table declaration (at line 1, column 10) (fix it, then run `rhetoric codebook check`)",
    ),
    (
        'codebook-show-missing-corpus',
        ['codebook', 'show', '--corpus', 'nosuch'],
        "codebook 'nosuch/codebook.toml' does not exist: there is no folder 'nosuch' (pass --corpus DIR (a folder made by `rhetoric init`) or --codebook PATH)",
    ),
    (
        'codebook-check-directory',
        ['codebook', 'check', '--corpus', 'dircb'],
        "codebook 'dircb/codebook.toml' is a directory (pass the codebook.toml file)",
    ),
    (
        'gold-template-out-missing-folder',
        ['gold', 'template', '--corpus', 'seed', '--out', 'nosuch/coder.jsonl'],
        "cannot write 'nosuch/coder.jsonl': there is no folder 'nosuch' (create the folder first, or choose another --out)",
    ),
]


@pytest.mark.parametrize(("case", "args", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_one_error_line(workspace: Path, monkeypatch, case: str, args: list[str], message: str) -> None:
    monkeypatch.chdir(workspace)
    monkeypatch.setenv("COLUMNS", "80")
    before = _snapshot(workspace)
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert (result.exit_code, result.stderr) == (1, f"Error: {message}\n")
    assert "Traceback" not in result.output
    assert _snapshot(workspace) == before
    assert not (workspace / "out").exists() and not (workspace / "nosuch").exists()


def test_every_command_has_a_bad_input_case() -> None:
    from rhetoric.cli import COMMANDS

    covered = {args[0] for _, args, _ in CASES}
    assert set(COMMANDS) - covered == set()
