"""Markdown: for a wiki page, a merge request or a project dossier."""

from __future__ import annotations

from pbd.engine.findings import Assessment
from pbd.knowledge_base import KnowledgeBase
from pbd.messages import outcome, t
from pbd.render import RenderOptions
from pbd.render.common import FLAGGED, STATUS_ORDER, explanation, fix, group_name, hit_name, section_code, title
from pbd.vocabulary import Status, label


def cell(text: str) -> str:
    """Text that fits in one table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def render(a: Assessment, kb: KnowledgeBase, options: RenderOptions) -> str:
    lang = options.lang
    s = a.screening
    out = [f"# {cell(a.project)}", ""]
    out.append("- " + t(lang, "markdown.file", file=a.file, sha=a.input_sha256[:12]))
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
                f"| {label(f.status, lang)} | {f.rule} | {cell(f.target)} | {label(f.severity, lang)} | {cell(title(f, kb, lang))} "
                f"| `{cell(f.path)}` ({word} {f.line}): {cell(explanation(f, kb, lang))} | {cell(fix(f, kb, lang))} |"
            )
        out.append("")
    counts = a.counts()
    out.append(t(lang, "markdown.total", counts=", ".join(f"{label(Status(k), lang)} {v}" for k, v in counts.items())))
    return "\n".join(out) + "\n"
