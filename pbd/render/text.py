"""A readable report for the terminal: screening, gate decision, then findings per principle group, gaps first."""

from __future__ import annotations

from typing import Any

from pbd.engine.findings import Assessment, Finding
from pbd.engine.screening import AP_TYPES, EDPB_CRITERIA
from pbd.knowledge_base import KnowledgeBase
from pbd.reporters.common import STATUS_ORDER, explanation, group_name, title
from pbd.vocabulary import Status, label

_T: dict[str, dict[str, Any]] = {
    "nl": {
        "dpia": {"mandatory": "DPIA VERPLICHT", "recommended": "DPIA aanbevolen", "not_needed": "DPIA niet nodig"},
        "screening": "Screening",
        "ap": "AP-lijst",
        "edpb": "EDPB-criteria",
        "also": "Ook aangewezen",
        "gate": "Beslismoment",
        "go": "GO — niets blokkeert",
        "nogo": "NO-GO — {n} punt(en) blokkeren",
        "later": "{n} punt(en) zijn pas bij een later beslismoment nodig",
        "summary": "Samenvatting",
        "systems": "Systeemeisen",
        "waivers": "Afwijkingen die niet meetellen",
        "shown": "Getoond: tekortkomingen en open vragen. Met --all ook voldaan en n.v.t.",
    },
    "en": {
        "dpia": {"mandatory": "DPIA MANDATORY", "recommended": "DPIA recommended", "not_needed": "DPIA not needed"},
        "screening": "Screening",
        "ap": "AP list",
        "edpb": "EDPB criteria",
        "also": "Also indicated",
        "gate": "Decision gate",
        "go": "GO — nothing blocks",
        "nogo": "NO-GO — {n} item(s) block",
        "later": "{n} item(s) are due only at a later gate",
        "summary": "Summary",
        "systems": "System requirements",
        "waivers": "Waivers that do not count",
        "shown": "Shown: gaps and open questions. Use --all for met and not applicable too.",
    },
}


def _block(rule_findings: list[Finding], kb: KnowledgeBase, lang: str) -> list[str]:
    """One criterion: its title once, then one line per place it concerns (worst first)."""
    first = rule_findings[0]
    sev = label(first.severity, lang)
    due = ("uiterlijk bij " if lang == "nl" else "due at ") + label(first.gate, lang)
    out = [f"  {first.rule:<9} {title(first, kb, lang)}  [{sev}; {due}]"]
    word = "regel" if lang == "nl" else "line"
    for f in rule_findings:
        out.append(
            f"      {label(f.status, lang):<20} {f.target}: {explanation(f, kb, lang)}  ({f.path}, {word} {f.line})"
        )
    return out


def render(a: Assessment, kb: KnowledgeBase, lang: str, *, show_all: bool = False) -> str:
    t = _T[lang]
    s = a.screening
    out = [f"{a.project}" + (f" — {a.organisation}" if a.organisation else ""), f"{a.file}  ({a.date.isoformat()})", ""]
    out.append(f"{t['screening']}: {t['dpia'][s.dpia]}")
    if s.ap:
        names = ", ".join(f"{n} {AP_TYPES[n][0 if lang == 'nl' else 1]}" for n in s.ap)
        out.append(f"  {t['ap']}: {names}")
    if s.edpb:
        names = ", ".join(f"{n} {EDPB_CRITERIA[n][0 if lang == 'nl' else 1]}" for n in s.edpb)
        out.append(f"  {t['edpb']}: {names}")
    if s.art35_3:
        out.append(f"  AVG 35(3): {', '.join(s.art35_3)}")
    also = [name for name, flag in (("DTIA", s.dtia), ("IAMA", s.iama), ("KIA", s.kia)) if flag]
    if also:
        out.append(f"  {t['also']}: {', '.join(also)}")
    decision = a.decision()
    if decision is not None:
        out.append("")
        verdict = t["go"] if decision.go else t["nogo"].format(n=len(decision.blocking))
        out.append(f"{t['gate']} {label(decision.gate, lang)}: {verdict}")
        if decision.later:
            out.append("  " + t["later"].format(n=len(decision.later)))
    counts = a.counts()
    out.append("")
    out.append(f"{t['summary']}: " + ", ".join(f"{label(Status(k), lang)} {v}" for k, v in counts.items()))
    shown = [f for f in a.findings if show_all or f.status in (Status.GAP, Status.OPEN, Status.WAIVED)]
    by_group: dict[str, list[Finding]] = {}
    for f in shown:
        by_group.setdefault(f.group if f.kind == "criterion" else "SE", []).append(f)
    for code in [*kb.groups, "SE"]:
        items = by_group.get(code)
        if not items:
            continue
        out.append("")
        heading = group_name(code, kb, lang) if code != "SE" else t["systems"]
        out.append(f"{code}  {heading}")
        by_rule: dict[str, list[Finding]] = {}
        for f in sorted(items, key=lambda f: (STATUS_ORDER[f.status], -f.severity.rank)):
            by_rule.setdefault(f.rule, []).append(f)
        for rule_findings in by_rule.values():
            out.extend(_block(rule_findings, kb, lang))
    if a.waiver_notes:
        out.append("")
        out.append(t["waivers"] + ":")
        for n in a.waiver_notes:
            out.append(f"  waivers[{n.index}] {n.rule}: {n.reason_nl if lang == 'nl' else n.reason_en}")
    if not show_all:
        out.append("")
        out.append(t["shown"])
    return "\n".join(out) + "\n"
