"""Analysis cache: reused while nothing changed, missed exactly where something did, never trusted over the corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rhetoric.analyzer import Analyzer
from rhetoric.corpus import add_statement
from rhetoric.corpus.store import Corpus
from rhetoric.engine import cache as cache_module
from rhetoric.engine.cache import CACHE_DIR, AnalysisCache, analyze_cached, cache_key, decode, encode
from rhetoric.session import analyze_all

from .conftest import generate_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return generate_corpus(tmp_path / "c", 40)


def _counting(analyzer: Analyzer):
    """A ``run`` for analyze_cached that records which statements it analysed."""
    seen: list[str] = []

    def run(todo):
        seen.extend(s.id for s in todo)
        return [analyzer.analyze(s) for s in todo]

    return run, seen


def _cache_files(corpus: Path) -> list[Path]:
    return sorted((corpus / CACHE_DIR).glob("analysis-*.jsonl"))


def test_second_run_analyses_nothing_and_gives_the_same_result(corpus: Path) -> None:
    analyzer = Analyzer.for_corpus(corpus)
    statements = Corpus(corpus).statements()
    run, seen = _counting(analyzer)
    first = analyze_cached(corpus, statements, analyzer, run)
    assert len(seen) == 40
    seen.clear()
    second = analyze_cached(corpus, statements, analyzer, run)
    assert seen == []
    assert second == first == [analyzer.analyze(s) for s in statements]


def test_one_added_statement_is_the_only_one_analysed(corpus: Path) -> None:
    analyze_all(corpus)
    result = add_statement(
        Corpus(corpus), speaker="zelensky", date="2025-01", text="We want a ceasefire now."
    )
    analyzer = Analyzer.for_corpus(corpus)
    run, seen = _counting(analyzer)
    analyze_cached(corpus, Corpus(corpus).statements(), analyzer, run)
    assert seen == [result.statement.id]


def test_an_edited_statement_misses(corpus: Path) -> None:
    analyzer = Analyzer.for_corpus(corpus)
    statements = Corpus(corpus).statements()
    analyze_cached(corpus, statements, analyzer, _counting(analyzer)[0])
    edited = [statements[0].__class__(**{**statements[0].__dict__, "date": "2001-01"}), *statements[1:]]
    run, seen = _counting(analyzer)
    out = analyze_cached(corpus, edited, analyzer, run)
    assert seen == [statements[0].id]
    assert out[0].statement.date == "2001-01"


@pytest.mark.parametrize("changed", ["codebook.toml", "actors.toml"])
def test_a_changed_codebook_or_actor_list_changes_the_key(corpus: Path, changed: str) -> None:
    before = cache_key(Analyzer.for_corpus(corpus), corpus / "actors.toml")
    path = corpus / changed
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after = cache_key(Analyzer.for_corpus(corpus), corpus / "actors.toml")
    assert after != before


def test_a_changed_rhetoric_code_or_version_changes_the_key(corpus: Path, monkeypatch) -> None:
    analyzer = Analyzer.for_corpus(corpus)
    before = cache_key(analyzer, corpus / "actors.toml")
    monkeypatch.setattr(cache_module, "code_digest", lambda: "other code")
    assert cache_key(analyzer, corpus / "actors.toml") != before
    monkeypatch.undo()
    import rhetoric

    monkeypatch.setattr(rhetoric, "__version__", "99.0", raising=False)
    assert cache_key(analyzer, corpus / "actors.toml") != before


def test_damaged_lines_are_misses_and_get_rewritten(corpus: Path) -> None:
    analyzer = Analyzer.for_corpus(corpus)
    statements = Corpus(corpus).statements()
    expected = analyze_cached(corpus, statements, analyzer, _counting(analyzer)[0])
    (path,) = _cache_files(corpus)
    lines = path.read_bytes().split(b"\n")
    lines[1] = lines[1][:-5] + b"xxxxx"  # payload changed: CRC no longer matches
    lines[2] = b"garbage"
    lines[3] = lines[3][: len(lines[3]) // 2]  # torn
    path.write_bytes(b"\n".join(lines))
    run, seen = _counting(analyzer)
    assert analyze_cached(corpus, statements, analyzer, run) == expected
    assert len(seen) == 3


def test_a_torn_last_line_does_not_swallow_the_next_append(corpus: Path) -> None:
    analyzer = Analyzer.for_corpus(corpus)
    statements = Corpus(corpus).statements()
    expected = analyze_cached(corpus, statements, analyzer, _counting(analyzer)[0])
    (path,) = _cache_files(corpus)
    data = path.read_bytes()
    path.write_bytes(data[: -len(data.rsplit(b"\n", 2)[1]) // 2 - 1])  # the last line cut short
    run, seen = _counting(analyzer)
    assert analyze_cached(corpus, statements, analyzer, run) == expected
    assert len(seen) == 1
    seen.clear()
    assert analyze_cached(corpus, statements, analyzer, run) == expected
    assert seen == []  # the line written again is whole


def test_a_cache_with_another_header_is_ignored(corpus: Path) -> None:
    analyzer = Analyzer.for_corpus(corpus)
    statements = Corpus(corpus).statements()
    analyze_cached(corpus, statements, analyzer, _counting(analyzer)[0])
    (path,) = _cache_files(corpus)
    path.write_bytes(b"#something else\n" + path.read_bytes().split(b"\n", 1)[1])
    run, seen = _counting(analyzer)
    analyze_cached(corpus, statements, analyzer, run)
    assert len(seen) == 40


def test_a_missing_cache_is_rebuilt_and_git_ignored(corpus: Path) -> None:
    analyze_all(corpus)
    shutil.rmtree(corpus / CACHE_DIR)
    analyze_all(corpus)
    assert len(_cache_files(corpus)) == 1
    assert (corpus / CACHE_DIR / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_removed_statements_are_compacted_away(corpus: Path) -> None:
    analyzer = Analyzer.for_corpus(corpus)
    statements = Corpus(corpus).statements()
    analyze_cached(corpus, statements, analyzer, _counting(analyzer)[0])
    analyze_cached(corpus, statements[:10], analyzer, _counting(analyzer)[0])  # 30 dead > 10 live
    (path,) = _cache_files(corpus)
    assert len(path.read_bytes().splitlines()) == 1 + 10


def test_a_report_on_some_speakers_keeps_the_others_lines(corpus: Path) -> None:
    analyze_all(corpus)
    speaker = Corpus(corpus).statements()[0].speaker
    analyze_all(corpus, speakers=[speaker])
    analyzer = Analyzer.for_corpus(corpus)
    run, seen = _counting(analyzer)
    analyze_cached(corpus, Corpus(corpus).statements(), analyzer, run)
    assert seen == []


def test_disabled_by_environment(corpus: Path, monkeypatch) -> None:
    monkeypatch.setenv("RHETORIC_CACHE", "0")
    analyze_all(corpus)
    assert not (corpus / CACHE_DIR).exists()


def test_a_read_only_corpus_still_analyses(corpus: Path, monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(corpus / CACHE_DIR))

    monkeypatch.setattr(AnalysisCache, "_write", refuse)
    assert len(analyze_all(corpus).analyses) == 40


def test_encode_decode_round_trip(corpus: Path) -> None:
    analyzer = Analyzer.for_corpus(corpus)
    for statement in Corpus(corpus).statements():
        a = analyzer.analyze(statement)
        assert decode(encode(a), statement) == a


@pytest.mark.parametrize(
    "payload", [b"[]", b"[[], [], []]", b'[[["x"]], [], [], "none"]', b"{}", b"[1,2,3,4]"]
)
def test_decode_rejects_wrong_shapes(corpus: Path, payload: bytes) -> None:
    statement = Corpus(corpus).statements()[0]
    with pytest.raises((ValueError, TypeError)):
        decode(payload, statement)


# -- lazily decoded analyses (a report decodes in full only the statements it shows) --------------


def _lazy(corpus: Path):
    analyzer = Analyzer.for_corpus(corpus)
    statements = Corpus(corpus).statements()
    plain = analyze_cached(corpus, statements, analyzer, _counting(analyzer)[0])
    run, seen = _counting(analyzer)
    lazy = analyze_cached(corpus, statements, analyzer, run, lazy=True)
    assert seen == []
    return analyzer, statements, plain, lazy


def test_lazy_analyses_equal_hash_print_and_pickle_as_plain_ones(corpus: Path) -> None:
    import pickle

    from rhetoric.engine.cache import CachedAnalysis, mention_tags
    from rhetoric.records import StatementAnalysis

    analyzer, statements, plain, lazy = _lazy(corpus)
    assert all(type(a) is CachedAnalysis for a in lazy)
    assert [mention_tags(a) for a in lazy] == [{m.tag for m in a.mentions} for a in plain]
    assert all("_payload" in a.__dict__ for a in lazy)  # counting the tags decoded nothing
    assert lazy == plain and plain == lazy
    assert [hash(a) for a in lazy] == [hash(a) for a in plain]
    assert [repr(a) for a in lazy] == [repr(a) for a in plain]
    back = pickle.loads(pickle.dumps(lazy))
    assert back == plain and all(type(a) is StatementAnalysis for a in back)
    assert lazy == [analyzer.analyze(s) for s in statements]


def test_a_lazy_analysis_that_does_not_decode_is_analysed_again(corpus: Path) -> None:
    analyzer = Analyzer.for_corpus(corpus)
    statements = Corpus(corpus).statements()
    expected = analyze_cached(corpus, statements, analyzer, _counting(analyzer)[0])
    (path,) = _cache_files(corpus)
    lines = path.read_bytes().split(b"\n")
    key, _, tags, _ = lines[1].split(b"\t", 3)
    payload = tags + b'\t[[["x"]],[],[],"none"]'  # a valid CRC, a payload of the wrong shape
    lines[1] = b"%s\t%d\t%s" % (key, cache_module.zlib.crc32(payload), payload)
    path.write_bytes(b"\n".join(lines))
    lazy = analyze_cached(corpus, statements, analyzer, _counting(analyzer)[0], lazy=True)
    from rhetoric.engine.cache import mention_tags

    damaged = next(a for a in lazy if f"{a.statement.id}:".encode() == key.split(b":")[0] + b":")
    assert mention_tags(damaged) == {m.tag for m in expected[lazy.index(damaged)].mentions}
    assert lazy == expected  # decoding fails: analysed again


def test_a_report_decodes_only_the_statements_it_shows(tmp_path: Path, monkeypatch) -> None:
    from rhetoric.reports.write import write_report

    corpus = generate_corpus(tmp_path / "big", 1000)
    write_report(corpus, out_dir=tmp_path / "warm")
    decoded: list[int] = []
    real = cache_module.decode
    monkeypatch.setattr(cache_module, "decode", lambda *a: decoded.append(1) or real(*a))
    write_report(corpus, out_dir=tmp_path / "again")
    # the cards (every statement of an actor of at most 50, else the latest and those beside the
    # detailed shifts): 346 here; every statement was decoded before
    assert 0 < len(decoded) < 500
    for name in ("big.html", "big.md"):
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "warm" / name).read_bytes()
