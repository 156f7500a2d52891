"""``pbd migrate``: rewrite a format-version-1 description as version 2, keeping comments, and say what it could not decide."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import click

from pbd.errors import EXIT_INTERNAL, DescriptionError, PbdError, UsageError
from pbd.messages import t


class _MigrateError(PbdError):
    """The migrated text does not validate: a bug in the migration, not in the user's file."""

    exit_code = EXIT_INTERNAL


def migrated_text(path: Path) -> tuple[str, list[Any], int]:
    """The version-2 text of the description at ``path``, the migration notes and the version it had.

    The file is first loaded as pbd always loads it (a version-1 file is migrated in memory and
    validated), so a file that is not valid is refused before anything is written. YAML is then
    rewritten as a round-trip tree (``ruamel.yaml``), so comments and key order stay; JSON is
    written as JSON.
    """
    from pbd.description import load_description, load_text
    from pbd.migrate import migrate_tree

    loaded = load_description(path)  # raises DescriptionError: exit 2 with the problems
    text = loaded.source.text
    if loaded.from_version != 1:
        return text, [], loaded.from_version
    is_json = path.suffix.lower() == ".json"
    if is_json:
        data = json.loads(text)
        result = migrate_tree(data)
        out = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        yaml = _round_trip(text)
        tree = yaml.load(text)
        result = migrate_tree(tree)
        _quote_yes_no(tree)
        buffer = io.StringIO()
        yaml.dump(tree, buffer)
        out = buffer.getvalue()
    try:
        load_text(out, str(path), json_input=is_json)
    except DescriptionError as err:  # pragma: no cover - the same migration already validated in memory
        raise _MigrateError(
            str(path),
            f"the migrated text does not validate ({err.problems[0].message_en})",
            "This is a bug in pbd; please report it with the file.",
        ) from None
    return out, result.notes, 1


_YAML11_BOOLS = frozenset({"yes", "no", "on", "off", "y", "n"})


def _quote_yes_no(node: Any) -> None:
    """Quote a new plain ``yes``/``no`` (``followed: "no"``): YAML 1.1 readers would take it for a boolean."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString

    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return
    for key, value in list(items):
        if isinstance(value, str) and not isinstance(value, ScalarString) and value.lower() in _YAML11_BOOLS:
            node[key] = DoubleQuotedScalarString(value)
        else:
            _quote_yes_no(value)


def _round_trip(text: str) -> Any:
    """A ruamel round-trip loader/dumper that writes with the file's own indentation."""
    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # keep the author's line breaks
    _, _, offset = load_yaml_guess_indent(text)
    offset = offset if isinstance(offset, int) else 2
    keys = [len(m.group(1)) for m in re.finditer(r"(?m)^( +)[A-Za-z_][\w-]*:", text)]
    yaml.indent(mapping=min(keys) if keys else 2, sequence=offset + 2, offset=offset)
    return yaml


@click.command("migrate")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Schrijf naar dit bestand.")
@click.option("--in-place", is_flag=True, help="Overschrijf FILE met de nieuwe versie.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Taal / language.")
def migrate(file: Path, output: Path | None, in_place: bool, lang: str) -> None:
    """Zet een beschrijving om naar formaatversie 2 / rewrite a description to format version 2.

    Leest FILE (versie 1 of zonder versie), zet de antwoorden om naar versie 2 en meldt wat is
    omgezet, wat is vervallen en wat versie 1 niet beantwoordt. Zonder -o of --in-place gaat de
    nieuwe tekst naar stdout en de meldingen naar stderr. Commentaar en volgorde blijven staan.
    Een bestand dat al versie 2 is, blijft ongewijzigd. Exit 0; 2 bij een ongeldig bestand.

    \b
    Voorbeelden / examples:
      pbd migrate oud.yaml -o nieuw.yaml
      pbd migrate project.yaml --in-place
    """
    from pbd.atomic import write_atomic

    if output is not None and in_place:
        raise UsageError("pbd migrate", "-o and --in-place cannot be combined", "Choose one of them.")
    if not file.exists():
        raise PbdError(str(file), "no such file", "Check the path.")
    text, notes, version = migrated_text(file)
    target = file if in_place else output
    to_stderr = target is None
    if version != 1:
        click.echo(t(lang, "cli.migrate_nothing", file=file, version=version), err=to_stderr)
    else:
        click.echo(t(lang, "cli.migrated", file=file, n=len(notes)), err=to_stderr)
        for note in notes:
            click.echo(f"  {note.render(lang)}", err=to_stderr)
    if target is None:
        click.echo(text, nl=False)
    elif version == 1 or target != file:
        write_atomic(target, text)


COMMANDS = [migrate]
