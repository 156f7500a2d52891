"""SARIF 2.1.0: gaps and open questions located at lines of the description, for code-review tools."""

from __future__ import annotations

import json
from typing import Any

from pbd.engine.findings import Assessment
from pbd.knowledge_base import KnowledgeBase
from pbd.render import RenderOptions
from pbd.render.common import explanation, fix, references, title
from pbd.vocabulary import Severity, Status

_LEVEL = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note"}


def render(a: Assessment, kb: KnowledgeBase, options: RenderOptions) -> str:
    lang = options.lang
    reported = [f for f in a.findings if f.status in (Status.GAP, Status.OPEN, Status.WAIVED)]
    rule_ids = sorted({f.rule for f in reported})
    rules = []
    for rid in rule_ids:
        sample = next(f for f in reported if f.rule == rid)
        if sample.kind == "criterion":
            crit = kb.criteria[rid]
            full = crit.norm.get(lang)
        else:
            full = kb.system_requirements[rid].text.get(lang)
        rules.append(
            {
                "id": rid,
                "name": rid.replace("-", ""),
                "shortDescription": {"text": title(sample, kb, lang)},
                "fullDescription": {"text": full},
                "help": {"text": fix(sample, kb, lang)},
                "defaultConfiguration": {"level": _LEVEL[sample.severity]},
                "properties": {"tags": list(references(sample, kb)), "group": sample.group},
            }
        )
    index = {rid: i for i, rid in enumerate(rule_ids)}
    results: list[dict[str, Any]] = []
    for f in reported:
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL[f.severity] if f.status is not Status.OPEN else "note",
            "kind": "fail" if f.status is not Status.OPEN else "review",
            "message": {"text": f"{title(f, kb, lang)} — {explanation(f, kb, lang)} ({f.path})"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": a.file},
                        "region": {"startLine": max(f.line, 1), "startColumn": max(f.column, 1)},
                    },
                    "logicalLocations": [{"fullyQualifiedName": f.path, "kind": "member"}],
                }
            ],
            "partialFingerprints": {"pbdFinding/v1": f"{f.rule}|{f.target}|{f.path}"},
            "properties": {"status": f.status.value, "target": f.target, "gate": f.gate.value},
        }
        if f.status is Status.WAIVED:
            result["suppressions"] = [{"kind": "external", "justification": f"waivers[{f.waiver}]"}]
        results.append(result)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pbd",
                        "version": a.pbd_version,
                        "informationUri": "https://github.com/pbd-privacy/pbd",
                        "rules": rules,
                        "properties": {"knowledgeBase": {"version": a.kb_version, "sha256": a.kb_sha256}},
                    }
                },
                "artifacts": [{"location": {"uri": a.file}, "hashes": {"sha-256": a.input_sha256}}],
                "results": results,
                "properties": {
                    "date": a.date.isoformat(),
                    "gate": a.gate.value if a.gate else None,
                    "dpia": a.screening.dpia,
                },
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
