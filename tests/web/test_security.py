"""Security: hostile text in every field comes back escaped (pages and PDFs), headers, cookies, login throttling, Argon2."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from pbd.description import load_text
from pbd.errors import DescriptionError
from pbd.web import services
from pbd.web.models import AuditEvent, Comment
from tests.web.conftest import EXAMPLES, PASSWORD

XSS = "<script>alert('pbd')</script><b onmouseover=\"alert(1)\">pbd-xss</b>&amp;"
ESCAPED = "&lt;script&gt;alert(&#x27;pbd&#x27;)&lt;/script&gt;&lt;b onmouseover=&quot;alert(1)&quot;&gt;pbd-xss&lt;/b&gt;&amp;amp;"


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _leaves(v, (*path, i))
    elif isinstance(data, str):
        yield path


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def _json_path(path: tuple[Any, ...]) -> str:
    return "$" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)


def hostile_description(source: Path | None = None) -> tuple[str, int]:
    """An example (default: the largest) with the payload in every free-text field the model accepts it in (enums, dates, ids stay).

    Every string gets the payload; the fields the loader then refuses (enums, dates, references) get
    their value back, until the description is valid.
    """
    source = source or max(EXAMPLES, key=lambda p: p.stat().st_size)
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    originals: dict[str, tuple[tuple[Any, ...], Any]] = {}
    for path in list(_leaves(data)):
        if path[-1] in ("id", "processing", "system", "processings", "systems", "criterion", "rule", "target"):
            continue  # references between parts must keep resolving
        old: Any = data
        for step in path:
            old = old[step]
        originals[_json_path(path)] = (path, old)
        _set(data, path, f"{XSS} {old}")
    for _ in range(20):
        try:
            load_text(yaml.safe_dump(data, allow_unicode=True), "x.yaml")
            break
        except DescriptionError as err:
            refused = [
                key
                for key in originals
                if any(
                    pr.path == key or pr.path.startswith(key + ".") or (key.startswith(pr.path) and pr.path != "$")
                    for pr in err.problems
                )
            ]
            assert refused, [pr.render("en") for pr in err.problems[:5]]
            for key in refused:
                path, old = originals.pop(key)
                _set(data, path, old)
    else:
        raise AssertionError("the hostile description never became valid")
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False), len(originals)


@pytest.fixture(scope="module")
def hostile() -> tuple[str, int]:
    return hostile_description()


def _assert_escaped(body: str, where: str) -> None:
    assert "<script>alert" not in body, where
    assert "<b onmouseover" not in body, where


def test_hostile_text_in_every_field_is_escaped_on_every_page(
    hostile: tuple[str, int], make_user: Any, login: Any, team: dict[str, Any]
) -> None:
    text, replaced = hostile
    assert replaced > 40  # the payload really went into the free-text fields
    owner = team["users"]["owner"]
    owner.first_name = XSS
    owner.save()
    client = login(owner)
    dossier = services.create_dossier(owner.organisation_id, XSS, text, owner, XSS)
    services.add_version(dossier, text.replace("pbd-xss", "pbd-xss2"), owner, XSS)
    pk = dossier.pk
    from pbd.web.models import Membership

    Membership.objects.create(dossier=dossier, user=team["users"]["fg"], role="fg")
    Comment.objects.create(dossier=dossier, version_number=1, target_kind="dossier", target=XSS, author=owner, text=XSS)
    Comment.objects.create(dossier=dossier, version_number=1, target_kind="finding", target=XSS, author=owner, text=XSS)
    fg = login(team["users"]["fg"])
    assert fg.post(f"/d/{pk}/advies/", {"version": 1, "text": XSS}).status_code == 302
    client = login(owner)
    pages = [
        "/dossiers/",
        f"/d/{pk}/",
        f"/d/{pk}/geschiedenis/?a=1&b=2",
        f"/d/{pk}/leden/",
        f"/d/{pk}/audit/",
        f"/d/{pk}/opmerkingen/?target_kind=finding&target={XSS}",
        "/beheer/gebruikers/",
    ]
    owner.is_superuser = True
    owner.save()
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        _assert_escaped(body, url)
        assert "&lt;script&gt;" in body, f"{url}: the payload is shown (escaped), not dropped"
    detail = client.get(f"/d/{pk}/").content.decode()
    assert ESCAPED in detail


def test_hostile_upload_name_and_bad_input_are_escaped_in_error_messages(make_user: Any, login: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login(make_user("po"))
    bad = SimpleUploadedFile(f"{XSS}.yaml", f"schema_version: 2\nproject:\n  phase: {XSS}\n".encode())
    response = client.post("/dossiers/nieuw/", {"title": XSS, "upload": bad})
    assert response.status_code == 400
    _assert_escaped(response.content.decode(), "new dossier errors")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_hostile_text_is_literal_text_in_the_pdfs(make_user: Any, login: Any, tmp_path: Path) -> None:
    """The smallest example made hostile (a PDF of the largest takes half a minute: the same templates, more pages)."""
    text, replaced = hostile_description(min(EXAMPLES, key=lambda p: p.stat().st_size))
    assert replaced > 20
    owner = make_user("po")
    dossier = services.create_dossier(owner.organisation_id, "XSS", text, owner, "x")
    client = login(owner)
    for kind in ("dpia", "art25"):
        pdf = client.get(f"/d/{dossier.pk}/download/{kind}/").content
        (tmp_path / f"{kind}.pdf").write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / f"{kind}.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        flat = " ".join(text.split())
        assert "pbd-xss" in flat, kind
        assert "<script>alert('pbd')</script>" in flat or "<script>alert(" in flat, f"{kind}: markup was interpreted"
        assert "onmouseover" in flat, f"{kind}: the tag was swallowed as markup"


def test_headers_csp_frames_and_cookies(team: dict[str, Any], client: Any) -> None:
    page = client.get("/login/")
    csp = page["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert page["X-Frame-Options"] == "DENY"
    assert page["X-Content-Type-Options"] == "nosniff"
    assert page["Cache-Control"] == "no-store"
    body = page.content.decode()
    assert (
        "<script>" not in body and " on" not in body.split("<body", 1)[1].split(">", 1)[0]
    )  # no inline script or handler
    assert '<html lang="nl">' in body and 'class="skip-link" href="#main"' in body
    response = client.post("/login/", {"username": "owner", "password": PASSWORD})
    session = response.cookies["pbd_session"]
    assert session["httponly"] and session["secure"] and session["samesite"] == "Lax"


def test_failed_logins_are_throttled_per_user_and_address(team: dict[str, Any], client: Any) -> None:
    for _ in range(5):
        assert client.post("/login/", {"username": "owner", "password": "wrong"}).status_code == 401
    blocked = client.post("/login/", {"username": "owner", "password": PASSWORD})
    assert blocked.status_code == 429
    assert "Te veel mislukte pogingen" in blocked.content.decode()
    assert AuditEvent.objects.filter(kind="login_failed", username="owner").count() == 6
    # another user from the same address is not blocked
    assert client.post("/login/", {"username": "editor", "password": PASSWORD}).status_code == 302
    assert AuditEvent.objects.filter(kind="login", username="editor").count() == 1


def test_next_after_login_stays_on_this_site(team: dict[str, Any], client: Any) -> None:
    evil = client.post("/login/?next=https://evil.example/", {"username": "owner", "password": PASSWORD})
    assert evil["Location"] == "/dossiers/"


def test_passwords_are_hashed_with_argon2(db: None) -> None:
    from django.contrib.auth.hashers import make_password
    from django.test import override_settings

    from pbd.web import settings as web_settings

    with override_settings(PASSWORD_HASHERS=web_settings.PASSWORD_HASHERS):
        assert make_password("a long enough passphrase").startswith("argon2$")


def test_english_is_switchable(team: dict[str, Any], login: Any) -> None:
    client = login(team["users"]["owner"])
    assert "Mijn dossiers" in client.get("/dossiers/").content.decode()
    assert client.post("/taal/", {"lang": "en", "next": "/dossiers/"})["Location"] == "/dossiers/"
    page = client.get("/dossiers/").content.decode()
    assert "My dossiers" in page and '<html lang="en">' in page
    assert client.post("/taal/", {"lang": "xx"}).status_code == 400


def test_the_administrator_sees_logins_and_failed_logins(team: dict[str, Any], client: Any, login: Any) -> None:
    client.post("/login/", {"username": "editor", "password": "wrong"})
    admin = team["users"]["owner"]
    admin.is_superuser = True
    admin.save()
    page = login(admin).get("/beheer/audit/").content.decode()
    assert "aanmelden mislukt" in page and "aangemeld" in page and "editor" in page
