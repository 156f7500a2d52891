"""``pbd validate`` and ``pbd schema``: is a description well-formed, and what may it contain."""

from __future__ import annotations

import json
from typing import Any

import click

from pbd.commands.options import echo_problems, format_option, lang_option
from pbd.errors import EXIT_BAD_INPUT, DescriptionError
from pbd.files import description_files


@click.command()
@click.argument("files", nargs=-1, required=True)
@lang_option()
@format_option(["text", "json"])
def validate(files: tuple[str, ...], lang: str, fmt: str) -> None:
    """Controleer of projectbeschrijvingen geldig zijn / check descriptions are well-formed.

    Meldt alle problemen van elk bestand tegelijk, met regel, kolom en JSON-pad.
    Exit 0 als alles geldig is, 2 anders.

    \b
    Voorbeeld: pbd validate examples/*.yaml
    """
    from pbd.description import load_description
    from pbd.messages import t

    results: list[dict[str, Any]] = []
    failed = False
    for path in description_files(files):
        try:
            load_description(path)
        except DescriptionError as err:
            failed = True
            results.append({"file": str(path), "valid": False, "problems": [p.as_dict(lang) for p in err.problems]})
            if fmt == "text":
                echo_problems(err.problems, lang)
            continue
        results.append({"file": str(path), "valid": True, "problems": []})
        if fmt == "text":
            click.echo(t(lang, "cli.valid", file=path))
    if fmt == "json":
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    if failed:
        raise SystemExit(EXIT_BAD_INPUT)


@click.command()
def schema() -> None:
    """Print de JSON Schema van de projectbeschrijving / print the description's JSON Schema.

    Gebruik het in een editor met: # yaml-language-server: $schema=schemas/project.schema.json

    \b
    Voorbeeld: pbd schema > schemas/project.schema.json
    """
    from pbd.description.schema import schema_text

    click.echo(schema_text(), nl=False)


COMMANDS: list[click.Command] = [validate, schema]
