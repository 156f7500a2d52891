"""Reading the web dossier's configuration from the environment, without Django: data folder and database URL.

``pbd serve`` and :mod:`pbd.web.settings` both read it, so a bad ``PBD_DATABASE_URL`` is one
``Error:`` line before Django starts, never a traceback from deep inside a database driver.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from pbd.errors import PbdError

#: where the SQLite database, the secret key and uploads live unless ``--data``/``PBD_DATA`` says otherwise
DEFAULT_DATA = Path("pbd-data")
SQLITE_NAME = "pbd.sqlite3"
SECRET_NAME = "secret_key"  # noqa: S105 - the name of the key file, not a key


class ConfigError(PbdError):
    """The web dossier cannot start with this configuration (a bad database URL, an unwritable data folder)."""


def data_dir() -> Path:
    """The data folder: ``PBD_DATA``, else ``./pbd-data``."""
    return Path(os.environ.get("PBD_DATA") or DEFAULT_DATA).resolve()


def database(url: str | None, data: Path) -> dict[str, Any]:
    """Django's ``DATABASES['default']`` for ``url`` (``postgresql://user:pw@host:5432/db``), or SQLite in ``data``."""
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(data / SQLITE_NAME), "OPTIONS": {"timeout": 20}}
    where = "PBD_DATABASE_URL"
    parts = urlsplit(url)
    if parts.scheme in ("sqlite", "sqlite3"):
        path = unquote(parts.path)
        if not path or path == "/":
            raise ConfigError(where, "a sqlite URL needs a file", "Write sqlite:////absolute/path/pbd.sqlite3.")
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path, "OPTIONS": {"timeout": 20}}
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        raise ConfigError(
            where,
            f"unsupported database scheme {parts.scheme!r}",
            "Use postgresql://USER:PASSWORD@HOST:5432/NAME, or leave it unset for SQLite in the data folder.",
        )
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise ConfigError(where, "the URL names no database", "End it in /NAME, e.g. postgresql://pbd@localhost/pbd.")
    try:
        port = parts.port
    except ValueError:
        raise ConfigError(where, "the port is not a number", "Write host:5432.") from None
    options = dict(parse_qsl(parts.query))
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": unquote(parts.hostname or ""),
        "PORT": str(port or ""),
        "OPTIONS": options,
        "CONN_MAX_AGE": 60,
    }


def secret_key(data: Path) -> str:
    """``PBD_SECRET_KEY``, else a random key kept in the data folder (created once, readable by its owner only)."""
    given = os.environ.get("PBD_SECRET_KEY")
    if given:
        return given
    path = data / SECRET_NAME
    try:
        if path.exists():
            return path.read_text(encoding="utf-8").strip()
        data.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(key + "\n")
        return key
    except OSError as err:
        raise ConfigError(
            str(data), f"cannot keep the secret key here ({err.strerror})", "Give a writable folder with --data."
        ) from None


def flag(name: str, default: bool) -> bool:
    """A yes/no environment variable (1/0, true/false, yes/no)."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")
