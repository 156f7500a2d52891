"""The views of background jobs: request a PDF, its status (HTML partial for polling, JSON for scripts), its file; a folder import.

Every dossier view goes through :func:`pbd.web.access.dossier_view` (login, membership, role) and
looks jobs up by dossier *and* organisation, so a job of another tenant is a 404 like its dossier.

The JSON API (used by benchmarks/bench_load.py; keep it stable):

``POST /d/<pk>/pdf/<dpia|art25>/`` (``version``, ``lang`` optional; CSRF token) with
``Accept: application/json`` → 202 and the job's status below (200 when an existing job is reused).
``GET /d/<pk>/taken/<job>/`` → ``{"id", "kind", "status": queued|running|done|failed, "progress",
"attempts", "error", "dossier", "version", "lang", "sha256", "batch", "result", "created_at",
"started_at", "finished_at", "download"}`` (``download``: the file's URL once done, else null).
``GET /d/<pk>/taken/<job>/download/`` → the file (404 until done).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from pbd.errors import PbdError
from pbd.messages import LANGS, t
from pbd.web import jobs
from pbd.web.access import dossier_view, record, request_lang, request_user
from pbd.web.models import EDIT_ROLES, AuditKind, Job, JobKind, JobStatus, Membership, Organisation

#: the most files one import takes (each as large as a single upload may be)
MAX_IMPORT_FILES = 200


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _job_or_404(m: Membership, job_id: int) -> Job:
    job: Job | None = (
        Job.objects.select_related("version")
        .filter(pk=job_id, dossier=m.dossier, organisation_id=m.dossier.organisation_id)
        .first()
    )
    if job is None:
        raise Http404("no such job")
    return job


def _api(job: Job) -> dict[str, Any]:
    out = jobs.status_dict(job)
    out["download"] = (
        reverse("web:job_download", args=[job.dossier_id, job.pk])
        if job.status == JobStatus.DONE and job.result_path and job.dossier_id
        else None
    )
    return out


def job_rows(dossier: Any, lang: str) -> dict[str, Any]:
    """What the jobs partial shows: the dossier's latest PDF and re-check jobs, and whether to keep polling."""
    rows = []
    for job in jobs.jobs_of_dossier(dossier, limit=8):
        rows.append(
            {
                "job": job,
                "what": t(lang, f"web.jobs.kind.{job.kind}"),
                "state": t(lang, f"web.jobs.status.{job.status}", progress=job.progress),
                "download": job.status == JobStatus.DONE and bool(job.result_path),
                "error": job.error,
                "retrying": job.status == JobStatus.QUEUED and job.attempts > 0,
            }
        )
    return {"job_rows": rows, "jobs_active": any(r["job"].active for r in rows)}


# -- PDFs as jobs --------------------------------------------------------------------------------------


@dossier_view(post_roles=EDIT_ROLES)
@require_POST
def job_pdf(request: HttpRequest, m: Membership, fmt: str) -> HttpResponse:
    """Ask for the DPIA draft or the art. 25 report of a version (default the latest) as a background job."""
    if fmt not in jobs.FORMAT_KINDS:
        raise Http404("no such report")
    dossier = m.dossier
    number = str(request.POST.get("version", ""))
    if number.isdigit():
        version = dossier.versions.filter(number=int(number)).first()
        if version is None:
            raise Http404("no such version")
    else:
        version = dossier.latest()
    lang = str(request.POST.get("lang") or request_lang(request))
    if lang not in LANGS:
        lang = "nl"
    job, created = jobs.enqueue_pdf(dossier, version, fmt, lang, request_user(request))
    if _wants_json(request):
        job.refresh_from_db()
        return JsonResponse(_api(job), status=202 if created else 200, json_dumps_params={"sort_keys": True})
    if request.headers.get("HX-Request"):
        return _partial(request, m)
    return redirect(reverse("web:dossier", args=[dossier.pk]) + "#jobs", permanent=False)


def _partial(request: HttpRequest, m: Membership) -> HttpResponse:
    ctx = {"dossier": m.dossier, "lang": request_lang(request), **job_rows(m.dossier, request_lang(request))}
    response = render(request, "web/partials/jobs.html", ctx)
    if request.headers.get("HX-Request") and not ctx["jobs_active"]:
        response.status_code = 286  # HTMX: stop polling, nothing is under way any more
    return response


@dossier_view()
@require_http_methods(["GET"])
def job_list(request: HttpRequest, m: Membership) -> HttpResponse:
    """The jobs of the dossier as the partial the dossier page polls (every 2 s while one is under way)."""
    return _partial(request, m)


@dossier_view()
@require_http_methods(["GET"])
def job_status(request: HttpRequest, m: Membership, job: int) -> HttpResponse:
    """One job's status as JSON (keys sorted)."""
    return JsonResponse(_api(_job_or_404(m, job)), json_dumps_params={"sort_keys": True})


@dossier_view()
@require_http_methods(["GET"])
def job_download(request: HttpRequest, m: Membership, job: int) -> HttpResponse:
    """The finished job's file, streamed from the data folder after its sha256 is checked; the download is audited."""
    found = _job_or_404(m, job)
    if found.status != JobStatus.DONE or (found.kind not in jobs.PDF_KINDS and found.kind != JobKind.RECHECK):
        raise Http404("not finished")
    path = jobs.output_path(found)
    if path is None or jobs.file_sha256(path) != found.result_sha256:
        Job.objects.filter(pk=found.pk).update(status=JobStatus.FAILED, error="output file missing or changed")
        raise Http404("output gone")
    dossier = m.dossier
    version = found.version
    fmt = jobs.PDF_KINDS.get(found.kind, "json")
    record(
        request,
        AuditKind.DOWNLOAD,
        dossier,
        {
            "format": fmt,
            "version": version.number if version else None,
            "sha256": version.sha256 if version else "",
            "lang": found.lang,
            "job": found.pk,
            "file_sha256": found.result_sha256,
        },
    )
    from pbd.web.services import DOWNLOADS

    _, content_type, suffix = DOWNLOADS[fmt]
    name = f"{dossier.slug}-v{version.number if version else 0}{suffix}"
    return FileResponse(path.open("rb"), as_attachment=True, filename=name, content_type=content_type)


# -- a folder import -----------------------------------------------------------------------------------


def _files_of(request: HttpRequest) -> list[tuple[str, bytes]]:
    """The uploaded descriptions: several files, or a zip of them (its .yaml/.yml/.json members)."""
    limit = int(settings.MAX_UPLOAD_BYTES)
    out: list[tuple[str, bytes]] = []
    for upload in request.FILES.getlist("files"):
        name = upload.name or "upload"
        raw = upload.read(limit + 1)
        if name.lower().endswith(".zip"):
            out.extend(_unzip(name, raw, limit))
        else:
            out.append((name, raw))
    if len(out) > MAX_IMPORT_FILES:
        raise PbdError("import", f"{len(out)} files, more than {MAX_IMPORT_FILES}", "Import them in parts.")
    return out


def _unzip(name: str, raw: bytes, limit: int) -> list[tuple[str, bytes]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise PbdError(name, "not a zip file", "Upload the descriptions themselves or a valid zip.") from None
    out: list[tuple[str, bytes]] = []
    with archive:
        for info in archive.infolist():
            base = info.filename.rsplit("/", 1)[-1]
            if info.is_dir() or base.startswith(".") or not base.lower().endswith((".yaml", ".yml", ".json")):
                continue
            if info.file_size > limit:
                raise PbdError(f"{name}: {info.filename}", f"larger than {limit // 1024} KB", "Leave it out.")
            with archive.open(info) as fh:
                out.append((base, fh.read(limit + 1)))
            if len(out) > MAX_IMPORT_FILES:
                break
    return out


@login_required
@require_http_methods(["GET", "POST"])
def import_view(request: HttpRequest) -> HttpResponse:
    """Several descriptions (or a zip) at once: one job makes a dossier of each, the uploader its owner."""
    lang = request_lang(request)
    user = request_user(request)
    org = user.organisation or Organisation.default()
    problems: list[str] = []
    status = 200
    if request.method == "POST":
        try:
            files = _files_of(request)
            if not files:
                raise PbdError("import", "no .yaml, .yml or .json file was uploaded", "Choose one or more files.")
        except PbdError as err:
            problems, status = [err.line()], 400
        else:
            jobs.enqueue_import(org, files, user)
            return redirect("web:import")
    mine = list(Job.objects.filter(organisation=org, kind=JobKind.IMPORT, requested_by=user).order_by("-pk")[:5])
    active = any(j.active for j in mine)
    rows = [
        {
            "job": j,
            "state": t(lang, f"web.jobs.status.{j.status}", progress=j.progress),
            "files": j.result.get("files", []),
            "created": j.result.get("created", 0),
        }
        for j in mine
    ]
    ctx = {"rows": rows, "active": active, "problems": problems, "max_files": MAX_IMPORT_FILES}
    if request.headers.get("HX-Request") and request.method == "GET":
        response = render(request, "web/partials/import_jobs.html", ctx)
        if not active:
            response.status_code = 286
        return response
    return render(request, "web/import.html", ctx, status=status)


# -- the portfolio re-check ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def recheck_view(request: HttpRequest) -> HttpResponse:
    """After a knowledge base release: every dossier of the organisation judged again, one job each.

    Everyone of the organisation sees the progress of the last re-checks (counts only); only the
    administrator starts one (the same as ``pbd tenant recheck --org``).
    """
    from django.core.exceptions import PermissionDenied
    from django.db.models import Min

    from pbd.web.services import knowledge_base

    user = request_user(request)
    org = user.organisation or Organisation.default()
    if request.method == "POST":
        if not user.is_superuser:
            raise PermissionDenied("administrators only")
        jobs.enqueue_recheck(org, user)
        return redirect("web:recheck")
    batches = (
        Job.objects.filter(organisation=org, kind=JobKind.RECHECK)
        .exclude(batch="")
        .values("batch")
        .annotate(started=Min("created_at"))
        .order_by("-started")[:5]
    )
    rows = []
    for b in batches:
        counts = jobs.batch_progress(str(b["batch"]))
        total = sum(counts.values())
        rows.append(
            {
                "batch": b["batch"],
                "started": b["started"],
                "counts": counts,
                "total": total,
                "percent": int(100 * (counts["done"] + counts["failed"]) / max(1, total)),
                "active": counts["queued"] + counts["running"] > 0,
            }
        )
    active = any(r["active"] for r in rows)
    ctx = {"rows": rows, "active": active, "kb_version": knowledge_base().version, "is_admin": user.is_superuser}
    if request.headers.get("HX-Request"):
        response = render(request, "web/partials/recheck_batches.html", ctx)
        if not active:
            response.status_code = 286
        return response
    return render(request, "web/recheck.html", ctx)
