"""Gold template: the corpus's statements as gold lines pre-filled with the tagger's tags, for coders.

Example:
    >>> dumps_gold_line({"statement_id": "s-1", "text": "A truce.", "tags": ["ceasefire"]})
    '{"statement_id": "s-1", "text": "A truce.", "tags": ["ceasefire"]}\\n'
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from os import PathLike
from pathlib import Path
from typing import Any

from ..corpus.store import Corpus
from ..errors import NotFoundError, OutputExistsError
from ..tagging import Tagger, tag_corpus


def gold_template(corpus: Corpus, tagger: Tagger) -> Iterator[dict[str, Any]]:
    """Gold lines for every corpus statement, pre-filled with the tagger's current tags for a coder to fix.

    Each object has ``statement_id``, ``text``, ``tags`` (the lexicon's, in codebook order),
    ``optional_tags`` (empty), ``mentions`` (the lexicon's spans with their quoted text) and
    ``frames`` (empty). Streams.

    Raises:
        CorpusError: At once, if the corpus has no statements file.

    Example:
        >>> for obj in gold_template(Corpus("corpora/ukraine-nato"), tagger):  # doctest: +SKIP
        ...     print(json.dumps(obj))
    """
    corpus.require()
    return _template_objects(corpus, tagger)


def _template_objects(corpus: Corpus, tagger: Tagger) -> Iterator[dict[str, Any]]:
    order = tagger.codebook.tag_ids
    for statement, mentions in tag_corpus(corpus, tagger):
        found = {m.tag for m in mentions}
        yield {
            "statement_id": statement.id,
            "text": statement.text,
            "tags": [t for t in order if t in found],
            "optional_tags": [],
            "mentions": [{"tag": m.tag, "start": m.start, "end": m.end, "text": m.text} for m in mentions],
            "frames": [],
        }


def write_gold_template(corpus: Corpus, tagger: Tagger, out: str | PathLike, *, force: bool = False) -> int:
    """Write :func:`gold_template` lines to ``out`` (replaced atomically).

    Returns:
        The number of statements written.

    Raises:
        OutputExistsError: If ``out`` exists and ``force`` is false (a coder's work would be lost).
        CorpusError: If the corpus has no statements file.
        NotFoundError: If the folder of ``out`` does not exist.
    """
    target = Path(out)
    if target.exists() and not force:
        raise OutputExistsError(
            f"{str(target)!r} already exists", hint="choose another --out or pass --force to overwrite it"
        )
    if not (target.parent or Path(".")).is_dir():
        raise NotFoundError(
            f"cannot write {str(target)!r}: there is no folder {str(target.parent)!r}",
            hint="create the folder first, or choose another --out",
        )
    objects = gold_template(corpus, tagger)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    n = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for obj in objects:
                fh.write(dumps_gold_line(obj))
                n += 1
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n


def dumps_gold_line(obj: dict[str, Any]) -> str:
    """One gold JSONL line (UTF-8 kept, newline-terminated).

    Example:
        >>> dumps_gold_line({"text": "Ça va", "tags": []})
        '{"text": "Ça va", "tags": []}\\n'
    """
    return json.dumps(obj, ensure_ascii=False) + "\n"


__all__ = ["dumps_gold_line", "gold_template", "write_gold_template"]
