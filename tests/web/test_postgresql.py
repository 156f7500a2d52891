"""The web dossier's model and view tests, once more against PostgreSQL (the team server's database).

``.ci/run`` starts a PostgreSQL cluster on loopback and sets ``PBD_TEST_DATABASE_URL``; this test then
reruns ``tests/web`` (the browser tests in ``tests/web/e2e`` and the slow tests aside) in a child pytest
with ``PBD_WEB_TEST_BACKEND=postgresql``, so the migrations and every query run on both databases.
Without the URL it is skipped, and says so.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_web_tests_pass_on_postgresql() -> None:
    url = os.environ.get("PBD_TEST_DATABASE_URL")
    if not url:
        pytest.skip(
            "PBD_TEST_DATABASE_URL is not set, so the web tests ran on SQLite only; "
            "set it to postgresql://USER:PASSWORD@127.0.0.1:5432/NAME (a role with CREATEDB) as .ci/run does"
        )
    if os.environ.get("PBD_WEB_TEST_BACKEND") == "postgresql":
        pytest.skip("this is the PostgreSQL run itself")
    env = {**os.environ, "PBD_WEB_TEST_BACKEND": "postgresql", "PBD_DATABASE_URL": url}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/web",
            "--ignore=tests/web/e2e",
            "-m",
            "not slow",
            "-p",
            "no:cacheprovider",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    tail = "\n".join((out.stdout + out.stderr).strip().splitlines()[-40:])
    assert out.returncode == 0, tail
    passed = re.search(r"(\d+) passed", out.stdout)
    assert passed is not None and int(passed.group(1)) > 100, tail  # the folder really ran, not a handful


def test_the_postgresql_run_really_uses_postgresql(db: None) -> None:
    from django.db import connection

    expected = "postgresql" if os.environ.get("PBD_WEB_TEST_BACKEND") == "postgresql" else "sqlite"
    assert connection.vendor == expected
