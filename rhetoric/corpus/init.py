"""Creating an empty corpus folder from the templates in ``rhetoric/corpus/templates``.

A bare ``init`` starts from the domain-neutral ``generic-negotiation`` codebook (named
after the corpus, so it passes ``codebook check`` and every command works at once) and an
empty actors file; ``template=NAME`` starts from a ready codebook and actors file for one
kind of negotiation (:func:`template_names`), and ``from_corpus=DIR`` copies another
corpus's codebook and actors.

Example:
    >>> import tempfile
    >>> c = init_corpus(tempfile.mkdtemp() + "/my-corpus")
    >>> sorted(p.name for p in c.path.iterdir())
    ['README.md', 'actors.toml', 'codebook.toml', 'statements.jsonl']
    >>> 'name = "my-corpus"' in (c.path / "codebook.toml").read_text()
    True
    >>> c = init_corpus(tempfile.mkdtemp() + "/gaza", template="israel-hamas")
    >>> "hostages" in (c.path / "codebook.toml").read_text()
    True
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import CorpusError, NotFoundError, UsageError
from .store import ACTORS_FILE, CODEBOOK_FILE, STATEMENTS_FILE, Corpus

TEMPLATE_FILES = (ACTORS_FILE, CODEBOOK_FILE, "README.md")
#: The codebook a bare ``init`` starts from.
STARTER_TEMPLATE = "generic-negotiation"


def _templates_root():
    from importlib import resources  # slow to import; only init needs it

    return resources.files(__package__).joinpath("templates")


def _template(name: str, template: str | None = None) -> str:
    root = _templates_root()
    if template and name != "README.md":
        root = root.joinpath(template)
    return root.joinpath(name).read_text(encoding="utf-8")


def template_names() -> tuple[str, ...]:
    """The names of the shipped corpus templates (one folder each, with a codebook and actors).

    Example:
        >>> template_names()
        ('generic-negotiation', 'iran-nuclear', 'israel-hamas')
    """
    return tuple(sorted(p.name for p in _templates_root().iterdir() if p.joinpath(CODEBOOK_FILE).is_file()))


def _source_texts(template: str | None, from_corpus: str | os.PathLike | None) -> dict[str, str]:
    """The codebook and actors texts a new corpus starts from (empty: the bare starter)."""
    if template and from_corpus:
        raise UsageError("give --template or --from, not both")
    if template:
        if template not in template_names():
            raise NotFoundError(
                f"unknown template {template!r}", hint=f"choose one of: {', '.join(template_names())}"
            )
        return {f: _template(f, template) for f in (ACTORS_FILE, CODEBOOK_FILE)}
    if from_corpus:
        src = Path(from_corpus)
        texts = {}
        for f in (ACTORS_FILE, CODEBOOK_FILE):
            try:
                texts[f] = (src / f).read_text(encoding="utf-8")
            except (OSError, UnicodeError) as exc:
                reason = getattr(exc, "strerror", None) or str(exc)
                raise NotFoundError(
                    f"cannot read {f} of the corpus to copy: {reason}",
                    path=str(src / f),
                    hint="--from takes a corpus folder with codebook.toml and actors.toml",
                ) from None
        return texts
    starter = _template(CODEBOOK_FILE, STARTER_TEMPLATE)
    return {CODEBOOK_FILE: starter.replace(f'name = "{STARTER_TEMPLATE}"', 'name = "{name}"', 1)}


def init_corpus(
    path: str | os.PathLike, *, template: str | None = None, from_corpus: str | os.PathLike | None = None
) -> Corpus:
    """Create a corpus folder: empty ``statements.jsonl``, ``actors.toml``, ``codebook.toml``, ``README.md``.

    Files that already exist are left untouched, so ``init`` can complete a half-made folder
    (except the codebook and actors that ``template`` or ``from_corpus`` explicitly ask for).

    Args:
        path: The folder to create (parents are created too).
        template: Start from a shipped template (see :func:`template_names`).
        from_corpus: Copy the codebook and actors of this corpus folder.

    Returns:
        The new corpus.

    Raises:
        CorpusError: If the folder already holds a ``statements.jsonl`` or cannot be created.
        NotFoundError: If the template is unknown or the corpus to copy lacks its files.
        UsageError: If both ``template`` and ``from_corpus`` are given.
    """
    sources = _source_texts(template, from_corpus)
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise CorpusError(f"{str(folder)!r} is a file, not a folder", hint="pass the name of a new folder")
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
            chosen = bool(template or from_corpus)  # asked for: replaces what a half-made folder holds
            if file in sources and (chosen or not target.exists()):
                text = sources[file] if chosen else sources[file].replace("{name}", name)
                target.write_text(text, encoding="utf-8")
            elif not target.exists():
                target.write_text(_template(file).replace("{name}", name), encoding="utf-8")
        (folder / STATEMENTS_FILE).touch()
    except OSError as exc:
        raise CorpusError(f"cannot create corpus: {exc.strerror}", path=str(folder)) from None
    return Corpus(folder)
