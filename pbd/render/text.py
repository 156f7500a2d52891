"""A readable report for the terminal: screening, gate decision, then findings per principle group, gaps first."""

from __future__ import annotations

import re

from pbd.engine.findings import Assessment, Finding
from pbd.knowledge_base import KnowledgeBase
from pbd.messages import outcome, pick, t
from pbd.render import RenderOptions
from pbd.render.common import FLAGGED, STATUS_ORDER, explanation, group_name, hit_name, section_code, title
from pbd.vocabulary import Status, label

#: ANSI escape sequences (CSI, OSC, single-character) and every other control character but tab and newline
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def plain(text: str) -> str:
    """Text without terminal escapes or control characters (kept: tab and newline), safe for a terminal and XML."""
    return _CONTROL.sub("", _ANSI.sub("", text))


def one_line(text: str) -> str:
    """An ``Error:`` line that stays one line whatever a file name holds: escapes removed, a newline as ``\\n``."""
    return plain(text).replace("\n", "\\n").replace("\t", " ")


def _block(rule_findings: list[Finding], kb: KnowledgeBase, lang: str) -> list[str]:
    """One criterion: its title once, then one line per place it concerns (worst first)."""
    first = rule_findings[0]
    sev = label(first.severity, lang)
    due = t(lang, "text.due", gate=label(first.gate, lang))
    out = [f"  {first.rule:<9} {title(first, kb, lang)}  [{sev}; {due}]"]
    word = t(lang, "word.line")
    for f in rule_findings:
        out.append(
            f"      {label(f.status, lang):<20} {f.target}: {explanation(f, kb, lang)}  ({f.path}, {word} {f.line})"
        )
    return out


def screening_lines(a: Assessment, lang: str) -> list[str]:
    """The screening in a few lines: outcome, AP-list types, WP248 criteria, art. 35(3), DTIA/IAMA/KIA."""
    s = a.screening
    out = [t(lang, "text.screening", outcome=outcome(lang, s.dpia))]
    if s.ap:
        out.append("  " + t(lang, "text.ap", names=", ".join(f"{n} {hit_name('AP', n, lang)}" for n in s.ap)))
    if s.edpb:
        out.append("  " + t(lang, "text.edpb", names=", ".join(f"{n} {hit_name('EDPB', n, lang)}" for n in s.edpb)))
    if s.art35_3:
        out.append("  " + t(lang, "text.art35_3", letters=", ".join(s.art35_3)))
    also = [name for name, flag in (("DTIA", s.dtia), ("IAMA", s.iama), ("KIA", s.kia)) if flag]
    if also:
        out.append("  " + t(lang, "text.also", names=", ".join(also)))
    return out


def render(a: Assessment, kb: KnowledgeBase, options: RenderOptions) -> str:
    lang = options.lang
    out = [f"{a.project}" + (f" — {a.organisation}" if a.organisation else ""), f"{a.file}  ({a.date.isoformat()})", ""]
    out += screening_lines(a, lang)
    decision = a.decision()
    if decision is not None:
        out.append("")
        gate = label(decision.gate, lang)
        out.append(
            t(lang, "text.go", gate=gate) if decision.go else t(lang, "text.nogo", gate=gate, n=len(decision.blocking))
        )
        if decision.advice:
            out.append("  " + t(lang, "text.advice", n=len(decision.advice)))
        if decision.later:
            out.append("  " + t(lang, "text.later", n=len(decision.later)))
        if not decision.go:  # the actions due by the gate (pbd todo), merged and in order
            from pbd.render.todo import gate_lines
            from pbd.todo import build_todo

            out += ["", *gate_lines(build_todo(a, kb, decision.gate), lang)]
    counts = a.counts()
    out.append("")
    out.append(t(lang, "text.summary", counts=", ".join(f"{label(Status(k), lang)} {v}" for k, v in counts.items())))
    shown = [f for f in a.findings if options.show_all or f.status in FLAGGED]
    by_group: dict[str, list[Finding]] = {}
    for f in shown:
        by_group.setdefault(section_code(f), []).append(f)
    for code in [*kb.groups, "SE"]:
        items = by_group.get(code)
        if not items:
            continue
        out.append("")
        out.append(f"{code}  {group_name(code, kb, lang)}")
        by_rule: dict[str, list[Finding]] = {}
        for f in sorted(items, key=lambda f: (STATUS_ORDER[f.status], -f.severity.rank)):
            by_rule.setdefault(f.rule, []).append(f)
        for rule_findings in by_rule.values():
            out.extend(_block(rule_findings, kb, lang))
    if a.waiver_notes:
        out.append("")
        out.append(t(lang, "text.waivers"))
        for n in a.waiver_notes:
            out.append(f"  waivers[{n.index}] {n.rule}: {pick(lang, n.reason_nl, n.reason_en)}")
    if not options.show_all:
        out.append("")
        out.append(t(lang, "text.shown"))
    return plain("\n".join(out)) + "\n"
