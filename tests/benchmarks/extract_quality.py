"""Extraction quality and speed: precision/recall by speaker + overlapping span on annotated articles.

Run from the repository root::

    python tests/benchmarks/extract_quality.py

Prints one line per annotated article (the seed and ``tests/extract/articles/*.expected.json``),
the micro-averaged totals, and the extraction time per article against a reference measured in
the same run (sentence splitting of the same text), as a ratio.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from rhetoric.actors import ActorRegistry  # noqa: E402
from rhetoric.extract.article import read_article  # noqa: E402
from rhetoric.extract.evaluate import load_expected, score  # noqa: E402
from rhetoric.extract.pipeline import extract_statements  # noqa: E402
from rhetoric.text.sentences import split_sentences  # noqa: E402

DATA = ROOT / "tests" / "extract" / "data"
ARTICLES = ROOT / "tests" / "extract" / "articles"
REPEAT = 20


def main() -> None:
    actors = ActorRegistry.load(DATA / "actors.toml")
    items = [(ROOT / "seeds" / "000_194b2d9dfd68f7ca.txt", DATA / "seed_expected.json", "2024-12")]
    items += [
        (p.with_name(p.name.replace(".expected.json", ".txt")), p, None)
        for p in sorted(ARTICLES.glob("*.expected.json"))
    ]
    totals = [0, 0, 0, 0]  # correct, candidates, recovered, expected
    extract_s = reference_s = 0.0
    for article_path, expected_path, date in items:
        article = read_article(article_path, date=date)
        t0 = time.perf_counter()
        for _ in range(REPEAT):
            candidates = extract_statements(article.text, actors=actors, article_date=article.date)
        t1 = time.perf_counter()
        for _ in range(REPEAT):
            split_sentences(article.text)
        t2 = time.perf_counter()
        extract_s += t1 - t0
        reference_s += t2 - t1
        result = score(candidates, load_expected(expected_path, article.text))
        totals[0] += len(result.correct)
        totals[1] += len(result.correct) + len(result.spurious)
        totals[2] += len(result.recovered)
        totals[3] += len(result.recovered) + len(result.missed)
        print(f"{article_path.name:36} {result.summary()}")
    p = totals[0] / totals[1] if totals[1] else 1.0
    r = totals[2] / totals[3] if totals[3] else 1.0
    label = "TOTAL (micro)"
    print(f"{label:36} precision {p:.2f} ({totals[0]}/{totals[1]}), recall {r:.2f} ({totals[2]}/{totals[3]})")
    per_article_ms = 1000 * extract_s / (REPEAT * len(items))
    print(
        f"extraction {per_article_ms:.1f} ms/article; reference (sentence splitting) "
        f"{1000 * reference_s / (REPEAT * len(items)):.2f} ms/article; ratio {extract_s / reference_s:.0f}x"
    )


if __name__ == "__main__":
    main()
