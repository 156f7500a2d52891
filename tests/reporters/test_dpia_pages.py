"""Issue #14: the Stratumseind DPIA as a council member reads it — what stops the project on page one or two,
the FG paragraph that says the advice was not followed and why, and a body of about 25 pages."""

from __future__ import annotations

import pypdf
import pytest

from pbd.commands.report import render_report
from tests.conftest import ROOT, TODAY

pytestmark = pytest.mark.slow


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("pages") / "stratumseind-dpia-nl.pdf"
    render_report(
        ROOT / "examples" / "stratumseind.yaml", out, kind="dpia", lang="nl", gate=None, today=TODAY, waivers=True
    )
    return [_flat(p.extract_text()) for p in pypdf.PdfReader(out).pages]


def test_what_stops_the_project_is_on_page_one_or_two(pages: list[str]) -> None:
    front = " ".join(pages[:2])
    assert "Wat het project tegenhoudt" in front
    assert "Het advies van de FG is niet gevolgd" in front
    assert "stuurgroep" in front
    assert "AVG art. 36" in front  # the prior consultation
    assert "Grondslag ontbreekt of is onvoldoende voor: geluid, camera-drukte" in front  # the camera basis
    assert "RM-10" in front


def test_fg_paragraph_says_not_followed_with_the_reason_and_nothing_is_adopted(pages: list[str]) -> None:
    start = next(i for i, p in enumerate(pages) if "Advies functionaris gegevensbescherming Datum" in p)
    fg = " ".join(pages[start : start + 2])
    assert "Advies gevolgd Niet gevolgd" in fg
    assert "stuurgroep wil de proef niet onderbreken" in fg
    assert "vastgesteld door" not in " ".join(pages)
    assert "Dit document is een concept en is niet vastgesteld." in fg


def test_the_body_fits_in_about_25_pages(pages: list[str]) -> None:
    """The body runs from the cover to the controller's decision; the action list and the annexes follow."""
    decision = next(
        i for i, p in enumerate(pages) if "Besluit van de verwerkingsverantwoordelijke Verwerkingsverantw" in p
    )
    assert decision + 1 <= 27, f"body is {decision + 1} pages"
    # nothing flagged is lost: the annex of places follows the body
    assert any("Bijlage: vindplaatsen in de beschrijving" in p for p in pages[decision:])
