"""Timeline cache and the incremental shift stage: same output as a rebuild, work only where statements changed."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rhetoric.cli import app
from rhetoric.corpus import add_statement
from rhetoric.corpus.remove import remove_statement
from rhetoric.corpus.store import Corpus
from rhetoric.engine import timelines as timelines_module
from rhetoric.engine.cache import CACHE_DIR
from rhetoric.engine.timelines import TimelineCache
from rhetoric.session import Session
from rhetoric.shifts import timeline as timeline_module
from rhetoric.shifts.timeline import Timeline, timeline

from .conftest import decoded_whole, generate_corpus, report_files, timeline_file

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return generate_corpus(tmp_path / "c", 60)


def _same(a: Timeline, b: Timeline) -> None:
    """Equal timelines, down to what equality leaves out (a shift's per-tag states)."""
    assert a == b
    assert [s.to_dict() for s in a.shifts] == [s.to_dict() for s in b.shifts]
    assert [p.texts for p in a.positions] == [p.texts for p in b.positions]


def _outputs(corpus: Path, out: Path) -> dict[str, bytes]:
    """Report (Markdown and HTML) and every export, as bytes by file name."""
    for args in (
        ["report", "--out", str(out / "report")],
        ["export", "all", "--format", "csv", "--out", str(out / "csv")],
        ["export", "all", "--format", "jsonl", "--out", str(out / "jsonl")],
    ):
        result = runner.invoke(app, [*args, "--corpus", str(corpus)])
        assert result.exit_code == 0, result.output
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _without_cache(corpus: Path, out: Path, monkeypatch) -> dict[str, bytes]:
    with monkeypatch.context() as m:
        m.setenv("RHETORIC_CACHE", "0")
        return _outputs(corpus, out)


def _count_calls(monkeypatch, module, name: str) -> list[int]:
    calls: list[int] = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


# -- the hook in the shift stage: timeline(previous=) gives what a rebuild gives --------------------


def _analyses(corpus: Path, speaker: str):
    session = Session.open(corpus)
    return session, session.analyze(session.select(speakers=[speaker]))


@pytest.mark.parametrize("change", ["added", "removed", "edited", "reordered", "unchanged"])
def test_timeline_with_previous_equals_a_rebuild(corpus: Path, change: str) -> None:
    session, analyses = _analyses(corpus, "zelensky")
    opposites, scales = session.analyzer.opposites, session.analyzer.scales
    old = timeline(
        analyses[:-1] if change == "added" else analyses,
        speaker="zelensky",
        opposites=opposites,
        scales=scales,
    )
    now = list(analyses)
    if change == "removed":
        now = now[1:]
    elif change == "edited":
        other = now[-1]
        now[0] = type(now[0])(
            other.text, other.mentions, other.frames, other.stances, now[0].statement, other.commitment
        )
    elif change == "reordered":
        now.reverse()
    rebuilt = timeline(now, speaker="zelensky", opposites=opposites, scales=scales)
    _same(timeline(now, speaker="zelensky", opposites=opposites, scales=scales, previous=old), rebuilt)


def test_only_the_new_statement_is_read_and_compared(corpus: Path, monkeypatch) -> None:
    session, analyses = _analyses(corpus, "zelensky")
    old = timeline(analyses[:-1], speaker="zelensky")
    positions = _count_calls(monkeypatch, timeline_module, "position_of")
    shifts = _count_calls(monkeypatch, timeline_module, "compare_positions")
    new = timeline(analyses, speaker="zelensky", previous=old)
    # The new statement's own position, and of the occasions of several statements only its own and
    # its two neighbours' (next to a shift not known before); at most the two shifts around it.
    new_id = analyses[-1].statement.id
    k = next(i for i, o in enumerate(new.occasions) if any(new.analyses[j].statement.id == new_id for j in o))
    near = [o for o in new.occasions[max(k - 1, 0) : k + 2] if len(o) > 1]
    assert len(positions) <= 1 + len(near)
    assert len(shifts) <= 2
    assert len(shifts) < len(new.shifts)


def test_occasions_of_several_statements_away_from_the_new_one_are_not_read_again(
    corpus: Path, monkeypatch
) -> None:
    session, analyses = _analyses(corpus, "zelensky")
    paired = []
    for i, a in enumerate(analyses[:-1]):  # every earlier statement with a twin: occasions of two
        s = replace(a.statement, occasion=f"occasion {i}")
        paired += [replace(a, statement=s), replace(a, statement=replace(s, id=s.id + "-twin"))]
    old = timeline(paired, speaker="zelensky")
    positions = _count_calls(monkeypatch, timeline_module, "position_of")
    new = timeline([*paired, analyses[-1]], speaker="zelensky", previous=old)
    assert len(new.occasions) == len(analyses) > 4
    assert len(positions) <= 1 + 2  # the new statement's, and at most the two occasions beside it
    _same(new, timeline([*paired, analyses[-1]], speaker="zelensky"))


def test_a_previous_timeline_of_someone_else_is_not_reused(corpus: Path) -> None:
    session, analyses = _analyses(corpus, "zelensky")
    other = timeline(analyses, speaker="someone else")
    _same(timeline(analyses, speaker="zelensky", previous=other), timeline(analyses, speaker="zelensky"))


def test_a_party_timeline_with_previous_equals_a_rebuild(corpus: Path) -> None:
    session = Session.open(corpus)
    analyses = session.analyze(session.select())
    old = timeline(analyses[:-3], speaker="p", party="p")
    _same(
        timeline(analyses, speaker="p", party="p", previous=old), timeline(analyses, speaker="p", party="p")
    )


# -- the cache beside the corpus: byte-identical output, work only where something changed ----------


def test_report_and_exports_after_an_add_equal_a_run_without_cache(
    corpus: Path, tmp_path, monkeypatch
) -> None:
    _outputs(corpus, tmp_path / "warm")  # fills both caches
    add_statement(Corpus(corpus), speaker="zelensky", date="2026-02", text="We want a ceasefire, then talks.")
    built = _count_calls(monkeypatch, timelines_module, "build_timeline")
    cached = _outputs(corpus, tmp_path / "cached")
    # report, csv and json: zelensky's cached timeline extended by the new statement once (format 3;
    # it was rebuilt once before), then read back
    assert built == []
    assert len(cached) >= 8
    assert cached == _without_cache(corpus, tmp_path / "plain", monkeypatch)


def test_after_a_removal_and_an_edit_the_output_equals_a_run_without_cache(
    corpus: Path, tmp_path, monkeypatch
) -> None:
    _outputs(corpus, tmp_path / "warm")
    statements = Corpus(corpus).statements()
    remove_statement(Corpus(corpus), statements[3].id)
    path = corpus / "statements.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows[5]["source"] = "Another paper"  # fields outside the id: the record digest changes
    for row in rows[6:12]:  # same occasion: read together now
        row["occasion"] = "one long interview"
    rows[12]["note"] = "edited"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert _outputs(corpus, tmp_path / "cached") == _without_cache(corpus, tmp_path / "plain", monkeypatch)


@pytest.mark.parametrize("damage", ["crc", "torn", "garbage", "header", "truncated", "swapped"])
def test_a_damaged_timeline_cache_is_a_miss(corpus: Path, tmp_path, monkeypatch, damage: str) -> None:
    _outputs(corpus, tmp_path / "warm")
    path = timeline_file(corpus)
    header, *lines = path.read_bytes().split(b"\n")
    if damage == "crc":
        lines = [line[:-20] + b"0" * 20 if line else line for line in lines]
    elif damage == "torn":
        lines = [line[: len(line) // 2] for line in lines]
    elif damage == "garbage":
        lines = [b"x\ty\tz" for _ in lines]
    elif damage == "header":
        header = b"#rhetoric-timeline-cache 0 other"
    elif damage == "truncated":
        lines = lines[:1]
    else:  # each slot given another speaker's line: a valid line for other statements
        slots = [line.split(b"\t", 1) for line in lines if line]
        lines = [a[0] + b"\t" + b[1] for a, b in zip(slots, slots[1:] + slots[:1], strict=True)]
    path.write_bytes(b"\n".join([header, *lines]))
    add_statement(Corpus(corpus), speaker="putin", date="2026-03", text="Talks only if Kyiv drops NATO.")
    assert _outputs(corpus, tmp_path / "cached") == _without_cache(corpus, tmp_path / "plain", monkeypatch)


def test_an_unchanged_corpus_builds_no_timeline(corpus: Path, tmp_path, monkeypatch) -> None:
    _outputs(corpus, tmp_path / "warm")
    built = _count_calls(monkeypatch, timelines_module, "build_timeline")
    Session.open(corpus).corpus_analysis()
    assert built == []


def test_timelines_of_outside_analyses_are_not_cached(corpus: Path) -> None:
    session, analyses = _analyses(corpus, "zelensky")
    session.timeline_from(analyses, label="zelensky")
    assert not list((corpus / CACHE_DIR).glob("timelines-*.jsonl"))


def test_superseded_lines_are_compacted_away(corpus: Path) -> None:
    session = Session.open(corpus)
    session.corpus_analysis()
    for i in range(6):
        add_statement(Corpus(corpus), speaker="zelensky", date=f"2026-0{i + 1}", text="We want a ceasefire.")
        Session.open(corpus).corpus_analysis()
    path = timeline_file(corpus)
    store = TimelineCache.open(corpus, path.stem.split("-", 1)[1])
    live = sum(map(len, store._lines.values()))
    assert path.stat().st_size - live <= live + 200  # superseded bytes never outweigh live ones


def test_missing_cache_folder_is_rebuilt(corpus: Path, tmp_path, monkeypatch) -> None:
    _outputs(corpus, tmp_path / "warm")
    shutil.rmtree(corpus / CACHE_DIR)
    assert _outputs(corpus, tmp_path / "again") == _without_cache(corpus, tmp_path / "plain", monkeypatch)
    assert timeline_file(corpus).exists()


def test_party_timelines_after_an_add_equal_a_run_without_cache(corpus: Path, tmp_path, monkeypatch) -> None:
    actors = corpus / "actors.toml"
    text = actors.read_text(encoding="utf-8")
    for member in ("putin", "lavrov", "peskov"):
        text = text.replace(f"[actors.{member}]\n", f'[actors.{member}]\nparty = "kremlin"\n')
    actors.write_text(text, encoding="utf-8")

    def outputs(out: Path) -> dict[str, bytes]:
        for args in (
            ["report", "--party", "kremlin", "--out", str(out / "report")],
            ["export", "all", "--party", "kremlin", "--format", "csv", "--out", str(out / "csv")],
        ):
            result = runner.invoke(app, [*args, "--corpus", str(corpus)])
            assert result.exit_code == 0, result.output
        return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}

    outputs(tmp_path / "warm")
    add_statement(Corpus(corpus), speaker="lavrov", date="2026-02", text="Talks only if Kyiv drops NATO.")
    cached = outputs(tmp_path / "cached")
    with monkeypatch.context() as m:
        m.setenv("RHETORIC_CACHE", "0")
        assert cached == outputs(tmp_path / "plain")
    assert _outputs(corpus, tmp_path / "all") == _without_cache(corpus, tmp_path / "all-plain", monkeypatch)


def test_a_report_reads_unchanged_party_timelines_from_the_cache(corpus: Path, tmp_path, monkeypatch) -> None:
    from rhetoric.reports import collect

    actors = corpus / "actors.toml"
    text = actors.read_text(encoding="utf-8")
    for member in ("putin", "russia"):  # two members who speak in the corpus
        text = text.replace(f"[actors.{member}]\n", f'[actors.{member}]\nparty = "kremlin"\n')
    actors.write_text(text, encoding="utf-8")
    warm = _outputs(corpus, tmp_path / "warm")
    assert b"party-kremlin" in warm["report/c.html"]
    built = _count_calls(monkeypatch, timelines_module, "build_timeline")
    direct = _count_calls(monkeypatch, collect, "timeline")
    again = _outputs(corpus, tmp_path / "again")
    assert built == [] and direct == []  # (the party's timeline was built afresh by every report)
    assert again == warm
    add_statement(Corpus(corpus), speaker="putin", date="2026-02", text="Talks only if Kyiv drops NATO.")
    cached = _outputs(corpus, tmp_path / "cached")
    # putin's and the party's cached timelines extended once each (format 3; they were rebuilt once
    # each before), then read back
    assert built == [] and direct == []
    assert cached == _without_cache(corpus, tmp_path / "plain", monkeypatch)


# -- the report's summaries beside the timelines: an unchanged actor is not decoded -----------------


def test_a_report_after_an_add_decodes_only_the_touched_timeline(corpus: Path, tmp_path, monkeypatch) -> None:
    report_files(corpus, tmp_path / "warm")
    add_statement(Corpus(corpus), speaker="zelensky", date="2026-02", text="We want a ceasefire, then talks.")
    whole = decoded_whole(monkeypatch)
    cached = report_files(corpus, tmp_path / "cached")
    assert whole == ["zelensky"]  # the one to rebuild from; every other actor read from its summary
    again = report_files(corpus, tmp_path / "again")
    assert whole == ["zelensky"]  # and nothing at all once unchanged
    assert cached == again
    with monkeypatch.context() as m:
        m.setenv("RHETORIC_CACHE", "0")
        assert cached == report_files(corpus, tmp_path / "plain")


def _rewrite_summaries(path: Path, change) -> None:
    """Every line's summary replaced by ``change(summary)``, its CRC made right again."""
    import zlib

    import orjson

    header, *lines = path.read_bytes().split(b"\n")
    out = [header]
    for line in lines:
        if line:
            slot, _, payload = line.split(b"\t", 2)
            row = orjson.loads(payload)
            row[-1] = change(row[-1])
            payload = orjson.dumps(row)
            line = b"%s\t%d\t%s" % (slot, zlib.crc32(payload), payload)
        out.append(line)
    path.write_bytes(b"\n".join(out))


@pytest.mark.parametrize("damage", ["torn", "wrong-shape", "absent"])
def test_a_damaged_or_absent_summary_is_rebuilt(corpus: Path, tmp_path, monkeypatch, damage: str) -> None:
    report_files(corpus, tmp_path / "warm")
    change = {
        "torn": lambda s: s[: len(s) // 2],
        "wrong-shape": lambda s: [s[0], "yes", *s[2:]],
        "absent": lambda s: None,  # as a run that keeps no summary writes a line
    }[damage]
    _rewrite_summaries(timeline_file(corpus), change)
    add_statement(Corpus(corpus), speaker="putin", date="2026-03", text="Talks only if Kyiv drops NATO.")
    cached = report_files(corpus, tmp_path / "cached")
    whole = decoded_whole(monkeypatch)
    assert report_files(corpus, tmp_path / "again") == cached
    assert whole == []  # the summaries were written again
    with monkeypatch.context() as m:
        m.setenv("RHETORIC_CACHE", "0")
        assert cached == report_files(corpus, tmp_path / "plain")


def test_a_timeline_read_with_its_summary_equals_the_plain_one(corpus: Path) -> None:
    import pickle

    from rhetoric.reports.summary import REPORT_SUMMARY

    session = Session.open(corpus)
    analyses = session.analyze(session.select(speakers=["zelensky"]))
    store = TimelineCache.open(corpus, "k")
    slot = store.slot("zelensky", party="", opposites=(), scales=())
    tl = timeline(analyses, speaker="zelensky")
    store.put(slot, tl, summary=REPORT_SUMMARY)
    lazy, _ = store.lookup(slot, analyses, summary=REPORT_SUMMARY)
    assert isinstance(lazy, timelines_module.LazyTimeline) and not lazy.decoded
    assert lazy.shift_at(-1) == tl.shifts[-1] and lazy.position_at(0) == tl.positions[0]
    assert lazy.n_shifts == len(tl.shifts) and not lazy.decoded
    assert pickle.loads(pickle.dumps(lazy)) == tl and type(pickle.loads(pickle.dumps(lazy))) is Timeline
    _same(lazy, tl)
    assert tl == lazy and hash(lazy) == hash(tl) and lazy.decoded
    plain, _ = store.lookup(slot, analyses)  # a reader without summaries gets the plain timeline
    assert type(plain) is Timeline and plain == tl


def test_a_folded_report_after_an_add_equals_a_run_without_cache(tmp_path, monkeypatch) -> None:
    corpus = generate_corpus(tmp_path / "big", 400)  # sections folded: period rows from the summary
    report_files(corpus, tmp_path / "warm")
    add_statement(Corpus(corpus), speaker="zelensky", date="2026-02", text="We want a ceasefire, then talks.")
    whole = decoded_whole(monkeypatch)
    cached = report_files(corpus, tmp_path / "cached")
    assert whole == []  # (format 3) the new statement is added to zelensky's cached timeline and summary
    assert b"shown as cards" in cached["big.html"]
    with monkeypatch.context() as m:
        m.setenv("RHETORIC_CACHE", "0")
        assert cached == report_files(corpus, tmp_path / "plain")
