"""The core views of the web dossier: login, the dossier list and page, members, history, comments, sign-off, downloads, audit.

Every dossier view is wrapped by :func:`pbd.web.access.dossier_view` (login, membership, role);
the engine judges, :mod:`pbd.web.services` does the work, the templates only show.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from pbd.errors import DescriptionError, PbdError
from pbd.messages import LANGS, outcome, t
from pbd.web import rights, services, tenants
from pbd.web.access import dossier_view, memberships_of, record, request_lang, request_user
from pbd.web.forms import CommentForm, LoginForm, MemberForm, NewDossierForm, SignOffForm, UploadForm
from pbd.web.models import (
    AUDIT_ROLES,
    EDIT_ROLES,
    AuditEvent,
    AuditKind,
    Comment,
    Dossier,
    Membership,
    OidcIdentity,
    Organisation,
    Role,
    SignOff,
    SignOffKind,
    TargetKind,
    User,
    Version,
)
from pbd.web.security import client_ip, login_throttled

if TYPE_CHECKING:
    from pbd.todo import Action


def _problems(err: PbdError, lang: str) -> list[str]:
    if isinstance(err, DescriptionError):
        return [p.render(lang) for p in err.problems[:20]]
    return [err.line()]


# -- login, logout, language ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    lang = request_lang(request)
    form = LoginForm(request.POST or None, lang=lang)
    error = ""
    status = 200
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"].strip().lower()
        ip = client_ip(request)
        if login_throttled(username, ip):
            error, status = t(lang, "web.login.throttled", minutes=settings.LOGIN_WINDOW_SECONDS // 60), 429
            AuditEvent.objects.create(kind=AuditKind.LOGIN_FAILED, username=username, ip=ip, detail={"throttled": True})
        else:
            user = authenticate(request, username=username, password=form.cleaned_data["password"])
            if user is None:
                # a provider's account has no local password login (rights.LocalBackend), even with a hash
                provider = User.objects.filter(username__iexact=username, oidc_identities__isnull=False).exists()
                detail = {"reason": "provider_account"} if provider else {}
                AuditEvent.objects.create(kind=AuditKind.LOGIN_FAILED, username=username, ip=ip, detail=detail)
                error, status = t(lang, "web.login.failed"), 401
            else:
                login(request, user)
                AuditEvent.objects.create(kind=AuditKind.LOGIN, user=user, username=username, ip=ip, detail={})
                target = request.POST.get("next") or request.GET.get("next") or ""
                if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=False):
                    return redirect(target)
                return redirect("web:dossiers")
    elif request.method == "POST":
        error, status = t(lang, "web.login.failed"), 400
    return render(
        request, "web/login.html", {"form": form, "error": error, "next": request.GET.get("next", "")}, status=status
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        AuditEvent.objects.create(
            kind=AuditKind.LOGOUT, user=request.user, username=request.user.get_username(), ip=client_ip(request)
        )
    logout(request)
    return redirect("web:login")


@require_POST
def lang_view(request: HttpRequest) -> HttpResponse:
    lang = request.POST.get("lang", "nl")
    if lang not in LANGS:
        return HttpResponseBadRequest("unknown language")
    request.session["lang"] = lang
    if request.user.is_authenticated:
        User.objects.filter(pk=request.user.pk).update(lang=lang)
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=False):
        return redirect(target)
    return redirect("web:dossiers")


# -- the list and a new dossier ---------------------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def dossier_list(request: HttpRequest) -> HttpResponse:
    rows = []
    for m in memberships_of(request).select_related("dossier").order_by("dossier__title"):
        latest = m.dossier.latest()
        rows.append({"dossier": m.dossier, "role": m.role, "version": latest})
    return render(request, "web/dossier_list.html", {"rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def dossier_new(request: HttpRequest) -> HttpResponse:
    lang = request_lang(request)
    form = NewDossierForm(request.POST or None, request.FILES or None, lang=lang)
    problems: list[str] = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data.get("upload")
            title = (form.cleaned_data.get("title") or "").strip()
            user = request.user
            assert isinstance(user, User)
            org = user.organisation or Organisation.default()
            try:
                if upload is not None:
                    raw = upload.read(settings.MAX_UPLOAD_BYTES + 1)
                    text, note = services.text_from_upload(upload.name or "upload", raw, settings.MAX_UPLOAD_BYTES)
                    title = title or str(services.validate_text(text, "upload.yaml").model.project.name or "")
                else:
                    text, note = (
                        services.blank_text(title, org.name if org.slug != Organisation.DEFAULT_SLUG else None),
                        "new",
                    )
                dossier = services.create_dossier(org.pk, title or upload.name or "dossier", text, user, note)
            except PbdError as err:
                problems, status = _problems(err, lang), 400
            else:
                return redirect("web:dossier", pk=dossier.pk)
        else:
            status = 400
    return render(request, "web/dossier_new.html", {"form": form, "problems": problems}, status=status)


# -- the dossier page ------------------------------------------------------------------------------


def _version_or_404(dossier: Dossier, number: int | None) -> Version:
    if number is None:
        return dossier.latest()
    found: Version | None = Version.objects.filter(dossier=dossier, number=number).first()
    if found is None:
        raise Http404("no such version")
    return found


def _signoffs(dossier: Dossier, latest: Version) -> list[dict[str, Any]]:
    return [
        {"signoff": s, "current": services.is_current(s, latest)}
        for s in SignOff.objects.filter(dossier=dossier).select_related("version", "author").order_by("-created_at")
    ]


def _reasons(s: Any, lang: str) -> list[dict[str, Any]]:
    """The screening's hits, one line per framework item and reason, with the processings it holds for."""
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    for h in s.hits:
        d = h.as_dict(lang)
        row = out.setdefault((d["framework"], d["item"], d["reason"]), {**d, "targets": []})
        if d["target"] != "project" and d["target"] not in row["targets"]:
            row["targets"].append(d["target"])
    return list(out.values())


def _todo_actions(actions: Iterable[Action], lang: str) -> list[dict[str, Any]]:
    """The gate's actions with each fix said once: one entry per title and fix, naming every place it is due for.

    An FG reads "Leg een bewaartermijn vast — voor camera-tellen, wifi-tellen", not the same fix under each
    processing; the entry is a gap when any of its places is, and blocks when any of its places blocks.
    """
    from pbd.vocabulary import Status

    out: dict[tuple[str, str], dict[str, Any]] = {}
    for x in actions:
        title, fix = x.title(lang), x.fix(lang)
        entry = out.get((title, fix))
        if entry is None:
            entry = out[(title, fix)] = {
                "title": title,
                "fix": fix,
                "status": x.status,
                "severity": x.severity,
                "holds": x.holds,
                "closes": [],
                "targets": [],
            }
        if x.status is Status.GAP:
            entry["status"] = Status.GAP
        entry["holds"] = entry["holds"] or x.holds
        entry["closes"].extend(c for c in x.closes if c not in entry["closes"])
        if x.target != "project" and x.target not in entry["targets"]:
            entry["targets"].append(x.target)
    return list(out.values())


def dossier_context(request: HttpRequest, m: Membership, version: Version | None = None) -> dict[str, Any]:
    """The panel of a dossier page: screening, findings to act on, the gate's to-do list (also for the questionnaire views)."""
    from pbd.render.common import explanation, fix, title
    from pbd.todo import build_todo
    from pbd.vocabulary import Gate, Status, label

    lang = request_lang(request)
    dossier = m.dossier
    latest = dossier.latest()
    version = version or latest
    kb = services.knowledge_base(dossier)
    a = services.assess(dossier, version)
    asked = request.GET.get("gate", "")
    gate = Gate(asked) if asked in {g.value for g in Gate} else None
    todo = build_todo(a, kb, gate)
    s = a.screening
    # one entry per rule (its fix said once), with each target's points listed under it
    groups: dict[str, dict[str, Any]] = {}
    for f in a.findings:
        if f.status not in (Status.GAP, Status.OPEN):
            continue
        group = groups.get(f.rule)
        if group is None:
            group = groups[f.rule] = {
                "rule": f.rule,
                "status": f.status.value,
                "status_label": label(f.status, lang),
                "severity": label(f.severity, lang),
                "gate": label(f.gate, lang),
                "title": title(f, kb, lang),
                "fix": fix(f, kb, lang),
                "targets": {},
            }
        elif f.status is Status.GAP and group["status"] != Status.GAP.value:
            group["status"], group["status_label"] = f.status.value, label(f.status, lang)
        target = group["targets"].setdefault(f.target, {"key": f"{f.rule}@{f.target}", "name": f.target, "items": []})
        target["items"].append({"explanation": explanation(f, kb, lang), "path": f.path})
    for group in groups.values():
        group["targets"] = list(group["targets"].values())
        group["points"] = sum(len(x["items"]) for x in group["targets"])
    findings = list(groups.values())
    return {
        "dossier": dossier,
        "membership": m,
        "role": m.role,
        "role_label": t(lang, f"web.role.{m.role}"),
        "can_edit": m.role in EDIT_ROLES,
        "is_owner": m.role == Role.OWNER,
        "is_fg": m.role == Role.FG,
        # the FG's advice needs the organisation's fg right as well as the role (pbd.web.rights)
        "fg_right": m.role == Role.FG and rights.has_right(request.user, "fg"),
        "can_audit": m.role in AUDIT_ROLES,
        "version": version,
        "latest": latest,
        "assessment": a,
        "counts": a.counts(),
        "screening": {
            "title": outcome(lang, s.dpia),
            "dpia": s.dpia,
            "reasons": _reasons(s, lang),
            "questions": [q.as_dict(lang) for q in s.questions],
            "also": [name for name, on in (("DTIA", s.dtia), ("IAMA", s.iama), ("KIA", s.kia), ("FRIA", s.fria)) if on],
        },
        "findings": findings,
        "gates": [(g.value, label(g, lang)) for g in Gate],
        "todo": {
            "gate_value": todo.gate.value,
            "gate": label(todo.gate, lang),
            "actions": _todo_actions(todo.actions, lang),
            "later": [(label(g, lang), n) for g, n in todo.later],
        },
        "decision": a.decision(),
        "versions": list(dossier.versions.select_related("author").order_by("-number")[:5]),
        "signoffs": _signoffs(dossier, latest),
        "downloads": list(services.DOWNLOADS),
    }


@dossier_view()
@require_http_methods(["GET"])
def dossier_detail(request: HttpRequest, m: Membership) -> HttpResponse:
    """The dossier page of the latest version, or of ``?v=N`` (an older version's judgement, e.g. the one signed)."""
    number = request.GET.get("v", "")
    ctx = dossier_context(request, m, _version_or_404(m.dossier, int(number)) if number.isdigit() else None)
    ctx["comments"] = _threads(m.dossier, TargetKind.DOSSIER, "")
    ctx["comment_form"] = CommentForm(initial={"target_kind": "dossier", "target": ""}, lang=request_lang(request))
    ctx["upload_form"] = UploadForm(lang=request_lang(request))
    ctx["advice_form"] = SignOffForm(
        initial={"version": ctx["latest"].number}, kind=SignOffKind.FG_ADVICE, lang=request_lang(request)
    )
    ctx["decision_form"] = SignOffForm(
        initial={"version": ctx["latest"].number}, kind=SignOffKind.DECISION, lang=request_lang(request)
    )
    from pbd.web.views_jobs import job_rows

    ctx.update(job_rows(m.dossier, request_lang(request)))  # the PDF and re-check jobs, polled while one is under way
    return render(request, "web/dossier_detail.html", ctx)


@dossier_view(post_roles=EDIT_ROLES)
@require_POST
def dossier_upload(request: HttpRequest, m: Membership) -> HttpResponse:
    """A new version from an uploaded description (the file edited outside, e.g. with ``pbd questionnaire``)."""
    lang = request_lang(request)
    form = UploadForm(request.POST, request.FILES, lang=lang)
    if not form.is_valid():
        return _back_with(request, m, [t(lang, "web.upload.none")])
    upload = form.cleaned_data["upload"]
    try:
        text, note = services.text_from_upload(
            upload.name or "upload", upload.read(settings.MAX_UPLOAD_BYTES + 1), settings.MAX_UPLOAD_BYTES
        )
        services.add_version(m.dossier, text, request_user(request), note)
    except PbdError as err:
        return _back_with(request, m, _problems(err, lang))
    return redirect("web:dossier", pk=m.dossier.pk)


def _back_with(request: HttpRequest, m: Membership, problems: list[str]) -> HttpResponse:
    ctx = dossier_context(request, m)
    ctx.update(
        problems=problems,
        comments=_threads(m.dossier, TargetKind.DOSSIER, ""),
        comment_form=CommentForm(initial={"target_kind": "dossier"}, lang=request_lang(request)),
        upload_form=UploadForm(lang=request_lang(request)),
        advice_form=SignOffForm(
            initial={"version": ctx["latest"].number}, kind=SignOffKind.FG_ADVICE, lang=request_lang(request)
        ),
        decision_form=SignOffForm(
            initial={"version": ctx["latest"].number}, kind=SignOffKind.DECISION, lang=request_lang(request)
        ),
    )
    return render(request, "web/dossier_detail.html", ctx, status=400)


# -- members ---------------------------------------------------------------------------------------


@dossier_view(roles=[Role.OWNER])
@require_http_methods(["GET", "POST"])
def members(request: HttpRequest, m: Membership) -> HttpResponse:
    lang = request_lang(request)
    dossier = m.dossier
    form = MemberForm(request.POST or None, lang=lang)
    problem = ""
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "set")
        if form.is_valid():
            username = form.cleaned_data["username"].strip().lower()
            role = form.cleaned_data["role"]
            # only accounts of the dossier's own organisation: another tenant's user "does not exist" here
            user = User.objects.filter(username__iexact=username, organisation_id=dossier.organisation_id).first()
            if user is None:
                problem, status = t(lang, "web.members.no_user", user=username), 400
            elif action == "set" and not rights.may_take_role(user, role):  # FG, privacy officer: the right first
                problem = t(lang, "web.members.needs_right", user=user.username, role=t(lang, f"web.role.{role}"))
                status = 400
            else:
                problem, status = _set_role(request, dossier, user, role if action == "set" else None, lang)
                if not problem:
                    return redirect("web:members", pk=dossier.pk)
        else:
            status = 400
    rows = list(Membership.objects.filter(dossier=dossier).select_related("user").order_by("user__username"))
    return render(
        request,
        "web/members.html",
        {"dossier": dossier, "rows": rows, "form": form, "problem": problem, "membership": m},
        status=status,
    )


def _set_role(request: HttpRequest, dossier: Dossier, user: User, role: str | None, lang: str) -> tuple[str, int]:
    """Give ``user`` ``role`` in ``dossier`` (None removes them); the last owner cannot go. Audited."""
    with transaction.atomic():
        current = Membership.objects.select_for_update().filter(dossier=dossier, user=user).first()
        owners = Membership.objects.filter(dossier=dossier, role=Role.OWNER).exclude(user=user).count()
        if current is not None and current.role == Role.OWNER and role != Role.OWNER and owners == 0:
            return t(lang, "web.members.last_owner"), 400
        old = current.role if current else None
        if role is None:
            if current is not None:
                current.delete()
        elif current is None:
            Membership.objects.create(dossier=dossier, user=user, role=role)
        else:
            current.role = role
            current.save(update_fields=["role"])
        record(request, AuditKind.ROLE_CHANGE, dossier, {"member": user.username, "from": old, "to": role})
    return "", 200


# -- history ---------------------------------------------------------------------------------------


@dossier_view(post_roles=EDIT_ROLES)
@require_http_methods(["GET"])
def history(request: HttpRequest, m: Membership) -> HttpResponse:
    dossier = m.dossier
    versions = list(dossier.versions.select_related("author").order_by("-number"))
    latest = versions[0]
    ctx: dict[str, Any] = {"dossier": dossier, "membership": m, "versions": versions, "can_edit": m.role in EDIT_ROLES}
    a_num, b_num = request.GET.get("a"), request.GET.get("b")
    if a_num and b_num:
        try:
            old = _version_or_404(dossier, int(a_num))
            new = _version_or_404(dossier, int(b_num))
        except ValueError:
            raise Http404("no such version") from None
        ctx.update(old=old, new=new, changes=services.diff(dossier, old, new))
    else:
        ctx.update(old=versions[1] if len(versions) > 1 else latest, new=latest, changes=None)
    return render(request, "web/history.html", ctx)


@dossier_view(roles=EDIT_ROLES)
@require_POST
def restore(request: HttpRequest, m: Membership, number: int) -> HttpResponse:
    _version_or_404(m.dossier, number)
    services.restore(m.dossier, number, request_user(request))
    return redirect("web:history", pk=m.dossier.pk)


# -- comments --------------------------------------------------------------------------------------


def _threads(dossier: Dossier, kind: str, target: str) -> list[dict[str, Any]]:
    """The threads on one target: root comments with their replies (in order)."""
    comments = list(
        Comment.objects.filter(dossier=dossier, target_kind=kind, target=target).select_related("author", "resolved_by")
    )
    replies: dict[int, list[Comment]] = {}
    for c in comments:
        if c.parent_id is not None:
            replies.setdefault(c.parent_id, []).append(c)
    return [{"root": c, "replies": replies.get(c.pk, [])} for c in comments if c.parent_id is None]


def _comments_response(request: HttpRequest, m: Membership, kind: str, target: str, status: int = 200) -> HttpResponse:
    ctx = {
        "dossier": m.dossier,
        "membership": m,
        "can_comment": m.role in EDIT_ROLES,
        "threads": _threads(m.dossier, kind, target),
        "target_kind": kind,
        "target": target,
        "comment_form": CommentForm(initial={"target_kind": kind, "target": target}, lang=request_lang(request)),
    }
    if request.headers.get("HX-Request") == "true" or request.method == "GET":  # without JavaScript: a whole page
        page = "web/partials/comments.html" if request.headers.get("HX-Request") == "true" else "web/comments.html"
        return render(request, page, ctx, status=status)
    return redirect("web:dossier", pk=m.dossier.pk)


@dossier_view(post_roles=EDIT_ROLES)
@require_http_methods(["GET", "POST"])
def comments(request: HttpRequest, m: Membership) -> HttpResponse:
    """GET: the threads on ``?target_kind=&target=``; POST: a new comment or reply (HTMX swaps the list)."""
    source = request.POST if request.method == "POST" else request.GET
    kind = source.get("target_kind", TargetKind.DOSSIER)
    if kind not in TargetKind.values:
        return HttpResponseBadRequest("unknown target")
    target = source.get("target", "")[:300]
    if request.method == "POST":
        form = CommentForm(request.POST, lang=request_lang(request))
        if not form.is_valid():
            return _comments_response(request, m, kind, target, status=400)
        parent_id = form.cleaned_data.get("parent")
        parent = None
        if parent_id:
            parent = Comment.objects.filter(pk=parent_id, dossier=m.dossier, parent__isnull=True).first()
            if parent is None:
                raise Http404("no such comment")
            kind, target = parent.target_kind, parent.target
        Comment.objects.create(
            dossier=m.dossier,
            version_number=m.dossier.latest().number,
            target_kind=kind,
            target=target,
            parent=parent,
            author=request_user(request),
            text=form.cleaned_data["text"],
        )
    return _comments_response(request, m, kind, target)


@dossier_view(roles=EDIT_ROLES)
@require_POST
def comment_resolve(request: HttpRequest, m: Membership, cid: int) -> HttpResponse:
    """Resolve a thread (or reopen it with ``reopen=1``)."""
    from django.utils import timezone

    c = Comment.objects.filter(pk=cid, dossier=m.dossier, parent__isnull=True).first()
    if c is None:
        raise Http404("no such comment")
    if request.POST.get("reopen"):
        c.resolved_at, c.resolved_by = None, None
    else:
        c.resolved_at, c.resolved_by = timezone.now(), request_user(request)
    c.save(update_fields=["resolved_at", "resolved_by"])
    return _comments_response(request, m, c.target_kind, c.target)


# -- sign-off --------------------------------------------------------------------------------------


def _sign(request: HttpRequest, m: Membership, kind: str) -> HttpResponse:
    lang = request_lang(request)
    form = SignOffForm(request.POST, kind=kind, lang=lang)
    if not form.is_valid():
        return _back_with(request, m, [f"{k}: {' '.join(v)}" for k, v in form.errors.items()])
    version = _version_or_404(m.dossier, form.cleaned_data["version"])
    signoff = services.sign(
        m.dossier,
        version,
        kind,
        request_user(request),
        form.cleaned_data["text"],
        form.cleaned_data.get("outcome") or "",
        client_ip(request),
    )
    if form.cleaned_data.get("adopt"):
        text = services.with_signoff_block(m.dossier, signoff, lang)
        try:
            services.add_version(m.dossier, text, request_user(request), f"{kind} v{version.number}")
        except PbdError as err:
            return _back_with(request, m, _problems(err, lang))
    return redirect("web:dossier", pk=m.dossier.pk)


@dossier_view(roles=[Role.FG])
@require_POST
def advice(request: HttpRequest, m: Membership) -> HttpResponse:
    """The FG's advice on a version (AVG art. 35(2)); only the dossier's FG may give it, and only while their
    account still holds the organisation's ``fg`` right (read now: one withdrawn at the provider stops it)."""
    if not rights.has_right(request.user, "fg"):
        message = t(request_lang(request), "web.signoff.no_fg_right")
        return render(request, "web/error.html", {"code": 403, "message": message}, status=403)
    return _sign(request, m, SignOffKind.FG_ADVICE)


@dossier_view(roles=[Role.OWNER])
@require_POST
def decision(request: HttpRequest, m: Membership) -> HttpResponse:
    """The controller's decision on a version (AVG art. 24(1)); recorded by the dossier's owner."""
    return _sign(request, m, SignOffKind.DECISION)


# -- downloads and audit ----------------------------------------------------------------------------


@dossier_view()
@require_http_methods(["GET"])
def download(request: HttpRequest, m: Membership, fmt: str, number: int | None = None) -> HttpResponse:
    if fmt not in services.DOWNLOADS:
        raise Http404("no such format")
    lang = request.GET.get("lang", request_lang(request))
    if lang not in LANGS:
        lang = "nl"
    dossier = m.dossier
    version = _version_or_404(dossier, number)
    body = services.render(fmt, dossier, version, lang)
    _, content_type, suffix = services.DOWNLOADS[fmt]
    record(
        request,
        AuditKind.DOWNLOAD,
        dossier,
        {"format": fmt, "version": version.number, "sha256": version.sha256, "lang": lang},
    )
    response = HttpResponse(body, content_type=content_type)
    name = f"{dossier.slug}{suffix}" if number is None else f"{dossier.slug}-v{version.number}{suffix}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@dossier_view(roles=AUDIT_ROLES)
@require_http_methods(["GET"])
def audit(request: HttpRequest, m: Membership) -> HttpResponse:
    events = list(AuditEvent.objects.filter(dossier=m.dossier).select_related("user")[:500])
    return render(request, "web/audit.html", {"dossier": m.dossier, "membership": m, "events": events})


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request, "web/error.html", {"code": 403, "message": t(request_lang(request), "web.error.403")}, status=403
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request, "web/error.html", {"code": 404, "message": t(request_lang(request), "web.error.404")}, status=404
    )


# -- accounts --------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def password_change(request: HttpRequest) -> HttpResponse:
    """Change one's own password (the one-time password of a new account first of all)."""
    from django.contrib.auth import update_session_auth_hash
    from django.contrib.auth.forms import PasswordChangeForm

    lang = request_lang(request)
    if rights.is_provider_account(request_user(request)):  # the provider keeps its password, not pbd
        message = t(lang, "web.account.provider", provider=_provider_name(lang))
        return render(
            request, "web/password.html", {"provider_message": message}, status=200 if request.method == "GET" else 400
        )
    form = PasswordChangeForm(request_user(request), request.POST or None)
    form.fields["old_password"].label = t(lang, "web.account.old_password")
    form.fields["new_password1"].label = t(lang, "web.account.new_password")
    form.fields["new_password1"].help_text = t(lang, "web.account.password_rules")
    form.fields["new_password2"].label = t(lang, "web.account.new_password_again")
    if request.method == "POST":
        if form.is_valid():
            user = form.save()
            update_session_auth_hash(request, user)
            return redirect("web:dossiers")
        return render(request, "web/password.html", {"form": form}, status=400)
    return render(request, "web/password.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def users(request: HttpRequest) -> HttpResponse:
    """The administrator's list of accounts: create one, give one a new one-time password, grant the rights.

    A provider's account (single sign-on) gets neither a local password nor rights from here: the
    provider decides who it is and which roles it has (pbd.web.rights).
    """
    import secrets

    from pbd.web.forms import NewUserForm

    admin = request_user(request)
    if not admin.is_superuser:
        raise PermissionDenied("administrators only")
    lang = request_lang(request)
    form = NewUserForm(request.POST or None, lang=lang)
    shown: tuple[str, str] | None = None
    refused = saved = ""
    status = 200
    provider = _provider_name(lang)
    if request.method == "POST":
        reset = request.POST.get("reset")
        rights_for = request.POST.get("rights_for")
        if reset:
            user = User.objects.filter(organisation=admin.organisation, username=reset).first()
            if user is None:
                raise Http404("no such user")
            if rights.is_provider_account(user):  # a local password would go around the provider
                refused, status = t(lang, "web.users.provider_password", user=user.username, provider=provider), 400
            else:
                password = secrets.token_urlsafe(12)
                user.set_password(password)
                user.save(update_fields=["password"])
                shown = (user.username, password)
        elif rights_for:
            user = User.objects.filter(organisation=admin.organisation, username=rights_for).first()
            if user is None:
                raise Http404("no such user")
            wanted = set(request.POST.getlist("right"))
            if not wanted <= set(rights.GRANTABLE):
                return HttpResponseBadRequest("unknown right")
            try:
                rights.grant(user, wanted, by=admin, ip=client_ip(request))
            except rights.ProviderAccountError:
                refused = t(lang, "web.users.provider_rights_refused", user=user.username, provider=provider)
                status = 400
            else:
                saved = t(lang, "web.users.rights_saved", user=user.username)
        elif form.is_valid():
            username = form.cleaned_data["username"].strip().lower()
            if User.objects.filter(username__iexact=username).exists():
                form.add_error("username", t(lang, "web.users.exists"))
                status = 400
            else:
                password = secrets.token_urlsafe(12)
                User.objects.create_user(
                    username=username,
                    email=form.cleaned_data.get("email") or "",
                    first_name=form.cleaned_data.get("name") or "",
                    password=password,
                    organisation=admin.organisation or Organisation.default(),
                )
                shown = (username, password)
                form = NewUserForm(lang=lang)
        else:
            status = 400
    accounts = list(User.objects.filter(organisation=admin.organisation).order_by("username"))
    linked = set(OidcIdentity.objects.filter(user__in=accounts).values_list("user_id", flat=True))
    held: dict[int, set[str]] = {}
    for user_id, right in User.groups.through.objects.filter(
        user__in=accounts, group__name__in=rights.GRANTABLE
    ).values_list("user_id", "group__name"):
        held.setdefault(user_id, set()).add(right)
    rows = [
        {
            "user": a,
            "provider": a.pk in linked,
            "rights": [{"id": r, "held": r in held.get(a.pk, set())} for r in rights.GRANTABLE],
        }
        for a in accounts
    ]
    ctx = {"form": form, "rows": rows, "shown": shown, "refused": refused, "saved": saved, "provider": provider}
    return render(request, "web/users.html", ctx, status=status)


def _provider_name(lang: str) -> str:
    """The identity provider's name as the login page shows it, or a general term when single sign-on is off."""
    cfg = getattr(settings, "OIDC", None)
    return str(cfg.provider_name) if cfg is not None else t(lang, "web.users.identity_provider")


@login_required
@require_http_methods(["GET"])
def audit_all(request: HttpRequest) -> HttpResponse:
    """The administrator's audit log of the whole organisation: logins (failed ones too), accounts, every dossier's events."""
    admin = request_user(request)
    if not admin.is_superuser:
        raise PermissionDenied("administrators only")
    events = list(tenants.audit_events(admin.organisation)[:1000])
    return render(request, "web/audit.html", {"dossier": None, "events": events, "all": True})
