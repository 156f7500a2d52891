"""Single sign-on (issue #16): the configuration, and the whole code flow against a real OpenID provider on loopback.

The provider is oidc-provider (npm, pinned in tests/js) started by ``tests/js/oidc_provider.mjs``; the
server is a real ``pbd serve`` in a subprocess; the browser is a ``requests`` session that follows the
redirects and posts the provider's login form. Skipped with the reason when node or tests/js/node_modules
are missing, unless CI is set: then that is a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

import pytest
import requests

from pbd.web.config import ConfigError, oidc

ROOT = Path(__file__).resolve().parents[2]
JS = ROOT / "tests" / "js"
CLIENT_ID = "pbd-test"
CLIENT_SECRET = "pbd-test-secret-not-for-production"  # the test provider's client, loopback only
#: the live server asks the provider again after this many seconds within a session
RECHECK = 4
ANNA: dict[str, Any] = {
    "password": "anna-pw",
    "email": "anna.devries@gemeente-a.nl",
    "given_name": "Anna",
    "family_name": "de Vries",
    "preferred_username": "anna",
    "organisation": "gemeente-a",
    "roles": ["pbd-fg", "pbd-beheer", "something-else"],
}
BOB: dict[str, Any] = {
    "password": "bob-pw",
    "email": "bob@elders.nl",
    "preferred_username": "bob",
    "organisation": "gemeente-onbekend",
    "roles": ["pbd-fg"],
}


# -- the configuration (no provider needed) -----------------------------------------------------------


def _document(issuer: str = "https://idp.example.nl/realms/gemeente") -> dict[str, Any]:
    return {
        "issuer": issuer,
        "authorization_endpoint": f"{issuer}/auth",
        "token_endpoint": f"{issuer}/token",
        "userinfo_endpoint": f"{issuer}/userinfo",
        "jwks_uri": f"{issuer}/jwks",
        "id_token_signing_alg_values_supported": ["RS256"],
    }


def _env(**extra: str) -> dict[str, str]:
    env = {
        "PBD_OIDC_ISSUER": "https://idp.example.nl/realms/gemeente/",
        "PBD_OIDC_CLIENT_ID": "pbd",
        "PBD_OIDC_CLIENT_SECRET": "s3cret",
    }
    env.update(extra)
    return {k: v for k, v in env.items() if v}


def _fetch(document: dict[str, Any]) -> Any:
    seen: list[str] = []

    def fetch(url: str, timeout: float) -> bytes:
        seen.append(url)
        return json.dumps(document).encode()

    fetch.seen = seen  # type: ignore[attr-defined]
    return fetch


def test_oidc_is_off_without_its_variables() -> None:
    assert oidc({}) is None


def test_oidc_reads_discovery_and_maps_rights() -> None:
    fetch = _fetch(_document())
    cfg = oidc(_env(PBD_OIDC_ROLE_MAP="pbd-fg=fg, pbd-beheer=admin", PBD_OIDC_PROVIDER_NAME="Keycloak"), fetch)
    assert cfg is not None
    assert fetch.seen == ["https://idp.example.nl/realms/gemeente/.well-known/openid-configuration"]
    assert cfg.issuer == "https://idp.example.nl/realms/gemeente"
    assert cfg.endpoint("jwks_uri") == "https://idp.example.nl/realms/gemeente/jwks"
    assert cfg.rights_of(["pbd-fg", "other"]) == {"fg"}
    assert cfg.rights_of([]) == frozenset()
    assert cfg.provider_name == "Keycloak" and not cfg.only
    django = cfg.django_settings()
    assert django["OIDC_USE_PKCE"] and django["OIDC_USE_NONCE"] and django["OIDC_RP_SIGN_ALGO"] == "RS256"
    assert django["AUTHENTICATION_BACKENDS"] == ["pbd.web.oidc.Backend", "pbd.web.rights.LocalBackend"]
    only = oidc(_env(PBD_OIDC_ONLY="1"), _fetch(_document()))
    assert only is not None and only.django_settings()["AUTHENTICATION_BACKENDS"] == ["pbd.web.oidc.Backend"]
    assert "s3cret" not in repr(cfg)


@pytest.mark.parametrize(
    ("env", "document", "message"),
    [
        (_env(PBD_OIDC_CLIENT_SECRET=""), _document(), "Error: PBD_OIDC_CLIENT_SECRET: not set."),
        ({"PBD_OIDC_ONLY": "1"}, _document(), "Error: PBD_OIDC_ONLY: single sign-on only, but no provider"),
        (_env(PBD_OIDC_ISSUER="http://idp.example.nl"), _document(), "is not an https address"),
        (_env(), _document("https://other.example.nl"), "the provider calls itself 'https://other.example.nl'"),
        (_env(PBD_OIDC_ROLE_MAP="pbd-fg=superuser"), _document(), "Error: PBD_OIDC_ROLE_MAP: 'pbd-fg=superuser'"),
        (_env(PBD_OIDC_SCOPES="email"), _document(), "lacks openid"),
        (_env(), {**_document(), "id_token_signing_alg_values_supported": ["HS256"]}, "RS256"),
        (_env(), {"issuer": "https://idp.example.nl/realms/gemeente"}, "lacks authorization_endpoint"),
    ],
)
def test_oidc_configuration_errors_are_one_line(env: dict[str, str], document: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError) as err:
        oidc(env, _fetch(document))
    line = err.value.line()
    assert message in line and line.startswith("Error: ") and "\n" not in line


def test_organisation_map() -> None:
    tid = "0b4c9a8e-5f1d-4f0e-9d55-000000000001"
    cfg = oidc(_env(PBD_OIDC_ORG_CLAIM="tid", PBD_OIDC_ORG_MAP=f"{tid}=gemeente-a"), _fetch(_document()))
    assert cfg is not None and cfg.org_claim == "tid"
    assert cfg.organisation_slug(tid) == "gemeente-a"
    assert cfg.organisation_slug("gemeente-a") is None  # with a map, only the values it names
    plain = oidc(_env(), _fetch(_document()))
    assert plain is not None and plain.organisation_slug("gemeente-a") == "gemeente-a"
    with pytest.raises(ConfigError, match="PBD_OIDC_ORG_MAP"):
        oidc(_env(PBD_OIDC_ORG_MAP="gemeente-a"), _fetch(_document()))


def test_unreachable_provider_is_one_line() -> None:
    def refuse(url: str, timeout: float) -> bytes:
        raise ConnectionRefusedError(111, "Connection refused")

    with pytest.raises(ConfigError) as err:
        oidc(_env(), refuse)
    assert err.value.line().startswith(
        "Error: PBD_OIDC_ISSUER: cannot read the provider's discovery document "
        "https://idp.example.nl/realms/gemeente/.well-known/openid-configuration"
    )


def test_claim_values_and_rights_sync(make_user: Any) -> None:
    from pbd.web.oidc import claim_values
    from pbd.web.rights import rights_of, sync_rights

    assert claim_values(["a", "b", 3, None]) == ["a", "b", "3"]
    assert claim_values("a b,c") == ["a", "b", "c"]
    assert claim_values(None) == []
    user = make_user("fien")
    assert sync_rights(user, frozenset({"fg", "admin"})) == (["admin", "fg"], [])
    assert rights_of(user) == {"fg", "admin"} and user.is_superuser
    assert sync_rights(user, frozenset({"fg"})) == ([], ["admin"])
    user.refresh_from_db()
    assert rights_of(user) == {"fg"} and not user.is_superuser
    assert sync_rights(user, frozenset()) == ([], ["fg"])
    assert rights_of(user) == set()


# -- the whole flow against a real provider ------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PBD_", "DJANGO_"))}
    env.update(extra)
    return env


def _start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[str]:
    """A server process: stdout read by :func:`_wait_for`, stderr to ``log`` (a pipe nobody reads could fill up)."""
    with log.open("w", encoding="utf-8") as err:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, text=True, env=env)


def _wait_for(proc: subprocess.Popen[str], prefix: str, seconds: float, log: Path) -> list[str]:
    assert proc.stdout is not None
    deadline = time.monotonic() + seconds
    lines: list[str] = []
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if line.startswith(prefix):
            return lines
    stderr = log.read_text(encoding="utf-8", errors="replace")[-4000:]
    raise AssertionError(f"no {prefix!r} line (exit {proc.poll()}): {''.join(lines)}{stderr}")


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=20)
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


@dataclass
class Setup:
    base: str
    issuer: str
    data: Path
    accounts: Path
    #: the first administrator ``pbd serve`` made: a local account (user name, one-time password)
    admin: tuple[str, str]

    def set_account(self, sub: str, account: dict[str, Any]) -> None:
        found = json.loads(self.accounts.read_text(encoding="utf-8"))
        found[sub] = account
        self.accounts.write_text(json.dumps(found), encoding="utf-8")

    def db(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.data / "pbd.sqlite3") as con:
            return list(con.execute(sql, args).fetchall())


@pytest.fixture(scope="module")
def live() -> Iterator[Setup]:
    node = shutil.which("node")
    missing = "node is not installed" if node is None else ""
    if not missing and not (JS / "node_modules" / "oidc-provider").is_dir():
        missing = "tests/js/node_modules has no oidc-provider (run: npm ci --prefix tests/js)"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {missing}")
        pytest.skip(missing)
    assert node is not None
    tmp = Path(os.environ.get("TMPDIR", "/tmp"))
    data = Path(__import__("tempfile").mkdtemp(prefix="pbd-oidc-", dir=tmp))
    accounts = data / "accounts.json"
    accounts.write_text(json.dumps({"anna-sub-1": ANNA, "bob-sub-2": BOB}), encoding="utf-8")
    web_port, idp_port = _free_port(), _free_port()
    base, issuer = f"http://127.0.0.1:{web_port}", f"http://127.0.0.1:{idp_port}"
    created = subprocess.run(
        [
            sys.executable,
            str(ROOT / "cli.py"),
            "tenant",
            "create",
            "gemeente-a",
            "--name",
            "Gemeente A",
            "--data",
            str(data),
        ],
        capture_output=True,
        text=True,
        env=_clean_env(),
        timeout=120,
        check=False,
    )
    assert created.returncode == 0, created.stderr
    idp = _start(
        [
            *(node, str(JS / "oidc_provider.mjs"), "--port", str(idp_port), "--accounts", str(accounts)),
            *("--redirect-uri", f"{base}/oidc/callback/", "--client-id", CLIENT_ID, "--client-secret", CLIENT_SECRET),
        ],
        _clean_env(),
        data / "idp.log",
    )
    try:
        _wait_for(idp, "ready ", 60, data / "idp.log")
        web = _start(
            [sys.executable, str(ROOT / "cli.py"), "serve", "--data", str(data), "--port", str(web_port)],
            _clean_env(
                PBD_OIDC_ISSUER=issuer,
                PBD_OIDC_CLIENT_ID=CLIENT_ID,
                PBD_OIDC_CLIENT_SECRET=CLIENT_SECRET,
                PBD_OIDC_PROVIDER_NAME="Test-IdP",
                PBD_OIDC_SCOPES="openid email profile pbd",
                PBD_OIDC_ROLE_MAP="pbd-fg=fg,pbd-beheer=admin",
                PBD_OIDC_RECHECK_SECONDS=str(RECHECK),
            ),
            data / "web.log",
        )
        try:
            started = "".join(_wait_for(web, "pbd serve: http://", 120, data / "web.log"))
            found = re.search(r"user name (\S+), one-time password (\S+)", started)
            assert found is not None, started
            admin = (found.group(1), found.group(2))
            yield Setup(base=base, issuer=issuer, data=data, accounts=accounts, admin=admin)
        finally:
            _stop(web)
    finally:
        _stop(idp)
        shutil.rmtree(data, ignore_errors=True)


def _to_callback(setup: Setup, http: requests.Session, login: str, password: str) -> str:
    """Start the login at pbd, sign in at the provider; the callback URL the provider sends the browser to."""
    start = http.get(f"{setup.base}/oidc/aanmelden/", allow_redirects=False, timeout=30)
    assert start.status_code == 302, start.text
    authorize = start.headers["Location"]
    assert authorize.startswith(f"{setup.issuer}/auth?")
    params = parse_qs(urlsplit(authorize).query)
    assert params["code_challenge_method"] == ["S256"] and params["code_challenge"][0]
    assert params["nonce"][0] and params["state"][0] and params["response_type"] == ["code"]
    form = http.get(authorize, timeout=30)  # → the provider's login page
    assert form.status_code == 200 and 'name="login"' in form.text, form.text
    url = form.url
    response = http.post(url, data={"login": login, "password": password}, allow_redirects=False, timeout=30)
    for _ in range(10):  # the provider's redirects (login → resume → consent → resume) until pbd's callback
        assert response.status_code in (302, 303), response.text
        url = urljoin(url, response.headers["Location"])
        if url.startswith(f"{setup.base}/oidc/callback/"):
            return url
        response = http.get(url, allow_redirects=False, timeout=30)
    raise AssertionError("the provider never redirected back to pbd")


def _login(setup: Setup, login: str, password: str) -> tuple[requests.Session, requests.Response]:
    http = requests.Session()
    callback = _to_callback(setup, http, login, password)
    return http, http.get(callback, timeout=30)


def _user(setup: Setup, sub: str) -> dict[str, Any]:
    rows = setup.db(
        "SELECT u.id, u.username, u.email, u.is_superuser, o.slug, u.password FROM web_oidcidentity i "
        "JOIN web_user u ON u.id = i.user_id JOIN web_organisation o ON o.id = u.organisation_id "
        "WHERE i.sub = ? AND i.issuer = ?",
        sub,
        setup.issuer,
    )
    assert len(rows) == 1, rows
    pk, username, email, superuser, org, password = rows[0]
    groups = {
        g
        for (g,) in setup.db(
            "SELECT g.name FROM auth_group g JOIN web_user_groups ug ON ug.group_id = g.id WHERE ug.user_id = ?", pk
        )
    }
    return {
        "pk": pk,
        "username": username,
        "email": email,
        "admin": bool(superuser),
        "org": org,
        "groups": groups,
        "password": password,
    }


def _logged_out(base: str, http: requests.Session) -> bool:
    page = http.get(f"{base}/dossiers/", allow_redirects=False, timeout=30)
    return page.status_code == 302 and page.headers["Location"].startswith("/login/")


@pytest.mark.slow
def test_login_page_offers_the_provider_and_keeps_local_login(live: Setup) -> None:
    page = requests.get(f"{live.base}/login/", timeout=30)
    assert page.status_code == 200
    assert 'href="/oidc/aanmelden/"' in page.text and "Inloggen met Test-IdP" in page.text
    assert 'name="password"' in page.text  # PBD_OIDC_ONLY is not set: local accounts still log in
    english = requests.Session()
    token = english.get(f"{live.base}/login/", timeout=30)
    csrf = token.text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    switched = english.post(
        f"{live.base}/taal/",
        data={"lang": "en", "next": "/login/", "csrfmiddlewaretoken": csrf},
        headers={"Referer": f"{live.base}/login/"},
        timeout=30,
    )
    assert "Log in with Test-IdP" in switched.text


@pytest.mark.slow
def test_code_flow_logs_in_maps_tenant_and_rights_and_resyncs(live: Setup) -> None:
    http, landed = _login(live, "anna-sub-1", ANNA["password"])
    assert landed.status_code == 200 and landed.url == f"{live.base}/dossiers/", landed.text
    assert "Mijn dossiers" in landed.text
    anna = _user(live, "anna-sub-1")
    assert anna["org"] == "gemeente-a"
    assert anna["groups"] == {"fg"} and anna["admin"]
    assert anna["username"] == "anna" and anna["email"] == ANNA["email"]
    assert anna["password"].startswith("!")  # unusable: no local password for a provider's account
    assert http.get(f"{live.base}/beheer/gebruikers/", timeout=30).status_code == 200  # admin right in effect
    events = live.db("SELECT kind, detail FROM web_auditevent WHERE user_id = ? ORDER BY id", anna["pk"])
    kinds = [kind for kind, _ in events]
    assert kinds == ["role_change", "login"]
    assert json.loads(events[0][1]) == {
        "method": "oidc",
        "scope": "organisation",
        "added": ["admin", "fg"],
        "removed": [],
    }
    assert json.loads(events[1][1]) == {"method": "oidc", "issuer": live.issuer}

    # the provider takes the administrator role away and changes the email: same account (by sub), right gone
    live.set_account("anna-sub-1", {**ANNA, "email": "a.devries@gemeente-a.nl", "roles": ["pbd-fg"]})
    again, landed = _login(live, "anna-sub-1", ANNA["password"])
    assert landed.url == f"{live.base}/dossiers/"
    after = _user(live, "anna-sub-1")
    assert after["pk"] == anna["pk"] and after["email"] == "a.devries@gemeente-a.nl"
    assert after["groups"] == {"fg"} and not after["admin"]
    assert again.get(f"{live.base}/beheer/gebruikers/", timeout=30).status_code == 403
    change = live.db(
        "SELECT detail FROM web_auditevent WHERE user_id = ? AND kind = 'role_change' ORDER BY id", anna["pk"]
    )
    assert json.loads(change[-1][0])["removed"] == ["admin"]

    live.set_account("anna-sub-1", {**ANNA, "roles": []})
    _login(live, "anna-sub-1", ANNA["password"])
    assert _user(live, "anna-sub-1")["groups"] == set()
    assert live.db("SELECT COUNT(*) FROM web_oidcidentity") == [(1,)]
    live.set_account("anna-sub-1", ANNA)


@pytest.mark.slow
def test_unknown_organisation_is_refused_with_a_page(live: Setup) -> None:
    http, refused = _login(live, "bob-sub-2", BOB["password"])
    assert refused.status_code == 403
    assert "gemeente-onbekend" in refused.text and "kent deze server niet" in refused.text
    assert _logged_out(live.base, http)
    assert live.db("SELECT COUNT(*) FROM web_oidcidentity WHERE sub = 'bob-sub-2'") == [(0,)]
    assert live.db("SELECT COUNT(*) FROM web_user WHERE email = ?", BOB["email"]) == [(0,)]
    (detail,) = live.db(
        "SELECT detail FROM web_auditevent WHERE kind = 'login_failed' AND username = 'oidc:bob-sub-2'"
    )[0]
    assert json.loads(detail) == {
        "method": "oidc",
        "reason": "unknown_organisation",
        "organisation": "gemeente-onbekend",
        "email": BOB["email"],
    }


@pytest.mark.slow
def test_tampered_state_is_refused(live: Setup) -> None:
    http = requests.Session()
    callback = _to_callback(live, http, "anna-sub-1", ANNA["password"])
    parts = urlsplit(callback)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query["code"] and query["state"]
    query["state"] = query["state"][:-1] + ("A" if query["state"][-1] != "A" else "B")
    refused = http.get(urlunsplit(parts._replace(query=urlencode(query))), timeout=30)
    assert refused.status_code == 400
    assert "state, nonce of handtekening klopt niet" in refused.text
    assert _logged_out(live.base, http)
    # the same callback without a login started in this browser (no state in its session): refused too
    stranger = requests.get(callback, timeout=30)
    assert stranger.status_code in (400, 403) and "niet aangemeld" in stranger.text


def _local_login(base: str, username: str, password: str) -> tuple[requests.Session, requests.Response]:
    http = requests.Session()
    page = http.get(f"{base}/login/", timeout=30)
    csrf = page.text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    sent = http.post(
        f"{base}/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": csrf},
        headers={"Referer": f"{base}/login/"},
        allow_redirects=False,
        timeout=30,
    )
    return http, sent


@pytest.mark.slow
def test_local_login_stays_unless_oidc_only(live: Setup) -> None:
    username, password = live.admin
    _, sent = _local_login(live.base, username, password)
    assert sent.status_code == 302 and sent.headers["Location"] == "/dossiers/"  # both ways in, by default
    port = _free_port()
    only = _start(
        [sys.executable, str(ROOT / "cli.py"), "serve", "--data", str(live.data), "--port", str(port)],
        _clean_env(
            PBD_OIDC_ISSUER=live.issuer,
            PBD_OIDC_CLIENT_ID=CLIENT_ID,
            PBD_OIDC_CLIENT_SECRET=CLIENT_SECRET,
            PBD_OIDC_PROVIDER_NAME="Test-IdP",
            PBD_OIDC_ONLY="1",
        ),
        live.data / "only.log",
    )
    try:
        _wait_for(only, "pbd serve: http://", 120, live.data / "only.log")
        base = f"http://127.0.0.1:{port}"
        page = requests.get(f"{base}/login/", timeout=30)
        assert "Inloggen met Test-IdP" in page.text and 'name="password"' not in page.text
        http = requests.Session()
        http.get(f"{base}/login/", timeout=30)
        csrf = http.cookies.get("pbd_csrf")
        assert csrf
        refused = http.post(
            f"{base}/login/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": csrf},
            headers={"Referer": f"{base}/login/", "X-CSRFToken": csrf},
            allow_redirects=False,
            timeout=30,
        )
        assert refused.status_code in (400, 401), refused.text  # a local password opens nothing
        assert _logged_out(base, http)
    finally:
        _stop(only)


@pytest.mark.slow
def test_serve_check_says_when_the_provider_cannot_be_reached(tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{_free_port()}"
    out = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "serve", "--check", "--data", str(tmp_path)],
        capture_output=True,
        text=True,
        env=_clean_env(PBD_OIDC_ISSUER=dead, PBD_OIDC_CLIENT_ID="pbd", PBD_OIDC_CLIENT_SECRET="x"),
        timeout=120,
        check=False,
    )
    assert out.returncode == 2, out.stdout + out.stderr
    assert out.stderr.startswith(
        f"Error: PBD_OIDC_ISSUER: cannot read the provider's discovery document {dead}/.well-known/openid-configuration"
    ), out.stderr
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


# -- the backend's own checks and the claim mapping, without a provider -----------------------------------


@pytest.fixture
def backend(settings: Any, db: None) -> Any:
    """pbd's backend with a configuration in settings and a signing key of its own (no provider)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from django.test import RequestFactory

    from pbd.web.oidc import Backend

    cfg = oidc(_env(PBD_OIDC_ROLE_MAP="pbd-fg=fg,pbd-beheer=admin"), _fetch(_document()))
    assert cfg is not None
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    settings.OIDC = cfg
    for name, value in cfg.django_settings().items():
        setattr(settings, name, value)
    settings.OIDC_RP_IDP_SIGN_KEY = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    b = Backend()
    b.request = RequestFactory().get("/oidc/callback/")
    b.signing_key = key
    b.cfg = cfg
    return b


def _token(backend: Any, **claims: Any) -> str:
    import jwt

    body = {"iss": backend.cfg.issuer, "aud": "pbd", "sub": "s-1", "nonce": "n", "exp": int(time.time()) + 300}
    body.update(claims)
    return str(jwt.encode({k: v for k, v in body.items() if v is not None}, backend.signing_key, algorithm="RS256"))


def test_backend_checks_issuer_audience_and_nonce(backend: Any) -> None:
    from django.core.exceptions import SuspiciousOperation

    assert backend.verify_token(_token(backend), nonce="n")["sub"] == "s-1"
    assert backend.verify_token(_token(backend, aud=["pbd", "other"], azp="pbd"), nonce="n")["sub"] == "s-1"
    cases: list[tuple[dict[str, Any], str]] = [
        ({"iss": "https://evil.example.nl"}, "issuer"),
        ({"aud": "another-client"}, "audience"),
        ({"aud": ["pbd", "other"]}, "azp"),
        ({"nonce": "replayed"}, "Nonce"),
    ]
    for bad, why in cases:
        with pytest.raises(SuspiciousOperation, match=why):
            backend.verify_token(_token(backend, **bad), nonce="n")


def test_backend_maps_claims_and_refuses_what_it_cannot_place(backend: Any) -> None:
    from pbd.web.models import OidcIdentity, Organisation, User
    from pbd.web.rights import rights_of

    org = Organisation.objects.create(slug="gemeente-a", name="Gemeente A")
    other = Organisation.objects.create(slug="gemeente-b", name="Gemeente B")
    User.objects.create_user("anna", password="x" * 20, organisation=other)  # a local account of that name
    claims = {"sub": "s-1", "email": "anna@a.nl", "preferred_username": "Anna", "organisation": "gemeente-a"}
    user = backend.map_user({**claims, "roles": ["pbd-fg", "pbd-beheer"]})
    assert user.username == "anna-2" and user.organisation == org and not user.has_usable_password()
    assert rights_of(user) == {"fg", "admin"}
    # the same sub with another email is the same person; a new email with the old sub's address is not
    again = backend.map_user({**claims, "email": "a.devries@a.nl", "roles": "pbd-fg"})
    assert again.pk == user.pk and rights_of(again) == {"fg"}
    newcomer = backend.map_user({**claims, "sub": "s-2", "preferred_username": "anna"})
    assert newcomer.pk != user.pk and OidcIdentity.objects.count() == 2

    def refused(found: dict[str, Any]) -> str:
        backend.request = backend.request.__class__(backend.request.environ)
        assert backend.map_user(found) is None
        return str(backend.request.pbd_oidc_refusal.reason)

    assert refused({**claims, "organisation": "gemeente-x"}) == "unknown_organisation"
    assert refused({k: v for k, v in claims.items() if k != "organisation"}) == "no_organisation"
    assert refused({**claims, "organisation": "gemeente-b"}) == "organisation_changed"
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert refused(claims) == "inactive"
    assert User.objects.filter(organisation=org).count() == 2  # nobody was created by a refusal


@pytest.mark.slow
def test_rights_are_rechecked_within_a_session(live: Setup) -> None:
    live.set_account("anna-sub-1", ANNA)
    http, landed = _login(live, "anna-sub-1", ANNA["password"])
    assert landed.url == f"{live.base}/dossiers/"
    assert http.get(f"{live.base}/beheer/gebruikers/", timeout=30).status_code == 200
    logins = live.db("SELECT COUNT(*) FROM web_auditevent WHERE kind = 'login' AND username = 'anna'")
    live.set_account("anna-sub-1", {**ANNA, "roles": ["pbd-fg"]})  # the administrator role taken away
    time.sleep(RECHECK + 0.5)
    hx = http.get(f"{live.base}/beheer/gebruikers/", headers={"HX-Request": "true"}, allow_redirects=False, timeout=30)
    assert hx.status_code == 200  # an HTMX request is never sent to the provider; the right holds until a page
    page = http.get(f"{live.base}/beheer/gebruikers/", allow_redirects=False, timeout=30)
    assert page.status_code == 302 and page.headers["Location"].startswith(f"{live.issuer}/auth?")
    assert "prompt=none" in page.headers["Location"]
    again = http.get(page.headers["Location"], timeout=30)  # silently through the provider and back
    assert again.url == f"{live.base}/beheer/gebruikers/"
    assert again.status_code == 403  # the same session, without the administrator right
    assert _user(live, "anna-sub-1")["groups"] == {"fg"} and not _user(live, "anna-sub-1")["admin"]
    assert live.db("SELECT COUNT(*) FROM web_auditevent WHERE kind = 'login' AND username = 'anna'") == logins
    # the provider moves her to an organisation this server does not know: the next check ends the session
    live.set_account("anna-sub-1", {**ANNA, "organisation": "gemeente-onbekend"})
    time.sleep(RECHECK + 0.5)
    refused = http.get(f"{live.base}/dossiers/", timeout=30)
    assert refused.status_code == 403 and "gemeente-onbekend" in refused.text
    assert _logged_out(live.base, http)
    live.set_account("anna-sub-1", ANNA)


def test_a_parallel_first_login_finds_the_account_the_other_made(backend: Any) -> None:
    from pbd.web.models import OidcIdentity, Organisation, User
    from pbd.web.oidc import _first_login

    org = Organisation.objects.create(slug="gemeente-a", name="Gemeente A")
    claims = {"sub": "s-9", "preferred_username": "kees", "organisation": "gemeente-a"}
    won = _first_login(backend.cfg, "s-9", org, claims)  # the other request, first
    again = _first_login(backend.cfg, "s-9", org, claims)  # this one: its insert meets the constraint
    assert again.pk == won.pk and OidcIdentity.objects.filter(sub="s-9").count() == 1
    assert User.objects.filter(organisation=org).count() == 1  # its own new account was rolled back


def test_the_fg_role_follows_the_providers_roles_claim(backend: Any, client: Any) -> None:
    """The fg right mapped from the roles claim decides who may be FG of a dossier and whether an FG may sign;
    a role taken away at the provider (re-synced at the next login or re-check) stops the sign-off."""
    from pbd.web import services
    from pbd.web.models import AuditEvent, AuditKind, Membership, Organisation, SignOff, User

    org = Organisation.objects.create(slug="gemeente-a", name="Gemeente A")
    owner = User.objects.create_user("eigenaar", password="x" * 20, organisation=org)
    dossier = services.create_dossier(org.pk, "Camera's", services.blank_text("Camera's", None), owner, "n")
    claims = {"sub": "s-1", "email": "anna@a.nl", "preferred_username": "anna", "organisation": "gemeente-a"}
    anna = backend.map_user({**claims, "roles": ["pbd-fg"]})
    kees = backend.map_user({**claims, "sub": "s-2", "preferred_username": "kees", "roles": []})
    client.force_login(owner)
    members = f"/d/{dossier.pk}/leden/"
    assert client.post(members, {"action": "set", "username": "kees", "role": "fg"}).status_code == 400
    assert not Membership.objects.filter(dossier=dossier, user=kees).exists()  # no pbd-fg role at the provider
    assert client.post(members, {"action": "set", "username": "anna", "role": "fg"}).status_code == 302
    # the administrator's accounts page shows the provider's accounts with their rights, without a password button
    User.objects.filter(pk=owner.pk).update(is_superuser=True)
    page = client.get("/beheer/gebruikers/").content.decode()
    assert 'name="reset" value="anna"' not in page and f"Uit de rollen bij {backend.cfg.provider_name}" in page
    client.force_login(anna)
    advise = {"version": 1, "text": "Positief advies."}
    assert client.post(f"/d/{dossier.pk}/advies/", advise).status_code == 302
    backend.map_user({**claims, "roles": ["something-else"]})  # the provider took the FG role away
    assert client.post(f"/d/{dossier.pk}/advies/", advise).status_code == 403  # the same session
    assert SignOff.objects.filter(dossier=dossier).count() == 1
    assert Membership.objects.get(dossier=dossier, user=anna).role == "fg"
    removed = AuditEvent.objects.filter(kind=AuditKind.ROLE_CHANGE, user=anna).order_by("pk").last()
    assert removed is not None and removed.detail == {
        "method": "oidc", "scope": "organisation", "added": [], "removed": ["fg"],
    }  # fmt: skip


def test_the_password_page_sends_a_provider_account_to_the_provider(backend: Any, client: Any) -> None:
    from pbd.web.models import Organisation, User

    Organisation.objects.create(slug="gemeente-a", name="Gemeente A")
    anna = backend.map_user({"sub": "s-1", "preferred_username": "anna", "organisation": "gemeente-a"})
    anna.set_password("een oud lokaal wachtwoord 12")  # a hash from before, which must change nothing
    anna.save()
    client.force_login(anna)  # the session of a login through the provider
    page = client.get("/konto/wachtwoord/").content.decode()
    assert f"U meldt zich aan via {backend.cfg.provider_name}; uw wachtwoord wijzigt u daar" in page
    assert 'name="new_password1"' not in page
    new = "een heel ander wachtwoord 77"
    changed = {"old_password": "een oud lokaal wachtwoord 12", "new_password1": new, "new_password2": new}
    assert client.post("/konto/wachtwoord/", changed).status_code == 400
    assert User.objects.get(pk=anna.pk).check_password("een oud lokaal wachtwoord 12")  # unchanged
