"""The ``pbd`` command line: the click group and ``main``; the commands live in :mod:`pbd.commands`.

Errors become exit codes in one place, :func:`handle_error`: a bad description, knowledge base or
usage gives ``Error:`` lines on stderr and exit 2, gaps exit 1 (the commands decide that), an
interruption 130, anything else exit 3 with a pointer to ``--debug``.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import sys
from typing import Any

import click

from pbd import __version__
from pbd.commands.options import echo_problems
from pbd.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, DescriptionError, PbdError

EXIT_INTERRUPTED = 130


def handle_error(err: BaseException, lang: str, *, debug: bool = False) -> int:
    """Print what went wrong as ``Error:`` line(s) on stderr and return the exit code (re-raise with ``debug``)."""
    if isinstance(err, DescriptionError):
        echo_problems(err.problems, lang)
        return EXIT_BAD_INPUT
    if isinstance(err, PbdError):
        from pbd.render.text import one_line

        click.echo(one_line(err.line()), err=True)
        return err.exit_code
    if isinstance(err, click.exceptions.Abort | KeyboardInterrupt):
        click.echo("Error: interrupted: stopped by the user. Nothing was written.", err=True)
        return EXIT_INTERRUPTED
    if isinstance(err, click.exceptions.NoArgsIsHelpError):  # `pbd` or `pbd criteria` alone: its help, no error
        if err.ctx is not None:
            click.echo(err.ctx.get_help())
        return EXIT_OK
    if isinstance(err, click.UsageError):
        from pbd.render.text import one_line

        click.echo(one_line(usage_error_line(err, lang)), err=True)
        return EXIT_BAD_INPUT
    if isinstance(err, click.ClickException):
        click.echo(f"Error: {err.format_message()}", err=True)
        return EXIT_BAD_INPUT
    if isinstance(err, BrokenPipeError):
        return EXIT_OK
    if isinstance(err, OSError) and err.filename is None:  # writing to standard output failed (a full disk)
        return _stdout_failed(err)
    if debug:
        raise err
    click.echo(
        f"Error: internal: {type(err).__name__}: {err}. This is a bug in pbd; rerun with --debug and report the traceback.",
        err=True,
    )
    return EXIT_INTERNAL


def _quoted(names: Any) -> str:
    return ", ".join(f"'{n}'" for n in names)


def usage_error_line(err: click.UsageError, lang: str) -> str:
    """click's usage error as pbd's one ``Error: where: what. fix`` line, in Dutch or English (``--lang``, ``PBD_LANG``)."""
    from pbd.messages import t

    where = err.ctx.command_path if err.ctx is not None else "pbd"
    message = err.message or ""
    if isinstance(err, click.NoSuchOption):
        close = sorted(err.possibilities or [])
        hint = t(lang, "cli.usage.did_you_mean", options=_quoted(close)) if close else ""
        return t(lang, "cli.usage.no_such_option", where=where, option=f"'{err.option_name}'", hint=hint)
    if isinstance(err, click.MissingParameter):
        param = err.param
        if isinstance(param, click.Option) and param.opts:
            name = param.opts[0]
        else:
            name = (param.human_readable_name if param is not None else "") or "?"
        return t(lang, "cli.usage.missing", where=where, param=f"'{name}'")
    if isinstance(err, click.BadParameter):
        param = err.param
        if isinstance(param, click.Option) and param.opts:
            name = param.opts[0]
        elif param is not None:
            name = param.human_readable_name
        else:
            name = str(err.param_hint or "?")
        if param is not None and isinstance(param.type, click.Choice):
            found = re.match(r"'(.*)' is not", message)
            value = found.group(1) if found else message
            return t(
                lang, "cli.usage.choice", where=where, param=name, value=value, choices=_quoted(param.type.choices)
            )
        return t(lang, "cli.usage.bad_value", where=where, param=name, detail=message.rstrip("."))
    if isinstance(err, click.BadOptionUsage) and "requires an argument" in message:
        return t(lang, "cli.usage.needs_value", where=where, option=f"'{err.option_name}'")
    found = re.match(r"No such command '(.*)'\.(?: \(Did you mean (?:one of: )?(.*)\?\))?", message)
    if found:
        hint = t(lang, "cli.usage.did_you_mean", options=found.group(2)) if found.group(2) else ""
        return t(lang, "cli.usage.no_such_command", where=where, command=f"'{found.group(1)}'", hint=hint)
    found = re.match(r"Got unexpected extra arguments? \((.*)\)", message)
    if found:
        return t(lang, "cli.usage.extra", where=where, extra=found.group(1))
    return t(lang, "cli.usage.other", where=where, detail=message.rstrip("."))


def language_of(args: list[str]) -> str:
    """The language of pbd's own messages for this run: ``--lang`` on the command line, else ``PBD_LANG``, else Dutch."""
    for a, b in itertools.pairwise(["", *args]):
        if a == "--lang" and b in ("nl", "en"):
            return b
        if b.startswith("--lang=") and b[7:] in ("nl", "en"):
            return b[7:]
    return "en" if os.environ.get("PBD_LANG", "").lower().startswith("en") else "nl"


def _version(ctx: click.Context) -> None:
    """``pbd --version``: pbd and the knowledge base it judges with (version and sha256), as a result names them."""
    from pbd.knowledge_base import default_knowledge_base

    kb = default_knowledge_base()
    click.echo(f"pbd {__version__}\nknowledge base {kb.version} (sha256 {kb.sha256})")
    ctx.exit(EXIT_OK)


class PbdGroup(click.Group):
    """The top-level group: turns every user-fixable error into ``Error:`` lines and exit code 2.

    Its commands are loaded on first use from :data:`COMMAND_MODULES` (click's lazy-group pattern).
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            import importlib

            module = importlib.import_module(f"pbd.commands.{COMMAND_MODULES[cmd_name]}")
            for command in module.COMMANDS:
                if command.name is not None and command.name not in self.commands:
                    self.add_command(command)
        return self.commands.get(cmd_name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["pbd.lang"] = language_of(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (PbdError, click.UsageError) as err:  # a usage error too: one Error: line, also under CliRunner
            ctx.exit(handle_error(err, ctx.meta.get("pbd.lang", "nl")))


@click.group(cls=PbdGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, value: _version(ctx) if value and not ctx.resilient_parsing else None,
    help="Toon de versie van pbd en van de kennisbank / show the version of pbd and its knowledge base.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """pbd — Privacy by Design- en DPIA-toets voor gemeentelijke (smart city) projecten.

    Beschrijf een project in YAML, en pbd toetst het aan de Privacy by Design-criteria en
    systeemeisen, bepaalt of een DPIA verplicht is en schrijft de DPIA-conceptrapportage.

    \b
    Voorbeelden / examples:
      pbd validate examples/scanauto-parkeercontrole.yaml
      pbd check examples/stratumseind.yaml --gate ontwerp
      pbd screen examples/huishoudboekje.yaml
      pbd report examples/stratumseind.yaml -o dpia.pdf
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _stdout_failed(err: OSError) -> int:
    """One ``Error:`` line for output that could not be written; stdout then goes nowhere, so exit adds nothing."""
    click.echo(
        f"Error: standard output: cannot write ({err.strerror or err}). Check the disk or file it goes to.", err=True
    )
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_BAD_INPUT


def _flushed(code: int) -> int:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return code
    except OSError as err:
        return max(code, _stdout_failed(err))
    return code


EXIT_TERMINATED = 143


def _terminated(signum: int, _frame: object) -> None:
    from pbd.atomic import remove_temporaries

    remove_temporaries()
    raise SystemExit(EXIT_TERMINATED)


def _on_sigterm_remove_temporaries() -> None:
    """SIGTERM in the main process: remove the temporary files of writes under way, then exit 143.

    Only where SIGTERM still has its default action (not inside a program that embeds pbd), and
    only from the main thread, where Python allows a handler.
    """
    import signal
    import threading

    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _terminated)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning every failure into one ``Error:`` line and an exit code."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or os.environ.get("PBD_DEBUG") == "1"
    _on_sigterm_remove_temporaries()
    try:
        # Without standalone mode, click *returns* the code of ctx.exit(n) (PbdGroup exits 2 that
        # way) instead of exiting; dropping it would turn every error into exit 0.
        code = cli.main(args=args, prog_name="pbd", standalone_mode=False)
        code = _flushed(code if isinstance(code, int) else EXIT_OK)
        if code != EXIT_OK:
            raise SystemExit(code)
    except SystemExit as exc:
        code = exc.code if exc.code is not None else EXIT_OK
        raise SystemExit(_flushed(code) if isinstance(code, int) else code) from None
    except Exception as exc:
        raise SystemExit(handle_error(exc, language_of(args), debug=debug)) from None
    except KeyboardInterrupt as exc:
        raise SystemExit(handle_error(exc, language_of(args))) from None


# The commands live in their own modules, imported when a command of theirs runs (``pbd check``
# does not import the questionnaire, the audit or the server commands); ``pbd --help`` and shell
# completion import them all. tests/test_perf_equivalence.py checks this table against their COMMANDS.
COMMAND_MODULES: dict[str, str] = {
    "validate": "validate",
    "schema": "validate",
    "check": "check",
    "screen": "check",
    "criteria": "browse",
    "systeemeisen": "browse",
    "report": "report",
    "questionnaire": "questionnaire",
    "init": "questionnaire",
    "verify": "audit",
    "diff": "audit",
    "register": "audit",
    "import": "audit",
    "export": "export",
    "todo": "todo",
    "migrate": "migrate",
    "serve": "serve",
    "tenant": "serve",
    "worker": "serve",
}
