"""axe-core on every page type of the web dossier (issue 15): no serious or critical violation of WCAG 2.1 A/AA.

Dutch government sites must meet WCAG 2.1 AA (Besluit digitale toegankelijkheid overheid, EN 301 549).
axe-core (``tests/js``, pinned) is injected by Playwright into each page as its user sees it, with
the parts that open on a click opened (help, comments, findings). No rule is switched off. The
browser context bypasses the Content-Security-Policy only so that the injected script may run.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import EXAMPLES
from tests.web.e2e_support import axe_source, axe_violations, chromium, describe, log_in, needs_chromium

pytestmark = [pytest.mark.slow, pytest.mark.e2e, needs_chromium]

#: a medium example: findings, reasons and several processings on the pages, without the largest one's bulk
EXAMPLE = next(p for p in EXAMPLES if p.stem == "slimme-straatverlichting")


@pytest.fixture
def dossier(make_user: Any, make_dossier: Any) -> Any:
    """A dossier with three versions, a comment thread on a question and on the dossier, and FG advice on v2."""
    from pbd.web import services
    from pbd.web.models import Comment, SignOffKind

    owner = make_user("eigenaar", first_name="Eva Eigenaar", is_superuser=True)
    fg = make_user("fg", first_name="Fatima FG")
    d = make_dossier(owner, title="Slimme straatverlichting", text=EXAMPLE.read_text(encoding="utf-8"), fg=fg)
    text = d.latest().text
    services.add_version(d, text.replace("Slimme straatverlichting", "Slimme lantaarnpalen", 1), owner, "titel")
    services.sign(d, d.latest(), SignOffKind.FG_ADVICE, fg, "Advies: dimmen zonder camera's.", "", "127.0.0.1")
    services.add_version(d, text, owner, "titel terug")
    root = Comment.objects.create(
        dossier=d, version_number=3, target_kind="question", target="processings[0].purposes", author=fg, text="Waarom?"
    )
    Comment.objects.create(
        dossier=d, version_number=3, target_kind="question", target=root.target, parent=root, author=owner, text="Zo."
    )
    Comment.objects.create(dossier=d, version_number=3, target_kind="dossier", target="", author=fg, text="Graag v4.")
    return d


def _open_all(page: Any, selector: str) -> None:
    """Open every <details> under selector (help, comments, findings), as a keyboard user would one by one."""
    page.evaluate(f"document.querySelectorAll({selector!r}).forEach(d => d.open = true)")


def test_every_page_type_has_no_serious_violations(live_server: Any, dossier: Any) -> None:
    source = axe_source()
    base = live_server.url
    pk = dossier.pk
    found: dict[str, list[dict[str, Any]]] = {}
    with chromium() as browser:
        anonymous = browser.new_context(locale="nl-NL", bypass_csp=True).new_page()
        anonymous.goto(f"{base}/login/")
        found["login"] = axe_violations(anonymous, source)
        anonymous.fill("#id_username", "eigenaar")
        anonymous.fill("#id_password", "wrong password")
        with anonymous.expect_navigation():
            anonymous.press("#id_password", "Enter")
        assert anonymous.locator("[role=alert]").count() == 1
        found["login, refused"] = axe_violations(anonymous, source)

        owner = log_in(browser, base, "eigenaar", bypass_csp=True)
        pages = {
            "dossier list": "/dossiers/",
            "new dossier": "/dossiers/nieuw/",
            "import (several files as one job)": "/dossiers/import/",
            "history": f"/d/{pk}/geschiedenis/",
            "history with diff": f"/d/{pk}/geschiedenis/?a=1&b=2",
            "members": f"/d/{pk}/leden/",
            "audit log": f"/d/{pk}/audit/",
            "audit log (administrator)": "/beheer/audit/",
            "accounts (administrator)": "/beheer/gebruikers/",
            "password": "/konto/wachtwoord/",
            "404": "/d/999999/",
        }
        for name, path in pages.items():
            response = owner.goto(base + path)
            assert response is not None and response.status == (404 if name == "404" else 200), (name, response)
            found[name] = axe_violations(owner, source)

        owner.goto(f"{base}/dossiers/nieuw/")
        with owner.expect_navigation():
            owner.click("main button.primary")  # no title, no file: the form says so
        found["new dossier, refused"] = axe_violations(owner, source)

        owner.goto(f"{base}/d/{pk}/")
        _open_all(owner, "#findings details, #todo details")
        found["dossier page (owner: decision form, comments, outdated advice)"] = axe_violations(owner, source)
        make = owner.locator("#downloads form[action$='/pdf/dpia/'] button")
        if make.count():  # the PDF as a background job: the list while it runs, and when it is done
            with owner.expect_navigation():
                make.click()
            found["dossier page, a PDF job under way"] = axe_violations(owner, source)
            owner.locator("#jobs a[href*='/download/']").first.wait_for(timeout=90_000)
            found["dossier page, the PDF job done"] = axe_violations(owner, source)

        owner.goto(f"{base}/d/{pk}/vragen/eerste/")
        found["questionnaire: first pass"] = axe_violations(owner, source)
        owner.goto(f"{base}/d/{pk}/vragen/processings.0/")
        help_of = owner.locator("details.q-help").first
        help_of.locator("summary").click()
        help_of.locator(".q-comments .comments").wait_for()
        _open_all(owner, "details")
        found["questionnaire: a processing, help and comments open"] = axe_violations(owner, source)
        owner.fill("#f-processings-0-retention-period", "een tijdje")
        owner.press("#f-processings-0-retention-period", "Tab")
        owner.wait_for_selector("#f-processings-0-retention-period-msg .field-error")
        found["questionnaire: a refused answer"] = axe_violations(owner, source)
        owner.goto(f"{base}/d/{pk}/vragen/processings/")
        found["questionnaire: a section's list"] = axe_violations(owner, source)
        owner.goto(f"{base}/d/{pk}/opmerkingen/?target_kind=question&target=processings[0].purposes")
        found["comments (the list alone, as without JavaScript)"] = axe_violations(owner, source)

        fg = log_in(browser, base, "fg", bypass_csp=True)
        fg.goto(f"{base}/d/{pk}/")
        found["dossier page (FG: sign-off form)"] = axe_violations(fg, source)
        fg.goto(f"{base}/d/{pk}/?v=2")
        found["dossier page of an older version (the one signed)"] = axe_violations(fg, source)
        with fg.expect_navigation():
            fg.click("header form[action$='/taal/'] button")  # English: the same page with lang="en"
        assert fg.get_attribute("html", "lang") == "en" and "DPO advice" in fg.inner_text("#signoff")
        found["dossier page in English"] = axe_violations(fg, source)
        # the check itself can fail: an image without a text alternative (WCAG 1.1.1) is critical to axe
        fg.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"data:,\">')")
        assert "image-alt" in {v["id"] for v in axe_violations(fg, source)}

    failing = {name: v for name, v in found.items() if v}
    report = "\n".join(f"{name}:\n{describe(v)}" for name, v in failing.items())
    assert not failing, f"axe-core found serious or critical violations:\n{report}"
