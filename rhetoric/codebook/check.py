"""Check a codebook's structure and pattern syntax, and warn of likely mistakes.

The examples of every tag are run by the tagging stage (:mod:`rhetoric.tagging.check`).

Example:
    >>> check_structure("corpora/ukraine-nato/codebook.toml")[1]
    []
"""

from __future__ import annotations

from os import PathLike

from .frames_table import parse_frames_table
from .load import parse_codebook, read_codebook_bytes
from .model import Codebook
from .patterns import parse_pattern, pattern_warnings


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
    return out


def check_structure(path: str | PathLike) -> tuple[Codebook, list[str]]:
    """A codebook file's structural problems, at once: unknown keys, missing or malformed fields,
    duplicate ids, patterns that do not parse, and the ``[frames]`` table.

    Running the tags' examples needs the tagger: :func:`rhetoric.tagging.check.check_codebook`
    does both.

    Args:
        path: The ``codebook.toml`` file.

    Returns:
        The codebook (what parsed of it) and its problems as ``[tag.field] message``.

    Raises:
        NotFoundError: If the file does not exist.
    """
    codebook, problems = parse_codebook(read_codebook_bytes(path), path=path)
    frames_problems = parse_frames_table(codebook.extensions.get("frames"), tag_ids=codebook.tag_ids)[1]
    return codebook, problems + frames_problems


__all__ = ["check_structure", "codebook_warnings"]
