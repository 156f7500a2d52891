"""Tenant isolation (issue #16): a user of tenant B gets 404 on every dossier URL and download of tenant A,
even when a (forged) membership of A's dossier is put straight into the database."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from pbd.web import rights, services, tenants
from pbd.web.models import AuditEvent, Comment, Membership, Organisation, Role, User
from tests.web.conftest import PASSWORD
from tests.web.test_authorization import DOSSIER_ROUTES, _url

pytestmark = pytest.mark.django_db


def _user(org: Organisation, username: str, **extra: Any) -> User:
    user: User = User.objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, organisation=org, **extra
    )
    return user


@pytest.fixture
def two() -> dict[str, Any]:
    """Tenant A (utrecht): a dossier with two versions, a comment thread, the FG's advice; tenant B (zeist):
    a user forged into A's dossier as its owner, an administrator, and a dossier of B's own."""
    a = tenants.create("utrecht", "Gemeente Utrecht")
    b = tenants.create("zeist", "Gemeente Zeist")
    owner, fg = _user(a, "eigenaar-a"), _user(a, "fg-a")
    admin_a = _user(a, "beheer-a", is_superuser=True, is_staff=True)
    title = "Slimme lantaarnpalen Utrecht"
    dossier = services.create_dossier(a.pk, title, services.blank_text(title, a.name), owner, "test")
    rights.sync_rights(fg, frozenset({"fg"}))  # the FG role needs the organisation's fg right
    Membership.objects.create(dossier=dossier, user=fg, role=Role.FG)
    v2 = services.add_version(dossier, services.blank_text(title + " 2", a.name), owner, "tweede")
    root = Comment.objects.create(
        dossier=dossier, version_number=1, target_kind="dossier", author=owner, text="Geheim van Utrecht"
    )
    Comment.objects.create(
        dossier=dossier, version_number=1, target_kind="dossier", author=fg, parent=root, text="antwoord"
    )
    services.sign(dossier, v2, "fg_advice", fg, "Positief advies.", "", None)
    intruder = _user(b, "indringer-b")
    admin_b = _user(b, "beheer-b", is_superuser=True, is_staff=True)
    Membership.objects.create(dossier=dossier, user=intruder, role=Role.OWNER)  # forged: the app never does this
    own = services.create_dossier(b.pk, "Zeister parkeersensoren", services.blank_text("Zeist", b.name), intruder, "t")
    return {
        "a": a, "b": b, "owner": owner, "fg": fg, "admin_a": admin_a, "dossier": dossier,
        "comment": root, "intruder": intruder, "admin_b": admin_b, "own": own,
    }  # fmt: skip


def _values(two: dict[str, Any], fmt: str = "yaml") -> dict[str, Any]:
    return {"pk": two["dossier"].pk, "number": 1, "cid": two["comment"].pk, "fmt": fmt, "part": "eerste"}


@pytest.mark.parametrize(("route", "name", "callback"), DOSSIER_ROUTES, ids=[r[1] for r in DOSSIER_ROUTES])
def test_every_dossier_url_of_a_is_404_for_b_even_with_a_forged_membership(
    route: str, name: str, callback: Any, two: dict[str, Any], client: Any
) -> None:
    client.force_login(two["intruder"])
    url = _url(route, _values(two))
    before = (two["dossier"].versions.count(), two["dossier"].comments.count(), two["dossier"].signoffs.count())
    for method in (client.get, client.post):
        response = method(url, {"text": "x", "version": 2, "target_kind": "dossier", "username": "indringer-b"})
        assert response.status_code == 404, (method.__name__, url, response.status_code)
        body = response.content.decode()
        assert "Utrecht" not in body and "Geheim" not in body
    after = (two["dossier"].versions.count(), two["dossier"].comments.count(), two["dossier"].signoffs.count())
    assert after == before


def test_the_walk_covers_downloads_of_every_format(two: dict[str, Any], client: Any) -> None:
    routes = [r for r in DOSSIER_ROUTES if "<str:fmt>" in r[0]]
    assert len(routes) >= 2
    client.force_login(two["intruder"])
    for route, _, _ in routes:
        for fmt in services.DOWNLOADS:
            for number in (1, 2):
                url = _url(route, {**_values(two, fmt), "number": number})
                assert client.get(url).status_code == 404, url
    # the same URLs work for A's own owner: the 404s above come from the tenant, not from a bad URL
    client.force_login(two["owner"])
    route = next(r[0] for r in routes if "<int:number>" not in r[0])
    assert client.get(_url(route, _values(two, "yaml"))).status_code == 200


def test_the_member_form_refuses_a_user_of_another_tenant(two: dict[str, Any], client: Any) -> None:
    Membership.objects.filter(user=two["intruder"]).delete()
    client.force_login(two["owner"])
    pk = two["dossier"].pk
    response = client.post(f"/d/{pk}/leden/", {"username": "beheer-b", "role": "editor"})
    assert response.status_code == 400
    assert not Membership.objects.filter(dossier=two["dossier"], user=two["admin_b"]).exists()
    assert client.post(f"/d/{pk}/leden/", {"username": "beheer-a", "role": "viewer"}).status_code == 302
    assert Membership.objects.filter(dossier=two["dossier"], user=two["admin_a"], role="viewer").exists()


def test_list_pages_never_show_a_to_b(two: dict[str, Any], client: Any) -> None:
    client.force_login(two["intruder"])
    page = client.get(reverse("web:dossiers")).content.decode()
    assert "Zeister parkeersensoren" in page
    assert "Utrecht" not in page
    client.force_login(two["admin_b"])
    accounts = client.get(reverse("web:users")).content.decode()
    assert "indringer-b" in accounts and "eigenaar-a" not in accounts and "beheer-a" not in accounts
    log = client.get(reverse("web:audit_all")).content.decode()
    assert "Zeister parkeersensoren" in log
    assert "Utrecht" not in log and "eigenaar-a" not in log and "fg-a" not in log
    client.force_login(two["admin_a"])
    log_a = client.get(reverse("web:audit_all")).content.decode()
    assert "Slimme lantaarnpalen Utrecht" in log_a and "Zeister" not in log_a


def test_audit_events_name_their_tenant(two: dict[str, Any], client: Any) -> None:
    client.post("/login/", {"username": "indringer-b", "password": "wrong"})
    client.post("/login/", {"username": "niemand", "password": "wrong"})
    failed = {e.username: e.organisation for e in AuditEvent.objects.filter(kind="login_failed")}
    assert failed == {"indringer-b": two["b"], "niemand": None}
    assert not AuditEvent.objects.filter(dossier=two["dossier"]).exclude(organisation=two["a"]).exists()
    assert list(tenants.audit_events(two["b"]).filter(username="niemand")) == []
    assert tenants.audit_events(Organisation.default()).filter(username="niemand").count() == 1


def test_a_user_without_an_organisation_lands_in_the_default_one() -> None:
    user = User.objects.create_superuser(username="root", password=PASSWORD)
    assert user.organisation.slug == Organisation.DEFAULT_SLUG
