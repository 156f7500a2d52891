"""Load test of the team server on loopback (issue 16): autosave latency and PDF throughput with 1 and 2 workers.

Bounded in users and seconds. It starts everything itself, on free loopback ports, in a temporary data folder:
a Redis (``redis-server``), ``pbd serve`` (waitress) and, per phase, 1 then 2 ``pbd worker`` processes
(Celery, one task at a time each). The database is SQLite in the data folder, or PostgreSQL when
``--database-url`` / ``PBD_BENCH_DATABASE_URL`` names a server where the role may create databases (a fresh
database ``pbd_bench_<pid>`` is made there and dropped afterwards; ``.ci/run``'s PBD_TEST_DATABASE_URL works).

Simulated users are plain threads with their own HTTP connection and session (no locust: its gevent
monkey-patching and Django's database connections do not mix well, and threads are enough to make 55 users):

* ``--users`` (50) editors, each on their own dossier: an autosave (``POST …/vragen/processings.0/opslaan/``,
  as the questionnaire's HTMX sends it: validate, append a version, judge it, build the live panel), then a
  pause of ``--think`` seconds (uniform, default 1–4 s: someone typing the next answer);
* ``--pdf-users`` (5) who each change their dossier (an autosave: a new version, so no PDF is reused) and ask
  for its DPIA PDF through the queue (``POST /d/<pk>/pdf/dpia/`` with ``Accept: application/json``), poll
  ``GET /d/<pk>/taken/<job>/`` until done, download the file and check it is a PDF; then again.

Each phase runs ``--seconds`` (60). Printed per phase: autosaves (count, median and p95 latency in ms, errors)
and PDFs finished within the phase (count, PDFs per minute, median seconds from request to file). Jobs still
under way at the end are finished before the workers stop, but not counted. Not a test: it never fails a build.

    python benchmarks/bench_load.py                         # 50 + 5 users, 60 s per phase, 1 and 2 workers
    python benchmarks/bench_load.py --users 2 --pdf-users 1 --seconds 5 --workers 1   # a smoke run
    PBD_BENCH_DATABASE_URL=postgresql://pbd_ci:pbd_ci@127.0.0.1:5433/pbd_ci python benchmarks/bench_load.py
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PASSWORD = "bench-password-" + "k" * 20
CSRF_COOKIE = "pbd_csrf"  # pbd.web.settings.CSRF_COOKIE_NAME


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_port(port: int, proc: subprocess.Popen[bytes], timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"Error: {what}: stopped at start (exit {proc.returncode}). See its log above.")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit(f"Error: {what}: not listening on port {port} after {timeout:.0f} s. Check its log.")


# -- one simulated user's HTTP session ---------------------------------------------------------------------


class Session:
    """A keep-alive connection with the session and CSRF cookies of one logged-in user."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, form: dict[str, Any] | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        h = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True).encode()
            h["Content-Type"] = "application/x-www-form-urlencoded"
        if method == "POST" and CSRF_COOKIE in self.cookies:
            h["X-CSRFToken"] = self.cookies[CSRF_COOKIE]
            h["Referer"] = f"http://127.0.0.1:{self.port}/"
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=h)
                r = self.conn.getresponse()
                data = r.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                if attempt == 2:
                    raise
        for key, value in r.getheaders():
            if key.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data

    def login(self, username: str) -> None:
        status, _, body = self.request("GET", "/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        assert status == 200 and token, (status, body[:200])
        status, _, body = self.request(
            "POST",
            "/login/",
            {"csrfmiddlewaretoken": token.group(1).decode(), "username": username, "password": PASSWORD},
        )
        if status != 302:
            raise SystemExit(f"Error: login of {username}: HTTP {status}. {body[:200]!r}")


# -- what the users measure ----------------------------------------------------------------------------------


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    saves: list[float] = field(default_factory=list)
    save_errors: int = 0
    pdfs: list[float] = field(default_factory=list)  # request → file, seconds, for PDFs finished in the phase
    pdf_errors: list[str] = field(default_factory=list)


def _autosave(s: Session, pk: int, i: int, tag: str) -> tuple[int, float]:
    """One autosave of the first processing's description (as the HTMX form posts it): status, seconds."""
    t0 = time.perf_counter()
    status, _, _ = s.request(
        "POST",
        f"/d/{pk}/vragen/processings.0/opslaan/",
        {
            "field": "processings.0.description",
            "value": f"Meting {tag} {i}: tellen van passanten per uur",
            "version": "",
        },
        {"HX-Request": "true"},
    )
    return status, time.perf_counter() - t0


def editor(s: Session, pk: int, tag: str, stop: threading.Event, tally: Tally, think: tuple[float, float]) -> None:
    rnd = random.Random(tag)
    stop.wait(rnd.uniform(0, think[1]))  # users do not all start typing in the same second
    i = 0
    while not stop.is_set():
        i += 1
        status, seconds = _autosave(s, pk, i, tag)
        with tally.lock:
            if status == 200:
                tally.saves.append(seconds)
            else:
                tally.save_errors += 1
        stop.wait(rnd.uniform(*think))


def pdf_user(s: Session, pk: int, tag: str, stop: threading.Event, end: list[float], tally: Tally) -> None:
    i = 0
    while not stop.is_set():
        i += 1
        status, _ = _autosave(s, pk, i, tag)  # a new version: its PDF is not made yet
        t0 = time.monotonic()
        status, _, body = s.request("POST", f"/d/{pk}/pdf/dpia/", {"lang": "nl"}, {"Accept": "application/json"})
        if status not in (200, 202):
            with tally.lock:
                tally.pdf_errors.append(f"request HTTP {status}")
            stop.wait(1)
            continue
        job = json.loads(body)
        while job["status"] in ("queued", "running"):
            time.sleep(0.25)
            status, _, body = s.request("GET", f"/d/{pk}/taken/{job['id']}/", headers={"Accept": "application/json"})
            job = json.loads(body)
        if job["status"] != "done":
            with tally.lock:
                tally.pdf_errors.append(f"job {job['id']}: {job['status']}: {job.get('error')}")
            continue
        status, _, pdf = s.request("GET", job["download"])
        finished = time.monotonic()
        with tally.lock:
            if status != 200 or not pdf.startswith(b"%PDF") or b"%%EOF" not in pdf[-1024:]:
                tally.pdf_errors.append(f"job {job['id']}: download HTTP {status}, {len(pdf)} bytes")
            elif finished <= end[0]:
                tally.pdfs.append(finished - t0)


# -- the set-up ------------------------------------------------------------------------------------------------


def _database(url: str | None) -> tuple[str | None, Any]:
    """The database URL for the run and a clean-up; a fresh PostgreSQL database when a server is given."""
    if not url:
        return None, lambda: None
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = f"pbd_bench_{os.getpid()}"
    admin = psycopg.connect(url, autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}")), drop


def _prepare(n: int, example: Path) -> list[tuple[str, int]]:
    """Migrate, make one organisation with n users, each owning a dossier of ``example``: (user name, dossier pk)."""
    from pbd.web.server import configure, migrate

    configure(Path(os.environ["PBD_DATA"]))
    migrate()
    from django.db import connections

    from pbd.web import services
    from pbd.web.models import Organisation, User

    org = Organisation.objects.create(slug="bench", name="Gemeente Benchmark")
    text = example.read_text(encoding="utf-8")
    out = []
    hashed = None
    for i in range(n):
        user = User(username=f"gebruiker{i:02d}", organisation=org)
        if hashed is None:
            user.set_password(PASSWORD)
            hashed = user.password
        user.password = hashed  # one Argon2 hash for all: set_password 55 times would take a while
        user.save()
        dossier = services.create_dossier(org.pk, f"{example.stem} {i:02d}", text, user, "bench")
        out.append((user.username, dossier.pk))
    connections.close_all()
    return out


def _start(argv: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    fh = log.open("ab")
    return subprocess.Popen(argv, env=env, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _percentile(xs: list[float], q: float) -> float:
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _phase(
    n_workers: int, args: argparse.Namespace, port: int, env: dict[str, str], work: Path, people: list[tuple[str, int]]
) -> dict[str, Any]:
    pbd = [sys.executable, str(ROOT / "cli.py")]
    workers = [
        _start(
            [*pbd, "worker", "--concurrency", "1", "--loglevel", "WARNING"], env, work / f"worker{n_workers}-{w}.log"
        )
        for w in range(n_workers)
    ]
    time.sleep(args.warmup)  # the workers connect to Redis and load the knowledge base
    sessions = []
    for username, pk in people:
        s = Session(port)
        s.login(username)
        sessions.append((s, pk, username))
    tally, stop, end = Tally(), threading.Event(), [0.0]
    editors, pdfs = sessions[: args.users], sessions[args.users :]
    threads = [
        threading.Thread(target=editor, args=(s, pk, u, stop, tally, (args.think_min, args.think_max)), daemon=True)
        for s, pk, u in editors
    ] + [threading.Thread(target=pdf_user, args=(s, pk, u, stop, end, tally), daemon=True) for s, pk, u in pdfs]
    load0 = os.getloadavg()[0]
    started = time.monotonic()
    end[0] = started + args.seconds
    for t in threads:
        t.start()
    time.sleep(args.seconds)
    stop.set()
    for t in threads:  # the last requests and the PDFs under way finish (not counted when after the end)
        t.join(timeout=args.drain)
    load1 = os.getloadavg()[0]
    for w in workers:
        _stop(w)
    saves = tally.saves
    return {
        "workers": n_workers,
        "editors": len(editors),
        "pdf_users": len(pdfs),
        "seconds": args.seconds,
        "autosaves": len(saves),
        "autosave_errors": tally.save_errors,
        "autosave_median_ms": round(1000 * statistics.median(saves)) if saves else None,
        "autosave_p95_ms": round(1000 * _percentile(saves, 0.95)) if saves else None,
        "pdfs": len(tally.pdfs),
        "pdfs_per_min": round(len(tally.pdfs) / (args.seconds / 60), 1),
        "pdf_median_s": round(statistics.median(tally.pdfs), 1) if tally.pdfs else None,
        "pdf_errors": tally.pdf_errors[:5],
        "load_before": round(load0, 1),
        "load_after": round(load1, 1),
        "still_running": sum(t.is_alive() for t in threads),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50, help="editors (autosave)")
    parser.add_argument("--pdf-users", type=int, default=5, help="users asking for PDFs through the queue")
    parser.add_argument("--seconds", type=float, default=60, help="length of each phase")
    parser.add_argument("--workers", default="1,2", help="worker processes per phase, e.g. 1,2")
    parser.add_argument("--think-min", type=float, default=1.0)
    parser.add_argument("--think-max", type=float, default=4.0)
    parser.add_argument("--threads", type=int, default=8, help="pbd serve --threads")
    parser.add_argument("--example", default="slimme-straatverlichting", help="the description of every dossier")
    parser.add_argument("--database-url", default=os.environ.get("PBD_BENCH_DATABASE_URL", ""))
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds for the workers to start")
    parser.add_argument("--drain", type=float, default=180.0, help="seconds to let the last PDFs finish")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (data, logs)")
    args = parser.parse_args()
    if args.users + args.pdf_users > 200 or args.seconds > 600:
        raise SystemExit("Error: --users/--seconds: bounded at 200 users and 600 s per phase. Ask for less.")
    phases = [int(x) for x in args.workers.split(",") if x.strip()]
    if not shutil.which("redis-server"):
        raise SystemExit("Error: redis-server: not found. Install Redis (apt-get install redis-server).")
    example = ROOT / "examples" / f"{args.example}.yaml"
    if not example.is_file():
        raise SystemExit(f"Error: --example {args.example}: no such example in examples/. Give a file's stem.")

    work = Path(tempfile.mkdtemp(prefix="pbd-bench-load-"))
    redis_port, web_port = _free_port(), _free_port()
    url, drop = _database(args.database_url or None)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PBD_", "DJANGO_"))}
    env.update(
        PBD_DATA=str(work / "data"),
        PBD_SECRET_KEY=secrets.token_urlsafe(50),
        PBD_BROKER_URL=f"redis://127.0.0.1:{redis_port}/0",
        PBD_SECURE_COOKIES="0",
    )
    if url:
        env["PBD_DATABASE_URL"] = url
    procs: list[subprocess.Popen[bytes]] = []
    try:
        procs.append(
            _start(
                ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                env,
                work / "redis.log",
            )
        )
        _wait_port(redis_port, procs[-1], 20, "redis-server")
        os.environ.update(env)
        for key in [k for k in os.environ if k.startswith("PBD_") and k not in env]:
            del os.environ[key]
        people = _prepare(args.users + args.pdf_users, example)
        web = _start(
            [sys.executable, str(ROOT / "cli.py"), "serve", "--port", str(web_port), "--threads", str(args.threads)],
            env,
            work / "web.log",
        )
        procs.append(web)
        _wait_port(web_port, web, 60, "pbd serve")
        db = "PostgreSQL" if url else "SQLite"
        print(
            f"pbd load test: {args.users} editors + {args.pdf_users} PDF users, {args.seconds:.0f} s per phase, "
            f"think {args.think_min:g}–{args.think_max:g} s, {args.example}, {db}, waitress {args.threads} threads, "
            f"{os.cpu_count()} CPUs" + (f" (logs: {work})" if args.keep else ""),
            flush=True,
        )
        results = []
        for n in phases:
            r = _phase(n, args, web_port, env, work, people)
            results.append(r)
            print(json.dumps(r, sort_keys=True), flush=True)
        print()
        print("workers | autosaves | median ms | p95 ms | errors | PDFs | PDFs/min | PDF median s | load 1 min")
        for r in results:
            print(
                f"{r['workers']:>7} | {r['autosaves']:>9} | {r['autosave_median_ms']!s:>9} | {r['autosave_p95_ms']!s:>6} "
                f"| {r['autosave_errors'] + len(r['pdf_errors']):>6} | {r['pdfs']:>4} | {r['pdfs_per_min']:>8} "
                f"| {r['pdf_median_s']!s:>12} | {r['load_before']}→{r['load_after']}"
            )
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    finally:
        for p in reversed(procs):
            _stop(p)
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # Django was perhaps never configured
            pass
        drop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
