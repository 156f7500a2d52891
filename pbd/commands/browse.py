"""``pbd criteria`` and ``pbd systeemeisen``: browse the knowledge base, and generate its documentation."""

from __future__ import annotations

from pathlib import Path

import click

from pbd.commands.options import format_option, gate_option, lang_option
from pbd.errors import UsageError

_FORMATS = ["text", "json", "markdown"]


def _show(subject: str, fmt: str, result: object, lang: str) -> None:
    from pbd.knowledge_base import default_knowledge_base
    from pbd.render import RenderOptions, reporter

    click.echo(reporter(subject, fmt).text(result, default_knowledge_base(), RenderOptions(lang=lang)), nl=False)


@click.group()
def criteria() -> None:
    """Blader door de Privacy by Design-criteria / browse the criteria.

    \b
    Voorbeeld: pbd criteria list --group DM
    """


@criteria.command("list")
@click.option("--group", help="Alleen deze principegroep (RM, DB, DM, JU, OB, IV, TR, RB, VA).")
@gate_option("Alleen criteria voor dit beslismoment.")
@format_option(_FORMATS)
@lang_option()
def criteria_list(group: str | None, gate: str | None, fmt: str, lang: str) -> None:
    """Lijst van criteria. Voorbeeld: pbd criteria list --group DM --gate ontwerp"""
    from pbd.knowledge_base import default_knowledge_base

    kb = default_knowledge_base()
    if group and group.upper() not in kb.groups:
        raise UsageError("--group", f"unknown principle group '{group}'", f"Choose from {', '.join(kb.groups)}.")
    items = [
        c
        for c in kb.criteria.values()
        if (not group or c.group == group.upper()) and (not gate or c.gate.value == gate)
    ]
    _show("criteria", fmt, items, lang)


@criteria.command("show")
@click.argument("criterion_id")
@lang_option()
@format_option(_FORMATS)
def criteria_show(criterion_id: str, lang: str, fmt: str) -> None:
    """Eén criterium volledig. Voorbeeld: pbd criteria show RM-07"""
    from pbd.knowledge_base import default_knowledge_base

    c = default_knowledge_base().criteria.get(criterion_id.upper())
    if c is None:
        raise UsageError(criterion_id, "no such criterion", "See `pbd criteria list`.")
    _show("criterion", fmt, c, lang)


@criteria.command("capabilities")
@lang_option()
def criteria_capabilities(lang: str) -> None:
    """De functionaliteiten die een systeem kan opgeven (systems[].capabilities).

    \b
    Voorbeeld: pbd criteria capabilities --lang en
    """
    _show("capabilities", "text", None, lang)


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


@click.group()
def systeemeisen() -> None:
    """Blader door de systeemeisen / browse the system requirements.

    \b
    Voorbeeld: pbd systeemeisen list --criterion RB-01
    """


@systeemeisen.command("list")
@click.option("--area", help="Alleen dit functiegebied (TG, LG, BW, MN, RE, VS, HO, TP, BV, EX).")
@click.option("--criterion", help="Alleen systeemeisen die dit criterium dienen.")
@format_option(_FORMATS)
@lang_option()
def systeemeisen_list(area: str | None, criterion: str | None, fmt: str, lang: str) -> None:
    """Lijst van systeemeisen. Voorbeeld: pbd systeemeisen list --area LG"""
    from pbd.knowledge_base import default_knowledge_base

    items = [
        s
        for s in default_knowledge_base().system_requirements.values()
        if (not area or s.area == area.upper()) and (not criterion or criterion.upper() in s.criteria)
    ]
    _show("requirements", fmt, items, lang)


@systeemeisen.command("show")
@click.argument("requirement_id")
@lang_option()
@format_option(_FORMATS)
def systeemeisen_show(requirement_id: str, lang: str, fmt: str) -> None:
    """Eén systeemeis volledig. Voorbeeld: pbd systeemeisen show SE-LG-01"""
    from pbd.knowledge_base import default_knowledge_base

    s = default_knowledge_base().system_requirements.get(requirement_id.upper())
    if s is None:
        raise UsageError(requirement_id, "no such systeemeis", "See `pbd systeemeisen list`.")
    _show("requirement", fmt, s, lang)


COMMANDS: list[click.Command] = [criteria, systeemeisen]
