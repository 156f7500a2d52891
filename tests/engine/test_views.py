"""The derived facts the criteria read agree with the screening on who is observed and what is personal data."""

from __future__ import annotations

from pbd import engine
from pbd.description import load_text
from pbd.engine.facts import good_design
from pbd.engine.views import processing_derived
from pbd.knowledge_base import default_knowledge_base
from pbd.vocabulary import Status
from tests.conftest import TODAY

AIR_SENSOR = {
    "id": "lucht",
    "collection": {"methods": ["environment_sensor"], "public_space": True, "observes_persons": False},
    "scale": {"frequency": "continuous"},
    "data_items": [{"name": "fijnstof per sensor", "category": "measurement", "type": "ordinary"}],
}

#: a 3D counting sensor: frames in memory for under a second, only counts leave it, checked by an audit
COUNTER = """
project: {name: Passantentelling, organisation: Gemeente Test, phase: realisatie}
processings:
  - id: tellen
    purposes: [{id: drukte, kind: public_order, description: Drukte in de winkelstraat volgen.}]
    legal_basis: {ground: public_task, provision: Gemeentewet art. 172}
    collection: {methods: [camera], public_space: true, observes_persons: true}
    scale: {frequency: continuous, data_subjects: 1500000}
    edge: {transient: true, retention_seconds: 1, output: counts, verified_by: Auditbureau Noord, verification: audit}
    data_items:
      - {name: telling per minuut, category: measurement, type: ordinary, form: aggregated, retention: P5Y}
"""


def test_a_sensor_that_observes_nobody_is_not_observing() -> None:
    d = processing_derived(AIR_SENSOR, [], [])
    assert (d["observing"], d["sensors_in_public_space"], d["systematic_monitoring"]) == (False, False, False)
    unanswered = {**AIR_SENSOR, "collection": {"methods": ["environment_sensor"], "public_space": True}}
    assert processing_derived(unanswered, [], [])["observing"] is True  # not answered: a sensor may observe


def test_verified_transient_edge_processing_is_no_personal_data_for_the_criteria_as_for_the_screening() -> None:
    loaded = load_text(COUNTER)
    proc = loaded.data()["processings"][0]
    assert good_design(proc)
    assert processing_derived(proc, [], [])["personal_data"] is False
    a = engine.check(loaded, default_knowledge_base(), engine.Options(today=TODAY))
    assert a.screening.dpia == "not_needed"
    # the five-year retention of anonymous counts and the general provision are no gaps: nothing identifies anyone
    for rule in ("OB-01", "RM-01", "RM-08"):
        assert {f.status for f in a.findings if f.rule == rule} == {Status.NOT_APPLICABLE}, rule


def test_the_same_edge_claim_without_a_check_stays_personal_data() -> None:
    unverified = COUNTER.replace(", verified_by: Auditbureau Noord, verification: audit", "")
    loaded = load_text(unverified)
    proc = loaded.data()["processings"][0]
    assert not good_design(proc)
    assert processing_derived(proc, [], [])["personal_data"] is True
    a = engine.check(loaded, default_knowledge_base(), engine.Options(today=TODAY))
    assert Status.NOT_APPLICABLE not in {f.status for f in a.findings if f.rule == "RM-08"}
