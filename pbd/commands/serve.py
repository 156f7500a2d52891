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
def serve(data: str | None, host: str, port: int, admin_email: str | None, threads: int) -> None:
    """Start het webdossier / start the web dossier (Django; SQLite of PostgreSQL via PBD_DATABASE_URL).

    Bij de eerste start wordt de beheerder aangemaakt; het wachtwoord staat éénmalig in de uitvoer.

    \b
    Voorbeelden:
      pbd serve
      pbd serve --data ~/pbd-dossiers --port 8080 --admin-email fg@gemeente.nl
      PBD_DATABASE_URL=postgresql://pbd:geheim@localhost/pbd pbd serve --host 0.0.0.0
    """
    try:
        import django  # noqa: F401
        import waitress  # noqa: F401
    except ImportError as err:
        raise PbdError(
            "pbd serve",
            f"the web extra is not installed ({err.name} is missing)",
            "Install it: pip install 'pbd[web]'.",
        ) from None
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


COMMANDS: list[click.Command] = [serve]
