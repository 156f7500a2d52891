"""Markdown: for a wiki page, a merge request or a project dossier."""

from __future__ import annotations

import re

from pbd.engine.findings import Assessment
from pbd.knowledge_base import KnowledgeBase
from pbd.messages import outcome, t
from pbd.render import RenderOptions
from pbd.render.common import FLAGGED, STATUS_ORDER, explanation, fix, group_name, hit_name, section_code, title
from pbd.render.text import plain
from pbd.vocabulary import Status, label

#: characters that make Markdown (or the HTML it may carry) do something: tags, entities, code, links, cells
_ACTIVE = {c: "\\" + c for c in "\\`[]|"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_INERT = str.maketrans(_ACTIVE | {"\n": " ", "\r": " ", "\t": " "})


def cell(text: str) -> str:
    """Text pbd did not write as Markdown, inert: on one line, no tags, code, links or cell breaks."""
    return plain(text).translate(_INERT)


def code_span(text: str) -> str:
    """Text as a code span: a fence longer than any run of backticks inside, pipes escaped for the table."""
    text = plain(text).replace("\n", " ").replace("\r", " ").replace("|", "\\|")
    longest = max((len(m.group(0)) for m in re.finditer("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _in_backticks(text: str) -> str:
    """Text for a template that puts it between single backticks: no backtick, pipe or line break left to close it."""
    return plain(text).replace("`", "'").replace("\n", " ").replace("\r", " ").replace("|", "\\|")


def render(a: Assessment, kb: KnowledgeBase, options: RenderOptions) -> str:
    lang = options.lang
    s = a.screening
    out = [f"# {cell(a.project)}", ""]
    out.append("- " + t(lang, "markdown.file", file=_in_backticks(a.file), sha=a.input_sha256[:12]))
    out.append(
        "- "
        + t(
            lang,
            "markdown.date",
            date=a.date.isoformat(),
            version=a.pbd_version,
            kb=a.kb_version,
            kb_sha=a.kb_sha256[:12],
        )
    )
    out.append(f"- **DPIA: {outcome(lang, s.dpia, 'short')}**")
    for n in s.ap:
        out.append(f"  - AP {n}: {hit_name('AP', n, lang)}")
    for n in s.edpb:
        out.append(f"  - EDPB {n}: {hit_name('EDPB', n, lang)}")
    for flag, name in ((s.dtia, "DTIA"), (s.iama, "IAMA"), (s.kia, "KIA")):
        if flag:
            out.append(f"- {name}: {t(lang, 'word.indicated')}")
    decision = a.decision()
    if decision is not None:
        verdict = "GO" if decision.go else f"NO-GO ({len(decision.blocking)})"
        out.append("- " + t(lang, "markdown.gate", gate=label(decision.gate, lang), verdict=verdict))
    out.append("")
    header = t(lang, "markdown.header")
    word = t(lang, "word.line")
    for code in [*kb.groups, "SE"]:
        items = [f for f in a.findings if section_code(f) == code and f.status in FLAGGED]
        if not items:
            continue
        out += [f"## {code} {group_name(code, kb, lang)}", "", header, "|---|---|---|---|---|---|---|"]
        for f in sorted(items, key=lambda f: (STATUS_ORDER[f.status], -f.severity.rank)):
            out.append(
                f"| {label(f.status, lang)} | {cell(f.rule)} | {cell(f.target)} | {label(f.severity, lang)} | {cell(title(f, kb, lang))} "
                f"| {code_span(f.path)} ({word} {f.line}): {cell(explanation(f, kb, lang))} | {cell(fix(f, kb, lang))} |"
            )
        out.append("")
    counts = a.counts()
    out.append(t(lang, "markdown.total", counts=", ".join(f"{label(Status(k), lang)} {v}" for k, v in counts.items())))
    return "\n".join(out) + "\n"
