"""``pbd export invulhulp``: a description written as a file the Rijksoverheid Invulhulp opens (Pre-scan or DPIA)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from pbd.commands.options import date_option, format_option, lang_option


@click.group("export")
def export_() -> None:
    """Exporteer een beschrijving naar een ander hulpmiddel / export a description to another tool.

    \b
    Voorbeeld: pbd export invulhulp project.yaml --form prescan -o prescan.json
    """


@export_.command("invulhulp")
@click.argument("file", metavar="FILE")
@click.option(
    "--form",
    "form",
    required=True,
    type=click.Choice(["prescan", "dpia"]),
    help="Het formulier: de Pre-scan DPIA 2.0 of het DPIA Rapportagemodel 3.0.",
)
@click.option("-o", "--output", required=True, metavar="OUT.json", help="Het exportbestand dat wordt geschreven.")
@click.option("--force", is_flag=True, help="Overschrijf een bestaand bestand.")
@date_option("Datum van de export (createdAt; standaard vandaag); maakt het bestand reproduceerbaar.")
@format_option(["text", "json"], help="Formaat van het verslag op standaarduitvoer.")
@lang_option()
def invulhulp(file: str, form: str, output: str, force: bool, date_: str | None, fmt: str, lang: str) -> None:
    """Schrijf een beschrijving als Invulhulp-bestand / write a description as a file for the government's form tool.

    Schrijft de projectbeschrijving als antwoordbestand (assessment-output v2) van de
    Rijksoverheid-"Invulhulp voor Pre-scan, DPIA en IAMA", dat de Invulhulp opent via "Upload
    het JSON-bestand". Elk antwoord staat onder de vraag van het formulier en met de
    antwoordopties zoals het formulier ze spelt; wat het formulier niet kan bevatten, blijft in
    de beschrijving. Bij de Pre-scan zijn de AP-lijst (3.1) en de EDPB-lijst (4.1) de eigen
    vinkjes uit `project.screening_declared`, of anders de screening van pbd; het antwoord zegt
    welke van de twee (lastEditedBy).

    \b
    Voorbeelden:
      pbd export invulhulp examples/stratumseind.yaml --form prescan -o prescan.json
      pbd export invulhulp project.yaml --form dpia -o dpia.json --date 2026-12-01
    """
    from pbd import engine
    from pbd.atomic import write_atomic
    from pbd.description import load_description
    from pbd.errors import UsageError
    from pbd.files import evaluation_date
    from pbd.invulhulp.export import export_description, validate_document
    from pbd.invulhulp.reader import FORM_NAMES
    from pbd.knowledge_base import default_knowledge_base
    from pbd.messages import pick, t

    out = Path(output)
    source = Path(file)
    if source.exists() and out.exists() and out.samefile(source):
        raise UsageError(output, "is the description being exported", "Give -o another file name.")
    if out.is_dir():
        raise UsageError(output, "is a folder", "Give -o a file name, e.g. -o prescan.json.")
    if out.exists() and not force:
        raise UsageError(output, "exists already", "Use --force to replace it, or choose another -o.")
    today = evaluation_date(date_)
    kb = default_knowledge_base()
    loaded = load_description(source)
    data = loaded.data()
    screening = engine.screen(data)
    exported = export_description(
        data,
        form,
        created_at=f"{today.isoformat()}T00:00:00.000Z",
        kb_version=kb.version,
        derived=(list(screening.ap), list(screening.edpb)),
        lang=lang,
    )
    problems = validate_document(exported.document)
    if problems:  # what pbd writes must be a valid export; anything else is a bug here
        raise AssertionError(f"invalid Invulhulp export: {problems[0]}")
    text = json.dumps(exported.document, ensure_ascii=False, indent=4) + "\n"
    write_atomic(out, text)
    urn = exported.document["metadata"]["urn"]
    if fmt == "json":
        doc = {
            "description": file,
            "form": form,
            "urn": urn,
            "output": output,
            "answers": [{"answer": key, "from": where} for key, where in exported.written],
            "ticks": exported.ticks_source,
            "warnings": [pick(lang, nl, en) for nl, en in exported.warnings],
        }
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True))
        return
    lines = [
        t(lang, "export.written", file=file, form=pick(lang, *FORM_NAMES[form]), urn=urn, output=output),
        t(lang, "export.answers", n=exported.answer_count),
        *(f"  {key} ← {where}" for key, where in exported.written),
    ]
    if exported.ticks_source == "declared":
        lines.append(t(lang, "export.ticks_declared"))
    elif exported.ticks_source == "derived":
        lines.append(t(lang, "export.ticks_derived", kb=kb.version))
    lines.extend(pick(lang, nl, en) for nl, en in exported.warnings)
    lines.append(t(lang, "export.open"))
    click.echo("\n".join(lines))


COMMANDS: list[click.Command] = [export_]
