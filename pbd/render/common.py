"""What every reporter shares: a finding's texts in one language, status ordering, screening names."""

from __future__ import annotations

from pbd.engine.findings import Finding
from pbd.engine.screening import AP_TYPES, EDPB_CRITERIA
from pbd.knowledge_base import KnowledgeBase
from pbd.messages import pick, t
from pbd.vocabulary import Status, label

#: gaps first, then open questions, then waived, met and not applicable
STATUS_ORDER = {Status.GAP: 0, Status.OPEN: 1, Status.WAIVED: 2, Status.MET: 3, Status.NOT_APPLICABLE: 4}

#: the statuses a reader has to act on or know about
FLAGGED = (Status.GAP, Status.OPEN, Status.WAIVED)

_NAMED = {"AP": AP_TYPES, "EDPB": EDPB_CRITERIA}


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
        return t(lang, "finding.met")
    if f.status is Status.NOT_APPLICABLE:
        return t(lang, "finding.not_applicable")
    return label(f.status, lang)


def references(f: Finding, kb: KnowledgeBase) -> tuple[str, ...]:
    if f.kind == "criterion":
        return kb.criteria[f.rule].references
    return kb.system_requirements[f.rule].references


def group_name(code: str, kb: KnowledgeBase, lang: str) -> str:
    """A principle group's name; ``SE`` is the heading of the systeemeisen."""
    if code == "SE":
        return t(lang, "word.system_requirements")
    group = kb.groups.get(code)
    return group.name.get(lang) if group else code


def section_code(f: Finding) -> str:
    """Where a finding is listed: its principle group, or ``SE`` for a systeemeis."""
    return f.group if f.kind == "criterion" else "SE"


def hit_name(framework: str, item: str | int, lang: str) -> str:
    """The name of an AP-list type or a WP248 criterion by its number; empty for other frameworks."""
    table = _NAMED.get(framework)
    if table is None or not str(item).isdigit() or int(item) not in table:
        return ""
    nl, en = table[int(item)]
    return pick(lang, nl, en)
