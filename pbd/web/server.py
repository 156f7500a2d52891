"""Starting the web dossier: configure Django from the data folder, migrate, create the first administrator, serve with waitress.

waitress is a production WSGI server in pure Python (no C build, runs on Windows laptops too);
Django's ``runserver`` is for development only. A team server may run ``pbd.web.wsgi:application``
under any WSGI server instead.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from pbd.errors import PbdError
from pbd.web.config import ConfigError, data_dir, database, loopback_host


def configure(data: Path | None = None, host: str = "127.0.0.1") -> None:
    """Set the environment Django's settings read, and start Django; a bad database URL is a :class:`ConfigError`."""
    if data is not None:
        os.environ["PBD_DATA"] = str(data)
    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ConfigError(
            str(folder), f"cannot create the data folder ({err.strerror})", "Give another one with --data."
        ) from None
    database(os.environ.get("PBD_DATABASE_URL"), folder)  # fails here, with one line, before Django
    if loopback_host(host):
        # plain http on this machine only: a Secure cookie would not come back from http://127.0.0.1
        os.environ.setdefault("PBD_SECURE_COOKIES", "0")
    else:
        hosts = os.environ.get("PBD_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
        if host not in hosts.split(",") and host not in ("0.0.0.0", "::"):  # noqa: S104 - a user's explicit choice
            os.environ["PBD_ALLOWED_HOSTS"] = f"{hosts},{host}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pbd.web.settings")
    import django

    django.setup()


def migrate() -> None:
    """Bring the database schema up to date (SQLite or PostgreSQL); a database that cannot be reached is one line."""
    from django.core.management import call_command
    from django.db import DatabaseError

    try:
        call_command("migrate", interactive=False, verbosity=0)
    except DatabaseError as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ConfigError(
            "database", f"cannot be reached or migrated ({first})", "Check PBD_DATABASE_URL and that the server runs."
        ) from None


@dataclass(frozen=True, slots=True)
class FirstAdmin:
    username: str
    password: str


def ensure_admin(email: str | None = None) -> FirstAdmin | None:
    """On first start (no accounts yet) create the administrator with a one-time password; else nothing."""
    from pbd.web.models import AuditEvent, AuditKind, Organisation, User

    if User.objects.exists():
        return None
    username = (email or "admin").strip().lower()
    password = secrets.token_urlsafe(15)
    user = User.objects.create_superuser(
        username=username, email=email or "", password=password, organisation=Organisation.default()
    )
    AuditEvent.objects.create(kind=AuditKind.ADMIN_CREATED, user=user, username=username, detail={})
    return FirstAdmin(username, password)


def check_port(host: str, port: int) -> None:
    """Fail with one line when the address is taken, before waitress prints its own traceback."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), port))
        except OSError as err:
            if err.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
                raise PbdError(
                    f"{host}:{port}", "the port is already in use", "Stop the other program or choose another --port."
                ) from None
            raise PbdError(
                f"{host}:{port}", f"cannot listen here ({err.strerror})", "Check --host and --port."
            ) from None


#: what a trusted reverse proxy may tell waitress: the client's address and the scheme it used (https)
PROXY_HEADERS = frozenset({"x-forwarded-for", "x-forwarded-proto"})


def proxy_settings() -> dict[str, object]:
    """waitress's reverse-proxy settings from ``PBD_TRUSTED_PROXY`` (the proxy's address, as the server sees it).

    Behind a proxy every request comes from the proxy's address: the login throttle and the audit log
    would see one address for everybody, and Django would take https requests for http. With the proxy's
    address set, waitress takes the client's address and the scheme from that proxy's X-Forwarded-For and
    X-Forwarded-Proto (its last hop only) and removes those headers from any other sender. Unset: none is
    trusted, and the headers are ignored.
    """
    trusted = os.environ.get("PBD_TRUSTED_PROXY", "").strip()
    if not trusted:
        return {}
    if trusted != "*":
        try:
            ipaddress.ip_address(trusted)
        except ValueError:
            raise ConfigError(
                "PBD_TRUSTED_PROXY",
                f"{trusted!r} is not an IP address",
                "Give the reverse proxy's address as pbd serve sees it, e.g. PBD_TRUSTED_PROXY=10.0.0.5.",
            ) from None
    return {
        "trusted_proxy": trusted,
        "trusted_proxy_count": 1,
        "trusted_proxy_headers": set(PROXY_HEADERS),
        "clear_untrusted_proxy_headers": True,
        "log_untrusted_proxy_headers": False,
    }


def serve(host: str, port: int, out: TextIO, *, threads: int = 8) -> None:
    """Serve the dossier until interrupted; the address is printed once the server listens."""
    import waitress

    from pbd.web.wsgi import application

    check_port(host, port)
    try:
        server = waitress.create_server(
            application, host=host.strip("[]"), port=port, threads=threads, ident="pbd", **proxy_settings()
        )
    except OSError as err:
        raise PbdError(f"{host}:{port}", f"cannot listen here ({err.strerror})", "Check --host and --port.") from None
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    out.write(f"pbd serve: http://{shown}:{port}/  (data: {data_dir()}; stop with Ctrl+C)\n")
    out.flush()
    try:
        server.run()
    finally:
        server.close()


def health(data: Path | None = None) -> Iterator[str]:
    """``pbd serve --check``: one line per check that passed; the first that fails is a :class:`ConfigError`.

    Settings (data folder, database URL, signing key), the database (a query), the migrations (all applied;
    the check applies none) and the knowledge base.
    """
    configure(data)
    proxy_settings()  # a PBD_TRUSTED_PROXY that is not an address fails here, as it would at the start
    from django.conf import settings

    db = settings.DATABASES["default"]
    yield f"settings: ok (data folder {data_dir()}, database {db['ENGINE'].rsplit('.', 1)[-1]})"
    from django.db import DatabaseError, connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ConfigError(
            "database", f"cannot be reached ({first})", "Check PBD_DATABASE_URL and that the server runs."
        ) from None
    yield f"database: ok ({connection.vendor} {db['NAME']})"
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _ in plan[:3]) + (" …" if len(plan) > 3 else "")
        raise ConfigError(
            "database",
            f"{len(plan)} migration(s) not applied ({names})",
            "Start 'pbd serve' once with the same data folder or PBD_DATABASE_URL: it applies them.",
        )
    yield f"migrations: ok ({len(executor.loader.applied_migrations)} applied)"
    from pbd.knowledge_base import default_knowledge_base

    kb = default_knowledge_base()
    yield f"knowledge base: ok (version {kb.version}, {len(kb.criteria)} criteria)"
    from pbd.web.profiles import check_all

    yield check_all()  # every organisation's stored profile loads and applies, or one line naming it
