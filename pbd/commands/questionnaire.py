"""``pbd questionnaire`` and ``pbd init``: fill in a description by answering questions, or start from a commented template."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pbd.commands.options import date_option, lang_option
from pbd.errors import UsageError
from pbd.messages import t

if TYPE_CHECKING:
    from pbd.questionnaire import Prompt

_SECTION_NAMES = (
    "project",
    "parties",
    "partijen",
    "systems",
    "systemen",
    "processings",
    "verwerkingen",
    "risks",
    "risicos",
    "waivers",
    "afwijkingen",
)
_EXIT_INTERRUPTED = 130

_STYLES: dict[str, dict[str, object]] = {
    "title": {"bold": True},
    "section": {"fg": "cyan", "bold": True},
    "help": {},
    "dim": {"dim": True},
    "error": {"fg": "red"},
    "ok": {"fg": "green"},
    "gap": {"fg": "red", "bold": True},
    "open": {"fg": "yellow"},
}


class _ClickTerminal:
    """Questions on standard output, answers from standard input (a terminal, a pipe or click's test runner)."""

    def ask(self, prompt: Prompt) -> str:
        return str(click.prompt(prompt.text, default="", show_default=False, prompt_suffix=" "))

    def say(self, text: str = "", style: str = "") -> None:
        click.echo(click.style(text, **_STYLES.get(style, {})) if style and text else text)  # type: ignore[arg-type]


@click.command("questionnaire")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@lang_option("Taal van de vragen / language of the questions.")
@click.option(
    "--section",
    type=click.Choice(_SECTION_NAMES),
    metavar="PART",
    help="Loop alle vragen van één onderdeel langs (ook beantwoorde): project, partijen, systemen, verwerkingen, risicos, afwijkingen.",
)
@click.option(
    "--first-pass",
    "--eerste-ronde",
    "first_pass",
    is_flag=True,
    help="Alleen de eerste ronde: de vragen die de DPIA-screening beslissen (zoals de Pre-scan), met de uitkomst.",
)
@date_option("Datum voor de toets aan het eind van elk onderdeel (standaard vandaag).")
def questionnaire(file: Path, lang: str, section: str | None, first_pass: bool, date_: str | None) -> None:
    """Vul een projectbeschrijving in door vragen te beantwoorden / fill in a description by answering questions.

    Maakt FILE aan of gaat verder waar u bent gebleven. Vraagt alleen wat van toepassing is,
    legt met ? uit waarom een vraag telt (met het artikel), en toont aan het eind van elk
    onderdeel de tekortkomingen en open vragen. Elk antwoord wordt meteen (atomair) opgeslagen:
    stoppen kan altijd met Ctrl-C. Commentaar en volgorde in een bestaand bestand blijven bewaard.

    Bij elke vraag: Enter = weet ik nog niet (of: huidig antwoord houden), ? = uitleg en artikel,
    < = vorige vraag, > = rest van dit blok overslaan, - = antwoord wissen.

    Overgeslagen vragen ("weet ik nog niet", Enter) worden bijgehouden in .FILE.pbd-progress.json
    naast FILE, zodat ze de volgende keer niet als eerste terugkomen; aan het eind kunt u ze
    alsnog langslopen.

    \b
    Voorbeelden / examples:
      pbd questionnaire mijn-project.yaml
      pbd questionnaire mijn-project.yaml --eerste-ronde
      pbd questionnaire mijn-project.yaml --section verwerkingen
      pbd questionnaire my-project.yaml --lang en
    """
    from pbd.files import DESCRIPTION_SUFFIXES, evaluation_date
    from pbd.knowledge_base import default_knowledge_base
    from pbd.questionnaire import SECTION_ALIASES, DescriptionDocument, Questionnaire

    if file.suffix.lower() not in DESCRIPTION_SUFFIXES:
        raise UsageError(
            str(file), "a description file ends in .yaml, .yml or .json", "Choose a name like project.yaml."
        )
    today = evaluation_date(date_)
    if sys.stdin is None or sys.stdin.closed:  # started with stdin closed (`0<&-`, some service managers)
        raise UsageError(
            "standard input",
            "is closed, and the questionnaire reads its answers there",
            "Run it in a terminal, or pipe the answers in.",
        )
    if sys.stdin.isatty():
        with contextlib.suppress(ImportError):  # not on every platform
            import readline  # noqa: F401 - line editing (arrow keys) for input() in a real terminal
    document = DescriptionDocument(file, lang)
    if first_pass and section:
        raise UsageError("--first-pass", "cannot be combined with --section", "Use one of the two.")
    session = Questionnaire(
        document, _ClickTerminal(), lang=lang, today=today, knowledge_base=default_knowledge_base, first_pass=first_pass
    )
    try:
        session.run(SECTION_ALIASES[section] if section else None)
    except (KeyboardInterrupt, EOFError, click.exceptions.Abort):
        click.echo()
        message = t(lang, "cli.stopped", file=file) if document.exists else t(lang, "cli.stopped_nothing_saved")
        click.echo(message, err=True)
        raise SystemExit(_EXIT_INTERRUPTED) from None


@click.command("init")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@lang_option("Taal van de toelichting / language of the comments.")
@click.option("--force", is_flag=True, help="Overschrijf FILE als het al bestaat.")
def init(file: Path, lang: str, force: bool) -> None:
    """Schrijf een sjabloon met elk veld en zijn toelichting / write a commented template with every field.

    Voor wie liever in een editor werkt dan vragen beantwoordt. Elk veld staat erin, met de
    vraag, de toelichting, het artikel en de toegestane waarden als commentaar. Vul in wat u
    weet en laat de rest leeg: leeg betekent "nog niet beantwoord". Alleen de velden met
    (verplicht) moeten ingevuld zijn voordat pbd het bestand accepteert.

    \b
    Voorbeelden / examples:
      pbd init mijn-project.yaml
      pbd init my-project.yaml --lang en
      pbd validate mijn-project.yaml
    """
    from pbd.atomic import write_atomic  # lazy: keeps `pbd --help` fast
    from pbd.init_template import template

    if file.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(str(file), "the template is YAML", "Choose a name ending in .yaml, like project.yaml.")
    if file.exists() and not force:
        raise UsageError(str(file), "already exists", "Choose another name, or add --force to overwrite it.")
    write_atomic(file, template(lang, schema_for=file))
    click.echo(t(lang, "cli.template_written", file=file))


COMMANDS: list[click.Command] = [questionnaire, init]
