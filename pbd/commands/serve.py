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
      pbd tenant create utrecht --name "Gemeente Utrecht"
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
@_DATA
def tenant_create(slug: str, name: str, profile: str, data: str | None) -> None:
    """Maak een organisatie aan (korte naam: kleine letters, cijfers, streepjes)."""
    _start("pbd tenant create", data)
    from pbd.web import tenants

    org = tenants.create(slug, name, profile)
    click.echo(f"pbd tenant: organisation {org.slug} ({org.name}) created")


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
        click.echo(f"{org.slug}\t{org.name}\t{org.n_users} users\t{org.n_dossiers} dossiers")


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


COMMANDS: list[click.Command] = [serve, tenant]
