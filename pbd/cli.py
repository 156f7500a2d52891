"""The ``pbd`` command line: one click group; errors as one ``Error:`` line on stderr and exit codes 0/1/2/3."""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from pbd import __version__
from pbd.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, DescriptionError, PbdError, UsageError
from pbd.files import description_files, evaluation_date
from pbd.vocabulary import Gate, Severity

F = TypeVar("F", bound=Callable[..., Any])

GATES = [g.value for g in Gate]


def lang_option(func: F) -> F:
    return click.option(
        "--lang",
        type=click.Choice(["nl", "en"]),
        default="nl",
        show_default=True,
        help="Taal / language of the output.",
    )(func)


def _echo_problems(err: DescriptionError, lang: str) -> None:
    for p in err.problems:
        click.echo(f"Error: {p.render(lang)}", err=True)


class PbdGroup(click.Group):
    """The top-level group: turns every user-fixable error into ``Error:`` lines and exit code 2."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["pbd.lang"] = (
            "en"
            if "--lang=en" in args or any(a == "--lang" and b == "en" for a, b in itertools.pairwise(args))
            else "nl"
        )
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DescriptionError as err:
            _echo_problems(err, ctx.meta.get("pbd.lang", "nl"))
            ctx.exit(EXIT_BAD_INPUT)
        except PbdError as err:
            click.echo(err.line(), err=True)
            ctx.exit(err.exit_code)


@click.group(cls=PbdGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="pbd")
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


# ---------------------------------------------------------------------------------------------
# validate, schema


@cli.command()
@click.argument("files", nargs=-1, required=True)
@lang_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def validate(files: tuple[str, ...], lang: str, fmt: str) -> None:
    """Controleer of projectbeschrijvingen geldig zijn / check descriptions are well-formed.

    Meldt alle problemen van elk bestand tegelijk, met regel, kolom en JSON-pad.
    Exit 0 als alles geldig is, 2 anders.

    \b
    Voorbeeld: pbd validate examples/*.yaml
    """
    from pbd.description import load_description

    results: list[dict[str, Any]] = []
    failed = False
    for path in description_files(files):
        try:
            load_description(path)
        except DescriptionError as err:
            failed = True
            results.append({"file": str(path), "valid": False, "problems": [p.as_dict(lang) for p in err.problems]})
            if fmt == "text":
                _echo_problems(err, lang)
            continue
        results.append({"file": str(path), "valid": True, "problems": []})
        if fmt == "text":
            click.echo(f"{path}: {'geldig' if lang == 'nl' else 'valid'}")
    if fmt == "json":
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    if failed:
        raise SystemExit(EXIT_BAD_INPUT)


@cli.command()
def schema() -> None:
    """Print de JSON Schema van de projectbeschrijving / print the description's JSON Schema.

    Gebruik het in een editor met: # yaml-language-server: $schema=schemas/project.schema.json
    """
    from pbd.description.schema import schema_text

    click.echo(schema_text(), nl=False)


# ---------------------------------------------------------------------------------------------
# check, screen


def _parse_outputs(outputs: tuple[str, ...]) -> list[tuple[str, str | None]]:
    from pbd.reporters import REPORTERS

    parsed: list[tuple[str, str | None]] = []
    for spec in outputs or ("text",):
        fmt, _, dest = spec.partition(":")
        if fmt not in REPORTERS:
            raise UsageError(f"-o {spec}", f"unknown format '{fmt}'", f"Choose from {', '.join(REPORTERS)}.")
        parsed.append((fmt, dest or None))
    if sum(1 for _, dest in parsed if dest is None) > 1:
        raise UsageError(
            "-o", "more than one format writes to standard output", "Give the others a path: -o json:result.json."
        )
    return parsed


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--gate", type=click.Choice(GATES), help="Beslismoment voor go/no-go (standaard: de fase van het project)."
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    metavar="FORMAT[:PATH]",
    help="text, json, sarif, junit of markdown; met :PAD naar een bestand (of map bij meerdere projecten). Herhaalbaar.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["high", "medium", "low", "none"]),
    default="low",
    show_default=True,
    help="Exit 1 bij een tekortkoming van deze ernst of hoger.",
)
@click.option("--no-waivers", is_flag=True, help="Toon alles; negeer geaccepteerde afwijkingen.")
@click.option(
    "--date", "date_", metavar="YYYY-MM-DD", help="Evaluatiedatum (standaard vandaag); maakt een run reproduceerbaar."
)
@click.option("--all", "show_all", is_flag=True, help="Tekstuitvoer: toon ook voldaan en n.v.t.")
@click.option("--explain", metavar="ID", help="Leg uit wat criterium ID las, zag en concludeerde.")
@click.option("--jobs", type=int, default=0, help="Aantal processen bij veel bestanden (0 = automatisch).")
@click.option(
    "--baseline", metavar="OLD.json", help="Meld alleen wat nieuw of erger is dan in dit eerdere JSON-resultaat."
)
@lang_option
def check(
    paths: tuple[str, ...],
    gate: str | None,
    outputs: tuple[str, ...],
    fail_on: str,
    no_waivers: bool,
    date_: str | None,
    show_all: bool,
    explain: str | None,
    jobs: int,
    baseline: str | None,
    lang: str,
) -> None:
    """Toets projectbeschrijvingen aan de kennisbank / check descriptions against the knowledge base.

    Eén bestand: het volledige resultaat. Meerdere bestanden of een map: een portfolio-overzicht
    met één regel per project. Exit 0 zonder tekortkomingen vanaf --fail-on, 1 met, 2 bij
    ongeldige invoer.

    \b
    Voorbeelden:
      pbd check examples/stratumseind.yaml --gate ontwerp
      pbd check examples/scanauto-parkeercontrole.yaml -o sarif:pbd.sarif -o text
      pbd check examples/ --fail-on high
      pbd check examples/huishoudboekje.yaml --explain RM-07
      pbd check project.yaml --baseline vorige-keer.json
    """
    from pbd import runner

    files = description_files(paths)
    targets = _parse_outputs(outputs)
    old_result = None
    if baseline is not None:
        from pbd.audit import read_result

        if len(files) != 1:
            raise UsageError("--baseline", "compares one description with its earlier result", "Give one file.")
        old_result = read_result(baseline)
    options = runner.CheckOptions(
        gate=Gate(gate) if gate else None,
        today=evaluation_date(date_),
        waivers=not no_waivers,
        lang=lang,
        fail_on=None if fail_on == "none" else Severity(fail_on),
        show_all=show_all,
        baseline=old_result,
    )
    if explain:
        if len(files) != 1:
            raise UsageError("--explain", "works on one description", "Give one file.")
        click.echo(runner.explain(files[0], explain, options), nl=False)
        return
    if len(files) == 1 and not Path(paths[0]).is_dir():
        code = runner.check_one(files[0], targets, options)
    else:
        code = runner.check_many(files, targets, options, jobs=jobs)
    raise SystemExit(code)


@cli.command()
@click.argument("file")
@lang_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def screen(file: str, lang: str, fmt: str) -> None:
    """DPIA-screening met redenen: AP-lijst, EDPB-criteria, art. 35(3), DTIA, IAMA, KIA.

    \b
    Voorbeeld: pbd screen examples/scanauto-parkeercontrole.yaml
    """
    from pbd import runner

    click.echo(runner.screen_file(Path(file), lang, fmt), nl=False)


# ---------------------------------------------------------------------------------------------
# knowledge base browsing


@cli.group()
def criteria() -> None:
    """Blader door de Privacy by Design-criteria / browse the criteria."""


@criteria.command("list")
@click.option("--group", help="Alleen deze principegroep (RM, DB, DM, JU, OB, IV, TR, RB, VA).")
@click.option("--gate", type=click.Choice(GATES), help="Alleen criteria voor dit beslismoment.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@lang_option
def criteria_list(group: str | None, gate: str | None, fmt: str, lang: str) -> None:
    """Lijst van criteria. Voorbeeld: pbd criteria list --group DM --gate ontwerp"""
    from pbd import browse

    click.echo(browse.list_criteria(group, gate, fmt, lang), nl=False)


@criteria.command("show")
@click.argument("criterion_id")
@lang_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
def criteria_show(criterion_id: str, lang: str, fmt: str) -> None:
    """Eén criterium volledig. Voorbeeld: pbd criteria show RM-07"""
    from pbd import browse

    click.echo(browse.show_criterion(criterion_id, fmt, lang), nl=False)


@criteria.command("capabilities")
@lang_option
def criteria_capabilities(lang: str) -> None:
    """De functionaliteiten die een systeem kan opgeven (systems[].capabilities)."""
    from pbd import browse

    click.echo(browse.list_capabilities(lang), nl=False)


@criteria.command("docs")
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Alleen deze taal (standaard beide; met -o: nl).")
@click.option(
    "-o", "--output", metavar="FILE", help="Schrijf één taal naar FILE (- = standaarduitvoer) in plaats van naar docs/."
)
def criteria_docs(lang: str | None, output: str | None) -> None:
    """Genereer de documentatie van de kennisbank / generate the knowledge base docs (Markdown).

    Zonder -o: schrijft docs/knowledge-base.md (nl) en docs/knowledge-base.en.md (en) in de
    huidige map. Draai dit na elke wijziging in criteria/ of system_requirements/; een test
    faalt zolang de documentatie verouderd is.

    \b
    Voorbeelden:
      pbd criteria docs
      pbd criteria docs --lang en -o kennisbank.en.md
    """
    from pbd import kb_docs
    from pbd.atomic import write_atomic
    from pbd.knowledge_base import default_knowledge_base

    kb = default_knowledge_base()
    if output is None:
        for path in kb_docs.write_docs(kb, Path("docs"), (lang,) if lang else kb_docs.LANGS):
            click.echo(str(path))
        return
    text = kb_docs.render(kb, lang or "nl")
    if output == "-":
        click.echo(text, nl=False)
        return
    write_atomic(Path(output), text)
    click.echo(output)


@cli.group()
def systeemeisen() -> None:
    """Blader door de systeemeisen / browse the system requirements."""


@systeemeisen.command("list")
@click.option("--area", help="Alleen dit functiegebied (TG, LG, BW, MN, RE, VS, HO, TP, BV, EX).")
@click.option("--criterion", help="Alleen systeemeisen die dit criterium dienen.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@lang_option
def systeemeisen_list(area: str | None, criterion: str | None, fmt: str, lang: str) -> None:
    """Lijst van systeemeisen. Voorbeeld: pbd systeemeisen list --area LG"""
    from pbd import browse

    click.echo(browse.list_requirements(area, criterion, fmt, lang), nl=False)


@systeemeisen.command("show")
@click.argument("requirement_id")
@lang_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
def systeemeisen_show(requirement_id: str, lang: str, fmt: str) -> None:
    """Eén systeemeis volledig. Voorbeeld: pbd systeemeisen show SE-LG-01"""
    from pbd import browse

    click.echo(browse.show_requirement(requirement_id, fmt, lang), nl=False)


# ---------------------------------------------------------------------------------------------
# entry point


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning every failure into one ``Error:`` line and an exit code."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or os.environ.get("PBD_DEBUG") == "1"
    try:
        # Without standalone mode, click *returns* the code of ctx.exit(n) (PbdGroup exits 2 that
        # way) instead of exiting; dropping it would turn every error into exit 0.
        code = cli.main(args=args, prog_name="pbd", standalone_mode=False)
        if isinstance(code, int) and code != EXIT_OK:
            raise SystemExit(code)
    except SystemExit as exc:
        raise SystemExit(exc.code if exc.code is not None else EXIT_OK) from None
    except DescriptionError as err:
        _echo_problems(err, "nl")
        raise SystemExit(EXIT_BAD_INPUT) from None
    except PbdError as err:
        click.echo(err.line(), err=True)
        raise SystemExit(err.exit_code) from None
    except click.exceptions.Abort:
        click.echo("Error: interrupted: stopped by the user. Nothing was written.", err=True)
        raise SystemExit(130) from None
    except click.ClickException as err:
        click.echo(f"Error: {err.format_message()}", err=True)
        raise SystemExit(EXIT_BAD_INPUT) from None
    except KeyboardInterrupt:
        click.echo("Error: interrupted: stopped by the user. Nothing was written.", err=True)
        raise SystemExit(130) from None
    except BrokenPipeError:
        raise SystemExit(EXIT_OK) from None
    except Exception as exc:
        if debug:
            raise
        click.echo(
            f"Error: internal: {type(exc).__name__}: {exc}. This is a bug in pbd; rerun with --debug and report the traceback.",
            err=True,
        )
        raise SystemExit(EXIT_INTERNAL) from None


# Commands that live in their own modules (kept light: heavy imports happen inside the commands).
from pbd.commands import audit, questionnaire, report  # noqa: E402

for _command in (*report.COMMANDS, *questionnaire.COMMANDS, *audit.COMMANDS):
    cli.add_command(_command)
