"""Rendering of learning reports: rich tables for people, flat rows for CSV (JSON is ``to_dict``).

Example:
    >>> from rhetoric.learn.evaluate import Counts, EvaluationReport, SystemResult
    >>> r = EvaluationReport(1, 1, 0, [SystemResult("lexicon", {"x": Counts(1, 0, 0)}, {"x": Counts()})])
    >>> evaluation_rows(r)[0]["f1"]
    1.0
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from .agreement import AgreementReport, Stat
from .evaluate import Counts, EvaluationReport, macro, micro
from .suggest import SuggestReport

EVALUATION_COLUMNS = (
    "system",
    "level",
    "scope",
    "tag",
    "precision",
    "recall",
    "f1",
    "support",
    "tp",
    "fp",
    "fn",
)
AGREEMENT_COLUMNS = (
    "tag",
    "items",
    "positives",
    "percent_agreement",
    "kappa",
    "kappa_ci_low",
    "kappa_ci_high",
    "alpha",
    "alpha_ci_low",
    "alpha_ci_high",
    "note",
)
SUGGESTION_COLUMNS = ("statement_id", "tag", "score", "sentence", "start", "end", "text", "ngrams")


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# -- evaluate ---------------------------------------------------------------------------------------


def evaluation_rows(report: EvaluationReport) -> list[dict[str, Any]]:
    """One row per system, level and tag, then micro and macro rows (columns :data:`EVALUATION_COLUMNS`)."""
    rows = []
    for system in report.systems:
        levels = [("statement", system.per_tag)]
        if report.mention_items:
            levels.append(("mention", system.mention_per_tag))
        for level, per_tag in levels:
            for tag, c in per_tag.items():
                rows.append(
                    {"system": system.name, "level": level, "scope": "tag", "tag": tag, **c.to_dict()}
                )
            rows.append(
                {
                    "system": system.name,
                    "level": level,
                    "scope": "micro",
                    "tag": "",
                    **micro(per_tag).to_dict(),
                }
            )
            m = macro(per_tag)
            rows.append(
                {
                    "system": system.name,
                    "level": level,
                    "scope": "macro",
                    "tag": "",
                    **{k: _r(v) for k, v in m.items()},
                    "support": micro(per_tag).support,
                    "tp": "",
                    "fp": "",
                    "fn": "",
                }
            )
    rows += claim_rows(report)
    return [{k: ("" if row.get(k) is None else row[k]) for k in EVALUATION_COLUMNS} for row in rows]


def claim_rows(report: EvaluationReport) -> list[dict[str, Any]]:
    """Rows of the frame, stance and commitment scores: per key, then micro (level = the claim)."""
    rows = []
    for result in report.claims:
        for level, counts in result.sections():
            scope = "pair" if level == "frames" else "class" if level == "commitment" else "tag"
            for key, c in sorted(counts.items()):
                rows.append(
                    {"system": result.name, "level": level, "scope": scope, "tag": key, **c.to_dict()}
                )
            rows.append(
                {
                    "system": result.name,
                    "level": level,
                    "scope": "micro",
                    "tag": "",
                    **micro(counts).to_dict(),
                }
            )
    return rows


_CLAIM_TITLES = {
    "frames": "frame role pairs",
    "stances": "stances (speaker)",
    "third_party": "stances (third party)",
    "commitment": "commitment",
}


def claims_renderable(report: EvaluationReport) -> list[Any]:
    """Micro table of frames, stances and commitment per system, per-key tables, then every error."""
    if not report.claims:
        return []
    first = report.claims[0]
    coded = ", ".join(f"{n} {k}" for k, n in sorted(first.coded.items()))
    table = Table(title=f"Claims (gold lines coded: {coded})", title_justify="left")
    table.add_column("claim")
    table.add_column("support", justify="right")
    for r in report.claims:
        for col in ("P", "R", "F1"):
            table.add_column(f"{r.name} {col}", justify="right")
    for level, counts in first.sections():
        cells = [_CLAIM_TITLES[level], str(micro(counts).support)]
        for r in report.claims:
            cells += _score_cells(micro(dict(r.sections())[level]))
        table.add_row(*cells)
    parts: list[Any] = [table]
    for r in report.claims:
        if first.coded.get("frames"):
            parts.append(
                Text(
                    f"{r.name}: relation agrees on {r.relation.agree}/{r.relation.compared} pairs found, "
                    f"polarity on {r.polarity.agree}/{r.polarity.compared}"
                )
            )
        if first.coded.get("commitment"):
            acc = r.commitment_accuracy()
            parts.append(
                Text(f"{r.name}: commitment accuracy {_fmt(acc.accuracy)} ({acc.agree}/{acc.compared})")
            )
    for level, counts in first.sections():
        per = Table(title=f"{_CLAIM_TITLES[level]} per key", title_justify="left")
        per.add_column("key")
        per.add_column("support", justify="right")
        for r in report.claims:
            for col in ("P", "R", "F1"):
                per.add_column(f"{r.name} {col}", justify="right")
        keys = sorted(set().union(*(dict(r.sections())[level] for r in report.claims)))
        for key in keys:
            cells = [key, str(counts.get(key, Counts()).support)]
            for r in report.claims:
                cells += _score_cells(dict(r.sections())[level].get(key, Counts()))
            per.add_row(*cells)
        parts.append(per)
    for r in report.claims:
        parts.append(Text(f"\n{r.name}: {len(r.errors)} frame, stance and commitment error(s)", style="bold"))
        for e in r.errors:
            line = Text(f"  {e.kind} {e.level} {e.tag}  ")
            line.append(e.gold, style="dim")
            line.append(f"  {e.text}")
            if e.evidence:
                line.append(f"  [{e.evidence}]", style="italic")
            parts.append(line)
    return parts


def _score_cells(c: Counts) -> list[str]:
    return [_fmt(c.precision), _fmt(c.recall), _fmt(c.f1)]


def evaluation_renderable(report: EvaluationReport) -> Group:
    """Side-by-side table (one column group per system) and the list of errors."""
    parts: list[Any] = []
    title = f"Statement level: {report.items} gold statements ({report.free_text} free text)"
    table = Table(title=title, title_justify="left")
    table.add_column("tag")
    table.add_column("support", justify="right")
    for s in report.systems:
        for col in ("P", "R", "F1"):
            table.add_column(f"{s.name} {col}", justify="right")
    first = report.systems[0]
    for tag in first.per_tag:
        cells = [tag, str(first.per_tag[tag].support)]
        for s in report.systems:
            cells += _score_cells(s.per_tag[tag])
        table.add_row(*cells)
    table.add_section()
    table.add_row(
        "micro",
        str(micro(first.per_tag).support),
        *[x for s in report.systems for x in _score_cells(micro(s.per_tag))],
    )
    table.add_row(
        "macro",
        "",
        *[_fmt(v) for s in report.systems for v in macro(s.per_tag).values()],
    )
    parts.append(table)
    if report.mention_items:
        mt = Table(
            title=f"Mention level (overlap): {report.mention_items} statements with gold mentions",
            title_justify="left",
        )
        mt.add_column("system")
        for col in ("P", "R", "F1", "support"):
            mt.add_column(col, justify="right")
        for s in report.systems:
            c = micro(s.mention_per_tag)
            mt.add_row(s.name, *_score_cells(c), str(c.support))
        parts.append(mt)
    for s, level in ((s, level) for s in report.systems for level in ("statement", "mention")):
        errors = [e for e in s.errors if e.level == level]
        if level == "mention" and not report.mention_items:
            continue
        parts.append(Text(f"\n{s.name}: {len(errors)} {level}-level error(s)", style="bold"))
        for e in errors:
            line = Text(f"  {e.kind} {e.tag}  ")
            line.append(e.gold, style="dim")
            line.append(f"  {e.text}")
            if e.evidence:
                line.append(f"  [{e.evidence}]", style="italic")
            parts.append(line)
    parts += claims_renderable(report)
    return Group(*parts)


# -- agreement --------------------------------------------------------------------------------------


def _ci(stat: Stat) -> tuple[float | None, float | None]:
    return stat.ci if stat.ci is not None else (None, None)


def agreement_rows(report: AgreementReport) -> list[dict[str, Any]]:
    """One row per tag and an ``(overall)`` row (columns :data:`AGREEMENT_COLUMNS`)."""
    rows = []
    for t, a in report.per_tag.items():
        notes = dict.fromkeys(r for r in (a.kappa.reason, a.alpha.reason) if r)
        rows.append(
            {
                "tag": t,
                "items": report.items,
                "positives": ";".join(map(str, a.positives)),
                "percent_agreement": _r(a.percent_agreement),
                "kappa": _r(a.kappa.value),
                "kappa_ci_low": _r(_ci(a.kappa)[0]),
                "kappa_ci_high": _r(_ci(a.kappa)[1]),
                "alpha": _r(a.alpha.value),
                "alpha_ci_low": _r(_ci(a.alpha)[0]),
                "alpha_ci_high": _r(_ci(a.alpha)[1]),
                "note": "; ".join(notes),
            }
        )
    o = report.overall
    kappa, alpha = o["kappa"], o["alpha"]
    notes = dict.fromkeys(r for r in (kappa.reason, alpha.reason) if r)
    rows.append(
        {
            "tag": "(overall)",
            "items": report.items,
            "positives": "",
            "percent_agreement": _r(o["percent_agreement"]),
            "kappa": _r(kappa.value),
            "kappa_ci_low": _r(_ci(kappa)[0]),
            "kappa_ci_high": _r(_ci(kappa)[1]),
            "alpha": _r(alpha.value),
            "alpha_ci_low": _r(_ci(alpha)[0]),
            "alpha_ci_high": _r(_ci(alpha)[1]),
            "note": "; ".join(notes),
        }
    )
    return [{k: ("" if row[k] is None else row[k]) for k in AGREEMENT_COLUMNS} for row in rows]


def _value(stat: Stat) -> str:
    return "-" if stat.value is None else f"{stat.value:.3f}"


def _interval(stat: Stat) -> str:
    return "" if stat.ci is None else f"{stat.ci[0]:.2f}..{stat.ci[1]:.2f}"


def agreement_renderable(report: AgreementReport) -> Group:
    """Per-tag table with intervals, reasons for undefined values, the overall line and the disagreements."""
    ci = (
        f"95% bootstrap CIs, {report.bootstrap} resamples, seed {report.seed}"
        if report.bootstrap
        else "no CIs"
    )
    title = f"Agreement of {len(report.coders)} coders on {report.items} statements ({ci})"
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("tag", no_wrap=True)
    for col in ("used", "agree", "kappa", "kappa CI", "alpha", "alpha CI"):
        table.add_column(col, justify="right", no_wrap=True)
    notes: list[str] = []
    for t, a in report.per_tag.items():
        reasons = dict.fromkeys(r for r in (a.kappa.reason, a.alpha.reason) if r)
        notes.extend(f"  {t}: {r}" for r in reasons)
        cells = [
            _fmt(a.percent_agreement),
            _value(a.kappa),
            _interval(a.kappa),
            _value(a.alpha),
            _interval(a.alpha),
        ]
        table.add_row(t, "/".join(map(str, a.positives)), *cells)
    o = report.overall
    table.add_section()
    k, al = o["kappa"], o["alpha"]
    table.add_row(
        "(overall)", "", _fmt(o["percent_agreement"]), _value(k), _interval(k), _value(al), _interval(al)
    )
    notes.extend(f"  (overall): {r}" for r in dict.fromkeys(r for r in (k.reason, al.reason) if r))
    parts: list[Any] = [Text(f"coder {i + 1}: {name}") for i, name in enumerate(report.coders)]
    parts.append(table)
    parts.append(Text(f"Statements with identical tag sets: {_fmt(o['exact_match'])}"))
    if notes:
        parts.append(Text("Undefined or without interval:\n" + "\n".join(notes)))
    parts.append(Text(f"\n{len(report.disagreements)} statement(s) to adjudicate", style="bold"))
    for d in report.disagreements:
        parts.append(
            Text(f"  {d.statement_id or '(free text)'}  lines {'/'.join(map(str, d.lines))}  {d.text}")
        )
        for i, tags in enumerate(d.tags):
            parts.append(Text(f"    coder {i + 1}: {', '.join(tags) or '(none)'}", style="dim"))
        parts.append(Text(f"    differ on: {', '.join(d.differing)}", style="italic"))
    return Group(*parts)


# -- suggest ----------------------------------------------------------------------------------------


def suggestion_rows(report: SuggestReport) -> list[dict[str, Any]]:
    """One row per suggestion; ``ngrams`` joined as ``ngram=weight; …``."""
    rows = []
    for s in report.suggestions:
        d = s.to_dict()
        d["ngrams"] = "; ".join(f"{g['ngram']}={g['weight']}" for g in d["ngrams"])
        d["statement_id"] = d["statement_id"] or ""
        rows.append({k: d[k] for k in SUGGESTION_COLUMNS})
    return rows


def suggestion_renderable(report: SuggestReport) -> Group:
    """Suggestions grouped by tag with their n-grams, then the candidate patterns per tag."""
    parts: list[Any] = [
        Text(
            f"{len(report.suggestions)} suggestion(s) in {report.statements} statements "
            f"(model p >= {report.threshold}, lexicon silent)",
            style="bold",
        )
    ]
    current = None
    for s in report.suggestions:
        if s.tag != current:
            current = s.tag
            parts.append(Text(f"\n{s.tag}", style="bold"))
        parts.append(Text(f"  {s.score:.2f}  {s.statement_id or '(free text)'}  {s.text}"))
        if s.ngrams:
            parts.append(
                Text("        driven by: " + ", ".join(f"{g!r} {w:.2f}" for g, w in s.ngrams), style="dim")
            )
    if report.candidates:
        parts.append(Text("\nCandidate patterns (summed weight, statements):", style="bold"))
        for tag, cands in report.candidates.items():
            parts.append(
                Text(f"  {tag}: " + ", ".join(f"{c.ngram!r} ({c.weight:.2f}, {c.statements})" for c in cands))
            )
    return Group(*parts)


__all__ = [
    "AGREEMENT_COLUMNS",
    "EVALUATION_COLUMNS",
    "SUGGESTION_COLUMNS",
    "agreement_renderable",
    "agreement_rows",
    "claim_rows",
    "claims_renderable",
    "evaluation_renderable",
    "evaluation_rows",
    "suggestion_renderable",
    "suggestion_rows",
]
