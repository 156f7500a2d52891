"""``pbd report``: the DPIA draft or the art. 25 report as PDF or HTML, for one description or a folder."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path

import click

from pbd.commands.options import date_option, gate_option, lang_option
from pbd.errors import UsageError
from pbd.files import description_files, evaluation_date, output_names

KINDS = ("dpia", "art25")


def render_report(
    source: Path,
    out: Path,
    *,
    kind: str,
    lang: str,
    gate: str | None,
    today: dt.date,
    waivers: bool,
    profile: str | None = None,
) -> list[str]:
    """Evaluate ``source`` and write the report to ``out`` (.pdf or .html), atomically.

    Returns the notice for stderr when ``source`` is a version-1 description migrated in memory
    (the report itself shows the same notes in its summary).
    """
    from pbd import engine
    from pbd.atomic import write_atomic
    from pbd.description import load_description
    from pbd.knowledge_base import default_knowledge_base
    from pbd.profiles import profile_option, profiled
    from pbd.render import RenderOptions, Report, reporter
    from pbd.vocabulary import Gate

    kb = profiled(default_knowledge_base(), profile_option(profile))
    loaded = load_description(source)
    assessment = engine.check(
        loaded,
        kb,
        engine.Options(
            today=today, gate=Gate(gate) if gate else None, waivers=waivers, profile=profile_option(profile)
        ),
    )
    fmt = "html" if out.suffix.lower() == ".html" else "pdf"
    rendered = reporter("report", fmt).render(Report(loaded, assessment), kb, RenderOptions(lang=lang, kind=kind))
    write_atomic(out, rendered)
    from pbd.runner import migration_notice

    return migration_notice(loaded, lang)


def _job(
    args: tuple[str, str, str, str, str | None, dt.date, bool, str | None],
) -> tuple[str, list[str], int, list[str]]:
    """One report of a folder, in a worker: ``(written file, error lines, exit code, notice lines)``; errors are data."""
    from pbd.errors import EXIT_INTERNAL, DescriptionError, PbdError

    source, out, kind, lang, gate, today, waivers, profile = args
    try:
        notice = render_report(
            Path(source), Path(out), kind=kind, lang=lang, gate=gate, today=today, waivers=waivers, profile=profile
        )
    except DescriptionError as err:
        return out, [f"Error: {p.render(lang)}" for p in err.problems], err.exit_code, []
    except PbdError as err:
        return out, [err.line()], err.exit_code, []
    except (RecursionError, MemoryError):
        return out, [f"Error: {source}: too large or too deeply nested for a report. Split or simplify it."], 2, []
    except Exception as exc:  # a bug in pbd: name the file, write the others
        line = (
            f"Error: {source}: internal: {type(exc).__name__}: {exc}. This is a bug in pbd; "
            "run `pbd --debug report` on this file and report the traceback."
        )
        return out, [line], EXIT_INTERNAL, []
    return out, [], 0, notice


def _folder(jobs: list[tuple[str, str, str, str, str | None, dt.date, bool, str | None]]) -> int:
    """Every report of a folder: the written ones on stdout, one ``Error:`` line per bad file; the worst exit."""
    workers = min(os.cpu_count() or 1, len(jobs), 4)
    if workers > 1:
        from concurrent.futures import ProcessPoolExecutor  # only for a folder: not at start-up

        from pbd.runner import end_with_parent

        with ProcessPoolExecutor(max_workers=workers, initializer=end_with_parent, initargs=(os.getpid(),)) as pool:
            results = pool.map(_job, jobs)
            return _report_all(results)
    return _report_all(map(_job, jobs))


def _report_all(results: Iterable[tuple[str, list[str], int, list[str]]]) -> int:
    from pbd.render.text import one_line

    code = 0
    for out, errors, exit_, notice in results:
        for line in notice:  # a version-1 description migrated in memory says so, as for one file
            click.echo(line, err=True)
        for line in errors:
            click.echo(one_line(line), err=True)
        if not errors:
            click.echo(one_line(out))
        code = max(code, exit_)
    return code


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
@lang_option("Taal van het rapport / language of the report.")
@gate_option("Beslismoment voor go/no-go (standaard: de fase van het project).")
@date_option("Evaluatiedatum (standaard vandaag); ook de datum in de PDF.")
@click.option("--no-waivers", is_flag=True, help="Negeer geaccepteerde afwijkingen.")
@click.option("--profile", metavar="PROFIEL.yaml", help="Gemeentelijk profiel: beleidscriteria aan, eigen criteria.")
@click.option(
    "--format", "fmt", type=click.Choice(["pdf", "html"]), default="pdf", show_default=True, help="Formaat bij een map."
)
def report(
    source: str,
    output: str,
    kind: str,
    lang: str,
    gate: str | None,
    date_: str | None,
    no_waivers: bool,
    fmt: str,
    profile: str | None = None,
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
    from pbd.profiles import profile_option

    profile_option(profile)  # a broken profile stops here, before any work
    src = Path(source)
    out = Path(output)
    if not src.exists():
        raise UsageError(source, "no such file or folder", "Check the path.")
    if src.is_dir():
        files = description_files([source])
        from pbd.knowledge_base import default_knowledge_base

        default_knowledge_base()  # a broken knowledge base stops here, before any work
        names = output_names(files)
        jobs = [
            (str(f), str(out / f"{names[f]}-{kind}-{lang}.{fmt}"), kind, lang, gate, today, not no_waivers, profile)
            for f in files
        ]
        code = _folder(jobs)
        if code:
            raise SystemExit(code)
        return
    if out.suffix.lower() not in (".pdf", ".html"):
        raise UsageError(output, "unknown report format", "End the file name in .pdf or .html.")
    notice = render_report(
        src, out, kind=kind, lang=lang, gate=gate, today=today, waivers=not no_waivers, profile=profile
    )
    for line in notice:
        click.echo(line, err=True)
    click.echo(str(out))


COMMANDS: list[click.Command] = [report]
