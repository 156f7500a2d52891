"""Reading the web dossier's configuration from the environment, without Django: data folder and database URL.

``pbd serve`` and :mod:`pbd.web.settings` both read it, so a bad ``PBD_DATABASE_URL`` is one
``Error:`` line before Django starts, never a traceback from deep inside a database driver.
"""

from __future__ import annotations

import ipaddress
import json
import os
import secrets
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from pbd.errors import PbdError

#: where the SQLite database, the secret key and uploads live unless ``--data``/``PBD_DATA`` says otherwise
DEFAULT_DATA = Path("pbd-data")
SQLITE_NAME = "pbd.sqlite3"
SECRET_NAME = "secret_key"  # noqa: S105 - the name of the key file, not a key


#: SQLite shared by the web process and ``pbd worker`` processes: a transaction takes the write lock when it
#: begins (IMMEDIATE), so one that read first never meets a writer when it writes ("database is locked" at
#: once, without waiting); the others wait up to ``timeout`` seconds for their turn
SQLITE_OPTIONS: dict[str, Any] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}


class ConfigError(PbdError):
    """The web dossier cannot start with this configuration (a bad database URL, an unwritable data folder)."""


def data_dir() -> Path:
    """The data folder: ``PBD_DATA``, else ``./pbd-data``."""
    return Path(os.environ.get("PBD_DATA") or DEFAULT_DATA).resolve()


def database(url: str | None, data: Path) -> dict[str, Any]:
    """Django's ``DATABASES['default']`` for ``url`` (``postgresql://user:pw@host:5432/db``), or SQLite in ``data``."""
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(data / SQLITE_NAME),
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    where = "PBD_DATABASE_URL"
    parts = urlsplit(url)
    if parts.scheme in ("sqlite", "sqlite3"):
        path = unquote(parts.path)
        if not path or path == "/":
            raise ConfigError(where, "a sqlite URL needs a file", "Write sqlite:////absolute/path/pbd.sqlite3.")
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path, "OPTIONS": dict(SQLITE_OPTIONS)}
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


# -- single sign-on (OpenID Connect, issue #16) ------------------------------------------------------

#: the organisation-level rights a provider's role or group can give (pbd.web.oidc syncs them at each login):
#: ``admin`` is the administrator (accounts, the organisation's audit log: ``User.is_superuser``); ``fg`` and
#: ``privacy_officer`` are the Django groups of that name, the organisation's FG and privacy officers
OIDC_RIGHTS = ("admin", "fg", "privacy_officer")
OIDC_DEFAULT_ROLE_MAP = "admin=admin,fg=fg,privacy_officer=privacy_officer"


@dataclass(frozen=True)
class OidcConfig:
    """Single sign-on as configured by ``PBD_OIDC_*`` and read from the provider's discovery document."""

    issuer: str
    client_id: str
    client_secret: str = field(repr=False)
    #: the provider's name on the login button ("Inloggen met <name>")
    provider_name: str
    #: no local passwords: only the provider logs people in
    only: bool
    #: the claim naming the user's organisation (its slug) and the claim listing roles or groups
    org_claim: str
    roles_claim: str
    #: claim value → pbd right (one of OIDC_RIGHTS), in the order given
    role_map: tuple[tuple[str, str], ...]
    #: organisation claim value → organisation slug (``PBD_OIDC_ORG_MAP``, e.g. Entra ID's ``tid``); empty: the
    #: claim's value is the slug itself
    org_map: tuple[tuple[str, str], ...]
    scopes: str
    timeout: float
    #: after this many seconds a page view asks the provider again, silently (prompt=none), and re-syncs the
    #: rights; 0: only at login
    recheck_seconds: int
    #: from discovery: authorization_endpoint, token_endpoint, userinfo_endpoint, jwks_uri
    endpoints: tuple[tuple[str, str], ...] = ()

    def endpoint(self, name: str) -> str:
        return dict(self.endpoints)[name]

    def organisation_slug(self, value: str) -> str | None:
        """The slug of the organisation the claim's value names; ``None`` when the map does not name it."""
        if not self.org_map:
            return value
        return dict(self.org_map).get(value)

    def rights_of(self, values: list[str]) -> frozenset[str]:
        """The pbd rights the claim values give; values the map does not name give nothing."""
        given = set(values)
        return frozenset(right for value, right in self.role_map if value in given)

    def django_settings(self) -> dict[str, Any]:
        """mozilla-django-oidc's settings: code flow with PKCE (S256), nonce, RS256 ID tokens checked against the JWKS."""
        return {
            "AUTHENTICATION_BACKENDS": ["pbd.web.oidc.Backend"]
            + ([] if self.only else ["pbd.web.rights.LocalBackend"]),
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": self.endpoint("authorization_endpoint"),
            "OIDC_OP_TOKEN_ENDPOINT": self.endpoint("token_endpoint"),
            "OIDC_OP_USER_ENDPOINT": self.endpoint("userinfo_endpoint"),
            "OIDC_OP_JWKS_ENDPOINT": self.endpoint("jwks_uri"),
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_RP_SCOPES": self.scopes,
            "OIDC_USE_NONCE": True,
            "OIDC_USE_PKCE": True,
            "OIDC_PKCE_CODE_CHALLENGE_METHOD": "S256",
            "OIDC_TIMEOUT": self.timeout,
            "OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS": self.recheck_seconds,
            "OIDC_CREATE_USER": True,
            "OIDC_STORE_ID_TOKEN": False,
            "OIDC_STORE_ACCESS_TOKEN": False,
            "OIDC_AUTHENTICATION_CALLBACK_URL": "oidc_authentication_callback",
            "LOGIN_REDIRECT_URL_FAILURE": "/login/",
        }


_OIDC_REQUIRED = ("PBD_OIDC_ISSUER", "PBD_OIDC_CLIENT_ID", "PBD_OIDC_CLIENT_SECRET")
_DISCOVERED = ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri")


def oidc(environ: Mapping[str, str], fetch: Callable[[str, float], bytes] | None = None) -> OidcConfig | None:
    """Single sign-on from the environment, with the provider's discovery document read now; ``None`` when not set.

    ``PBD_OIDC_ISSUER``, ``PBD_OIDC_CLIENT_ID`` and ``PBD_OIDC_CLIENT_SECRET`` turn it on (all three or none);
    a provider that cannot be reached, or whose document names another issuer, stops the start with one line.
    """
    given = {name: environ.get(name, "").strip() for name in _OIDC_REQUIRED}
    if not any(given.values()):
        if flag_in(environ, "PBD_OIDC_ONLY"):
            raise ConfigError(
                "PBD_OIDC_ONLY",
                "single sign-on only, but no provider is configured",
                "Set PBD_OIDC_ISSUER, PBD_OIDC_CLIENT_ID and PBD_OIDC_CLIENT_SECRET, or unset PBD_OIDC_ONLY.",
            )
        return None
    for name, value in given.items():
        if not value:
            raise ConfigError(
                name,
                "not set",
                "Single sign-on needs PBD_OIDC_ISSUER, PBD_OIDC_CLIENT_ID and "
                "PBD_OIDC_CLIENT_SECRET together; set it, or unset the others.",
            )
    issuer = given["PBD_OIDC_ISSUER"].rstrip("/")
    parts = urlsplit(issuer)
    if parts.scheme != "https" and not (parts.scheme == "http" and loopback_host(parts.hostname or "")):
        raise ConfigError(
            "PBD_OIDC_ISSUER",
            f"{issuer} is not an https address",
            "Give the provider's https issuer, e.g. "
            "https://login.microsoftonline.com/<tenant id>/v2.0 (plain http only on loopback, for tests).",
        )
    try:
        timeout = float(environ.get("PBD_OIDC_TIMEOUT") or 10)
    except ValueError:
        raise ConfigError("PBD_OIDC_TIMEOUT", "not a number of seconds", "Write e.g. PBD_OIDC_TIMEOUT=10.") from None
    try:
        recheck = int(environ.get("PBD_OIDC_RECHECK_SECONDS") or 900)
    except ValueError:
        recheck = -1
    if recheck < 0:
        raise ConfigError(
            "PBD_OIDC_RECHECK_SECONDS", "not a whole number of seconds", "Write e.g. 900 (15 minutes), or 0 for never."
        )
    role_map = _claim_map(
        environ,
        "PBD_OIDC_ROLE_MAP",
        OIDC_DEFAULT_ROLE_MAP,
        lambda right: right in OIDC_RIGHTS,
        f"CLAIM_VALUE=RIGHT with a right of {', '.join(OIDC_RIGHTS)}",
        "pbd-beheer=admin,pbd-fg=fg",
    )
    org_map = _claim_map(
        environ, "PBD_OIDC_ORG_MAP", "", bool, "CLAIM_VALUE=ORGANISATION", "<Entra tenant id>=gemeente-utrecht"
    )
    scopes = " ".join((environ.get("PBD_OIDC_SCOPES") or "openid email profile").split())
    if "openid" not in scopes.split():
        raise ConfigError("PBD_OIDC_SCOPES", f"{scopes!r} lacks openid", "Add openid, e.g. 'openid email profile'.")
    document = _discovery(issuer, timeout, fetch or _fetch)
    return OidcConfig(
        issuer=issuer,
        client_id=given["PBD_OIDC_CLIENT_ID"],
        client_secret=given["PBD_OIDC_CLIENT_SECRET"],
        provider_name=(environ.get("PBD_OIDC_PROVIDER_NAME") or "").strip() or (parts.hostname or issuer),
        only=flag_in(environ, "PBD_OIDC_ONLY"),
        org_claim=(environ.get("PBD_OIDC_ORG_CLAIM") or "organisation").strip(),
        roles_claim=(environ.get("PBD_OIDC_ROLES_CLAIM") or "roles").strip(),
        role_map=role_map,
        org_map=org_map,
        scopes=scopes,
        timeout=timeout,
        recheck_seconds=recheck,
        endpoints=tuple((name, str(document[name])) for name in _DISCOVERED),
    )


def flag_in(environ: Mapping[str, str], name: str) -> bool:
    return (environ.get(name) or "").strip().lower() in ("1", "true", "yes", "on")


def loopback_host(host: str) -> bool:
    """Whether ``host`` (a name, an IPv4 or a bracketed IPv6 address) is this machine's loopback."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _claim_map(
    environ: Mapping[str, str], name: str, default: str, accept: Callable[[str], bool], form: str, example: str
) -> tuple[tuple[str, str], ...]:
    """The setting ``name`` (``CLAIM_VALUE=TARGET,…``; ``default`` when unset) as (claim value, target) pairs.

    An item without ``=``, with an empty claim value, or with a target ``accept`` refuses is a :class:`ConfigError`
    that says ``form`` and shows ``example``.
    """
    pairs: list[tuple[str, str]] = []
    for item in (part.strip() for part in (environ.get(name) or default).split(",")):
        if not item:
            continue
        value, sep, target = (s.strip() for s in item.rpartition("="))
        if not sep or not value or not accept(target):
            raise ConfigError(name, f"{item!r} is not {form}", f"Write e.g. {name}='{example}'.")
        pairs.append((value, target))
    return tuple(pairs)


def _fetch(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310 - https or loopback, checked
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        body: bytes = response.read(1024 * 1024)
        return body


def _discovery(issuer: str, timeout: float, fetch: Callable[[str, float], bytes]) -> dict[str, Any]:
    url = f"{issuer}/.well-known/openid-configuration"
    where = "PBD_OIDC_ISSUER"
    try:
        document = json.loads(fetch(url, timeout))
    except (OSError, ValueError) as err:
        reason = getattr(err, "reason", None) or err
        raise ConfigError(
            where,
            f"cannot read the provider's discovery document {url} ({reason})",
            "Check the issuer address and that this server can reach the provider.",
        ) from None
    if not isinstance(document, dict):
        raise ConfigError(where, f"{url} is not a discovery document", "Check the issuer address.")
    if str(document.get("issuer", "")).rstrip("/") != issuer:
        raise ConfigError(
            where,
            f"the provider calls itself {document.get('issuer')!r}, not {issuer!r}",
            "Set PBD_OIDC_ISSUER to exactly the issuer in its discovery document.",
        )
    missing = [name for name in _DISCOVERED if not isinstance(document.get(name), str)]
    if missing:
        raise ConfigError(where, f"the discovery document {url} lacks {', '.join(missing)}", "Use an OpenID provider.")
    algs = document.get("id_token_signing_alg_values_supported") or []
    if "RS256" not in algs:
        raise ConfigError(where, "the provider does not sign ID tokens with RS256", "Enable RS256 at the provider.")
    return document
