"""Options shared by the commands, defined once: ``--lang``, ``--date``, ``--gate``, ``--format`` and ``-o``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

import click

from pbd.errors import UsageError
from pbd.vocabulary import Gate

F = TypeVar("F", bound=Callable[..., Any])


class Decorator(Protocol):
    """What ``click.option(...)`` returns: a decorator that keeps the command's type."""

    def __call__(self, func: F, /) -> F: ...


GATES = [g.value for g in Gate]
LANGS = ["nl", "en"]
FAIL_ON = ["high", "medium", "low", "none"]


def lang_option(help: str = "Taal / language of the output.") -> Decorator:
    """``--lang nl|en`` (default nl)."""
    return click.option(
        "--lang", type=click.Choice(LANGS), default="nl", show_default=True, envvar="PBD_LANG", help=help
    )


def date_option(help: str = "Evaluatiedatum (standaard vandaag); maakt een run reproduceerbaar.") -> Decorator:
    """``--date YYYY-MM-DD`` into the parameter ``date_``; read it with :func:`pbd.files.evaluation_date`."""
    return click.option("--date", "date_", metavar="YYYY-MM-DD", help=help)


def gate_option(help: str) -> Decorator:
    """``--gate`` with the six decision gates."""
    return click.option("--gate", type=click.Choice(GATES), help=help)


def format_option(choices: Sequence[str], help: str | None = None) -> Decorator:
    """``--format`` into the parameter ``fmt``; the first choice is the default."""
    return click.option(
        "--format", "fmt", type=click.Choice(list(choices)), default=choices[0], show_default=True, help=help
    )


def fail_on_option(help: str) -> Decorator:
    """``--fail-on high|medium|low|none`` (default low)."""
    return click.option("--fail-on", type=click.Choice(FAIL_ON), default="low", show_default=True, help=help)


def outputs_option(help: str) -> Decorator:
    """``-o FORMAT[:PATH]``, repeatable, into the parameter ``outputs``; parse with :func:`parse_outputs`."""
    return click.option("-o", "--output", "outputs", multiple=True, metavar="FORMAT[:PATH]", help=help)


def parse_outputs(
    outputs: Sequence[str], subject: str = "assessment", known: Sequence[str] | None = None
) -> list[tuple[str, str | None]]:
    """``-o`` values as (format, path or None for standard output); at most one on standard output.

    The formats are those of the reporters of ``subject``, or ``known`` when given.
    """
    if known is None:
        from pbd.render import formats

        known = list(formats(subject))
    parsed: list[tuple[str, str | None]] = []
    for spec in outputs or ("text",):
        fmt, _, dest = spec.partition(":")
        if fmt not in known:
            raise UsageError(f"-o {spec}", f"unknown format '{fmt}'", f"Choose from {', '.join(known)}.")
        parsed.append((fmt, dest or None))
    if sum(1 for _, dest in parsed if dest is None) > 1:
        raise UsageError(
            "-o", "more than one format writes to standard output", "Give the others a path: -o json:result.json."
        )
    return parsed


def emit(text: str, output: str | None) -> None:
    """Write ``text`` to the file ``output`` (atomically), or to standard output."""
    if output:
        from pbd.atomic import write_atomic

        write_atomic(Path(output), text)
    else:
        click.echo(text, nl=False)


def echo_problems(problems: Sequence[Any], lang: str) -> None:
    """Every problem of a bad description as one ``Error:`` line on standard error."""
    from pbd.render.text import one_line

    for p in problems:
        click.echo(one_line(f"Error: {p.render(lang)}"), err=True)
