"""Organisation-level rights (issue #16, pbd/web/rights.py): what the ``fg`` and ``privacy_officer`` rights decide,
how the administrator grants them to local accounts (audited), and that a provider's account gets neither a local
password nor a local password login."""

from __future__ import annotations

from typing import Any

import pytest

from pbd.web import rights
from pbd.web.models import AuditEvent, AuditKind, Membership, OidcIdentity, Organisation, SignOff, User
from tests.web.conftest import PASSWORD

ISSUER = "https://login.example.nl/realms/gemeente"


def _advise(client: Any, dossier: Any) -> Any:
    return client.post(f"/d/{dossier.pk}/advies/", {"version": 1, "text": "Positief advies, mits DPIA."})


# -- signing as FG ----------------------------------------------------------------------------------


def test_an_fg_member_whose_right_was_removed_gets_403_on_sign_off(team: dict[str, Any], login: Any) -> None:
    fg, dossier = team["users"]["fg"], team["dossier"]
    assert rights.has_right(fg, "fg")  # the fixture gave the FG member the right, as the members page demands
    client = login(fg)
    page = client.get(f"/d/{dossier.pk}/")
    assert f'action="/d/{dossier.pk}/advies/"' in page.content.decode()
    rights.sync_rights(fg, frozenset())  # withdrawn while the session goes on
    refused = _advise(client, dossier)
    assert refused.status_code == 403
    assert "heeft het recht FG van de organisatie niet meer" in refused.content.decode()
    assert not SignOff.objects.filter(dossier=dossier).exists()
    assert Membership.objects.get(dossier=dossier, user=fg).role == "fg"  # the role stays; it signs nothing
    owner_page = login(team["users"]["owner"]).get(f"/d/{dossier.pk}/leden/").content.decode()
    assert owner_page.count("heeft het recht FG van de organisatie niet (meer)") == 1  # the owner sees why
    client = login(fg)
    page = client.get(f"/d/{dossier.pk}/").content.decode()
    assert f'action="/d/{dossier.pk}/advies/"' not in page and "Advies ondertekenen kan alleen de aangewezen FG" in page
    rights.sync_rights(fg, frozenset({"fg"}))
    assert _advise(client, dossier).status_code == 302
    assert SignOff.objects.get(dossier=dossier).author == fg


def test_the_fg_right_without_the_role_signs_nothing(team: dict[str, Any], login: Any) -> None:
    editor = team["users"]["editor"]
    rights.sync_rights(editor, frozenset({"fg"}))
    assert _advise(login(editor), team["dossier"]).status_code == 403
    assert not SignOff.objects.exists()


# -- the members page ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "right"), [("fg", "fg"), ("privacy_officer", "privacy_officer")])
def test_the_members_form_refuses_the_role_to_a_user_without_the_right(
    team: dict[str, Any], login: Any, make_user: Any, role: str, right: str
) -> None:
    dossier = team["dossier"]
    newcomer = make_user("nieuwkomer")
    client = login(team["users"]["owner"])
    refused = client.post(f"/d/{dossier.pk}/leden/", {"action": "set", "username": "nieuwkomer", "role": role})
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "nieuwkomer kan in dit dossier niet de rol" in text and "AVG art. 37" in text
    assert not Membership.objects.filter(dossier=dossier, user=newcomer).exists()
    assert not AuditEvent.objects.filter(kind=AuditKind.ROLE_CHANGE, detail__member="nieuwkomer").exists()
    # an existing member is not promoted either, and keeps the role they had
    client.post(f"/d/{dossier.pk}/leden/", {"action": "set", "username": "nieuwkomer", "role": "viewer"})
    again = client.post(f"/d/{dossier.pk}/leden/", {"action": "set", "username": "nieuwkomer", "role": role})
    assert again.status_code == 400 and Membership.objects.get(dossier=dossier, user=newcomer).role == "viewer"
    # the other right is not this one
    other = "privacy_officer" if right == "fg" else "fg"
    rights.sync_rights(newcomer, frozenset({other}))
    assert (
        client.post(f"/d/{dossier.pk}/leden/", {"action": "set", "username": "nieuwkomer", "role": role}).status_code
        == 400
    )
    rights.sync_rights(newcomer, frozenset({right}))
    done = client.post(f"/d/{dossier.pk}/leden/", {"action": "set", "username": "nieuwkomer", "role": role})
    assert done.status_code == 302 and Membership.objects.get(dossier=dossier, user=newcomer).role == role


def test_the_refusal_is_in_english_for_an_english_session(team: dict[str, Any], login: Any, make_user: Any) -> None:
    make_user("newcomer")
    client = login(team["users"]["owner"])
    client.post("/taal/", {"lang": "en"})
    refused = client.post(f"/d/{team['dossier'].pk}/leden/", {"action": "set", "username": "newcomer", "role": "fg"})
    assert refused.status_code == 400 and "newcomer cannot be given the role" in refused.content.decode()
    assert "GDPR art. 37" in refused.content.decode()


# -- the accounts page: rights of local accounts --------------------------------------------------------


@pytest.fixture
def admin(make_user: Any) -> Any:
    return make_user("beheer", is_superuser=True)


def _provider_account(username: str, org: Organisation | None = None, password: str | None = None) -> User:
    user = User(username=username, organisation=org or Organisation.default())
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)  # e.g. a hash from before the account was linked, or a restored one
    user.save()
    OidcIdentity.objects.create(user=user, issuer=ISSUER, sub=f"sub-{username}")
    return user


def test_the_administrator_grants_and_withdraws_rights_audited(admin: Any, make_user: Any, login: Any) -> None:
    colleague = make_user("collega")
    client = login(admin)
    page = client.get("/beheer/gebruikers/").content.decode()
    assert 'name="rights_for" value="collega"' in page and 'name="right" value="fg"' in page
    granted = client.post("/beheer/gebruikers/", {"rights_for": "collega", "right": ["fg", "privacy_officer"]})
    assert granted.status_code == 200 and "De rechten van collega zijn opgeslagen." in granted.content.decode()
    assert rights.rights_of(colleague) == {"fg", "privacy_officer"}
    assert 'value="fg" checked' in granted.content.decode()
    client.post("/beheer/gebruikers/", {"rights_for": "collega", "right": ["privacy_officer"]})
    assert rights.rights_of(colleague) == {"privacy_officer"}
    client.post("/beheer/gebruikers/", {"rights_for": "collega", "right": ["privacy_officer"]})  # no change: no event
    events = list(AuditEvent.objects.filter(kind=AuditKind.ROLE_CHANGE).order_by("pk"))
    assert [(e.user, e.detail) for e in events] == [
        (admin, {"method": "local", "scope": "organisation", "member": "collega",
                 "added": ["fg", "privacy_officer"], "removed": []}),
        (admin, {"method": "local", "scope": "organisation", "member": "collega", "added": [], "removed": ["fg"]}),
    ]  # fmt: skip
    assert all(e.organisation == colleague.organisation for e in events)
    # the administrator right is not granted or taken here
    client.post("/beheer/gebruikers/", {"rights_for": "beheer", "right": []})
    assert rights.rights_of(User.objects.get(pk=admin.pk)) == {"admin"}
    assert client.post("/beheer/gebruikers/", {"rights_for": "collega", "right": ["admin"]}).status_code == 400
    assert rights.rights_of(colleague) == {"privacy_officer"}


def test_rights_of_another_tenant_or_by_a_non_administrator_are_refused(
    admin: Any, make_user: Any, login: Any, client: Any
) -> None:
    elders = Organisation.objects.create(slug="elders", name="Gemeente Elders")
    stranger = User.objects.create_user(username="vreemde", password=PASSWORD, organisation=elders)
    assert login(admin).post("/beheer/gebruikers/", {"rights_for": "vreemde", "right": ["fg"]}).status_code == 404
    assert rights.rights_of(stranger) == set()
    client.logout()
    plain = make_user("gewoon")
    assert login(plain).post("/beheer/gebruikers/", {"rights_for": "gewoon", "right": ["fg"]}).status_code == 403
    assert rights.rights_of(plain) == set()


def test_a_provider_account_gets_no_local_password_and_no_local_rights(admin: Any, make_user: Any, login: Any) -> None:
    provider = _provider_account("anna")
    rights.sync_rights(provider, frozenset({"fg"}))
    local = make_user("lokaal")
    client = login(admin)
    page = client.get("/beheer/gebruikers/").content.decode()
    assert 'name="reset" value="lokaal"' in page and 'name="reset" value="anna"' not in page
    assert 'name="rights_for" value="anna"' not in page and "Uit de rollen bij de identiteitsprovider" in page
    refused = client.post("/beheer/gebruikers/", {"reset": "anna"})
    assert refused.status_code == 400
    assert "anna meldt zich aan via de identiteitsprovider" in refused.content.decode()
    assert 'class="secret"' not in refused.content.decode()
    assert not User.objects.get(pk=provider.pk).has_usable_password()
    refused = client.post("/beheer/gebruikers/", {"rights_for": "anna", "right": []})
    assert refused.status_code == 400 and "worden bij elke aanmelding daarvandaan" in refused.content.decode()
    assert rights.rights_of(provider) == {"fg"}
    assert not AuditEvent.objects.filter(kind=AuditKind.ROLE_CHANGE).exists()
    shown = client.post("/beheer/gebruikers/", {"reset": "lokaal"})
    assert shown.status_code == 200 and 'class="secret"' in shown.content.decode()
    assert User.objects.get(pk=local.pk).password != local.password


def test_local_password_login_is_refused_for_a_provider_account_even_with_a_hash(client: Any, make_user: Any) -> None:
    provider = _provider_account("anna", password=PASSWORD)
    assert provider.check_password(PASSWORD)  # the hash is there and right
    response = client.post("/login/", {"username": "anna", "password": PASSWORD})
    assert response.status_code == 401 and "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(kind=AuditKind.LOGIN_FAILED)
    assert event.username == "anna" and event.detail == {"reason": "provider_account"}
    make_user("lokaal")
    assert client.post("/login/", {"username": "lokaal", "password": PASSWORD}).status_code == 302
    assert AuditEvent.objects.get(kind=AuditKind.LOGIN_FAILED) == event  # the local login left no failure


def test_helpers_read_the_database_now(make_user: Any) -> None:
    user = make_user("ad")
    stale = User.objects.get(pk=user.pk)
    rights.sync_rights(user, frozenset({"fg"}))
    assert rights.has_right(stale, "fg") and rights.may_take_role(stale, "fg") and rights.may_take_role(stale, "viewer")
    assert not rights.may_take_role(stale, "privacy_officer")
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert not rights.has_right(stale, "fg")  # a deactivated account holds no right
    assert rights.needed_right("owner") is None and rights.needed_right("fg") == "fg"


def test_the_migration_gives_present_fg_and_privacy_officer_members_their_right(
    make_user: Any, make_dossier: Any
) -> None:
    import importlib

    from django.apps import apps

    migration = importlib.import_module("pbd.web.migrations.0007_role_rights")
    owner, fg, officer, viewer = (make_user(name) for name in ("eigenaar", "fg", "adviseur", "lezer"))
    dossier = make_dossier(owner, viewer=viewer)
    # as an installation from before the rights had meaning has them: the roles, no rights
    Membership.objects.create(dossier=dossier, user=fg, role="fg")
    Membership.objects.create(dossier=dossier, user=officer, role="privacy_officer")
    migration.grant_rights_of_present_roles(apps, None)
    assert [rights.rights_of(u) for u in (owner, fg, officer, viewer)] == [set(), {"fg"}, {"privacy_officer"}, set()]
    events = AuditEvent.objects.filter(kind=AuditKind.ROLE_CHANGE, detail__method="migration")
    assert sorted((e.username, tuple(e.detail["added"]), e.organisation_id) for e in events) == [
        ("adviseur", ("privacy_officer",), owner.organisation_id), ("fg", ("fg",), owner.organisation_id),
    ]  # fmt: skip
    migration.grant_rights_of_present_roles(apps, None)  # run again: nothing more to grant, nothing logged
    assert events.count() == 2
