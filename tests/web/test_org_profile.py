"""An organisation's municipal profile in the web dossier (issue #16): stored as content, applied to every check
exactly as ``pbd check --profile`` applies it, refused up front when broken, a clear page (never a 500) and one
``pbd serve --check`` line when a stored one stops working, carried by backup and restore."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pbd.cli import cli
from pbd.errors import PbdError
from pbd.profiles import ProfileError
from pbd.web import backup, profiles, services, tenants
from pbd.web.models import Membership, Organisation, User
from tests.web.conftest import EXAMPLES, PASSWORD, ROOT

STRATUMSEIND = ROOT / "examples" / "stratumseind.yaml"


def _profile(folder: Path, *, own: bool = True, body: str = "") -> Path:
    """A profile switching on the sensor register (TR-07) and storage in the EEA, raising TR-07, with one own criterion."""
    folder.mkdir(parents=True, exist_ok=True)
    text = body or (
        "id: eindhoven\nversion: 2.1.0\norganisation: Gemeente Eindhoven\n"
        "enable: [TR-07, SE-HO-01]\nseverity:\n  TR-07: medium\n"
        + ("prefix: EHV\ncriteria_dir: eigen\n" if own else "")
    )
    if own and not body:
        crit = json.loads((ROOT / "criteria" / "TR-07.json").read_text(encoding="utf-8"))
        crit["id"] = "EHV-01"
        crit["title"] = {"nl": "Sensorregister met open data", "en": "Sensor register with open data"}
        (folder / "eigen").mkdir(exist_ok=True)
        (folder / "eigen" / "EHV-01.json").write_text(json.dumps(crit, indent=2, ensure_ascii=False), encoding="utf-8")
    path = folder / "eindhoven.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _member(org: Organisation, username: str = "po-ehv") -> User:
    user: User = User.objects.create_user(username=username, password=PASSWORD, organisation=org)
    return user


def _dossier(org: Organisation, owner: User, example: Path = STRATUMSEIND) -> Any:
    return services.create_dossier(org.pk, "Stratumseind", example.read_text(encoding="utf-8"), owner, "test")


def _cli_json(tmp_path: Path, name: str, yaml_bytes: bytes, *args: str, monkeypatch: pytest.MonkeyPatch) -> bytes:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / name).write_bytes(yaml_bytes)
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(cli, ["check", name, "-o", "json", "--date", dt.date.today().isoformat(), *args])
    assert out.exit_code in (0, 1), out.output
    return out.output.encode("utf-8")


@pytest.mark.parametrize("example", [STRATUMSEIND, *EXAMPLES[:1]], ids=["stratumseind", EXAMPLES[0].stem])
def test_the_dossier_json_is_pbd_check_with_the_organisations_profile(
    example: Path, db: None, client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _profile(tmp_path / "profiel")
    org = tenants.create("eindhoven", "Gemeente Eindhoven", str(path))
    user = _member(org)
    dossier = _dossier(org, user, example)
    assert client.post("/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
    yaml_bytes = client.get(f"/d/{dossier.pk}/download/yaml/").content
    result = client.get(f"/d/{dossier.pk}/download/json/")
    assert result.status_code == 200
    name = result["Content-Disposition"].split('"')[1].removesuffix(".json") + ".yaml"
    with_profile = _cli_json(tmp_path / "run", name, yaml_bytes, "--profile", str(path), monkeypatch=monkeypatch)
    assert result.content == with_profile
    stamp = json.loads(result.content)["profile"]
    assert stamp["id"] == "eindhoven" and stamp["version"] == "2.1.0"
    without = _cli_json(tmp_path / "run", name, yaml_bytes, monkeypatch=monkeypatch)
    assert result.content != without  # the profile changed the judgement: this test can fail
    assert json.loads(without)["profile"] is None


def test_the_dossier_page_live_panel_and_to_do_list_use_the_profile(db: None, client: Any, tmp_path: Path) -> None:
    org = tenants.create("eindhoven", "Gemeente Eindhoven", str(_profile(tmp_path)))
    user = _member(org)
    dossier = _dossier(org, user)
    plain_org = tenants.create("elders", "Gemeente Elders")
    plain_user = _member(plain_org, "po-elders")
    plain = _dossier(plain_org, plain_user)
    rules = {f.rule for f in services.assess(dossier, dossier.latest()).findings}
    assert {"TR-07", "EHV-01"} <= rules
    assert not {"TR-07", "EHV-01"} & {f.rule for f in services.assess(plain, plain.latest()).findings}
    assert client.post("/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
    page = client.get(f"/d/{dossier.pk}/").content.decode()
    assert "EHV-01" in page and "Sensorregister met open data" in page
    todo = client.get(f"/d/{dossier.pk}/?gate=realisatie").content.decode()
    assert "EHV-01" in todo
    from pbd.web.views_questionnaire import _panel

    m = Membership.objects.get(dossier=dossier, user=user)
    plain_m = Membership.objects.get(dossier=plain, user=plain_user)
    # the same text, the same version number: the panels differ only by the profile's rules
    assert _panel(m, dossier.latest(), "nl") != _panel(plain_m, plain.latest(), "nl")
    # the questionnaire's help names the criteria that read a field: the profile's own among them
    assert "EHV-01" in client.get(f"/d/{dossier.pk}/vragen/processings.0/").content.decode()
    pdf = services.render("dpia", dossier, dossier.latest(), "nl")
    assert pdf.startswith(b"%PDF")


def test_tenant_create_refuses_a_profile_that_cannot_be_used(db: None, tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as missing:
        tenants.create("x", "X", str(tmp_path / "nergens.yaml"))
    assert str(tmp_path / "nergens.yaml") in missing.value.line()
    bad = _profile(tmp_path / "b", own=False, body="id: x\nversion: 1.0.0\nenable: [TR-99]\n")
    with pytest.raises(ProfileError, match="no rule TR-99 in the knowledge base"):
        tenants.create("x", "X", str(bad))
    lowered = _profile(tmp_path / "c", own=False, body="id: x\nversion: 1.0.0\nseverity: {RM-01: low}\n")
    with pytest.raises(ProfileError, match="rests on the law"):
        tenants.create("x", "X", str(lowered))
    assert not Organisation.objects.filter(slug="x").exists()


def test_the_stored_content_is_what_is_judged_not_the_file(db: None, tmp_path: Path) -> None:
    path = _profile(tmp_path)
    org = tenants.create("eindhoven", "Gemeente Eindhoven", str(path))
    assert org.profile == "eindhoven.yaml"
    assert set(org.profile_files["files"]) == {"eindhoven.yaml", "eigen/EHV-01.json"}
    first = profiles.profile_of(org)
    path.write_text("kapot: [", encoding="utf-8")  # edited on disk: nothing changes until it is stored again
    (tmp_path / "eigen" / "EHV-01.json").unlink()
    again = profiles.profile_of(Organisation.objects.get(pk=org.pk))
    assert first is not None and again is not None and again.sha256 == first.sha256
    tenants.set_profile(org, None)
    assert profiles.profile_of(Organisation.objects.get(pk=org.pk)) is None


def test_a_stored_profile_that_stopped_working_is_a_page_and_a_check_line_not_a_500(
    db: None, client: Any, tmp_path: Path
) -> None:
    org = tenants.create("eindhoven", "Gemeente Eindhoven", str(_profile(tmp_path, own=False)))
    user = _member(org)
    dossier = _dossier(org, user)
    # as after a knowledge base release that dropped a rule the profile switches on
    files = dict(org.profile_files["files"])
    files["eindhoven.yaml"] = files["eindhoven.yaml"].replace("TR-07, SE-HO-01", "TR-07, SE-XX-99")
    Organisation.objects.filter(pk=org.pk).update(profile_files={"main": "eindhoven.yaml", "files": files})
    with pytest.raises(ProfileError) as err:
        profiles.check_all()
    line = err.value.line()
    assert line.startswith("Error: organisation eindhoven: profile eindhoven.yaml: enable: no rule SE-XX-99")
    assert "pbd tenant profile eindhoven" in line and "pbd-profiles-" not in line and "\n" not in line
    assert client.post("/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
    for url in (f"/d/{dossier.pk}/", f"/d/{dossier.pk}/download/json/", f"/d/{dossier.pk}/download/dpia/"):
        response = client.get(url)
        assert response.status_code == 503, url
        body = response.content.decode()
        assert "Het gemeentelijk profiel kan niet worden gebruikt" in body
        assert "organisation eindhoven: profile eindhoven.yaml" in body and "Traceback" not in body
    # other organisations are not affected
    other = tenants.create("elders", "Gemeente Elders")
    assert client.post("/logout/").status_code in (200, 302)
    elders = _member(other, "po-elders")
    assert client.post("/login/", {"username": elders.username, "password": PASSWORD}).status_code == 302
    assert client.get(f"/d/{_dossier(other, elders).pk}/").status_code == 200


def test_a_recorded_file_name_without_content_is_reported(db: None) -> None:
    Organisation.objects.create(slug="oud", name="Gemeente Oud", profile="profielen/oud.yaml")
    with pytest.raises(ProfileError) as err:
        profiles.check_all()
    assert err.value.line() == (
        "Error: organisation oud: profile profielen/oud.yaml: the profile's content is not stored. "
        "Store a corrected profile: pbd tenant profile oud FILE (or --none to judge without one)."
    )


def test_a_damaged_stored_profile_cannot_write_outside_its_folder(db: None) -> None:
    org = Organisation.objects.create(
        slug="kwaad",
        name="Kwaad",
        profile="p.yaml",
        profile_files={"main": "p.yaml", "files": {"../../p.yaml": "id: p"}},
    )
    with pytest.raises(ProfileError, match="stored profile is damaged"):
        profiles.profile_of(org)


def test_the_migration_takes_in_a_readable_recorded_profile(db: None, tmp_path: Path) -> None:
    import importlib

    from django.apps import apps

    migration = importlib.import_module("pbd.web.migrations.0006_organisation_profile_files")
    path = _profile(tmp_path, own=False)
    Organisation.objects.create(slug="leesbaar", name="L", profile=str(path))
    Organisation.objects.create(slug="weg", name="W", profile=str(tmp_path / "weg.yaml"))
    migration.take_in_profiles(apps, None)
    assert Organisation.objects.get(slug="leesbaar").profile_files["main"] == "eindhoven.yaml"
    assert Organisation.objects.get(slug="weg").profile_files == {}


def test_backup_and_restore_carry_the_profile(db: None, tmp_path: Path) -> None:
    org = tenants.create("eindhoven", "Gemeente Eindhoven", str(_profile(tmp_path)))
    _dossier(org, _member(org))
    before = profiles.profile_of(org)
    text = backup.dumps(org)
    data = json.loads(text)
    assert data["organisation"]["profile_files"] == org.profile_files
    data["organisation"]["slug"] = "eindhoven-kopie"
    for u in data["users"]:
        u["username"] += "-kopie"
    for e in data["audit"]:
        if e["user"]:
            e["user"] += "-kopie"
    for d in data["dossiers"]:
        for m in d.get("members", []):
            m["user"] += "-kopie"
        for v in d.get("versions", []):
            if v.get("author"):
                v["author"] += "-kopie"
    copy = backup.restore(data, "kopie.json")
    assert copy.profile_files == org.profile_files and copy.profile == "eindhoven.yaml"
    after = profiles.profile_of(copy)
    assert before is not None and after is not None and after.sha256 == before.sha256


@pytest.mark.slow
def test_the_commands_store_check_and_replace_a_profile(tmp_path: Path) -> None:
    from tests.web.test_serve import _env, _pbd

    data, env = tmp_path / "data", _env()
    good = _profile(tmp_path / "p")
    bad = _profile(tmp_path / "q", own=False, body="id: q\nversion: 1\nenable: [TR-99]\n")
    refused = _pbd("tenant", "create", "ehv", "--profile", str(bad), "--data", str(data), env=env)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused
    assert refused.stderr.startswith(f"Error: {bad}: enable: no rule TR-99 in the knowledge base.")
    made = _pbd(
        "tenant",
        "create",
        "ehv",
        "--profile",
        str(good),
        "--admin-email",
        "FG@Eindhoven.nl",
        "--data",
        str(data),
        env=env,
    )
    assert made.returncode == 0, made.stderr
    assert "organisation ehv (ehv) created, profile eindhoven.yaml" in made.stdout
    assert re.search(r"administrator fg@eindhoven.nl, one-time password \S{15,}", made.stdout), made.stdout
    again = _pbd("tenant", "create", "ehv2", "--admin-email", "fg@eindhoven.nl", "--data", str(data), env=env)
    assert again.returncode == 2 and "user name exists already" in again.stderr
    assert "ehv2" not in _pbd("tenant", "list", "--data", str(data), env=env).stdout  # nothing half made
    check = _pbd("serve", "--check", "--data", str(data), env=env)
    assert check.returncode == 0 and "profiles: ok (1 organisation(s) with a profile)" in check.stdout, check
    listed = _pbd("tenant", "list", "--data", str(data), env=env)
    assert "profile eindhoven.yaml" in listed.stdout
    off = _pbd("tenant", "profile", "ehv", "--none", "--data", str(data), env=env)
    assert off.returncode == 0 and "no profile" in off.stdout, off
    both = _pbd("tenant", "profile", "ehv", str(good), "--none", "--data", str(data), env=env)
    assert both.returncode == 2 and both.stderr.startswith("Error: pbd tenant profile: give a profile file or --none")


def test_a_tenant_gets_its_own_administrator(db: None) -> None:
    org = tenants.create("zeist", "Gemeente Zeist")
    username, password = tenants.create_admin(org, " FG@Zeist.nl ")
    admin = User.objects.get(username=username)
    assert username == "fg@zeist.nl" and admin.is_superuser and admin.organisation == org
    assert admin.check_password(password) and len(password) >= 15
    with pytest.raises(PbdError, match="exists already"):
        tenants.create_admin(org, "fg@zeist.nl")
    with pytest.raises(PbdError, match="not an email address"):
        tenants.create_admin(org, "beheerder")
