"""Tests for rhetoric.actors: alias matching (case, punctuation, diacritics) and the table schema."""

from __future__ import annotations

import pytest

from rhetoric.actors import Actor, ActorRegistry, normalize_name
from rhetoric.errors import ActorError
from tests.conftest import SEED_CORPUS


@pytest.fixture(scope="module")
def seed_actors() -> ActorRegistry:
    return ActorRegistry.load(SEED_CORPUS / "actors.toml")


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Zelensky", "zelensky"),
        ("Zelenskyy", "zelensky"),
        ("Zelenskiy", "zelensky"),
        ("Volodymyr Zelensky", "zelensky"),
        ("VOLODYMYR  ZELENSKYY", "zelensky"),
        ("the Ukrainian president", "zelensky"),
        ("Ukrainian president", "zelensky"),
        ("Putin", "putin"),
        ("Vladimir Putin", "putin"),
        ("Russian President Vladimir Putin", "putin"),
        ("NATO", "nato"),
        ("N.A.T.O.", "nato"),
        ("the alliance", "nato"),
        ("The Alliance", "nato"),
        ("the US-led military alliance", "nato"),
        ("Kyiv", "ukraine"),
        ("Kiev", "ukraine"),
        ("Moscow", "russia"),
        ("the Kremlin", "russia"),
        ("President-elect Donald Trump", "trump"),
        ("Trump’s special envoy for Russia and Ukraine", "kellogg"),
        ("Trump's special envoy for Russia and Ukraine", "kellogg"),
        ("retired general Keith Kellogg", "kellogg"),
        ("a diplomat quoted by the French daily Le Monde", "le_monde_diplomat"),
        ("France’s Le Monde", "le_monde"),
        ("EU foreign policy chief Kaja Kallas", "kallas"),
        ("the UK", "uk"),
        ("Britain", "uk"),
        ("Élysée", "france"),
        ("U.S.", "us"),
        ("Hungary", "hungary"),
        ("Germany", "germany"),
        ("EU", "eu"),
    ],
)
def test_seed_aliases_resolve(seed_actors: ActorRegistry, name: str, actor_id: str) -> None:
    actor = seed_actors.resolve(name)
    assert actor is not None and actor.id == actor_id


@pytest.mark.parametrize("name", ["Zelenskaya", "Putinism", "the", "", "Keith", "alliance of the willing"])
def test_non_aliases_do_not_resolve(seed_actors: ActorRegistry, name: str) -> None:
    assert seed_actors.resolve(name) is None


def test_seed_actors_have_names_roles_and_kinds(seed_actors: ActorRegistry) -> None:
    for actor in seed_actors:
        assert actor.name and actor.role, actor.id
    people = {a.id for a in seed_actors if a.kind == "person"}
    assert {"zelensky", "putin", "trump", "kellogg", "kallas", "le_monde_diplomat"} <= people
    assert all(seed_actors.get(a).gender for a in ("zelensky", "putin", "trump", "kellogg", "kallas"))
    assert {a.id for a in seed_actors if a.kind == "state"} >= {
        "us",
        "germany",
        "hungary",
        "france",
        "uk",
        "russia",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [("  Zelenskyy’s ", "zelenskyys"), ("Élysée-Palace", "elysee palace"), ("U.S.", "u s"), ("Kyïv", "kyiv")],
)
def test_normalize_name(text: str, expected: str) -> None:
    assert normalize_name(text) == expected


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"actors": {"Bad-Id": {"name": "x"}}}, "is not snake_case"),
        ({"actors": {"a": {"role": "x"}}}, r"\[a.name\] name is missing"),
        ({"actors": {"a": {"name": "x", "colour": "red"}}}, r"unknown key\(s\): colour"),
        ({"actors": {"a": {"name": "x", "kind": "planet"}}}, "unknown kind 'planet'"),
        ({"actors": {"a": {"name": "x", "aliases": "y"}}}, "aliases must be a list of strings"),
        ({"people": {}}, r"unknown top-level key\(s\): people"),
        (
            {"actors": {"a": {"name": "x", "aliases": ["Same"]}, "b": {"name": "y", "aliases": ["same"]}}},
            "alias 'same' names both 'a' and 'b'",
        ),
    ],
)
def test_bad_actor_tables(table: dict, message: str) -> None:
    with pytest.raises(ActorError, match=message):
        ActorRegistry.from_dict(table, path="actors.toml")


def test_duplicate_actor_id() -> None:
    reg = ActorRegistry([Actor("a", "A")])
    with pytest.raises(ActorError, match="duplicate actor id 'a'"):
        reg.add(Actor("a", "Another"))


def test_missing_or_broken_file(tmp_path) -> None:
    assert len(ActorRegistry.load(tmp_path / "absent.toml")) == 0
    (tmp_path / "bad.toml").write_text("[actors.x\n")
    with pytest.raises(ActorError, match="cannot parse actors file"):
        ActorRegistry.load(tmp_path / "bad.toml")
