"""``pbd check`` and ``pbd screen``: judge descriptions against the knowledge base, or only screen for a DPIA."""

from __future__ import annotations

from pathlib import Path

import click

from pbd.commands.options import (
    date_option,
    fail_on_option,
    format_option,
    gate_option,
    lang_option,
    outputs_option,
    parse_outputs,
)
from pbd.errors import UsageError
from pbd.files import description_files, evaluation_date


@click.command()
@click.argument("paths", nargs=-1, required=True)
@gate_option("Beslismoment voor go/no-go (standaard: de fase van het project).")
@outputs_option(
    "text, json, sarif, junit of markdown; met :PAD naar een bestand (of map bij meerdere projecten). Herhaalbaar."
)
@fail_on_option("Exit 1 bij een tekortkoming van deze ernst of hoger.")
@click.option("--no-waivers", is_flag=True, help="Toon alles; negeer geaccepteerde afwijkingen.")
@date_option()
@click.option("--all", "show_all", is_flag=True, help="Tekstuitvoer: toon ook voldaan en n.v.t.")
@click.option("--explain", metavar="ID", help="Leg uit wat criterium ID las, zag en concludeerde.")
@click.option("--jobs", type=int, default=0, help="Aantal processen bij veel bestanden (0 = automatisch).")
@click.option(
    "--baseline", metavar="OLD.json", help="Meld alleen wat nieuw of erger is dan in dit eerdere JSON-resultaat."
)
@click.option("--profile", metavar="PROFIEL.yaml", help="Gemeentelijk profiel: beleidscriteria aan, eigen criteria.")
@lang_option()
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
    profile: str | None = None,
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
    from pbd.vocabulary import Gate, Severity

    files = description_files(paths)
    targets = parse_outputs(outputs)
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
        profile=profile,
    )
    from pbd.profiles import profile_option

    profile_option(profile)  # a broken profile stops here, before any work
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


@click.command()
@click.argument("file")
@lang_option()
@format_option(["text", "json"])
def screen(file: str, lang: str, fmt: str) -> None:
    """DPIA-screening met redenen: AP-lijst, EDPB-criteria, art. 35(3), DTIA, IAMA, KIA.

    \b
    Voorbeeld: pbd screen examples/scanauto-parkeercontrole.yaml
    """
    from pbd import runner

    click.echo(runner.screen_file(Path(file), lang, fmt), nl=False)


COMMANDS: list[click.Command] = [check, screen]
