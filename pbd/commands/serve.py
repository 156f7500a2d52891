"""``pbd serve``: the web dossier on this machine (Django, SQLite in a data folder by default). Needs ``pip install 'pbd[web]'``.

Nothing here imports Django at module level: ``pbd --help`` and every other command never load it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pbd.errors import PbdError


@click.command()
@click.option(
    "--data", metavar="MAP", help="Gegevensmap: database (SQLite), sleutel. Standaard ./pbd-data of PBD_DATA."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Adres om op te luisteren.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Poort.")
@click.option(
    "--admin-email",
    metavar="E-MAIL",
    help="Bij de eerste start: de beheerder krijgt dit e-mailadres als gebruikersnaam.",
)
@click.option(
    "--threads", default=8, show_default=True, type=click.IntRange(1, 64), help="Aantal gelijktijdige verzoeken."
)
@click.option(
    "--check",
    is_flag=True,
    help="Alleen controleren (instellingen, database, migraties, kennisbank); exitcode 0 gezond, 2 niet.",
)
def serve(data: str | None, host: str, port: int, admin_email: str | None, threads: int, check: bool) -> None:
    """Start het webdossier / start the web dossier (Django; SQLite of PostgreSQL via PBD_DATABASE_URL).

    Bij de eerste start wordt de beheerder aangemaakt; het wachtwoord staat éénmalig in de uitvoer.

    \b
    Voorbeelden:
      pbd serve
      pbd serve --data ~/pbd-dossiers --port 8080 --admin-email fg@gemeente.nl
      PBD_DATABASE_URL=postgresql://pbd:geheim@localhost/pbd pbd serve --host 0.0.0.0
      pbd serve --check --data ~/pbd-dossiers
    """
    _need_web_extra("pbd serve")
    if check:
        from pbd.web import server

        for line in server.health(Path(data) if data else None):
            click.echo(line)
        return
    from pbd.knowledge_base import default_knowledge_base

    default_knowledge_base()  # a broken knowledge base stops here, before anything listens
    from pbd.web import server

    server.configure(Path(data) if data else None, host)
    server.migrate()
    from pbd.web import jobs

    jobs.resume()  # embedded runner: jobs a stopped server left queued or running go on (no-op with a broker)
    admin = server.ensure_admin(admin_email)
    if admin is not None:
        click.echo(
            f"pbd serve: first administrator created: user name {admin.username}, one-time password {admin.password}\n"
            "           (shown only now; log in and change it under 'Wachtwoord wijzigen')."
        )
    server.serve(host, port, sys.stdout, threads=threads)


def _need_web_extra(where: str) -> None:
    try:
        import django  # noqa: F401
        import waitress  # noqa: F401
    except ImportError as err:
        raise PbdError(
            where,
            f"the web extra is not installed ({err.name} is missing)",
            "Install it: pip install 'pbd[web]'.",
        ) from None


def _start(where: str, data: str | None) -> None:
    """Django on the data folder (or PBD_DATABASE_URL), migrated: what every ``pbd tenant`` command needs."""
    _need_web_extra(where)
    from pbd.web import server

    server.configure(Path(data) if data else None)
    server.migrate()


_DATA = click.option("--data", metavar="MAP", help="Gegevensmap van het webdossier. Standaard ./pbd-data of PBD_DATA.")


@click.group()
def tenant() -> None:
    """Organisaties (tenants) van het webdossier: aanmaken, tonen, back-up en herstel.

    \b
    Voorbeelden:
      pbd tenant create utrecht --name "Gemeente Utrecht" --profile utrecht.yaml
      pbd tenant profile utrecht utrecht-2027.yaml
      pbd tenant list
      pbd tenant backup --org utrecht -o utrecht.json
      pbd tenant restore utrecht.json --data /srv/pbd-nieuw
    """


@tenant.command("create")
@click.argument("slug")
@click.option("--name", default="", help="Volledige naam, bijv. 'Gemeente Utrecht'. Standaard de korte naam.")
@click.option(
    "--profile", "profile", metavar="BESTAND", default="", help="Gemeentelijk profiel (YAML/JSON) van deze organisatie."
)
@click.option(
    "--admin-email",
    metavar="E-MAIL",
    default="",
    help="Maak de beheerder van deze organisatie aan (eenmalig wachtwoord).",
)
@_DATA
def tenant_create(slug: str, name: str, profile: str, admin_email: str, data: str | None) -> None:
    """Maak een organisatie aan (korte naam: kleine letters, cijfers, streepjes), met haar profiel en beheerder.

    Het profiel wordt eerst gelezen en op de kennisbank toegepast; een profiel dat niet bruikbaar is,
    wordt geweigerd. De database bewaart de inhoud (ook de eigen criteria), niet alleen het pad.
    """
    _start("pbd tenant create", data)
    from django.db import transaction

    from pbd.web import tenants

    with transaction.atomic():  # no organisation without its administrator when the address is refused
        org = tenants.create(slug, name, profile)
        admin = tenants.create_admin(org, admin_email) if admin_email else None
    click.echo(
        f"pbd tenant: organisation {org.slug} ({org.name}) created"
        + (f", profile {org.profile}" if org.profile else "")
    )
    if admin is not None:
        click.echo(
            f"pbd tenant: administrator {admin[0]}, one-time password {admin[1]}\n"
            "            (shown only now; log in and change it under 'Wachtwoord wijzigen')."
        )


@tenant.command("profile")
@click.argument("slug")
@click.argument("file", metavar="[BESTAND]", required=False)
@click.option("--none", "none_", is_flag=True, help="Geen profiel meer: alleen de gebundelde kennisbank.")
@_DATA
def tenant_profile(slug: str, file: str | None, none_: bool, data: str | None) -> None:
    """Sla het gemeentelijk profiel van een organisatie op (gelezen en toegepast vóór het wordt opgeslagen).

    De database bewaart de inhoud van het profiel en zijn criteria, niet alleen het pad: web en workers
    op andere machines en een back-up hebben het dan ook. Een gewijzigd profielbestand geldt pas na dit commando.

    \b
    Voorbeelden:
      pbd tenant profile utrecht profielen/utrecht.yaml
      pbd tenant profile utrecht --none
    """
    if (file is None) == (not none_):
        raise PbdError(
            "pbd tenant profile",
            "give a profile file or --none (not both)",
            "For example: pbd tenant profile utrecht utrecht.yaml.",
        )
    _start("pbd tenant profile", data)
    from pbd.web import tenants

    org = tenants.set_profile(tenants.get(slug), file)
    shown = f"profile {org.profile} stored" if org.profile else "no profile"
    click.echo(f"pbd tenant: organisation {org.slug}: {shown}")


@tenant.command("list")
@_DATA
def tenant_list(data: str | None) -> None:
    """Toon de organisaties met hun aantallen gebruikers en dossiers."""
    _start("pbd tenant list", data)
    from django.db.models import Count

    from pbd.web.models import Organisation

    rows = Organisation.objects.annotate(
        n_users=Count("users", distinct=True), n_dossiers=Count("dossiers", distinct=True)
    ).order_by("slug")
    for org in rows:
        profile = f"\tprofile {org.profile}" if org.profile else ""
        click.echo(f"{org.slug}\t{org.name}\t{org.n_users} users\t{org.n_dossiers} dossiers{profile}")


@tenant.command("backup")
@click.option("--org", "slug", required=True, metavar="KORTE-NAAM", help="De organisatie.")
@click.option("-o", "--output", required=True, metavar="BESTAND.json", help="Het back-upbestand (atomisch geschreven).")
@_DATA
def tenant_backup(slug: str, output: str, data: str | None) -> None:
    """Back-up van één organisatie als deterministische JSON: gebruikers (met wachtwoord-hashes), dossiers,
    leden, versies, opmerkingen, ondertekeningen en auditlog. Het bestand bevat persoonsgegevens: bewaar het zo."""
    _start("pbd tenant backup", data)
    from pbd.web import backup, tenants

    org = tenants.get(slug)
    size = backup.write(org, Path(output))
    click.echo(f"pbd tenant: {org.slug} written to {output} ({size} bytes)", err=True)


@tenant.command("restore")
@click.argument("file", metavar="BESTAND.json")
@_DATA
def tenant_restore(file: str, data: str | None) -> None:
    """Herstel een organisatie uit een back-up, in een database waarin zij en haar gebruikersnamen nog niet bestaan."""
    path = Path(file)
    _start("pbd tenant restore", data)
    from pbd.web import backup

    org = backup.restore(backup.read(path), str(path))
    click.echo(f"pbd tenant: {org.slug} restored from {file}", err=True)


@tenant.command("recheck")
@click.option("--org", "slug", required=True, metavar="KORTE-NAAM", help="De organisatie.")
@click.option(
    "--wait/--no-wait",
    default=None,
    help="Wachten tot alle dossiers opnieuw beoordeeld zijn. Standaard: wachten zonder broker, niet met een broker.",
)
@click.option("--timeout", default=3600, show_default=True, type=click.IntRange(1), help="Hoe lang te wachten (s).")
@_DATA
def tenant_recheck(slug: str, wait: bool | None, timeout: int, data: str | None) -> None:
    """Beoordeel elk dossier van een organisatie opnieuw met de kennisbank die nu geldt (na een nieuwe release).

    Eén taak per dossier; het resultaat (JSON) wordt per dossier bewaard met de versie van de kennisbank.
    Met PBD_BROKER_URL doen de workers (pbd worker) het werk; zonder broker gebeurt het hier, nu."""
    import os

    from pbd.knowledge_base import default_knowledge_base

    default_knowledge_base()  # a broken knowledge base stops here, before the database is touched
    if not os.environ.get("PBD_BROKER_URL"):
        os.environ.setdefault("PBD_JOBS_RUNNER", "sync")
    _start("pbd tenant recheck", data)
    from pbd.web import jobs, tenants

    org = tenants.get(slug)
    kb = jobs_kb_version()
    batch, queued = jobs.enqueue_recheck(org)
    click.echo(f"pbd tenant: {len(queued)} dossiers of {org.slug} queued for re-check under KB {kb} (batch {batch})")
    if wait is None:
        wait = not jobs.broker_url()
    if not wait or not queued:
        return

    def tick(counts: dict[str, int]) -> None:
        click.echo(
            f"pbd tenant: re-check {batch}: {counts['done']} done, {counts['failed']} failed, "
            f"{counts['queued'] + counts['running']} to go",
            err=True,
        )

    if not jobs.wait_for([j.pk for j in queued], timeout, tick):
        raise PbdError("pbd tenant recheck", f"not finished within {timeout} s", "Check that pbd worker runs.")
    counts = jobs.batch_progress(batch)
    if counts["failed"]:
        raise PbdError(
            "pbd tenant recheck",
            f"{counts['failed']} of {len(queued)} dossiers could not be re-checked",
            "See the error on each dossier's page.",
        )


def jobs_kb_version() -> str:
    from pbd.web import services

    return str(services.knowledge_base().version)


@click.command()
@click.option(
    "--concurrency", default=2, show_default=True, type=click.IntRange(1, 64), help="Aantal gelijktijdige taken."
)
@click.option("--loglevel", default="INFO", show_default=True, help="Logniveau van de worker.")
@_DATA
def worker(concurrency: int, loglevel: str, data: str | None) -> None:
    """Start een worker voor achtergrondtaken (PDF's, import, herbeoordeling) / start a background worker (Celery).

    Nodig: PBD_BROKER_URL (Redis) en dezelfde database als pbd serve (PBD_DATABASE_URL of de gegevensmap).

    \b
    Voorbeelden:
      PBD_BROKER_URL=redis://localhost:6379/0 pbd worker
      PBD_BROKER_URL=redis://redis:6379/0 PBD_DATABASE_URL=postgresql://pbd@db/pbd pbd worker --concurrency 4
    """
    import os

    from pbd.knowledge_base import default_knowledge_base

    default_knowledge_base()  # a broken knowledge base stops here, before any job is taken
    if not os.environ.get("PBD_BROKER_URL", "").strip():
        raise PbdError(
            "pbd worker",
            "PBD_BROKER_URL is not set",
            "Set it to the team server's Redis, e.g. PBD_BROKER_URL=redis://localhost:6379/0; "
            "without a broker, pbd serve runs the jobs itself.",
        )
    _need_web_extra("pbd worker")
    try:
        import celery  # noqa: F401
        import redis  # noqa: F401
    except ImportError as err:
        raise PbdError(
            "pbd worker",
            f"the team extra is not installed ({err.name} is missing)",
            "Install it: pip install 'pbd[team]'.",
        ) from None
    from pbd.web import server

    server.configure(Path(data) if data else None)  # no migrate: pbd serve owns the schema, workers only use it
    import logging

    from django.db import DatabaseError, connections

    from pbd.web.celery_app import app, visibility_timeout
    from pbd.web.jobs import requeue_lost

    try:
        lost = requeue_lost(2 * visibility_timeout())
    except DatabaseError as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise PbdError(
            "pbd worker", f"the database cannot be read ({first})", "Check PBD_DATABASE_URL and start pbd serve first."
        ) from None
    finally:
        connections.close_all()  # no connection of the parent may live on in the forked pool processes
    if lost:
        click.echo(f"pbd worker: {len(lost)} jobs whose message was lost queued again", err=True)
    for noisy in ("weasyprint", "fontTools"):  # a line per layout step of every PDF at INFO
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(loglevel.upper()) or 0))
    pool = "solo" if concurrency == 1 else "prefork"
    app.worker_main(
        argv=[
            "worker",
            f"--loglevel={loglevel}",
            f"--concurrency={concurrency}",
            f"--pool={pool}",
            "--queues=pbd",
            "--without-gossip",
            "--without-mingle",
            f"--hostname=pbd-{os.getpid()}@%h",
        ]
    )


COMMANDS: list[click.Command] = [serve, tenant, worker]
