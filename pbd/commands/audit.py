"""Commands for auditors and for moving data in and out: verify, diff, register and import invulhulp."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from pbd.commands.options import echo_problems, emit, fail_on_option, format_option, lang_option
from pbd.files import description_files

# ---------------------------------------------------------------------------------------------
# verify


@click.command()
@click.argument("result", metavar="RESULT.json")
@click.argument("file", required=False, metavar="[FILE]")
@format_option(["text", "json"])
@click.option(
    "--profile",
    metavar="PROFIEL.yaml",
    help="Het gemeentelijk profiel van de vastgelegde run / the municipal profile of the recorded run.",
)
@lang_option()
def verify(result: str, file: str | None, fmt: str, profile: str | None, lang: str) -> None:
    """Controleer of een vastgelegd resultaat nog klopt / check that a recorded result still holds.

    Toetst de beschrijving opnieuw met hetzelfde beslismoment, dezelfde datum en dezelfde
    instelling voor afwijkingen als in RESULT.json (geschreven door `pbd check -o json`) en zegt:
    IDENTIEK, GELDT NOG (zelfde bevindingen en screening; wel andere versies, regelnummers of
    teksten) of GEWIJZIGD — met wat er veranderde en waarom: de beschrijving (sha256 van het
    bestand), de kennisbank (versie en sha256) of pbd (versie). Zonder FILE wordt de beschrijving
    gebruikt die in RESULT.json staat. Is de run met een gemeentelijk profiel gedaan, geef dan
    hetzelfde profiel met --profile; een ander profiel (of een andere versie) staat bij de
    oorzaken. Exit 0 als het resultaat nog geldt, 1 als het gewijzigd is, 2 bij ongeldige invoer.

    \b
    Voorbeeld:
      pbd check examples/stratumseind.yaml --date 2026-11-01 -o json:stratumseind.json
      pbd verify stratumseind.json
      pbd verify stratumseind.json examples/stratumseind.yaml --lang en
    """
    from pbd.audit import read_result
    from pbd.audit.verify import verify as run_verify
    from pbd.description import load_description
    from pbd.errors import EXIT_GAPS, EXIT_OK, UsageError
    from pbd.knowledge_base import default_knowledge_base
    from pbd.render import RenderOptions, reporter

    recorded = read_result(result)
    if file is None:
        named = Path(recorded["input"]["file"])
        candidates = [named] if named.is_absolute() else [named, Path(result).parent / named]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            raise UsageError(
                result,
                f"the description it records ({named}) is not found",
                "Give the description as second argument: pbd verify RESULT.json FILE.",
            )
        file = str(found)
    from pbd.profiles import profile_option

    kb = default_knowledge_base()
    v = run_verify(recorded, load_description(file), kb, profile=profile_option(profile), recorded_name=result)
    click.echo(reporter("verify", fmt).text(v, kb, RenderOptions(lang=lang)), nl=False)
    raise SystemExit(EXIT_OK if v.holds else EXIT_GAPS)


# ---------------------------------------------------------------------------------------------
# diff


@click.command("diff")
@click.argument("old", metavar="OLD.json")
@click.argument("new", metavar="NEW.json")
@format_option(["text", "markdown", "json"])
@click.option("-o", "--output", metavar="PATH", help="Schrijf naar dit bestand in plaats van standaarduitvoer.")
@fail_on_option("Exit 1 als er nieuwe tekortkomingen van deze ernst of hoger zijn.")
@click.option("--all", "show_all", is_flag=True, help="Tekstuitvoer: toon ook de blijvende bevindingen.")
@lang_option()
def diff(old: str, new: str, fmt: str, output: str | None, fail_on: str, show_all: bool, lang: str) -> None:
    """Vergelijk twee resultaten / compare two results of `pbd check -o json`.

    Bevindingen zijn nieuw, opgelost, blijvend of van status gewijzigd, per sleutel (criterium,
    verwerking of systeem, JSON-pad), zodat de ene bevinding de andere nooit opslokt; de index van
    een verwerking, systeem of partij telt daarbij niet mee, alleen haar kenmerk. Daarnaast: wat
    er in de screening veranderde en waarom (bijvoorbeeld: DTIA nu aangewezen omdat er een
    doorgifte buiten de EER bij kwam), en wat er in de herkomst verschilt (versies, hashes).
    Exit 1 als er nieuwe tekortkomingen vanaf --fail-on zijn, 0 anders, 2 bij ongeldige invoer.

    \b
    Voorbeelden:
      pbd diff mei.json november.json
      pbd diff mei.json november.json --format markdown -o verschil.md
      pbd diff mei.json november.json --format json --fail-on high
    """
    from pbd.audit import read_result
    from pbd.audit.diff import diff_results
    from pbd.errors import EXIT_GAPS, EXIT_OK
    from pbd.render import RenderOptions, reporter
    from pbd.vocabulary import Severity

    d = diff_results(read_result(old), read_result(new), old_name=old, new_name=new)
    emit(reporter("diff", fmt).text(d, None, RenderOptions(lang=lang, show_all=show_all)), output)
    threshold = None if fail_on == "none" else Severity(fail_on)
    raise SystemExit(EXIT_GAPS if d.new_gaps(threshold) else EXIT_OK)


# ---------------------------------------------------------------------------------------------
# register


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="FILE|DIR...")
@click.option(
    "-o", "--output", metavar="register.csv|register.json", help="Bestand; het formaat volgt uit de extensie."
)
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json"]), help="csv of json (standaard: volgens -o, anders csv)."
)
@lang_option()
def register(paths: tuple[str, ...], output: str | None, fmt: str | None, lang: str) -> None:
    """Exporteer het verwerkingsregister (AVG artikel 30) / export the register of processing activities.

    Eén regel per verwerking van persoonsgegevens met de velden van art. 30(1): verwerkings-
    verantwoordelijke en contactgegevens, FG, doeleinden, categorieën betrokkenen en
    persoonsgegevens, ontvangers, doorgiften naar derde landen, bewaartermijnen en
    beveiligingsmaatregelen — zo blijft het verwerkingsregister gelijk met de projecten. Een
    ongeldige beschrijving stopt de export (exit 2); er wordt dan niets geschreven.

    \b
    Voorbeelden:
      pbd register examples/ -o register.csv
      pbd register examples/huishoudboekje.yaml examples/stratumseind.yaml -o register.json --lang en
    """
    from pbd.audit.register import register_entries, render_csv, render_json
    from pbd.description import load_description
    from pbd.errors import EXIT_BAD_INPUT, DescriptionError, UsageError

    if fmt is None:
        suffix = Path(output).suffix.lower() if output else ".csv"
        if suffix not in (".csv", ".json"):
            raise UsageError(
                f"-o {output}",
                f"cannot tell the format from '{suffix or 'no extension'}'",
                "End the name in .csv or .json, or give --format.",
            )
        fmt = suffix[1:]
    entries: list[dict[str, Any]] = []
    failed = False
    for path in description_files(paths):
        try:
            loaded = load_description(path)
        except DescriptionError as err:
            failed = True
            echo_problems(err.problems, lang)
            continue
        entries.extend(register_entries(loaded, lang))
    if failed:
        raise SystemExit(EXIT_BAD_INPUT)
    emit(render_json(entries, lang) if fmt == "json" else render_csv(entries, lang), output)


# ---------------------------------------------------------------------------------------------
# import


@click.group("import")
def import_() -> None:
    """Importeer een beschrijving uit een ander hulpmiddel / import a description from another tool.

    \b
    Voorbeeld: pbd import invulhulp prescan-export.json -o project.yaml
    """


@import_.command("invulhulp")
@click.argument("export", metavar="EXPORT.json|EXPORT.pdf")
@click.option("-o", "--output", required=True, metavar="description.yaml", help="De beschrijving die wordt geschreven.")
@click.option("--name", help="Projectnaam (de export heeft er geen; standaard de bestandsnaam).")
@click.option("--organisation", help="De verantwoordelijke organisatie, bijvoorbeeld 'Gemeente Eindhoven'.")
@click.option("--force", is_flag=True, help="Overschrijf een bestaand bestand.")
@format_option(["text", "json"], help="Formaat van het verslag op standaarduitvoer.")
@lang_option()
def invulhulp(
    export: str, output: str, name: str | None, organisation: str | None, force: bool, fmt: str, lang: str
) -> None:
    """Importeer een export van de Invulhulp (Pre-scan, DPIA, IAMA) / import an export of the government's form tool.

    Leest de JSON- of PDF-export van de Rijksoverheid-"Invulhulp voor Pre-scan, DPIA en IAMA"
    (Pre-scan DPIA 2.0, DPIA Rapportagemodel 3.0, IAMA 2.0; ook exports van voor juni 2026),
    controleert die tegen het exportschema van de Invulhulp en schrijft een projectbeschrijving.
    Elk antwoord met een tegenhanger in de beschrijving wordt overgenomen; de rest blijft als
    tekst per hoofdstuk bewaard onder `notes`; plaatshouders ("n.t.b.") blijven open. Het verslag
    telt wat is overgenomen, bewaard en niet overgenomen. Bij een Pre-scan staan de vinkjes van
    de AP- en EDPB-lijst als eigen screening (nooit als feit) per item naast wat pbd afleidt, en
    de uitkomst van de Invulhulp (DPIA, DTIA, KIA, IAMA) naast die van pbd, met de reden van elk verschil.

    \b
    Voorbeeld:
      pbd import invulhulp prescan-export.json -o project.yaml --name "Slimme camera's" \\
          --organisation "Gemeente Voorbeeldstad"
      pbd check project.yaml
    """
    from pbd.invulhulp.command import report_json, report_text, run_import

    result = run_import(export, output, name, organisation, force)
    render = report_json if fmt == "json" else report_text
    click.echo(render(result, export, output, lang))


COMMANDS: list[click.Command] = [verify, diff, register, import_]
