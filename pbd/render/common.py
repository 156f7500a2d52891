"""What every reporter shares: a finding's texts in one language, and status ordering."""

from __future__ import annotations

from pbd.engine.findings import Finding
from pbd.knowledge_base import KnowledgeBase
from pbd.vocabulary import Status, label

#: gaps first, then open questions, then waived, met and not applicable
STATUS_ORDER = {Status.GAP: 0, Status.OPEN: 1, Status.WAIVED: 2, Status.MET: 3, Status.NOT_APPLICABLE: 4}


def title(f: Finding, kb: KnowledgeBase, lang: str) -> str:
    if f.kind == "criterion":
        return kb.criteria[f.rule].title.get(lang)
    return kb.system_requirements[f.rule].title.get(lang)


def fix(f: Finding, kb: KnowledgeBase, lang: str) -> str:
    if f.kind == "criterion":
        return kb.criteria[f.rule].remediation.get(lang)
    return kb.system_requirements[f.rule].text.get(lang)


def explanation(f: Finding, kb: KnowledgeBase, lang: str) -> str:
    """One line: why this status."""
    if f.detail(lang):
        return f.detail(lang)
    if f.status is Status.MET:
        return "voldaan" if lang == "nl" else "met"
    if f.status is Status.NOT_APPLICABLE:
        return "niet van toepassing op dit onderdeel" if lang == "nl" else "does not apply here"
    return label(f.status, lang)


def references(f: Finding, kb: KnowledgeBase) -> tuple[str, ...]:
    if f.kind == "criterion":
        return kb.criteria[f.rule].references
    return kb.system_requirements[f.rule].references


def group_name(code: str, kb: KnowledgeBase, lang: str) -> str:
    group = kb.groups.get(code)
    return group.name.get(lang) if group else code
