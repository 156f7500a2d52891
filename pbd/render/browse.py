"""Browsing the knowledge base: lists and details of criteria, systeemeisen and capabilities."""

from __future__ import annotations

import json

from pbd.capabilities import CAPABILITIES
from pbd.errors import UsageError
from pbd.knowledge_base import Criterion, SystemRequirement, default_knowledge_base
from pbd.vocabulary import label


def _criterion_dict(c: Criterion, lang: str) -> dict[str, object]:
    return {
        "id": c.id,
        "group": c.group,
        "scope": c.scope,
        "title": c.title.get(lang),
        "norm": c.norm.get(lang),
        "rationale": c.rationale.get(lang),
        "remediation": c.remediation.get(lang),
        "severity": c.severity.value,
        "gate": c.gate.value,
        "dpia_section": c.dpia_section,
        "references": list(c.references),
        "system_requirements": list(c.system_requirements),
    }


def list_criteria(group: str | None, gate: str | None, fmt: str, lang: str) -> str:
    kb = default_knowledge_base()
    if group and group.upper() not in kb.groups:
        raise UsageError("--group", f"unknown principle group '{group}'", f"Choose from {', '.join(kb.groups)}.")
    items = [
        c
        for c in kb.criteria.values()
        if (not group or c.group == group.upper()) and (not gate or c.gate.value == gate)
    ]
    if fmt == "json":
        return json.dumps([_criterion_dict(c, lang) for c in items], ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        head = (
            "| Id | Titel | Ernst | Beslismoment | Verwijzingen |"
            if lang == "nl"
            else "| Id | Title | Severity | Gate | References |"
        )
        rows = [head, "|---|---|---|---|---|"]
        rows += [
            f"| {c.id} | {c.title.get(lang)} | {label(c.severity, lang)} | {label(c.gate, lang)} | {', '.join(c.references)} |"
            for c in items
        ]
        return "\n".join(rows) + "\n"
    return "".join(
        f"{c.id:<6} {label(c.severity, lang):<7} {label(c.gate, lang):<15} {c.title.get(lang)}\n" for c in items
    )


def show_criterion(cid: str, fmt: str, lang: str) -> str:
    kb = default_knowledge_base()
    c = kb.criteria.get(cid.upper())
    if c is None:
        raise UsageError(cid, "no such criterion", "See `pbd criteria list`.")
    if fmt == "json":
        return json.dumps(c.data, ensure_ascii=False, indent=2) + "\n"
    nl = lang == "nl"
    rows = [
        (c.title.get(lang), ""),
        ("Groep" if nl else "Group", f"{c.group} {kb.groups[c.group].name.get(lang)}"),
        ("Ernst" if nl else "Severity", label(c.severity, lang)),
        ("Beslismoment" if nl else "Gate", label(c.gate, lang)),
        ("DPIA-paragraaf" if nl else "DPIA section", f"§{c.dpia_section}"),
        ("Norm", c.norm.get(lang)),
        ("Waarom" if nl else "Why it matters", c.rationale.get(lang)),
        ("Oplossing" if nl else "How to fix", c.remediation.get(lang)),
        ("Verwijzingen" if nl else "References", ", ".join(c.references)),
        (
            "Systeemeisen" if nl else "System requirements",
            ", ".join(c.system_requirements)
            or (c.no_system_requirement_reason.get(lang) if c.no_system_requirement_reason else ""),
        ),
    ]
    if fmt == "markdown":
        out = [f"### {c.id} {rows[0][0]}", ""] + [f"**{k}:** {v}  " for k, v in rows[1:]]
        return "\n".join(out) + "\n"
    out = [f"{c.id}  {rows[0][0]}"] + [f"{k}: {v}" for k, v in rows[1:]]
    return "\n".join(out) + "\n"


def _requirement_dict(s: SystemRequirement, lang: str) -> dict[str, object]:
    return {
        "id": s.id,
        "area": s.area,
        "title": s.title.get(lang),
        "text": s.text.get(lang),
        "capability": s.capability,
        "verification": list(s.verification),
        "criteria": list(s.criteria),
        "severity": s.severity.value,
        "references": list(s.references),
    }


def list_requirements(area: str | None, criterion: str | None, fmt: str, lang: str) -> str:
    kb = default_knowledge_base()
    items = [
        s
        for s in kb.system_requirements.values()
        if (not area or s.area == area.upper()) and (not criterion or criterion.upper() in s.criteria)
    ]
    if fmt == "json":
        return json.dumps([_requirement_dict(s, lang) for s in items], ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        head = (
            "| Id | Eis | Functionaliteit | Toetsing | Criteria |"
            if lang == "nl"
            else "| Id | Requirement | Capability | Verification | Criteria |"
        )
        rows = [head, "|---|---|---|---|---|"]
        rows += [
            f"| {s.id} | {s.text.get(lang)} | `{s.capability}` | {', '.join(s.verification)} | {', '.join(s.criteria)} |"
            for s in items
        ]
        return "\n".join(rows) + "\n"
    return "".join(f"{s.id:<9} {s.capability:<28} {s.title.get(lang)}\n" for s in items)


def show_requirement(sid: str, fmt: str, lang: str) -> str:
    kb = default_knowledge_base()
    s = kb.system_requirements.get(sid.upper())
    if s is None:
        raise UsageError(sid, "no such systeemeis", "See `pbd systeemeisen list`.")
    if fmt == "json":
        return json.dumps(s.data, ensure_ascii=False, indent=2) + "\n"
    nl = lang == "nl"
    rows = [
        ("Gebied" if nl else "Area", s.area),
        ("Eis" if nl else "Requirement", s.text.get(lang)),
        ("Functionaliteit" if nl else "Capability", f"{s.capability} ({CAPABILITIES[s.capability][0 if nl else 1]})"),
        ("Toetsing" if nl else "Verification", ", ".join(s.verification)),
        ("Dient criteria" if nl else "Serves criteria", ", ".join(s.criteria)),
        ("Verwijzingen" if nl else "References", ", ".join(s.references)),
    ]
    if fmt == "markdown":
        return "\n".join([f"### {s.id} {s.title.get(lang)}", ""] + [f"**{k}:** {v}  " for k, v in rows]) + "\n"
    return "\n".join([f"{s.id}  {s.title.get(lang)}"] + [f"{k}: {v}" for k, v in rows]) + "\n"


def list_capabilities(lang: str) -> str:
    return "".join(f"{key:<30} {labels[0 if lang == 'nl' else 1]}\n" for key, labels in CAPABILITIES.items())
