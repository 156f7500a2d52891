"""The screening's outcome: mandatory, unless argued, recommended, not needed, undetermined — never "not needed" on missing answers."""

from __future__ import annotations

from typing import Any

import pytest

from pbd.description import load_text
from pbd.engine import screen as engine_screen
from pbd.engine.screening import screen
from tests.engine.test_screening_kit import DELETE, description, screening

CAMERA = {"collection": {"methods": ["camera"], "public_space": True}, "scale": {"systematic": True}}


def open_paths(s: Any) -> list[tuple[str, tuple[Any, ...]]]:
    return [(q.rule, x.path) for q in s.questions if q.decisive for x in q.questions]


def test_empty_description_is_undetermined_with_the_deciding_question() -> None:
    s = screen({"project": {"name": "Leeg"}})
    assert s.dpia == "undetermined"
    assert open_paths(s) == [("PROCESSINGS", ("processings",))]


def test_project_block_only_is_undetermined() -> None:
    loaded = load_text("schema_version: 2\nproject:\n  name: Alleen het project\n  phase: idee\n", "p.yaml")
    s = engine_screen(loaded)
    assert s.dpia == "undetermined"
    assert s.questions[0].rule == "PROCESSINGS" and s.questions[0].decisive


def test_a_processing_with_only_a_name_is_undetermined_and_asks() -> None:
    s = screen({"project": {"name": "x"}, "processings": [{"id": "p", "name": "Camera's bij het station"}]})
    assert s.dpia == "undetermined"
    asked = {path for _, path in open_paths(s)}
    assert ("processings", 0, "personal_data") in asked
    assert ("processings", 0, "collection", "methods") in asked
    assert ("processings", 0, "scale", "data_subjects") in asked


def test_fully_answered_low_risk_is_not_needed() -> None:
    s = screening()
    assert (s.dpia, s.ap, s.edpb, s.art35_3, s.questions) == ("not_needed", (), (), (), ())


def test_one_wp248_criterion_is_recommended() -> None:
    s = screening({"scale": {"data_subjects": 25000}})
    assert (s.dpia, s.edpb) == ("recommended", (5,))


def test_two_wp248_criteria_are_mandatory_unless_argued() -> None:
    # scoring people is systematic evaluation: that is AP 15, so this one is plainly mandatory
    s = screening({"scale": {"data_subjects": 25000}, "techniques": ["scoring"]})
    assert (s.dpia, s.ap, s.edpb) == ("mandatory", (15,), (1, 5))
    s = screening({"scale": {"data_subjects": 25000}, "access_to_service": True})
    assert (s.dpia, s.ap, s.edpb, s.argued) == ("mandatory_unless_argued", (), (5, 9), None)


def test_the_controllers_recorded_reason_is_shown_not_obeyed() -> None:
    reason = "De gegevens blijven bij de gemeente en de dienst is op verzoek van de bewoner; het risico is laag."
    s = screening(
        {"scale": {"data_subjects": 25000}, "access_to_service": True}, project={"dpia": {"not_needed_reason": reason}}
    )
    assert (s.dpia, s.argued, s.view()["argued"]) == ("mandatory_unless_argued", reason, True)
    placeholder = screening(
        {"scale": {"data_subjects": 25000}, "access_to_service": True},
        project={"dpia": {"not_needed_reason": "n.t.b."}},
    )
    assert placeholder.argued is None


def test_one_ap_type_is_mandatory() -> None:
    s = screening(CAMERA)
    assert s.dpia == "mandatory" and 9 in s.ap


def test_an_unknown_count_is_not_read_as_small() -> None:
    s = screening(
        {"scale": {"data_subjects": DELETE}, "data_subjects": [{"category": "bewoners", "relation": "targeted"}]}
    )
    assert s.dpia == "undetermined"
    assert ("WP248-5", ("processings", 0, "scale", "data_subjects")) in open_paths(s)


def test_personal_data_false_without_reason_is_a_claim_and_undetermined() -> None:
    s = screening(
        {
            "personal_data": False,
            "data_items": [{"name": "bezetting", "category": "measurement", "type": "ordinary", "source": "sensor"}],
            "data_subjects": DELETE,
        }
    )
    assert s.dpia == "undetermined"
    assert [(c.path, c.decisive) for c in s.claims] == [(("processings", 0, "personal_data"), True)]


def test_personal_data_false_with_a_reason_is_not_needed() -> None:
    s = screening(
        {
            "personal_data": False,
            "personal_data_reason": "De sensor meldt alleen bezet of vrij; hij kan auto's niet van elkaar onderscheiden.",
            "data_items": [{"name": "bezetting", "category": "measurement", "type": "ordinary", "source": "sensor"}],
            "data_subjects": DELETE,
            "collection": {"methods": ["presence_sensor"], "observes_persons": False, "public_space": True},
            "scale": {"systematic": DELETE, "data_subjects": DELETE, "frequency": "continuous"},
        }
    )
    assert (s.dpia, s.ap, s.edpb, s.claims) == ("not_needed", (), (), ())


def test_hashed_identifiers_are_personal_data_whatever_personal_data_says() -> None:
    s = screening(
        {
            "personal_data": False,
            "personal_data_reason": "MAC-adressen worden gehasht.",
            "data_items": [
                {
                    "name": "mac",
                    "category": "device_identifier",
                    "type": "ordinary",
                    "source": "sensor",
                    "form": "hashed",
                }
            ],
            "collection": {"methods": ["wifi_sensor"], "public_space": True},
            "scale": {"systematic": True, "data_subjects": 50000},
        }
    )
    assert s.dpia == "mandatory" and 12 in s.ap and 14 in s.ap
    assert [c.path for c in s.claims] == [("processings", 0, "personal_data")]


def test_verified_transient_edge_processing_keeps_a_smart_traffic_light_out_of_a_dpia() -> None:
    edge = {
        "transient": True,
        "retention_seconds": 2,
        "output": "counts",
        "verified_by": "Informatiebeveiliging gemeente",
        "verification": "test",
    }
    proc = {
        "collection": {"methods": ["camera"], "public_space": True},
        "techniques": ["ai"],
        "edge": edge,
        "scale": {"systematic": False, "data_subjects": 80000, "frequency": "continuous"},
        "data_subjects": [
            {"category": "weggebruikers", "relation": "targeted"},
            {"category": "voorbijgangers", "relation": "incidental", "minors": "possible"},
        ],
        "data_items": [
            {"name": "telling per richting", "category": "measurement", "type": "ordinary", "source": "derived"}
        ],
        "personal_data": DELETE,
    }
    assert screening(proc).dpia == "not_needed"
    unverified = screening({**proc, "edge": {**edge, "verification": "none"}})
    assert unverified.dpia != "not_needed"
    assert [c.path for c in unverified.claims] == [("processings", 0, "edge")]


def test_wpg_regime_gives_the_4c_duty_and_keeps_avg_hits_for_comparison() -> None:
    s = screening(
        {"regime": {"boa_enforcement": True}, "collection": {"methods": ["body_camera"]}, "scale": {"systematic": True}}
    )
    assert (s.dpia, s.wpg) == ("mandatory", ("p",))
    assert [h.rule for h in s.hits][:1] == ["WPG-4c"]
    assert 10 in s.ap


def test_declared_ticks_are_compared_and_never_become_facts() -> None:
    s = screening(
        {"scale": {"data_subjects": 25000}},
        project={"screening_declared": {"source": "invulhulp", "ap": [9], "wp248": [5]}},
    )
    assert (s.dpia, s.ap, s.edpb) == ("recommended", (), (5,))
    got = {(d.framework, d.item): (d.declared, d.derived, d.agrees) for d in s.declared}
    assert got == {("AP", 9): (True, "no", False), ("EDPB", 5): (True, "yes", True)}
    ap9 = next(d for d in s.declared if d.item == 9)
    assert "p: camera=no" in ap9.reason_en and "p: camera=no" in ap9.reason_nl
    assert s.declared_source == "invulhulp" and s.view()["declared_differs"] == ["AP 9"]


def test_derived_but_not_ticked_is_reported() -> None:
    s = screening(CAMERA, project={"screening_declared": {"source": "officer", "ap": [], "wp248": []}})
    nine = next(d for d in s.declared if d.framework == "AP" and d.item == 9)
    assert (nine.declared, nine.derived, nine.agrees) == (False, "yes", False)
    assert "camera" in nine.reason_en


def test_view_keeps_the_v1_keys_and_adds_the_new_ones() -> None:
    view = screening(CAMERA).view()
    assert {"dpia", "ap", "edpb", "art35_3", "dtia", "iama", "kia"} <= set(view)
    assert {"fria", "wpg", "undetermined", "declared_differs", "claims", "argued"} <= set(view)


def test_supplier_headquarters_abroad_is_a_note_not_a_transfer() -> None:
    desc = description()
    desc["parties"] = [*desc["parties"], {"name": "Cloud Inc.", "role": "processor", "headquarters_country": "US"}]
    s = screen(desc)
    assert not s.dtia and s.dpia == "not_needed"
    assert [n.paths for n in s.notes] == [(("parties", 5, "headquarters_country"),)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_as_dict_is_json_with_paths(lang: str) -> None:
    import json

    doc = screening(CAMERA).as_dict(lang)
    json.dumps(doc)
    ap9 = next(r for r in doc["reasons"] if r["framework"] == "AP" and r["item"] == "9")
    assert {"fact": "camera", "value": "yes", "paths": ["$.processings[0].collection.methods"]} in ap9["facts"]
