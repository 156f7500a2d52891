"""The DPIA draft and the art. 25 report: every section, the screening and the gap markers end up in the PDF."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from pbd.cli import cli
from pbd.commands.report import render_report
from pbd.description import load_description
from pbd.engine.evaluate import evaluate
from pbd.knowledge_base import KnowledgeBase
from pbd.messages import Section, outcome
from pbd.render.html import render_html
from tests.conftest import EXAMPLES, ROOT, TODAY

# `pdfs` (every example's PDF text, rendered once per session) is a fixture of tests/conftest.py


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_dpia_has_every_section_and_the_screening(path: Path, lang: str, pdfs: dict[tuple[str, str, str], str]) -> None:
    text = _flat(pdfs[(path.stem, "dpia", lang)])
    t = Section(lang, "report")
    for n in range(1, 18):
        assert _flat(f"{n}. {t[f's{n}']}") in text, f"section {n} missing"
    for key in (
        "summary",
        "part_a",
        "part_b",
        "part_c",
        "part_d",
        "dpo_advice",
        "controller_decision",
        "todo",
        "audit_refs",
        "appendix",
        "concept",
    ):
        assert _flat(t[key]) in text, key
    a = evaluate(load_description(path), _kb(), today=TODAY)
    assert _flat(outcome(lang, a.screening.dpia, "sentence")) in text
    assert a.input_sha256 in text.replace(" ", "")


def _kb() -> KnowledgeBase:
    from pbd.knowledge_base import default_knowledge_base

    return default_knowledge_base()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_flagged_criterion_is_marked_in_the_pdf(
    path: Path, pdfs: dict[tuple[str, str, str], str], kb: KnowledgeBase
) -> None:
    text = _flat(pdfs[(path.stem, "dpia", "nl")])
    a = evaluate(load_description(path), kb, today=TODAY)
    flagged = {f.rule for f in a.findings if f.kind == "criterion" and f.status.value in ("gap", "open")}
    for rule in flagged:
        marker = "TEKORTKOMING" if any(f.rule == rule and f.status.value == "gap" for f in a.findings) else "OPEN VRAAG"
        assert f"{marker} {rule}" in text, f"{marker} {rule} not flagged"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_art25_report_has_groups_and_requirements(
    path: Path, pdfs: dict[tuple[str, str, str], str], kb: KnowledgeBase
) -> None:
    text = _flat(pdfs[(path.stem, "art25", "nl")])
    for code, group in kb.groups.items():
        assert f"{code} {group.name.nl}" in text
    a = evaluate(load_description(path), kb, today=TODAY)
    for rule in {f.rule for f in a.findings if f.kind == "system_requirement"}:
        assert rule.replace("-", "") in text.replace("-", "").replace(" ", ""), rule


HOSTILE = [
    '<img src="file:///etc/passwd">',
    "<script>alert(1)</script>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "</style><style>body{background:url(https://evil.example/bg.png)}</style>",
    "url(file:///etc/shadow)",
    '<iframe src="http://169.254.169.254/"></iframe>',
    "@import 'https://evil.example/a.css';",
]


def _hostile_description() -> str:
    h = " | ".join(HOSTILE).replace('"', '\\"')
    return f"""
project:
  name: "{h}"
  organisation: "{h}"
  summary: "{h}"
  societal_goal: "{h}"
  residents_involvement: "{h}"
  dpo_advice: {{summary: "{h}"}}
parties:
  - {{name: "{h}", role: processor, description: "{h}", interests: "{h}"}}
processings:
  - id: p1
    name: "{h}"
    description: "{h}"
    purposes: [{{id: a, description: "{h}"}}]
    legal_basis: {{ground: public_task, provision: "{h}", explanation: "{h}"}}
    data_subjects: [{{category: "{h}"}}]
    data_items: [{{name: "{h}", category: image, necessity: "{h}"}}]
    retention: {{period: P30D, justification: "{h}"}}
    necessity: {{alternatives_considered: ["{h}"], why_rejected: "{h}", proportionality: "{h}"}}
    legal_framework: ["{h}"]
    transfers: [{{country: US, recipient: "{h}", mechanism: scc}}]
    shared_with: ["{h}"]
systems:
  - {{id: s1, name: "{h}", supplier: "{h}"}}
risks:
  - {{id: R1, description: "{h}", likelihood: hoog, impact: hoog, measures: ["{h}"], residual: hoog, owner: "{h}"}}
"""


@pytest.mark.parametrize("kind", ["dpia", "art25"])
def test_injection_is_literal_text_and_nothing_is_fetched(kind: str, kb: KnowledgeBase) -> None:
    from pbd.description import load_text
    from pbd.render.pdf import BundleOnlyFetcher, html_to_pdf

    loaded = load_text(_hostile_description(), "hostile.yaml")
    html = render_html(loaded, evaluate(loaded, kb, today=TODAY), kb, kind=kind, lang="nl")
    for payload in HOSTILE:
        if "<" in payload:
            assert payload not in html  # markup never raw
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert style == (ROOT / "templates" / "report.css").read_text(encoding="utf-8")  # no user text in CSS
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert "<script" not in html and "<iframe" not in html and "<link" not in html
    fetcher = BundleOnlyFetcher()
    pdf = html_to_pdf(html, fetcher=fetcher)
    assert fetcher.attempts == []  # the document references nothing outside itself
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert '<img src="file:///etc/passwd">' in _flat(text).replace("“", '"').replace("”", '"')


def test_fetcher_refuses_everything_outside_the_bundle() -> None:
    from pbd.render.pdf import BundleOnlyFetcher, html_to_pdf

    fetcher = BundleOnlyFetcher()
    html = (
        '<html><head><link rel="stylesheet" href="https://evil.example/x.css">'
        "<style>body{background:url(file:///etc/passwd)}</style></head>"
        '<body><img src="file:///etc/hostname"><img src="http://127.0.0.1:9/x.png"><img src="report.css"></body></html>'
    )
    html_to_pdf(html, fetcher=fetcher)
    assert any("evil.example" in u for u in fetcher.refused)
    assert any("/etc/hostname" in u for u in fetcher.refused)
    assert any("127.0.0.1" in u for u in fetcher.refused)
    assert not any(u.endswith("report.css") for u in fetcher.refused)  # bundled asset is allowed


def test_report_failure_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "dpia.pdf"
    out.write_bytes(b"old report")

    def broken(html: str, **_: object) -> bytes:
        raise RuntimeError("renderer crashed halfway")

    monkeypatch.setattr("pbd.render.pdf.html_to_pdf", broken)
    with pytest.raises(RuntimeError):
        render_report(EXAMPLES[0], out, kind="dpia", lang="nl", gate=None, today=TODAY, waivers=True)
    assert out.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["dpia.pdf"]


def test_unwritable_target_is_one_error_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "report", str(EXAMPLES[0]), "-o", str(blocker / "x.html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("Error: ") and len(done.stderr.strip().splitlines()) == 1


def test_report_cli_exit_codes_and_html(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    code = subprocess.run(
        [
            sys.executable,
            str(ROOT / "cli.py"),
            "report",
            str(EXAMPLES[0]),
            "-o",
            str(out),
            "--date",
            "2026-11-01",
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert code.returncode == 0, code.stderr
    assert "Data Protection Impact Assessment" in out.read_text(encoding="utf-8")
    bad = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "report", str(EXAMPLES[0]), "-o", str(tmp_path / "r.docx")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr.startswith("Error: ") and "Traceback" not in bad.stderr


def test_help_and_check_do_not_import_weasyprint() -> None:
    probe = (
        "import sys, contextlib, io\n"
        "from pbd.cli import main\n"
        "for args in (['--help'], ['check', sys.argv[1], '--date', '2026-11-01', '-o', 'json']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "        main(args)\n"
        "print('weasyprint' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(EXAMPLES[0])], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "False"


def test_folder_renders_a_folder_of_reports(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for p in EXAMPLES[:2]:
        (src / p.name).write_bytes(p.read_bytes())
    result = CliRunner().invoke(
        cli,
        ["report", str(src), "-o", str(tmp_path / "out"), "--format", "html", "--date", "2026-11-01"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{p.stem}-dpia-nl.html" for p in EXAMPLES[:2]
    )


def test_dates_in_pdf_are_the_evaluation_date(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    render_report(EXAMPLES[0], out, kind="dpia", lang="nl", gate=None, today=dt.date(2025, 3, 4), waivers=True)
    meta = pypdf.PdfReader(out).metadata
    assert meta is not None
    assert str(meta["/CreationDate"]).startswith("D:20250304") and str(meta["/ModDate"]).startswith("D:20250304")


def test_pdf_is_byte_identical_for_identical_input(tmp_path: Path) -> None:
    one, two = tmp_path / "1.pdf", tmp_path / "2.pdf"
    for out in (one, two):
        render_report(EXAMPLES[0], out, kind="art25", lang="en", gate=None, today=TODAY, waivers=True)
    assert one.read_bytes() == two.read_bytes()


def test_imported_notes_appear_in_their_paragraph(kb: KnowledgeBase) -> None:
    from pbd.description import load_text

    text = (
        "project: {name: Import}\n"
        "notes:\n"
        "  'DPIA 14 Noodzaak en evenredigheid': 'Afweging <b>uit</b> de Invulhulp'\n"
        "  'Pre-scan 0.5.2': 'Publieke cloud'\n"
    )
    loaded = load_text(text, "import.yaml")
    html = render_html(loaded, evaluate(loaded, kb, today=TODAY), kb, kind="dpia", lang="nl")
    s14 = html.index('id="s14"')
    assert s14 < html.index("Afweging &lt;b&gt;uit&lt;/b&gt; de Invulhulp") < html.index('id="s15"')
    assert html.index("Publieke cloud") > html.index('id="todo"')
