"""Dossier behaviour through the views: uploads come back identical, the JSON is the CLI's byte for byte, versions, diff, restore, sign-off."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile

from pbd.cli import cli
from pbd.web import services
from pbd.web.models import AppendOnlyError, AuditEvent, SignOff, Version
from tests.web.conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[2]


def _upload(client: Any, path: Path, title: str = "") -> Any:
    raw = path.read_bytes()
    return client.post("/dossiers/nieuw/", {"title": title, "upload": SimpleUploadedFile(path.name, raw)})


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_an_uploaded_example_comes_back_identical(example: Path, make_user: Any, login: Any) -> None:
    client = login(make_user("po"))
    response = _upload(client, example)
    assert response.status_code == 302, response.content.decode()[:2000]
    pk = int(response["Location"].strip("/").split("/")[-1])
    download = client.get(f"/d/{pk}/download/yaml/")
    assert download.status_code == 200
    assert download.content == example.read_bytes()
    assert download["Content-Type"].startswith("application/yaml")
    assert "attachment;" in download["Content-Disposition"]


@pytest.mark.parametrize("example", EXAMPLES[:3], ids=[p.stem for p in EXAMPLES[:3]])
def test_the_dossier_json_is_byte_identical_to_pbd_check(
    example: Path, make_user: Any, login: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = login(make_user("po"))
    pk = int(_upload(client, example)["Location"].strip("/").split("/")[-1])
    yaml_bytes = client.get(f"/d/{pk}/download/yaml/").content
    result = client.get(f"/d/{pk}/download/json/")
    assert result["Content-Type"].startswith("application/json")
    name = result["Content-Disposition"].split('"')[1].removesuffix(".json") + ".yaml"
    (tmp_path / name).write_bytes(yaml_bytes)
    monkeypatch.chdir(tmp_path)
    cli_out = CliRunner().invoke(cli, ["check", name, "-o", "json", "--date", dt.date.today().isoformat()])
    assert cli_out.exit_code in (0, 1), cli_out.output
    assert result.content == cli_out.output.encode("utf-8")
    sarif = client.get(f"/d/{pk}/download/sarif/")
    cli_sarif = CliRunner().invoke(cli, ["check", name, "-o", "sarif"])
    assert sarif.content == cli_sarif.output.encode("utf-8")


def test_a_blank_dossier_evaluates_and_says_what_is_open(make_user: Any, login: Any) -> None:
    client = login(make_user("po"))
    response = client.post("/dossiers/nieuw/", {"title": "Wifi-tellers <Centrum>"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Wifi-tellers &lt;Centrum&gt;" in page
    assert "DPIA" in page


def test_uploads_outside_the_limits_are_refused_with_a_reason(make_user: Any, login: Any) -> None:
    client = login(make_user("po"))
    cases = [
        (SimpleUploadedFile("plan.exe", b"MZ\x00\x00"), "only .yaml, .yml and .json"),
        (SimpleUploadedFile("big.yaml", b"a: " + b"x" * (2 * 1024 * 1024 + 10)), "larger than"),
        (SimpleUploadedFile("bad.yaml", b"schema_version: 2\nproject: [\n"), "bad.yaml"),
        (SimpleUploadedFile("bad.json", b"{not json"), "not valid JSON"),
        (SimpleUploadedFile("latin1.yaml", "naam: caf\xe9".encode("latin-1")), "not UTF-8"),
    ]
    for upload, reason in cases:
        response = client.post("/dossiers/nieuw/", {"title": "x", "upload": upload})
        assert response.status_code == 400, upload.name
        assert reason in response.content.decode(), (upload.name, response.content.decode()[:3000])
    assert Version.objects.count() == 0


def test_an_invulhulp_export_becomes_a_dossier(make_user: Any, login: Any) -> None:
    exports = sorted((ROOT / "tests" / "invulhulp").rglob("*.json"))
    export = next((p for p in exports if "prescan" in p.name.lower()), None)
    if export is None:
        pytest.skip("no Invulhulp Pre-scan export among the test fixtures")
    client = login(make_user("po"))
    response = _upload(client, export, "Uit de Invulhulp")
    assert response.status_code == 302, response.content.decode()[:3000]
    v1 = Version.objects.get(number=1)
    assert v1.text.startswith("# Geïmporteerd uit de Invulhulp")
    assert v1.note == "invulhulp"


def _dossier_with_versions(team: dict[str, Any], *names: str) -> Any:
    dossier = team["dossier"]
    for name in names:
        services.add_version(
            dossier, f"schema_version: 2\nproject:\n  name: {name}\n  phase: idee\n", team["users"]["editor"]
        )
    return dossier


def test_versions_are_numbered_and_append_only(team: dict[str, Any]) -> None:
    dossier = _dossier_with_versions(team, "Twee", "Drie")
    assert list(dossier.versions.values_list("number", flat=True)) == [1, 2, 3]
    v2 = dossier.versions.get(number=2)
    assert v2.sha256 == services.load(dossier, v2).sha256  # the hash the CLI computes for the same bytes
    v2.text = "schema_version: 2\nproject:\n  name: Gewijzigd\n"
    with pytest.raises(AppendOnlyError):
        v2.save()
    with pytest.raises(AppendOnlyError):
        v2.delete()
    assert AuditEvent.objects.filter(dossier=dossier, kind="version").count() == 3


def test_an_invalid_version_is_refused_and_nothing_is_saved(team: dict[str, Any]) -> None:
    from pbd.errors import DescriptionError

    with pytest.raises(DescriptionError):
        services.add_version(team["dossier"], "schema_version: 2\nproject:\n  phase: nonsense\n", None)
    assert team["dossier"].versions.count() == 1


def test_diff_between_any_two_versions_per_field_and_restore(team: dict[str, Any], login: Any) -> None:
    dossier = _dossier_with_versions(team, "Twee", "Drie")
    client = login(team["users"]["editor"])
    page = client.get(f"/d/{dossier.pk}/geschiedenis/?a=1&b=3")
    text = page.content.decode()
    assert page.status_code == 200
    assert "$.project.name" in text and "Slimme lantaarnpalen" in text and "Drie" in text
    assert "$.project.phase" in text  # added in version 2
    changes = {
        c.path: c for c in services.diff(dossier, dossier.versions.get(number=1), dossier.versions.get(number=3))
    }
    assert changes["$.project.name"].change == "changed"
    assert changes["$.project.phase"].change == "added"
    assert services.diff(dossier, dossier.versions.get(number=2), dossier.versions.get(number=2)) == []
    restored = client.post(f"/d/{dossier.pk}/versies/1/herstel/")
    assert restored.status_code == 302
    v4 = dossier.versions.get(number=4)
    assert v4.text == dossier.versions.get(number=1).text and v4.restored_from == 1
    assert client.get(f"/d/{dossier.pk}/geschiedenis/?a=1&b=99").status_code == 404


def test_diff_of_lists_shows_the_item_that_changed() -> None:
    flat = services.flatten({"a": [{"b": 1}, {"b": 2}], "c": [], "d": {}})
    assert flat == {"$.a[0].b": 1, "$.a[1].b": 2, "$.c": [], "$.d": {}}


def test_a_signoff_becomes_outdated_when_the_description_changes(team: dict[str, Any], login: Any) -> None:
    dossier = _dossier_with_versions(team, "Twee", "Drie")
    fg = login(team["users"]["fg"])
    assert (
        fg.post(
            f"/d/{dossier.pk}/advies/", {"version": 3, "text": "Positief, mits bewaartermijn 30 dagen."}
        ).status_code
        == 302
    )
    signoff = SignOff.objects.get()
    kb = services.knowledge_base()
    assert (signoff.version.number, signoff.description_sha256, signoff.kb_version, signoff.kb_sha256) == (
        3,
        dossier.versions.get(number=3).sha256,
        kb.version,
        kb.sha256,
    )
    page = fg.get(f"/d/{dossier.pk}/").content.decode()
    assert "geldt voor de huidige versie" in page and "verouderd" not in page
    services.add_version(dossier, "schema_version: 2\nproject:\n  name: Vier\n  phase: idee\n", team["users"]["editor"])
    page = fg.get(f"/d/{dossier.pk}/").content.decode()
    assert "verouderd: de beschrijving is sindsdien gewijzigd (nu versie 4)" in page
    assert not services.is_current(SignOff.objects.get(), dossier.latest())
    assert AuditEvent.objects.filter(kind="sign_off", dossier=dossier).count() == 1
    with pytest.raises(AppendOnlyError):
        signoff.delete()


def test_advice_written_into_the_description_keeps_the_signoff_current(team: dict[str, Any], login: Any) -> None:
    dossier = team["dossier"]
    fg = login(team["users"]["fg"])
    response = fg.post(f"/d/{dossier.pk}/advies/", {"version": 1, "text": "Doe eerst de DPIA.", "adopt": "on"})
    assert response.status_code == 302
    v2 = dossier.latest()
    assert v2.number == 2
    data = services.data_of(dossier, v2)
    assert data["project"]["dpo_advice"]["summary"] == "Doe eerst de DPIA."
    assert data["project"]["dpo_advice"]["version"].startswith(f"dossier {dossier.slug} v1 (sha256 ")
    assert services.is_current(SignOff.objects.get(), v2)


def test_the_owner_records_the_decision(team: dict[str, Any], login: Any) -> None:
    owner = login(team["users"]["owner"])
    pk = team["dossier"].pk
    assert owner.post(f"/d/{pk}/besluit/", {"version": 1, "text": "x", "outcome": "maybe"}).status_code == 400
    assert (
        owner.post(
            f"/d/{pk}/besluit/", {"version": 1, "text": "Akkoord", "outcome": "go_with_conditions", "adopt": "on"}
        ).status_code
        == 302
    )
    data = services.data_of(team["dossier"], team["dossier"].latest())
    assert data["project"]["decision"]["outcome"] == "go_with_conditions"


def test_members_and_roles_are_audited_and_the_last_owner_stays(team: dict[str, Any], login: Any) -> None:
    owner = login(team["users"]["owner"])
    pk = team["dossier"].pk
    assert owner.post(f"/d/{pk}/leden/", {"username": "outsider", "role": "viewer", "action": "set"}).status_code == 302
    assert team["dossier"].memberships.get(user=team["outsider"]).role == "viewer"
    event = AuditEvent.objects.get(kind="role_change")
    assert event.detail == {"member": "outsider", "from": None, "to": "viewer"}
    last = owner.post(f"/d/{pk}/leden/", {"username": "owner", "role": "viewer", "action": "set"})
    assert last.status_code == 400 and "eigenaar houden" in last.content.decode()
    unknown = owner.post(f"/d/{pk}/leden/", {"username": "nobody", "role": "viewer", "action": "set"})
    assert unknown.status_code == 400
    assert (
        owner.post(f"/d/{pk}/leden/", {"username": "outsider", "role": "viewer", "action": "remove"}).status_code == 302
    )
    assert not team["dossier"].memberships.filter(user=team["outsider"]).exists()


def test_comments_threads_and_resolve_with_htmx(team: dict[str, Any], login: Any) -> None:
    editor = login(team["users"]["editor"])
    pk = team["dossier"].pk
    hx = {"HTTP_HX_REQUEST": "true"}
    first = editor.post(
        f"/d/{pk}/opmerkingen/",
        {"text": "Is de grondslag al bekend?", "target_kind": "question", "target": "$.processings[0].legal_basis"},
        **hx,
    )
    assert first.status_code == 200 and "Is de grondslag al bekend?" in first.content.decode()
    assert "<html" not in first.content.decode()  # a fragment for HTMX, not a page
    root = team["dossier"].comments.get()
    reply = editor.post(
        f"/d/{pk}/opmerkingen/",
        {"text": "Ja: art. 6(1)(e).", "target_kind": "question", "target": "ignored", "parent": root.pk},
        **hx,
    )
    assert reply.status_code == 200
    assert team["dossier"].comments.get(parent=root).target == "$.processings[0].legal_basis"
    done = editor.post(f"/d/{pk}/opmerkingen/{root.pk}/afgehandeld/", **hx)
    assert done.status_code == 200 and "afgehandeld" in done.content.decode()
    root.refresh_from_db()
    assert root.resolved_by == team["users"]["editor"]
    listing = editor.get(f"/d/{pk}/opmerkingen/?target_kind=question&target=$.processings[0].legal_basis")
    assert "Ja: art. 6(1)(e)." in listing.content.decode()


def test_downloads_are_audited(team: dict[str, Any], login: Any) -> None:
    viewer = login(team["users"]["viewer"])
    pk = team["dossier"].pk
    assert viewer.get(f"/d/{pk}/download/yaml/").status_code == 200
    assert viewer.get(f"/d/{pk}/versies/1/download/json/").status_code == 200
    assert viewer.get(f"/d/{pk}/download/exe/").status_code == 404
    assert [e.detail["format"] for e in AuditEvent.objects.filter(kind="download").order_by("pk")] == ["yaml", "json"]
    fg = login(team["users"]["fg"])
    assert "gedownload" in fg.get(f"/d/{pk}/audit/").content.decode()


@pytest.mark.slow
def test_the_pdf_downloads_are_pdfs(team: dict[str, Any], login: Any) -> None:
    client = login(team["users"]["viewer"])
    for kind in ("dpia", "art25"):
        response = client.get(f"/d/{team['dossier'].pk}/download/{kind}/?lang=en")
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF-")
        assert response["Content-Type"] == "application/pdf"


def test_an_older_version_and_another_gate_can_be_viewed(team: dict[str, Any], login: Any) -> None:
    dossier = _dossier_with_versions(team, "Twee")
    client = login(team["users"]["viewer"])
    old = client.get(f"/d/{dossier.pk}/?v=1").content.decode()
    assert "U bekijkt versie 1" in old and f"/d/{dossier.pk}/versies/1/download/json/" in old
    assert "U bekijkt versie" not in client.get(f"/d/{dossier.pk}/").content.decode()
    assert client.get(f"/d/{dossier.pk}/?v=9").status_code == 404
    beheer = client.get(f"/d/{dossier.pk}/?gate=beheer").content.decode()
    assert "Te doen vóór beslismoment" in beheer and '<option value="beheer" selected>' in beheer
    assert client.get(f"/d/{dossier.pk}/?gate=nonsense").status_code == 200


def test_the_gate_list_says_each_fix_once_and_names_every_place_it_is_due(make_user: Any, login: Any) -> None:
    """Stratumseind's retention fix (OB-03) holds for four processings: one entry naming them, not four copies."""
    from pbd.knowledge_base import default_knowledge_base

    client = login(make_user("po"))
    pk = int(_upload(client, ROOT / "examples" / "stratumseind.yaml")["Location"].strip("/").split("/")[-1])
    html = client.get(f"/d/{pk}/").content.decode()
    todo = html[html.index('id="todo"') : html.index('id="findings"')]
    fix = default_knowledge_base().criteria["OB-03"].remediation.nl
    assert todo.count(fix[:60]) == 1
    entry = todo[todo.index("(OB-03)") :][:400]
    assert "Voor:" in entry
    for processing in ("camera-drukte", "geluid", "wifi-telling"):
        assert processing in entry, entry
