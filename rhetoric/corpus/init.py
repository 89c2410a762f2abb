"""Creating an empty corpus folder from the templates in ``rhetoric/corpus/templates``.

Example:
    >>> import tempfile
    >>> c = init_corpus(tempfile.mkdtemp() + "/my-corpus")
    >>> sorted(p.name for p in c.path.iterdir())
    ['README.md', 'actors.toml', 'codebook.toml', 'statements.jsonl']
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import CorpusError
from .store import ACTORS_FILE, CODEBOOK_FILE, STATEMENTS_FILE, Corpus

TEMPLATE_FILES = (ACTORS_FILE, CODEBOOK_FILE, "README.md")


def _template(name: str) -> str:
    from importlib import resources  # slow to import; only init needs it

    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


def init_corpus(path: str | os.PathLike) -> Corpus:
    """Create a corpus folder: empty ``statements.jsonl``, ``actors.toml``, ``codebook.toml``, ``README.md``.

    Files that already exist are left untouched, so ``init`` can complete a half-made folder.

    Args:
        path: The folder to create (parents are created too).

    Returns:
        The new corpus.

    Raises:
        CorpusError: If the folder already holds a ``statements.jsonl`` or cannot be created.
    """
    folder = Path(path)
    if (folder / STATEMENTS_FILE).exists():
        raise CorpusError(
            f"{str(folder)!r} is already a corpus (it has {STATEMENTS_FILE})",
            hint="choose another folder, or keep using this one",
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        name = folder.resolve().name
        for file in TEMPLATE_FILES:
            target = folder / file
            if not target.exists():
                target.write_text(_template(file).replace("{name}", name), encoding="utf-8")
        (folder / STATEMENTS_FILE).touch()
    except OSError as exc:
        raise CorpusError(f"cannot create corpus: {exc.strerror}", path=str(folder)) from None
    return Corpus(folder)
