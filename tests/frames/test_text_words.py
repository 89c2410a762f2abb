"""The text index found by Aho-Corasick (:func:`rhetoric.frames.text_words._automaton_order`) gives every
reader the offsets the reference regex index gives it, on ASCII and other texts; exotic letters
and texts whose lower case changes length keep the regex (or no index)."""

from __future__ import annotations

import pytest

from rhetoric.frames import text_words as tw
from rhetoric.frames.cues import default_cue_table
from rhetoric.frames.modality import modality_words
from rhetoric.frames.stance_words import stance_words

TEXTS = (
    "Kyiv called for talks; Moscow rejected them. Call it off.",
    'The need for a truce is clear, the  need for talks too; the, need; the "need"; the-need; the.need the',
    "THE GOAL of the talks was a ceasefire: the goal_posts moved, the goal2 and the 2goal.",
    "We are not ready to accept it, unless they withdraw; in return for aid, in  exchange for peace.",
    "They said that ‘the need’ for “talks” is real — the need… the «need» and naïve calls for the néed.",
    "Rock'n'roll until dawn: don't talk unless asked, o'clock if possible, land-for-peace in exchange for a truce.",
    "Until\u0130 and ıf ſo, provided that talks resume; we’d talk if only they’d go.",
    "the",
    "",
    "   the   goal   ",
    "in\tthe\nneed of\r\nthe goal, in, the need",
    "\u212a-calls for talks and the need for peace",  # Kelvin sign: lower case "k", the same length
)


@pytest.fixture(scope="module", autouse=True)
def readers():
    # Every reader of the language registers its first words before a text is indexed.
    default_cue_table()
    stance_words()
    modality_words()


def _reference(text: str) -> tw.TextWords:
    return tw.TextWords(text, tw._VOCABULARY, automaton=False)


@pytest.mark.parametrize("text", TEXTS)
def test_automaton_gives_every_reader_the_regex_offsets(text):
    fast, slow = tw.TextWords(text, tw._VOCABULARY), _reference(text)
    assert (fast.indexed, fast.exotic) == (slow.indexed, slow.exotic)
    for number, (firsts, seconds) in enumerate(tw._VOCABULARY.readers):
        assert fast.starts(number) == slow.starts_of(firsts, seconds, key=number), number
        assert slow.starts(number) == slow.starts_of(firsts, seconds, key=("again", number))


def test_automaton_order_finds_first_words_and_their_next_words():
    text = 'the need, the  "goal" and the end'
    order = tw._automaton_order(text, tw._VOCABULARY.tables())
    found = {(at, word): after for at, word, after in order}
    # A word no reader leaves open stands in the index only before a word it may be followed by.
    assert any(word == "the" for _, word in found)
    assert all(after is not None for (_, word), after in found.items() if word == "the")
    assert [at for at, _, _ in order] == sorted(at for at, _, _ in order)


def test_exotic_and_length_changing_texts_keep_the_regex():
    exotic = tw.TextWords("ıf ſo, the need", tw._VOCABULARY)
    assert exotic.exotic and exotic.indexed
    assert exotic.order == _reference("ıf ſo, the need").order
    dotted = tw.TextWords("\u0130f so, the need", tw._VOCABULARY)
    assert not dotted.indexed and dotted.order == []


def test_a_reader_registered_twice_keeps_its_number():
    firsts = frozenset({"call", "reject"})
    assert tw.index_reader(firsts) == tw.index_reader(firsts)
    assert tw.index_reader(frozenset({"détente"})) is None
    assert tw.index_words(frozenset({"détente"})) is False


def test_an_index_made_before_a_new_reader_reads_as_before():
    text = "Kyiv zorbled for talks; Moscow flumped them."
    index = tw.TextWords(text, tw._VOCABULARY)
    reader = tw.index_reader(frozenset({"zorbled", "flumped"}))
    assert index.version != tw._VOCABULARY.version
    assert index.starts(reader) == []  # the words were not in the vocabulary it was made with
    assert tw.text_words(text).starts(reader) == [5, 31]


def _shuffled_texts(count: int, seed: int) -> list[str]:
    """Texts of the vocabulary's own words (first words and what may follow them) and filler,
    joined by every kind of gap, in every case: where the index must tell words apart."""
    import random

    rng = random.Random(seed)
    vocabulary = tw._VOCABULARY
    firsts = sorted(vocabulary.words)
    follows = sorted({after for afters in vocabulary.follow.values() for after in afters})
    closed = sorted(w for w in vocabulary.follow if w not in vocabulary.open)
    words = [*firsts, *follows, *closed * 3, "x", "naïve", "2", "a_b", "Ｔhe", "don't", "rock'n'roll"]
    gaps = [" ", " ", " ", "  ", ", ", ' "', "” ", "-", ".", ". ", "\n", "\t", "’", "—", " « ", ",", "_"]
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 30)):
            word = rng.choice(words)
            word = rng.choice((word, word.upper(), word.title()))
            parts.extend((word, rng.choice(gaps)))
        texts.append("".join(parts[: rng.randint(1, len(parts))]))
    return texts


@pytest.mark.parametrize("seed", range(4))
def test_every_reader_reads_the_reference_offsets_on_random_texts(seed):
    # The automaton hands each reader its offsets directly (tw._automaton_starts): the same as
    # the regex's index read reader by reader, and as the automaton's own index (TextWords.order).
    for text in _shuffled_texts(300, seed):
        fast, slow = tw.TextWords(text, tw._VOCABULARY), _reference(text)
        assert (fast.indexed, fast.exotic) == (slow.indexed, slow.exotic), text
        for number, (firsts, seconds) in enumerate(tw._VOCABULARY.readers):
            expected = slow.starts_of(firsts, seconds, key=number)
            assert fast.starts(number) == expected, (text, number)
            assert fast.starts_of(firsts, seconds, key=number) == expected, (text, number)


def test_other_letters_stay_in_their_words_and_other_marks_are_spaces():
    # A text that is not ASCII is read with each other letter as "_" (codec error handler), each
    # other mark as a space: the spaces stand where re's [^\w ] puts them, so the same keys match.
    tables = tw._VOCABULARY.tables()
    assert not tables.underscore
    for text in (*TEXTS, "naïve “calls” for Ｔhe — end «need» ²³ ǅ", "\u212a-calls for talks", "é\u0301t\u00a0é"):
        low = text.lower()
        if low.isascii() or len(low) != len(text):
            continue
        spaced = tw._spaced(text, low, tables)
        reference = f" {tw._NON_WORD.sub(' ', low)} "
        assert [ch == " " for ch in spaced] == [ch == " " for ch in reference], text
        assert all(a == b or (a == "_" and not b.isascii()) for a, b in zip(spaced, reference, strict=True))


def test_a_key_with_an_underscore_reads_other_letters_as_they_are():
    class Tables:
        underscore = True

    assert tw._spaced("", "na\u00efve_x “a”", Tables()) == " na\u00efve_x  a  "
