"""Condition cues and clause words as language data: validated records, every problem at once, extensions."""

from __future__ import annotations

import pytest

from rhetoric.errors import CodebookError, LanguageError
from rhetoric.frames.clauses import frame_words
from rhetoric.frames.cues import CueTable, cue_table
from rhetoric.lang import load_language, validate_cues
from rhetoric.lang.schema import SCHEMA


def test_every_frames_key_is_shipped_and_compiles():
    en = load_language("en")
    for key in SCHEMA["frames"]:
        assert en.phrases("frames", key), key
    words = frame_words(en)
    assert words.negation.search("talks are not possible")
    assert not words.negation.search("talks are possible")
    assert words.temporal.match(" the very end of the year")
    assert words.temporal.match(" 2025")
    assert not words.temporal.match(" Russia withdraws")


def test_shipped_cues_load_with_their_exceptions():
    table = cue_table(load_language("en"))
    ids = {c.id for c in table.cues}
    assert {"until", "if", "purpose", "necessity_of", "by_means", "after"} <= ids
    once = next(c for c in table.cues if c.id == "once")
    assert "again" in once.not_after and "at" in once.not_before


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("No talks until they leave.", ["until"]),
        ("They met once again.", []),
        ("It happened all at once.", []),
        ("Even if they leave.", []),
        ("end the war by withdrawing troops", ["by_means"]),
        ("approved by parliament", []),
        ("by something simple", []),
        ("a land-for-peace formula", []),
        ('talks should be "based on" facts', ["requiring"]),
        # A purpose infinitive, not the infinitive a word takes, not a further list item.
        ("They ceded land to end the war.", ["purpose_to"]),
        ("They agreed to end the war.", []),
        ("She urged both sides to end the war.", []),
        ("Russia is ready to end the war.", []),
        ("Talks to end the war began.", []),
        ("The aim is to stop the shelling, to stop the raids.", ["purpose_to"]),
        ("Stop now or face sanctions.", ["ultimatum"]),
        ("So that's that.", []),
    ],
)
def test_cue_exceptions(text, found):
    assert [h.cue.id for h in cue_table(load_language("en")).find(text)] == found


def test_bad_cue_records_list_every_problem_at_once():
    problems: list[str] = []
    records = validate_cues(
        [
            {"id": "a", "phrases": ["if", "If"], "shape": "post"},
            {"id": "b", "phrases": [""], "shape": "post"},
            {"id": "c", "phrases": ["un(less"], "shape": "post", "colour": 1},
            {"id": "d", "phrases": ["x"], "shape": "post", "flip_on_demand": "yes", "position": "middle"},
            {"id": "a", "phrases": ["y"], "shape": "post"},
            {"phrases": ["z"]},
        ],
        "cues.cue",
        problems,
    )
    assert records == ()
    assert problems == [
        "[cues.cue[0].a.phrases] duplicate phrase 'if'",
        "[cues.cue[1].b.phrases] empty phrase",
        "[cues.cue[2].c] unknown key(s): colour (known: id, phrases, shape, relation, requires, position, "
        "not_before, not_after, next_word_ends, flip_on_demand, infinitive, nearest_outcome, unstated, looks_back)",
        "[cues.cue[2].c.phrases] 'un(less': '(' is regex syntax; write plain words (~N for a gap)",
        "[cues.cue[3].d.flip_on_demand] must be true or false",
        "[cues.cue[3].d.position] 'middle' is not one of any, fronted, inline",
        "[cues.cue[4].a.id] duplicate cue id 'a'",
        "[cues.cue[5].?.id] missing",
        "[cues.cue[5].?.shape] missing",
    ]


def test_codebook_words_extend_the_cue_table():
    extra = {"cues": {"cue": [{"id": "pending", "phrases": ["pending"], "shape": "post"}]}}
    table = cue_table(load_language("en", extend=extra))
    assert [h.cue.id for h in table.find("No truce pending talks.")] == ["pending"]
    assert "pending" not in {c.id for c in cue_table(load_language("en")).cues}


def test_bad_codebook_cue_extension_is_a_language_error():
    with pytest.raises(LanguageError) as info:
        load_language("en", extend={"cues": {"cue": [{"id": "x", "phrases": [], "shape": "post"}]}})
    assert info.value.problems == ["[words.cues.cue[0].x.phrases] must be a non-empty list of phrases"]


def test_frames_cue_extension_keeps_exceptions():
    table = CueTable.from_dicts([]).extended(
        [{"id": "pending", "phrases": ["pending"], "shape": "post", "not_after": ["review"]}]
    )
    assert [h.cue.id for h in table.find("no truce pending talks")] == ["pending"]
    assert table.find("no truce pending review") == []
    with pytest.raises(CodebookError) as info:
        table.extended([{"id": "x", "phrases": ["a"], "shape": "post", "not_before": ["(a"]}])
    assert info.value.problems == [
        "[frames.cue[0].x.not_before] '(a': '(' is regex syntax; write plain words (~N for a gap)"
    ]
