"""Escaping per output: what a description says comes out inert in Markdown, CSV, JUnit XML and terminal text."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from pbd.cli import cli
from pbd.render.markdown import cell, code_span
from pbd.render.text import plain
from tests.conftest import ROOT

DATE = "2026-11-01"
NAME = "Proj\x1b[31mRED\x1b]0;title\x07 <img src=x onerror=alert(1)> <script>x()</script> | `tick` [a](http://evil)"


def _nasty(tmp_path: Path) -> Path:
    text = (ROOT / "examples" / "stratumseind.yaml").read_text(encoding="utf-8")
    text = text.replace("  name: ", f"  name: {_yaml(NAME)}\n  _old_name: ", 1)
    text = text.replace("  _old_name: ", "  # ", 1)
    text = text.replace("    name: Geluidsmeting en agressiedetectie", '    name: "=HYPERLINK(\\"http://evil\\")"', 1)
    path = tmp_path / "nasty.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _yaml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\x1b", "\\e").replace("\x07", "\\a") + '"'


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_markdown_cell_leaves_no_tag_link_code_or_cell_break() -> None:
    out = cell("<img src=x onerror=alert(1)> | `x` [a](b) &lt;\nnext")
    assert out == "&lt;img src=x onerror=alert(1)&gt; \\| \\`x\\` \\[a\\](b) &amp;lt; next"
    assert code_span("a`b|c") == "``a`b\\|c``"
    assert code_span("`") == "`` ` ``"


def test_plain_strips_ansi_and_control_characters() -> None:
    assert plain("a\x1b[31mb\x1b[0m\x1b]0;t\x07c\x00\x08\rd\te\nf\x7f\u2028") == "abcd\te\nf"


@pytest.mark.parametrize("fmt", ["markdown", "junit", "text"])
def test_project_name_payloads_come_out_inert(fmt: str, tmp_path: Path) -> None:
    path = _nasty(tmp_path)
    out = tmp_path / f"out.{fmt}"
    code_, output = _run("check", str(path), "-o", f"{fmt}:{out}", "--date", DATE)
    assert code_ in (0, 1), output
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text
    if fmt == "markdown":
        assert "<img" not in text and "<script" not in text
        assert "&lt;img src=x onerror=alert(1)&gt;" in text
        assert "\\[a\\](http://evil)" in text
        assert "\\`tick\\`" in text
        assert "\\|" in text
    if fmt == "junit":
        suite = ET.fromstring(text.split("\n", 1)[1])  # well-formed XML
        assert suite.get("name", "").startswith("pbd: ProjRED <img")
    if fmt == "text":
        assert text.startswith("ProjRED <img")


def test_text_on_standard_output_has_no_terminal_escapes(tmp_path: Path) -> None:
    code_, output = _run("check", str(_nasty(tmp_path)), "--date", DATE)
    assert code_ in (0, 1), output
    assert "\x1b" not in output and "\x07" not in output
    assert "ProjRED" in output


def test_register_csv_neutralises_formulas(tmp_path: Path) -> None:
    out = tmp_path / "register.csv"
    code_, output = _run("register", str(_nasty(tmp_path)), "-o", str(out))
    assert code_ == 0, output
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    cells = [c for row in rows for c in row]
    assert not [c for c in cells if re.match(r"[=+\-@\t\r]", c)]
    assert any(c.startswith("'=HYPERLINK(") for c in cells)


@pytest.mark.parametrize("command", ["validate", "check", "screen"])
def test_an_error_line_stays_one_line_whatever_the_file_name(command: str, tmp_path: Path) -> None:
    bad = tmp_path / "a\nb\x1b[2J.yaml"
    bad.write_text("x: [\n", encoding="utf-8")
    result = CliRunner().invoke(cli, [command, str(bad)], catch_exceptions=False)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {tmp_path}/a\\nb.yaml:")
