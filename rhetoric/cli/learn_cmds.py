"""Learning and measuring commands: ``train``, ``suggest``, ``evaluate``, ``agreement``, ``gold template``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..errors import UsageError
from ..learn.defaults import DEFAULT_BOOTSTRAP, DEFAULT_SEED, DEFAULT_THRESHOLD
from ..types import TableFormat
from .app import DEFAULT_CORPUS, CorpusOpt, app, command, warn
from .output import ReportFormatOpt, emit_report

gold_app = typer.Typer(
    name="gold",
    help="Gold annotation files for evaluation and training.\n\nExample: rhetoric gold template --out gold.jsonl",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(gold_app, name="gold")

TABLE_WIDTH = 120
ThresholdOpt = Annotated[
    float | None,
    typer.Option(
        "--threshold",
        min=0.0,
        max=1.0,
        help="Model probability from which a tag counts (default: the model's).",
    ),
]


def _printer(renderable):
    def render() -> None:
        # Piped output gets a fixed width so that files and tests are stable and tables are not squeezed.
        width = None if sys.stdout.isatty() else TABLE_WIDTH
        Console(highlight=False, soft_wrap=True, width=width).print(renderable)

    return render


@command("train")
def train(
    gold: Annotated[
        list[Path] | None, typer.Option("--gold", help="Gold JSONL file to learn from (repeatable).")
    ] = None,
    frames: Annotated[
        list[Path] | None,
        typer.Option(
            "--frames",
            help="Train the frame/stance fallback on this gold file with frames and stances (repeatable).",
        ),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the solver.")] = DEFAULT_SEED,
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold",
            min=0.0,
            max=1.0,
            help="Probability from which the model predicts a tag (or the fallback a pair or stance).",
        ),
    ] = None,
    corpus: CorpusOpt = DEFAULT_CORPUS,
) -> None:
    """Train the tag classifier on the codebook's examples plus gold files; save it in the corpus folder.

    With --frames, train the learned fallback for frames and stances instead (fallback.joblib and
    fallback.json beside the tag model), used by `frames`/`stances`/`evaluate --with-model`;
    give --gold too to train both.

    Example: rhetoric train --gold corpora/ukraine-nato/gold/heldout.jsonl
    """
    if frames:
        _train_fallback(frames, seed=seed, threshold=threshold, corpus=corpus)
        if not gold:
            return
    from ..learn.model import train_corpus_model

    model, model_path, meta_path = train_corpus_model(
        corpus,
        gold_paths=gold or (),
        seed=seed,
        threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
    )
    for message in model.warnings:
        warn(message)
    t = model.meta["training"]
    typer.echo(
        f"Trained on {t['samples']} samples ({t['codebook_examples']} codebook examples, "
        f"{t['gold_statements']} gold statements from {len(t['gold_files'])} file(s)) for "
        f"{len(model.tag_ids)} tags; saved {model_path} and {meta_path}"
    )


def _train_fallback(paths: list[Path], *, seed: int, threshold: float | None, corpus: Path) -> None:
    from ..learn.fallback import DEFAULT_FALLBACK_THRESHOLD, train_corpus_fallback

    model, model_path, meta_path = train_corpus_fallback(
        corpus,
        gold_paths=paths,
        seed=seed,
        threshold=DEFAULT_FALLBACK_THRESHOLD if threshold is None else threshold,
    )
    t = model.meta["training"]
    typer.echo(
        f"Trained the fallback on {t['statements']} gold statements from {len(t['gold_files'])} file(s) "
        f"({t['pair_candidates']} tag pairs, {t['pair_positives']} role pairs; {t['stance_candidates']} "
        f"tags with a stance or none); saved {model_path} and {meta_path}"
    )


@command("suggest")
def suggest(
    tag: Annotated[str | None, typer.Option("--tag", help="Only this tag.")] = None,
    top: Annotated[
        int, typer.Option("--top", min=1, help="N-grams per suggestion and candidates per tag.")
    ] = 5,
    threshold: ThresholdOpt = None,
    fmt: ReportFormatOpt = TableFormat.TABLE,
    corpus: CorpusOpt = DEFAULT_CORPUS,
) -> None:
    """Statements where the model predicts a tag the lexicon misses, with the n-grams behind it.

    The n-grams are candidate patterns for codebook.toml. Needs a model (`rhetoric train`).

    Example: rhetoric suggest --tag withdrawal --top 3
    """
    from ..learn.render import SUGGESTION_COLUMNS, suggestion_renderable, suggestion_rows
    from ..learn.suggest import suggest_corpus

    report = suggest_corpus(corpus, tag=tag, top=top, threshold=threshold)
    emit_report(
        fmt, report.to_dict(), suggestion_rows(report), SUGGESTION_COLUMNS, _printer(suggestion_renderable(report))
    )


@command("evaluate")
def evaluate(
    gold: Annotated[Path | None, typer.Argument(help="Gold JSONL file.")] = None,
    model: Annotated[bool, typer.Option("--model", help="Also score lexicon+model, side by side.")] = False,
    with_model: Annotated[
        bool,
        typer.Option(
            "--with-model", help="Also score frames and stances of rules+fallback (`train --frames`)."
        ),
    ] = False,
    threshold: ThresholdOpt = None,
    fmt: ReportFormatOpt = TableFormat.TABLE,
    corpus: CorpusOpt = DEFAULT_CORPUS,
    pairs: Annotated[
        Path | None, typer.Option("--pairs", help="Score coded shift pairs instead (JSONL, realdev format).")
    ] = None,
    statements: Annotated[
        Path | None,
        typer.Option("--statements", help="With --pairs: coded statements (JSONL id, text) to match ids by text."),
    ] = None,
) -> None:
    """Precision, recall and F1 against gold: tags, and frames, stances and commitment where gold has them;
    or, with --pairs, coded shift pairs scored (items taken up / let go found, verdict accepted), each miss listed.

    Tags per tag, micro and macro; frame role pairs (outcome<=condition, with relation and polarity
    agreement), speaker and third-party stances per tag, commitment per class; every error listed.
    A gold line is matched to the corpus statement of its statement_id, else of its id, else of
    its text (whitespace collapsed); a line no statement matches is analysed as free text.
    JSON: {"micro", "macro", "per_tag", "errors", "frames", "stances", "third_party_stances",
    "commitment", ...}; --model adds "with_model" (tags), --with-model "with_fallback" (claims).
    CSV: one row per system, level and key.

    Example: rhetoric evaluate corpora/ukraine-nato/gold/heldout.jsonl --model
    """
    if pairs is not None:
        from .shifts_cmds import evaluate_pairs_output

        evaluate_pairs_output(corpus, pairs=pairs, statements=statements, fmt=fmt)
        return
    if gold is None:
        raise UsageError("give a gold JSONL file, or --pairs PAIRS.jsonl")
    from ..learn.evaluate import evaluate_gold_file
    from ..learn.render import EVALUATION_COLUMNS, evaluation_renderable, evaluation_rows

    report = evaluate_gold_file(corpus, gold, with_model=model, with_fallback=with_model, threshold=threshold)
    for message in report.warnings:
        warn(message)
    emit_report(
        fmt, report.to_dict(), evaluation_rows(report), EVALUATION_COLUMNS, _printer(evaluation_renderable(report))
    )


@command("agreement")
def agreement(
    files: Annotated[list[Path], typer.Argument(help="Two or more coder files (gold JSONL).")],
    bootstrap: Annotated[
        int, typer.Option("--bootstrap", min=0, help="Bootstrap resamples for the 95% CIs (0: none).")
    ] = DEFAULT_BOOTSTRAP,
    seed: Annotated[int, typer.Option("--seed", help="Bootstrap seed.")] = 0,
    fmt: ReportFormatOpt = TableFormat.TABLE,
    corpus: CorpusOpt = DEFAULT_CORPUS,
) -> None:
    """Intercoder agreement per tag: Cohen's kappa, Krippendorff's alpha, percent agreement, CIs.

    Computed over the statements every file codes; lists the disagreements to adjudicate.
    JSON: {"per_tag": {tag: {kappa, alpha, percent_agreement, ...}}, "overall": {alpha, ...}, ...}.

    Example: rhetoric agreement coder_a.jsonl coder_b.jsonl --format json
    """
    from ..learn.agreement import agreement_files
    from ..learn.render import AGREEMENT_COLUMNS, agreement_renderable, agreement_rows

    if len(files) < 2:
        raise typer.BadParameter("give at least two coder files", param_hint="FILES")
    report = agreement_files(corpus, files, n_boot=bootstrap, seed=seed)
    for message in report.warnings:
        warn(message)
    emit_report(
        fmt, report.to_dict(), agreement_rows(report), AGREEMENT_COLUMNS, _printer(agreement_renderable(report))
    )


@command("template", parent=gold_app)
def template(
    out: Annotated[
        Path | None, typer.Option("--out", help="Write to this file instead of standard output.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --out if it exists.")] = False,
    corpus: CorpusOpt = DEFAULT_CORPUS,
) -> None:
    """Write a gold file of the corpus's statements with the tagger's current tags, for a coder to correct.

    Example: rhetoric gold template --out corpora/ukraine-nato/gold/coder_c.jsonl
    """
    from ..corpus.store import Corpus
    from ..learn.template import dumps_gold_line, gold_template, write_gold_template
    from ..tagging import load_tagger

    tagger = load_tagger(corpus)
    if out is not None:
        n = write_gold_template(Corpus(corpus), tagger, out, force=force)
        typer.echo(f"Wrote {n} statement(s) to {out}")
        return
    for obj in gold_template(Corpus(corpus), tagger):
        sys.stdout.write(dumps_gold_line(obj))


__all__ = ["gold_app"]
