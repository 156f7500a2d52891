"""``pbd todo``: the actions due by a decision gate, or the procurement annex of one system."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from pbd.commands.options import date_option, emit, gate_option, lang_option, parse_outputs
from pbd.errors import UsageError
from pbd.files import evaluation_date

_FORMATS = ("text", "markdown", "csv", "ics")


@click.command()
@click.argument("file")
@gate_option("Beslismoment (standaard: de fase van het project).")
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    metavar="FORMAT[:PAD]",
    help="text, markdown, csv of ics; met :PAD naar een bestand. Herhaalbaar.",
)
@click.option("--procurement", metavar="SYSTEEM", help="Programma van eisen (eis/wens) voor dit systeem.")
@click.option(
    "--actions",
    "actions_file",
    metavar="ACTIES.yaml",
    help="Eigenaar en uiterlijke datum per actie (standaard: <naam>.actions.yaml naast de beschrijving, als die er is).",
)
@click.option("--profile", metavar="PROFIEL.yaml", help="Gemeentelijk profiel: beleidscriteria aan, eigen criteria.")
@click.option("--width", type=int, default=0, help="Tekstbreedte (0 = breedte van de terminal).")
@date_option()
@lang_option()
def todo(
    file: str,
    gate: str | None,
    outputs: tuple[str, ...],
    procurement: str | None,
    actions_file: str | None,
    profile: str | None,
    width: int,
    date_: str | None,
    lang: str,
) -> None:
    """Actielijst per beslismoment / the to-do list for a decision gate.

    Wat vóór het beslismoment moet gebeuren: één actie per stuk werk (een actie kan meerdere
    bevindingen sluiten), per project, verwerking en systeem, op ernst en grondslag; latere
    beslismomenten als aantallen. Met --procurement het programma van eisen voor één systeem.

    \b
    Voorbeelden:
      pbd todo examples/stratumseind.yaml --gate ontwerp
      pbd todo project.yaml -o csv:acties.csv -o ics:acties.ics
      pbd todo project.yaml --procurement dataplatform -o csv
    """
    from pbd import engine, profiles
    from pbd.description import load_description
    from pbd.render import todo as render
    from pbd.todo import Assignment, build_todo, parse_sidecar, procurement_annex, sidecar_path
    from pbd.vocabulary import Gate

    targets = parse_outputs(outputs, known=_FORMATS)
    profiles.profile_option(profile)
    kb = profiles.knowledge_base(profile)
    path = Path(file)
    loaded = load_description(path)
    g = Gate(gate) if gate else None
    options = engine.Options(gate=g, today=evaluation_date(date_), waivers=True, profile=kb.profile)
    a = engine.check(loaded, kb, options)
    cols = width or shutil.get_terminal_size((100, 24)).columns
    if procurement is not None:
        reqs = procurement_annex(a, kb, procurement)
        for out_fmt, out_dest in targets:
            if out_fmt == "csv":
                text = render.annex_csv(reqs, lang)
            elif out_fmt == "markdown":
                text = render.annex_markdown(reqs, procurement, lang)
            elif out_fmt == "text":
                text = render.annex_text(reqs, procurement, lang, cols)
            else:
                raise UsageError("--procurement", "has no calendar", "Use -o text, markdown or csv.")
            emit(text, out_dest)
        return
    side = Path(actions_file) if actions_file else sidecar_path(path)
    assignments: list[Assignment] = []
    if actions_file or side.exists():
        from pbd.description.source import SourceError, read_file  # the limits every reader has (pbd.limits)

        data: object = None
        try:
            data = read_file(side).data
        except SourceError as exc:
            first = exc.problems[0]
            empty = first.message_en.startswith(("file is empty", "file contains no data"))
            where = f"{side}:{first.line}" if first.line else str(side)
            if first.path == "$" and "must be a mapping" in first.message_en:  # the reader's words are for descriptions
                raise UsageError(where, "not a mapping", "Write actions: as the top-level key.") from None
            if not empty:  # an empty actions file assigns nothing
                raise UsageError(where, first.message_en, "Fix the actions file (YAML).") from None
        assignments = parse_sidecar(data, str(side))
    lst = build_todo(a, kb, g, assignments)
    for out_fmt, out_dest in targets:
        if out_fmt == "text":
            text = render.render_text(lst, lang, cols)
        elif out_fmt == "markdown":
            text = render.render_markdown(lst, lang)
        elif out_fmt == "csv":
            text = render.render_csv(lst, lang)
        else:
            text = render.render_ics(lst, lang)
        emit(text, out_dest)


COMMANDS: list[click.Command] = [todo]
