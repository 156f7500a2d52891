"""Background jobs with the in-process runner (``PBD_JOBS_RUNNER=sync``): request, status, reuse, download, retry,
failure shown in the dossier, idempotent and redone runs, tenants, import, re-check, ``pbd worker`` without a broker.

The renderer is replaced by a stand-in that returns a small PDF-shaped body (and counts its calls), so these tests
stay fast; ``test_a_real_art25_pdf_through_the_job`` renders one for real. tests/web/test_jobs_queue.py runs the
same task body on real Celery workers with Redis.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from pbd.errors import PbdError
from pbd.web import jobs, services
from pbd.web.models import AuditEvent, AuditKind, Dossier, Job, JobKind, JobStatus, Membership, Organisation, User

from .test_serve import _env, _pbd

FAKE = b"%PDF-1.7\nstand-in\n%%EOF\n"


@pytest.fixture(autouse=True)
def _sync_runner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PBD_JOBS_RUNNER", "sync")
    monkeypatch.delenv("PBD_BROKER_URL", raising=False)
    monkeypatch.setenv("PBD_JOB_RETRY_BACKOFF", "0")


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, str]]:
    """The stand-in renderer: every call recorded as (format, version number, language)."""
    calls: list[tuple[str, int, str]] = []
    real = services.render

    def fake(fmt: str, dossier: Any, version: Any, lang: str, today: dt.date | None = None) -> bytes:
        if fmt not in ("dpia", "art25"):
            return real(fmt, dossier, version, lang, today)
        calls.append((fmt, version.number, lang))
        return FAKE + f"{fmt} v{version.number} {lang}".encode()

    monkeypatch.setattr(services, "render", fake)
    return calls


@pytest.fixture
def commit(django_capture_on_commit_callbacks: Any) -> Callable[[], Any]:
    """Run what the request committed (the job's dispatch) as a real commit would."""

    def make() -> Any:
        return django_capture_on_commit_callbacks(execute=True)

    return make


def _post_pdf(client: Any, dossier: Any, fmt: str, commit: Callable[[], Any], **data: Any) -> Any:
    with commit():
        return client.post(f"/d/{dossier.pk}/pdf/{fmt}/", data, HTTP_ACCEPT="application/json")


def test_a_pdf_request_becomes_a_job_that_finishes_with_a_file_the_member_downloads(
    team: dict[str, Any], login: Any, renders: list[Any], commit: Callable[[], Any]
) -> None:
    dossier = team["dossier"]
    client = login(team["users"]["editor"])
    response = _post_pdf(client, dossier, "art25", commit)
    assert response.status_code == 202
    job = Job.objects.get(pk=response.json()["id"])
    assert (job.status, job.kind, job.attempts, job.progress) == (JobStatus.DONE, JobKind.ART25_PDF, 1, 100)
    assert job.organisation_id == dossier.organisation_id and job.version == dossier.latest()
    path = Path(settings.DATA_DIR) / job.result_path
    assert path.read_bytes().startswith(b"%PDF") and job.result_sha256 == jobs.file_sha256(path)
    assert not list(path.parent.glob("*.tmp"))
    # the status API, then the file: streamed, named after the dossier, the download audited with the job
    status = client.get(f"/d/{dossier.pk}/taken/{job.pk}/").json()
    assert status["status"] == "done" and status["download"] == f"/d/{dossier.pk}/taken/{job.pk}/download/"
    assert list(status) == sorted(status)
    download = client.get(status["download"])
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == path.read_bytes()
    assert f"{dossier.slug}-v1-art25.pdf" in download["Content-Disposition"]
    event = AuditEvent.objects.filter(kind=AuditKind.DOWNLOAD, dossier=dossier).first()
    assert event is not None and event.detail["job"] == job.pk and event.detail["format"] == "art25"
    # the dossier page shows it with its download link (a viewer reads it too)
    page = login(team["users"]["viewer"]).get(f"/d/{dossier.pk}/").content.decode()
    assert f"/d/{dossier.pk}/taken/{job.pk}/download/" in page and 'aria-live="polite"' in page


def test_the_same_version_kind_and_language_reuse_the_finished_output(
    team: dict[str, Any], login: Any, renders: list[Any], commit: Callable[[], Any]
) -> None:
    dossier = team["dossier"]
    client = login(team["users"]["owner"])
    first = _post_pdf(client, dossier, "dpia", commit)
    again = _post_pdf(client, dossier, "dpia", commit)
    assert (first.status_code, again.status_code) == (202, 200)
    assert first.json()["id"] == again.json()["id"] and renders == [("dpia", 1, "nl")]
    english = _post_pdf(client, dossier, "dpia", commit, lang="en")
    assert english.status_code == 202 and english.json()["id"] != first.json()["id"]
    assert renders == [("dpia", 1, "nl"), ("dpia", 1, "en")]
    # a new version is a new report; an older one can still be asked for by number
    services.add_version(dossier, dossier.latest().text + "\n# v2\n", team["users"]["owner"], "edit")
    assert _post_pdf(client, dossier, "dpia", commit).status_code == 202
    assert _post_pdf(client, dossier, "dpia", commit, version=1).status_code == 200
    assert renders[-1] == ("dpia", 2, "nl") and len(renders) == 3
    # a file that went missing is made again, not served from the record
    job = Job.objects.get(pk=first.json()["id"])
    (Path(settings.DATA_DIR) / job.result_path).unlink()
    remade = _post_pdf(client, dossier, "dpia", commit, version=1)
    assert remade.status_code == 202 and len(renders) == 4
    assert Job.objects.get(pk=job.pk).status == JobStatus.FAILED


def test_a_failure_is_retried_with_backoff_and_then_succeeds(
    team: dict[str, Any], login: Any, monkeypatch: pytest.MonkeyPatch, commit: Callable[[], Any]
) -> None:
    calls: list[int] = []

    def flaky(fmt: str, dossier: Any, version: Any, lang: str, today: Any = None) -> bytes:
        calls.append(1)
        if len(calls) < 3:
            raise OSError("disk briefly full")
        return FAKE

    monkeypatch.setattr(services, "render", flaky)
    response = _post_pdf(login(team["users"]["owner"]), team["dossier"], "art25", commit)
    job = Job.objects.get(pk=response.json()["id"])
    assert (job.status, job.attempts, job.error) == (JobStatus.DONE, 3, "") and len(calls) == 3


def test_backoff_doubles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PBD_JOB_RETRY_BACKOFF", "2")
    assert [jobs.backoff(n) for n in (1, 2, 3)] == [2.0, 4.0, 8.0]


def test_after_three_failed_starts_the_job_is_failed_and_the_dossier_shows_the_error_in_one_line(
    team: dict[str, Any], login: Any, monkeypatch: pytest.MonkeyPatch, commit: Callable[[], Any]
) -> None:
    calls: list[int] = []

    def broken(fmt: str, dossier: Any, version: Any, lang: str, today: Any = None) -> bytes:
        calls.append(1)
        raise RuntimeError("the font cache is damaged\n  File 'weasyprint/x.py', line 3")

    monkeypatch.setattr(services, "render", broken)
    client = login(team["users"]["owner"])
    response = _post_pdf(client, team["dossier"], "dpia", commit)
    job = Job.objects.get(pk=response.json()["id"])
    assert (job.status, job.attempts, len(calls)) == (JobStatus.FAILED, jobs.MAX_ATTEMPTS, jobs.MAX_ATTEMPTS)
    assert job.error == "RuntimeError: the font cache is damaged" and job.finished_at is not None
    page = client.get(f"/d/{team['dossier'].pk}/").content.decode()
    assert "the font cache is damaged" in page and "weasyprint/x.py" not in page and "Traceback" not in page
    assert "Vraag het rapport opnieuw aan" in page
    # asking again after a failure is a new job (not the failed one reused)
    monkeypatch.setattr(services, "render", lambda *a, **k: FAKE)
    again = _post_pdf(client, team["dossier"], "dpia", commit)
    assert again.status_code == 202 and Job.objects.get(pk=again.json()["id"]).status == JobStatus.DONE


def test_an_error_in_the_description_fails_at_once(
    team: dict[str, Any], login: Any, monkeypatch: pytest.MonkeyPatch, commit: Callable[[], Any]
) -> None:
    def wrong(*args: Any, **kwargs: Any) -> bytes:
        raise PbdError("slimme-lantaarnpalen.yaml", "the description cannot be rendered", "Fix it.")

    monkeypatch.setattr(services, "render", wrong)
    response = _post_pdf(login(team["users"]["owner"]), team["dossier"], "dpia", commit)
    job = Job.objects.get(pk=response.json()["id"])
    assert (job.status, job.attempts) == (JobStatus.FAILED, 1)
    assert job.error == "Error: slimme-lantaarnpalen.yaml: the description cannot be rendered. Fix it."


def _job(dossier: Any, **fields: Any) -> Job:
    job: Job = Job.objects.create(
        organisation_id=dossier.organisation_id,
        dossier=dossier,
        kind=JobKind.ART25_PDF,
        version=dossier.latest(),
        **fields,
    )
    return job


def test_a_finished_job_run_again_is_a_no_op(team: dict[str, Any], renders: list[Any]) -> None:
    job = _job(team["dossier"])
    assert jobs.run(job.pk) == "done"
    before = Job.objects.get(pk=job.pk)
    assert jobs.run(job.pk) == "noop" and jobs.run(123456) == "noop"
    after = Job.objects.get(pk=job.pk)
    assert (after.attempts, after.result_sha256, after.finished_at) == (1, before.result_sha256, before.finished_at)
    assert len(renders) == 1


def test_a_job_whose_worker_died_is_redone_from_the_start_and_its_temporary_removed(
    team: dict[str, Any], renders: list[Any]
) -> None:
    stale = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=jobs.stale_seconds() + 5)
    job = _job(team["dossier"], status=JobStatus.RUNNING, attempts=1, worker="gone:1:1", heartbeat_at=stale)
    folder = Path(settings.DATA_DIR) / "jobs" / str(job.organisation_id)
    folder.mkdir(parents=True, exist_ok=True)
    leftover = folder / f".job-{job.pk}.999.1.tmp"
    leftover.write_bytes(b"%PDF-1.7 half a fi")
    assert jobs.run(job.pk) == "done"
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.DONE, 2) and not leftover.exists()
    assert (Path(settings.DATA_DIR) / job.result_path).read_bytes().endswith(b"art25 v1 nl")


def test_a_job_a_live_worker_holds_is_left_to_it(team: dict[str, Any], renders: list[Any]) -> None:
    job = _job(
        team["dossier"], status=JobStatus.RUNNING, attempts=1, worker="other:2:2", heartbeat_at=dt.datetime.now(dt.UTC)
    )
    with pytest.raises(jobs.RetryLater) as caught:
        jobs.run(job.pk)
    assert caught.value.reason == "busy" and renders == []
    assert Job.objects.get(pk=job.pk).attempts == 1


def test_a_job_killed_in_every_start_fails(team: dict[str, Any], renders: list[Any]) -> None:
    stale = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    job = _job(team["dossier"], status=JobStatus.RUNNING, attempts=jobs.MAX_ATTEMPTS, heartbeat_at=stale)
    assert jobs.run(job.pk) == "noop"
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "stopped" in job.error and renders == []


def test_the_partial_polls_while_a_job_is_under_way_and_stops_after(team: dict[str, Any], login: Any) -> None:
    dossier = team["dossier"]
    job = _job(dossier)  # queued: never dispatched here
    client = login(team["users"]["viewer"])
    page = client.get(f"/d/{dossier.pk}/").content.decode()
    assert f'hx-get="/d/{dossier.pk}/taken/"' in page and 'hx-trigger="every 2s"' in page
    polled = client.get(f"/d/{dossier.pk}/taken/", HTTP_HX_REQUEST="true")
    assert polled.status_code == 200 and "in de wachtrij" in polled.content.decode()
    Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, error="x")
    assert client.get(f"/d/{dossier.pk}/taken/", HTTP_HX_REQUEST="true").status_code == 286
    assert 'hx-trigger="every 2s"' not in client.get(f"/d/{dossier.pk}/").content.decode()


def test_the_html_form_redirects_to_the_jobs_and_a_viewer_may_not_start_one(
    team: dict[str, Any], login: Any, renders: list[Any], commit: Callable[[], Any]
) -> None:
    dossier = team["dossier"]
    page = login(team["users"]["editor"]).get(f"/d/{dossier.pk}/").content.decode()
    assert f'action="/d/{dossier.pk}/pdf/dpia/"' in page and f'action="/d/{dossier.pk}/pdf/art25/"' in page
    with commit():
        response = login(team["users"]["editor"]).post(f"/d/{dossier.pk}/pdf/dpia/", {})
    assert response.status_code == 302 and response["Location"] == f"/d/{dossier.pk}/#jobs"
    viewer = login(team["users"]["viewer"])
    assert viewer.post(f"/d/{dossier.pk}/pdf/dpia/", {}).status_code == 403
    assert f'action="/d/{dossier.pk}/pdf/dpia/"' not in viewer.get(f"/d/{dossier.pk}/").content.decode()
    assert login(team["users"]["editor"]).post(f"/d/{dossier.pk}/pdf/yaml/", {}).status_code == 404


@pytest.fixture
def tenants(make_user: Callable[..., Any], make_dossier: Callable[..., Any]) -> dict[str, Any]:
    """Tenant A's dossier with a finished job; B's user with a forged membership of A's dossier."""
    a_owner = make_user("a-owner")
    dossier = make_dossier(a_owner)
    other = Organisation.objects.create(name="Gemeente B", slug="b")
    b_user = User.objects.create_user(username="b-user", password="x" * 20, organisation=other)
    Membership.objects.create(dossier=dossier, user=b_user, role="owner")  # forged: the application never does this
    return {"a_owner": a_owner, "dossier": dossier, "b_user": b_user}


def test_another_tenant_gets_404_on_every_job_url(
    tenants: dict[str, Any], client: Any, renders: list[Any], commit: Callable[[], Any]
) -> None:
    dossier = tenants["dossier"]
    job = _job(dossier)
    jobs.run(job.pk)
    client.force_login(tenants["b_user"])
    for url in (
        f"/d/{dossier.pk}/taken/",
        f"/d/{dossier.pk}/taken/{job.pk}/",
        f"/d/{dossier.pk}/taken/{job.pk}/download/",
    ):
        assert client.get(url).status_code == 404, url
    with commit():
        assert client.post(f"/d/{dossier.pk}/pdf/dpia/", {}).status_code == 404
    assert Job.objects.count() == 1


def test_a_job_is_found_only_under_its_own_dossier(team: dict[str, Any], login: Any, renders: list[Any]) -> None:
    job = _job(team["other"])  # the outsider's dossier; the owner of the team's dossier is no member of it
    jobs.run(job.pk)
    client = login(team["users"]["owner"])
    mine = team["dossier"].pk
    assert client.get(f"/d/{mine}/taken/{job.pk}/").status_code == 404
    assert client.get(f"/d/{mine}/taken/{job.pk}/download/").status_code == 404


def test_a_changed_output_file_is_not_served(team: dict[str, Any], login: Any, renders: list[Any]) -> None:
    job = _job(team["dossier"])
    jobs.run(job.pk)
    job.refresh_from_db()
    (Path(settings.DATA_DIR) / job.result_path).write_bytes(b"%PDF-1.7 something else")
    client = login(team["users"]["owner"])
    assert client.get(f"/d/{team['dossier'].pk}/taken/{job.pk}/download/").status_code == 404
    assert Job.objects.get(pk=job.pk).status == JobStatus.FAILED


# -- import and re-check -------------------------------------------------------------------------------


def _description(name: str) -> bytes:
    return services.blank_text(name, "Gemeente Test").encode()


def test_an_import_of_several_files_and_a_zip_makes_a_dossier_of_each_valid_one(
    team: dict[str, Any], login: Any, commit: Callable[[], Any]
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    owner = team["users"]["owner"]
    client = login(owner)
    assert client.get("/dossiers/import/").status_code == 200
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as z:
        z.writestr("map/parkeren.yaml", _description("Slim parkeren"))
        z.writestr("map/leesmij.txt", b"not a description")
    files = [
        SimpleUploadedFile("afval.yaml", _description("Slimme afvalcontainers")),
        SimpleUploadedFile("kapot.yaml", b"schema_version: 1\nproject: [unclosed\n"),
        SimpleUploadedFile("map.zip", packed.getvalue()),
    ]
    before = Dossier.objects.count()
    with commit():
        response = client.post("/dossiers/import/", {"files": files})
    assert response.status_code == 302
    job = Job.objects.get(kind=JobKind.IMPORT)
    assert (job.status, job.result["created"], job.result["refused"]) == (JobStatus.DONE, 2, 1)
    titles = {r.get("title") for r in job.result["files"]}
    assert {"Slimme afvalcontainers", "Slim parkeren"} <= titles
    refused = next(r for r in job.result["files"] if r["file"] == "kapot.yaml")
    assert "\n" not in refused["error"] and refused["error"]
    assert Dossier.objects.count() == before + 2
    made = Dossier.objects.get(title="Slim parkeren")
    assert Membership.objects.get(dossier=made).user == owner and made.organisation_id == owner.organisation_id
    # the uploads are gone from the data folder once read; running the job again imports nothing twice
    assert not (Path(settings.DATA_DIR) / "jobs" / str(job.organisation_id) / f"import-{job.pk}").exists()
    assert jobs.run(job.pk) == "noop" and Dossier.objects.count() == before + 2
    page = client.get("/dossiers/import/").content.decode()
    assert "Slim parkeren" in page and "kapot.yaml" in page
    assert 'href="/dossiers/import/"' in client.get("/dossiers/").content.decode()


def test_a_half_done_import_goes_on_where_it_was(team: dict[str, Any], commit: Callable[[], Any]) -> None:
    owner = team["users"]["owner"]
    files = [("a.yaml", _description("Een")), ("b.yaml", _description("Twee"))]
    job = jobs.enqueue_import(owner.organisation, files, owner)  # not dispatched: no commit here
    # as if a worker had made the first dossier and then died: running, one file recorded, heartbeat stale
    first = services.create_dossier(owner.organisation_id, "Een", files[0][1].decode(), owner, "import upload")
    stale = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING,
        attempts=1,
        heartbeat_at=stale,
        result={"files": [{"index": 0, "file": "a.yaml", "dossier": first.pk, "title": "Een"}]},
    )
    assert jobs.run(job.pk) == "done"
    assert Dossier.objects.filter(title="Een").count() == 1 and Dossier.objects.filter(title="Twee").count() == 1
    job.refresh_from_db()
    assert (job.result["created"], job.attempts) == (2, 2)


def test_an_empty_import_is_refused_with_one_line(team: dict[str, Any], login: Any) -> None:
    response = login(team["users"]["owner"]).post("/dossiers/import/", {})
    assert response.status_code == 400 and "Error: import: no .yaml" in response.content.decode()
    assert not Job.objects.exists()


def test_the_recheck_records_each_dossiers_result_under_the_knowledge_base_in_force(
    team: dict[str, Any], login: Any, commit: Callable[[], Any]
) -> None:
    org = team["dossier"].organisation
    with commit():
        batch, queued = jobs.enqueue_recheck(org)
    assert len(queued) == Dossier.objects.filter(organisation=org).count() == 2
    assert jobs.batch_progress(batch) == {"queued": 0, "running": 0, "done": 2, "failed": 0}
    kb = services.knowledge_base()
    job = Job.objects.get(batch=batch, dossier=team["dossier"])
    assert job.result["kb_version"] == kb.version and job.result["kb_sha256"] == kb.sha256
    a = services.assess(team["dossier"], team["dossier"].latest())
    assert job.result["counts"] == dict(sorted(a.counts().items()))
    stored = json.loads((Path(settings.DATA_DIR) / job.result_path).read_text(encoding="utf-8"))
    assert stored == json.loads(services.render("json", team["dossier"], team["dossier"].latest(), "nl"))
    page = login(team["users"]["owner"]).get(f"/d/{team['dossier'].pk}/").content.decode()
    assert "Herbeoordeling met de geldende kennisbank" in page


# -- the commands ------------------------------------------------------------------------------------------


def test_pbd_worker_without_a_broker_is_one_error_line() -> None:
    out = _pbd("worker", env=_env())
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        "Error: pbd worker: PBD_BROKER_URL is not set. Set it to the team server's Redis, e.g. "
        "PBD_BROKER_URL=redis://localhost:6379/0; without a broker, pbd serve runs the jobs itself."
    ]


@pytest.mark.slow
def test_pbd_tenant_recheck_without_a_broker_does_the_work_itself(tmp_path: Path) -> None:
    data = tmp_path / "web"
    assert _pbd("tenant", "create", "utrecht", "--name", "Gemeente Utrecht", "--data", str(data)).returncode == 0
    out = _pbd("tenant", "recheck", "--org", "utrecht", "--data", str(data))
    assert out.returncode == 0, out.stderr
    assert "0 dossiers of utrecht queued for re-check" in out.stdout
    missing = _pbd("tenant", "recheck", "--org", "nergens", "--data", str(data))
    assert missing.returncode == 2 and missing.stderr.startswith("Error: ") and len(missing.stderr.splitlines()) == 1


@pytest.mark.slow
def test_a_real_art25_pdf_through_the_job(team: dict[str, Any], login: Any, commit: Callable[[], Any]) -> None:
    """The real renderer (WeasyPrint): a complete PDF that pypdf opens."""
    from pypdf import PdfReader

    pytest.importorskip("weasyprint")
    response = _post_pdf(login(team["users"]["owner"]), team["dossier"], "art25", commit)
    job = Job.objects.get(pk=response.json()["id"])
    assert job.status == JobStatus.DONE, job.error
    body = (Path(settings.DATA_DIR) / job.result_path).read_bytes()
    assert body.startswith(b"%PDF") and body.rstrip().endswith(b"%%EOF")
    assert len(PdfReader(io.BytesIO(body)).pages) >= 1


def _settled(pk: int, timeout: float = 30) -> Job:
    """The job once it is done or failed. The test database is SQLite in memory with a shared cache, whose table
    locks do not wait: a read while the runner's thread writes is tried again (a file database waits instead)."""
    import time

    from django.db import OperationalError

    deadline = time.monotonic() + timeout
    while True:
        try:
            job = Job.objects.get(pk=pk)
            if not job.active or time.monotonic() > deadline:
                return job
        except OperationalError:
            pass
        time.sleep(0.2)


@pytest.mark.django_db(transaction=True)
def test_the_embedded_thread_runner_does_the_job_after_the_response(
    make_user: Callable[..., Any], make_dossier: Callable[..., Any], renders: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``pbd serve`` alone: the request returns with the job queued, a thread of the web process renders it."""
    monkeypatch.setenv("PBD_JOBS_RUNNER", "thread")
    owner = make_user("thread-owner")
    dossier = make_dossier(owner)
    job, created = jobs.enqueue_pdf(dossier, dossier.latest(), "art25", "nl", owner)
    assert created
    job = _settled(job.pk)
    assert job.status == JobStatus.DONE, job.error
    assert (Path(settings.DATA_DIR) / job.result_path).read_bytes().startswith(b"%PDF")
    # at the next start, a job left queued by a stopped server is handed to the threads again
    left = _job(dossier)
    assert jobs.resume() == 1
    assert _settled(left.pk).status == JobStatus.DONE


def test_a_broker_that_cannot_be_reached_fails_the_job_with_one_line(
    team: dict[str, Any], login: Any, monkeypatch: pytest.MonkeyPatch, commit: Callable[[], Any]
) -> None:
    from pbd.web import tasks

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise ConnectionRefusedError("[Errno 111] Connection refused")

    monkeypatch.setenv("PBD_BROKER_URL", "redis://127.0.0.1:1/0")
    monkeypatch.setattr(tasks.run_job, "apply_async", refuse)
    response = _post_pdf(login(team["users"]["owner"]), team["dossier"], "dpia", commit)
    assert response.status_code == 202
    job = Job.objects.get(pk=response.json()["id"])
    assert job.status == JobStatus.FAILED
    assert job.error == (
        "the job queue (PBD_BROKER_URL) cannot be reached: ConnectionRefusedError: [Errno 111] Connection refused"
    )


def test_the_celery_task_retries_through_celery_and_records_in_the_row(
    team: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The task wrapper itself (run eagerly, no broker): a failure becomes Celery's retry, counted in the row."""
    from pbd.web import tasks

    calls: list[int] = []

    def flaky(fmt: str, dossier: Any, version: Any, lang: str, today: Any = None) -> bytes:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("the renderer's temporary folder was full")
        return FAKE

    monkeypatch.setattr(services, "render", flaky)
    job = _job(team["dossier"])
    result = tasks.run_job.apply(args=[job.pk])
    assert result.get() == "done"
    job.refresh_from_db()
    assert (job.status, job.attempts, len(calls)) == (JobStatus.DONE, 2, 2)
    assert tasks.run_job.apply(args=[job.pk]).get() == "noop"
    assert tasks.run_job.acks_late and tasks.run_job.reject_on_worker_lost


def test_jobs_whose_message_was_lost_are_published_again(team: dict[str, Any]) -> None:
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
    old_queued = _job(team["dossier"])
    Job.objects.filter(pk=old_queued.pk).update(created_at=long_ago)
    fresh_queued = _job(team["dossier"])  # its message may well be in the queue still
    dead = _job(team["dossier"], status=JobStatus.RUNNING, attempts=1, heartbeat_at=long_ago)
    alive = _job(team["dossier"], status=JobStatus.RUNNING, attempts=1, heartbeat_at=dt.datetime.now(dt.UTC))
    done = _job(team["dossier"], status=JobStatus.DONE)
    Job.objects.filter(pk=done.pk).update(created_at=long_ago)
    sent: list[int] = []
    assert jobs.requeue_lost(600, send=sent.append) == sorted([old_queued.pk, dead.pk]) == sent
    assert fresh_queued.pk not in sent and alive.pk not in sent


def test_pbd_worker_on_a_database_without_the_schema_is_one_error_line(tmp_path: Path) -> None:
    out = _pbd("worker", "--data", str(tmp_path / "web"), env=_env(PBD_BROKER_URL="redis://127.0.0.1:1/0"))
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: pbd worker: the database cannot be read (no such table")
    assert lines[0].endswith("Check PBD_DATABASE_URL and start pbd serve first.")


def test_the_administrator_starts_the_recheck_from_the_web_and_everyone_sees_its_progress(
    team: dict[str, Any], login: Any, commit: Callable[[], Any]
) -> None:
    owner = team["users"]["owner"]
    client = login(owner)
    page = client.get("/beheer/herbeoordeling/")
    assert page.status_code == 200 and "Alleen de beheerder" in page.content.decode()
    assert client.post("/beheer/herbeoordeling/").status_code == 403 and not Job.objects.exists()
    User.objects.filter(pk=owner.pk).update(is_superuser=True)
    assert 'href="/beheer/herbeoordeling/"' in client.get("/dossiers/").content.decode()
    with commit():
        assert client.post("/beheer/herbeoordeling/").status_code == 302
    assert Job.objects.filter(kind=JobKind.RECHECK, status=JobStatus.DONE).count() == 2
    shown = login(team["users"]["viewer"]).get("/beheer/herbeoordeling/").content.decode()
    assert "2 van 2 klaar, 0 mislukt" in shown
    assert client.get("/beheer/herbeoordeling/", HTTP_HX_REQUEST="true").status_code == 286
