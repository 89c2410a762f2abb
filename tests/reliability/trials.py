"""Kill -9 and full-disk trials of the write paths: add, import, remove, export.

Each trial forks a child that runs one operation through the library (the parent has
imported everything, so a trial costs the operation, not interpreter start-up):

* kill: the parent sends SIGKILL after a random delay spread over the operation's measured
  duration, then inspects the files;
* full disk: the child runs with ``RLIMIT_FSIZE`` set a random number of bytes above the
  current file size (``SIGXFSZ`` ignored), so a write stops part-way with ``EFBIG`` exactly
  as on a full disk, and the operation must fail cleanly or succeed whole.

A trial is *corrupted* when the files are in neither the old nor the new state (a torn line,
a half file, a lost statement) or an export folder mixes two sets while its ``manifest.json``
says the set is whole (a mix left without a manifest is flagged to every reader, not silent); *recovered* counts corrupted trials
that ``repair_corpus`` (corpus) or the next export (exports) brought back to a valid state.

Usage:
    python tests/reliability/trials.py [--kill 100] [--full-disk 50] [--ops add,import,remove,export]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from rhetoric.corpus import Corpus, add_statement, import_file, remove_statement, repair_corpus  # noqa: E402
from rhetoric.corpus.validate import validate_corpus  # noqa: E402
from rhetoric.export.write import MANIFEST, verify_export, write_tables  # noqa: E402
from rhetoric.session import analyze_all  # noqa: E402

SEED = REPO_ROOT / "corpora" / "ukraine-nato"
LONG_TEXT = "Ukraine will not give up territory unless Russia withdraws its troops. " * 1200  # ~85 KB


class Bench:
    """A scratch corpus restored to the same baseline before every trial."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.corpus = Corpus(root / "corpus")
        shutil.copytree(SEED, self.corpus.path)
        self.baseline = self.corpus.statements_path.read_bytes()
        self.base_ids = [s.id for s in self.corpus.statements()]
        rows = root / "rows.csv"
        lines = ["speaker,date,text"] + [
            f'nato,2024-03-{i % 28 + 1:02d},"Import row {i}: {LONG_TEXT[:2000]}"' for i in range(60)
        ]
        rows.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.rows = rows
        self.out = root / "exports"
        # Two analyses (with and without one statement) give two distinct export sets to alternate.
        self.analyses = [analyze_all(self.corpus.path)]
        add_statement(
            self.corpus, speaker="nato", date="2024-06-01", text="We will talk only after a ceasefire."
        )
        self.analyses.append(analyze_all(self.corpus.path))
        self.reset()
        self.sets = []
        for i, ca in enumerate(self.analyses):
            folder = root / f"reference-{i}"
            write_tables(ca, tables=["all"], out_dir=folder)
            self.sets.append({p.name: p.read_bytes() for p in folder.iterdir() if p.name != MANIFEST})
        write_tables(self.analyses[0], tables=["all"], out_dir=self.out)
        self.next_set = 1

    def reset(self) -> None:
        self.corpus.statements_path.write_bytes(self.baseline)
        for p in self.corpus.path.glob(".statements.*.tmp"):
            p.unlink()

    # -- the operations (run in the child) ------------------------------------------------------

    def op(self, name: str) -> Callable[[], object]:
        return {
            "add": lambda: add_statement(self.corpus, speaker="nato", date="2024-05-05", text=LONG_TEXT),
            "import": lambda: import_file(self.corpus, self.rows),
            "remove": lambda: remove_statement(self.corpus, self.base_ids[len(self.base_ids) // 2]),
            "export": lambda: write_tables(self.analyses[self.next_set], tables=["all"], out_dir=self.out),
        }[name]

    # -- checking (in the parent) -----------------------------------------------------------------

    def corpus_state(self, name: str) -> bool:
        """True when the corpus is valid and in the old or the new state."""
        try:
            report = validate_corpus(self.corpus)
            if not report.ok:
                return False
            ids = [s.id for s in self.corpus.statements()]
        except Exception:
            return False
        old = self.base_ids
        if name == "add":
            return ids == old or (ids[:-1] == old and len(ids) == len(old) + 1)
        if name == "import":
            return ids == old or (ids[: len(old)] == old and len(ids) == len(old) + 60)
        gone = self.base_ids[len(self.base_ids) // 2]
        return ids == old or ids == [i for i in old if i != gone]

    def export_state(self) -> bool:
        """True unless the folder silently mixes two sets: one whole set (old or new), or a set the
        manifest flags as unfinished (no manifest.json, so no reader takes it for whole)."""
        files = {
            p.name: p.read_bytes() for p in self.out.iterdir() if not p.name.startswith(".") and p.name != MANIFEST
        }
        whole = any(files == s for s in self.sets)
        return whole or not verify_export(self.out)[0]

    def check(self, name: str) -> tuple[bool, bool]:
        """(corrupted, recovered) after a trial; restores the baseline for the next one."""
        if name == "export":
            ok = self.export_state()
            recovered = False
            if not ok:
                write_tables(self.analyses[self.next_set], tables=["all"], out_dir=self.out)
                recovered = self.export_state()
            self.next_set = 1 - self.next_set
            return (not ok, recovered)
        ok = self.corpus_state(name)
        recovered = False
        if not ok:
            try:
                repair_corpus(self.corpus)
                recovered = self.corpus_state(name)
            except Exception:
                recovered = False
        self.reset()
        return (not ok, recovered)


def _child(fn: Callable[[], object], fsize: int | None) -> None:
    code = 0
    try:
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, resource.RLIM_INFINITY))
        fn()
    except BaseException:  # noqa: BLE001 - the child reports by exit code only
        code = 1
    os._exit(code)


def _fork(fn: Callable[[], object], fsize: int | None = None) -> int:
    pid = os.fork()
    if pid == 0:
        _child(fn, fsize)
    return pid


def duration(bench: Bench, name: str) -> float:
    """Seconds one uninterrupted run takes (the kill window)."""
    started = time.perf_counter()
    pid = _fork(bench.op(name))
    os.waitpid(pid, 0)
    elapsed = time.perf_counter() - started
    bench.check(name)
    return elapsed


def kill_trials(bench: Bench, name: str, count: int, rng: random.Random) -> tuple[int, int, int, int]:
    window = duration(bench, name) * 1.1
    corrupted = recovered = completed = 0
    for _ in range(count):
        pid = _fork(bench.op(name))
        time.sleep(rng.uniform(0, window))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        if os.WIFEXITED(status):
            completed += 1
        bad, fixed = bench.check(name)
        corrupted += bad
        recovered += fixed
    return count, corrupted, recovered, completed


def full_disk_trials(bench: Bench, name: str, count: int, rng: random.Random) -> tuple[int, int, int, int]:
    corrupted = recovered = failed = 0
    for _ in range(count):
        if name == "export":
            biggest = max(len(b) for s in bench.sets for b in s.values())
            limit = rng.randint(0, biggest)
        elif name == "add":
            size = bench.corpus.statements_path.stat().st_size
            limit = size + rng.randint(0, len(LONG_TEXT) + 500)
        else:  # import and remove rewrite the whole file into a temp file
            size = bench.corpus.statements_path.stat().st_size
            limit = rng.randint(0, size + 200_000)
        pid = _fork(bench.op(name), fsize=limit)
        _, status = os.waitpid(pid, 0)
        if os.WEXITSTATUS(status) != 0:
            failed += 1
        bad, fixed = bench.check(name)
        corrupted += bad
        recovered += fixed
    return count, corrupted, recovered, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kill", type=int, default=100, help="kill -9 trials per operation")
    parser.add_argument("--full-disk", type=int, default=50, help="full-disk trials per operation")
    parser.add_argument("--ops", default="add,import,remove,export")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="rhetoric-trials-") as tmp:
        bench = Bench(Path(tmp))
        print("trial      op       trials  corrupted  recovered  note")
        for name in args.ops.split(","):
            if args.kill:
                n, bad, fixed, done = kill_trials(bench, name, args.kill, rng)
                print(f"kill -9    {name:<8} {n:>6}  {bad:>9}  {fixed:>9}  {done} finished before the kill")
            if args.full_disk:
                n, bad, fixed, failed = full_disk_trials(bench, name, args.full_disk, rng)
                print(
                    f"full disk  {name:<8} {n:>6}  {bad:>9}  {fixed:>9}  {failed} failed cleanly, rest fitted"
                )
            sys.stdout.flush()


if __name__ == "__main__":
    main()
