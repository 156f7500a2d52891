"""Format version 2: every new field accepts a good answer and refuses a bad one at its own path."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pbd.description import load_text
from pbd.description.model import ProjectDescription
from pbd.description.placeholders import strip_placeholders
from pbd.description.values import SCHEMA_VERSION
from pbd.errors import DescriptionError
from pbd.vocabulary import LABELS

# (where, field, good value, bad value); where is "project", "party", "processing", "system", "risk"
# or a dotted block below one of them ("processing.collection").
CASES: list[tuple[str, str, Any, Any]] = [
    ("project", "controller", {"body": "burgemeester", "name": "De burgemeester van Eindhoven"}, {"body": "wethouder"}),
    ("project.dpo_advice", "followed", "partly", True),
    ("project.dpo_advice", "deviation_decided_by", "steering_group", "stuurgroep"),
    ("project.dpo_advice", "version", "concept 0.9", ""),
    (
        "project",
        "decision",
        {
            "decided_by": "college",
            "date": "2026-03-01",
            "outcome": "go_with_conditions",
            "version": "1.0",
            "conditions": ["Borden bij alle toegangen"],
        },
        {"outcome": "ja"},
    ),
    (
        "project",
        "works_council",
        {"required": "unknown", "consent": "requested", "date": "2026-02-01"},
        {"required": True},
    ),
    ("project", "breach_register", True, "misschien"),
    ("project.digital_service", "non_functional_cookies", False, "soms"),
    ("project.digital_service", "cookie_consent", True, 3),
    (
        "project",
        "impact_classification",
        {
            "done": True,
            "confidentiality": "hoog",
            "integrity": "midden",
            "availability": "laag",
            "statement_of_applicability": True,
        },
        {"confidentiality": "BBN2"},
    ),
    (
        "project",
        "screening_declared",
        {"source": "officer", "ap": [9, 14], "wp248": [3, 5], "date": "2026-01-10"},
        {"ap": [18]},
    ),
    ("party", "agreement_covers", ["instructions", "audits", "deletion_or_return"], ["everything"]),
    ("party", "kind", "police", "politie"),
    ("party", "headquarters_country", "US", "USA"),
    (
        "processing",
        "regime",
        {"boa_enforcement": False, "police_access": "on_request", "wpg_dpia_done": False},
        {"police_access": "sometimes"},
    ),
    ("processing.legal_basis", "specificity", "general_competence", "general"),
    ("processing.legal_basis", "necessity_tested", True, "ja hoor"),
    ("processing.legal_basis", "necessity_outcome", "necessary", "yes"),
    ("processing.legal_basis.consent", "dependency", True, "x"),
    ("processing.legal_basis.consent", "tied_to_service", False, "x"),
    ("processing.legal_basis.consent", "invited_by", "consulent schuldhulpverlening", ""),
    ("processing.legal_basis.consent", "capacity", "incapacitated", "dementia"),
    ("processing.legal_basis.consent", "representative", True, "x"),
    ("processing.purpose", "kind", "fraud_control", "fraud"),
    (
        "processing.purpose",
        "compatibility_factors",
        {
            "link": True,
            "context_expected": False,
            "nature_sensitive": False,
            "consequences_serious": True,
            "safeguards": True,
        },
        {"link": "maybe"},
    ),
    ("processing.data_subject", "relation", "incidental", "passer-by"),
    ("processing.data_item", "form", "hashed", "salted"),
    ("processing.data_item", "retention_purpose", "bezwaar tegen de naheffing", ""),
    ("processing.data_item", "strip_metadata", True, "x"),
    (
        "processing.collection",
        "methods",
        ["rfid", "card_reader", "connected_container", "radar", "presence_sensor", "smart_meter", "lidar"],
        ["sonar"],
    ),
    ("processing.collection", "observes_persons", False, "x"),
    ("processing.collection", "signage", "some_entrances", True),
    (
        "processing.collection",
        "camera_rules",
        {"art_151c": True, "aanwijzingsbesluit": True, "burgemeester_decided": True, "area_and_period_fixed": False},
        {"art_151c": "ja hoor"},
    ),
    (
        "processing",
        "edge",
        {
            "transient": True,
            "retention_seconds": 2,
            "output": "counts",
            "verified_by": "CISO",
            "verification": "test",
            "date": "2026-01-05",
        },
        {"retention_seconds": -1},
    ),
    (
        "processing.minimisation",
        "anonymisation",
        {"method": "on_device_counting", "verified_by": "extern bureau", "verification": "audit", "date": "2026-01-05"},
        {"verification": "trust me"},
    ),
    ("processing.minimisation", "needs_individual_data_reason", "Een naheffing vraagt het kenteken", ""),
    ("processing.minimisation", "blurring", True, "x"),
    ("processing.minimisation", "privacy_switch", True, "x"),
    (
        "processing.retention",
        "rules",
        [
            {"applies_to": "no_hit", "period": "PT0S", "basis": "policy", "reason": "Geen hit: direct wissen"},
            {"applies_to": "purpose:controle", "period": "P28D", "basis": "investigation"},
            {"applies_to": "item:kenteken", "period": "P1Y", "basis": "statute"},
        ],
        [{"applies_to": "everything", "period": "P1Y"}],
    ),
    (
        "processing.retention",
        "ceiling_exception",
        {"reason": "Lopend strafrechtelijk onderzoek", "decided_by": "burgemeester"},
        {"decided_by": "de baas"},
    ),
    (
        "processing",
        "publication",
        {"open_data": True, "location_precision_m": 100, "contains_personal_data": False, "photos": False},
        {"location_precision_m": "dichtbij"},
    ),
    ("processing.necessity", "effectiveness", {"status": "not_shown", "evidence": "Geen evaluatie"}, "Het werkt"),
    (
        "processing.necessity",
        "alternatives",
        [
            {
                "description": "Handmatig tellen",
                "outcome": "rejected",
                "reason_kind": "supplier_interest",
                "reason": "De leverancier wil het niet",
            }
        ],
        [{"outcome": "rejected"}],
    ),
    ("processing.necessity", "proportionality_outcome", "proportionate", "yes"),
    ("processing.algorithm", "impactful_reason", "Alleen een telling van het aantal bezoekers", ""),
    ("processing.algorithm", "significant_effect_reason", "Geen besluit over personen", ""),
    ("processing.algorithm", "explainable", True, "x"),
    (
        "processing.algorithm",
        "ai_act",
        {
            "ai_system": True,
            "prohibited_practice": "none",
            "high_risk": "annex_iii_essential_services",
            "fria_done": False,
            "eu_registered": False,
            "transparency_notice": True,
        },
        {"prohibited_practice": "facial_recognition"},
    ),
    ("processing.transfer", "recipient_certified_dpf", True, "x"),
    ("processing.transfer", "structural", True, "x"),
    ("processing.transfer", "tia_done", False, "x"),
    ("system", "type", "edge_device", "camera"),
    (
        "system",
        "capability_evidence",
        {"access_logging": {"level": "verified", "how": "test", "date": "2026-01-05"}},
        {"access_logging": {"level": "promised"}},
    ),
    ("risk", "likelihood_reason", "Vaker gebeurd bij vergelijkbare projecten", ""),
    ("risk", "impact_reason", "Betrokkenen kunnen worden gevolgd", ""),
    ("risk", "residual_likelihood", "laag", "low"),
    ("risk", "residual_impact", "midden", "medium"),
    ("risk", "accepted_by", "college", "wethouder"),
    ("risk", "accepted_on", "2026-04-01", "1 april"),
]


def _description(where: str, name: str, value: Any) -> tuple[dict[str, Any], tuple[str | int, ...]]:
    """A minimal v2 description with ``value`` at ``where.name``, and the path to it."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "project": {"name": "P"},
        "parties": [{"name": "Gemeente"}],
        "processings": [
            {
                "id": "p1",
                "purposes": [{"id": "controle", "description": "Controleren"}],
                "data_subjects": [{"category": "bezoekers"}],
                "data_items": [{"name": "kenteken"}],
                "transfers": [{"country": "US"}],
            }
        ],
        "systems": [{"id": "s1"}],
        "risks": [{"id": "R1"}],
    }
    head, *rest = where.split(".")
    roots: dict[str, tuple[str | int, ...]] = {
        "project": ("project",),
        "party": ("parties", 0),
        "processing": ("processings", 0),
        "system": ("systems", 0),
        "risk": ("risks", 0),
    }
    items = {
        "purpose": ("purposes", 0),
        "data_subject": ("data_subjects", 0),
        "data_item": ("data_items", 0),
        "transfer": ("transfers", 0),
    }
    path = roots[head]
    for part in rest:
        path = (*path, *items.get(part, (part,)))
    node: Any = data
    for step in path:
        if isinstance(node, dict) and step not in node:
            node[step] = {}
        node = node[step]
    node[name] = value
    return data, (*path, name)


@pytest.mark.parametrize(("where", "name", "good", "bad"), CASES, ids=[f"{w}.{n}" for w, n, _, _ in CASES])
def test_new_field_accepts_a_good_answer(where: str, name: str, good: Any, bad: Any) -> None:
    data, _ = _description(where, name, good)
    loaded = load_text(json.dumps(data), json_input=True)
    assert loaded.from_version == SCHEMA_VERSION
    assert loaded.migration_notes == ()


@pytest.mark.parametrize(("where", "name", "good", "bad"), CASES, ids=[f"{w}.{n}" for w, n, _, _ in CASES])
def test_new_field_refuses_a_bad_answer_at_its_path(where: str, name: str, good: Any, bad: Any) -> None:
    data, path = _description(where, name, bad)
    with pytest.raises(DescriptionError) as err:
        load_text(json.dumps(data), json_input=True)
    expected = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
    paths = [p.path for p in err.value.problems]
    assert paths, "no problem reported"
    assert all(p.startswith(expected) for p in paths), paths


def test_every_field_has_dutch_and_english_title_and_help() -> None:
    schema = ProjectDescription.model_json_schema()
    missing = []
    for name, model in schema["$defs"].items():
        if "properties" not in model:
            continue
        for key, prop in model["properties"].items():
            if not (prop.get("title") and prop.get("description") and prop.get("x-title-en") and prop.get("x-help-en")):
                missing.append(f"{name}.{key}")
    assert missing == []


def test_every_enum_in_the_model_has_labels() -> None:
    schema = ProjectDescription.model_json_schema()
    for name, model in schema["$defs"].items():
        if "enum" in model and name not in ("Classification",):
            assert name in LABELS, name
            assert set(LABELS[name]) == set(model["enum"]), name


def test_v1_fields_are_gone_from_v2() -> None:
    schema = ProjectDescription.model_json_schema()["$defs"]
    assert "signage" not in schema["Transparency"]["properties"]
    assert "classification" not in schema["Security"]["properties"]
    assert "dtia" not in schema["Transfer"]["properties"]
    assert "alternatives_considered" not in schema["Necessity"]["properties"]
    assert "Classification" not in schema


def test_schema_version_accepts_1_and_2_and_writes_2() -> None:
    assert SCHEMA_VERSION == 2
    assert ProjectDescription.model_validate({"project": {"name": "X"}}).schema_version == 2
    assert load_text("schema_version: 1\nproject: {name: X}\n").model.schema_version == 2
    assert load_text("project: {name: X}\n").from_version == 1
    for bad in (0, 3):
        with pytest.raises(DescriptionError):
            load_text(f"schema_version: {bad}\nproject: {{name: X}}\n")


def test_placeholder_in_a_new_text_field_is_stripped() -> None:
    data, _ = _description("processing.minimisation", "needs_individual_data_reason", "n.t.b.")
    out = strip_placeholders(load_text(json.dumps(data), json_input=True).data())
    assert out["processings"][0]["minimisation"] == {}
