"""Corpus templates: `init --template NAME` and `init --from DIR` start a corpus that passes its own check."""

from __future__ import annotations

import pytest

from rhetoric.actors import ActorRegistry
from rhetoric.codebook.load import load_codebook
from rhetoric.corpus.init import init_corpus, template_names
from rhetoric.errors import NotFoundError, UsageError
from rhetoric.tagging.check import check_codebook
from rhetoric.tagging.tagger import Tagger

TEMPLATES = ("generic-negotiation", "iran-nuclear", "israel-hamas")


def test_shipped_templates():
    assert template_names() == TEMPLATES


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_corpus_passes_check(tmp_path, name):
    corpus = init_corpus(tmp_path / "c", template=name)
    assert check_codebook(corpus.codebook_path) == []
    ActorRegistry.load(corpus.path / "actors.toml")
    assert (corpus.path / "statements.jsonl").read_text() == ""


@pytest.mark.parametrize(
    ("name", "sentence", "tags"),
    [
        # Sentences of our own, one per family of items, read through each template's codebook.
        ("israel-hamas", "No deal unless every hostage comes home and the war ends.", {"hostages", "end_of_war"}),
        ("israel-hamas", "A six-week truce would see prisoners freed.", {"ceasefire_phase", "prisoner_release"}),
        ("israel-hamas", "Hamas can have no role in governing Gaza after the war.", {"gaza_governance"}),
        ("iran-nuclear", "We could accept a cap on enrichment if sanctions are lifted.", {"enrichment_cap", "sanctions_relief"}),
        ("iran-nuclear", "Zero enrichment and full IAEA access are our terms.", {"zero_enrichment", "inspections"}),
        ("generic-negotiation", "Talks can resume once the troops withdraw.", {"negotiations", "withdrawal"}),
    ],
)
def test_template_tags_own_sentences(tmp_path, name, sentence, tags):
    corpus = init_corpus(tmp_path / "c", template=name)
    tagger = Tagger.from_codebook(load_codebook(corpus.codebook_path))
    assert {m.tag for m in tagger.tag(sentence)} == tags


def test_from_copies_codebook_and_actors(tmp_path):
    src = init_corpus(tmp_path / "src", template="iran-nuclear")
    dst = init_corpus(tmp_path / "dst", from_corpus=src.path)
    for f in ("codebook.toml", "actors.toml"):
        assert (dst.path / f).read_text() == (src.path / f).read_text()


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"template": "nope"}, NotFoundError, "unknown template 'nope' (choose one of: generic-negotiation, iran-nuclear, israel-hamas)"),
        ({"template": "iran-nuclear", "from_corpus": "x"}, UsageError, "give --template or --from, not both"),
    ],
)
def test_bad_template_arguments(tmp_path, kwargs, error, message):
    with pytest.raises(error) as info:
        init_corpus(tmp_path / "c", **kwargs)
    assert str(info.value) == message
    assert not (tmp_path / "c").exists()


def test_from_missing_corpus(tmp_path):
    with pytest.raises(NotFoundError, match="cannot read actors.toml of the corpus to copy"):
        init_corpus(tmp_path / "c", from_corpus=tmp_path / "none")
    assert not (tmp_path / "c").exists()


def test_bare_init_starts_with_a_codebook_that_passes_its_check(tmp_path):
    corpus = init_corpus(tmp_path / "my-talks")
    assert check_codebook(corpus.codebook_path) == []
    assert load_codebook(corpus.codebook_path).name == "my-talks"
