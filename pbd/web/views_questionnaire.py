"""The questionnaire views: form pages per part, autosave per field (HTMX), adding and removing list items, the live panel.

The forms come from :mod:`pbd.web.questionnaire` (the terminal questionnaire's own plan); every
save validates the one field and then the whole description, and appends one version through
:func:`pbd.web.services.add_version` (author: the user who saved). An HTMX save answers with the
field's message (swapped into the field's message area, a ``role=status`` region the input's
``aria-describedby`` points at) and, out of band, the live panel and the version the next save
builds on; when the answer changes which questions apply, the page's questions come along too.
Without JavaScript every question is a plain form with a save button, and the page reloads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from pbd import engine
from pbd.description import LoadedDescription
from pbd.errors import DescriptionError
from pbd.messages import pick, t
from pbd.questionnaire.fields import _spec_at
from pbd.web import services
from pbd.web.access import dossier_view, request_lang, request_user
from pbd.web.models import EDIT_ROLES, Dossier, Membership, Version
from pbd.web.questionnaire import (
    BY_ITEM,
    FIRST,
    PARTS,
    AnswerError,
    Change,
    Forms,
    Page,
    Panel,
    PartError,
    add_item,
    answer,
    canonical_yaml,
    countries,
    field_id,
    panel,
    parse_part,
    parse_path,
    remove_item,
)


def _part_or_404(part: str) -> tuple[str | int, ...]:
    try:
        return parse_part(part)
    except PartError:
        raise Http404("no such part") from None


def _data(m: Membership, version: Version) -> dict[str, Any]:
    return services.load(m.dossier, version).data()


def _panel(m: Membership, version: Version, lang: str, loaded: LoadedDescription | None = None) -> Panel:
    """The live panel: ``engine.check`` of the version (loaded once by the caller when it has it)."""
    loaded = loaded or services.load(m.dossier, version)
    kb = services.knowledge_base(m.dossier)
    a = engine.check(loaded, kb, engine.Options(today=dt.date.today()))
    return panel(a, kb, lang, version.number)


def _page(data: dict[str, Any], part: tuple[str | int, ...], lang: str, m: Membership) -> Page:
    forms = Forms(data, lang, services.knowledge_base(m.dossier))  # the help names the profile's rules too
    if part[0] in BY_ITEM and len(part) == 1:
        page = forms.page(part)
        # the section lists its items and the action that adds one; the questions are on each item's page
        adds = [fs for fs in page.fieldsets if fs.adds and fs.path == ()]
        for fs in adds:
            fs.fields = []
        return Page(page.part, page.title, tuple(adds), 0, 0, page.items)
    return forms.page(part)


def _parts(data: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The parts for the questionnaire's own navigation, each with how many of its questions are answered."""
    forms = Forms(data, lang)
    progress = forms.progress_all()
    out = []
    for name in PARTS:
        answered, asked = progress[name]
        entry: dict[str, Any] = {
            "name": name,
            "title": forms.part_title((name,)),
            "answered": answered,
            "asked": asked,
            "items": [],
        }
        if name in BY_ITEM:
            for i in range(len(data.get(name) or [])):
                done, of = progress.get(f"{name}.{i}", (0, 0))
                entry["items"].append(
                    {"name": f"{name}.{i}", "title": forms.item_label((name, i)), "answered": done, "asked": of}
                )
        out.append(entry)
    return out


def _context(request: HttpRequest, m: Membership, part: tuple[str | int, ...], **extra: Any) -> dict[str, Any]:
    lang = request_lang(request)
    latest = m.dossier.latest()
    loaded = services.load(m.dossier, latest)
    data = loaded.data()
    page = _page(data, part, lang, m)
    name = ".".join(str(p) for p in part)
    return {
        "dossier": m.dossier,
        "membership": m,
        "can_edit": m.role in EDIT_ROLES,
        "latest": latest,
        "page": page,
        "part": name,
        "is_first": part == (FIRST,),
        "parts": _parts(data, lang),
        "panel": _panel(m, latest, lang, loaded),
        "save_url": reverse("web:q_save", args=[m.dossier.pk, name]),
        "add_url": reverse("web:q_add", args=[m.dossier.pk, name]),
        "remove_url": reverse("web:q_remove", args=[m.dossier.pk, name]),
        "part_url": reverse("web:questionnaire_part", args=[m.dossier.pk, name]),
        "base_url": reverse("web:questionnaire_part", args=[m.dossier.pk, FIRST]).rsplit(FIRST, 1)[0],
        "first_open": Forms(data, lang).first_open(part),
        "qfield": "",  # the field whose message the page shows (after a save without JavaScript)
        "qok": False,
        "qmsg": "",
        "countries": countries(lang),
        **extra,
    }


@dossier_view()
@require_GET
def questionnaire(request: HttpRequest, m: Membership) -> HttpResponse:
    """The questionnaire starts with the first pass (the questions that decide the screening)."""
    return redirect("web:questionnaire_part", pk=m.dossier.pk, part=FIRST)


@dossier_view()
@require_GET
def questionnaire_part(request: HttpRequest, m: Membership, part: str) -> HttpResponse:
    """One part of the questionnaire: its questions (only those that apply), and the live panel beside them."""
    root = _part_or_404(part)
    return render(request, "web/questionnaire/page.html", _context(request, m, root))


@contextmanager
def _writing(m: Membership) -> Iterator[None]:
    """One writer per dossier from reading its latest version to appending the next, so no answer is lost
    when two people save at the same moment: the touch takes the row's write lock (PostgreSQL) or the
    database's (SQLite) before the latest version is read."""
    with transaction.atomic():
        Dossier.objects.filter(pk=m.dossier.pk).update(title=F("title"))
        yield


def _posted_path(
    request: HttpRequest, key: str, accept: Callable[[tuple[str | int, ...]], bool] = lambda path: True
) -> tuple[str, tuple[str | int, ...]] | None:
    """The path posted as ``key`` (a field, a list, an item), as sent and parsed; None when it is none ``accept`` takes."""
    name = request.POST.get(key, "")
    try:
        path = parse_path(name)
        return (name, path) if accept(path) else None
    except PartError:
        return None


def _refused(
    request: HttpRequest, m: Membership, root: tuple[str | int, ...], qfield: str, err: AnswerError | DescriptionError
) -> HttpResponse:
    """The page again (400) with why adding or removing a list item was refused, at the list's own message area."""
    lang = request_lang(request)
    text = err.text(lang) if isinstance(err, AnswerError) else err.problems[0].render(lang)
    ctx = _context(request, m, root, qfield=qfield, qmsg=f"{t(lang, 'web.q.not_saved')} {text}")
    return render(request, "web/questionnaire/page.html", ctx, status=400)


def _save(request: HttpRequest, m: Membership, change: Change, note: str) -> Version:
    text = canonical_yaml(change.data)
    return services.add_version(m.dossier, text, request_user(request), note)


@dossier_view(post_roles=EDIT_ROLES)
@require_POST
def save(request: HttpRequest, m: Membership, part: str) -> HttpResponse:
    """Autosave one field: validate it, append a version when it changed, answer with the message and the panel."""
    lang = request_lang(request)
    root = _part_or_404(part)
    posted = _posted_path(
        request,
        "field",
        lambda p: _spec_at(p).kind not in ("model", "model_list", "mapping") and isinstance(p[-1], str),
    )
    if posted is None:
        return HttpResponseBadRequest("unknown field")
    name, path = posted
    with _writing(m):
        latest = m.dossier.latest()
        data = _data(m, latest)
        base = request.POST.get("version", "")
        note = ""
        if base.isdigit() and int(base) != latest.number:
            note = t(lang, "web.q.conflict", n=latest.number)
        ok = True
        try:
            change = answer(data, path, request.POST.getlist("value"), lang=lang)
            if change.data == data:
                message, version = t(lang, "web.q.unchanged"), latest
            else:
                version = _save(request, m, change, f"vraag {name}")
                message = t(lang, "web.q.saved", n=version.number)
        except AnswerError as err:
            ok, version, change = False, latest, None
            message = f"{t(lang, 'web.q.not_saved')} {err.text(lang)}"
        except DescriptionError as err:  # the loader refused what the model accepted: shown, never saved
            ok, version, change = False, latest, None
            p = err.problems[0]
            message = f"{t(lang, 'web.q.not_saved')} {pick(lang, p.message_nl, p.message_en)}"
    if note and ok:
        message = f"{message} ({note})"
    if not request.headers.get("HX-Request"):
        if ok:
            return redirect(reverse("web:questionnaire_part", args=[m.dossier.pk, part]) + "#" + field_id(path))
        page = _context(request, m, root, qfield=name, qmsg=message)
        return render(request, "web/questionnaire/page.html", page, status=400)
    # HTMX: the message in place; the panel, the base version and (when the questions changed) the page, out of band
    after = Forms(change.data if change is not None else data, lang)
    refresh = change is not None and Forms(data, lang).names(root) != after.names(root)
    answered, asked = after.progress(root) if root[0] not in BY_ITEM or len(root) > 1 else (0, 0)
    ctx: dict[str, Any] = {
        "dossier": m.dossier,
        "ok": ok,
        "message": message,
        "field": name,
        "latest": version,
        "panel": _panel(m, version, lang) if ok and version.number != latest.number else None,
        "page": _page(change.data, root, lang, m) if refresh and change is not None else None,
        "can_edit": True,
        "save_url": reverse("web:q_save", args=[m.dossier.pk, part]),
        "add_url": reverse("web:q_add", args=[m.dossier.pk, part]),
        "remove_url": reverse("web:q_remove", args=[m.dossier.pk, part]),
        "base_url": reverse("web:questionnaire_part", args=[m.dossier.pk, FIRST]).rsplit(FIRST, 1)[0],
        "qfield": name,
        "qok": ok,
        "qmsg": message,
        "refresh": refresh,
        "parts": _parts(change.data, lang) if change is not None else [],
        "part": part,
        "answered": answered,
        "asked": asked,
        "first_open": after.first_open(root),
        "lang": lang,
    }
    body = render_to_string("web/questionnaire/saved.html", ctx, request=request)
    return HttpResponse(body, status=200 if ok else 422)


@dossier_view(post_roles=EDIT_ROLES)
@require_POST
def add(request: HttpRequest, m: Membership, part: str) -> HttpResponse:
    """Add an item to a list (a processing, a purpose, a system …) with its key; then show its questions."""
    root = _part_or_404(part)
    posted = _posted_path(request, "list")
    if posted is None:
        return HttpResponseBadRequest("unknown list")
    name, list_path = posted
    try:
        with _writing(m):
            change = add_item(_data(m, m.dossier.latest()), list_path, request.POST.get("key", ""))
            _save(request, m, change, f"toegevoegd {'.'.join(map(str, change.path))}")
    except (AnswerError, DescriptionError) as err:
        return _refused(request, m, root, f"{name}+", err)
    item = change.path
    target = part
    if root == ("processings",) or (root != (FIRST,) and item[0] == "processings" and len(item) == 2):
        target = f"processings.{item[1]}"  # a new processing: on to its own page
    anchor = field_id(item) + "-set"
    return redirect(reverse("web:questionnaire_part", args=[m.dossier.pk, target]) + "#" + anchor)


@dossier_view(post_roles=EDIT_ROLES)
@require_POST
def remove(request: HttpRequest, m: Membership, part: str) -> HttpResponse:
    """Remove one list item; refused while another part of the description refers to it."""
    root = _part_or_404(part)
    posted = _posted_path(request, "item", lambda p: isinstance(p[-1], int))
    if posted is None:
        return HttpResponseBadRequest("unknown item")
    name, item = posted
    try:
        with _writing(m):
            change = remove_item(_data(m, m.dossier.latest()), item)
            _save(request, m, change, f"verwijderd {name}")
    except (AnswerError, DescriptionError) as err:
        return _refused(request, m, root, f"{name}-", err)
    if len(root) == 2 and root == item:  # the page's own item is gone: back to its section
        return redirect("web:questionnaire_part", pk=m.dossier.pk, part=str(item[0]))
    return redirect("web:questionnaire_part", pk=m.dossier.pk, part=part)


@dossier_view()
@require_GET
def live_panel(request: HttpRequest, m: Membership) -> HttpResponse:
    """The live panel alone (HTMX polls it after someone else's save; also a plain page without JavaScript)."""
    lang = request_lang(request)
    latest = m.dossier.latest()
    ctx = {
        "dossier": m.dossier,
        "panel": _panel(m, latest, lang),
        "base_url": reverse("web:questionnaire_part", args=[m.dossier.pk, FIRST]).rsplit(FIRST, 1)[0],
        "lang": lang,
    }
    return render(request, "web/questionnaire/panel.html", ctx)
