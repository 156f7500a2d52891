"""The portfolio of ``pbd check DIR``: one row per description, as a table (text, markdown) or JSON.

Rows are written as they come in (:class:`PortfolioWriter`), so memory stays flat however many
files there are: the JSON is streamed (byte for byte what ``json.dumps({"projects": rows},
indent=2, sort_keys=True)`` gives) and the tables keep only their cells.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pbd.messages import outcome, t
from pbd.render import RenderOptions
from pbd.vocabulary import Severity, label

Row = dict[str, Any]


def _cells(row: Row, lang: str) -> list[str]:
    if "errors" in row:
        return [row["file"], t(lang, "word.invalid"), "", "", "", "", ""]
    g = row["gaps"]
    gate = "" if row["gate"] is None else f"{row['gate']}: {'GO' if row['go'] else 'NO-GO'}"
    dpia = outcome(lang, row["dpia"], "short")
    return [row["project"], dpia, str(g["high"]), str(g["medium"]), str(g["low"]), str(row["open"]), gate]


def _table(lines: list[list[str]], ok: int, invalid: int, lang: str, *, markdown: bool) -> str:
    head = ["project", "DPIA", *(label(s, lang) for s in Severity), "open", t(lang, "portfolio.gate")]
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        from pbd.render.markdown import cell

        out += ["| " + " | ".join(cell(c) for c in line) + " |" for line in lines]
    else:
        from pbd.render.text import plain

        lines = [[plain(c).replace("\n", " ") for c in line] for line in lines]
        widths = [max(len(r[i]) for r in [head, *lines]) for i in range(len(head))]
        out = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in [head, *lines]]
    total = t(lang, "portfolio.total", n=ok) + (", " + t(lang, "portfolio.invalid", n=invalid) if invalid else "")
    return "\n".join([*out, "", total]) + "\n"


@dataclass(slots=True)
class PortfolioWriter:
    """The portfolio in format ``fmt`` (text, markdown, json), row by row: ``add`` and ``finish`` return what to print."""

    fmt: str
    lang: str
    rows: int = 0
    invalid: int = 0
    cells: list[list[str]] = field(default_factory=list)

    def add(self, row: Row) -> str:
        self.invalid += "errors" in row
        self.rows += 1
        if self.fmt == "json":
            text = json.dumps(row, ensure_ascii=False, indent=2, sort_keys=True).replace("\n", "\n    ")
            return ('{\n  "projects": [\n    ' if self.rows == 1 else ",\n    ") + text
        self.cells.append(_cells(row, self.lang))
        return ""

    def finish(self) -> str:
        if self.fmt == "json":
            return '{\n  "projects": []\n}\n' if self.rows == 0 else "\n  ]\n}\n"
        return _table(self.cells, self.rows - self.invalid, self.invalid, self.lang, markdown=self.fmt == "markdown")


def _render(fmt: str, rows: Iterable[Row], options: RenderOptions) -> str:
    writer = PortfolioWriter(fmt, options.lang)
    return "".join(writer.add(row) for row in rows) + writer.finish()


def render_text(rows: Iterable[Row], kb: Any, options: RenderOptions) -> str:
    return _render("text", rows, options)


def render_markdown(rows: Iterable[Row], kb: Any, options: RenderOptions) -> str:
    return _render("markdown", rows, options)


def render_json(rows: Iterable[Row], kb: Any, options: RenderOptions) -> str:
    return _render("json", rows, options)
