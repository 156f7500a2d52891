"""Every screening rule, one case at a time: it fires on the facts its source names, and not on the near misses.

Written from the primary texts (AP list, Stcrt. 2019, 64418, with each type's own scale condition;
WP248 rev.01; AVG art. 35(3) and 44–49; AI Act art. 5 and 27; Wpg art. 4c), not from the examples.
Each case starts from ``BASE`` (a fully answered contact form: nothing fires) and changes only what
the rule is about.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from pbd.engine.facts import Tri, processing_facts
from pbd.engine.screening_rules import RULES, Framework, rule
from tests.engine.test_screening_kit import DELETE, description, run, screening

YES, NO, UNKNOWN = Tri.YES, Tri.NO, Tri.UNKNOWN
LARGE: dict[str, Any] = {"scale": {"data_subjects": 20000}}
SYSTEMATIC: dict[str, Any] = {"scale": {"systematic": True}}
BOTH: dict[str, Any] = {"scale": {"data_subjects": 20000, "systematic": True}}


def items(*specs: tuple[str, str, str]) -> list[dict[str, Any]]:
    return [{"name": f"item{i}", "category": c, "type": t, "source": s} for i, (c, t, s) in enumerate(specs)]


def with_(*parts: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for p in parts:
        for k, v in p.items():
            out[k] = {**out[k], **v} if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


CASES: list[tuple[str, str, dict[str, Any], Tri]] = [
    # --- AP 1 heimelijk onderzoek: covert, and large-scale and/or systematic ------------------------------
    ("ap1-covert-systematic", "AP-1", with_({"collection": {"covert": True}}, SYSTEMATIC), YES),
    ("ap1-covert-but-small-occasional", "AP-1", {"collection": {"covert": True}}, NO),
    ("ap1-open-and-large", "AP-1", with_({"collection": {"covert": False}}, BOTH), NO),
    # --- AP 2 zwarte lijsten: criminal / unlawful-behaviour / bad-payment data shared with third parties --
    (
        "ap2-criminal-shared",
        "AP-2",
        {"data_items": items(("criminal", "criminal", "third_party")), "shared_with": ["Derde"]},
        YES,
    ),
    (
        "ap2-bad-payment-shared",
        "AP-2",
        {
            "data_items": [
                {
                    "name": "wanbetaling",
                    "category": "financial",
                    "type": "sensitive",
                    "source": "municipality",
                    "conduct": "bad_payment",
                }
            ],
            "shared_with": ["Partner"],
        },
        YES,
    ),
    ("ap2-criminal-kept-inside", "AP-2", {"data_items": items(("criminal", "criminal", "municipality"))}, NO),
    # a watch list another party supplies (the police) is exchanged between parties as much as one handed out
    ("ap2-list-supplied-by-another-party", "AP-2", {"data_items": items(("criminal", "criminal", "third_party"))}, YES),
    (
        "ap2-criminal-to-processor-only",
        "AP-2",
        {"data_items": items(("criminal", "criminal", "municipality")), "shared_with": ["Leverancier"]},
        NO,
    ),
    ("ap2-ordinary-shared", "AP-2", {"shared_with": ["Derde"]}, NO),
    # --- AP 3 fraudebestrijding: the purpose kind, not the word -----------------------------------------
    (
        "ap3-fraud-kind-without-the-word",
        "AP-3",
        with_(
            {
                "purposes": [
                    {"id": "c", "description": "Rechtmatigheid van uitkeringen controleren.", "kind": "fraud_control"}
                ]
            },
            LARGE,
        ),
        YES,
    ),
    (
        "ap3-word-fraude-but-service",
        "AP-3",
        with_(
            {"purposes": [{"id": "c", "description": "Voorlichting over fraude met bankpassen.", "kind": "service"}]},
            LARGE,
        ),
        NO,
    ),
    (
        "ap3-fraud-kind-small-not-systematic",
        "AP-3",
        {"purposes": [{"id": "c", "description": "x", "kind": "fraud_control"}]},
        NO,
    ),
    # --- AP 4 creditscores: creditworthiness, not an address-fraud signal -------------------------------
    (
        "ap4-credit-score",
        "AP-4",
        with_(
            {
                "techniques": ["scoring"],
                "algorithm": {"assesses": "creditworthiness"},
                "data_items": items(("financial", "sensitive", "third_party")),
            },
            LARGE,
        ),
        YES,
    ),
    (
        "ap4-address-fraud-signal",
        "AP-4",
        with_(
            {
                "purposes": [{"id": "c", "description": "Adresfraude signaleren.", "kind": "fraud_control"}],
                "techniques": ["scoring"],
                "algorithm": {"assesses": "fraud_risk"},
                "data_items": items(
                    ("financial", "sensitive", "municipality"), ("household", "ordinary", "base_register")
                ),
            },
            LARGE,
        ),
        NO,
    ),
    # --- AP 5 financiële situatie ------------------------------------------------------------------------
    ("ap5-income-large", "AP-5", with_({"data_items": items(("financial", "sensitive", "third_party"))}, LARGE), YES),
    (
        "ap5-income-systematic-small",
        "AP-5",
        with_({"data_items": items(("financial", "sensitive", "third_party"))}, SYSTEMATIC),
        YES,
    ),
    (
        "ap5-parking-fine-amount",
        "AP-5",
        with_({"data_items": items(("financial", "ordinary", "municipality"))}, LARGE),
        NO,
    ),
    ("ap5-income-small-once", "AP-5", {"data_items": items(("financial", "sensitive", "third_party"))}, NO),
    # a payment provider's token and status for a parking session, typed ordinary: what was paid, not how one stands
    (
        "ap5-payment-status-from-a-provider",
        "AP-5",
        with_({"data_items": items(("financial", "ordinary", "third_party"))}, LARGE),
        NO,
    ),
    # searching the municipality's own income files for a new purpose tests every person in them: systematic
    (
        "ap5-selection-from-income-files",
        "AP-5",
        {
            "data_items": items(("financial", "sensitive", "municipality")),
            "purposes": [{"id": "d", "description": "Uitnodigen.", "kind": "service", "further_processing": True}],
        },
        YES,
    ),
    (
        "ap5-income-file-used-for-its-own-purpose",
        "AP-5",
        {
            "data_items": items(("financial", "sensitive", "municipality")),
            "purposes": [{"id": "d", "description": "Uitkeren.", "kind": "service", "further_processing": False}],
        },
        NO,
    ),
    # --- AP 6 genetisch ----------------------------------------------------------------------------------
    (
        "ap6-genetic",
        "AP-6",
        with_(
            {
                "data_items": [
                    {
                        "name": "dna",
                        "category": "health",
                        "type": "special",
                        "special_category": "genetic",
                        "source": "data_subject",
                    }
                ]
            },
            SYSTEMATIC,
        ),
        YES,
    ),
    (
        "ap6-health-not-genetic",
        "AP-6",
        with_(
            {
                "data_items": [
                    {
                        "name": "zorg",
                        "category": "health",
                        "type": "special",
                        "special_category": "health",
                        "source": "data_subject",
                    }
                ]
            },
            SYSTEMATIC,
        ),
        NO,
    ),
    # --- AP 7 gezondheid: large scale only (individual care providers are exempt) -------------------------
    ("ap7-health-large", "AP-7", with_({"data_items": items(("health", "special", "data_subject"))}, LARGE), YES),
    (
        "ap7-health-systematic-small",
        "AP-7",
        with_({"data_items": items(("health", "special", "data_subject"))}, SYSTEMATIC),
        NO,
    ),
    # --- AP 8 samenwerkingsverbanden ---------------------------------------------------------------------
    (
        "ap8-sensitive-to-partner",
        "AP-8",
        {"data_items": items(("household", "sensitive", "municipality")), "shared_with": ["Partner"]},
        YES,
    ),
    (
        "ap8-sensitive-to-processor",
        "AP-8",
        {"data_items": items(("household", "sensitive", "municipality")), "shared_with": ["Leverancier"]},
        NO,
    ),
    ("ap8-ordinary-to-partner", "AP-8", {"shared_with": ["Partner"]}, NO),
    (
        "ap8-unlisted-party-is-a-question",
        "AP-8",
        {"data_items": items(("health", "special", "municipality")), "shared_with": ["Onbekende stichting"]},
        UNKNOWN,
    ),
    # --- AP 9 cameratoezicht -----------------------------------------------------------------------------
    (
        "ap9-cameras-public-space",
        "AP-9",
        with_(
            {
                "collection": {"methods": ["camera"], "public_space": True},
                "data_items": items(("image", "ordinary", "camera")),
            },
            SYSTEMATIC,
        ),
        YES,
    ),
    (
        "ap9-drone",
        "AP-9",
        with_(
            {
                "collection": {"methods": ["drone"], "public_space": True},
                "data_items": items(("image", "ordinary", "camera")),
            },
            LARGE,
        ),
        YES,
    ),
    (
        "ap9-residents-photos-in-a-reporting-app",
        "AP-9",
        with_(
            {
                "collection": {"methods": ["app"], "public_space": True},
                "data_items": items(("image", "ordinary", "data_subject")),
            },
            LARGE,
        ),
        NO,
    ),
    (
        "ap9-camera-indoors",
        "AP-9",
        with_({"collection": {"methods": ["camera"], "public_space": False}}, SYSTEMATIC),
        NO,
    ),
    # --- AP 10 flexibel cameratoezicht ---------------------------------------------------------------------
    ("ap10-bodycams", "AP-10", with_({"collection": {"methods": ["body_camera"]}}, SYSTEMATIC), YES),
    ("ap10-bodycam-small-occasional", "AP-10", {"collection": {"methods": ["body_camera"]}}, NO),
    # --- AP 11 controle werknemers -----------------------------------------------------------------------
    (
        "ap11-gps-employees",
        "AP-11",
        with_(
            {
                "collection": {"methods": ["gps_tracker"]},
                "data_subjects": [{"category": "medewerkers", "relation": "targeted", "employees": True, "count": 150}],
            },
            SYSTEMATIC,
        ),
        YES,
    ),
    (
        "ap11-employees-only-incidental",
        "AP-11",
        with_(
            {
                "collection": {"methods": ["camera"], "public_space": True},
                "data_subjects": [
                    {"category": "bezoekers", "relation": "targeted", "count": 500},
                    {"category": "personeel", "relation": "incidental", "employees": True},
                ],
            },
            SYSTEMATIC,
        ),
        NO,
    ),
    # --- AP 12 locatiegegevens ---------------------------------------------------------------------------
    ("ap12-gps", "AP-12", with_({"collection": {"methods": ["gps_tracker"]}}, SYSTEMATIC), YES),
    (
        "ap12-wifi-tracking",
        "AP-12",
        with_({"collection": {"methods": ["wifi_sensor"], "public_space": True}}, LARGE),
        YES,
    ),
    (
        "ap12-spot-of-a-report",
        "AP-12",
        with_(
            {"collection": {"methods": ["app"]}, "data_items": items(("location", "ordinary", "data_subject"))}, LARGE
        ),
        NO,
    ),
    # --- AP 13 communicatiegegevens: never location --------------------------------------------------------
    (
        "ap13-communication",
        "AP-13",
        with_({"data_items": items(("communication", "sensitive", "data_subject"))}, LARGE),
        YES,
    ),
    (
        "ap13-not-for-location",
        "AP-13",
        with_(
            {"collection": {"methods": ["gps_tracker"]}, "data_items": items(("location", "sensitive", "sensor"))}, BOTH
        ),
        NO,
    ),
    # --- AP 14 internet of things ------------------------------------------------------------------------
    (
        "ap14-rfid",
        "AP-14",
        with_(
            {"collection": {"methods": ["rfid"]}, "data_items": items(("device_identifier", "ordinary", "sensor"))},
            SYSTEMATIC,
        ),
        YES,
    ),
    (
        "ap14-card-reader",
        "AP-14",
        with_(
            {"collection": {"methods": ["card_reader"]}, "data_items": items(("identity", "ordinary", "sensor"))}, LARGE
        ),
        YES,
    ),
    (
        "ap14-connected-container",
        "AP-14",
        with_(
            {
                "collection": {"methods": ["connected_container"]},
                "data_items": items(("identity", "ordinary", "sensor")),
            },
            LARGE,
        ),
        YES,
    ),
    ("ap14-smart-meter", "AP-14", with_({"collection": {"methods": ["smart_meter"]}}, SYSTEMATIC), YES),
    (
        "ap14-presence-sensor-detects-objects",
        "AP-14",
        with_({"collection": {"methods": ["presence_sensor"], "observes_persons": False}}, LARGE),
        NO,
    ),
    ("ap14-form", "AP-14", BOTH, NO),
    # --- AP 15 profilering -------------------------------------------------------------------------------
    ("ap15-profiling", "AP-15", with_({"techniques": ["profiling"]}, LARGE), YES),
    ("ap15-no-evaluation", "AP-15", with_({"techniques": ["matching"]}, BOTH), NO),
    # --- AP 16 observatie en beïnvloeding van gedrag: large scale only ------------------------------------
    ("ap16-nudging-large", "AP-16", with_({"techniques": ["behaviour_influencing"]}, LARGE), YES),
    ("ap16-nudging-small-systematic", "AP-16", with_({"techniques": ["behaviour_influencing"]}, SYSTEMATIC), NO),
    (
        "ap16-sensed-behaviour-large",
        "AP-16",
        with_(
            {
                "collection": {"methods": ["camera"], "public_space": True},
                "data_items": items(("behaviour", "ordinary", "derived")),
            },
            LARGE,
        ),
        YES,
    ),
    # --- AP 17 biometrie ---------------------------------------------------------------------------------
    (
        "ap17-face-recognition",
        "AP-17",
        with_({"collection": {"methods": ["camera"]}, "techniques": ["biometric_identification"]}, SYSTEMATIC),
        YES,
    ),
    (
        "ap17-camera-without-recognition",
        "AP-17",
        with_({"collection": {"methods": ["camera"], "sensors": {"facial_recognition": False}}}, BOTH),
        NO,
    ),
    # --- WP248 1-9 ---------------------------------------------------------------------------------------
    ("wp1-scoring", "WP248-1", {"techniques": ["scoring"]}, YES),
    ("wp1-none", "WP248-1", {"techniques": ["cloud"]}, NO),
    (
        "wp2-automated-significant",
        "WP248-2",
        {"techniques": ["automated_decision"], "algorithm": {"significant_effect": True}},
        YES,
    ),
    (
        "wp2-automated-not-significant",
        "WP248-2",
        {"techniques": ["automated_decision"], "algorithm": {"significant_effect": False}},
        NO,
    ),
    (
        "wp2-significance-unanswered",
        "WP248-2",
        {"techniques": ["automated_decision"], "algorithm": {"human_intervention": True}},
        UNKNOWN,
    ),
    ("wp3-systematic", "WP248-3", SYSTEMATIC, YES),
    (
        "wp3-sensor-that-observes-no-person",
        "WP248-3",
        {
            "collection": {"methods": ["presence_sensor"], "public_space": True, "observes_persons": False},
            "scale": {"frequency": "continuous", "systematic": DELETE},
        },
        NO,
    ),
    (
        "wp3-continuous-cameras-in-public-space",
        "WP248-3",
        {
            "collection": {"methods": ["camera"], "public_space": True},
            "scale": {"frequency": "continuous", "systematic": DELETE},
        },
        YES,
    ),
    (
        "wp3-explicit-no-wins",
        "WP248-3",
        {
            "collection": {"methods": ["camera"], "public_space": True},
            "scale": {"frequency": "continuous", "systematic": False},
        },
        NO,
    ),
    ("wp4-special", "WP248-4", {"data_items": items(("health", "special", "data_subject"))}, YES),
    ("wp4-location-of-people", "WP248-4", {"collection": {"methods": ["gps_tracker"]}}, YES),
    ("wp4-bsn-alone", "WP248-4", {"data_items": items(("national_id", "national_id", "data_subject"))}, NO),
    (
        "wp4-position-of-a-fixed-sensor",
        "WP248-4",
        {
            "collection": {"methods": ["environment_sensor"], "observes_persons": False},
            "data_items": items(("location", "ordinary", "municipality"), ("measurement", "ordinary", "sensor")),
        },
        NO,
    ),
    ("wp5-10000", "WP248-5", {"scale": {"data_subjects": 10000}}, YES),
    ("wp5-9999", "WP248-5", {"scale": {"data_subjects": 9999}}, NO),
    (
        "wp5-count-unanswered",
        "WP248-5",
        {"scale": {"data_subjects": DELETE}, "data_subjects": [{"category": "bewoners", "relation": "targeted"}]},
        UNKNOWN,
    ),
    (
        "wp6-other-sources",
        "WP248-6",
        {
            "techniques": ["matching"],
            "data_items": items(("identity", "ordinary", "data_subject"), ("financial", "sensitive", "third_party")),
        },
        YES,
    ),
    (
        "wp6-own-data-and-base-register",
        "WP248-6",
        {
            "techniques": ["matching"],
            "data_items": items(("identity", "ordinary", "data_subject"), ("identity", "ordinary", "base_register")),
        },
        NO,
    ),
    (
        "wp7-children-targeted",
        "WP248-7",
        {"data_subjects": [{"category": "kinderen", "relation": "targeted", "minors": "yes"}]},
        YES,
    ),
    (
        "wp7-employees-targeted",
        "WP248-7",
        {"data_subjects": [{"category": "medewerkers", "relation": "targeted", "employees": True}]},
        YES,
    ),
    (
        "wp7-benefit-recipients",
        "WP248-7",
        {"data_subjects": [{"category": "bijstandsgerechtigden", "relation": "targeted", "vulnerable": True}]},
        YES,
    ),
    (
        "wp7-passers-by-who-may-be-children",
        "WP248-7",
        {
            "data_subjects": [
                {"category": "weggebruikers", "relation": "targeted", "minors": "possible"},
                {"category": "voorbijgangers", "relation": "incidental", "minors": "yes", "vulnerable": True},
            ]
        },
        NO,
    ),
    (
        "wp7-relation-unanswered",
        "WP248-7",
        {"data_subjects": [{"category": "bewoners"}, {"category": "kinderen", "minors": "yes"}]},
        UNKNOWN,
    ),
    ("wp8-new-technology", "WP248-8", {"techniques": ["new_technology"]}, YES),
    ("wp8-drone", "WP248-8", {"collection": {"methods": ["drone"]}}, YES),
    (
        "wp8-standard-on-device-detector",
        "WP248-8",
        {"techniques": ["ai"], "edge": {"transient": True, "retention_seconds": 1, "output": "counts"}},
        NO,
    ),
    ("wp9-access-to-service", "WP248-9", {"access_to_service": True}, YES),
    ("wp9-no", "WP248-9", {"access_to_service": False}, NO),
    (
        "wp9-requested-service-without-screening",
        "WP248-9",
        {"access_to_service": DELETE, "purposes": [{"id": "v", "description": "x", "kind": "service"}]},
        NO,
    ),
    (
        "wp9-service-with-scoring-is-a-question",
        "WP248-9",
        {
            "access_to_service": DELETE,
            "purposes": [{"id": "v", "description": "x", "kind": "service"}],
            "techniques": ["scoring"],
        },
        UNKNOWN,
    ),
    # --- art. 35(3) ----------------------------------------------------------------------------------------
    (
        "a-scoring-with-similarly-significant-effect",
        "ART35-3a",
        {"techniques": ["profiling"], "algorithm": {"significant_effect": True}},
        YES,
    ),
    (
        "a-scoring-without-effect",
        "ART35-3a",
        {"techniques": ["profiling"], "algorithm": {"significant_effect": False}},
        NO,
    ),
    ("b-special-large", "ART35-3b", with_({"data_items": items(("health", "special", "data_subject"))}, LARGE), YES),
    ("b-special-small", "ART35-3b", {"data_items": items(("health", "special", "data_subject"))}, NO),
    (
        "c-public-space-systematic-large",
        "ART35-3c",
        with_({"collection": {"methods": ["camera"], "public_space": True}}, BOTH),
        YES,
    ),
    ("c-not-public", "ART35-3c", with_({"collection": {"methods": ["camera"], "public_space": False}}, BOTH), NO),
    # --- Wpg, transfers, AI, children -----------------------------------------------------------------------
    ("wpg-boa-enforcement", "WPG-4c", {"regime": {"boa_enforcement": True}}, YES),
    ("wpg-police-live-viewing", "WPG-4c", {"regime": {"police_access": "live_viewing"}}, YES),
    ("wpg-police-on-request", "WPG-4c", {"regime": {"boa_enforcement": False, "police_access": "on_request"}}, NO),
    (
        "dtia-scc-without-tia",
        "DTIA",
        {"transfers": [{"country": "US", "recipient": "X", "mechanism": "scc", "tia_done": False}]},
        YES,
    ),
    ("dtia-bcr-needs-a-tia-too", "DTIA", {"transfers": [{"country": "IN", "recipient": "X", "mechanism": "bcr"}]}, YES),
    (
        "dtia-scc-with-tia",
        "DTIA",
        {"transfers": [{"country": "US", "recipient": "X", "mechanism": "scc", "tia_done": True}]},
        NO,
    ),
    (
        "dtia-dpf-certified",
        "DTIA",
        {"transfers": [{"country": "US", "recipient": "X", "mechanism": "adequacy", "recipient_certified_dpf": True}]},
        NO,
    ),
    (
        "dtia-dpf-not-certified",
        "DTIA",
        {"transfers": [{"country": "US", "recipient": "X", "mechanism": "adequacy", "recipient_certified_dpf": False}]},
        YES,
    ),
    (
        "dtia-dpf-certification-unanswered",
        "DTIA",
        {"transfers": [{"country": "US", "recipient": "X", "mechanism": "adequacy"}]},
        UNKNOWN,
    ),
    (
        "dtia-art49-structural",
        "DTIA",
        {"transfers": [{"country": "US", "recipient": "X", "mechanism": "derogation_art49", "structural": True}]},
        YES,
    ),
    (
        "dtia-art49-incidental",
        "DTIA",
        {"transfers": [{"country": "US", "recipient": "X", "mechanism": "derogation_art49", "structural": False}]},
        NO,
    ),
    ("dtia-inside-eea", "DTIA", {"transfers": [{"country": "DE", "recipient": "X", "mechanism": "none"}]}, NO),
    ("iama-impactful", "IAMA", {"techniques": ["algorithm"], "algorithm": {"impactful": True}}, YES),
    (
        "iama-not-impactful",
        "IAMA",
        {"techniques": ["algorithm"], "algorithm": {"impactful": False, "ai_act": {"high_risk": "none"}}},
        NO,
    ),
    (
        "fria-high-risk-public-deployer",
        "FRIA",
        {
            "techniques": ["ai"],
            "algorithm": {"ai_act": {"ai_system": True, "high_risk": "annex_iii_essential_services"}},
        },
        YES,
    ),
    (
        "fria-not-high-risk",
        "FRIA",
        {"techniques": ["ai"], "algorithm": {"ai_act": {"ai_system": True, "high_risk": "none"}}},
        NO,
    ),
    ("fria-remote-biometric-identification", "FRIA", {"techniques": ["ai", "biometric_identification"]}, YES),
    (
        "aiact-emotion-recognition",
        "AIACT-5",
        {
            "techniques": ["ai"],
            "algorithm": {"ai_act": {"ai_system": True, "prohibited_practice": "emotion_recognition"}},
        },
        YES,
    ),
]

PROJECT_CASES: list[tuple[str, str, dict[str, Any], Tri]] = [
    ("kia-service-for-minors", "KIA", {"digital_service": {"offered": True, "aimed_at_minors": True}}, YES),
    ("kia-service-for-adults", "KIA", {"digital_service": {"offered": True, "aimed_at_minors": False}}, NO),
    # not answered, but every group of data subjects is said to hold no minors: no service is aimed at them
    ("kia-unanswered-no-minors", "KIA", {"digital_service": DELETE}, NO),
]


@pytest.mark.parametrize(("case", "rule_id", "proc", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rule(case: str, rule_id: str, proc: dict[str, Any], expected: Tri) -> None:
    assert run(rule_id, proc) is expected


@pytest.mark.parametrize(("case", "rule_id", "project", "expected"), PROJECT_CASES, ids=[c[0] for c in PROJECT_CASES])
def test_project_rule(case: str, rule_id: str, project: dict[str, Any], expected: Tri) -> None:
    assert run(rule_id, project=project) is expected


def test_every_rule_has_a_firing_case_and_a_near_miss() -> None:
    cases = CASES + PROJECT_CASES
    for r in RULES:
        seen = {expected for _, rid, _, expected in cases if rid == r.id}
        assert YES in seen, f"{r.id} has no case where it fires"
        assert NO in seen or r.id == "AIACT-5", f"{r.id} has no near miss"


def test_the_table_covers_every_ap_type_and_wp248_criterion() -> None:
    assert sorted(int(r.item) for r in RULES if r.framework is Framework.AP) == list(range(1, 18))
    assert sorted(int(r.item) for r in RULES if r.framework is Framework.EDPB) == list(range(1, 10))
    assert sorted(r.item for r in RULES if r.framework is Framework.ART35_3) == ["a", "b", "c"]
    assert len({r.id for r in RULES}) == len(RULES)
    for r in RULES:
        assert r.reason_nl and r.reason_en and r.name_nl and r.name_en and r.reference
    assert {r.id for r in RULES if r.mandatory} == {f"AP-{n}" for n in range(1, 18)} | {
        "ART35-3a",
        "ART35-3b",
        "ART35-3c",
        "WPG-4c",
    }


def test_no_new_legislation_rule_for_a_municipality() -> None:
    assert not any("legislation" in r.id.lower() or r.framework.value == "WETGEVING" for r in RULES)
    s = screening(project={"new_legislation": True})
    assert s.dpia == "not_needed"
    assert [n.paths for n in s.notes] == [(("project", "new_legislation"),)]


def test_label_of_35_3_a_keeps_similarly_significant() -> None:
    r = rule("ART35-3a")
    assert "vergelijkbaar wezenlijk" in r.name_nl and "similarly significantly" in r.name_en


def test_unknown_rule_id_names_it() -> None:
    with pytest.raises(KeyError, match='no such screening rule: "AP-99"'):
        rule("AP-99")


def test_a_hit_names_the_facts_and_paths_it_rests_on() -> None:
    s = screening(
        with_(
            {
                "collection": {"methods": ["camera"], "public_space": True},
                "data_items": items(("image", "ordinary", "camera")),
            },
            BOTH,
        )
    )
    hit = next(h for h in s.hits if h.framework == "AP" and h.item == "9")
    assert hit.target == "p" and hit.rule == "AP-9"
    facts = {f.name: f for f in hit.facts}
    assert facts["camera"].paths == (("processings", 0, "collection", "methods"),)
    assert facts["public_space"].paths == (("processings", 0, "collection", "public_space"),)
    assert facts["large_scale"].paths == (("processings", 0, "scale", "data_subjects"),)
    assert all(f.value == "yes" for f in hit.facts)


def test_an_undetermined_rule_asks_its_questions() -> None:
    desc = description(
        {"scale": {"data_subjects": DELETE}, "data_subjects": [{"category": "bewoners", "relation": "targeted"}]}
    )
    from pbd.engine.facts import processing_facts

    facts = processing_facts(desc["processings"][0], 0, desc)
    assert [q.path for q in rule("WP248-5").questions(facts)] == [("processings", 0, "scale", "data_subjects")]
    assert rule("WP248-1").questions(facts) == ()


def _two_processings(second_source: str, further: bool) -> dict[str, Any]:
    """A selection from the municipality's files (further use or not) and a second processing on the same group."""
    desc = description(
        {
            "data_items": items(("financial", "sensitive", "municipality")),
            "purposes": [{"id": "d", "description": "Selecteren.", "kind": "service", "further_processing": further}],
        }
    )
    second = copy.deepcopy(desc["processings"][0])
    second.update(
        id="q",
        purposes=[{"id": "e", "description": "Adviseren.", "kind": "service"}],
        data_items=[{"name": "meterstanden", "category": "measurement", "type": "ordinary", "source": second_source}],
    )
    desc["processings"].append(second)
    return desc


@pytest.mark.parametrize(
    ("second_source", "further", "expected"),
    [("third_party", True, YES), ("base_register", True, NO), ("third_party", False, NO), ("data_subject", True, NO)],
)
def test_wp248_6_across_processings(second_source: str, further: bool, expected: Tri) -> None:
    """A municipal file reused for a new purpose and another controller's data on the same group: matching, even when
    the team lists no technique and the two halves sit in two processings (WP248 6: datasets from different purposes
    or controllers). A base register or the person's own data are what a person expects."""
    desc = _two_processings(second_source, further)
    for i, proc in enumerate(desc["processings"]):
        assert rule("WP248-6").evaluate(processing_facts(proc, i, desc)).value is expected, (i, second_source)
