"""The parts of the report context that belong to the art. 25 report: the procurement annex, and the migration notes.

The procurement annex is the programme of requirements (programma van eisen) that inkoop puts in a
tender: for each system the systeemeisen the evaluation asked of it, numbered, as *must* (a legal
basis) or *should* (guidance or policy), with how the municipality will verify each one — the same
list as ``pbd todo --procurement SYSTEM``. It is written for systems still to be tendered: while
the project is at or before the aanbesteding gate. Later the systems have been bought, and the
requirements table above it shows what each one meets.
"""

from __future__ import annotations

import re
from typing import Any

from pbd.engine.findings import Assessment
from pbd.knowledge_base import KnowledgeBase
from pbd.messages import t
from pbd.todo import procurement_annex
from pbd.vocabulary import Gate, RuleKind, label

Json = dict[str, Any]


def procurement_context(a: Assessment, kb: KnowledgeBase, data: Json, lang: str) -> Json:
    """``{"tender": bool, "systems": [{id, name, supplier, requirements: [...]}, ...]}`` for the art. 25 template."""
    phase = a.phase or a.gate
    tender = phase is None or phase.rank <= Gate.AANBESTEDING.rank
    asked = {f.target for f in a.findings if f.kind is RuleKind.SYSTEM_REQUIREMENT}
    systems: list[Json] = []
    for s in data.get("systems", []):
        if s["id"] not in asked:
            continue  # no systeemeis is asked of it (no personal data)
        rows = [
            {
                "number": r.number,
                "rule": r.rule,
                "priority": r.priority,
                "priority_label": t(lang, f"report.procurement_{r.priority}"),
                "title": r.title_en if lang == "en" else r.title_nl,
                "text": r.text_en if lang == "en" else r.text_nl,
                "verification": r.verification_en if lang == "en" else r.verification_nl,
                "basis": label(r.basis, lang),
                # the GDPR by its English name in an English report (the knowledge base cites "AVG 32(1)")
                "references": ", ".join(re.sub(r"\bAVG\b", "GDPR", x) if lang == "en" else x for x in r.references),
            }
            for r in procurement_annex(a, kb, s["id"])
        ]
        systems.append(
            {
                "id": s["id"],
                "name": s.get("name") or s["id"],
                "supplier": s.get("supplier"),
                "requirements": rows,
                "must": sum(1 for r in rows if r["priority"] == "must"),
                "should": sum(1 for r in rows if r["priority"] == "should"),
            }
        )
    return {"tender": tender, "systems": systems}


def migration_context(a: Assessment, lang: str) -> Json | None:
    """What the in-memory migration of a version-1 description changed and could not decide (None: format 2)."""
    if a.from_version == 2 and not a.migration_notes:
        return None
    return {
        "from_version": a.from_version,
        "notes": [
            {"path": n.path, "kind": n.kind.value, "message": n.message(lang), "line": n.render(lang)}
            for n in a.migration_notes
        ],
    }


__all__ = ["migration_context", "procurement_context"]
