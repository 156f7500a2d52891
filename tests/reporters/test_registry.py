"""The reporter registry: every output is a reporter with a name, a suffix and a function that exists."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pbd.render import REPORTERS, formats, reporter


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_reporter_resolves(name: str) -> None:
    r = REPORTERS[name]
    assert r.name == name
    assert r.suffix.startswith(".")
    if r.subject != "report":  # report-pdf would import weasyprint; its function is checked in a fresh process below
        assert callable(r._function())


def test_check_formats_are_the_five_of_the_cli() -> None:
    assert sorted(formats("assessment")) == ["json", "junit", "markdown", "sarif", "text"]
    assert reporter("report", "pdf").binary
    assert [r.name for r in REPORTERS.values() if r.binary] == ["report-pdf"]
    assert sorted(formats("diff")) == ["json", "markdown", "text"]


def test_only_the_pdf_reporter_imports_weasyprint() -> None:
    code = (
        "import sys\n"
        "from pbd.render import REPORTERS\n"
        "for r in REPORTERS.values():\n"
        "    if r.name != 'report-pdf':\n"
        "        r._function()\n"
        "assert 'weasyprint' not in sys.modules, 'a reporter other than pdf imports weasyprint'\n"
        "REPORTERS['report-pdf']._function()\n"
        "assert 'weasyprint' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
