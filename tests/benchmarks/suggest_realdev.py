"""Does ``rhetoric suggest`` surface what the lexicon misses on real statements? Realdev as a corpus.

Run from the repository root::

    python tests/benchmarks/suggest_realdev.py [--codebook FILE] [--realdev DIR] [--top 5]

The workflow it measures is the one a coder follows: code some statements of the corpus (here the
realdev gold), ``rhetoric train --gold`` on them plus the codebook's examples and
``corpora/ukraine-nato/gold/heldout.jsonl``, then ``rhetoric suggest``. It prints how many of the
lexicon's misses (required gold tags the codebook does not find) come back as suggestions, how many
suggestions are wrong, and each tag's candidate n-grams. The model has seen these statements, so
this measures suggest as a discovery aid, not the model's accuracy (see ``codebook_heldout.py``).
To see it on the misses of an older codebook:
``git show 2755739:corpora/ukraine-nato/codebook.toml > /tmp/old.toml`` and ``--codebook /tmp/old.toml``.
Nothing is written; realdev text is read from ``../shared/realdev/`` and never copied.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from tests.benchmarks.codebook_heldout import CORPUS, DEFAULT_REALDEV, load_realdev  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--codebook", type=Path, default=CORPUS / "codebook.toml")
    ap.add_argument("--realdev", type=Path, default=DEFAULT_REALDEV)
    ap.add_argument("--top", type=int, default=5)
    args = ap.parse_args()
    if not (args.realdev / "gold.jsonl").is_file():
        print(f"no realdev set at {args.realdev}; nothing to do")
        return
    from rhetoric.codebook import load_codebook
    from rhetoric.learn.gold import GoldItem, ResolvedItem, load_gold, resolve_gold
    from rhetoric.learn.model import train_model
    from rhetoric.learn.suggest import suggest
    from rhetoric.records import Statement
    from rhetoric.tagging import Tagger

    codebook = load_codebook(args.codebook)
    tagger = Tagger.from_codebook(codebook)
    known = set(codebook.tag_ids)
    rows = load_realdev(args.realdev)
    items = [
        ResolvedItem(
            GoldItem(
                line=i + 1,
                statement_id=None,
                text=r["text"],
                tags=tuple(sorted(r["tags"] & known)),
                optional_tags=tuple(sorted(r["optional"] & known)),
            ),
            None,
            r["text"],
            "realdev",
        )
        for i, r in enumerate(rows)
    ]
    base = resolve_gold(load_gold(CORPUS / "gold" / "heldout.jsonl", tag_ids=codebook.tag_ids), None)
    model = train_model(codebook, gold=[*base, *items], tagger=tagger)
    statements = [
        Statement.create(speaker="s", date="2024-01-01", text=r["text"], added_at="2024-01-02T00:00:00Z")
        for r in rows
    ]
    by_id = {s.id: r for s, r in zip(statements, rows, strict=True)}
    misses = {
        (s.id, t)
        for s, r in zip(statements, rows, strict=True)
        for t in r["tags"] - {m.tag for m in tagger.tag(r["text"])}
    }
    report = suggest(statements, tagger, model, top=args.top)
    found = {(s.statement_id, s.tag) for s in report.suggestions}
    wrong = [
        s
        for s in report.suggestions
        if s.tag not in by_id[s.statement_id]["tags"] | by_id[s.statement_id]["optional"]
    ]
    print(
        f"{args.codebook}: {len(rows)} statements, {len(misses)} lexicon misses; "
        f"{len(report.suggestions)} suggestions at threshold {report.threshold}: "
        f"{len(found & misses)} of the misses surfaced, {len(wrong)} wrong"
    )
    for tag, candidates in report.candidates.items():
        print(f"  {tag:<24} " + ", ".join(repr(c.ngram) for c in candidates))


if __name__ == "__main__":
    main()
