"""Codebook features for what researchers mean: negated patterns, overrides and ordered scales.

Each good entry with its error twins: the exact ``codebook check`` problem a bad entry gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rhetoric.codebook import loads_codebook
from rhetoric.codebook.scales import Movement, Scale
from rhetoric.errors import CodebookError
from rhetoric.tagging.check import check_codebook

HEAD = '[codebook]\nname = "features"\n'


def tag(tag_id: str, patterns: str, extra: str = "") -> str:
    """One ``[[tag]]`` table (``patterns`` is the TOML array as written)."""
    return (
        f'\n[[tag]]\nid = "{tag_id}"\nlabel = "{tag_id}"\ndescription = "A thing."\nrole = "either"\n'
        f"patterns = {patterns}\n{extra}"
    )


ENRICHMENT = (
    tag("zero_enrichment", '["zero enrichment", "no enrichment"]', 'overrides = ["enrichment"]\n')
    + tag("enrichment_cap", '["3.67%", "enrichment cap"]', 'overrides = ["enrichment"]\n')
    + tag("high_enrichment", '["60%", "90%"]')
    + tag("enrichment", '["enrich*"]')
    + tag("withdrawal", '["withdraw*", { pattern = "will not leave", polarity = "negated" }]')
)


def check(text: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "codebook.toml"
    path.write_text(HEAD + text, encoding="utf-8")
    return check_codebook(path)


def test_good_entries_load(tmp_path: Path) -> None:
    scale = (
        '\n[[scale]]\nid = "enrichment"\nsteps = ["zero_enrichment", "enrichment_cap", "high_enrichment"]\n'
    )
    scale += 'hard = "zero_enrichment"\nhard_for = { iran = "high_enrichment" }\n'
    assert check(ENRICHMENT + scale, tmp_path) == []
    cb = loads_codebook(HEAD + ENRICHMENT + scale)
    assert cb.tag("withdrawal").patterns == ("withdraw*", "will not leave")
    assert cb.tag("withdrawal").negated == ("will not leave",)
    assert cb.tag("zero_enrichment").overrides == ("enrichment",)
    assert cb.scales == (
        Scale(
            "enrichment",
            ("zero_enrichment", "enrichment_cap", "high_enrichment"),
            hard="zero_enrichment",
            hard_for=(("iran", "high_enrichment"),),
        ),
    )


@pytest.mark.parametrize(
    ("patterns", "problem"),
    [
        (
            '["x", { pattern = "y", polarity = "negative" }]',
            "[t.patterns[1].polarity] unknown polarity 'negative' (use affirmed, negated)",
        ),
        ('[{ polarity = "negated" }]', "[t.patterns[0].pattern] is missing"),
        ("[{ pattern = 3 }]", "[t.patterns[0].pattern] must be a string"),
        (
            '[{ pattern = "y", negated = true }]',
            "[t.patterns[0].negated] unknown key (allowed: pattern, polarity)",
        ),
        (
            '["x", 3]',
            "[t.patterns[1]] must be a string or a table such as "
            '{ pattern = "staying in power", polarity = "negated" }',
        ),
        (
            '[{ pattern = "%", polarity = "negated" }]',
            "[t.patterns] a pattern needs a word or number besides symbols (write '60 %', not '%') "
            "at column 1 of '%'",
        ),
        ("[]", "[t.patterns] is empty"),
        ('"x"', "[t.patterns] must be a list of strings"),
    ],
)
def test_pattern_polarity_errors(patterns: str, problem: str, tmp_path: Path) -> None:
    assert check(tag("t", patterns), tmp_path) == [problem]


@pytest.mark.parametrize(
    ("extra", "problems"),
    [
        ('overrides = ["nope"]', ["[a.overrides] unknown tag 'nope'"]),
        ('overrides = ["a"]', ["[a.overrides] a tag cannot override itself"]),
        ('overrides = "b"', ["[a.overrides] must be a list of strings"]),
    ],
)
def test_override_errors(extra: str, problems: list[str], tmp_path: Path) -> None:
    text = tag("a", '["alpha"]', extra + "\n") + tag("b", '["beta"]')
    assert check(text, tmp_path) == problems


def test_override_cycle_is_an_error(tmp_path: Path) -> None:
    text = (
        tag("a", '["alpha"]', 'overrides = ["b"]\n')
        + tag("b", '["beta"]', 'overrides = ["c"]\n')
        + tag("c", '["gamma"]', 'overrides = ["a"]\n')
    )
    assert check(text, tmp_path) == [
        "[a.overrides] overrides go round in a circle: a → b → c → a (keep one direction)"
    ]


def scale(body: str) -> str:
    return ENRICHMENT + "\n[[scale]]\n" + body + "\n"


@pytest.mark.parametrize(
    ("body", "problems"),
    [
        (
            'id = "e"\nsteps = ["zero_enrichment"]',
            ["[scale.e.steps] has 1 step(s); a scale needs at least 2"],
        ),
        ('id = "e"\nsteps = ["zero_enrichment", "nope"]', ["[scale.e.steps] unknown tag 'nope'"]),
        ('id = "e"', ["[scale.e.steps] is missing"]),
        ('id = "e"\nsteps = "zero_enrichment"', ["[scale.e.steps] must be a list of tag ids"]),
        (
            'id = "e"\nsteps = ["zero_enrichment", "enrichment_cap", "zero_enrichment"]',
            ["[scale.e.steps] 'zero_enrichment' appears 2 times"],
        ),
        (
            'id = "e"\nsteps = ["zero_enrichment", "enrichment_cap", "high_enrichment"]\nhard = "enrichment_cap"',
            [
                "[scale.e.hard] 'enrichment_cap' is not an end of the scale (use 'zero_enrichment' or 'high_enrichment')"
            ],
        ),
        (
            'id = "e"\nsteps = ["zero_enrichment", "high_enrichment"]\nhard_for = { iran = "enrichment" }',
            [
                "[scale.e.hard_for.iran] 'enrichment' is not an end of the scale (use 'zero_enrichment' or 'high_enrichment')"
            ],
        ),
        (
            'id = "e"\nsteps = ["zero_enrichment", "high_enrichment"]\nhard_for = "iran"',
            ['[scale.e.hard_for] must be a table of party = end, e.g. { iran = "high_enrichment" }'],
        ),
        (
            'id = "e"\nsteps = ["zero_enrichment", "high_enrichment"]\ndirection = "up"',
            ["[scale.e.direction] unknown key (allowed: id, label, steps, hard, hard_for)"],
        ),
        ('steps = ["zero_enrichment", "high_enrichment"]', ["[scale1.id] is missing"]),
        (
            'id = "Enrichment"\nsteps = ["zero_enrichment", "high_enrichment"]',
            ["[scale1.id] 'Enrichment' is not a snake_case id (e.g. enrichment)"],
        ),
    ],
)
def test_scale_errors(body: str, problems: list[str], tmp_path: Path) -> None:
    assert check(scale(body), tmp_path) == problems


def test_a_tag_in_two_scales_is_an_error(tmp_path: Path) -> None:
    text = scale('id = "e"\nsteps = ["zero_enrichment", "high_enrichment"]')
    text += '\n[[scale]]\nid = "f"\nsteps = ["enrichment_cap", "high_enrichment"]\n'
    assert check(text, tmp_path) == [
        "[scale.f.steps] 'high_enrichment' is already a step of scale 'e' (a tag belongs to one scale)"
    ]


def test_duplicate_scale_id_and_single_table(tmp_path: Path) -> None:
    text = scale('id = "e"\nsteps = ["zero_enrichment", "high_enrichment"]')
    text += '\n[[scale]]\nid = "e"\nsteps = ["enrichment_cap", "withdrawal"]\n'
    assert check(text, tmp_path) == ["[scale.e.id] duplicate scale id"]
    single = ENRICHMENT + '\n[scale]\nid = "e"\nsteps = ["zero_enrichment", "high_enrichment"]\n'
    assert check(single, tmp_path) == ["[scale] must be an array of tables: write [[scale]], not [scale]"]


def test_loads_raises_with_every_problem() -> None:
    with pytest.raises(CodebookError) as info:
        loads_codebook(HEAD + tag("a", '["alpha"]', 'overrides = ["a"]\n'))
    assert info.value.problems == ["[a.overrides] a tag cannot override itself"]


THREE = Scale("enrichment", ("zero", "cap", "high"), hard="zero", hard_for=(("iran", "high"),))


@pytest.mark.parametrize(
    ("before", "after", "who", "movement"),
    [
        ("zero", "cap", ("usa",), Movement.SOFTENED),
        ("cap", "zero", ("usa",), Movement.HARDENED),
        ("high", "cap", ("iran",), Movement.SOFTENED),
        ("cap", "high", ("iran",), Movement.HARDENED),
        ("cap", "high", ("araghchi", "iran"), Movement.HARDENED),
        ("zero", "high", ("usa",), Movement.REVERSED),
        ("high", "zero", ("iran",), Movement.REVERSED),
        ("cap", "cap", ("usa",), None),
    ],
)
def test_scale_movement(before: str, after: str, who: tuple[str, ...], movement: Movement | None) -> None:
    assert THREE.move(before, after, *who) == movement


def test_scale_without_a_hard_end_only_moves() -> None:
    plain = Scale("s", ("a", "b", "c"))
    assert plain.move("a", "b") is Movement.MOVED
    assert plain.move("c", "a") is Movement.REVERSED
    assert plain.step(["a", "b"]) is None


def test_scale_step_is_the_firmest_supported() -> None:
    assert THREE.step(["cap", "high"], "usa") == "cap"
    assert THREE.step(["cap", "high"], "iran") == "high"
    assert THREE.step(["other"], "usa") is None


def test_party_hard_end_reaches_its_members() -> None:
    s = THREE.with_parties({"araghchi": "iran", "rubio": "usa"}.get, ["araghchi", "rubio"])
    assert s.hard_end("araghchi") == "high"
    assert s.hard_end("rubio") == "zero"


def test_opposites_inside_a_scale_warn() -> None:
    from rhetoric.codebook import codebook_warnings

    text = scale('id = "e"\nsteps = ["zero_enrichment", "enrichment_cap", "high_enrichment"]')
    text += '\n[frames]\nopposites = [["zero_enrichment", "enrichment_cap"], ["zero_enrichment", "high_enrichment"]]\n'
    assert codebook_warnings(loads_codebook(HEAD + text)) == [
        "[frames.opposites[0]] 'zero_enrichment' and 'enrichment_cap' are steps of scale 'e': "
        "a move between them would read as reversed, not softened or hardened; drop the pair"
    ]
