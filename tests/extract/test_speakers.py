"""Speaker resolution: aliases, head names, descriptors, relays, coordination, pronouns."""

from __future__ import annotations

import pytest

from rhetoric.actors import ActorRegistry
from rhetoric.extract.discourse import Discourse
from rhetoric.extract.speakers import Speaker, SpeakerResolver


@pytest.fixture(scope="module")
def resolver(actors: ActorRegistry) -> SpeakerResolver:
    return SpeakerResolver(actors)


@pytest.mark.parametrize(
    ("phrase", "ids"),
    [
        ("Zelensky", ["zelensky"]),
        ("Volodymyr Zelenskyy", ["zelensky"]),
        ("the Ukrainian president", ["zelensky"]),
        ("The Russian President", ["putin"]),
        ("President-elect Donald Trump", ["trump"]),
        ("Russian President Vladimir Putin", ["putin"]),
        ("Trump’s special envoy for Russia and Ukraine, retired general Keith Kellogg", ["kellogg"]),
        ("Trump's special envoy", ["kellogg"]),
        ("Mr Trump’s envoy, Keith Kellogg", ["kellogg"]),
        ("a diplomat quoted by the French daily Le Monde", ["le_monde_diplomat"]),
        ("France’s Le Monde", ["le_monde"]),
        ("Moscow", ["russia"]),
        ("the Kremlin", ["russia"]),
        ("Kiev", ["ukraine"]),
        ("the Russian side", ["russia"]),
        ("Ukrainian officials", ["ukraine"]),
        ("the alliance itself", ["nato"]),
        ("EU foreign policy chief Kaja Kallas", ["kallas"]),
        ("Kaja Kallas, the EU's foreign policy chief", ["kallas"]),
        ("France and the UK", ["france", "uk"]),
        ("the US, Germany and Hungary", ["us", "germany", "hungary"]),
        ("Germany, France, and Britain", ["germany", "france", "uk"]),
        ("Putin and Trump", ["putin", "trump"]),
        ("the US and its allies", ["us"]),
        ("a Kremlin statement", ["russia"]),
        # Unknown speakers are kept as written, titles stripped from persons, kept in organisations.
        ("Foreign Minister Sergei Lavrov", ["Sergei Lavrov"]),
        ("U.S. Secretary of State Marco Rubio", ["Marco Rubio"]),
        ("The Hungarian prime minister, Viktor Orban", ["Viktor Orban"]),
        ("the US State Department", ["US State Department"]),
        ("a senior official", ["senior official"]),
        ("A spokesperson for No 10", ["spokesperson for No 10"]),
        ("Olaf Scholz and Emmanuel Macron", ["Olaf Scholz", "Emmanuel Macron"]),
    ],
)
def test_resolve(resolver: SpeakerResolver, phrase: str, ids: list[str]) -> None:
    assert [s.id for s in resolver.resolve(phrase)] == ids


@pytest.mark.parametrize(
    "phrase",
    [
        "some member states",
        "many allies",
        "his rhetoric",
        "Ukrainian membership",
        "officials",
        "Analysts in Kyiv",
        "the idea",
        "he",
        "",
        "  ,  ",
    ],
)
def test_not_a_speaker(resolver: SpeakerResolver, phrase: str) -> None:
    assert resolver.resolve(phrase) == []


def test_unknown_speaker_is_flagged(resolver: SpeakerResolver) -> None:
    (s,) = resolver.resolve("Foreign Minister Sergei Lavrov")
    assert (s.known, s.method, s.as_written) == (False, "unresolved", "Foreign Minister Sergei Lavrov")


def test_descriptor_needs_a_unique_role_match() -> None:
    reg = ActorRegistry.from_dict(
        {
            "actors": {
                "a": {"name": "A One", "role": "President of Ukraine"},
                "b": {"name": "B Two", "role": "Former President of Ukraine"},
            }
        }
    )
    (s,) = SpeakerResolver(reg).resolve("the Ukrainian president")
    assert (s.id, s.known) == ("Ukrainian president", False)


def test_president_does_not_match_president_elect(resolver: SpeakerResolver) -> None:
    (s,) = resolver.resolve("the US president")
    assert (s.id, s.known) == ("US president", False)
    assert [s.id for s in resolver.resolve("the US president-elect")] == ["trump"]


def _person(pid: str, gender: str = "") -> Speaker:
    return Speaker(pid, pid, "name", True, "person", gender)


def test_pronouns_take_the_most_recent_compatible_subject() -> None:
    d = Discourse()
    d.note(0, [_person("zelensky", "male")])
    d.note(10, [_person("kallas", "female")])
    d.note(20, [Speaker("russia", "Moscow", "alias", True, "state")])
    assert [s.id for s in d.resolve("he", 30)] == ["zelensky"]
    assert [s.id for s in d.resolve("She", 30)] == ["kallas"]
    assert [s.id for s in d.resolve("it", 30)] == ["russia"]
    assert d.resolve("he", 0) == []  # no subject before the start


def test_pronoun_skips_coordinated_subjects_and_falls_back_to_mentions() -> None:
    d = Discourse(mentions=[(2, _person("trump", "male"))])
    d.note(10, [_person("a"), _person("b")])
    assert [s.id for s in d.resolve("they", 20)] == ["a", "b"]
    assert [s.id for s in d.resolve("he", 20)] == ["trump"]


def test_unknown_full_names_are_mentions(resolver: SpeakerResolver) -> None:
    text = "Speaking in Kyiv, Ukraine's foreign minister, Andrii Sybiha, was frank."
    names = [s.id for _o, s in resolver.mentions(text)]
    assert "Andrii Sybiha" in names
