"""``PBD_TRUSTED_PROXY``: behind the municipality's reverse proxy, the client's address (login throttle, audit log)
and the scheme come from that proxy's X-Forwarded-* headers — and from nobody else's. A real ``pbd serve``."""

from __future__ import annotations

import http.cookiejar
import re
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from pbd.web.config import ConfigError
from pbd.web.server import proxy_settings
from tests.web.test_serve import ROOT, _env, _free_port, _pbd


def test_proxy_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PBD_TRUSTED_PROXY", raising=False)
    assert proxy_settings() == {}
    monkeypatch.setenv("PBD_TRUSTED_PROXY", "10.0.0.5")
    got = proxy_settings()
    assert got["trusted_proxy"] == "10.0.0.5" and got["trusted_proxy_count"] == 1
    assert got["trusted_proxy_headers"] == {"x-forwarded-for", "x-forwarded-proto"}
    assert got["clear_untrusted_proxy_headers"] is True
    monkeypatch.setenv("PBD_TRUSTED_PROXY", "proxy.intern")
    with pytest.raises(ConfigError) as err:
        proxy_settings()
    assert err.value.line().startswith("Error: PBD_TRUSTED_PROXY: 'proxy.intern' is not an IP address.")


def test_a_trusted_proxy_that_is_not_an_address_fails_the_health_check(tmp_path: Path) -> None:
    out = _pbd("serve", "--check", "--data", str(tmp_path), env=_env(PBD_TRUSTED_PROXY="proxy.intern"))
    assert out.returncode == 2 and out.stderr.count("\n") == 1, out
    assert out.stderr.startswith("Error: PBD_TRUSTED_PROXY:")


def _failed_login_ip(tmp_path: Path, **env: str) -> str | None:
    """Start pbd serve with ``env``, fail one login with X-Forwarded-For: 203.0.113.9; the address in the audit log."""
    port = _free_port()
    data = tmp_path / "data"
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), "serve", "--data", str(data), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(**env),
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not proc.stdout.readline().startswith("pbd serve: http://"):
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        base = f"http://127.0.0.1:{port}"
        page = opener.open(f"{base}/login/", timeout=30).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token is not None
        form = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), "username": "x", "password": "fout"})
        request = urllib.request.Request(
            f"{base}/login/", data=form.encode(), headers={"X-Forwarded-For": "203.0.113.9"}
        )
        try:
            opener.open(request, timeout=30).read()
        except urllib.error.HTTPError as err:  # a refused login may answer 200 or 4xx; either is fine here
            assert err.code < 500, err.code
    finally:
        proc.terminate()
        proc.communicate(timeout=30)  # reads and closes the pipes
    with sqlite3.connect(data / "pbd.sqlite3") as db:
        row = db.execute("SELECT ip FROM web_auditevent WHERE kind = 'login_failed' ORDER BY id DESC").fetchone()
    assert row is not None
    return str(row[0]) if row[0] is not None else None


@pytest.mark.slow
def test_the_client_address_comes_from_the_trusted_proxy_only(tmp_path: Path) -> None:
    assert _failed_login_ip(tmp_path / "a", PBD_TRUSTED_PROXY="127.0.0.1") == "203.0.113.9"
    assert _failed_login_ip(tmp_path / "b") == "127.0.0.1"  # nobody is trusted: the header is ignored
    assert _failed_login_ip(tmp_path / "c", PBD_TRUSTED_PROXY="10.0.0.5") == "127.0.0.1"  # another proxy's word
