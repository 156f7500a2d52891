"""Systeemeisen per system: which fit the system (type, hosting, its own facts) and what its evidence is worth."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from pbd.description import load_description
from pbd.description.loading import load_text
from pbd.engine.evaluate import evaluate
from pbd.engine.findings import Assessment
from pbd.engine.systems import judge
from pbd.knowledge_base import KnowledgeBase
from pbd.vocabulary import Gate, RuleKind, Status

ROOT = Path(__file__).resolve().parent.parent.parent
TODAY = dt.date(2026, 12, 3)

DEVICE_RULES = {"SE-BV-04", "SE-BV-05", "SE-MN-05", "SE-MN-06", "SE-VS-04", "SE-VS-07", "SE-EX-07", "SE-MN-02"}
STORAGE_RULES = {"SE-BW-01", "SE-BW-03", "SE-RE-01", "SE-RE-06", "SE-TG-04", "SE-VS-02", "SE-LG-01"}

CAMERA_PROJECT = """
schema_version: 2
project: {name: Camera's, phase: aanbesteding}
parties: [{name: Gemeente, role: controller}, {name: Leverancier BV, role: processor}]
processings:
  - id: beelden
    data_subjects: [{category: voorbijgangers}]
    data_items: [{name: beeld, category: image, type: ordinary}]
    collection: {methods: [camera], public_space: true}
    systems: [camera, platform, app]
systems:
  - {id: camera, type: edge_device, supplier: Leverancier BV, hosting: {model: edge}, capabilities: []}
  - {id: platform, type: saas, supplier: Leverancier BV, hosting: {model: saas, country: NL}, capabilities: []}
  - {id: app, type: app, supplier: Leverancier BV, hosting: {model: saas, country: NL}, capabilities: []}
"""


def _check(kb: KnowledgeBase, text: str, today: dt.date = TODAY) -> Assessment:
    return evaluate(load_text(text), kb, today=today)


def _asked(a: Assessment, target: str) -> set[str]:
    return {f.rule for f in a.findings if f.kind is RuleKind.SYSTEM_REQUIREMENT and f.target == target}


def _example(kb: KnowledgeBase, name: str) -> Assessment:
    return evaluate(load_description(ROOT / name), kb, today=TODAY)


# ---------------------------------------------------------------------------------------------
# fit: the system's own type and facts, not the union of its processings'


def test_a_saas_platform_gets_no_device_requirements_and_the_device_no_storage_ones(kb: KnowledgeBase) -> None:
    a = _check(kb, CAMERA_PROJECT)
    assert _asked(a, "platform") & DEVICE_RULES == set()
    assert _asked(a, "camera") & STORAGE_RULES == set()
    assert {"SE-BV-04", "SE-MN-05", "SE-VS-04"} <= _asked(a, "camera")
    assert {"SE-RE-06", "SE-TG-04", "SE-BW-01"} <= _asked(a, "platform")


def test_an_app_gets_no_encrypted_sensor_link(kb: KnowledgeBase) -> None:
    a = _check(kb, CAMERA_PROJECT)
    assert "SE-VS-04" not in _asked(a, "app")
    assert {"SE-TP-01", "SE-VS-01"} <= _asked(a, "app")


def test_stratumseind_platform_no_longer_gets_device_requirements(kb: KnowledgeBase) -> None:
    a = _example(kb, "examples/stratumseind.yaml")
    assert _asked(a, "dataplatform") & DEVICE_RULES == set()
    assert _asked(a, "sensornetwerk") & STORAGE_RULES == set()
    # the sensor network is inferred as an edge device from its hosting (no type declared)
    assert {"SE-BV-04", "SE-VS-04"} <= _asked(a, "sensornetwerk")


def test_a_permit_system_with_licence_plates_is_no_anpr(kb: KnowledgeBase) -> None:
    a = evaluate(load_description(ROOT / "tests/calibration/C2-parkeervergunning.yaml"), kb, today=TODAY)
    assert "SE-BW-08" not in _asked(a, "vergunningensysteem")
    scan = _example(kb, "examples/scanauto-parkeercontrole.yaml")
    assert "SE-BW-08" in _asked(scan, "scanauto")


def test_a_system_without_personal_data_gets_no_systeemeis(kb: KnowledgeBase) -> None:
    text = CAMERA_PROJECT.replace("  - id: beelden\n", "  - id: beelden\n    personal_data: false\n")
    a = _check(kb, text)
    assert [f.rule for f in a.findings if f.kind is RuleKind.SYSTEM_REQUIREMENT] == []


def test_requirements_that_fit_only_some_facts(kb: KnowledgeBase) -> None:
    """A systeemeis that is about foreign authorities, very sensitive fields, data from elsewhere, what residents
    see, or counting on the device is asked only where the facts make it relevant."""
    plain = _asked(_check(kb, CAMERA_PROJECT), "platform")
    # all in NL, ordinary images, nothing from another source, no resident portal or consent
    assert not plain & {"SE-HO-08", "SE-VS-08", "SE-RE-12", "SE-TP-09"}
    abroad = CAMERA_PROJECT.replace(
        "hosting: {model: saas, country: NL}, capabilities: []}\n  - {id: app",
        "hosting: {model: saas, country: NL, provider_hq_country: US}, capabilities: []}\n  - {id: app",
        1,
    )
    assert "SE-HO-08" in _asked(_check(kb, abroad), "platform")  # a US provider can be ordered to hand data over
    unknown = CAMERA_PROJECT.replace(
        "hosting: {model: saas, country: NL}, capabilities: []}\n  - {id: app",
        "hosting: {model: saas}, capabilities: []}\n  - {id: app",
        1,
    )
    assert "SE-HO-08" in _asked(_check(kb, unknown), "platform")  # where it is hosted is not known yet
    sensitive = CAMERA_PROJECT.replace(
        "type: ordinary}", "type: ordinary}, {name: BSN, category: national_id, type: national_id}"
    )
    assert "SE-VS-08" in _asked(_check(kb, sensitive), "platform")
    registered = CAMERA_PROJECT.replace(
        "type: ordinary}", "type: ordinary}, {name: adres, category: contact, type: ordinary, source: base_register}"
    )
    assert "SE-RE-12" in _asked(_check(kb, registered), "platform")
    consent = CAMERA_PROJECT.replace(
        "collection: {methods: [camera]", "legal_basis: {ground: consent}\n    collection: {methods: [camera]"
    )
    assert "SE-TP-09" in _asked(_check(kb, consent), "platform")
    # counting on the device: asked of a camera, not of one whose every processing needs individual observations
    assert "SE-MN-02" in _asked(_check(kb, CAMERA_PROJECT), "camera")
    enforcing = CAMERA_PROJECT.replace(
        "collection: {methods: [camera]",
        "minimisation: {needs_individual_data: true, needs_individual_data_reason: Een overtreding geldt per voertuig.}\n    collection: {methods: [camera]",
    )
    assert "SE-MN-02" not in _asked(_check(kb, enforcing), "camera")


def test_hosting_fit(kb: KnowledgeBase) -> None:
    """SE-HO-07 certified hosting fits external hosting only: an on-premise back office is not asked."""
    text = CAMERA_PROJECT.replace("{id: platform, type: saas", "{id: platform, type: back_office").replace(
        "hosting: {model: saas, country: NL}, capabilities: []}\n  - {id: app",
        "hosting: {model: on_premise}, capabilities: []}\n  - {id: app",
    )
    a = _check(kb, text)
    assert "SE-HO-07" not in _asked(a, "platform")
    assert "SE-HO-07" in _asked(_check(kb, CAMERA_PROJECT), "platform")


# ---------------------------------------------------------------------------------------------
# evidence levels (SE-RE-06 erasure per person: high, law, verified by demo or test)


def _verdict(kb: KnowledgeBase, rule: str, system: dict[str, Any], today: dt.date = TODAY) -> tuple[str, str, str]:
    v = judge(kb.system_requirements[rule], system, 0, today)
    return (v.status.value, v.gate.value, "/".join(str(p) for p in v.path))


CAP = "erasure_per_subject"


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ({"capabilities": [CAP], "capability_evidence": {CAP: {"level": "claimed"}}}, "open"),
        ({"capabilities": [CAP]}, "open"),  # listed without evidence, assessed absent: a claim
        ({"capabilities": [CAP], "assessed": False}, "open"),
        ({"capabilities": [CAP], "capability_evidence": {CAP: {"level": "claimed", "how": "test"}}}, "open"),
    ],
)
def test_a_claim_is_never_met(kb: KnowledgeBase, system: dict[str, object], expected: str) -> None:
    status, gate, _ = _verdict(kb, "SE-RE-06", system)
    assert (status, gate) == (expected, "aanbesteding")


def test_each_evidence_level(kb: KnowledgeBase) -> None:
    ev = "systems/0/capability_evidence/" + CAP
    caps = "systems/0/capabilities"

    def with_(level: str, how: str | None = None) -> dict[str, object]:
        entry: dict[str, object] = {"level": level, "date": "2026-06-01"}
        if how:
            entry["how"] = how
        return {"capabilities": [CAP], "capability_evidence": {CAP: entry}}

    assert _verdict(kb, "SE-RE-06", with_("claimed")) == ("open", "aanbesteding", ev)
    # contracted, but a high requirement that must be seen working: fine for the tender, check before going live
    assert _verdict(kb, "SE-RE-06", with_("contracted", "document")) == ("open", "realisatie", ev)
    assert _verdict(kb, "SE-RE-06", with_("verified", "demo")) == ("met", "aanbesteding", ev)
    assert _verdict(kb, "SE-RE-06", with_("verified", "audit")) == ("met", "aanbesteding", ev)
    # a document shows less than the demonstration or test this requirement asks
    assert _verdict(kb, "SE-RE-06", with_("verified", "document")) == ("open", "aanbesteding", ev)
    assert _verdict(kb, "SE-RE-06", {"capabilities": [CAP], "assessed": True}) == ("met", "aanbesteding", caps)
    assert _verdict(kb, "SE-RE-06", {"capabilities": ["tls_transport"]}) == ("gap", "aanbesteding", caps)
    assert _verdict(kb, "SE-RE-06", {}) == ("open", "aanbesteding", caps)
    # a contract clause meets a requirement that accepts one, and any below high severity
    incident: dict[str, Any] = {"capabilities": ["incident_notification_24h"]}
    incident["capability_evidence"] = {"incident_notification_24h": {"level": "contracted"}}
    assert _verdict(kb, "SE-BV-06", incident)[0] == "met"
    flag: dict[str, Any] = {
        "capabilities": ["restriction_flag"],
        "capability_evidence": {"restriction_flag": {"level": "contracted"}},
    }
    assert kb.system_requirements["SE-RE-04"].severity.value == "medium"
    assert _verdict(kb, "SE-RE-04", flag)[0] == "met"


def test_stale_pentest_is_a_gap(kb: KnowledgeBase) -> None:
    def pentest(date: str | None) -> dict[str, object]:
        entry: dict[str, object] = {"level": "verified", "how": "test"}
        if date:
            entry["date"] = date
        return {"capabilities": ["pentest_report"], "capability_evidence": {"pentest_report": entry}}

    assert _verdict(kb, "SE-BV-02", pentest("2026-06-01"))[0] == "met"
    assert _verdict(kb, "SE-BV-02", pentest("2025-11-01"))[:2] == ("gap", "realisatie")
    assert _verdict(kb, "SE-BV-02", pentest(None))[:2] == ("open", "realisatie")
    # the evaluation date decides, not the clock
    assert _verdict(kb, "SE-BV-02", pentest("2025-11-01"), today=dt.date(2026, 10, 1))[0] == "met"


def test_open_api_is_met_by_a_contracted_exit_plan_with_open_export(kb: KnowledgeBase) -> None:
    contracted = {"level": "contracted", "how": "document"}
    system: dict[str, Any] = {
        "capabilities": ["open_format_export", "exit_plan"],
        "capability_evidence": {"open_format_export": contracted, "exit_plan": contracted},
    }
    assert _verdict(kb, "SE-EX-02", system)[0] == "met"
    claimed: dict[str, Any] = {
        **system,
        "capability_evidence": {"open_format_export": {"level": "claimed"}, "exit_plan": contracted},
    }
    assert _verdict(kb, "SE-EX-02", claimed)[0] == "gap"


# ---------------------------------------------------------------------------------------------
# the positive controls


@pytest.mark.parametrize("case", ["C1-parkeersensoren.yaml", "C2-parkeervergunning.yaml"])
def test_positive_controls_have_no_blocking_systeemeis(kb: KnowledgeBase, case: str) -> None:
    a = evaluate(load_description(ROOT / "tests/calibration" / case), kb, today=TODAY)
    decision = a.decision()
    assert decision is not None and decision.gate in (Gate.AANBESTEDING, Gate.BEHEER)
    assert [(f.rule, f.target, f.status.value) for f in decision.blocking_findings] == []


def test_severities_within_the_basis_ceiling(kb: KnowledgeBase) -> None:
    over = [
        se.id
        for se in kb.system_requirements.values()
        if (se.basis.value == "guidance" and se.severity.value == "high")
        or (se.basis.value == "policy" and se.severity.value != "low")
    ]
    assert over == []


def test_status_of_a_missing_capability_names_it_in_dutch(kb: KnowledgeBase) -> None:
    v = judge(kb.system_requirements["SE-RE-06"], {"capabilities": []}, 0, TODAY)
    assert v.status is Status.GAP
    assert v.nl == "functionaliteit ontbreekt: verwijderen per persoon, ook bij ontvangers"
    assert "erasure_per_subject" not in v.nl


# ---------------------------------------------------------------------------------------------
# severity from the basis; a municipal profile may switch policy on and raise it


def test_policy_systeemeis_only_with_a_profile_which_may_raise_it(kb: KnowledgeBase, tmp_path: Path) -> None:
    from pbd.profiles import load_profile

    text = CAMERA_PROJECT.replace(
        "hosting: {model: saas, country: NL}, capabilities: []}\n  - {id: app",
        "hosting: {model: saas, country: US}, capabilities: []}\n  - {id: app",
    )
    assert kb.system_requirements["SE-HO-01"].severity.value == "low"
    assert "SE-HO-01" not in _asked(_check(kb, text), "platform")
    path = tmp_path / "gemeente.yaml"
    path.write_text(
        "id: gemeente\nversion: '1'\nenable: [SE-HO-01]\n"
        "severity: {SE-HO-01: {level: medium, reason: Raadsbesluit opslag in de EER}}\n",
        encoding="utf-8",
    )
    a = evaluate(load_text(text), kb, today=TODAY, profile=load_profile(path))
    found = [(f.rule, f.target, f.status.value, f.severity.value) for f in a.findings if f.rule == "SE-HO-01"]
    assert found == [("SE-HO-01", "platform", "gap", "medium"), ("SE-HO-01", "app", "gap", "medium")]
