"""Extraction pipeline: article text -> ordered candidate statements (speaker, content, date, offsets).

Stages: quote spans (:mod:`quotes`) -> sentence units (sentences joined where a quote runs
across them) -> attribution cues (:mod:`reported`) -> speakers (:mod:`speakers`) -> dates
(:mod:`reltime`) -> standalone quotes attached to the speaker of the quote before them or
of a dangling "X said:" -> candidates ordered by (date, offset).

Example:
    >>> from rhetoric.actors import ActorRegistry
    >>> reg = ActorRegistry.from_dict({"actors": {"putin": {"name": "Vladimir Putin", "aliases": ["Putin"]}}})
    >>> [(c.speaker, c.text, c.date) for c in extract_statements(
    ...     "Putin said on Tuesday that talks were over.", actors=reg, article_date="2024-12-05")]
    [('putin', 'talks were over', '2024-12-03')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from ..actors import ActorRegistry
from ..dates import PartialDate
from ..errors import ExtractionError
from ..text.sentences import split_sentences
from ..types import Kind
from .candidate import Candidate
from .lexicon import CIRCUMSTANCE_PREPOSITIONS, CONTENTLESS_LEMMAS, DOCUMENT_NOUNS, PRONOUNS, VERB_FORMS
from .quotes import Quote, find_quotes, mask_quotes, paragraphs
from .referents import Referents
from .reltime import ResolvedDate, default_date, find_time_cues, resolve_time, specificity
from .reported import Attribution, find_attributions
from .speakers import Discourse, Speaker, SpeakerResolver
from .types import BASE_CONFIDENCE, UNBALANCED_QUOTE_CONFIDENCE, CharSpan, CueClass, Pattern

#: Confidence factor by how the speaker was resolved.
SPEAKER_FACTOR: dict[str, float] = {
    "alias": 1.0,
    "name": 1.0,
    "relay": 0.95,
    "descriptor": 0.9,
    "party": 0.85,
    "document": 0.85,
    "pronoun": 0.85,
    "unresolved": 0.8,
}
#: Bare quotes shorter than this (in words) are scare quotes, not statements.
MIN_STANDALONE_QUOTE_WORDS = 3


_DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,2}?)?(?:\s*\([^)]{1,40}\))?\s*[-–—]{1,2}\s+"
)
_SENTENCE_END = ".!?"
_PREPOSITIONS = frozenset("with to by for of against from on at about than like between among".split())


def is_headline(text: str, para: CharSpan, *, first: bool = False) -> bool:
    """A paragraph without sentence-final punctuation and at most 15 words (a title or subheading).

    The article's first paragraph is its headline at any length when it has no final punctuation
    (a long title "…, Kremlin spokesperson says" is not a statement of the body).

    Example:
        >>> is_headline("Changing rhetoric", (0, 17)), is_headline("He said no.", (0, 11))
        (True, False)
    """
    body = text[para[0] : para[1]].rstrip()
    last = body[-1:]
    ends = last in _SENTENCE_END + ":" or (last in '”"’»' and body[-2:-1] in _SENTENCE_END + ",")
    return not ends and ". " not in body and (first or len(body.split()) <= 15)


def sentence_units(text: str, quotes: list[Quote]) -> list[CharSpan]:
    """Sentences, joined where a quotation runs across a sentence (or paragraph) boundary.

    Example:
        >>> t = 'He said: “One. Two.” Then left.'
        >>> [t[s:e] for s, e in sentence_units(t, find_quotes(t))]
        ['He said: “One. Two.”', 'Then left.']
    """
    units = [list(span) for span in split_sentences(text)]
    merged: list[list[int]] = []
    qi = 0
    for span in units:
        while qi < len(quotes) and quotes[qi].end <= span[0]:
            qi += 1
        if merged and any(
            q.start < merged[-1][1] and q.end > span[0] for q in quotes[max(0, qi - 1) : qi + 2]
        ):
            merged[-1][1] = max(merged[-1][1], span[1])
        else:
            merged.append(span)
    return [(s, e) for s, e in merged]


@dataclass
class _State:
    """What the pipeline remembers between units."""

    discourse: Discourse
    last_direct: tuple[list[Speaker], int, ResolvedDate] | None = None  # speakers, paragraph, date
    dangling: tuple[list[Speaker], int, ResolvedDate, str] | None = None  # + cue
    open_quote: tuple[Quote, int] | None = None  # unattributed standalone quote, paragraph
    candidates: list[Candidate] = field(default_factory=list)


class _Extractor:
    def __init__(
        self, text: str, actors: ActorRegistry, article_date: PartialDate | None, meta: dict[str, str]
    ) -> None:
        self.text = text
        self.article_date = article_date
        self.meta = meta
        self.quotes = find_quotes(text)
        self.masked = mask_quotes(text, self.quotes)
        self.resolver = SpeakerResolver(actors)
        self._cache: dict[str, list[Speaker]] = {}
        self.paras = paragraphs(text)
        self._para_ends = [e - 1 for _s, e in self.paras]
        self._quote_ends = [q.end - 1 for q in self.quotes]
        self.mentions = self.resolver.mentions(text)
        self._mention_offsets = [off for off, _s in self.mentions]
        self.referents = Referents(text, self.mentions)
        self.state = _State(Discourse(self.mentions))

    def speakers_of(self, phrase: str) -> list[Speaker]:
        if phrase not in self._cache:
            self._cache[phrase] = self.resolver.resolve(phrase)
        return self._cache[phrase]

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph containing ``offset`` (or the next one after a blank line)."""
        n = bisect.bisect_right(self._para_ends, offset)
        return min(n, len(self.paras) - 1)

    # -- dates -----------------------------------------------------------------------------------

    def date_for(self, attr: Attribution, unit: CharSpan, first_subject: int) -> tuple[ResolvedDate, str]:
        """The date and its evidence: the clause's own time cue, a sentence-initial one, or the aspect."""
        own = [c for s, e in attr.scope for c in find_time_cues(self.masked, s, e)]
        # "warned on Monday against …": a time phrase right after the verb dates the statement.
        after = attr.cue_span[1]
        own += [
            c
            for c in find_time_cues(self.masked, after, min(unit[1], after + 40))
            if not self.masked[after : c.start].strip() and c not in own
        ]
        if not own and first_subject > unit[0]:
            own = find_time_cues(self.masked, unit[0], first_subject)
        resolved: list[tuple[ResolvedDate, str]] = []
        for cue in own:
            try:
                resolved.append((resolve_time(cue.text, self.article_date), cue.text))
            except ExtractionError as exc:
                return ResolvedDate("", "", "needs_article_date"), f"{cue.text} ({exc.message})"
        if resolved:
            return max(resolved, key=lambda r: specificity(r[0].date))
        fallback = default_date(self.article_date, perfect=attr.perfect)
        return fallback, {"perfect_aspect": "perfect aspect", "article_date": "article date"}.get(
            fallback.rule, ""
        )

    # -- candidates ------------------------------------------------------------------------------

    def quotes_in(self, s: int, e: int) -> list[Quote]:
        """Quotes overlapping ``[s, e)`` (quotes are ordered and do not overlap each other)."""
        k = bisect.bisect_right(self._quote_ends, s)
        out = []
        while k < len(self.quotes) and self.quotes[k].start < e:
            out.append(self.quotes[k])
            k += 1
        return out

    def make(
        self,
        speakers: list[Speaker],
        span: CharSpan,
        *,
        pattern: Pattern,
        cue: str,
        date: ResolvedDate,
        evidence: str,
        hearsay: bool = False,
        pronoun: bool = False,
        note: str = "",
    ) -> None:
        s, e = span
        if e <= s:
            return
        inside = self.quotes_in(s, e)
        if hearsay:
            kind = Kind.REPORTED
        elif inside:
            kind = Kind.DIRECT
        else:
            kind = Kind.PARAPHRASE
        notes: list[str] = [note] if note else []
        for speaker in speakers:
            factor = SPEAKER_FACTOR["pronoun"] if pronoun else SPEAKER_FACTOR.get(speaker.method, 0.8)
            confidence = BASE_CONFIDENCE[pattern] * factor
            if any(not q.balanced for q in inside):
                confidence = min(confidence, UNBALANCED_QUOTE_CONFIDENCE)
                notes = [*notes, "unbalanced quote mark: closed at the paragraph end"]
            if not speaker.known:
                notes_for = [*notes, "speaker not in actors.toml"]
            else:
                notes_for = notes
            if not date.date:
                notes_for = [*notes_for, "no date: pass --date"]
            self.state.candidates.append(
                Candidate(
                    speaker=speaker.id,
                    speaker_as_written=speaker.as_written,
                    text=self.text[s:e],
                    kind=kind.value,
                    date=date.date,
                    date_qualifier=date.qualifier,
                    start=s,
                    end=e,
                    cue=cue,
                    confidence=round(confidence, 2),
                    source=self.meta.get("source", ""),
                    url=self.meta.get("url", ""),
                    document=self.meta.get("document", ""),
                    date_evidence=evidence,
                    speaker_known=speaker.known,
                    note="; ".join(notes_for),
                )
            )

    def run(self) -> list[Candidate]:
        headlines = [p for p in self.paras if is_headline(self.text, p)]
        if (
            self.paras
            and self.paras[0] not in headlines
            and is_headline(self.text, self.paras[0], first=True)
        ):
            headlines.append(self.paras[0])
        for start, end in sentence_units(self.text, self.quotes):
            if any(s <= start < e for s, e in headlines):
                continue
            m = _DATELINE_RE.match(self.text, start, end)
            if m and any(s == start for s, _e in self.paras):
                start = m.end()  # "KYIV, Feb 19 (Reuters) - " belongs to no statement
            self.unit((start, end))
        by_offset = sorted(self.state.candidates, key=lambda c: (c.start, c.end))
        rank = {id(c): n for n, c in enumerate(by_offset)}
        placed = [replace(c, position=rank[id(c)]) for c in self.state.candidates]
        return sorted(placed, key=Candidate.sort_key)

    def unit(self, unit: CharSpan) -> None:
        st = self.state
        para = self.paragraph_of(unit[0])
        attrs = find_attributions(
            self.text,
            self.masked,
            unit,
            accept=lambda phrase: bool(self.speakers_of(phrase)) or Referents.refers_back(phrase),
        )
        self.note_sentence_subject(unit, attrs)
        covered: list[CharSpan] = []
        previous: list[Speaker] = []
        first_subject = min((a.subject[0] for a in attrs if a.subject), default=unit[0])
        for attr in attrs:
            pronoun = False
            if attr.inherit:
                speakers = previous
            elif attr.subject is None:
                speakers = []
            else:
                phrase = self.text[attr.subject[0] : attr.subject[1]]
                if phrase.lower() in PRONOUNS:
                    pronoun = True
                    speakers = [
                        Speaker(s.id, phrase, "pronoun", s.known, s.kind, s.gender)
                        for s in st.discourse.resolve(phrase, attr.subject[0])
                    ]
                else:
                    speakers = self.named(phrase, attr.subject[0])
            if not speakers:
                continue
            if attr.subject is not None:
                st.discourse.note(attr.subject[0], speakers)
            previous = speakers
            self.note_documents(attr, speakers)
            if self.contentless(attr):
                continue
            date, evidence = self.date_for(attr, unit, first_subject)
            if pronoun and not evidence.strip() or (pronoun and evidence == "article date"):
                if st.last_direct and st.last_direct[0][0].id == speakers[0].id:
                    date, evidence = st.last_direct[2], "previous statement of the same speaker"
            if attr.dangling:
                if st.open_quote is not None and st.open_quote[1] == para:
                    q = st.open_quote[0]
                    self.make(
                        speakers,
                        (q.start, q.end),
                        pattern=Pattern.QUOTE_ATTRIBUTED,
                        cue=attr.cue,
                        date=date,
                        evidence=evidence,
                    )
                    st.open_quote = None
                    st.last_direct = (speakers, para, date)
                else:
                    st.dangling = (speakers, para, date, attr.cue)
                continue
            relay = ""
            if attr.relay:
                speakers, relay = self.relayed(speakers, attr)
            hearsay = attr.pattern == Pattern.HEARSAY or "reportedly" in attr.cue.lower() or bool(relay)
            if relay and self.wholly_quoted(attr.content):
                hearsay = False  # a relayed quotation is still the speaker's own words (direct)
            for span in (*attr.extra_contents, attr.content):
                self.make(
                    speakers,
                    span,
                    pattern=attr.pattern,
                    cue=attr.cue,
                    date=date,
                    evidence=evidence,
                    hearsay=hearsay,
                    pronoun=pronoun,
                    note=relay,
                )
                covered.append(span)
            if self.quotes_in(*attr.content):
                st.last_direct = (speakers, para, date)
        self.standalone_quotes(unit, para, covered, bool(attrs))

    def relayed(self, speakers: list[Speaker], attr: Attribution) -> tuple[list[Speaker], str]:
        """Speakers and relay note of "X said that …, Y said" / "…, Y said, according to Z".

        When a state or organisation's words come through a person who speaks for it ("Turkey
        stressed that …, Foreign Minister Ana Vidal said"), the person is the speaker.
        """
        assert attr.relay is not None
        s, e = attr.relay
        phrase = self.text[s:e]
        via = (
            [self.full_name(v, s) for v in self.speakers_of(phrase)] if phrase.lower() not in PRONOUNS else []
        )
        if len(via) == 1 and via[0].kind == "person" and all(sp.kind != "person" for sp in speakers):
            self.state.discourse.note(s, via)
            return via, ""
        return speakers, f"relayed by {phrase}"

    def wholly_quoted(self, span: CharSpan) -> bool:
        """Whether a content span starts and ends with quote marks of its quotations."""
        inside = self.quotes_in(*span)
        return bool(inside) and inside[0].start == span[0] and inside[-1].end >= span[1] - 1

    def named(self, phrase: str, offset: int) -> list[Speaker]:
        """Speakers of a subject phrase, with names the article gives elsewhere (:mod:`referents`)."""
        speakers = [self.full_name(s, offset) for s in self.speakers_of(phrase)]
        if len(speakers) <= 1 and not (
            speakers and speakers[0].kind == "person" and speakers[0].method != "unresolved"
        ):
            person = self.referents.person_for(phrase, offset)
            if person is not None:
                return [self.full_name(person, offset)]
            outlet = self.referents.outlet_for(phrase, offset)
            if outlet is not None:
                return [outlet]
        return speakers or self.referents.document_for(phrase, offset)

    def note_documents(self, attr: Attribution, speakers: list[Speaker]) -> None:
        """Remember the issuer of a document an attribution names ("said in a statement")."""
        spans = [attr.cue_span, *attr.scope]
        words = {w.strip(".,;:").lower() for s, e in spans for w in self.masked[s:e].split()}
        for noun in words & DOCUMENT_NOUNS:
            self.referents.note_document(noun, attr.cue_span[0], speakers)

    def contentless(self, attr: Attribution) -> bool:
        """A wish or act (:data:`CONTENTLESS_LEMMAS`), or a stance verb with nothing after it, or only
        a place or time: no statement.

        "The Kremlin has not confirmed." and "The talks have concluded in Antalya." report
        no content; "has never supported the idea" does.
        """
        if any(VERB_FORMS.get(w.lower()) in CONTENTLESS_LEMMAS for w in attr.cue.split()):
            return True
        if attr.cue_class != CueClass.STANCE:
            return False
        start, end = attr.cue_span[1], attr.content[1]
        for cue in find_time_cues(self.masked, start, end):  # "warned on Monday against …"
            if self.masked[start : cue.start].strip(" ,"):
                break
            start = cue.end
        rest = self.text[start:end].split()
        return not rest or rest[0].lower() in CIRCUMSTANCE_PREPOSITIONS

    def full_name(self, speaker: Speaker, offset: int) -> Speaker:
        """An unknown surname ("Rutte", "Mr Sybiha") becomes the full name mentioned before it."""
        if speaker.known or " " in speaker.id.strip():
            return speaker
        surname = speaker.id.strip().lower()
        for off, mention in reversed(self.mentions):
            if off < offset and not mention.known and mention.id.lower().split()[-1] == surname:
                return Speaker(
                    mention.id, speaker.as_written, speaker.method, False, "person", mention.gender
                )
        return speaker

    def note_sentence_subject(self, unit: CharSpan, attrs: list[Attribution]) -> None:
        """Remember the first person named in a sentence outside a possessive or a prepositional phrase.

        A later "he" or "she" most often refers to such a sentence subject, even when the
        sentence itself attributes nothing ("Mark Rutte struck a different tone. He argued …").
        A person named inside reported content is not the sentence's subject ("Witkoff said
        Putin wanted peace. He added …": "he" is Witkoff).
        """
        contents = [span for a in attrs for span in (a.content, *a.extra_contents)]
        k = bisect.bisect_left(self._mention_offsets, unit[0])
        for offset, speaker in self.mentions[k:]:
            if offset >= unit[1]:
                return
            if speaker.kind != "person" or any(s <= offset < e for s, e in contents):
                continue
            end = offset + len(speaker.as_written)
            before = self.text[max(unit[0], offset - 12) : offset].split()
            if self.text[end : end + 2] in ("’s", "'s") or (before and before[-1].lower() in _PREPOSITIONS):
                continue
            self.state.discourse.note(offset, [speaker])
            return

    def standalone_quotes(self, unit: CharSpan, para: int, covered: list[CharSpan], attributed: bool) -> None:
        """Quotes no cue in their unit claims: continuation of the last quoted speaker, or of "X said:"."""
        st = self.state
        for q in self.quotes_in(*unit):
            if any(s <= q.start < e or q.start <= s < q.end for s, e in covered):
                continue
            if q.words(self.text) < MIN_STANDALONE_QUOTE_WORDS:
                continue
            # Only a quote that makes up its unit is a statement by itself; a quote inside an
            # unattributed sentence is a phrase the writer cites.
            lead = self.text[unit[0] : q.start].strip()
            if lead:
                continue
            if st.dangling is not None and para - st.dangling[1] <= 1:
                speakers, _p, date, cue = st.dangling
                self.make(
                    speakers,
                    (q.start, q.end),
                    pattern=Pattern.QUOTE_ATTRIBUTED,
                    cue=cue,
                    date=date,
                    evidence=date.rule,
                )
                st.last_direct = (speakers, para, date)
                st.dangling = None
            elif st.last_direct is not None and para - st.last_direct[1] <= 1 and not attributed:
                speakers, _p, date = st.last_direct
                self.make(
                    speakers,
                    (q.start, q.end),
                    pattern=Pattern.CONTINUATION,
                    cue="(continued quote)",
                    date=date,
                    evidence="previous quote of the same speaker",
                )
                st.last_direct = (speakers, para, date)
            else:
                st.open_quote = (q, para)


def extract_statements(
    text: str,
    *,
    actors: ActorRegistry,
    article_date: str | None,
    source: str = "",
    url: str = "",
    document: str = "",
) -> list[Candidate]:
    """Propose the attributed statements of a news article.

    Args:
        text: The article text.
        actors: Registry used to resolve speakers (unknown names are kept as written).
        article_date: Publication date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) that relative
            time expressions are resolved against; None leaves relative dates empty.
        source: Outlet name, copied to every candidate.
        url: Article address, copied to every candidate.
        document: Article path, copied to every candidate.

    Returns:
        Candidates ordered by (date sort key, offset).

    Raises:
        ValidationError: If ``article_date`` is not a valid partial date.
    """
    date = PartialDate.parse(article_date, field="article date") if article_date else None
    meta = {"source": source, "url": url, "document": document}
    return _Extractor(text, actors, date, meta).run()
