"""Background jobs on the real queue: two ``pbd worker`` processes (Celery) on Redis and one file SQLite database;
20 PDF jobs, one worker SIGKILLed once mid-job; every PDF arrives whole, no partial or temporary file remains.

The PDFs are art. 25 reports of small descriptions (a blank project, as a new dossier has): ~2 s each on
these machines, so the test stays well under 90 s; the DPIA of a large example takes ~20 s and proves
nothing more about the queue.

The database: a fresh PostgreSQL database next to ``PBD_TEST_DATABASE_URL`` when that is set (as in CI),
else a file SQLite in the test's data folder; migrations applied by ``pbd tenant create`` in a subprocess.

Redis: ``PBD_TEST_REDIS_URL`` (``.ci/run`` starts one on loopback and sets it); without it, a
``redis-server`` on the PATH is started for the test on a free loopback port; without either the
test is skipped, saying so, except under CI (``CI`` set), where it fails: CI must run it.
"""

from __future__ import annotations

import hashlib
import io
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from .test_serve import ROOT, _env

pytestmark = pytest.mark.slow

JOBS = 20
#: a redelivery of a killed worker's message comes after this many seconds (Redis visibility timeout)
VISIBILITY = 6
#: the wait for all 20, generous for a loaded machine (6 engineers on 2 cores: ~5 s a PDF); idle, it takes ~40 s
DEADLINE = 240.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    given = os.environ.get("PBD_TEST_REDIS_URL", "").strip()
    if given:
        yield given
        return
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but there is no Redis: .ci/run must install redis-server and set PBD_TEST_REDIS_URL")
        pytest.skip("no Redis: set PBD_TEST_REDIS_URL or install redis-server (apt-get install redis-server)")
    port = _free_port()
    proc = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


#: run in a fresh interpreter on the test's data folder: an owner, JOBS dossiers, one art. 25 job for each
ENQUEUE = f"""
import django
django.setup()
from pbd.web import jobs, services
from pbd.web.models import Organisation, User
org = Organisation.objects.get(slug="queue")
owner = User.objects.create_user(username="owner", password="x" * 20, organisation=org)
ids = []
for i in range({JOBS}):
    title = f"Project {{i:02d}}"
    d = services.create_dossier(org.pk, title, services.blank_text(title, "Gemeente Test"), owner, "test")
    job, _ = jobs.enqueue_pdf(d, d.latest(), "art25", "nl", owner)
    ids.append(job.pk)
print(",".join(map(str, ids)))
"""


ROWS = "SELECT id, status, attempts, worker, result_path, result_sha256 FROM web_job ORDER BY id"
Rows = Callable[[], list[tuple[Any, ...]]]


@pytest.fixture
def database(tmp_path: Path) -> Iterator[tuple[str, dict[str, str], Rows]]:
    """The shared database: a fresh PostgreSQL database beside PBD_TEST_DATABASE_URL's (dropped after), else a
    file SQLite in the data folder. Yields its name, the environment the processes need, and a reader of the jobs."""
    url = os.environ.get("PBD_TEST_DATABASE_URL", "").strip()
    if not url:
        db = tmp_path / "web" / "pbd.sqlite3"

        def sqlite_rows() -> list[tuple[Any, ...]]:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=20) as con:
                return [tuple(r) for r in con.execute(ROWS).fetchall()]

        yield "SQLite", {}, sqlite_rows
        return
    import psycopg

    parts = urlsplit(url)
    name = f"pbd_jobs_{secrets.token_hex(4)}"
    own = urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')

    def pg_rows() -> list[tuple[Any, ...]]:
        with psycopg.connect(own, autocommit=True) as con:
            return [tuple(r) for r in con.execute(ROWS).fetchall()]

    try:
        yield "PostgreSQL", {"PBD_DATABASE_URL": own}, pg_rows
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _start_worker(env: dict[str, str], data: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, str(ROOT / "cli.py"), "worker", "--concurrency", "1", "--data", str(data)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # its own process group: SIGKILL takes the whole worker, as a crash would
        )


def _wait_ready(log: Path, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if " ready." in log.read_text(errors="replace"):
            return
        if proc.poll() is not None:
            pytest.fail(f"the worker stopped: {log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.2)
    pytest.fail(f"the worker did not get ready: {log.read_text(errors='replace')[-2000:]}")


def test_twenty_pdfs_through_two_workers_one_killed_mid_job(
    tmp_path: Path, redis_url: str, database: tuple[str, dict[str, str], Rows]
) -> None:
    from pypdf import PdfReader

    backend, db_env, _rows = database

    started = time.monotonic()
    data = tmp_path / "web"
    env = _env(
        PBD_DATA=str(data),
        PBD_BROKER_URL=redis_url,
        PBD_BROKER_VISIBILITY_TIMEOUT=str(VISIBILITY),
        PBD_JOB_HEARTBEAT="1",
        PBD_JOB_RETRY_BACKOFF="1",
        PBD_SECRET_KEY="test-only-" + "q" * 40,
        **db_env,
    )
    # the schema, by the command a team server runs (migrations applied in a subprocess)
    made = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "tenant", "create", "queue", "--data", str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    logs = [tmp_path / "worker-a.log", tmp_path / "worker-b.log"]
    workers = [_start_worker(env, data, log) for log in logs]
    try:
        for proc, log in zip(workers, logs, strict=True):
            _wait_ready(log, proc)
        out = subprocess.run(
            [sys.executable, "-c", ENQUEUE],
            env={**env, "DJANGO_SETTINGS_MODULE": "pbd.web.settings"},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=ROOT,
        )
        assert out.returncode == 0, out.stderr[-3000:]
        ids = [int(x) for x in out.stdout.strip().split(",")]
        assert len(ids) == JOBS
        # SIGKILL worker A once, while it runs a job
        victim, killed_job = workers[0], None
        while time.monotonic() - started < DEADLINE and killed_job is None:
            for pk, status, _, worker, _, _ in _rows():
                if status == "running" and worker.split(":")[1:2] == [str(victim.pid)]:
                    time.sleep(0.3)  # well into the job: the engine has judged, the PDF is being written
                    os.killpg(victim.pid, signal.SIGKILL)
                    victim.wait(timeout=10)
                    killed_job = pk
                    break
            time.sleep(0.05)
        assert killed_job is not None, "worker A never ran a job"
        killed_at = time.monotonic() - started
        # as a supervisor (compose's restart policy, systemd) would: a new worker in A's place, so two share the rest
        logs.append(tmp_path / "worker-a2.log")
        workers.append(_start_worker(env, data, logs[-1]))
        while time.monotonic() - started < DEADLINE:
            rows = _rows()
            if all(r[1] in ("done", "failed") for r in rows):
                break
            time.sleep(0.5)
        rows = _rows()
        summary = {pk: (status, attempts) for pk, status, attempts, *_ in rows}
        assert all(status == "done" for status, _ in summary.values()), (summary, logs[1].read_text()[-3000:])
        assert summary[killed_job][1] >= 2, summary[killed_job]  # started again after the kill
        for pk, _, _, _, path, sha in rows:
            body = (data / path).read_bytes()
            assert body.startswith(b"%PDF-") and body.rstrip().endswith(b"%%EOF"), pk
            assert hashlib.sha256(body).hexdigest() == sha, pk
            assert len(PdfReader(io.BytesIO(body)).pages) >= 1
        files = sorted(p.name for p in (data / "jobs").rglob("*") if p.is_file())
        assert len(files) == JOBS, files  # one PDF per job, nothing else
        assert not [f for f in files if f.endswith(".tmp") or f.startswith(".")], files
        elapsed = time.monotonic() - started
        print(f"\n{JOBS} PDFs through 2 workers on {backend} (one killed once at {killed_at:.1f} s) in {elapsed:.1f} s")
    finally:
        for proc in workers:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in workers:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
