"""Where questions go and answers come from: a terminal in the CLI, a script in tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from pbd.questionnaire.fields import FieldSpec
from pbd.questionnaire.paths import PathT


@dataclass(frozen=True, slots=True)
class Prompt:
    """What is being asked — for scripted drivers and tests; a real terminal only shows ``text``."""

    kind: str  # "question", "more" (next line of a list), "group", "confirm", "skipped"
    path: PathT
    spec: FieldSpec | None = None
    choices: tuple[str, ...] = ()  # the values behind the numbers 1..n
    text: str = ">"


class Terminal(Protocol):
    """Where questions go and answers come from (click in the CLI, a script in tests)."""

    def ask(self, prompt: Prompt) -> str:
        """One line of input; raises KeyboardInterrupt/EOFError (or click.Abort) to stop."""
        ...

    def say(self, text: str = "", style: str = "") -> None:
        """Show a line; ``style`` is a hint: title, help, dim, error, ok, section, gap, open."""
        ...


class Back(Exception):
    """The user typed '<': the previous question."""


class SkipBlock(Exception):
    """The user typed '>': skip the rest of this block."""
