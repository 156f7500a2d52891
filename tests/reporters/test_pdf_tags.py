"""Issue #14: the PDF is tagged (structure tree with headings, tables and figures) and declares its language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
import pytest

from pbd.commands.report import render_report
from tests.conftest import ROOT, TODAY

pytestmark = pytest.mark.slow


def _tags(node: Any, found: set[str]) -> set[str]:
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for child in node:
            _tags(child, found)
    elif isinstance(node, dict):
        if "/S" in node:
            found.add(str(node["/S"]))
        if "/K" in node:
            _tags(node["/K"], found)
    return found


@pytest.mark.parametrize(("kind", "lang"), [("dpia", "nl"), ("art25", "en")])
def test_pdf_has_structure_tree_and_language(kind: str, lang: str, tmp_path: Path) -> None:
    out = tmp_path / f"x-{kind}-{lang}.pdf"
    render_report(
        ROOT / "examples" / "slimme-straatverlichting.yaml",
        out,
        kind=kind,
        lang=lang,
        gate=None,
        today=TODAY,
        waivers=True,
    )
    root: Any = pypdf.PdfReader(out).trailer["/Root"]
    assert root["/Lang"] == lang
    assert bool(root["/MarkInfo"]["/Marked"])
    tags = _tags(root["/StructTreeRoot"], set())
    assert {"/H1", "/H2", "/Table", "/THead", "/TH", "/TD", "/Figure"} <= tags
