"""Corpus-level shift queries: compare two statements or two periods, a person's or a party's
timeline, with the guards that keep a comparison meaningful.

``compare`` refuses two statements of speakers of different parties (``party`` in
``actors.toml``) unless asked to compare across speakers, and puts a later-then-earlier pair in
date order with a note. Periods are read with partial dates as intervals
(:class:`rhetoric.dates.PartialDate`): a statement that could fall in both periods is left out
of both, so no statement is ever diffed against itself.

The queries run on an open corpus session (:class:`rhetoric.session.Session`), which selects
the statements and analyses each once.

Example:
    >>> from rhetoric.session import Session
    >>> shift = compare_statements(Session.open("corpora/ukraine-nato"), from_id="s-134636953483",
    ...                            to_id="s-6c5b18b5efe8")
    >>> shift.verdict.value
    'softened'
"""

from __future__ import annotations

from dataclasses import replace
from os import PathLike
from typing import TYPE_CHECKING

from ..actors import ActorRegistry
from ..dates import PartialDate
from ..errors import ActorError, NotFoundError, UsageError
from ..records import Statement
from .compare import compare
from .evaluate import PairsReport, evaluate_pairs, read_coded_statements, read_pairs
from .model import Shift
from .occasions import occasion_key

if TYPE_CHECKING:  # the session (a later layer) is passed in by the caller, never imported
    from ..session import Session


def _speaker_guard(
    registry: ActorRegistry, a: Statement, b: Statement, *, across_speakers: bool
) -> list[str]:
    """Notes for two speakers of one party; ActorError for different parties."""
    if a.speaker == b.speaker:
        return []
    pa, pb = registry.party_of(a.speaker), registry.party_of(b.speaker)
    if pa and pa == pb:
        return [f"{a.speaker} and {b.speaker} compared as party {pa}"]
    if across_speakers:
        return [f"different speakers compared on request: {a.speaker} → {b.speaker}"]
    parties = f"party {pa or 'none'} and party {pb or 'none'}"
    raise ActorError(
        f"{a.id} is by {a.speaker!r} and {b.id} by {b.speaker!r} ({parties}); a shift is one side's move",
        hint="give both the same party in actors.toml, or pass --across-speakers to compare them anyway",
    )


def compare_statements(session: Session, *, from_id: str, to_id: str, across_speakers: bool = False) -> Shift:
    """Diff two corpus statements (put in date order).

    Raises:
        NotFoundError: If an id is not in the corpus.
        ActorError: If the speakers differ and share no party, unless ``across_speakers``.
    """
    first, second = session.select(ids=[from_id, to_id])
    found = {first.id: first, second.id: second}
    registry = session.actors
    notes = _speaker_guard(registry, found[from_id], found[to_id], across_speakers=across_speakers)
    if found[to_id].sort_key() < found[from_id].sort_key():
        notes.append(f"{from_id} ({found[from_id].date}) is later than {to_id}; compared in date order")
        from_id, to_id = to_id, from_id
    same_speaker = found[from_id].speaker == found[to_id].speaker
    if same_speaker and from_id != to_id and occasion_key(found[from_id]) == occasion_key(found[to_id]):
        notes.append("both statements come from one occasion; read together they are one position")
    a, b = session.analyze([found[from_id], found[to_id]])
    same = a.statement.speaker == b.statement.speaker
    shift = compare(
        a, b, opposites=session.analyzer.opposites, scales=session.analyzer.scales,
        speaker=b.statement.speaker if same else None,
    )
    if not same:
        party = registry.party_of(b.statement.speaker)
        shift = replace(shift, speaker=party or f"{a.statement.speaker} → {b.statement.speaker}")
    return replace(shift, notes=(*shift.notes, *notes))


def compare_periods(
    session: Session, *, speaker: str | None = None, party: str | None = None, until: str, since: str
) -> Shift:
    """Diff a speaker's (or party's) statements up to ``until`` with those from ``since`` on.

    Dates are intervals: ``--until 2024-12 --since 2024`` is accepted; a statement that could
    fall in both periods (``2024`` with ``--until 2024 --since 2024-06``) is left out of both.

    Raises:
        UsageError: If ``since`` lies wholly before ``until`` (the periods are swapped).
        NotFoundError: If either period has no statement, or the party is unknown.
    """
    session.corpus.require()
    label, members = session.members(speaker=speaker, party=party)
    upto, from_ = PartialDate.parse(until, field="until"), PartialDate.parse(since, field="since")
    if from_.ends_before(upto):
        raise UsageError(f"--since {since} lies before --until {until}; give the earlier period first")
    wanted = set(members)
    statements = [s for s in session.select() if s.speaker in wanted]
    in_earlier = {s.id for s in statements if s.partial_date.may_be_on_or_before(upto)}
    in_later = {s.id for s in statements if s.partial_date.may_be_on_or_after(from_)}
    both = in_earlier & in_later
    earlier = [s for s in statements if s.id in in_earlier - both]
    later = [s for s in statements if s.id in in_later - both]
    for word, found, bound in (("up to", earlier, until), ("from", later, since)):
        if not found:
            raise NotFoundError(
                f"no statement of {label!r} {word} {bound}"
                + (f" ({len(both)} fall in both periods and are left out)" if both else ""),
                hint=f"list them with `rhetoric list --speaker {label}`" if party is None else "",
            )
    a, b = session.analyze(earlier), session.analyze(later)
    opposites = session.analyzer.opposites
    if party is not None:
        shift = compare(a, b, opposites=opposites, scales=session.analyzer.scales, speaker=label, own_speakers=True)
        shift = replace(shift, speaker=label)
    else:
        shift = compare(a, b, opposites=opposites, scales=session.analyzer.scales, speaker=label)
    if both:
        shift = replace(shift, notes=(f"{len(both)} statement(s) could fall in both periods; left out",))
    return shift


def _text_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def evaluate_pairs_file(
    session: Session, *, pairs_path: str | PathLike, statements_path: str | PathLike | None = None
) -> PairsReport:
    """Score coded shift pairs (realdev format) against this corpus's readings.

    Args:
        session: The open corpus holding the statements.
        pairs_path: The pairs JSONL file.
        statements_path: A JSONL file of the coded statements (``id``, ``text``) when the pairs
            use the coders' ids: each is matched to the corpus statement with the same text.

    Raises:
        NotFoundError: If a pair's statement is not in the corpus.
    """
    pairs = read_pairs(pairs_path)
    by_id = {s.id: s for s in session.select()}
    by_text = {_text_key(s.text): s.id for s in by_id.values()}
    coded = read_coded_statements(statements_path) if statements_path is not None else {}

    def resolve(pair_id: str) -> str:
        if pair_id in by_id:
            return pair_id
        sid = by_text.get(_text_key(coded.get(pair_id, "\0")))
        if sid is None:
            raise NotFoundError(
                f"pair statement {pair_id!r} is not in the corpus",
                hint="import the coded statements, and pass them with --statements to match ids by text",
            )
        return sid

    def compare_ids(x: str, y: str) -> Shift:
        a, b = session.analyze([by_id[x], by_id[y]])
        same = a.statement.speaker == b.statement.speaker
        return compare(
            a, b, opposites=session.analyzer.opposites, scales=session.analyzer.scales,
            speaker=b.statement.speaker if same else None,
        )

    return evaluate_pairs(pairs, compare_ids, resolve=resolve)
