"""Realdev figures in one process: tags, frame role pairs, stances and shift pairs.

The same counting as ``../shared/realdev/score.py`` (which drives the CLI once per pair and
takes minutes), done through the library in seconds, so every change can be measured
before and after. The script's summary line is printed last in the same format.

Run from the project root::

    python tests/benchmarks/realdev.py [--detail FILE] [--realdev DIR] [--corpus-template DIR]

It reads the real statements from ``../shared/realdev/`` (never copied into the
repository) and writes only to a temporary folder.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

DEFAULT_REALDEV = ROOT.parent / "shared" / "realdev"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (1.0 for an empty denominator, as the shared script)."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def build_corpus(realdev: Path, template: Path, workdir: Path) -> tuple[Path, dict[str, str | None]]:
    """A corpus of the realdev statements with the template's codebook and actors.

    Returns the corpus folder and realdev id → corpus statement id.
    """
    from rhetoric.corpus.importer import import_file
    from rhetoric.corpus.init import init_corpus
    from rhetoric.corpus.query import list_statements

    rows = [json.loads(line) for line in open(realdev / "statements.jsonl", encoding="utf-8")]
    corpus_dir = workdir / "corpus"
    corpus = init_corpus(corpus_dir)
    for name in ("codebook.toml", "actors.toml"):
        shutil.copy(template / name, corpus_dir / name)
    src = workdir / "dev.csv"
    with open(src, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["speaker", "date", "text", "kind", "source", "url"])
        w.writeheader()
        for r in rows:
            w.writerow({"speaker": r["speaker"], "date": r["date"], "text": r["text"], "kind": r["kind"],
                        "source": r["source"][:200], "url": r["url"]})
    import_file(corpus, src, skip_invalid=True)
    by_text = {_norm(s.text): s.id for s in list_statements(corpus)}
    return corpus_dir, {r["id"]: by_text.get(_norm(r["text"])) for r in rows}


def score(realdev: Path, template: Path, detail=None, *, with_pairs: bool = True) -> dict[str, object]:
    """Score the library on realdev; returns the figures (and writes misses to ``detail``).

    ``with_pairs=False`` skips the shift pairs (the slow part) for tests of the analysis alone.
    """
    from rhetoric.analyzer import Analyzer
    from rhetoric.session import Session
    from rhetoric.shifts.queries import compare_statements

    rows = [json.loads(line) for line in open(realdev / "statements.jsonl", encoding="utf-8")]
    gold = {g["id"]: g for g in map(json.loads, open(realdev / "gold.jsonl", encoding="utf-8"))}
    pairs = [json.loads(line) for line in open(realdev / "pairs.jsonl", encoding="utf-8")]
    with tempfile.TemporaryDirectory(prefix="rh-dev-") as tmp:
        corpus_dir, sid = build_corpus(realdev, template, Path(tmp))
        from rhetoric.corpus.store import Corpus

        analyzer = Analyzer.for_corpus(corpus_dir)
        ptag: dict[str, set] = defaultdict(set)
        pfr: dict[str, set] = defaultdict(set)
        pst: dict[str, dict] = defaultdict(dict)
        pcom: dict[str, str] = {}
        for a in analyzer.analyze_corpus(Corpus(corpus_dir)):
            i = a.statement.id
            pcom[i] = str(a.commitment)
            for m in a.mentions:
                ptag[i].add(m.tag)
            for f in a.frames:
                for o in f.outcomes:
                    for c in f.conditions:
                        if o != "other" and c != "other":
                            pfr[i].add((o, c))
            for s in a.stances:
                if s.stance in ("support", "oppose"):
                    pst[i][s.tag] = s.stance
        t = [0, 0, 0]
        fr = [0, 0, 0]
        st = [0, 0, 0]
        com = [0, 0]
        for r in rows:
            g = gold[r["id"]]
            i = sid[r["id"]]
            if g.get("commitment"):
                com[0] += pcom.get(i) == g["commitment"]
                com[1] += 1
            req, opt = set(g["tags"]), set(g["optional_tags"])
            p = ptag.get(i, set())
            t[0] += len(p & req)
            t[1] += len(p - req - opt)
            t[2] += len(req - p)
            gp = {(o, c) for x in g["frames"] for o in x["outcomes"] for c in x["conditions"]
                  if o != "other" and c != "other"}
            op = {tuple(x) for x in g["optional_frame_pairs"]}
            pp = pfr.get(i, set())
            fr[0] += len(pp & gp)
            fr[1] += len(pp - gp - op)
            fr[2] += len(gp - pp)
            gs = g["stances"]
            ps = pst.get(i, {})
            st_tp = sum(1 for k, v in gs.items() if ps.get(k) == v)
            st_fp = sum(1 for k, v in ps.items() if k in gs and gs[k] != v or (k not in gs and k in req))
            st_fn = sum(1 for k, v in gs.items() if ps.get(k) != v)
            st[0] += st_tp
            st[1] += st_fp
            st[2] += st_fn
            if detail and (req - p or p - req - opt or gp - pp or pp - gp - op or st_fp or st_fn):
                print(f"{r['id']} tags miss={sorted(req - p)} extra={sorted(p - req - opt)} "
                      f"frames miss={sorted(gp - pp)} extra={sorted(pp - gp - op)} "
                      f"stances gold={gs} pred={ps}\n  {r['text']}", file=detail)
        good = 0
        session = Session.open(corpus_dir)
        for pr in pairs if with_pairs else []:
            a, b = sid.get(pr["from"]), sid.get(pr["to"])
            if not (a and b):
                continue
            c = compare_statements(session, from_id=a, to_id=b).to_dict()
            got_add = set(c.get("added", [])) | set(c.get("outcome_to", [])) | {
                x["tag"] for x in c.get("stance_changes", [])}
            got_drop = set(c.get("dropped", [])) | set(c.get("outcome_from", [])) | {
                x["tag"] for x in c.get("stance_changes", [])}
            ok = set(pr["added"]) <= got_add and set(pr["dropped"]) <= got_drop and c.get("verdict") in pr[
                "verdict_ok"]
            good += ok
            if detail and not ok:
                print(f"PAIR {pr['from']}->{pr['to']} gold add={pr['added']} drop={pr['dropped']} "
                      f"ok={pr['verdict_ok']} | tool add={c.get('added')} drop={c.get('dropped')} "
                      f"out {c.get('outcome_from')}->{c.get('outcome_to')} "
                      f"st={[(x['tag'], x['from'], x['to']) for x in c.get('stance_changes', [])]} "
                      f"verdict={c.get('verdict')}", file=detail)
    return {"tags": prf(*t), "frames": prf(*fr), "stances": prf(*st), "pairs": (good, len(pairs)),
            "n": len(rows), "commitment": (com[0], com[1])}


def summary_line(res: dict) -> str:
    """The shared script's summary line."""
    T, F, S = res["tags"], res["frames"], res["stances"]
    good, n = res["pairs"]
    return (f"realdev {res['n']} stmts: tags P={T[0]:.3f} R={T[1]:.3f} F1={T[2]:.3f}; "
            f"frames P={F[0]:.3f} R={F[1]:.3f} F1={F[2]:.3f}; "
            f"stances P={S[0]:.3f} R={S[1]:.3f} F1={S[2]:.3f}; pairs {good}/{n}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--realdev", type=Path, default=DEFAULT_REALDEV)
    ap.add_argument("--corpus-template", type=Path, default=ROOT / "corpora" / "ukraine-nato")
    ap.add_argument("--detail", type=Path)
    args = ap.parse_args()
    if not (args.realdev / "gold.jsonl").exists():
        print(f"no realdev set at {args.realdev}; nothing to score")
        return
    detail = open(args.detail, "w", encoding="utf-8") if args.detail else None
    res = score(args.realdev, args.corpus_template, detail)
    print(summary_line(res))
    right, n = res["commitment"]
    print(f"commitment accuracy {right / n if n else 0:.3f} ({right}/{n} statements with gold commitment)")


if __name__ == "__main__":
    main()
