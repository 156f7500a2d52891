"""Background jobs of the web dossier (issue 16): PDF rendering, folder imports, the portfolio re-check.

One task body, two runners. :func:`run` does the work of one :class:`~pbd.web.models.Job` row;
who calls it depends on the configuration:

``celery``  ``PBD_BROKER_URL`` is set (the team server): the web process publishes the job's id to
            Redis and any ``pbd worker`` on any machine sharing the database and the broker runs it
            (:mod:`pbd.web.tasks`).
``thread``  the embedded default (``pbd serve`` alone): a small pool of threads in the web process.
            Not "synchronously after the response": waitress has no hook after a response, and a
            DPIA of a large dossier takes ~20 s, which would hold one of the server's few request
            threads the whole time. A thread lets the page answer at once and poll, as on the team
            server; jobs left queued or running when the process stopped are picked up at the next
            start (:func:`resume`).
``sync``    ``PBD_JOBS_RUNNER=sync``: at once, in the caller (the tests, and ``pbd tenant recheck``
            without a broker).

Robustness. A job is claimed in a transaction (queued → running, attempts + 1, the worker's name
and a heartbeat). A finished or failed job is never run again (a redelivered message is a no-op);
a running job whose worker stopped sending heartbeats (killed) is redone from the start. Output is
written to a temporary file named after the job, fsynced, and renamed into place under a name that
carries its sha256, so a reader sees a whole file or none; the temporaries a killed worker left are
removed when its job is redone. A failure is retried with exponential backoff up to
:data:`MAX_ATTEMPTS` starts in all (a worker killed mid-job counts as one); then the job is failed and
its one-line error shown in the dossier. A :class:`~pbd.errors.PbdError` (the description itself is
wrong) fails at once: running it again would give the same answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import close_old_connections, connection, transaction
from django.db.models import F
from django.utils import timezone

from pbd.errors import PbdError
from pbd.web.models import Dossier, Job, JobKind, JobStatus, Organisation, User, Version

log = logging.getLogger("pbd.web.jobs")

#: starts of one job in all, the first included; a worker killed mid-job counts as a start
MAX_ATTEMPTS = 3
#: how often a runner tries again when claiming or recording a job fails (not the job's own work)
DB_ERROR_TRIES = 5
#: the PDF kinds: job kind → download format of :data:`pbd.web.services.DOWNLOADS`
PDF_KINDS: dict[str, str] = {JobKind.DPIA_PDF: "dpia", JobKind.ART25_PDF: "art25"}
FORMAT_KINDS: dict[str, str] = {fmt: kind for kind, fmt in PDF_KINDS.items()}
#: where outputs live, inside the data folder
JOBS_FOLDER = "jobs"


class RetryLater(Exception):
    """The job is to be run again after ``countdown`` seconds (a failure to retry, or another live worker holds it)."""

    def __init__(self, countdown: float, reason: str) -> None:
        self.countdown = countdown
        self.reason = reason
        super().__init__(f"retry in {countdown:.1f} s: {reason}")


# -- configuration -----------------------------------------------------------------------------------


def _float_env(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name) or default)
    except ValueError:
        return default


def broker_url() -> str:
    """``PBD_BROKER_URL`` (``redis://host:6379/0``), or empty: the embedded runner."""
    return os.environ.get("PBD_BROKER_URL", "").strip()


def runner_name() -> str:
    """``celery`` with a broker, else ``PBD_JOBS_RUNNER`` (``thread`` by default, or ``sync``)."""
    if broker_url():
        return "celery"
    name = os.environ.get("PBD_JOBS_RUNNER", "thread").strip() or "thread"
    return name if name in ("thread", "sync") else "thread"


def heartbeat_seconds() -> float:
    """How often a running job says it is alive (``PBD_JOB_HEARTBEAT``, default 10 s)."""
    return max(0.2, _float_env("PBD_JOB_HEARTBEAT", 10.0))


def stale_seconds() -> float:
    """A running job without a heartbeat for this long has lost its worker: three heartbeats missed."""
    return 3 * heartbeat_seconds()


def retry_base_seconds() -> float:
    """The first retry's delay (``PBD_JOB_RETRY_BACKOFF``, default 2 s); each next one doubles it."""
    return max(0.0, _float_env("PBD_JOB_RETRY_BACKOFF", 2.0))


def backoff(attempts: int) -> float:
    """The delay before start ``attempts + 1``: base, 2 × base, 4 × base …"""
    return float(retry_base_seconds() * (2 ** max(0, attempts - 1)))


def data_folder() -> Path:
    from django.conf import settings

    return Path(settings.DATA_DIR)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


# -- enqueueing ----------------------------------------------------------------------------------------


def enqueue_pdf(dossier: Dossier, version: Version, fmt: str, lang: str, user: User | None) -> tuple[Job, bool]:
    """The PDF ``fmt`` (dpia or art25) of ``version`` in ``lang``: a finished job with its file, the one under
    way, or a new one (the flag: made now). Two requests for the same version, kind and language get the same
    job and file."""
    kind = FORMAT_KINDS[fmt]
    with transaction.atomic():
        # one request at a time per dossier decides whether to reuse (the dossier row's lock, as add_version)
        Dossier.objects.select_for_update().filter(pk=dossier.pk).first()
        # the same job: this organisation's, of this dossier's version, this kind and language
        same_job = {
            "organisation_id": dossier.organisation_id,
            "dossier": dossier,
            "kind": kind,
            "version": version,
            "lang": lang,
        }
        same = Job.objects.filter(**same_job)
        for found in same.filter(status__in=(JobStatus.DONE, JobStatus.QUEUED, JobStatus.RUNNING)).order_by("-pk"):
            if found.status != JobStatus.DONE or output_ok(found):
                reused: Job = found
                return reused, False
            Job.objects.filter(pk=found.pk).update(status=JobStatus.FAILED, error="output file missing")
        job: Job = Job.objects.create(**same_job, requested_by=user)
        dispatch(job.pk)
    return job, True


def enqueue_import(organisation: Organisation, files: list[tuple[str, bytes]], user: User) -> Job:
    """One job that makes a dossier of every uploaded description (``files``: name and content, already read).

    The files are kept in the data folder until the job has read them, so a worker on another machine
    sharing the data folder can do it (and one killed halfway goes on where it was).
    """
    with transaction.atomic():
        job: Job = Job.objects.create(
            organisation=organisation, kind=JobKind.IMPORT, requested_by=user, lang=getattr(user, "lang", "nl")
        )
        folder = _import_folder(job)
        names: list[str] = []
        for i, (name, raw) in enumerate(files):
            stored = f"{i:04d}"
            _write_atomic(folder / stored, raw, job)
            names.append(name)
        job.payload = {"files": names}
        job.save(update_fields=["payload"])
        dispatch(job.pk)
    return job


def enqueue_recheck(organisation: Organisation, user: User | None = None) -> tuple[str, list[Job]]:
    """One re-check job per dossier of ``organisation`` (its latest version, the knowledge base now in force)."""
    batch = secrets.token_hex(8)
    jobs: list[Job] = []
    with transaction.atomic():
        for dossier in Dossier.objects.filter(organisation=organisation).order_by("pk"):
            job: Job = Job.objects.create(
                organisation=organisation,
                dossier=dossier,
                kind=JobKind.RECHECK,
                version=dossier.latest(),
                batch=batch,
                requested_by=user,
            )
            jobs.append(job)
            dispatch(job.pk)
    return batch, jobs


def dispatch(job_id: int) -> None:
    """Hand the job to its runner once the transaction that made it is committed (a worker must find its row)."""
    name = runner_name()
    if name == "celery":
        transaction.on_commit(lambda: _send_celery(job_id))
    elif name == "sync":
        transaction.on_commit(lambda: run_until_settled(job_id, sleep=False))
    else:
        transaction.on_commit(lambda: _pool().submit(_thread_main, job_id))


def _send_celery(job_id: int) -> None:
    """Publish the job; a broker that cannot be reached fails the job with one line (the request still answers)."""
    from pbd.web.tasks import run_job

    try:
        run_job.apply_async(args=[job_id], retry=True, retry_policy={"max_retries": 3, "interval_step": 0.5})
    except Exception as err:
        log.exception("job %s could not be queued", job_id)
        Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
            status=JobStatus.FAILED,
            error=f"the job queue (PBD_BROKER_URL) cannot be reached: {_one_line(err)}"[:500],
            finished_at=timezone.now(),
        )


_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _pool() -> ThreadPoolExecutor:
    global _POOL  # noqa: PLW0603 - one pool per process, made on first use
    with _POOL_LOCK:
        if _POOL is None:
            size = max(1, int(_float_env("PBD_JOB_THREADS", 2)))
            _POOL = ThreadPoolExecutor(max_workers=size, thread_name_prefix="pbd-job")
        return _POOL


def _thread_main(job_id: int) -> None:
    try:
        run_until_settled(job_id, sleep=True)
    except Exception:  # pragma: no cover - run() records every failure on the job; this is the last guard
        log.exception("job %s", job_id)
    finally:
        connection.close()


def run_until_settled(job_id: int, *, sleep: bool) -> str:
    """The in-process runner: :func:`run`, and again after each :class:`RetryLater` (waiting, when ``sleep``)."""
    errors = 0
    while True:
        try:
            return run(job_id)
        except RetryLater as again:
            if again.reason == "busy":
                return "busy"
            if sleep:
                time.sleep(again.countdown)
        except Exception:
            # the bookkeeping itself failed (the database restarting, SQLite busy): try again a few times
            errors += 1
            log.exception("job %s: error %s outside the work", job_id, errors)
            if errors >= DB_ERROR_TRIES:
                raise
            if sleep:
                time.sleep(max(0.2, backoff(errors)))


def resume() -> int:
    """Embedded mode, at start: hand the jobs a stopped process left queued or running to the threads again."""
    if runner_name() != "thread":
        return 0
    ids = list(Job.objects.filter(status__in=(JobStatus.QUEUED, JobStatus.RUNNING)).values_list("pk", flat=True))
    for pk in ids:
        Job.objects.filter(pk=pk, status=JobStatus.RUNNING).update(heartbeat_at=None)  # its thread is gone
        _pool().submit(_thread_main, pk)
    return len(ids)


def requeue_lost(min_age: float, send: Callable[[int], None] | None = None) -> list[int]:
    """Publish again the jobs whose message must be lost: queued, or running without a heartbeat, for longer than
    ``min_age`` seconds (a web process that stopped between its commit and the publish, a Redis that restarted
    without its data). ``pbd worker`` calls it at start with twice the visibility timeout, by which time Redis
    has handed out again every message a dead worker held. A job published twice is still done once."""
    cutoff = timezone.now() - dt.timedelta(seconds=min_age)
    queued = Job.objects.filter(status=JobStatus.QUEUED, created_at__lt=cutoff)
    stuck = Job.objects.filter(status=JobStatus.RUNNING, heartbeat_at__lt=cutoff)
    ids = sorted(set(queued.values_list("pk", flat=True)) | set(stuck.values_list("pk", flat=True)))
    for pk in ids:
        (send or _send_celery)(pk)
    return ids


# -- the one task body ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Output:
    path: str  # relative to the data folder, empty when the job writes no file
    sha256: str
    result: dict[str, Any]


def run(job_id: int) -> str:
    """Do job ``job_id`` once: ``done``, ``failed``, ``noop`` (finished before, or gone); :class:`RetryLater` to retry."""
    if not connection.in_atomic_block:  # a worker between jobs: drop a connection the database closed meanwhile
        close_old_connections()
    me = worker_name()
    job = _claim(job_id, me)
    if job is None:
        return "noop"
    stop = threading.Event()
    beat = threading.Thread(target=_heartbeat, args=(job.pk, me, stop), daemon=True, name=f"pbd-job-{job.pk}-beat")
    beat.start()
    try:
        out = _work(job)
    except PbdError as err:
        _finish_failed(job, me, err.line())
        return "failed"
    except Exception as err:
        log.exception("job %s (%s), start %s of %s", job.pk, job.kind, job.attempts, MAX_ATTEMPTS)
        line = _one_line(err)
        if job.attempts >= MAX_ATTEMPTS:
            _finish_failed(job, me, line)
            return "failed"
        Job.objects.filter(pk=job.pk, worker=me, status=JobStatus.RUNNING).update(
            status=JobStatus.QUEUED, error=line, worker="", heartbeat_at=None
        )
        raise RetryLater(backoff(job.attempts), line) from err
    finally:
        stop.set()
        beat.join(timeout=5)
    won = Job.objects.filter(pk=job.pk, worker=me, status=JobStatus.RUNNING).update(
        status=JobStatus.DONE,
        progress=100,
        result_path=out.path,
        result_sha256=out.sha256,
        result=out.result,
        error="",
        finished_at=timezone.now(),
    )
    if not won and out.path:
        # another worker took the job over meanwhile (this one looked dead): keep only the file the row names
        kept = Job.objects.filter(pk=job.pk).values_list("result_path", flat=True).first()
        if kept != out.path:
            (data_folder() / out.path).unlink(missing_ok=True)
    return "done" if won else "noop"


def _claim(job_id: int, me: str) -> Job | None:
    """Take the job for this worker, or None when there is nothing to do; RetryLater('busy') when a live worker has it."""
    with transaction.atomic():
        job: Job | None = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status in (JobStatus.DONE, JobStatus.FAILED):
            return None
        now = timezone.now()
        if job.status == JobStatus.RUNNING:
            fresh = job.heartbeat_at is not None and (now - job.heartbeat_at).total_seconds() < stale_seconds()
            if fresh and job.worker != me:
                raise RetryLater(stale_seconds(), "busy")
            log.warning("job %s: its worker %s stopped mid-job; redone from the start", job.pk, job.worker or "?")
            if job.attempts >= MAX_ATTEMPTS:
                job.status, job.error, job.finished_at = (
                    JobStatus.FAILED,
                    "the worker stopped during every attempt",
                    now,
                )
                job.save(update_fields=["status", "error", "finished_at"])
                return None
        # conditional, so that of two workers reading the same row (SQLite locks nothing on read) one wins
        won = Job.objects.filter(pk=job.pk, status=job.status, attempts=job.attempts).update(
            status=JobStatus.RUNNING,
            attempts=F("attempts") + 1,
            worker=me,
            heartbeat_at=now,
            started_at=now,
            progress=5,
        )
        if not won:
            raise RetryLater(stale_seconds(), "busy")
        _remove_temporaries(job)  # of an earlier start that was killed; this worker owns the job now
        job.refresh_from_db()
    return job


def _heartbeat(job_id: int, me: str, stop: threading.Event) -> None:
    try:
        while not stop.wait(heartbeat_seconds()):
            Job.objects.filter(pk=job_id, worker=me, status=JobStatus.RUNNING).update(heartbeat_at=timezone.now())
    except Exception:  # pragma: no cover - a missed beat only makes the job look stale sooner
        log.exception("heartbeat of job %s", job_id)
    finally:
        connection.close()


def _finish_failed(job: Job, me: str, line: str) -> None:
    Job.objects.filter(pk=job.pk, worker=me, status=JobStatus.RUNNING).update(
        status=JobStatus.FAILED, error=line[:500], finished_at=timezone.now(), heartbeat_at=None
    )


def _one_line(err: BaseException) -> str:
    """An error as one line for the dossier: its class and first line, never a traceback."""
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0][:400]}" if text else type(err).__name__


def set_progress(job: Job, percent: int) -> None:
    Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(progress=max(0, min(99, percent)))


def _work(job: Job) -> Output:
    if job.kind in PDF_KINDS:
        return _work_pdf(job)
    if job.kind == JobKind.IMPORT:
        return _work_import(job)
    if job.kind == JobKind.RECHECK:
        return _work_recheck(job)
    raise PbdError(f"job {job.pk}", f"unknown kind {job.kind!r}", "Request it again.")


def _work_pdf(job: Job) -> Output:
    from pbd.web import services

    dossier, version = job.dossier, job.version
    if dossier is None or version is None:
        raise PbdError(f"job {job.pk}", "its dossier or version is gone", "Request the PDF again.")
    fmt = PDF_KINDS[job.kind]
    body = services.render(fmt, dossier, version, job.lang)
    set_progress(job, 90)
    suffix = services.DOWNLOADS[fmt][2]
    return _store(job, body, suffix, {"version": version.number, "format": fmt, "bytes": len(body)})


def _work_recheck(job: Job) -> Output:
    """The dossier's version judged under the knowledge base in force: the JSON result kept, its counts recorded."""
    import json

    from pbd.web import services

    dossier, version = job.dossier, job.version
    if dossier is None or version is None:
        raise PbdError(f"job {job.pk}", "its dossier or version is gone", "Start the re-check again.")
    kb = services.knowledge_base()
    a = services.assess(dossier, version)
    body = services.render("json", dossier, version, job.lang)
    set_progress(job, 90)
    result = {
        "version": version.number,
        "kb_version": kb.version,
        "kb_sha256": kb.sha256,
        "counts": dict(sorted(a.counts().items())),
        "dpia": str(a.screening.dpia),
    }
    json.dumps(result)  # the row's JSON must be plain data
    return _store(job, body, ".json", result)


def _work_import(job: Job) -> Output:
    """Every uploaded file becomes a dossier; a file done before (a redone job) is skipped, never imported twice."""
    from django.conf import settings

    from pbd.web import services

    user = job.requested_by
    if user is None:
        raise PbdError(f"job {job.pk}", "the account that started the import is gone", "Start the import again.")
    names: list[str] = list(job.payload.get("files", []))
    folder = _import_folder(job)
    results: list[dict[str, Any]] = list(job.result.get("files", []))
    done = {r["index"] for r in results}
    for i, name in enumerate(names):
        if i in done:
            continue
        stored = folder / f"{i:04d}"
        try:
            raw = stored.read_bytes()
            text, note = services.text_from_upload(name, raw, settings.MAX_UPLOAD_BYTES)
            title = _title_of(text, name)
            with transaction.atomic():
                dossier = services.create_dossier(job.organisation_id, title, text, user, f"import {note}")
                results.append({"index": i, "file": name, "dossier": dossier.pk, "title": dossier.title})
                Job.objects.filter(pk=job.pk).update(result={"files": results})
        except PbdError as err:
            with transaction.atomic():
                results.append({"index": i, "file": name, "error": _problem_line(err)})
                Job.objects.filter(pk=job.pk).update(result={"files": results})
        set_progress(job, int(100 * (i + 1) / max(1, len(names))))
    for p in folder.glob("*"):
        p.unlink(missing_ok=True)
    if folder.is_dir():
        folder.rmdir()
    created = sum(1 for r in results if "dossier" in r)
    return Output("", "", {"files": results, "created": created, "refused": len(results) - created})


def _problem_line(err: PbdError) -> str:
    from pbd.errors import DescriptionError

    if isinstance(err, DescriptionError) and err.problems:
        first = err.problems[0].render("en")
        more = f" (+{len(err.problems) - 1} more)" if len(err.problems) > 1 else ""
        return (first.splitlines()[0] if first else err.line())[:400] + more
    return err.line()[:400]


def _title_of(text: str, name: str) -> str:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:  # pragma: no cover - text_from_upload loaded it already
        data = None
    project = data.get("project") if isinstance(data, dict) else None
    title = project.get("name") if isinstance(project, dict) else None
    if isinstance(title, str) and title.strip():
        return title.strip()[:200]
    return Path(name).stem[:200] or "dossier"


# -- output files ----------------------------------------------------------------------------------------


def _org_folder(job: Job) -> Path:
    return data_folder() / JOBS_FOLDER / str(job.organisation_id)


def _import_folder(job: Job) -> Path:
    return _org_folder(job) / f"import-{job.pk}"


def _tmp_prefix(job: Job) -> str:
    return f".job-{job.pk}."


def _remove_temporaries(job: Job) -> None:
    """The temporary files of an earlier start of this job (a worker killed while writing)."""
    folder = _org_folder(job)
    if folder.is_dir():
        for tmp in folder.glob(f"{_tmp_prefix(job)}*.tmp"):
            tmp.unlink(missing_ok=True)
    imports = _import_folder(job)
    if imports.is_dir():
        for tmp in imports.glob(f"{_tmp_prefix(job)}*.tmp"):
            tmp.unlink(missing_ok=True)


def _write_atomic(path: Path, data: bytes, job: Job) -> None:
    """``data`` to ``path`` through a temporary named after the job, fsynced, then renamed: never a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f"{_tmp_prefix(job)}{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _store(job: Job, body: bytes, suffix: str, result: dict[str, Any]) -> Output:
    sha = hashlib.sha256(body).hexdigest()
    path = _org_folder(job) / f"{job.pk}-{sha[:16]}{suffix}"
    _write_atomic(path, body, job)
    return Output(str(path.relative_to(data_folder())), sha, result)


def output_path(job: Job) -> Path | None:
    """The finished job's file, when it is there and inside the data folder."""
    if not job.result_path:
        return None
    root = data_folder().resolve()
    path: Path = (root / str(job.result_path)).resolve()
    if root not in path.parents or not path.is_file():
        return None
    return path


def output_ok(job: Job) -> bool:
    """The finished job's file is there and still has the sha256 recorded for it."""
    path = output_path(job)
    return path is not None and file_sha256(path) == job.result_sha256


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# -- status ------------------------------------------------------------------------------------------------


def jobs_of_dossier(dossier: Dossier, kinds: Iterable[str] | None = None, limit: int = 10) -> list[Job]:
    """The dossier's latest jobs (its own organisation's only)."""
    q = Job.objects.filter(dossier=dossier, organisation_id=dossier.organisation_id)
    if kinds is not None:
        q = q.filter(kind__in=list(kinds))
    return list(q.select_related("version").order_by("-pk")[:limit])


def status_dict(job: Job) -> dict[str, Any]:
    """A job as plain, deterministic data (the JSON of the status API)."""

    def iso(value: dt.datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "id": job.pk,
        "kind": str(job.kind),
        "status": str(job.status),
        "progress": int(job.progress),
        "attempts": int(job.attempts),
        "error": job.error,
        "dossier": job.dossier_id,
        "version": job.version.number if job.version_id and job.version else None,
        "lang": job.lang,
        "sha256": job.result_sha256 or None,
        "batch": job.batch or None,
        "result": job.result,
        "created_at": iso(job.created_at),
        "started_at": iso(job.started_at),
        "finished_at": iso(job.finished_at),
    }


def batch_progress(batch: str) -> dict[str, int]:
    """How many jobs of a re-check batch are in each state."""
    out = {s.value: 0 for s in list(JobStatus)}
    for status in Job.objects.filter(batch=batch).values_list("status", flat=True):
        out[str(status)] += 1
    return out


def wait_for(job_ids: Iterable[int], timeout: float, on_tick: Callable[[dict[str, int]], None] | None = None) -> bool:
    """Wait until every job is done or failed (True), or ``timeout`` seconds passed (False)."""
    ids = list(job_ids)
    deadline = time.monotonic() + timeout
    while True:
        counts = {s.value: 0 for s in list(JobStatus)}
        for status in Job.objects.filter(pk__in=ids).values_list("status", flat=True):
            counts[str(status)] += 1
        if on_tick is not None:
            on_tick(counts)
        if counts[JobStatus.QUEUED] + counts[JobStatus.RUNNING] == 0:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.5)
