"""Local engine: ``--jobs N`` gives byte-identical output to one process, in chunks, in order."""

from __future__ import annotations

import gc
import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.corpus.store import Corpus
from rhetoric.engine import Engine, EngineKind, current_engine, resolve_jobs, use_engine
from rhetoric.engine.local import (
    AnalyzerRecipe,
    _parallel_chunks,
    analyze_chunk,
    analyze_statements,
    loads_paused,
    pack_analyses,
    tag_chunk,
    tag_statements,
    unpack_analyses,
)
from rhetoric.errors import NotFoundError, UsageError
from rhetoric.session import analyze_all

runner = CliRunner()


def test_two_processes_analyse_exactly_as_one(generated: Path, monkeypatch) -> None:
    monkeypatch.setenv("RHETORIC_CACHE", "0")  # both runs analyse every statement
    with use_engine(Engine(jobs=1)):
        one = analyze_all(generated)
    with use_engine(Engine(jobs=2, chunk_size=13)):
        two = analyze_all(generated)
    assert len(one.analyses) == 120
    assert two.analyses == one.analyses
    assert two.timelines == one.timelines


def test_progress_counts_every_statement_in_order(generated: Path, monkeypatch) -> None:
    monkeypatch.setenv("RHETORIC_CACHE", "0")
    seen: list[tuple[int, int]] = []
    with use_engine(Engine(jobs=2, chunk_size=50)):
        analyze_all(generated, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(d, 120) for d in range(1, 121)]


def test_tagging_in_two_processes_keeps_statement_order(generated: Path) -> None:
    statements = Corpus(generated).statements()
    recipe = AnalyzerRecipe.of(generated)
    pairs = list(tag_statements(statements, recipe=recipe, engine=Engine(jobs=2, chunk_size=17)))
    tagger = recipe.build().tagger
    assert [s for s, _ in pairs] == statements
    assert [m for _, m in pairs] == [tagger.tag(s.text, statement_id=s.id) for s in statements]


@pytest.mark.parametrize(
    ("engine", "n", "parallel"),
    [
        (Engine(jobs=1, chunk_size=2), 10, False),  # one process asked
        (Engine(jobs=2, chunk_size=10), 10, False),  # one chunk: a pool would only cost
        (Engine(jobs=2, chunk_size=10), 11, True),
        (Engine(jobs=2, chunk_size=10), 0, False),
    ],
)
def test_a_pool_starts_only_for_two_chunks_or_more(engine: Engine, n: int, parallel: bool) -> None:
    got, chunks = _parallel_chunks(range(n), engine)
    assert got is parallel
    assert [x for chunk in chunks for x in chunk] == list(range(n))


def test_unknown_id_fails_in_parallel_too(generated: Path) -> None:
    corpus = Corpus(generated)
    from rhetoric.engine.local import select_statements

    with pytest.raises(NotFoundError, match="no statement 's-nope'"):
        list(select_statements(corpus, ["s-nope"]))


@pytest.mark.parametrize(("jobs", "expected"), [(1, 1), (3, 3)])
def test_resolve_jobs(jobs: int, expected: int) -> None:
    assert resolve_jobs(jobs) == expected


def test_zero_jobs_means_every_core() -> None:
    assert resolve_jobs(0) == resolve_jobs(None) >= 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"jobs": -1}, "--jobs must be 0"),
        ({"chunk_size": 0}, "chunk size must be positive"),
        ({"scheduler": "tcp://x:8786"}, "--scheduler needs --engine dask"),
    ],
)
def test_bad_engine_choices_fail(kwargs: dict, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        Engine(**kwargs)


def test_use_engine_sets_and_restores_the_current_engine() -> None:
    assert current_engine().in_process
    with use_engine(Engine(jobs=2)) as e:
        assert current_engine() is e
    assert current_engine().in_process
    assert Engine(kind=EngineKind.DASK).describe().startswith("dask (local cluster")


def test_in_process_uses_the_given_analyzer(generated: Path) -> None:
    statements = Corpus(generated).statements()[:3]
    recipe = AnalyzerRecipe.of(generated)
    analyzer = recipe.build()
    got = list(analyze_statements(statements, recipe=recipe, engine=Engine(), analyzer=analyzer))
    assert got == [analyzer.analyze(s) for s in statements]


# --- CLI: every analysing command, --jobs 2 against --jobs 1, byte for byte -------------------


@pytest.mark.parametrize(
    "args",
    [
        ["tag", "--all", "--format", "json"],
        ["tag", "--all", "--format", "csv"],
        ["frames", "--all", "--format", "csv"],
        ["stances", "--all", "--format", "json"],
    ],
)
def test_cli_output_with_two_jobs_is_byte_identical(generated: Path, args: list[str], monkeypatch) -> None:
    monkeypatch.setenv("RHETORIC_CHUNK_SIZE", "16")
    base = [*args, "--corpus", str(generated)]
    one = runner.invoke(app, [*base, "--jobs", "1"])
    two = runner.invoke(app, [*base, "--jobs", "2"])
    assert one.exit_code == 0, one.output
    assert two.exit_code == 0, two.output
    assert len(one.stdout) > 1000
    assert two.stdout == one.stdout


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize(
    "args",
    [
        ["export", "all", "--format", "csv"],
        ["export", "all", "--format", "jsonl"],
        ["report"],
    ],
)
def test_written_files_with_two_jobs_are_byte_identical(
    generated: Path, args: list[str], tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("RHETORIC_CHUNK_SIZE", "16")
    monkeypatch.setenv("RHETORIC_CACHE", "0")  # both runs analyse every statement
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = runner.invoke(app, [*args, "--out", str(out), "--corpus", str(generated), "--jobs", jobs])
        assert result.exit_code == 0, result.output
        outs.append(_files(out))
    assert outs[0] and outs[1] == outs[0]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["report", "--jobs", "-2"], 2, "Input should be greater than or equal to 0"),
        (["report", "--scheduler", "tcp://h:8786"], 2, "--scheduler needs --engine dask"),
        (["tag", "--all", "--engine", "spark"], 2, "'spark' is not one of"),
    ],
)
def test_bad_engine_options_exit_2(
    args: list[str], code: int, message: str, generated: Path, tmp_path
) -> None:
    result = runner.invoke(app, [*args, "--corpus", str(generated)])
    assert result.exit_code == code
    assert message in result.output


def test_bad_chunk_size_environment_is_one_error_line(generated: Path, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("RHETORIC_CHUNK_SIZE", "many")
    result = runner.invoke(app, ["export", "all", "--out", str(tmp_path), "--corpus", str(generated)])
    assert result.exit_code == 2
    assert "RHETORIC_CHUNK_SIZE must be a positive number of statements, got 'many'" in result.output


# --- results travel packed: without the statement the parent already holds ---------------------


def _analysed(generated: Path, n: int = 40):
    statements = Corpus(generated).statements()[:n]
    analyzer = AnalyzerRecipe.of(generated).build()
    return statements, [analyzer.analyze(s) for s in statements]


def test_packed_analyses_come_back_equal_with_the_senders_statements(generated: Path) -> None:
    statements, analyses = _analysed(generated)
    got = unpack_analyses(pack_analyses(statements, analyses), statements)
    assert got == analyses
    assert all(a.statement is s and a.text is s.text for a, s in zip(got, statements, strict=True))


def test_packed_analyses_leave_the_statements_out(generated: Path) -> None:
    statements, analyses = _analysed(generated)
    whole = len(pickle.dumps(analyses, protocol=pickle.HIGHEST_PROTOCOL))
    packed = len(pack_analyses(statements, analyses))
    assert packed < 0.7 * whole
    texts = sum(len(s.text.encode()) for s in statements)
    assert whole - packed > texts  # at least every text (sent twice in a whole analysis) is saved


@pytest.mark.parametrize(
    "change",
    [
        lambda a: replace(a, statement=None),  # an analysis of free text
        lambda a: replace(a, statement=replace(a.statement, speaker="someone-else")),
        lambda a: replace(a, text=a.text.upper()),
    ],
)
def test_an_analysis_not_carrying_its_statement_travels_whole(generated: Path, change) -> None:
    statements, analyses = _analysed(generated, 5)
    analyses[2] = change(analyses[2])
    got = unpack_analyses(pack_analyses(statements, analyses), statements)
    assert got == analyses
    assert got[2].statement == analyses[2].statement
    assert got[2].text == analyses[2].text


@pytest.mark.parametrize("n_results", [4, 6])
def test_packing_refuses_results_that_do_not_match_the_statements(generated: Path, n_results: int) -> None:
    statements, analyses = _analysed(generated, 5)
    with pytest.raises(ValueError, match="zip"):
        pack_analyses(statements, (analyses * 2)[:n_results])
    with pytest.raises(ValueError, match="zip"):
        unpack_analyses(pack_analyses(statements, analyses), (statements * 2)[:n_results])


def test_unpacking_restores_the_garbage_collector(generated: Path) -> None:
    statements, analyses = _analysed(generated, 3)
    blob = pack_analyses(statements, analyses)
    assert gc.isenabled()
    unpack_analyses(blob, statements)
    assert gc.isenabled()
    gc.disable()
    try:
        unpack_analyses(blob, statements)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_a_chunk_sent_pickled_to_dask_runs_as_the_chunk(generated: Path) -> None:
    from rhetoric.engine.dask import run_pickled

    statements = Corpus(generated).statements()[:7]
    recipe = AnalyzerRecipe.of(generated)
    blob = pickle.dumps(statements)
    assert loads_paused(run_pickled(tag_chunk, recipe, blob)) == loads_paused(tag_chunk(recipe, statements))
    assert unpack_analyses(run_pickled(analyze_chunk, recipe, blob), statements) == [
        recipe.build().analyze(s) for s in statements
    ]
