"""Markdown: for a wiki page, a merge request or a project dossier."""

from __future__ import annotations

from pbd.engine.findings import Assessment
from pbd.engine.screening import AP_TYPES, EDPB_CRITERIA
from pbd.knowledge_base import KnowledgeBase
from pbd.reporters.common import STATUS_ORDER, explanation, fix, group_name, title
from pbd.vocabulary import Status, label


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(a: Assessment, kb: KnowledgeBase, lang: str) -> str:
    nl = lang == "nl"
    s = a.screening
    dpia = {
        "mandatory": "verplicht" if nl else "mandatory",
        "recommended": "aanbevolen" if nl else "recommended",
        "not_needed": "niet nodig" if nl else "not needed",
    }[s.dpia]
    out = [f"# {_cell(a.project)}", ""]
    out.append(f"- {'Bestand' if nl else 'File'}: `{a.file}` (sha256 `{a.input_sha256[:12]}`)")
    out.append(
        f"- {'Datum' if nl else 'Date'}: {a.date.isoformat()}; pbd {a.pbd_version}; "
        f"{'kennisbank' if nl else 'knowledge base'} {a.kb_version} (`{a.kb_sha256[:12]}`)"
    )
    out.append(f"- **DPIA: {dpia}**")
    for n in s.ap:
        out.append(f"  - AP {n}: {AP_TYPES[n][0 if nl else 1]}")
    for n in s.edpb:
        out.append(f"  - EDPB {n}: {EDPB_CRITERIA[n][0 if nl else 1]}")
    for flag, name in ((s.dtia, "DTIA"), (s.iama, "IAMA"), (s.kia, "KIA")):
        if flag:
            out.append(f"- {name}: {'aangewezen' if nl else 'indicated'}")
    decision = a.decision()
    if decision is not None:
        verdict = "GO" if decision.go else f"NO-GO ({len(decision.blocking)})"
        out.append(f"- {'Beslismoment' if nl else 'Gate'} {label(decision.gate, lang)}: **{verdict}**")
    out.append("")
    header = (
        "| Status | Id | Onderdeel | Ernst | Norm | Toelichting | Oplossing |"
        if nl
        else ("| Status | Id | Target | Severity | Norm | Explanation | Fix |")
    )
    for code in [*kb.groups, "SE"]:
        items = [
            f
            for f in a.findings
            if (f.group if f.kind == "criterion" else "SE") == code
            and f.status in (Status.GAP, Status.OPEN, Status.WAIVED)
        ]
        if not items:
            continue
        name = group_name(code, kb, lang) if code != "SE" else ("Systeemeisen" if nl else "System requirements")
        out += [f"## {code} {name}", "", header, "|---|---|---|---|---|---|---|"]
        for f in sorted(items, key=lambda f: (STATUS_ORDER[f.status], -f.severity.rank)):
            out.append(
                f"| {label(f.status, lang)} | {f.rule} | {_cell(f.target)} | {label(f.severity, lang)} | {_cell(title(f, kb, lang))} "
                f"| `{_cell(f.path)}` ({'regel' if nl else 'line'} {f.line}): {_cell(explanation(f, kb, lang))} | {_cell(fix(f, kb, lang))} |"
            )
        out.append("")
    counts = a.counts()
    out.append(
        ("**Totaal:** " if nl else "**Total:** ")
        + ", ".join(f"{label(Status(k), lang)} {v}" for k, v in counts.items())
    )
    return "\n".join(out) + "\n"
