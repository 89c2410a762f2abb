"""Attribution cues in a sentence: who is reported as saying (or holding) what, with character spans.

Works on a *masked* copy of the article (quoted words hidden, offsets kept), one
sentence unit at a time, without a parser. Shapes recognised:

* subject-first: ``X said (that) …``, ``X told reporters …``, ``X has argued that …``,
  ``X, for his part, has previously argued …``, ``X has never supported …`` (stance verbs keep
  the verb in the content), ``X renewed calls for …``, ``X opened up to …``;
* hearsay passives: ``X is said to support …``, ``X is believed to …``;
* ``according to X, …`` and ``…, according to X``;
* quote-first and trailing: ``“…,” he said``, ``“…,” said X``, ``…, X said on Sunday.``;
* participles continuing the subject's speech: ``…, adding that …``;
* several attributions per sentence, split at coordinating boundaries (``, and X said …``),
  while cues inside reported content ("according to X, the US opposes it") stay nested.

Subjects come back as spans; :mod:`speakers` resolves them.

Example:
    >>> text = "Zelensky said on Sunday that talks were impossible."
    >>> [(a.cue, text[a.content[0]:a.content[1]]) for a in find_attributions(text, text, (0, len(text)))]
    [('said', 'talks were impossible')]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .clauses import Cue, Token, UnitParser
from .lexicon import (
    AUXILIARIES,
    DETERMINERS,
    PRONOUNS,
    VAGUE_QUANTIFIERS,
)
from .spans import (
    according_content,
    inverted_content,
    participle_content,
    trim,
    trim_subject,
    verb_content,
)
from .types import CharSpan, CueClass, Pattern


@dataclass(frozen=True)
class Attribution:
    """One attribution found in a sentence unit (spans into the article)."""

    pattern: Pattern
    cue: str
    cue_span: CharSpan
    content: CharSpan
    subject: CharSpan | None = None
    cue_class: CueClass = CueClass.REPORTING
    perfect: bool = False
    inherit: bool = False
    dangling: bool = False
    scope: tuple[CharSpan, ...] = ()
    extra_contents: tuple[CharSpan, ...] = ()
    relay: CharSpan | None = None


def find_attributions(
    text: str,
    masked: str,
    unit: CharSpan,
    accept: Callable[[str], bool] | None = None,
) -> list[Attribution]:
    """Attributions in one sentence unit.

    Args:
        text: The article.
        masked: The article with quoted words masked (:func:`quotes.mask_quotes`).
        unit: The unit's span (a sentence, or sentences joined by a quote running across them).
        accept: Whether a subject phrase can be a speaker (default: any non-empty phrase).

    Returns:
        Attributions in text order; content spans exclude surrounding punctuation.

    Example:
        >>> t = "Putin has long cited NATO expansion, and Moscow has presented its terms as final."
        >>> [(a.cue, t[a.subject[0]:a.subject[1]]) for a in find_attributions(t, t, (0, len(t)))]
        [('has long cited', 'Putin'), ('has presented', 'Moscow')]
    """
    accept = accept or (lambda phrase: bool(phrase.strip()))
    p = UnitParser(text, masked, unit, accept)
    toks = p.toks
    if not toks:
        return []
    cues = p.cues()
    accepted: list[Cue] = []
    for cue in cues:
        if cue.kind in ("verb", "hearsay"):
            _verb_subject(p, cue, accepted)
            if cue.subject is None and not cue.inherit and not cue.may_invert:
                continue
            if not cue.valid and cue.may_invert:
                cue.kind, cue.pattern = "inverted", Pattern.QUOTE_ATTRIBUTED
                inverted_content(p, cue)
        elif cue.kind == "according":
            according_content(p, cue)
        elif cue.kind == "participle":
            cue.valid, cue.inherit = bool(accepted), True
            cue.clause_start = toks[cue.index - 1].start
        if cue.kind not in ("verb", "hearsay") and not cue.valid:
            continue
        # Nesting: a cue inside reported content belongs to that content, unless a coordinated
        # clause with its own subject starts there; a stance content ends at any new clause.
        parent = next(
            (
                a
                for a in reversed(accepted)
                if a.right_open and a.kind != "boundary" and a.content[0] <= toks[cue.index].start
            ),
            None,
        )
        if cue.kind in ("verb", "hearsay") and not cue.valid:
            if parent is not None and cue.subject is not None and _np_start(toks[cue.subject[0]]):
                accepted.append(_boundary_only(cue))
            continue
        if cue.kind == "verb":
            verb_content(p, cue)
        elif cue.kind == "hearsay":
            cue.content = [toks[cue.end_index].start if cue.end_index < len(toks) else unit[1], unit[1]]
        elif cue.kind == "participle":
            participle_content(p, cue)
        trailing = cue.left_content is not None and not cue.right_open
        if cue.kind == "according" and trailing and _relays_last(p, cue, accepted):
            continue
        if parent is not None and parent.cue_class == CueClass.REPORTING and cue.kind in ("verb", "hearsay"):
            if trailing and cue.subject is not None:
                # "Putin told him that …, the White House said": the relay of the reported content.
                parent.content[1] = min(parent.content[1], cue.clause_start)
                parent.relay = (toks[cue.subject[0]].start, toks[cue.subject[1] - 1].end)
                continue
            if not (cue.coordinating or cue.inherit):
                continue
        if trailing and cue.left_content is not None:
            # A sentence-final "…, X said" owns the clause before it, cues in it included.
            lo, hi = cue.left_content
            accepted = [a for a in accepted if not lo <= toks[a.index].start < hi]
        accepted.append(cue)
    return _finish(p, accepted)


def _verb_subject(p: UnitParser, cue: Cue, accepted: list[Cue]) -> None:
    """Find and check the subject of a verb cue; a verb right after "and"/"but" shares the previous one."""
    toks = p.toks
    found = p.subject(cue.vg_start)
    if found is None:
        before = toks[cue.vg_start - 1].low if cue.vg_start else ""
        if before in ("and", "but") and any(a.kind != "boundary" for a in accepted):
            cue.inherit = cue.valid = True
            cue.clause_start = toks[cue.vg_start - 1].start
            cue.coordinating = True
        return
    (i0, i1), clause_start, coordinating = found
    cue.subject, cue.clause_start, cue.coordinating = (i0, i1), clause_start, coordinating
    phrase = p.span_text(i0, i1)
    cue.valid = phrase.lower() in PRONOUNS or p.accept(phrase)
    if cue.valid and cue.lemma not in ("say", "tell") and toks[cue.index].low == cue.lemma:
        # A bare base form ("the support") is a verb only after an auxiliary or a plural subject.
        group = [toks[j].low for j in range(cue.vg_start, cue.index)]
        plural = phrase.lower() in ("they", "we", "i", "you") or " and " in phrase or phrase.endswith("s")
        cue.valid = any(g in AUXILIARIES for g in group) or plural


def _relays_last(p: UnitParser, cue: Cue, accepted: list[Cue]) -> bool:
    """ ", X said on Monday, according to TASS": the outlet relays X's statement (no speaker itself).

    Marks the sentence-final attribution right before "according to" as relayed and returns True.
    """
    last = next((a for a in reversed(accepted) if a.kind != "boundary"), None)
    if last is None or last.kind not in ("verb", "inverted") or last.right_open:
        return False
    if last.content[0] >= p.toks[last.index].start:
        return False  # its content is not on the left
    between = [j for j in range(last.end_index, cue.index) if p.toks[j].is_word and j not in p.time_ids]
    if between or cue.subject is None:
        return False
    toks = p.toks
    last.relay = (toks[cue.subject[0]].start, toks[cue.subject[1] - 1].end)
    return True


def _np_start(tok: Token) -> bool:
    """Whether a token can begin a noun phrase (so that a failed subject still marks a new clause)."""
    return (
        tok.text[0].isupper() or tok.low in PRONOUNS or tok.low in DETERMINERS or tok.low in VAGUE_QUANTIFIERS
    )


def _boundary_only(cue: Cue) -> Cue:
    marker = Cue("boundary", cue.index, cue.end_index, clause_start=cue.clause_start)
    marker.right_open = False
    marker.content = [cue.clause_start, cue.clause_start]
    return marker


def _finish(p: UnitParser, accepted: list[Cue]) -> list[Attribution]:
    toks = p.toks
    # Right-running contents stop where the next clause of an attribution (or participle) begins.
    for n, cue in enumerate(accepted):
        if not cue.right_open:
            continue
        for later in accepted[n + 1 :]:
            if later.clause_start > cue.content[0]:
                cue.content[1] = min(cue.content[1], later.clause_start)
                break
            if later.left_content is not None and later.left_content[0] >= cue.content[0]:
                cue.content[1] = min(cue.content[1], later.left_content[0])
                break
    out: list[Attribution] = []
    for cue in accepted:
        if cue.kind == "boundary":
            continue
        s, e = trim(p.text, p.masked, cue.content[0], cue.content[1])
        subject = None
        if cue.subject is not None:
            subject = (toks[cue.subject[0]].start, toks[cue.subject[1] - 1].end)
            subject = trim_subject(p.text, *subject)
        cue_start = toks[cue.vg_start if cue.kind in ("verb", "hearsay") else cue.index].start
        cue_end = toks[cue.end_index - 1].end
        scope: list[CharSpan] = []
        if cue.kind in ("verb", "hearsay", "participle"):
            scope.append((cue.clause_start, cue_end))
            if cue.cue_class == CueClass.REPORTING and s > cue_end:
                scope.append((cue_end, s))
            if not cue.right_open:
                scope.append((cue_end, p.unit[1]))
        elif cue.kind == "according":
            scope.append(
                (cue.clause_start, toks[cue.index].start)
                if cue.left_content is None
                else (cue_start, p.unit[1])
            )
        elif cue.kind == "inverted":
            scope.append((cue_start, p.unit[1]))
        extra: tuple[CharSpan, ...] = ()
        if cue.left_content is not None and cue.right_open and s < e:
            extra = (trim(p.text, p.masked, *cue.left_content),)
        dangling = s >= e
        out.append(
            Attribution(
                pattern=cue.pattern,
                cue=" ".join(p.text[cue_start:cue_end].split()),
                cue_span=(cue_start, cue_end),
                content=(s, e),
                subject=subject,
                cue_class=cue.cue_class,
                perfect=cue.perfect,
                inherit=cue.inherit,
                dangling=dangling,
                scope=tuple(scope),
                extra_contents=extra,
                relay=cue.relay,
            )
        )
    return out
