"""Tenant backup and restore (issue #16): backup → restore into an empty database → backup gives the same bytes;
a restore never overwrites; ``pbd serve --check`` reports each check and fails with one line."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from pbd.errors import PbdError
from pbd.web import backup, rights, services, tenants
from pbd.web.models import (
    AuditEvent,
    Comment,
    Dossier,
    Membership,
    OidcIdentity,
    Organisation,
    Role,
    SignOff,
    User,
    Version,
)
from tests.web.conftest import PASSWORD
from tests.web.test_serve import _env, _pbd

ALL = (
    AuditEvent,
    SignOff,
    Comment,
    Membership,
    Version,
    Dossier,
    OidcIdentity,
    User.groups.through,
    User,
    Organisation,
)
ISSUER = "https://login.example.nl/realms/gemeente"


def _tenant(slug: str = "utrecht") -> Organisation:
    """A tenant with two dossiers: versions (one a restore), members, a resolved thread with a reply, both sign-offs,
    logins and downloads in the audit log, an account without a usable password that logs in through the
    provider (its identity, its fg and privacy officer rights and its FG membership), an administrator."""
    org = tenants.create(slug, f"Gemeente {slug.title()}")
    org.profile = f"{slug}.yaml"  # the profile's content as tenant create stores it (pbd.web.profiles)
    org.profile_files = {"main": org.profile, "files": {org.profile: f"id: {slug}\nversion: 1.0.0\nenable: [TR-07]\n"}}
    org.save()
    owner = User.objects.create_user(username=f"eigenaar-{slug}", password=PASSWORD, organisation=org, first_name="Eva")
    fg = User.objects.create_user(username=f"fg-{slug}", password=PASSWORD, organisation=org, lang="en")
    nopass = User.objects.create_user(username=f"sso-{slug}", organisation=org)  # no usable password
    rights.sync_rights(fg, frozenset({"fg"}))
    rights.sync_rights(nopass, frozenset({"fg", "privacy_officer"}))
    User.objects.create_user(username=f"beheer-{slug}", password=PASSWORD, organisation=org, is_superuser=True)
    # two identities, given in the order a sort would change, one never used since
    OidcIdentity.objects.create(user=nopass, issuer=ISSUER, sub=f"zz-{slug}", last_login_at=org.created_at)
    OidcIdentity.objects.create(user=nopass, issuer=ISSUER, sub=f"aa-{slug}")
    d = services.create_dossier(
        org.pk, "Slimme lantaarnpalen", services.blank_text("Slimme lantaarnpalen", None), owner, "n"
    )
    Membership.objects.create(dossier=d, user=fg, role=Role.FG)
    Membership.objects.create(dossier=d, user=nopass, role=Role.VIEWER)
    Membership.objects.create(
        dossier=services.create_dossier(org.pk, "Camera's", services.blank_text("Camera's", None), owner, "n"),
        user=nopass,
        role=Role.FG,
    )
    v2 = services.add_version(d, services.blank_text("Slimme lantaarnpalen 2", org.name), owner, "tweede")
    services.restore(d, 1, owner)
    root = Comment.objects.create(dossier=d, version_number=1, target_kind="question", target="$.project.name",
                                  author=fg, text="Welke wijk?")  # fmt: skip
    Comment.objects.create(dossier=d, version_number=2, target_kind="question", target="$.project.name",
                           author=owner, parent=root, text="Stratumseind — ‘één’ straat")  # fmt: skip
    Comment.objects.filter(pk=root.pk).update(resolved_at=root.created_at, resolved_by=fg)
    services.sign(d, v2, "fg_advice", fg, "Positief advies, mits DPIA.", "", "10.0.0.1")
    services.sign(d, v2, "decision", owner, "Akkoord.", "go", None)
    services.create_dossier(org.pk, "Parkeersensoren", services.blank_text("Parkeersensoren", None), fg, "n")
    AuditEvent.objects.create(
        kind="login", user=owner, username=owner.username, ip="::1", detail={"b": [1, 2], "a": "x"}
    )
    AuditEvent.objects.create(kind="login_failed", username=f"fg-{slug}", ip="127.0.0.1", detail={})
    return org


def _wipe() -> None:
    """Empty the tenant tables as a fresh database has them (raw deletes: versions and sign-offs refuse a delete)."""
    for model in ALL:
        model.objects.all()._raw_delete(using="default")


@pytest.mark.django_db
def test_backup_restore_into_an_empty_database_backs_up_to_the_same_bytes(tmp_path: Path) -> None:
    org = _tenant()
    first = tmp_path / "utrecht.json"
    backup.write(org, first)
    assert stat.S_IMODE(first.stat().st_mode) == 0o600  # password hashes and personal data
    data = json.loads(first.read_text(encoding="utf-8"))
    assert [d["slug"] for d in data["dossiers"]] == ["camera-s", "parkeersensoren", "slimme-lantaarnpalen"]
    lamp = data["dossiers"][2]
    assert [v["number"] for v in lamp["versions"]] == [1, 2, 3] and lamp["versions"][2]["restored_from"] == 1
    assert [s["kind"] for s in lamp["signoffs"]] == ["fg_advice", "decision"]
    assert lamp["comments"][1]["parent"] == 1 and lamp["comments"][0]["resolved_by"] == "fg-utrecht"
    assert {u["username"]: u["password"] is None for u in data["users"]} == {
        "beheer-utrecht": False, "eigenaar-utrecht": False, "fg-utrecht": False, "sso-utrecht": True,
    }  # fmt: skip
    users = {u["username"]: u for u in data["users"]}
    assert [(i["issuer"], i["sub"]) for i in users["sso-utrecht"]["oidc"]] == [
        (ISSUER, "aa-utrecht"), (ISSUER, "zz-utrecht"),
    ]  # fmt: skip
    assert users["sso-utrecht"]["oidc"][0]["last_login_at"] is None and users["sso-utrecht"]["oidc"][1]["last_login_at"]
    assert {name: u["rights"] for name, u in users.items()} == {
        "beheer-utrecht": [], "eigenaar-utrecht": [], "fg-utrecht": ["fg"], "sso-utrecht": ["fg", "privacy_officer"],
    }  # fmt: skip
    assert users["beheer-utrecht"]["is_superuser"] and users["eigenaar-utrecht"]["oidc"] == []
    assert '"id"' not in first.read_text() and '"pk"' not in first.read_text()  # no database ids
    assert data["organisation"]["profile_files"]["main"] == "utrecht.yaml"  # the profile's content travels along
    assert len(data["audit"]) >= 8  # dossiers created, versions, sign-offs, a login, a failed login

    _wipe()
    assert not Organisation.objects.exists()
    restored = backup.restore(backup.read(first), str(first))
    second = tmp_path / "again.json"
    backup.write(restored, second)
    assert second.read_bytes() == first.read_bytes()

    # what was restored works: the hash logs in, the sign-off points at its version, the thread hangs together
    owner = User.objects.get(username="eigenaar-utrecht")
    assert owner.check_password(PASSWORD) and owner.organisation == restored
    sso = User.objects.get(username="sso-utrecht")
    assert not sso.has_usable_password()
    # the provider's user is found again by (issuer, sub): the same account, its FG membership and its rights
    assert OidcIdentity.objects.get(issuer=ISSUER, sub="zz-utrecht").user == sso
    assert sso.memberships.get(dossier__slug="camera-s").role == Role.FG
    assert rights.rights_of(sso) == {"fg", "privacy_officer"} and rights.has_right(sso, "fg")
    assert rights.rights_of(User.objects.get(username="beheer-utrecht")) == {"admin"}
    dossier = Dossier.objects.get(organisation=restored, slug="slimme-lantaarnpalen")
    assert dossier.signoffs.get(kind="decision").version.number == 2
    assert dossier.comments.get(parent__isnull=False).parent.text == "Welke wijk?"
    assert services.assess(dossier, dossier.latest()) is not None


@pytest.mark.django_db
def test_a_second_tenant_is_not_in_the_backup(tmp_path: Path) -> None:
    org = _tenant("utrecht")
    other = _tenant("zeist")
    text = backup.dumps(org)
    assert "zeist" not in text
    assert backup.dumps(org) == text  # the same tenant, the same bytes
    assert "utrecht" not in backup.dumps(other)


@pytest.mark.django_db
def test_restore_refuses_an_existing_tenant_and_existing_user_names(tmp_path: Path) -> None:
    org = _tenant()
    path = tmp_path / "b.json"
    backup.write(org, path)
    data = backup.read(path)
    with pytest.raises(PbdError, match="organisation 'utrecht' exists already"):
        backup.restore(data, str(path))
    data["organisation"]["slug"] = "utrecht-2"
    with pytest.raises(PbdError, match="beheer-utrecht, eigenaar-utrecht, fg-utrecht, sso-utrecht exist already"):
        backup.restore(data, str(path))
    assert not Organisation.objects.filter(slug="utrecht-2").exists()  # nothing half-restored


@pytest.mark.django_db
def test_restore_refuses_an_identity_another_account_has_and_reads_version_1(tmp_path: Path) -> None:
    data = backup.dump(_tenant())
    _wipe()
    taken = tenants.create("elders", "Gemeente Elders")
    other = User.objects.create_user(username="iemand-elders", organisation=taken)
    OidcIdentity.objects.create(user=other, issuer=ISSUER, sub="zz-utrecht")
    with pytest.raises(PbdError, match=f"identit\\(ies\\) {ISSUER} zz-utrecht belong to an account"):
        backup.restore(data, "b.json")
    assert not Organisation.objects.filter(slug="utrecht").exists()
    twice = json.loads(json.dumps(data))
    twice["users"][0]["oidc"] = twice["users"][-1]["oidc"][:1]  # aa-utrecht on two accounts
    with pytest.raises(PbdError, match=r"incomplete or damaged.*two accounts"):
        backup.restore(twice, "b.json")
    other.delete()
    # a version 1 file (before identities and rights) restores with none
    old = json.loads(json.dumps(data))
    old["format_version"] = 1
    for u in old["users"]:
        del u["oidc"], u["rights"]
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    org = backup.restore(backup.read(path), str(path))
    assert not OidcIdentity.objects.exists() and rights.rights_of(User.objects.get(username="fg-utrecht")) == set()
    assert json.loads(backup.dumps(org))["format_version"] == backup.FORMAT_VERSION == 2
    path.write_text(json.dumps({**old, "format_version": 3}), encoding="utf-8")
    with pytest.raises(PbdError, match="format version 3; this pbd reads versions 1, 2"):
        backup.read(path)


@pytest.mark.django_db
def test_a_damaged_backup_is_one_line_and_restores_nothing(tmp_path: Path) -> None:
    org = _tenant()
    data = backup.dump(org)
    _wipe()
    changed = json.loads(json.dumps(data))
    changed["dossiers"][1]["versions"][0]["text"] += "# changed\n"
    with pytest.raises(PbdError, match="does not match its sha256"):
        backup.restore(changed, "b.json")
    broken: dict[str, Any] = json.loads(json.dumps(data))
    del broken["dossiers"][0]["versions"][0]["number"]
    with pytest.raises(PbdError, match="incomplete or damaged"):
        backup.restore(broken, "b.json")
    assert not Organisation.objects.exists() and not User.objects.exists()
    (tmp_path / "x.json").write_text('{"format": "iets anders"}', encoding="utf-8")
    with pytest.raises(PbdError, match="not a tenant backup"):
        backup.read(tmp_path / "x.json")


@pytest.mark.slow
def test_the_commands_round_trip_between_two_data_folders_and_check_health(tmp_path: Path) -> None:
    """The real CLI on two SQLite databases: create, check, backup, restore elsewhere, backup again."""
    one, two = tmp_path / "een", tmp_path / "twee"
    env = _env()
    check = _pbd("serve", "--check", "--data", str(one), env=env)
    assert check.returncode == 2, check
    assert check.stderr.startswith("Error: database: 18 migration(s) not applied") or "not applied" in check.stderr
    assert check.stderr.count("\n") == 1 and "Traceback" not in check.stderr
    assert (
        _pbd("tenant", "create", "utrecht", "--name", "Gemeente Utrecht", "--data", str(one), env=env).returncode == 0
    )
    healthy = _pbd("serve", "--check", "--data", str(one), env=env)
    assert healthy.returncode == 0, healthy.stderr
    assert [line.split(":")[0] for line in healthy.stdout.splitlines()] == [
        "settings", "database", "migrations", "knowledge base", "profiles",
    ]  # fmt: skip
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert _pbd("tenant", "backup", "--org", "utrecht", "-o", str(a), "--data", str(one), env=env).returncode == 0
    assert _pbd("tenant", "restore", str(a), "--data", str(two), env=env).returncode == 0
    assert _pbd("tenant", "backup", "--org", "utrecht", "-o", str(b), "--data", str(two), env=env).returncode == 0
    assert a.read_bytes() == b.read_bytes()
    again = _pbd("tenant", "restore", str(a), "--data", str(two), env=env)
    assert again.returncode == 2
    assert again.stderr == f"Error: {a}: organisation 'utrecht' exists already in this database. " \
        "A restore never overwrites a tenant: restore into a database without it.\n"  # fmt: skip
