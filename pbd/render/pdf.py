"""HTML -> PDF with WeasyPrint: the only module that imports weasyprint.

The renderer may fetch nothing but bundled assets: a url fetcher refuses ``file:``, ``http(s):``,
``data:`` and anything else outside the templates folder, and records every attempt so tests can
prove it. Fonts come from the system (fontconfig); the PDF's dates are the evaluation date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import weasyprint
from weasyprint.urls import URLFetcher

from pbd.render import RenderOptions, Report
from pbd.resources import content_dir


class BundleOnlyFetcher(URLFetcher):  # type: ignore[misc]
    """Serves files from the bundled templates folder; refuses everything else."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        self.root = content_dir("templates").resolve()
        self.attempts: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> Any:
        self.attempts.append(url)
        if url.startswith("file://"):
            path = Path(url.removeprefix("file://").split("?")[0].split("#")[0]).resolve()
            if path.is_relative_to(self.root) and path.is_file():
                return super().fetch(url, headers)
        self.refused.append(url)
        raise ValueError(f"pbd fetches only bundled assets; refused {url[:80]}")


def html_to_pdf(html: str, *, fetcher: BundleOnlyFetcher | None = None) -> bytes:
    """Render a complete HTML document (as built by :mod:`pbd.render.html`) to PDF bytes."""
    fetcher = fetcher or BundleOnlyFetcher()
    document = weasyprint.HTML(string=html, base_url=fetcher.root.as_uri() + "/", url_fetcher=fetcher)
    pdf = document.write_pdf(uncompressed_pdf=False, pdf_tags=True)  # tagged: structure tree, /Lang
    assert isinstance(pdf, bytes)
    return pdf


def render(report: Report, kb: Any, options: RenderOptions) -> bytes:
    """The ``report-pdf`` reporter: the HTML document of :mod:`pbd.render.html`, as PDF."""
    from pbd.render.html import render_html

    return html_to_pdf(render_html(report.loaded, report.assessment, kb, kind=options.kind, lang=options.lang))
