"""``pbd report``: the DPIA draft or the art. 25 report as PDF or HTML, for one description or a folder."""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import click

from pbd.errors import UsageError
from pbd.files import description_files, evaluation_date

KINDS = ("dpia", "art25")


def render_report(
    source: Path, out: Path, *, kind: str, lang: str, gate: str | None, today: dt.date, waivers: bool
) -> None:
    """Evaluate ``source`` and write the report to ``out`` (.pdf or .html), atomically."""
    from pbd import engine
    from pbd.atomic import write_atomic
    from pbd.description import load_description
    from pbd.knowledge_base import default_knowledge_base
    from pbd.reporters.html import render_html
    from pbd.vocabulary import Gate

    kb = default_knowledge_base()
    loaded = load_description(source)
    assessment = engine.check(
        loaded, kb, engine.Options(today=today, gate=Gate(gate) if gate else None, waivers=waivers)
    )
    html = render_html(loaded, assessment, kb, kind=kind, lang=lang)
    if out.suffix.lower() == ".html":
        write_atomic(out, html)
        return
    from pbd.reporters.pdf import html_to_pdf

    write_atomic(out, html_to_pdf(html))


def _job(args: tuple[str, str, str, str, str | None, dt.date, bool]) -> str:
    source, out, kind, lang, gate, today, waivers = args
    render_report(Path(source), Path(out), kind=kind, lang=lang, gate=gate, today=today, waivers=waivers)
    return out


@click.command()
@click.argument("source")
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    metavar="OUT.pdf|OUT.html|DIR",
    help="Doelbestand (.pdf of .html), of een map als SOURCE een map is.",
)
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="dpia",
    show_default=True,
    help="dpia: DPIA-concept; art25: AVG art. 25-rapportage.",
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option("--gate", type=click.Choice(["idee", "verkenning", "ontwerp", "aanbesteding", "realisatie", "beheer"]))
@click.option(
    "--date", "date_", metavar="YYYY-MM-DD", help="Evaluatiedatum (standaard vandaag); ook de datum in de PDF."
)
@click.option("--no-waivers", is_flag=True, help="Negeer geaccepteerde afwijkingen.")
@click.option(
    "--format", "fmt", type=click.Choice(["pdf", "html"]), default="pdf", show_default=True, help="Formaat bij een map."
)
def report(
    source: str, output: str, kind: str, lang: str, gate: str | None, date_: str | None, no_waivers: bool, fmt: str
) -> None:
    """Schrijf de DPIA-conceptrapportage of de art. 25-rapportage / write the DPIA draft or art. 25 report.

    Elk gat staat gemarkeerd op de plek waar het hoort, met de oplossing en het beslismoment.
    Het bestand wordt in één keer geschreven (nooit half).

    \b
    Voorbeelden:
      pbd report examples/stratumseind.yaml -o stratumseind-dpia.pdf
      pbd report examples/scanauto-parkeercontrole.yaml -o art25.pdf --kind art25 --lang en
      pbd report examples/ -o rapporten/
    """
    today = evaluation_date(date_)
    src = Path(source)
    out = Path(output)
    if not src.exists():
        raise UsageError(source, "no such file or folder", "Check the path.")
    if src.is_dir():
        files = description_files([source])
        from pbd.knowledge_base import default_knowledge_base

        default_knowledge_base()  # a broken knowledge base stops here, before any work
        jobs = [
            (str(f), str(out / f"{f.stem}-{kind}-{lang}.{fmt}"), kind, lang, gate, today, not no_waivers) for f in files
        ]
        workers = min(os.cpu_count() or 1, len(jobs), 4)
        if workers > 1:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                written = list(pool.map(_job, jobs))
        else:
            written = [_job(j) for j in jobs]
        for w in written:
            click.echo(w)
        return
    if out.suffix.lower() not in (".pdf", ".html"):
        raise UsageError(output, "unknown report format", "End the file name in .pdf or .html.")
    render_report(src, out, kind=kind, lang=lang, gate=gate, today=today, waivers=not no_waivers)
    click.echo(str(out))


COMMANDS: list[click.Command] = [report]
