"""The machine-readable result: versioned, documented (schemas/result.schema.json), byte-identical for identical inputs."""

from __future__ import annotations

import json
from typing import Any

from pbd.engine.findings import RESULT_SCHEMA_VERSION, Assessment
from pbd.knowledge_base import KnowledgeBase
from pbd.messages import pick
from pbd.render import RenderOptions
from pbd.render.common import explanation, fix, references, title


def result_dict(a: Assessment, kb: KnowledgeBase, lang: str) -> dict[str, Any]:
    decision = a.decision()
    return {
        "result_schema_version": RESULT_SCHEMA_VERSION,
        "pbd_version": a.pbd_version,
        "knowledge_base": {"version": a.kb_version, "sha256": a.kb_sha256},
        "input": {"file": a.file, "sha256": a.input_sha256},
        "project": {"name": a.project, "organisation": a.organisation, "phase": a.phase.value if a.phase else None},
        "date": a.date.isoformat(),
        "gate": a.gate.value if a.gate else None,
        "lang": lang,
        "waivers_applied": a.waivers_applied,
        "profile": None
        if a.profile is None
        else {"id": a.profile.id, "version": a.profile.version, "sha256": a.profile.sha256},
        "screening": a.screening.as_dict(lang),
        "decision": None
        if decision is None
        else {
            "gate": decision.gate.value,
            "go": decision.go,
            "blocking": len(decision.blocking),
            "blocking_findings": len(decision.blocking_findings),
            "advice": len(decision.advice),
            "later": len(decision.later),
        },
        "migration": None
        if a.from_version == 2 and not a.migration_notes
        else {"from_version": a.from_version, "notes": [n.as_dict(lang) for n in a.migration_notes]},
        "summary": {"counts": a.counts(), "gaps_by_severity": a.gaps_by_severity()},
        "findings": [
            {
                "rule": f.rule,
                "kind": f.kind,
                "group": f.group,
                "target": f.target,
                "status": f.status.value,
                "severity": f.severity.value,
                "gate": f.gate.value,
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "title": title(f, kb, lang),
                "explanation": explanation(f, kb, lang),
                "fix": fix(f, kb, lang),
                "references": list(references(f, kb)),
                "dpia_section": kb.criteria[f.rule].dpia_section if f.kind == "criterion" else None,
                "waiver": f.waiver,
                "basis": f.basis.value,
                **({"depends_on": list(f.depends_on)} if f.depends_on else {}),
                **({"exempt_reason": f.exempt_reason} if f.exempt_reason is not None else {}),
            }
            for f in a.findings
        ],
        "waiver_notes": [
            {"waiver": n.index, "rule": n.rule, "note": pick(lang, n.reason_nl, n.reason_en)} for n in a.waiver_notes
        ],
    }


def render(a: Assessment, kb: KnowledgeBase, options: RenderOptions) -> str:
    return json.dumps(result_dict(a, kb, options.lang), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
