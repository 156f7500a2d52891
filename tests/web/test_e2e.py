"""The web dossier end to end in a real browser (issue 15): three people, one dossier, from the first answer to the PDF.

A privacy officer creates a dossier and answers the first pass (the screening changes in the live
panel without a reload), adds the project team's member and the FG on the members page; the
project team member comments on a question; the FG signs version 3; an edit makes version 4 and the
dossier page shows the advice as outdated; the DPIA PDF downloads and opens. The accounts are made
in the database (the administrator's page has tests of its own); everything else goes through the
pages, as the people would. Playwright drives Debian's Chromium on pytest-django's live server
(SQLite, the embedded default).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest

from tests.web.e2e_support import chromium, log_in, needs_chromium

pytestmark = [pytest.mark.slow, pytest.mark.e2e, needs_chromium]

TITLE = "Drukte meten op het Stratumseind"
#: a small description's DPIA draft renders in a few seconds; on a loaded machine it may take longer
PDF_TIMEOUT_MS = 90_000


def _panel(page: Any) -> str:
    return " ".join(page.inner_text("#live-panel").split())


def test_officer_team_and_fg_from_first_answer_to_signed_pdf(live_server: Any, make_user: Any) -> None:
    from pbd.web.models import AuditEvent, AuditKind, Comment, Dossier, Membership, SignOff

    make_user("adviseur", first_name="Anne Adviseur")
    make_user("projectlid", first_name="Piet Projectlid")
    make_user("fg", first_name="Fatima FG", rights=["fg"])  # the organisation designated her FG
    base = live_server.url
    with chromium() as browser:
        # -- the privacy officer creates the dossier: version 1, and she is its owner ----------------
        officer = log_in(browser, base, "adviseur")
        officer.click("main >> text=Nieuw dossier")
        officer.fill("#id_title", TITLE)
        with officer.expect_navigation():
            officer.press("#id_title", "Enter")
        match = re.search(r"/d/(\d+)/$", officer.url)
        assert match, officer.url
        dossier = Dossier.objects.get(pk=int(match.group(1)))
        assert dossier.title == TITLE and dossier.latest().number == 1
        assert Membership.objects.get(dossier=dossier).role == "owner"

        # -- the first pass: its first question is which processings there are; she adds one (v2) ----
        officer.click("nav.dossier-nav >> text=Vragenlijst")
        officer.wait_for_url(f"**/d/{dossier.pk}/vragen/eerste/")
        assert "Welke verwerkingen" in _panel(officer)
        officer.fill("#f-processings-add-key", "camera-tellen")
        with officer.expect_navigation():
            officer.press("#f-processings-add-key", "Enter")
        assert dossier.latest().number == 2
        before = _panel(officer)
        assert "Na versie 2" in before and "FRIA" not in before

        # -- an answer saves itself and the screening changes in place, without a reload (v3) --------
        officer.evaluate("window.__same_page = true")
        officer.check("#f-processings-0-techniques-form input[value=biometric_identification]")
        officer.wait_for_selector("#f-processings-0-techniques-msg .q-ok")
        officer.wait_for_function("document.querySelector('#live-panel').innerText.includes('Na versie 3')")
        after = _panel(officer)
        assert "FRIA verplicht" in after and "art. 27" in after, after[:600]
        assert officer.evaluate("window.__same_page === true"), "the panel changed by a page load, not live"
        assert dossier.latest().number == 3
        assert "biometric_identification" in dossier.latest().text

        # -- she adds the project team member and the FG on the members page --------------------------
        officer.click("nav.dossier-nav >> text=Leden en rollen")
        for username, role in (("projectlid", "editor"), ("fg", "fg")):
            officer.fill("#id_username", username)
            officer.select_option("#id_role", role)
            with officer.expect_navigation():
                officer.click("main button.primary")
            assert officer.locator("table tbody tr", has_text=f"({username})").count() == 1
        roles = dict(Membership.objects.filter(dossier=dossier).values_list("user__username", "role"))
        assert roles == {"adviseur": "owner", "projectlid": "editor", "fg": "fg"}

        # -- the project team member finds the dossier in their list and comments on a question -------
        team = log_in(browser, base, "projectlid")
        team.click(f"main >> text={TITLE}")
        assert team.locator("nav.dossier-nav >> text=Leden en rollen").count() == 0  # owners only
        team.click("nav.dossier-nav >> text=Vragenlijst")
        question = team.locator("#f-processings-0-techniques-q")
        question.locator("details.q-help > summary").click()
        box = question.locator(".q-comments form:not(.reply-form) textarea[name=text]")
        box.fill("Is gezichtsherkenning echt nodig om drukte te tellen? Tellen zonder identificatie volstaat.")
        question.locator(".q-comments form:not(.reply-form) button[type=submit]").click()
        question.locator(".q-comments article.comment", has_text="Tellen zonder identificatie").wait_for()
        comment = Comment.objects.get(dossier=dossier)
        assert (comment.target_kind, comment.author.username) == ("question", "projectlid")
        assert "techniques" in comment.target
        assert dossier.latest().number == 3  # a comment is not a version

        # -- the FG sees that version 3 is the latest in the history, and signs it --------------------
        fg = log_in(browser, base, "fg")
        fg.goto(f"{base}/d/{dossier.pk}/geschiedenis/")
        rows = fg.locator("table:not(.diff) tbody th[scope=row]").all_inner_texts()
        assert rows == ["v3", "v2", "v1"], rows
        fg.goto(f"{base}/d/{dossier.pk}/")
        assert fg.input_value("#id_version") == "3"
        fg.fill("#id_text", "Advies: geen gezichtsherkenning; tel met sensoren die niemand identificeren.")
        with fg.expect_navigation():
            fg.click("text=Advies ondertekenen")
        signoff = SignOff.objects.get(dossier=dossier)
        assert (signoff.version.number, signoff.kind, signoff.author.username) == (3, "fg_advice", "fg")
        block = fg.locator("#signoff .signoff")
        assert "op versie 3" in block.inner_text() and "geldt voor de huidige versie" in block.inner_text()

        # -- the project team edits an answer: version 4, and the advice is outdated ------------------
        team.fill("#f-project-summary", "Tellen hoe druk het is op het Stratumseind, zonder personen te herkennen.")
        team.press("#f-project-summary", "Tab")
        team.wait_for_selector("#f-project-summary-msg .q-ok")
        assert dossier.latest().number == 4
        fg.reload()
        block = fg.locator("#signoff .signoff")
        assert "outdated" in (block.get_attribute("class") or "")
        assert "verouderd" in block.inner_text() and "nu versie 4" in block.inner_text(), block.inner_text()

        # -- the officer downloads the DPIA draft; it is a PDF that opens and names the project -------
        officer.goto(f"{base}/d/{dossier.pk}/")
        make = officer.locator("#downloads form[action$='/pdf/dpia/'] button")
        if make.count():  # a background job renders it (the page polls until the file is there)
            with officer.expect_navigation():
                make.click()
            link = officer.locator("#jobs a[href*='/download/']").first
            link.wait_for(timeout=PDF_TIMEOUT_MS)
        else:  # rendered in the request
            link = officer.locator("#downloads a[href$='/download/dpia/']")
        with officer.expect_download(timeout=PDF_TIMEOUT_MS) as info:
            link.click()
        download = info.value
        assert download.suggested_filename.endswith(".pdf"), download.suggested_filename
        body = Path(download.path()).read_bytes()
        assert body.startswith(b"%PDF-")
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(body))
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
        assert len(reader.pages) >= 2 and TITLE in text, text[:400]
        downloads = AuditEvent.objects.filter(dossier=dossier, kind=AuditKind.DOWNLOAD)
        seen = [(e.username, e.detail["format"], e.detail["version"]) for e in downloads]
        assert seen == [("adviseur", "dpia", 4)], seen
