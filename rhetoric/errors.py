"""Exception hierarchy for rhetoric: every error the library raises for a user to read.

The library never prints for the user and never exits; the CLI edge turns a
:class:`RhetoricError` into ``Error: <message>`` on stderr and exit code 1.

Example:
    >>> try:
    ...     raise ValidationError("bad date", path="statements.jsonl", line=3, field="date")
    ... except RhetoricError as exc:
    ...     str(exc)
    'statements.jsonl:3: [date] bad date'
"""

from __future__ import annotations


class RhetoricError(Exception):
    """Base class: something the user can fix; the message says what, where and how."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.field = field
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = str(self.path) + (f":{self.line}" if self.line is not None else "") + ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        field = f"[{self.field}] " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{field}{self.message}{hint}"


class UsageError(RhetoricError):
    """A call combines options that do not go together; the CLI reports it as a usage error (exit 2)."""


class ValidationError(RhetoricError):
    """A record or value breaks the schema (bad date, unknown key, empty text, ...)."""


class BatchValidationError(RhetoricError):
    """Several records failed validation; ``problems`` holds every one of them."""

    def __init__(self, message: str, problems: list[ValidationError], **kwargs) -> None:
        self.problems = list(problems)
        super().__init__(message, **kwargs)

    def __str__(self) -> str:
        lines = [super().__str__()]
        lines.extend(f"  {p}" for p in self.problems)
        return "\n".join(lines)


class ImportRejectedError(BatchValidationError):
    """An all-or-nothing import found bad rows and wrote nothing; ``result`` holds the counts."""

    def __init__(self, message: str, problems: list, result: object = None, **kwargs) -> None:
        self.result = result
        super().__init__(message, problems, **kwargs)


class CorpusError(RhetoricError):
    """A corpus folder is missing, unreadable or inconsistent."""


class NotFoundError(RhetoricError):
    """A statement id, actor, tag or file that was asked for does not exist."""


class InputFormatError(RhetoricError):
    """An input file cannot be read: wrong encoding, binary content, unknown format."""


class ActorError(RhetoricError):
    """An actor table is malformed or a speaker cannot be resolved under --strict."""


class CodebookError(RhetoricError):
    """A codebook file is malformed; ``problems`` lists every ``[tag.field] message``."""

    def __init__(self, message: str, problems: list[str] | None = None, **kwargs) -> None:
        self.problems = list(problems or [])
        super().__init__(message, **kwargs)

    @classmethod
    def listing(cls, problems: list[str], where: str, *, hint: str) -> CodebookError:
        """``N problem(s) in WHERE`` with one problem a line below; a single problem in the one line.

        Example:
            >>> str(CodebookError.listing(["[codebook] invalid TOML"], "'cb.toml'", hint="fix it"))
            "'cb.toml': [codebook] invalid TOML (fix it)"
        """
        if len(problems) == 1:
            return cls(f"{where}: {problems[0]}", problems, hint=hint)
        return cls(f"{len(problems)} problem(s) in {where}", problems, hint=hint)

    def __str__(self) -> str:
        lines = [super().__str__()]
        if not (len(self.problems) == 1 and self.problems[0] in self.message):  # already in the one line
            lines.extend(f"  {p}" for p in self.problems)
        return "\n".join(lines)


class LanguageError(CodebookError):
    """Language data (``rhetoric/lang/<code>/*.toml`` or a codebook's ``[words]``) is malformed or unknown;
    ``problems`` lists every ``[file.key] message``."""


class PatternError(RhetoricError):
    """A codebook pattern cannot be parsed."""


class ModelError(RhetoricError):
    """A trained model is missing, stale (other codebook) or cannot be trained."""


class OutputExistsError(RhetoricError):
    """An output file already exists and overwriting it was not asked for (--force)."""


class ExtractionError(RhetoricError):
    """An article cannot be processed for statement extraction."""


class EngineError(RhetoricError):
    """The chosen engine cannot run: the dask extra is missing or the scheduler cannot be reached."""


class OutputError(RhetoricError):
    """An output file or folder (report, export) cannot be written; the message names path and fix."""


class DependencyError(RhetoricError):
    """An optional dependency a feature needs is not installed (the hint names the extra)."""
