"""Errors users can act on, and the exit codes the command line maps them to."""

from __future__ import annotations

from dataclasses import dataclass

from pbd.messages import pick

EXIT_OK = 0
EXIT_GAPS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file, located as precisely as we can."""

    file: str
    line: int
    column: int
    path: str
    message_nl: str
    message_en: str

    def message(self, lang: str) -> str:
        return pick(lang, self.message_nl, self.message_en)

    def render(self, lang: str) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.path}: {self.message(lang)}"

    def as_dict(self, lang: str) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message(lang),
        }


class PbdError(Exception):
    """Base of every error a user can fix; rendered as one ``Error: where: what. fix`` line."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, where: str, what: str, fix: str = "") -> None:
        self.where = where
        self.what = what.rstrip(".")
        self.fix = fix
        super().__init__(self.line())

    def line(self) -> str:
        fix = f" {self.fix}" if self.fix else ""
        return f"Error: {self.where}: {self.what}.{fix}"


class DescriptionError(PbdError):
    """A project description that cannot be read or is not valid; carries every problem found."""

    def __init__(self, file: str, problems: list[Problem], lang_hint: str = "nl") -> None:
        self.file = file
        self.problems = problems
        first = problems[0]
        count = len(problems)
        what = first.message_en if lang_hint == "en" else first.message_nl
        where = f"{first.file}:{first.line}:{first.column}: {first.path}"
        more = f" (+{count - 1} more)" if count > 1 else ""
        super().__init__(where, what + more, "Run `pbd validate` for the full list.")


class KnowledgeBaseError(PbdError):
    """The knowledge base (criteria, systeemeisen, referentiekader) is broken; nothing is skipped."""


class UsageError(PbdError):
    """A command was called with arguments that do not fit together."""
