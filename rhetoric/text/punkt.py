"""nltk's Punkt with parameters set in code and a shortcut for plain break contexts (imported lazily).

Example:
    >>> tok = Punkt(punkt_parameters({"gen"}))
    >>> list(tok.span_tokenize("Gen. Kellogg spoke. Then he left."))
    [(0, 19), (20, 33)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

# A candidate break whose context is a word, number or initialism + end mark + spaces + one
# such token: the common case, decided without building Punkt's token objects.
_PLAIN_CONTEXT = re.compile(r"([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)([.?!]) +([A-Za-z0-9]+\.?)")
_NUMBER = re.compile(r"[0-9][0-9.]*")


class Punkt(PunktSentenceTokenizer):
    """Punkt with a shortcut for plain break contexts; decides exactly as Punkt does.

    With these parameters (abbreviations only: no collocations, sentence starters or
    orthographic statistics) a text without any candidate break is one sentence, and
    Punkt's decision for ``word. Next`` reduces to: '?' and '!'
    always break; '.' after a known abbreviation never does; '.' after a single letter (an
    initial) does not before a word; '.' after a number does unless the next word starts
    in lower case; '.' after anything else does. Other contexts go to Punkt itself. The
    tests compare both on many texts.
    """

    def span_tokenize(self, text: str, realign_boundaries: bool = True):
        # No candidate break at all (no '.', '?' or '!' before a space or punctuation): Punkt
        # returns the text up to its trailing whitespace as one sentence.
        if realign_boundaries and self._lang_vars.period_context_re().search(text) is None:
            end = len(text.rstrip())
            return iter([(0, end)] if end else [])
        return super().span_tokenize(text, realign_boundaries)

    def text_contains_sentbreak(self, text: str) -> bool:
        m = _PLAIN_CONTEXT.fullmatch(text)
        if m is None:
            return super().text_contains_sentbreak(text)
        word, mark, after = m.groups()
        if mark != ".":
            return True
        if word.lower() in self._params.abbrev_types:
            return False
        if len(word) == 1 and word.isalpha():
            if after[0].isalpha():
                return False
            return super().text_contains_sentbreak(text)
        if _NUMBER.fullmatch(word):
            return not after[0].islower()
        return True


def punkt_parameters(abbreviations: Iterable[str]) -> PunktParameters:
    """Punkt parameters with only abbreviations set (lower-cased, without the final period)."""
    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    return params
