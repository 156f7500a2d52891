"""Building blocks for the screening tests (no tests here): a fully answered low-risk processing, and overrides on it.

``BASE`` answers every question the screening asks with the harmless answer (a contact form of 500
residents, nothing shared, no techniques, AVG regime), so that a test changes exactly the facts
its rule is about and nothing else fires.
"""

from __future__ import annotations

import copy
from typing import Any

from pbd.engine.facts import Tri, processing_facts, project_facts
from pbd.engine.screening import Screening, screen
from pbd.engine.screening_rules import rule

Json = dict[str, Any]

BASE: Json = {
    "id": "p",
    "purposes": [{"id": "d", "description": "Vragen van bewoners beantwoorden.", "kind": "statistics"}],
    "personal_data": True,
    "legal_basis": {"ground": "public_task"},
    "data_subjects": [
        {"category": "bewoners", "relation": "targeted", "vulnerable": False, "minors": "no", "count": 500}
    ],
    "data_items": [{"name": "e-mailadres", "category": "contact", "type": "ordinary", "source": "data_subject"}],
    "collection": {"methods": ["form"], "public_space": False, "covert": False},
    "scale": {"data_subjects": 500, "systematic": False, "frequency": "occasional"},
    "techniques": [],
    "shared_with": [],
    "access_to_service": False,
    "regime": {"boa_enforcement": False, "police_access": "none"},
}

PARTIES: list[Json] = [
    {"name": "Gemeente", "role": "controller", "kind": "municipality"},
    {"name": "Leverancier", "role": "processor", "kind": "supplier"},
    {"name": "Partner", "role": "joint_controller", "kind": "foundation"},
    {"name": "Derde", "role": "third_party", "kind": "other"},
    {"name": "Politie", "role": "recipient", "kind": "police"},
]

DELETE = object()


def merge(base: Any, over: Any) -> Any:
    """``over`` deep-merged into a copy of ``base``; dict values merge, others replace; ``DELETE`` removes a key."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = copy.deepcopy(base)
        for k, v in over.items():
            if v is DELETE:
                out.pop(k, None)
            else:
                out[k] = merge(out.get(k), v)
        return out
    return copy.deepcopy(over)


def description(proc: Json | None = None, project: Json | None = None, **top: Any) -> Json:
    """A description with one processing (``BASE`` with ``proc`` merged in) and the standard parties."""
    desc: Json = {
        "schema_version": 2,
        "project": merge({"name": "Test", "digital_service": {"offered": False}}, project or {}),
        "parties": PARTIES,
        "processings": [merge(BASE, proc or {})],
    }
    desc.update(top)
    return desc


def run(rule_id: str, proc: Json | None = None, **kw: Any) -> Tri:
    """The value of one rule on one processing built from ``BASE``."""
    desc = description(proc, **kw)
    r = rule(rule_id)
    facts = project_facts(desc) if r.scope == "project" else processing_facts(desc["processings"][0], 0, desc)
    return r.evaluate(facts).value


def screening(proc: Json | None = None, **kw: Any) -> Screening:
    return screen(description(proc, **kw))
