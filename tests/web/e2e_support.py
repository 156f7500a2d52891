"""Helpers of the browser tests (``-m e2e``): Debian's Chromium through Playwright, logging in, axe-core.

Playwright's own browser download is not available on the build machines, so the tests drive
``/usr/bin/chromium`` (``.ci/run`` installs it from apt). Without Playwright or Chromium the tests
are skipped and say why; axe-core comes from ``tests/js`` (``npm ci --prefix tests/js``): absent, the
axe test fails when ``CI`` is set and is skipped otherwise.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "axe-core" / "axe.min.js"
#: Chromium without the background services that would reach out to the network or slow a start
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: milliseconds a browser step may wait (a PDF renders in the web process: a few seconds)
TIMEOUT_MS = 30_000

needs_chromium = pytest.mark.skipif(
    not shutil.which(CHROMIUM), reason="no Chromium at /usr/bin/chromium (apt-get install chromium)"
)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Debian Chromium; the test's own ORM calls may run beside Playwright's event loop."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def log_in(browser: Any, base: str, username: str, **context: Any) -> Any:
    """A new browser context (its own cookies: one person) logged in through the login page; returns its page.

    The form is sent with Enter in the password field: the page has other forms (the language switch)
    whose submit button comes first.
    """
    ctx = browser.new_context(locale="nl-NL", **context)
    ctx.set_default_timeout(TIMEOUT_MS)
    page = ctx.new_page()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.press("#id_password", "Enter")
    assert page.url.endswith("/dossiers/"), f"login of {username} did not reach the dossier list: {page.url}"
    return page


def axe_source() -> str:
    """axe-core's script (tests/js), or a skip (a failure under CI) naming the command that installs it."""
    if not AXE.is_file():
        message = f"axe-core is not installed at {AXE}: run `npm ci --prefix tests/js`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


#: the WCAG 2.0/2.1 A and AA rules (what Dutch government sites must meet) and axe's best practices
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page: Any, source: str, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now; the violations of the given impacts (serious or critical).

    The page's context must be created with ``bypass_csp=True``: the dossier's Content-Security-Policy
    rightly refuses the injected script otherwise.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=source)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [v for v in result["violations"] if v.get("impact") in impacts]


def describe(violations: list[dict[str, Any]]) -> str:
    """One line per violation: rule id, impact, and the targets of its nodes (the first five)."""
    lines = []
    for v in violations:
        targets = ["/".join(map(str, n["target"])) for n in v["nodes"][:5]]
        more = f" (+{len(v['nodes']) - 5})" if len(v["nodes"]) > 5 else ""
        lines.append(f"{v['id']} [{v['impact']}] {v['help']}: {', '.join(targets)}{more}")
    return "\n".join(lines)
