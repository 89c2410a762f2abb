"""Regexes read through the text index (:class:`rhetoric.frames.lexicon.Scanner`) find what ``re`` finds,
and the stance steps they spare give the stances the regexes alone give."""

from __future__ import annotations

import dataclasses
import re

import pytest

from rhetoric.frames.clauses import frame_words
from rhetoric.frames.lexicon import Scanner
from rhetoric.frames.stance_words import stance_words
from rhetoric.frames.stances import detect_stances
from rhetoric.lang import load_language
from rhetoric.records import Mention

TEXTS = (
    "They hope that the war will end soon and that sanctions are lifted; the ceasefire is not on the table.",
    "We INSIST THAT the troops withdraw. Talks would be a non-starter, an end to the war is essential.",
    "the cessation of hostilities, the halt to the fighting; sanctions must be eased, aid was suspended.",
    "Talks are ‘unacceptable’, “a must”, the truce is vital — a ceasefire seems the only way forward.",
    "ſanctions were lifted, ıt is ſo; hopes that the truce is eſſential; they \u212aEEP hoping that it ends.",
    "\u0130 hope that the end of the war is near, sanctions must be lifted.",
    "Sanctionlifted, warended, trucessential: words glued to other words are no phrases of their own.",
    "It is irresponsible to hold elections; it’s in our interest that talks resume, IT WOULD BE folly to wait.",
    'A sham truce, a so-called "peace", a dictator\'s peace; talks could only resume if they must swap land.',
    "ıt ıs irresponsible to wait; a ſham truce; talks can only go on if we exchange prisoners, we should.",
    "Bit items, edit: it, wit; onlyif, mustard, exchanged, traded for, swapped, cannot, won't, shouldn't.",
    "We can't join NATO; there is no truce, would not talk, would   never talks, NEVER peace, Won’t go, no  more war.",
    "Critics also strongly warned, OPPONENTS reportedly ruled out; talks are not possible until, IMPOSSIBLE unless.",
    "Even though Kyiv refused, although the Kremlin; though,  The US; whereas “NATO, EVEN AS Paris, even as x.",
    "Whether a truce holds, I wonder if talks, ask  if peace; they don't want, doesn't help, cannot be, without aid.",
    "",
)


def _scanners():
    words, frames = stance_words(), frame_words()
    return {
        "ending_item": words.ending_item,
        "negated_item": words.negated_item,
        "question": words.shapes.question,
        "after_ending_verb": words.after_ending_verb,
        "predicate_head": words.predicate_head,
        "complement": words.shapes.complement,
        "extraposed": words.shapes.extraposed,
        "disparaging": words.shapes.disparaging,
        "modal": frames.modal,
        "modal_demand": frames.modal_demand,
        "only": frames.only,
        "exchange_verb": frames.exchange_verb,
        "third_party_concession": frames.third_party_concession,
        "neg_predicate_before_cue": frames.neg_predicate_before_cue,
        "negation": frames.negation,
        "negated_before_cue": words.negated_before_cue,
        "generic_subject": words.generic_subject,
    }


@pytest.mark.parametrize("name", sorted(_scanners()))
def test_scanner_finds_what_re_finds(name):
    scanner = _scanners()[name]
    assert scanner.lexicon is not None  # the index is what runs on these texts
    rx = scanner.rx
    for text in TEXTS:
        n = len(text)
        # Whole texts, and ranges whose ends cut words (the regex then reads the cut word as a word).
        ranges = {(0, n), (0, max(0, n - 3)), (5, n), (7, 30)} | {(i, min(n, i + 13)) for i in range(0, n, 5)}
        for start, end in sorted(ranges):
            if not start <= end <= n:
                continue
            found = scanner.search(text, start, end)
            expected = rx.search(text, start, end)
            assert (found and found.span()) == (expected and expected.span()), (text, start, end)
            assert [m.span() for m in scanner.finditer(text, start, end)] == [
                m.span() for m in rx.finditer(text, start, end)
            ]
            if scanner.absent(text, start, end):
                assert expected is None


def test_phrases_not_opening_with_a_letter_keep_the_regex():
    lang = load_language("en", extend={"stances": {"complement_verbs": ["'hope"]}})
    rx = re.compile(r"(?<!\w)(?:['’]hope|hope)\s+that(?!\w)", re.IGNORECASE)
    scanner = Scanner.of(lang, rx, [("stances", "complement_verbs")])
    assert scanner.lexicon is None
    assert scanner.search("we 'hope that", 0, 13).span() == (3, 13)
    assert not scanner.absent("we 'hope that", 0, 13)


def _regex_only(words):
    plain = {
        "after_ending_verb": Scanner(words.after_ending_verb.rx, None),
        "predicate_head": Scanner(words.predicate_head.rx, None),
        "ending_item": Scanner(words.ending_item.rx, None),
        "shapes": dataclasses.replace(
            words.shapes,
            **{
                k: Scanner(getattr(words.shapes, k).rx, None)
                for k in ("complement", "extraposed", "disparaging")
            },
        ),
    }
    return dataclasses.replace(words, **plain)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The sanctionlifted now.", "sanction"),  # a verb glued to the mention's last word
        ("Sanctions were lifted last week.", "Sanctions"),
        ("The truce is not on the table.", "truce"),
        ("The truce, they say, is vital.", "truce"),
        ("They hope that the truce holds.", "truce"),
        ("The truceessential is.", "truce"),
        ("It is irresponsible to hold elections now.", "elections"),
        ("They offered a sham truce.", "truce"),
    ],
)
def test_stances_read_through_the_index_equal_the_regexes(monkeypatch, text, surface):
    start = text.index(surface)
    mention = Mention("x", start, start + len(surface), surface, 0, surface.lower())
    fast = detect_stances(text, [mention])
    words = stance_words()
    monkeypatch.setattr("rhetoric.frames.stances.stance_words", lambda language=None: _regex_only(words))
    assert detect_stances(text, [mention]) == fast


FRAME_TEXTS = (
    "Talks can only resume if Russia withdraws its troops.",
    "Russia must withdraw before talks can start.",
    "Kyiv would trade territory in exchange for security guarantees.",
    "Without a ceasefire, there can be no negotiations, he said, but sanctions must stay until Russia leaves.",
    "TALKS CAN ONLY RESUME IF RUSSIA WITHDRAWS ITS TROOPS; ıt must be so.",
)


def test_frames_read_through_the_index_equal_the_regexes(monkeypatch):
    from rhetoric.actors import ActorRegistry
    from rhetoric.analyzer import Analyzer
    from rhetoric.codebook.load import load_codebook
    from rhetoric.frames import cues as cues_module

    corpus = __import__("pathlib").Path(__file__).resolve().parents[2] / "corpora" / "ukraine-nato"
    analyzer = Analyzer.from_codebook(
        load_codebook(corpus / "codebook.toml"), actors=ActorRegistry.load(corpus / "actors.toml")
    )
    fast = [analyzer.analyze_text(t) for t in FRAME_TEXTS]
    assert sum(len(a.frames) for a in fast) >= 4
    original = cues_module.frame_words
    plain = {}

    def regex_only(language=None):
        words = original(language)
        if id(words) not in plain:
            fields = {
                k: Scanner(getattr(words, k).rx, None)
                for k in ("modal", "modal_demand", "only", "exchange_verb")
            }
            plain[id(words)] = dataclasses.replace(words, boundary_words=None, boundary_punct=None, **fields)
        return plain[id(words)]

    monkeypatch.setattr(cues_module, "frame_words", regex_only)
    assert [analyzer.analyze_text(t) for t in FRAME_TEXTS] == fast


def test_cues_before_mentions_are_the_whole_texts():
    from rhetoric.frames.stances import _Context

    words = stance_words()
    text = "We call for talks and reject a truce. They ruled out membership, calling for aid; we back it."
    spans = (
        (text.index("talks"), text.index("talks") + 5),
        (text.index("membership"), text.index("membership") + 10),
    )
    whole = list(words.before.finditer(text, 0, len(text)))
    ctx = _Context(text, words, spans)
    for start, end in (
        (0, spans[0][0]),
        (0, spans[1][0]),
        (20, spans[1][0]),
        (0, len(text)),
        (40, len(text)),
    ):
        expected = [m.span() for m in whole if m.start() >= start and m.end() <= end]
        assert [m.span() for m in ctx.cues(start, end)] == expected, (start, end)
    assert any(m.start() > spans[1][0] for m in whole)  # the scan for mentions stops before these


def test_an_irregular_form_not_opening_with_a_letter_keeps_the_regex():
    from rhetoric.frames.stance_shapes import shape_words

    lang = load_language("en", extend={"verbs": {"irregular": {"hope": ["'hoped"]}}})
    scanner = shape_words(lang).complement
    assert scanner.lexicon is None
    text = "they 'hoped that it holds"
    assert scanner.search(text, 0, len(text)).span() == (5, 16)
    assert not scanner.absent(text, 0, len(text))


def test_lexicon_search_is_its_first_match():
    """Lexicon.search is a loop of its own (no generator): the first match finditer gives, on every range."""
    from rhetoric.frames.lexicon import Lexicon

    words = stance_words()
    lexicons = {f.name: getattr(words, f.name) for f in dataclasses.fields(words)}
    lexicons = {name: lx for name, lx in lexicons.items() if isinstance(lx, Lexicon)}
    # Word by word too (a lexicon whose first words the index does not hold).
    lexicons["word_by_word"] = Lexicon(
        re.compile(r"(?<!\w)(?:ſanctions|talks)(?!\w)", re.I), frozenset({"ſanctions", "talks"})
    )
    assert len(lexicons) >= 4
    for name, lexicon in lexicons.items():
        for text in TEXTS:
            n = len(text)
            for start, end in {(0, n), (5, n), (7, 30)} | {(i, min(n, i + 17)) for i in range(0, n, 4)}:
                if not start <= end <= n:
                    continue
                first = next(lexicon.finditer(text, start, end), None)
                found = lexicon.search(text, start, end)
                assert (found and found.span()) == (first and first.span()), (name, text, start, end)


@pytest.mark.parametrize(
    "name",
    ["negated_item", "question", "negated_before_cue", "generic_subject", "neg_predicate_before_cue", "negation"],
)
def test_window_scanners_find_what_re_finds_on_random_texts(name):
    # Read in a short window before an item or cue (stances, detect._build): texts of the
    # lists' own words, every window ending at a word, as the stance steps read them.
    import random

    scanner = _scanners()[name]
    lang = load_language("en")
    words = [*lang.phrases("negation", "negated_modals"), *lang.phrases("negation", "negative_determiners")]
    words += [*lang.phrases("negation", "negated_auxiliaries"), *lang.phrases("stances", "question_openers")]
    words += [*lang.phrases("negation", "negators"), *lang.phrases("stances", "third_party_holders")]
    words += [*lang.phrases("stances", "subject_skip"), *lang.phrases("frames", "negated_possibility")]
    words += [*lang.phrases("frames", "negative_words"), *lang.phrases("negation", "not_negations")]
    words += ["never", "truce", "talks", "the", "a", "x", "can", "would", "no", "not", ",", "’s", "-", "warned"]
    rng = random.Random(7)
    for _ in range(300):
        parts = [rng.choice(words) + rng.choice((" ", "  ", ", ", "-", "’", " ")) for _ in range(rng.randint(1, 10))]
        text = "".join(part.upper() if rng.random() < 0.1 else part for part in parts)
        for end in [m.start() for m in re.finditer(r"\b\w", text)] + [len(text)]:
            for start in (0, max(0, end - 30), max(0, end - 7)):
                found, expected = scanner.search(text, start, end), scanner.rx.search(text, start, end)
                assert (found and found.span()) == (expected and expected.span()), (text, start, end)


def test_a_scanner_reads_the_whole_text_by_default_as_re_does():
    negation = frame_words().negation
    text = "Talks are not possible; no truce."
    assert negation.search(text).span() == negation.rx.search(text).span()
    assert [m.span() for m in negation.finditer(text)] == [m.span() for m in negation.rx.finditer(text)]
    assert not negation.absent(text) and negation.absent("talks are possible")
