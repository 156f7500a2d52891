"""``pbd serve``: the CLI never imports Django until serve runs; start-up errors are one ``Error:`` line and exit 2; it really serves."""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env(**extra: str) -> dict[str, str]:
    """The environment of a fresh ``pbd``: without the test run's Django settings and data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PBD_", "DJANGO_"))}
    env.update(extra)
    return env


def _pbd(*args: str, env: dict[str, str] | None = None, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args],
        capture_output=True,
        text=True,
        env=env or _env(),
        timeout=timeout,
        check=False,
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_importing_the_cli_does_not_import_django() -> None:
    code = "import sys, pbd.cli; print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'waitress', 'psycopg')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_serve_is_listed_with_help() -> None:
    out = _pbd("serve", "--help")
    assert out.returncode == 0
    assert "--data" in out.stdout and "--admin-email" in out.stdout and "PBD_DATABASE_URL" in out.stdout


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u@h/db", "unsupported database scheme 'mysql'"),
        ("postgresql://u@localhost", "the URL names no database"),
        ("postgresql://u@localhost:notaport/db", "the port is not a number"),
        ("postgresql://nobody@127.0.0.1:1/pbd?connect_timeout=2", "database: cannot be reached or migrated"),
    ],
)
def test_a_bad_database_url_is_one_error_line(url: str, message: str, tmp_path: Path) -> None:
    out = _pbd("serve", "--data", str(tmp_path), "--port", str(_free_port()), env=_env(PBD_DATABASE_URL=url))
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), out.stderr
    assert message in lines[0]
    assert "Traceback" not in out.stderr


def test_without_django_serve_says_how_to_install_it(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['django'] = None; from pbd.cli import main; "
        f"main(['serve', '--data', {str(tmp_path)!r}])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=False, cwd=ROOT
    )
    assert out.returncode == 2
    assert out.stderr.strip() == (
        "Error: pbd serve: the web extra is not installed (django is missing). Install it: pip install 'pbd[web]'."
    )


def test_a_busy_port_is_one_error_line(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        out = _pbd("serve", "--data", str(tmp_path), "--port", str(port))
    assert out.returncode == 2, out.stderr
    assert (
        out.stderr.strip()
        == f"Error: 127.0.0.1:{port}: the port is already in use. Stop the other program or choose another --port."
    )


@pytest.mark.slow
def test_serve_migrates_creates_the_admin_and_serves(tmp_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "cli.py"),
            "serve",
            "--data",
            str(tmp_path),
            "--port",
            str(port),
            "--admin-email",
            "FG@Gemeente.nl",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        lines: list[str] = []
        assert proc.stdout is not None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if line.startswith("pbd serve: http://"):
                break
        output = "".join(lines)
        assert f"pbd serve: http://127.0.0.1:{port}/" in output, output + (
            proc.stderr.read() if proc.poll() is not None and proc.stderr else ""
        )
        found = re.search(r"user name (\S+), one-time password (\S+)", output)
        assert found is not None, output
        username, password = found.groups()
        assert username == "fg@gemeente.nl"
        assert (tmp_path / "pbd.sqlite3").exists()
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        base = f"http://127.0.0.1:{port}"
        page = opener.open(f"{base}/login/", timeout=30).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token is not None
        form = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token.group(1), "username": username, "password": password}
        )
        request = urllib.request.Request(f"{base}/login/", data=form.encode(), headers={"Referer": f"{base}/login/"})
        landed = opener.open(request, timeout=30)
        assert landed.geturl() == f"{base}/dossiers/"
        assert "Mijn dossiers" in landed.read().decode()
        css = opener.open(f"{base}/static/web/htmx.min.js", timeout=30)
        assert css.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    with socket.socket() as busy:  # a second start: no new administrator (then the busy port stops it)
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        second = _pbd("serve", "--data", str(tmp_path), "--port", str(busy.getsockname()[1]))
    assert "one-time password" not in second.stdout
    assert second.returncode == 2 and second.stderr.startswith("Error: 127.0.0.1:")
