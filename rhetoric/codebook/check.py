"""Check a codebook: structure, pattern syntax and every tag against its own examples.

Example:
    >>> check_codebook("corpora/ukraine-nato/codebook.toml")  # doctest: +SKIP
    []
"""

from __future__ import annotations

from os import PathLike

from .load import parse_codebook, read_codebook_bytes
from .model import Codebook
from .patterns import parse_pattern, pattern_warnings


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
    from ..tagging.tagger import Tagger  # local: tagging builds on codebook

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


def codebook_warnings(codebook: Codebook) -> list[str]:
    """Likely mistakes that are not errors (see :func:`~rhetoric.codebook.patterns.pattern_warnings`).

    Returns:
        Warnings as ``[tag.patterns|exclude] pattern 'source': message``, in file order.

    Example:
        >>> from rhetoric.codebook.model import TagSpec
        >>> from rhetoric.types import Role
        >>> spec = TagSpec("x", "X", "", Role.EITHER, patterns=("peace deal|peace agreement",))
        >>> codebook_warnings(Codebook("c", "1", "en", "", (spec,)))[0][:56]
        "[x.patterns] pattern 'peace deal|peace agreement': 'deal"
    """
    out = []
    for spec in codebook.tags:
        for field, sources in (("patterns", spec.patterns), ("exclude", spec.exclude)):
            for source in sources:
                for warning in pattern_warnings(parse_pattern(source)):
                    out.append(f"[{spec.id}.{field}] pattern {source!r}: {warning}")
    return out + _scale_opposite_warnings(codebook)


def _scale_opposite_warnings(codebook: Codebook) -> list[str]:
    """An ``[frames] opposites`` pair inside one scale, other than its two ends, makes a step a reversal."""
    pairs = (codebook.extensions.get("frames") or {}).get("opposites")
    if not isinstance(pairs, list):
        return []
    out = []
    for i, pair in enumerate(pairs):
        for scale in codebook.scales:
            if not (isinstance(pair, list) and len(pair) == 2 and set(pair) <= set(scale.steps)):
                continue
            if set(pair) != {scale.steps[0], scale.steps[-1]}:
                out.append(
                    f"[frames.opposites[{i}]] {pair[0]!r} and {pair[1]!r} are steps of scale {scale.id!r}: "
                    "a move between them would read as reversed, not softened or hardened; drop the pair"
                )
    return out


def check_codebook(path: str | PathLike) -> list[str]:
    """Every problem of a codebook file, at once.

    Structural problems (unknown keys, missing or malformed fields, duplicate ids,
    patterns that do not parse) come first; then the examples of every tag without
    structural problems are run.

    Args:
        path: The ``codebook.toml`` file.

    Returns:
        Problems as ``[tag.field] message``; empty when the codebook is fine.

    Raises:
        NotFoundError: If the file does not exist.
    """
    codebook, problems = parse_codebook(read_codebook_bytes(path), path=path)
    return problems + _check_frames_table(codebook) + check_examples(codebook)


def _check_frames_table(codebook: Codebook) -> list[str]:
    """Problems of the ``[frames]`` table (extra cues, opposite tags)."""
    from ..errors import CodebookError
    from ..frames.config import FramesConfig  # local: frames build on the codebook

    try:
        FramesConfig.from_codebook_table(codebook.extensions.get("frames"), tag_ids=codebook.tag_ids)
    except CodebookError as exc:
        return exc.problems
    return []


__all__ = ["check_codebook", "check_examples", "codebook_warnings"]
