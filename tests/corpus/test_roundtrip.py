"""Property test: any valid statement, added, reads back equal (list, get, validate, DataFrame)."""

from __future__ import annotations

import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rhetoric.corpus import add_statement, init_corpus, load_statements_frame, validate_corpus
from rhetoric.types import DateQualifier, Kind

_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
_text = st.text(_chars, min_size=1, max_size=200).filter(lambda t: t.strip())
_speaker = _text.map(str.strip).filter(bool)
_date = st.one_of(
    st.integers(1, 9999).map(lambda y: f"{y:04d}"),
    st.tuples(st.integers(1, 9999), st.integers(1, 12)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}"),
    st.dates().map(lambda d: d.isoformat()),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    speaker=_speaker,
    date=_date,
    text=_text,
    kind=st.sampled_from([k.value for k in Kind]),
    qualifier=st.sampled_from([q.value for q in DateQualifier]),
    extra=st.text(_chars, max_size=40),
)
def test_add_then_load_is_equal(speaker, date, text, kind, qualifier, extra) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = init_corpus(tmp + "/c")
        result = add_statement(
            corpus,
            speaker=speaker,
            date=date,
            text=text,
            kind=kind,
            date_qualifier=qualifier,
            source=extra,
            url=extra,
            note=extra,
        )
        s = result.statement
        assert (s.speaker, s.date, s.text, s.kind, s.date_qualifier, s.note) == (
            speaker,
            date,
            text,
            kind,
            qualifier,
            extra,
        )
        assert corpus.statements() == [s]
        assert corpus.get(s.id) == s
        assert validate_corpus(corpus).ok
        assert load_statements_frame(corpus).iloc[0].to_dict() == s.to_dict()
        assert not add_statement(corpus, speaker=speaker, date=date, text=text).added
