"""Timeline cache format 3: a timeline that gains statements at its end is extended in place by an
extension line (the new positions and shifts, and the report's summary carried on), never rebuilt
or decoded whole; the result equals a rebuild, and a damaged, torn, misplaced or stale extension
is a miss, never a wrong result."""

from __future__ import annotations

import zlib
from dataclasses import replace
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from rhetoric.corpus import add_statement
from rhetoric.corpus.store import Corpus
from rhetoric.engine import timelines as timelines_module
from rhetoric.engine.codec import encode
from rhetoric.engine.timelines import FORMAT, MAX_EXTENSIONS, Growth, LazyTimeline, TimelineCache
from rhetoric.reports.summary import REPORT_SUMMARY, read_summary, summarize
from rhetoric.session import Session, analyze_all
from rhetoric.shifts import timeline as timeline_module
from rhetoric.shifts.timeline import Timeline, timeline

from .conftest import decoded_whole, generate_corpus, report_files, timeline_file

runner = CliRunner()


def _same(a: Timeline, b: Timeline) -> None:
    assert a == b
    assert [s.to_dict() for s in a.shifts] == [s.to_dict() for s in b.shifts]
    assert [p.texts for p in a.positions] == [p.texts for p in b.positions]


def _summary_of(tl: Timeline):
    return read_summary(orjson.loads(encode(summarize(tl))))  # as the cache writes and reads it


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """400 statements: zelensky's timeline is long enough to be charted by period."""
    return generate_corpus(tmp_path_factory.mktemp("big") / "c", 400)


def _zelensky(corpus: Path):
    session = Session.open(corpus)
    return session, list(session.analyze(session.select(speakers=["zelensky"])))


def _restamped(analyses, dates):
    return [replace(a, statement=replace(a.statement, date=d)) for a, d in zip(analyses, dates, strict=False)]


def _added(analyses, *, source: str = "", occasion: str = "", dates=("2026-02",)):
    """Copies of some analyses as new statements (new ids) dated after the corpus."""
    out = []
    for i, (a, d) in enumerate(zip(analyses, dates, strict=False)):
        s = replace(
            a.statement,
            id=f"{a.statement.id}-new{i}",
            date=d,
            date_qualifier="",
            source=source,
            occasion=occasion,
        )
        out.append(replace(a, statement=s))
    return out


def _extend(tmp_path: Path, before, after, *, label="zelensky", party="", opposites=(), scales=()):
    """``after`` looked up in a store holding the timeline of ``before``, with growth."""
    store = TimelineCache.open(tmp_path, "k")
    slot = store.slot(label, party=party, opposites=opposites, scales=scales)
    store.put(
        slot,
        timeline(before, speaker=label, party=party, opposites=opposites, scales=scales),
        summary=REPORT_SUMMARY,
    )
    got, previous = store.lookup(
        slot, after, summary=REPORT_SUMMARY, growth=Growth(label, party, opposites, scales)
    )
    return store, slot, got, previous


@pytest.mark.parametrize(
    "case",
    [
        "one",
        "several",
        "one-occasion",
        "cached-source",
        "months",
        "into-months-limit",
        "statement-columns",
        "party",
    ],
)
def test_an_extended_timeline_and_summary_equal_a_rebuild(big: Path, tmp_path: Path, case: str) -> None:
    session, analyses = _zelensky(big)
    opposites, scales = session.analyzer.opposites, session.analyzer.scales
    before = analyses
    if case == "one":
        added = _added(analyses[:1])
    elif case == "several":
        added = _added(analyses[3:7], dates=("2026-02", "2026-03-02", "2026-03", "2027"))
    elif case == "one-occasion":  # two statements of one new article: one occasion of two
        added = _added(analyses[3:5], source="Another paper", dates=("2026-02", "2026-02"))
    elif case == "cached-source":  # a later article of the outlet every cached statement cites
        added = _added(analyses[3:5], source=analyses[0].statement.source, dates=("2026-02", "2026-02"))
    elif case == "months":  # charted by month (at most 40 months), a new month added
        before = _restamped(analyses, [f"2024-{1 + i % 12:02d}" for i in range(len(analyses))])
        added = _added(analyses[5:7], dates=("2025-01", "2025-01-03"))
    elif case == "into-months-limit":  # 40 months, then 41: the chart turns to years (summarized whole)
        before = _restamped(
            analyses, [f"{2021 + i % 40 // 12}-{1 + i % 40 % 12:02d}" for i in range(len(analyses))]
        )
        added = _added(analyses[5:6], dates=("2026-02",))
    elif case == "statement-columns":  # 30 statements, then 41: one column per statement, then periods
        before = analyses[:30]
        added = _added(analyses[30:41], dates=[f"2026-{m:02d}" for m in range(1, 12)])
    else:
        before = analyses
        added = _added(analyses[8:11], dates=("2026-02", "2026-03", "2026-04"))
    party = "p" if case == "party" else ""
    label = "p" if case == "party" else "zelensky"
    after = [*before, *added]
    store, slot, got, previous = _extend(
        tmp_path, before, after, label=label, party=party, opposites=opposites, scales=scales
    )
    assert previous is None and isinstance(got, LazyTimeline)
    rebuilt = timeline(after, speaker=label, party=party, opposites=opposites, scales=scales)
    assert got.report_summary == _summary_of(rebuilt)
    if case not in ("into-months-limit", "statement-columns"):
        assert not got.decoded  # only the new positions and shifts were read
    _same(got, rebuilt)
    store.flush()
    again, _ = TimelineCache.open(tmp_path, "k").lookup(slot, after, summary=REPORT_SUMMARY)
    assert isinstance(again, LazyTimeline) and again.report_summary == got.report_summary
    _same(again, rebuilt)


def test_only_the_new_statements_are_read(big: Path, tmp_path: Path, monkeypatch) -> None:
    session, analyses = _zelensky(big)
    after = [*analyses, *_added(analyses[:2], dates=("2026-02", "2026-03"))]
    store = TimelineCache.open(tmp_path, "k")
    slot = store.slot("zelensky", party="", opposites=(), scales=())
    store.put(slot, timeline(analyses, speaker="zelensky"), summary=REPORT_SUMMARY)
    positions: list[int] = []
    real = timeline_module.position_of

    def counted(*args, **kwargs):
        positions.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(timeline_module, "position_of", counted)
    got, _ = store.lookup(slot, after, summary=REPORT_SUMMARY, growth=Growth("zelensky", "", (), ()))
    # the two new statements, and the last cached occasion when it has several statements (for the
    # shift to them); none of the others
    assert len(positions) <= 3 < len(analyses)
    assert got is not None and not got.decoded


@pytest.mark.parametrize("where", ["before", "same-source", "same-occasion", "removed", "edited"])
def test_what_is_not_an_addition_at_the_end_is_rebuilt_from_the_cached_timeline(
    big: Path, tmp_path: Path, where: str
) -> None:
    session, analyses = _zelensky(big)
    if where == "before":
        after = [*analyses, *_added(analyses[:1], dates=("2015-01",))]
    elif where == "same-source":  # of the cached source and the last cached day: could join it
        last = analyses[-1].statement
        after = [*analyses, *_added(analyses[:1], source=last.source, dates=(last.date,))]
    elif where == "same-occasion":
        old = [*analyses[:-1], replace(analyses[-1], statement=replace(analyses[-1].statement, occasion="x"))]
        _, _, got, previous = _extend(tmp_path, old, [*old, *_added(analyses[:1], occasion="x")])
        assert got is None and previous is not None
        return
    elif where == "removed":
        after = [*analyses[1:], *_added(analyses[:1])]
    else:
        a = analyses[2]
        after = [*analyses[:2], replace(a, statement=replace(a.statement, note="edited")), *analyses[3:]]
        after += _added(analyses[:1])
    _, _, got, previous = _extend(tmp_path, analyses, after)
    assert got is None and previous is not None  # rebuilt by the engine, reusing what it can


# -- through the corpus: reports after adds equal runs without cache ------------------------------


def _plain(corpus: Path, out: Path, monkeypatch) -> dict[str, bytes]:
    with monkeypatch.context() as m:
        m.setenv("RHETORIC_CACHE", "0")
        return report_files(corpus, out)


def _add(corpus: Path, i: int, **fields) -> None:
    add_statement(
        Corpus(corpus),
        speaker="zelensky",
        date=f"2026-{i:02d}",
        text="We want a ceasefire, then talks.",
        **fields,
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return generate_corpus(tmp_path / "c", 300)


def test_reports_after_adds_and_a_run_without_summaries_equal_runs_without_cache(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    report_files(corpus, tmp_path / "warm")
    _add(corpus, 1)
    whole = decoded_whole(monkeypatch)
    assert report_files(corpus, tmp_path / "r1") == _plain(corpus, tmp_path / "p1", monkeypatch)
    _add(corpus, 2, source="Another paper")
    analyze_all(corpus)  # keeps no report summary: the next report carries it on over two additions
    _add(corpus, 3, source="A third paper")
    del whole[:]
    assert report_files(corpus, tmp_path / "r3") == _plain(corpus, tmp_path / "p3", monkeypatch)
    assert whole == []  # (the runs without cache decode nothing from it)
    lines = timeline_file(corpus).read_bytes().split(b"\n")
    assert sum(b"\t[null," in line for line in lines) == 3  # zelensky's three extension lines


def test_many_additions_are_written_whole_again(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    report_files(corpus, tmp_path / "warm")
    for i in range(MAX_EXTENSIONS + 2):
        add_statement(
            Corpus(corpus),
            speaker="zelensky",
            date=f"2027-01-{1 + i:02d}",
            text="We want a ceasefire, then talks.",
        )
        Session.open(corpus, timeline_summary=REPORT_SUMMARY).corpus_analysis()
    store = TimelineCache.open(corpus, timeline_file(corpus).stem.split("-", 1)[1])
    # written whole after MAX_EXTENSIONS extension lines, then extended once more
    assert sum(chain.count(b"\t[null,") for chain in store._lines.values()) == 1
    assert report_files(corpus, tmp_path / "r") == _plain(corpus, tmp_path / "p", monkeypatch)


def _damage(path: Path, how: str) -> None:
    header, *lines = path.read_bytes().split(b"\n")
    k = max(i for i, line in enumerate(lines) if b"\t[null," in line)  # the latest extension line
    slot, crc, payload = lines[k].split(b"\t", 2)
    if how == "crc":
        lines[k] = b"%s\t%d\t%s" % (slot, int(crc) + 1, payload)
    elif how == "torn":
        lines = [*lines[:k], lines[k][: len(lines[k]) // 2]]
    elif how in ("base", "counts", "shape"):  # a well-formed line that does not extend what is cached
        row = orjson.loads(payload)
        if how == "base":
            row[1] += 1
        elif how == "counts":
            row[2] -= 1
        else:
            row[5] = "keys"
        payload = orjson.dumps(row)
        lines[k] = b"%s\t%d\t%s" % (slot, zlib.crc32(payload), payload)
    elif how == "orphan":  # the extension after another full line of its slot (a concurrent rewrite)
        full = next(
            i for i, line in enumerate(lines) if line.startswith(slot + b"\t") and b"\t[null," not in line
        )
        lines.append(lines[full])
        lines[k], lines[-1] = lines[-1], lines[k]
    elif how == "format":
        header = header.replace(b" %d " % FORMAT, b" 2 ")
    path.write_bytes(b"\n".join([header, *lines]))


@pytest.mark.parametrize("how", ["crc", "torn", "base", "counts", "shape", "orphan", "format"])
def test_a_damaged_extension_line_is_a_miss(corpus: Path, tmp_path: Path, monkeypatch, how: str) -> None:
    report_files(corpus, tmp_path / "warm")
    _add(corpus, 1)
    report_files(corpus, tmp_path / "r1")
    _add(corpus, 2)
    report_files(corpus, tmp_path / "r2")
    _damage(timeline_file(corpus), how)
    assert report_files(corpus, tmp_path / "again") == _plain(corpus, tmp_path / "p", monkeypatch)
    _add(corpus, 3)
    assert report_files(corpus, tmp_path / "r3") == _plain(corpus, tmp_path / "p3", monkeypatch)


def test_an_edit_after_extensions_is_rebuilt(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    import json

    report_files(corpus, tmp_path / "warm")
    _add(corpus, 1)
    report_files(corpus, tmp_path / "r1")
    path = corpus / "statements.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows[-1]["note"] = "edited"  # the added statement itself (its record digest changes)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert report_files(corpus, tmp_path / "r2") == _plain(corpus, tmp_path / "p2", monkeypatch)
    _add(corpus, 2)
    assert report_files(corpus, tmp_path / "r3") == _plain(corpus, tmp_path / "p3", monkeypatch)


def _damage_full_line(path: Path, how: str) -> None:
    """Zelensky's full line made inconsistent inside, its CRC made right again."""
    header, *lines = path.read_bytes().split(b"\n")
    k = max(range(len(lines)), key=lambda i: len(lines[i]))  # the longest line: zelensky's full one
    slot, _, payload = lines[k].split(b"\t", 2)
    j = payload.index(b"]")
    n_p, n_s = (int(x) for x in payload[2:j].split(b","))
    if how == "sizes":  # the positions' size one byte short: the shifts' bytes start inside them
        payload = b"[[%d,%d" % (n_p - 1, n_s) + payload[j:]
    else:
        row = orjson.loads(payload)
        if how == "ends":  # the last position's start moved (the report shows the latest statements)
            row[-3][-2] += 1
        elif how == "count":  # one position fewer than entry keys
            row[1].pop()
            row[-3].pop()
        payload = orjson.dumps(row)
        if how == "count":
            p_size = len(orjson.dumps(row[1]))
            payload = b"[[%d,%d" % (p_size, n_s) + payload[payload.index(b"]") :]
    lines[k] = b"%s\t%d\t%s" % (slot, zlib.crc32(payload), payload)
    path.write_bytes(b"\n".join([header, *lines]))


@pytest.mark.parametrize("how", ["sizes", "ends", "count"])
def test_an_inconsistent_full_line_is_a_miss(corpus: Path, tmp_path: Path, monkeypatch, how: str) -> None:
    report_files(corpus, tmp_path / "warm")
    _damage_full_line(timeline_file(corpus), how)
    assert report_files(corpus, tmp_path / "again") == _plain(corpus, tmp_path / "p", monkeypatch)
    _add(corpus, 1)
    assert report_files(corpus, tmp_path / "r1") == _plain(corpus, tmp_path / "p1", monkeypatch)


def test_a_cache_file_without_its_last_newline_is_extended_right(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    report_files(corpus, tmp_path / "warm")
    path = timeline_file(corpus)
    path.write_bytes(path.read_bytes().rstrip(b"\n"))  # (a write cut just before its newline)
    for i in (1, 2):
        _add(corpus, i)
        assert report_files(corpus, tmp_path / f"r{i}") == _plain(corpus, tmp_path / f"p{i}", monkeypatch)
    store = TimelineCache.open(corpus, path.stem.split("-", 1)[1])
    assert sum(chain.count(b"\t[null,") for chain in store._lines.values()) == 2  # both extensions held


def _add_row(corpus: Path, i: int, **fields) -> None:
    from rhetoric.corpus import add_statements

    row = {"speaker": "zelensky", "date": f"2026-{i:02d}", "text": f"We want talks ({i}).", **fields}
    add_statements(Corpus(corpus), [row])


def test_a_mixed_sequence_of_changes_equals_runs_without_cache(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    """Extensions, rebuilds and runs without summaries, one after the other (each report compared)."""
    from rhetoric.corpus.remove import remove_statement

    report_files(corpus, tmp_path / "warm")
    steps = [
        lambda: _add(corpus, 1),  # extended
        lambda: _add(corpus, 2, source="Nordic Times"),  # a cached source, a later month: extended
        lambda: (_add_row(corpus, 3, occasion="Summit"), analyze_all(corpus)),  # extended, no summary
        lambda: add_statement(Corpus(corpus), speaker="zelensky", date="2016-05", text="Talks, not war."),
        lambda: _add_row(corpus, 4, occasion="Summit"),  # joins the occasion cached last: rebuilt
        lambda: remove_statement(Corpus(corpus), Corpus(corpus).statements()[-1].id),
        lambda: _add(corpus, 5),
        # step 1's month and source again: it could join that occasion, rebuilt
        lambda: add_statement(
            Corpus(corpus), speaker="zelensky", date="2026-02", text="Talks now.", source="Nordic Times"
        ),
    ]
    rebuilt = [False, False, False, True, True, True, False, True]
    built: list[str] = []
    real = timelines_module.build_timeline

    def counted(job, **kwargs):
        built.append(job.label)
        return real(job, **kwargs)

    monkeypatch.setattr(timelines_module, "build_timeline", counted)
    for i, step in enumerate(steps):
        step()
        del built[:]  # (an analyze in the step extends without building either)
        cached = report_files(corpus, tmp_path / f"r{i}")
        assert ("zelensky" in built) is rebuilt[i], (i, built)
        assert cached == _plain(corpus, tmp_path / f"p{i}", monkeypatch), i
