"""A small knowledge base of one's own for engine tests: criteria written in the test, nothing else.

The engine's features (policy off by default, profiles, depends_on, exempt_when, placeholders)
are tested against rules whose logic the test states, so that the bundled criteria can change
without these tests changing.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

from pbd import engine
from pbd.description import load_text
from pbd.engine import Assessment, Finding
from pbd.knowledge_base import GROUP_ORDER, KnowledgeBase
from pbd.profiles import Profile

ROOT = Path(__file__).resolve().parent.parent.parent
TODAY = dt.date(2026, 11, 1)

Json = dict[str, Any]


def text(nl: str, en: str | None = None) -> Json:
    return {"nl": nl, "en": en if en is not None else nl}


def criterion(cid: str, **extra: Any) -> Json:
    """A criterion file's data with harmless defaults; ``extra`` overrides (``requirement`` …), None removes."""
    data: Json = {
        "id": cid,
        "group": cid[:2] if cid[:2] in GROUP_ORDER else "VA",
        "scope": "processing",
        "title": text(f"Testcriterium {cid}", f"Test criterion {cid}"),
        "norm": text("Een norm om de engine mee te testen."),
        "rationale": text("Alleen voor de tests van de engine."),
        "remediation": text("Vul het gevraagde veld in."),
        "severity": "high",
        "basis": "law",
        "gate": "ontwerp",
        "dpia_section": 3,
        "references": ["AVG 5(1)(a)"],
        "strategy": "demonstrate",
        "applies_when": {},
        "requirement": {},
        "no_system_requirement_reason": text("Geen systeemeis: dit is een testcriterium."),
        "version_added": "0.2.0",
    }
    if "system_requirements" in extra:
        del data["no_system_requirement_reason"]
    data.update(extra)
    return {k: v for k, v in data.items() if v is not None}


def system_requirement(sid: str, criteria: list[str], **extra: Any) -> Json:
    data: Json = {
        "id": sid,
        "area": sid.split("-")[1],
        "title": text(f"Testeis {sid}", f"Test requirement {sid}"),
        "text": text("Het systeem kan dit aantoonbaar."),
        "capability": "access_logging",
        "verification": ["demo"],
        "criteria": criteria,
        "severity": "medium",
        "basis": "law",
        "version_added": "0.2.0",
    }
    data.update(extra)
    return data


def write_kb(root: Path, criteria: list[Json], system_requirements: list[Json] | None = None) -> Path:
    """Write a knowledge base folder (the bundled referentiekader, these rules) and return it."""
    (root / "criteria").mkdir(parents=True)
    (root / "system_requirements").mkdir()
    shutil.copy(ROOT / "criteria" / "referentiekader.json", root / "criteria" / "referentiekader.json")
    for c in criteria:
        (root / "criteria" / f"{c['id']}.json").write_text(json.dumps(c, ensure_ascii=False), encoding="utf-8")
    for s in system_requirements or []:
        (root / "system_requirements" / f"{s['id']}.json").write_text(json.dumps(s), encoding="utf-8")
    return root


def make_kb(root: Path, criteria: list[Json], system_requirements: list[Json] | None = None) -> KnowledgeBase:
    return KnowledgeBase.load(write_kb(root, criteria, system_requirements))


def check(kb: KnowledgeBase, description: str, profile: Profile | None = None) -> Assessment:
    return engine.check(load_text(description), kb, engine.Options(today=TODAY, profile=profile))


def of(a: Assessment, rule: str) -> list[Finding]:
    return [f for f in a.findings if f.rule == rule]


def statuses(a: Assessment, rule: str) -> list[tuple[str, str, str]]:
    """(status, target, path) of every finding of ``rule``, in order."""
    return [(f.status.value, f.target, f.path) for f in of(a, rule)]
