"""Check a codebook completely: its structure (:mod:`rhetoric.codebook.check`) and every tag
against its own examples, run through the tagger.

Example:
    >>> check_codebook("corpora/ukraine-nato/codebook.toml")
    []
"""

from __future__ import annotations

from os import PathLike

from ..codebook.check import check_structure
from ..codebook.model import Codebook
from .tagger import Tagger


def _short(sentence: str, limit: int = 80) -> str:
    one_line = " ".join(sentence.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def check_examples(codebook: Codebook) -> list[str]:
    """Run each tag's examples: positives must be tagged with it, negatives must not.

    Args:
        codebook: A codebook (its tags' patterns must parse).

    Returns:
        Problems as ``[tag.examples.positive|negative] message``, in file order.
    """
    tagger = Tagger.from_codebook(codebook)
    problems: list[str] = []
    for spec in codebook.tags:
        for i, sentence in enumerate(spec.examples_positive, start=1):
            if not any(m.tag == spec.id for m in tagger.tag(sentence)):
                problems.append(
                    f"[{spec.id}.examples.positive] example {i} not matched: {_short(sentence)!r}"
                )
        for i, sentence in enumerate(spec.examples_negative, start=1):
            hits = [m for m in tagger.tag(sentence) if m.tag == spec.id]
            if hits:
                problems.append(
                    f"[{spec.id}.examples.negative] example {i} matched {hits[0].text!r} "
                    f"(pattern {hits[0].pattern!r}): {_short(sentence)!r}"
                )
    return problems


def check_codebook(path: str | PathLike) -> list[str]:
    """Every problem of a codebook file, at once.

    Structural problems (unknown keys, missing or malformed fields, duplicate ids,
    patterns that do not parse, the ``[frames]`` table) come first; then the examples of
    every tag without structural problems are run.

    Args:
        path: The ``codebook.toml`` file.

    Returns:
        Problems as ``[tag.field] message``; empty when the codebook is fine.

    Raises:
        NotFoundError: If the file does not exist.
    """
    codebook, problems = check_structure(path)
    return problems + check_examples(codebook)


__all__ = ["check_codebook", "check_examples"]
