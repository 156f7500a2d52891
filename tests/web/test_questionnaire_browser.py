"""The questionnaire in a real browser, keyboard only: autosave on change, the message in place, focus kept.

Playwright drives Debian's Chromium (``/usr/bin/chromium``); without Playwright or Chromium the test
is skipped and says why (``.ci/run`` installs both for the end-to-end suite).
"""

from __future__ import annotations

import os
import shutil
from typing import Any

import pytest

from tests.web.conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.e2e,
    pytest.mark.skipif(
        not shutil.which(CHROMIUM), reason="no Chromium at /usr/bin/chromium (apt-get install chromium)"
    ),
]


@pytest.fixture
def page(live_server: Any) -> Any:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # the test's own ORM calls run beside Playwright's event loop
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser.new_page()
        browser.close()


def test_first_pass_by_keyboard(page: Any, live_server: Any, make_user: Any, make_dossier: Any) -> None:
    user = make_user("officer")
    d = make_dossier(user)
    base = live_server.url
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(f"{base}/d/{d.pk}/vragen/eerste/")
    assert not page.locator(".q-save").first.is_visible()  # with JavaScript, every change saves itself

    # a yes/no question: focus "Nee", press space; the message appears in place and focus stays
    page.focus("#f-project-new_legislation-2")
    page.keyboard.press("Space")
    page.wait_for_selector("#f-project-new_legislation-msg .q-ok")
    assert "versie 2" in page.inner_text("#f-project-new_legislation-msg")
    assert page.get_attribute("#q-base", "value") == "2"
    assert page.evaluate("document.activeElement.id") == "f-project-new_legislation-2"
    assert d.latest().number == 2

    # a text answer is saved when the user tabs away
    page.fill("#f-project-organisation", "Gemeente Eindhoven")
    page.keyboard.press("Tab")
    page.wait_for_selector("#f-project-organisation-msg .q-ok")
    assert "organisation: Gemeente Eindhoven" in d.latest().text

    # add a processing from the first pass; answering "camera" brings the camera questions, focus is kept
    page.fill("#f-processings-add-key", "camera-tellen")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#f-processings-0-collection-sensors-facial_recognition-form").count() == 0
    page.focus("input[name=value][value=camera]")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.wait_for_selector("#f-processings-0-collection-sensors-facial_recognition-form")
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("f-processings-0-collection-methods-")

    # a refused answer: the reason in place, the input marked invalid, no version; fixed, the mark goes
    page.goto(f"{base}/d/{d.pk}/vragen/processings.0/")
    number = d.latest().number
    page.fill("#f-processings-0-retention-period", "een tijdje")
    page.keyboard.press("Tab")
    page.wait_for_selector("#f-processings-0-retention-period-msg .field-error")
    assert page.get_attribute("#f-processings-0-retention-period", "aria-invalid") == "true"
    assert d.latest().number == number
    page.fill("#f-processings-0-retention-period", "30 dagen")
    page.keyboard.press("Tab")
    page.wait_for_selector("#f-processings-0-retention-period-msg .q-ok")
    assert page.get_attribute("#f-processings-0-retention-period", "aria-invalid") is None
    assert "period: P30D" in d.latest().text
