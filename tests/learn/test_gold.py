"""Gold format: parsing, strict validation (error twins with exact messages), resolution, template."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rhetoric.corpus.store import Corpus
from rhetoric.errors import BatchValidationError, InputFormatError, NotFoundError, OutputExistsError
from rhetoric.learn.gold import GoldMention, load_gold, loads_gold, resolve_gold
from rhetoric.learn.template import gold_template, write_gold_template

from .conftest import CODER_FILES, SHIPPED_GOLD

TAGS = ("ceasefire", "peace_deal")
HINT_TAGS = "run `rhetoric codebook show` for the tag list"


def problems(content: str, tag_ids=TAGS) -> list[str]:
    with pytest.raises(BatchValidationError) as info:
        loads_gold(content, path="g.jsonl", tag_ids=tag_ids)
    return [str(p) for p in info.value.problems]


# (invalid line, exact problem, the valid twin)
TWINS = [
    ('{"tags": []}', "g.jsonl:1: needs statement_id, id or text (give the corpus id or the exact statement text)",
     '{"text": "x", "tags": []}'),
    ('{"text": "x"}', "g.jsonl:1: [tags] is missing (give a list of tag ids, [] if none applies)",
     '{"text": "x", "tags": []}'),
    ('{"text": "x", "tags": "ceasefire"}', 'g.jsonl:1: [tags] must be a list of tag ids, got "ceasefire"',
     '{"text": "x", "tags": ["ceasefire"]}'),
    ('{"text": "x", "tags": ["ceasfire"]}',
     f"g.jsonl:1: [tags] unknown tag 'ceasfire' (did you mean 'ceasefire'? {HINT_TAGS})",
     '{"text": "x", "tags": ["ceasefire"]}'),
    ('{"text": "x", "tags": ["truce"]}', f"g.jsonl:1: [tags] unknown tag 'truce' ({HINT_TAGS})",
     '{"text": "x", "tags": ["ceasefire"]}'),
    ('{"text": "x", "tags": ["ceasefire", "ceasefire"]}', "g.jsonl:1: [tags] tag 'ceasefire' is listed twice",
     '{"text": "x", "tags": ["ceasefire"]}'),
    ('{"text": "x", "tags": ["ceasefire"], "optional_tags": ["ceasefire"]}',
     "g.jsonl:1: [optional_tags] tag 'ceasefire' is also in tags (a tag is either required or optional)",
     '{"text": "x", "tags": ["ceasefire"], "optional_tags": ["peace_deal"]}'),
    ('{"text": "x", "tags": [], "coder": "ann"}',
     "g.jsonl:1: [coder] unknown key (allowed keys: statement_id, id, text, tags, optional_tags, mentions, frames, "
     "optional_frame_pairs, stances, third_party_stances, commitment, note)",
     '{"text": "x", "tags": [], "note": "ann"}'),
    ('{"text": "", "tags": []}', 'g.jsonl:1: [text] must be a non-empty string, got ""',
     '{"text": " x", "tags": []}'),
    ('{"statement_id": 7, "tags": []}', "g.jsonl:1: [statement_id] must be a non-empty string, got 7",
     '{"statement_id": "s-000000000007", "tags": []}'),
    ('{"text": "A truce.", "tags": ["ceasefire"], "mentions": [{"tag": "ceasefire", "start": 2, "end": 30}]}',
     "g.jsonl:1: [mentions[0].end] 30 is past the end of the text (8 characters)",
     '{"text": "A truce.", "tags": ["ceasefire"], "mentions": [{"tag": "ceasefire", "start": 2, "end": 7}]}'),
    ('{"text": "A truce.", "tags": ["ceasefire"], "mentions": [{"tag": "ceasefire", "start": 2, "end": 2}]}',
     "g.jsonl:1: [mentions[0]] start 2 must be less than end 2",
     '{"text": "A truce.", "tags": ["ceasefire"], "mentions": [{"tag": "ceasefire", "start": 2, "end": 3}]}'),
    ('{"text": "A truce.", "tags": ["ceasefire"], "mentions": [{"tag": "ceasefire", "start": -1, "end": 3}]}',
     "g.jsonl:1: [mentions[0].start] must be a character offset (int >= 0), got -1",
     '{"text": "A truce.", "tags": ["ceasefire"], "mentions": [{"tag": "ceasefire", "start": 0, "end": 3}]}'),
    ('{"text": "A truce.", "tags": ["ceasefire"], "mentions": [{"tag": "ceasefire", "start": 2, "end": 7, "text": "truce."}]}',
     "g.jsonl:1: [mentions[0].text] 'truce.' does not match text[2:7] = 'truce' (fix the offsets or the quoted text)",
     '{"text": "A truce.", "tags": ["ceasefire"], "mentions": [{"tag": "ceasefire", "start": 2, "end": 7, "text": "truce"}]}'),
    ('{"text": "A truce.", "tags": [], "mentions": [{"tag": "ceasefire", "start": 2, "end": 7}]}',
     "g.jsonl:1: [mentions] mention of 'ceasefire' but the tag is not in tags or optional_tags",
     '{"text": "A truce.", "tags": [], "optional_tags": ["ceasefire"], "mentions": [{"tag": "ceasefire", "start": 2, "end": 7}]}'),
    ('{"text": "x", "tags": [], "frames": [{"outcomes": ["peace_deal"]}]}',
     "g.jsonl:1: [frames[0].conditions] is missing (give a list of tag ids, [] if none applies)",
     '{"text": "x", "tags": [], "frames": [{"outcomes": ["peace_deal"], "conditions": ["ceasefire"]}]}'),
    ('{"text": "x", "tags": [], "frames": [{"outcomes": [], "conditions": [], "relation": "because"}]}',
     "g.jsonl:1: [frames[0].relation] unknown value 'because' (use one of precondition, exchange, unconditional)",
     '{"text": "x", "tags": [], "frames": [{"outcomes": [], "conditions": [], "relation": "exchange"}]}'),
    ('{"text": "x", "tags": [], "frames": [{"outcomes": [], "conditions": [], "speaker": "putin"}]}',
     "g.jsonl:1: [frames[0].speaker] unknown key (allowed keys: outcomes, conditions, other_conditions, cue, "
     "relation, polarity, modality, sentence, note)",
     '{"text": "x", "tags": [], "frames": [{"outcomes": [], "conditions": [], "note": "putin"}]}'),
    ('{"text": "x", "tags": [], "frames": [{"outcomes": [], "conditions": [], "sentence": "1"}]}',
     "g.jsonl:1: [frames[0].sentence] must be a sentence index (int >= 0), got '1'",
     '{"text": "x", "tags": [], "frames": [{"outcomes": [], "conditions": [], "sentence": 1}]}'),
    ('{"text": "x", "tags": [], "frames": {}}', "g.jsonl:1: [frames] must be a list of frame objects",
     '{"text": "x", "tags": [], "frames": []}'),
    ('{"text": "x", "tags": [],}', "g.jsonl:1: malformed JSON: Expecting property name enclosed in double quotes at column 26",
     '{"text": "x", "tags": []}'),
    ('["x"]', "g.jsonl:1: expected a JSON object, got list", '{"text": "x", "tags": []}'),
    # claims: frames, stances, third-party stances, commitment, optional pairs
    ('{"id": 3, "text": "x", "tags": []}', "g.jsonl:1: [id] must be a non-empty string, got 3",
     '{"id": "x-3", "text": "x", "tags": []}'),
    ('{"text": "x", "tags": [], "frames": [{"outcomes": ["others"], "conditions": []}]}',
     "g.jsonl:1: [frames[0].outcomes] unknown tag 'others' (did you mean 'other'? " + HINT_TAGS + ")",
     '{"text": "x", "tags": [], "frames": [{"outcomes": ["other"], "conditions": []}]}'),
    ('{"text": "x", "tags": [], "frames": [{"outcomes": [], "conditions": [], "polarity": "no"}]}',
     "g.jsonl:1: [frames[0].polarity] unknown value 'no' (use one of affirmed, negated)",
     '{"text": "x", "tags": [], "frames": [{"outcomes": [], "conditions": [], "polarity": "negated"}]}'),
    ('{"text": "x", "tags": [], "stances": ["ceasefire"]}',
     'g.jsonl:1: [stances] must be an object {tag: "support" | "oppose"}',
     '{"text": "x", "tags": [], "stances": {"ceasefire": "support"}}'),
    ('{"text": "x", "tags": [], "stances": {"ceasefire": "neutral"}}',
     "g.jsonl:1: [stances.ceasefire] unknown stance 'neutral' (use support or oppose)",
     '{"text": "x", "tags": [], "stances": {"ceasefire": "oppose"}}'),
    ('{"text": "x", "tags": [], "stances": {"truce": "support"}}',
     f"g.jsonl:1: [stances.truce] unknown tag 'truce' ({HINT_TAGS})",
     '{"text": "x", "tags": [], "stances": {}}'),
    ('{"text": "x", "tags": [], "third_party_stances": {"holder": "nato"}}',
     "g.jsonl:1: [third_party_stances] must be a list of {holder, tag, stance} objects",
     '{"text": "x", "tags": [], "third_party_stances": []}'),
    ('{"text": "x", "tags": [], "third_party_stances": [{"holder": "", "tag": "ceasefire", "stance": "support"}]}',
     "g.jsonl:1: [third_party_stances[0].holder] must be a non-empty name, got ''",
     '{"text": "x", "tags": [], "third_party_stances": [{"holder": "nato", "tag": "ceasefire", "stance": "support"}]}'),
    ('{"text": "x", "tags": [], "third_party_stances": [{"holder": "nato", "tag": "ceasefire", "stance": "support", "who": 1}]}',
     "g.jsonl:1: [third_party_stances[0].who] unknown key (allowed keys: holder, tag, stance)",
     '{"text": "x", "tags": [], "third_party_stances": [{"holder": "nato", "tag": "ceasefire", "stance": "support"}]}'),
    ('{"text": "x", "tags": [], "third_party_stances": [{"holder": "nato", "tag": "ceasefire", "stance": "for"}]}',
     "g.jsonl:1: [third_party_stances[0].stance] unknown stance 'for' (use support or oppose)",
     '{"text": "x", "tags": [], "third_party_stances": [{"holder": "nato", "tag": "ceasefire", "stance": "support"}]}'),
    ('{"text": "x", "tags": [], "commitment": "strong"}',
     'g.jsonl:1: [commitment] unknown value "strong" (use one of firm, open, hedged, none)',
     '{"text": "x", "tags": [], "commitment": "hedged"}'),
    ('{"text": "x", "tags": [], "optional_frame_pairs": [["peace_deal"]]}',
     'g.jsonl:1: [optional_frame_pairs[0]] must be [outcome, condition], got ["peace_deal"]',
     '{"text": "x", "tags": [], "optional_frame_pairs": [["peace_deal", "other"]]}'),
    ('{"text": "x", "tags": [], "optional_frame_pairs": [["peace_deal", "truce"]]}',
     f"g.jsonl:1: [optional_frame_pairs[0]] unknown tag 'truce' ({HINT_TAGS})",
     '{"text": "x", "tags": [], "optional_frame_pairs": [["peace_deal", "ceasefire"]]}'),
]  # fmt: skip


@pytest.mark.parametrize(("bad", "message", "good"), TWINS)
def test_error_twins(bad: str, message: str, good: str) -> None:
    assert problems(bad) == [message]
    assert len(loads_gold(good, path="g.jsonl", tag_ids=TAGS).items) == 1


def test_every_problem_is_reported_at_once() -> None:
    content = '{"text": "x"}\n\n{"text": "y", "tags": ["nope"], "extra": 1}\n{"text": "x", "tags": []}\n'
    with pytest.raises(BatchValidationError) as info:
        loads_gold(content, path="g.jsonl", tag_ids=TAGS)
    assert str(info.value) == (
        "g.jsonl: 3 problem(s); fix them and run again\n"
        "  g.jsonl:1: [tags] is missing (give a list of tag ids, [] if none applies)\n"
        "  g.jsonl:3: [extra] unknown key (allowed keys: statement_id, id, text, tags, optional_tags, mentions, "
        "frames, optional_frame_pairs, stances, third_party_stances, commitment, note)\n"
        f"  g.jsonl:3: [tags] unknown tag 'nope' ({HINT_TAGS})"
    )


def test_duplicate_statement() -> None:
    content = '{"text": "x", "tags": []}\n{"text": "x", "tags": ["ceasefire"]}\n'
    assert problems(content) == ["g.jsonl:2: [text] statement coded twice (also line 1) (keep one line)"]


def test_parsed_fields() -> None:
    content = (
        '\n{"statement_id": "s-1", "text": "A truce.", "tags": ["ceasefire"], "optional_tags": ["peace_deal"], '
        '"mentions": [{"tag": "ceasefire", "start": 2, "end": 7}], "frames": [{"outcomes": [], '
        '"conditions": ["ceasefire"]}], "note": "n"}\n'
    )
    (item,) = loads_gold(content, tag_ids=TAGS).items
    assert (item.line, item.statement_id, item.text, item.tags, item.optional_tags) == (
        2, "s-1", "A truce.", ("ceasefire",), ("peace_deal",),
    )  # fmt: skip
    assert item.mentions == (GoldMention("ceasefire", 2, 7),)
    assert item.frames == ({"outcomes": [], "conditions": ["ceasefire"]},)
    assert item.key == "s-1" and item.note == "n"


def test_mentions_absent_means_not_annotated() -> None:
    a, b = loads_gold('{"text": "x", "tags": []}\n{"text": "y", "tags": [], "mentions": []}').items
    assert (a.mentions, b.mentions) == (None, ())


def test_unknown_tags_pass_without_a_codebook() -> None:
    assert loads_gold('{"text": "x", "tags": ["anything"]}').items[0].tags == ("anything",)


def test_load_gold_file_errors(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="gold file .* does not exist"):
        load_gold(tmp_path / "missing.jsonl")
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes('{"text": "caf\xe9", "tags": []}'.encode("latin-1"))
    with pytest.raises(InputFormatError) as info:
        load_gold(bad)
    assert str(info.value) == f"{bad}: not UTF-8 (invalid continuation byte at byte 13) (save it as UTF-8)"


def test_resolve_against_corpus(make_corpus) -> None:
    folder, (a, b) = make_corpus(["A truce now.", "A peace deal."])
    content = "\n".join(
        [
            json.dumps(
                {
                    "statement_id": a.id,
                    "tags": ["ceasefire"],
                    "mentions": [{"tag": "ceasefire", "start": 2, "end": 7}],
                }
            ),
            json.dumps({"text": "A peace deal.", "tags": ["peace_deal"]}),
            json.dumps({"text": "Not in the corpus.", "tags": []}),
        ]
    )
    resolved = resolve_gold(loads_gold(content, path="g.jsonl", tag_ids=TAGS), Corpus(folder))
    assert [(r.statement_id, r.text, r.key) for r in resolved] == [
        (a.id, "A truce now.", a.id),
        (b.id, "A peace deal.", b.id),
        (None, "Not in the corpus.", "Not in the corpus."),
    ]


def test_resolve_errors(make_corpus) -> None:
    folder, (a,) = make_corpus(["A truce now."])
    content = "\n".join(
        [
            json.dumps({"statement_id": "s-000000000000", "tags": []}),
            json.dumps({"statement_id": a.id, "text": "A truce now!", "tags": []}),
        ]
    )
    with pytest.raises(BatchValidationError) as info:
        resolve_gold(loads_gold(content, path="g.jsonl"), Corpus(folder))
    assert [str(p) for p in info.value.problems] == [
        f"g.jsonl:1: [statement_id] no statement 's-000000000000' in the corpus '{folder}' "
        "(check --corpus, or give the statement's text instead)",
        f"g.jsonl:2: [text] differs from the text of {a.id} (copy the corpus text)",
    ]


def test_resolve_checks_mention_offsets_against_the_corpus_text(make_corpus) -> None:
    folder, (a,) = make_corpus(["A truce."])
    content = json.dumps(
        {
            "statement_id": a.id,
            "tags": ["ceasefire"],
            "mentions": [{"tag": "ceasefire", "start": 2, "end": 9}],
        }
    )
    with pytest.raises(BatchValidationError) as info:
        resolve_gold(loads_gold(content, path="g.jsonl"), Corpus(folder))
    assert [str(p) for p in info.value.problems] == [
        "g.jsonl:1: [mentions[0].end] 9 is past the end of the text (8 characters)"
    ]


def test_statement_id_without_corpus_is_an_error() -> None:
    with pytest.raises(BatchValidationError) as info:
        resolve_gold(loads_gold('{"statement_id": "s-1", "tags": []}', path="g.jsonl"), None)
    assert str(info.value.problems[0]) == (
        "g.jsonl:1: [statement_id] no statement 's-1' in a corpus (none found) "
        "(check --corpus, or give the statement's text instead)"
    )


def test_template_prefills_current_tags_and_round_trips(make_corpus, mini_tagger, tmp_path: Path) -> None:
    folder, (a, b) = make_corpus(["A peace deal after a truce.", "Nothing here."])
    objects = list(gold_template(Corpus(folder), mini_tagger))
    assert objects == [
        {
            "statement_id": a.id,
            "text": "A peace deal after a truce.",
            "tags": ["ceasefire", "peace_deal"],
            "optional_tags": [],
            "mentions": [
                {"tag": "peace_deal", "start": 2, "end": 12, "text": "peace deal"},
                {"tag": "ceasefire", "start": 21, "end": 26, "text": "truce"},
            ],
            "frames": [],
        },
        {
            "statement_id": b.id,
            "text": "Nothing here.",
            "tags": [],
            "optional_tags": [],
            "mentions": [],
            "frames": [],
        },
    ]
    out = tmp_path / "template.jsonl"
    assert write_gold_template(Corpus(folder), mini_tagger, out) == 2
    resolved = resolve_gold(load_gold(out, tag_ids=TAGS), Corpus(folder))
    assert [r.statement_id for r in resolved] == [a.id, b.id]
    with pytest.raises(OutputExistsError) as info:
        write_gold_template(Corpus(folder), mini_tagger, out)
    assert str(info.value) == f"'{out}' already exists (choose another --out or pass --force to overwrite it)"
    assert write_gold_template(Corpus(folder), mini_tagger, out, force=True) == 2


@pytest.mark.parametrize("path", [SHIPPED_GOLD, *CODER_FILES], ids=lambda p: p.name)
def test_shipped_gold_files_are_valid(path: Path, shipped_codebook) -> None:
    gold = load_gold(path, tag_ids=shipped_codebook.tag_ids)
    assert len(gold.items) >= 30
    assert all(item.text for item in gold.items)


def test_realdev_shaped_lines_parse_with_their_claims() -> None:
    content = (
        '{"id": "x-1", "text": "No talks   until a truce.", "tags": ["ceasefire"], "optional_tags": [], '
        '"frames": [{"outcomes": ["peace_deal"], "conditions": ["ceasefire", "other"], "relation": "precondition", '
        '"polarity": "negated"}], "optional_frame_pairs": [["peace_deal", "other"]], '
        '"stances": {"ceasefire": "support"}, '
        '"third_party_stances": [{"holder": " NATO ", "tag": "ceasefire", "stance": "oppose"}], "commitment": "firm"}\n'
        '{"id": "x-2", "tags": []}\n{"id": "x-3", "tags": []}\n'
    )
    a, b, c = loads_gold(content, tag_ids=TAGS).items
    assert (a.id, a.stances, a.third_party_stances, a.commitment) == (
        "x-1", {"ceasefire": "support"}, (("NATO", "ceasefire", "oppose"),), "firm",
    )  # fmt: skip
    assert a.optional_frame_pairs == (("peace_deal", "other"),)
    assert a.coded == {"frames", "stances", "third_party_stances", "commitment"} and b.coded == frozenset()
    assert (b.key, c.key) == ("id:x-2", "id:x-3")  # id-only lines are distinct statements


def test_id_used_twice_is_an_error() -> None:
    content = '{"id": "x-1", "text": "a", "tags": []}\n{"id": "x-1", "text": "b", "tags": []}\n'
    assert problems(content) == ["g.jsonl:2: [id] id 'x-1' used twice (also line 1) (keep one line)"]


def test_resolve_by_id_then_by_text_with_collapsed_whitespace(make_corpus) -> None:
    folder, statements = make_corpus(["A truce  now,\nplease.", "Talks later."])
    corpus = Corpus(folder)
    lines = [
        {"id": statements[1].id, "tags": []},  # an id that names a corpus statement
        {"id": "dev-7", "text": "A truce now, please.", "tags": []},  # else matched by text
        {"id": "dev-8", "text": "Something else.", "tags": []},  # else free text
    ]
    content = "".join(json.dumps(o) + "\n" for o in lines)
    resolved = resolve_gold(loads_gold(content), corpus)
    assert [r.statement_id for r in resolved] == [statements[1].id, statements[0].id, None]
    assert resolved[1].text == statements[0].text
    with pytest.raises(BatchValidationError, match=r"\[id\] no statement 'dev-9' in the corpus"):
        resolve_gold(loads_gold('{"id": "dev-9", "tags": []}'), corpus)
