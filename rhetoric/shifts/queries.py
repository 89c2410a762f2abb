"""Corpus-level shift queries: compare two statements or two periods, a person's or a party's
timeline, with the guards that keep a comparison meaningful.

``compare`` refuses two statements of speakers of different parties (``party`` in
``actors.toml``) unless asked to compare across speakers, and puts a later-then-earlier pair in
date order with a note. Periods are read with partial dates as intervals
(:class:`rhetoric.dates.PartialDate`): a statement that could fall in both periods is left out
of both, so no statement is ever diffed against itself.

Example:
    >>> shift = compare_statements("corpora/ukraine-nato", from_id="s-134636953483",
    ...                            to_id="s-6c5b18b5efe8")  # doctest: +SKIP
    >>> shift.verdict.value  # doctest: +SKIP
    'softened'
"""

from __future__ import annotations

from dataclasses import replace
from os import PathLike

from ..actors import ActorRegistry
from ..corpus.query import list_statements
from ..corpus.store import Corpus
from ..dates import PartialDate
from ..errors import ActorError, NotFoundError, UsageError
from ..frames.analyze import Analyzer
from ..records import Statement
from .compare import compare
from .evaluate import PairsReport, evaluate_pairs, read_pairs
from .model import Shift
from .occasions import occasion_key
from .timeline import Timeline, timeline


def _require_ids(corpus: Corpus, ids: list[str]) -> dict[str, Statement]:
    found = {s.id: s for s in list_statements(corpus) if s.id in ids}
    for sid in ids:
        if sid not in found:
            raise NotFoundError(
                f"no statement {sid!r} in {str(corpus.statements_path)!r}",
                hint="list ids with `rhetoric list`",
            )
    return found


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


def compare_statements(
    corpus_dir: str | PathLike,
    *,
    from_id: str,
    to_id: str,
    codebook_path: str | PathLike | None = None,
    across_speakers: bool = False,
) -> Shift:
    """Diff two corpus statements (put in date order).

    Raises:
        NotFoundError: If an id is not in the corpus.
        ActorError: If the speakers differ and share no party, unless ``across_speakers``.
    """
    corpus = Corpus(corpus_dir).require()
    found = _require_ids(corpus, [from_id, to_id])
    registry = corpus.actors()
    notes = _speaker_guard(registry, found[from_id], found[to_id], across_speakers=across_speakers)
    if found[to_id].sort_key() < found[from_id].sort_key():
        notes.append(f"{from_id} ({found[from_id].date}) is later than {to_id}; compared in date order")
        from_id, to_id = to_id, from_id
    same_speaker = found[from_id].speaker == found[to_id].speaker
    if same_speaker and from_id != to_id and occasion_key(found[from_id]) == occasion_key(found[to_id]):
        notes.append("both statements come from one occasion; read together they are one position")
    analyzer = Analyzer.for_corpus(corpus_dir, codebook_path=codebook_path)
    a, b = analyzer.analyze_corpus(corpus, ids=[from_id, to_id])
    same = a.statement.speaker == b.statement.speaker
    shift = compare(a, b, opposites=analyzer.opposites, speaker=b.statement.speaker if same else None)
    if not same:
        party = registry.party_of(b.statement.speaker)
        shift = replace(shift, speaker=party or f"{a.statement.speaker} → {b.statement.speaker}")
    return replace(shift, notes=(*shift.notes, *notes))


def party_members(registry: ActorRegistry, party: str) -> tuple[str, tuple[str, ...]]:
    """A party's label and its members' ids.

    Raises:
        NotFoundError: If no actor of ``actors.toml`` has that party.
    """
    resolved = registry.resolve_party(party)
    if resolved is None:
        known = ", ".join(sorted(registry.parties())) or "none"
        raise NotFoundError(
            f"no party {party!r} in actors.toml (parties: {known})",
            hint='give actors a party, e.g. party = "hamas" under [actors.<id>]',
        )
    return resolved, registry.parties()[resolved]


def _members(corpus: Corpus, *, speaker: str | None, party: str | None) -> tuple[str, list[str]]:
    """The label and the actor ids whose statements count (one person, or a party's members)."""
    registry = corpus.actors()
    if party is not None:
        label, members = party_members(registry, party)
        return label, list(members)
    assert speaker is not None
    actor = registry.resolve(speaker)
    return (actor.id if actor else speaker), [actor.id if actor else speaker]


def _statements_of(corpus: Corpus, members: list[str]) -> list[Statement]:
    wanted = set(members)
    return [s for s in list_statements(corpus) if s.speaker in wanted]


def compare_periods(
    corpus_dir: str | PathLike,
    *,
    speaker: str | None = None,
    party: str | None = None,
    until: str,
    since: str,
    codebook_path: str | PathLike | None = None,
) -> Shift:
    """Diff a speaker's (or party's) statements up to ``until`` with those from ``since`` on.

    Dates are intervals: ``--until 2024-12 --since 2024`` is accepted; a statement that could
    fall in both periods (``2024`` with ``--until 2024 --since 2024-06``) is left out of both.

    Raises:
        UsageError: If ``since`` lies wholly before ``until`` (the periods are swapped).
        NotFoundError: If either period has no statement, or the party is unknown.
    """
    corpus = Corpus(corpus_dir).require()
    label, members = _members(corpus, speaker=speaker, party=party)
    upto, from_ = PartialDate.parse(until, field="until"), PartialDate.parse(since, field="since")
    if from_.ends_before(upto):
        raise UsageError(f"--since {since} lies before --until {until}; give the earlier period first")
    statements = _statements_of(corpus, members)
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
    analyzer = Analyzer.for_corpus(corpus_dir, codebook_path=codebook_path)
    a = [analyzer.analyze(s) for s in earlier]
    b = [analyzer.analyze(s) for s in later]
    if party is not None:
        shift = compare(a, b, opposites=analyzer.opposites, speaker=label, own_speakers=True)
        shift = replace(shift, speaker=label)
    else:
        shift = compare(a, b, opposites=analyzer.opposites, speaker=label)
    if both:
        shift = replace(shift, notes=(f"{len(both)} statement(s) could fall in both periods; left out",))
    return shift


def speaker_timeline(
    corpus_dir: str | PathLike,
    *,
    speaker: str | None = None,
    party: str | None = None,
    codebook_path: str | PathLike | None = None,
) -> Timeline:
    """A person's (or a party's) statements in date order, by occasion, with shifts between occasions.

    Raises:
        NotFoundError: If the speaker or party has no statement, or the party is unknown.
        UsageError: Unless exactly one of ``speaker`` and ``party`` is given.
    """
    if (speaker is None) == (party is None):
        raise UsageError("give --speaker or --party")
    corpus = Corpus(corpus_dir).require()
    label, members = _members(corpus, speaker=speaker, party=party)
    statements = _statements_of(corpus, members)
    if not statements:
        raise NotFoundError(
            f"no statement of {label!r} in {str(corpus.statements_path)!r}",
            hint="list speakers with `rhetoric list --format csv` or check actors.toml",
        )
    analyzer = Analyzer.for_corpus(corpus_dir, codebook_path=codebook_path)
    analyses = [analyzer.analyze(s) for s in statements]
    if party is not None:
        return timeline(analyses, speaker=label, opposites=analyzer.opposites, party=label)
    return timeline(analyses, speaker=statements[0].speaker, opposites=analyzer.opposites)


def _text_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def evaluate_pairs_file(
    corpus_dir: str | PathLike,
    *,
    pairs_path: str | PathLike,
    statements_path: str | PathLike | None = None,
    codebook_path: str | PathLike | None = None,
) -> PairsReport:
    """Score coded shift pairs (realdev format) against this corpus's readings.

    Args:
        corpus_dir: The corpus holding the statements.
        pairs_path: The pairs JSONL file.
        statements_path: A JSONL file of the coded statements (``id``, ``text``) when the pairs
            use the coders' ids: each is matched to the corpus statement with the same text.
        codebook_path: Another codebook file.

    Raises:
        NotFoundError: If a pair's statement is not in the corpus.
    """
    import json

    corpus = Corpus(corpus_dir).require()
    pairs = read_pairs(pairs_path)
    by_id = {s.id: s for s in list_statements(corpus)}
    by_text = {_text_key(s.text): s.id for s in by_id.values()}
    coded: dict[str, str] = {}
    if statements_path is not None:
        for line in open(statements_path, encoding="utf-8"):
            if line.strip():
                d = json.loads(line)
                coded[str(d.get("id", ""))] = str(d.get("text", ""))

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

    analyzer = Analyzer.for_corpus(corpus_dir, codebook_path=codebook_path)
    cache: dict[str, object] = {}

    def analysis(sid: str):
        if sid not in cache:
            cache[sid] = analyzer.analyze(by_id[sid])
        return cache[sid]

    def compare_ids(x: str, y: str) -> Shift:
        a, b = analysis(x), analysis(y)
        same = a.statement.speaker == b.statement.speaker
        return compare(a, b, opposites=analyzer.opposites, speaker=b.statement.speaker if same else None)

    return evaluate_pairs(pairs, compare_ids, resolve=resolve)
