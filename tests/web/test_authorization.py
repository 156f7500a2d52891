"""Every URL, derived from the resolver (a new URL cannot be forgotten): anonymous → login; outsider → 404; viewer → no edits; only the FG signs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from pbd.web.models import Comment

#: the URLs anyone may use without logging in (everything else must send them to the login page)
PUBLIC = {"web:login", "web:lang", "web:logout", "web:home", "static"}
#: per dossier URL: who may GET it (None: every member) — POST rights are checked by the role tests below
OWNER_OR_FG = {"owner", "fg"}


def _patterns(resolver: URLResolver, prefix: str = "", ns: str = "") -> Iterator[tuple[str, str, Any]]:
    """(route, name, callback) of every pattern, include()s followed."""
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            inner = f"{ns}{p.namespace}:" if p.namespace else ns
            yield from _patterns(p, prefix + str(p.pattern), inner)
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), f"{ns}{p.name}" if p.name else "", p.callback


ROUTES = sorted({(route, name, cb) for route, name, cb in _patterns(get_resolver())}, key=lambda r: r[0])
DOSSIER_ROUTES = [r for r in ROUTES if "<int:pk>" in r[0]]
OTHER_ROUTES = [r for r in ROUTES if "<int:pk>" not in r[0]]


def _url(route: str, values: dict[str, Any]) -> str:
    """A concrete path for a route (``d/<int:pk>/…`` or a ``^static/(?P<path>.+)$`` regex)."""
    if route.startswith("^"):
        route = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values.get(m.group(1), "web/pbd.css")), route)
        return "/" + route.strip("^$")

    def fill(m: re.Match[str]) -> str:
        kind, name = m.group(1) or "str", m.group(2)
        if name in values:
            return str(values[name])
        return "1" if kind == "int" else "x"

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)


def _values(dossier: Any, team: dict[str, Any]) -> dict[str, Any]:
    comment = Comment.objects.create(
        dossier=dossier, version_number=1, target_kind="dossier", target="", author=team["users"]["owner"], text="x"
    )
    return {"pk": dossier.pk, "number": 1, "cid": comment.pk, "fmt": "yaml", "path": "web/pbd.css", "part": "eerste"}


def _unknown_params(route: str) -> bool:
    """A route with a parameter the walk has no real value for: a 404 for the made-up value is fine."""
    return any(
        name not in ("pk", "number", "cid", "fmt", "path", "part") for name in re.findall(r"<(?:\w+:)?(\w+)>", route)
    )


def test_the_walk_sees_every_view() -> None:
    names = {name for _, name, _ in ROUTES}
    assert {"web:dossier", "web:members", "web:history", "web:advice", "web:download", "web:audit"} <= names
    assert len(DOSSIER_ROUTES) >= 12


@pytest.mark.parametrize(("route", "name", "callback"), DOSSIER_ROUTES, ids=[r[1] or r[0] for r in DOSSIER_ROUTES])
def test_every_dossier_view_checks_membership_and_role(route: str, name: str, callback: Any) -> None:
    """Wrapped by access.dossier_view: login, membership (404) and role (403) are checked before the view runs."""
    assert hasattr(callback, "dossier_roles"), f"{route}: use pbd.web.access.dossier_view"


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "name", "callback"), ROUTES, ids=[r[1] or r[0] for r in ROUTES])
def test_anonymous_goes_to_login(route: str, name: str, callback: Any, team: dict[str, Any], client: Any) -> None:
    url = _url(route, _values(team["dossier"], team))
    if name in PUBLIC:
        return
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302, (method, url, response.status_code)
        assert response["Location"].startswith("/login/?next="), response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "name", "callback"), DOSSIER_ROUTES, ids=[r[1] for r in DOSSIER_ROUTES])
def test_a_member_of_a_gets_404_on_b(route: str, name: str, callback: Any, team: dict[str, Any], login: Any) -> None:
    client = login(team["users"]["owner"])  # owner of A, nothing in B
    url = _url(route, _values(team["other"], team))
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 404, (method.__name__, url, response.status_code)
        assert "Ander project" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "name", "callback"), DOSSIER_ROUTES, ids=[r[1] for r in DOSSIER_ROUTES])
def test_a_viewer_cannot_post_anything(route: str, name: str, callback: Any, team: dict[str, Any], login: Any) -> None:
    client = login(team["users"]["viewer"])
    url = _url(route, _values(team["dossier"], team))
    before = team["dossier"].versions.count()
    response = client.post(
        url, {"text": "edit", "version": 1, "target_kind": "dossier", "username": "viewer", "role": "owner"}
    )
    assert response.status_code in (403, 405), (url, response.status_code)
    assert team["dossier"].versions.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "name", "callback"), DOSSIER_ROUTES, ids=[r[1] for r in DOSSIER_ROUTES])
def test_a_viewer_reads_what_is_for_every_member(
    route: str, name: str, callback: Any, team: dict[str, Any], login: Any
) -> None:
    client = login(team["users"]["viewer"])
    url = _url(route, _values(team["dossier"], team))
    response = client.get(url)
    roles = callback.dossier_roles
    if roles is not None and "viewer" not in roles:
        assert response.status_code == 403, (url, response.status_code)
    elif response.status_code == 302:  # a view that sends on to a page of the same dossier
        assert response["Location"].startswith(f"/d/{team['dossier'].pk}/"), response["Location"]
    else:
        allowed = (200, 405, 404) if _unknown_params(route) else (200, 405)
        assert response.status_code in allowed, (url, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["owner", "editor", "privacy_officer", "fg", "viewer"])
def test_only_the_fg_signs_advice_and_only_the_owner_records_the_decision(
    role: str, team: dict[str, Any], login: Any
) -> None:
    client = login(team["users"][role])
    pk = team["dossier"].pk
    advice = client.post(f"/d/{pk}/advies/", {"version": 1, "text": "Positief advies."})
    assert advice.status_code == (302 if role == "fg" else 403)
    decision = client.post(f"/d/{pk}/besluit/", {"version": 1, "text": "Akkoord.", "outcome": "go"})
    assert decision.status_code == (302 if role == "owner" else 403)
    assert team["dossier"].signoffs.count() == (role in ("fg", "owner"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["editor", "privacy_officer", "fg", "viewer"])
def test_only_the_owner_manages_members(role: str, team: dict[str, Any], login: Any) -> None:
    client = login(team["users"][role])
    pk = team["dossier"].pk
    assert client.get(f"/d/{pk}/leden/").status_code == 403
    assert client.post(f"/d/{pk}/leden/", {"username": role.replace("_", ""), "role": "owner"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "name", "callback"), OTHER_ROUTES, ids=[r[1] or r[0] for r in OTHER_ROUTES])
def test_pages_outside_dossiers_work_for_a_logged_in_user(
    route: str, name: str, callback: Any, team: dict[str, Any], login: Any
) -> None:
    client = login(team["users"]["viewer"])
    response = client.get(_url(route, {}))
    response.close()  # a static file is a streaming response
    expected = {"web:users": 403, "web:audit_all": 403, "web:logout": 405, "web:lang": 405, "web:home": 302}
    assert response.status_code == expected.get(name, 200), (route, response.status_code)


def test_csrf_is_enforced(team: dict[str, Any]) -> None:
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(team["users"]["owner"])
    response = strict.post(f"/d/{team['dossier'].pk}/opmerkingen/", {"text": "x", "target_kind": "dossier"})
    assert response.status_code == 403
