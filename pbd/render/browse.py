"""Browsing the knowledge base: lists and details of criteria, systeemeisen and capabilities.

Each function is a reporter (see ``REPORTERS``); ``pbd/commands/browse.py`` selects what to show.
"""

from __future__ import annotations

import json
from typing import Any

from pbd.capabilities import CAPABILITIES
from pbd.knowledge_base import Criterion, KnowledgeBase, SystemRequirement
from pbd.messages import pick, t
from pbd.render import RenderOptions
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


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _table(header: str, rows: list[list[str]]) -> str:
    """A Markdown table: the header line from the catalogue, then one line per row."""
    lines = [header, "|" + "---|" * header.count(" | ") + "---|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return "\n".join(lines) + "\n"


def criteria_json(items: list[Criterion], kb: KnowledgeBase, options: RenderOptions) -> str:
    return _json([_criterion_dict(c, options.lang) for c in items])


def criteria_markdown(items: list[Criterion], kb: KnowledgeBase, options: RenderOptions) -> str:
    lang = options.lang
    rows = [
        [c.id, c.title.get(lang), label(c.severity, lang), label(c.gate, lang), ", ".join(c.references)] for c in items
    ]
    return _table(t(lang, "browse.criteria_header"), rows)


def criteria_text(items: list[Criterion], kb: KnowledgeBase, options: RenderOptions) -> str:
    lang = options.lang
    return "".join(
        f"{c.id:<6} {label(c.severity, lang):<7} {label(c.gate, lang):<15} {c.title.get(lang)}\n" for c in items
    )


def _criterion_rows(c: Criterion, kb: KnowledgeBase, lang: str) -> list[tuple[str, str]]:
    return [
        (t(lang, "word.group"), f"{c.group} {kb.groups[c.group].name.get(lang)}"),
        (t(lang, "word.severity"), label(c.severity, lang)),
        (t(lang, "word.gate"), label(c.gate, lang)),
        (t(lang, "browse.dpia_section"), f"§{c.dpia_section}"),
        ("Norm", c.norm.get(lang)),
        (t(lang, "browse.why"), c.rationale.get(lang)),
        (t(lang, "browse.fix"), c.remediation.get(lang)),
        (t(lang, "word.references"), ", ".join(c.references)),
        (
            t(lang, "word.system_requirements"),
            ", ".join(c.system_requirements)
            or (c.no_system_requirement_reason.get(lang) if c.no_system_requirement_reason else ""),
        ),
    ]


def criterion_json(c: Criterion, kb: KnowledgeBase, options: RenderOptions) -> str:
    return _json(c.data)


def criterion_markdown(c: Criterion, kb: KnowledgeBase, options: RenderOptions) -> str:
    rows = _criterion_rows(c, kb, options.lang)
    return "\n".join([f"### {c.id} {c.title.get(options.lang)}", ""] + [f"**{k}:** {v}  " for k, v in rows]) + "\n"


def criterion_text(c: Criterion, kb: KnowledgeBase, options: RenderOptions) -> str:
    rows = _criterion_rows(c, kb, options.lang)
    return "\n".join([f"{c.id}  {c.title.get(options.lang)}"] + [f"{k}: {v}" for k, v in rows]) + "\n"


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


def requirements_json(items: list[SystemRequirement], kb: KnowledgeBase, options: RenderOptions) -> str:
    return _json([_requirement_dict(s, options.lang) for s in items])


def requirements_markdown(items: list[SystemRequirement], kb: KnowledgeBase, options: RenderOptions) -> str:
    lang = options.lang
    rows = [
        [s.id, s.text.get(lang), f"`{s.capability}`", ", ".join(s.verification), ", ".join(s.criteria)] for s in items
    ]
    return _table(t(lang, "browse.requirements_header"), rows)


def requirements_text(items: list[SystemRequirement], kb: KnowledgeBase, options: RenderOptions) -> str:
    return "".join(f"{s.id:<9} {s.capability:<28} {s.title.get(options.lang)}\n" for s in items)


def _requirement_rows(s: SystemRequirement, lang: str) -> list[tuple[str, str]]:
    return [
        (t(lang, "word.area"), s.area),
        (t(lang, "word.requirement"), s.text.get(lang)),
        (t(lang, "word.capability"), f"{s.capability} ({pick(lang, *CAPABILITIES[s.capability])})"),
        (t(lang, "word.verification"), ", ".join(s.verification)),
        (t(lang, "word.serves"), ", ".join(s.criteria)),
        (t(lang, "word.references"), ", ".join(s.references)),
    ]


def requirement_json(s: SystemRequirement, kb: KnowledgeBase, options: RenderOptions) -> str:
    return _json(s.data)


def requirement_markdown(s: SystemRequirement, kb: KnowledgeBase, options: RenderOptions) -> str:
    rows = _requirement_rows(s, options.lang)
    return "\n".join([f"### {s.id} {s.title.get(options.lang)}", ""] + [f"**{k}:** {v}  " for k, v in rows]) + "\n"


def requirement_text(s: SystemRequirement, kb: KnowledgeBase, options: RenderOptions) -> str:
    rows = _requirement_rows(s, options.lang)
    return "\n".join([f"{s.id}  {s.title.get(options.lang)}"] + [f"{k}: {v}" for k, v in rows]) + "\n"


def capabilities_text(_: Any, kb: KnowledgeBase, options: RenderOptions) -> str:
    return "".join(f"{key:<30} {pick(options.lang, *labels)}\n" for key, labels in CAPABILITIES.items())
