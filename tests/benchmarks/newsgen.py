"""Deterministic generator of news-like statements for the tagging benchmark and equivalence tests.

Sentences are about 25 words of wire-service filler (attributions, numbers, initialisms,
titles with periods, quotes). A share of them carry a phrase realised from one of the
codebook's patterns: wildcards get a suffix, gaps get filler words, optional items are
sometimes left out, and the phrase is written in lower, Title or UPPER case, with some
spaces turned into hyphens. Sentences are grouped into statements of 1-5 sentences.

Example:
    >>> from rhetoric.codebook.model import Codebook
    >>> texts = list(generate_sentences(Codebook("x", "1", "en", "", ()), 2, seed=1))
    >>> len(texts), all(20 <= len(t.split()) <= 34 for t in texts)
    (2, True)
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from rhetoric.codebook.model import Codebook
from rhetoric.codebook.patterns import Pattern, parse_pattern

SUBJECTS = (
    "The foreign minister",
    "A senior official",
    "Officials in Brussels",
    "The spokesman for the ministry",
    "Analysts at the institute",
    "The prime minister",
    "Mr. Hartmann",
    "Dr. Alvarez",
    "Gen. Morrison",
    "Sen. Whitfield",
    "The regional governor",
    "Lawmakers in the lower house",
    "The central bank",
    "A U.S. official",
    "The U.N. envoy",
    "Residents of the port city",
    "Economists polled by the agency",
    "The opposition leader",
    "Two people familiar with the matter",
    "The E.U. commissioner",
)
VERBS = (
    "said on Tuesday that",
    "told reporters that",
    "warned that",
    "argued in a statement that",
    "noted that",
    "insisted that",
    "wrote in a letter that",
    "said late on Friday that",
    "told a news conference that",
    "confirmed that",
)
CHUNKS = (
    "the budget proposal",
    "would be reviewed",
    "before the end of the year",
    "the regional economy",
    "grew faster than expected",
    "in the third quarter",
    "according to figures",
    "released by the statistics office",
    "on Wednesday morning",
    "the new railway line",
    "had been delayed",
    "by several months",
    "because of supply problems",
    "energy prices",
    "rose by 3.5 percent",
    "compared with last year",
    "about 10,000 people",
    "attended the rally",
    "in the capital",
    "the committee",
    "was expected to vote",
    "next week",
    "on the proposal",
    "the harvest",
    "was smaller than usual",
    "after a dry summer",
    "the ministry",
    "declined to comment",
    "on the report",
    "\u201cwe are monitoring the situation closely\u201d",
    "the airport",
    "reopened after repairs",
    "to the runway",
    "local councils",
    "in the southern districts",
    "would go ahead as planned",
    "the company",
    "reported higher profits",
    "for the fiscal year",
    "the storm",
    "damaged roofs",
    "across the region",
    "the court",
    "postponed its ruling",
    "until Jan. 15",
    "hospital staff",
    "called for better pay",
    "and shorter shifts",
)
CHUNK_SHARE = 0.7
SUFFIXES = ("", "", "s", "ed", "ing", "al")
# Open-class words (names, places, numbers) make the vocabulary news-sized: real wire copy
# keeps meeting words it has not seen before, which phrase matchers that cache per word feel.
_SYLLABLES = (
    "ka",
    "lo",
    "mir",
    "ven",
    "do",
    "ras",
    "ti",
    "bel",
    "shan",
    "gor",
    "ne",
    "pu",
    "zel",
    "ar",
    "os",
    "tem",
    "vik",
    "lan",
    "ber",
    "sko",
)
SLOTTED = (
    "{name} told the {place} daily",
    "in the town of {place}",
    "about {num} residents",
    "a rise of {pct} percent",
    "officials from {place}",
    "{name} and {name}",
    "the {word} project",
    "near the {word} plant",
    "worth ${pct} billion",
    "on {month} {day}",
)
_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


def _pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


def _fill(template: str, rng: random.Random, lexicon: list[str]) -> str:
    # Zipf-like draw: low ranks are common, the long tail is rare.
    def word() -> str:
        return lexicon[min(int(50 * (rng.paretovariate(1.0) - 1)), len(lexicon) - 1)]

    out = template
    while "{" in out:
        i = out.index("{")
        key = out[i + 1 : out.index("}", i)]
        value = {
            "name": lambda: word().capitalize(),
            "place": lambda: word().capitalize(),
            "word": word,
            "num": lambda: f"{rng.randint(2, 99_999):,}",
            "pct": lambda: f"{rng.randint(1, 99)}.{rng.randint(0, 9)}",
            "month": lambda: rng.choice(_MONTHS),
            "day": lambda: str(rng.randint(1, 28)),
        }[key]()
        out = out[:i] + value + out[i + len(key) + 2 :]
    return out


FILLERS = ("all", "the", "its", "some", "remaining", "new")


def _realise(pattern: Pattern, rng: random.Random) -> list[str]:
    """One random word sequence matched by ``pattern`` (gaps filled, wildcards suffixed)."""
    words: list[str] = []
    for i, term in enumerate(pattern.terms):
        if term.optional and rng.random() < 0.5:
            continue
        if term.gap and words and i:
            words.extend(rng.choice(FILLERS) for _ in range(rng.randint(0, term.gap)))
        for piece in rng.choice(term.variants):
            words.append(piece.norm + (rng.choice(SUFFIXES) if piece.prefix else ""))
    return words


def _render(words: list[str], rng: random.Random) -> str:
    case = rng.random()
    if case < 0.15:
        words = [w.upper() for w in words]
    elif case < 0.4:
        words = [w[:1].upper() + w[1:] for w in words]
    out = words[0]
    for w in words[1:]:
        out += ("-" if rng.random() < 0.15 else " ") + w
    return out


def codebook_patterns(codebook: Codebook) -> list[Pattern]:
    """Every include pattern of the codebook, parsed, in file order."""
    return [parse_pattern(p) for tag in codebook.tags for p in tag.patterns]


def generate_sentences(codebook: Codebook, n: int, *, seed: int = 0, hit_rate: float = 0.1) -> Iterator[str]:
    """Yield ``n`` news-like sentences, ``hit_rate`` of them carrying a codebook phrase.

    Args:
        codebook: Phrases are realised from its include patterns.
        n: Number of sentences.
        seed: Seed of the generator (same seed, same sentences).
        hit_rate: Share of sentences given a phrase.
    """
    rng = random.Random(seed)
    patterns = codebook_patterns(codebook)
    lexicon = sorted({_pseudo_word(random.Random(seed * 100_003 + i)) for i in range(30_000)})
    random.Random(seed).shuffle(lexicon)
    for _ in range(n):
        parts = [rng.choice(SUBJECTS), rng.choice(VERBS)]
        length = sum(len(p.split()) for p in parts)
        while length < rng.randint(20, 30):
            chunk = (
                rng.choice(CHUNKS) if rng.random() < CHUNK_SHARE else _fill(rng.choice(SLOTTED), rng, lexicon)
            )
            parts.append(chunk)
            length += len(chunk.split())
        if patterns and rng.random() < hit_rate:
            parts.insert(rng.randint(2, len(parts)), _render(_realise(rng.choice(patterns), rng), rng))
        sentence = " ".join(parts)
        yield sentence[0].upper() + sentence[1:] + rng.choice((".", ".", ".", "?", "!"))


def generate_statements(codebook: Codebook, n_sentences: int, *, seed: int = 0) -> Iterator[str]:
    """Yield statements of 1-5 generated sentences, ``n_sentences`` sentences in all.

    Example:
        >>> len(list(generate_statements(Codebook("x", "1", "en", "", ()), 0)))
        0
    """
    rng = random.Random(seed + 1)
    pending: list[str] = []
    want = rng.randint(1, 5)
    for sentence in generate_sentences(codebook, n_sentences, seed=seed):
        pending.append(sentence)
        if len(pending) == want:
            yield " ".join(pending)
            pending, want = [], rng.randint(1, 5)
    if pending:
        yield " ".join(pending)


__all__ = ["codebook_patterns", "generate_sentences", "generate_statements"]
