"""Screening facts: Kleene logic, unknown when the description does not answer, and the paths each fact rests on."""

from __future__ import annotations

import itertools

import pytest

from pbd.engine.facts import Tri, processing_facts, project_facts
from tests.engine.test_screening_kit import DELETE, description

Y, N, U = Tri.YES, Tri.NO, Tri.UNKNOWN


def facts_of(proc: dict[str, object] | None = None, **kw: object) -> dict[str, Tri]:
    desc = description(proc, **kw)  # type: ignore[arg-type]
    return {n: f.value for n, f in processing_facts(desc["processings"][0], 0, desc).facts.items()}


@pytest.mark.parametrize(("a", "b"), list(itertools.product([Y, N, U], repeat=2)))
def test_kleene(a: Tri, b: Tri) -> None:
    order = {N: 0, U: 1, Y: 2}
    assert order[a & b] == min(order[a], order[b])
    assert order[a | b] == max(order[a], order[b])
    assert ~~a is a


def test_tri_of() -> None:
    assert (Tri.of(True), Tri.of(False), Tri.of(None)) == (Y, N, U)


def test_a_bare_processing_answers_nothing() -> None:
    desc = {"project": {"name": "x"}, "processings": [{"id": "p"}]}
    f = processing_facts(desc["processings"][0], 0, desc)
    for name in ("personal_data", "observes_persons", "public_space", "large_scale", "systematic", "covert"):
        assert f[name].value is U, name
        assert f[name].questions, f"{name} asks nothing"
    assert f["large_scale"].questions[0].path == ("processings", 0, "scale", "data_subjects")


def test_large_scale_threshold_and_counts_of_groups() -> None:
    assert facts_of({"scale": {"data_subjects": 10000}})["large_scale"] is Y
    assert facts_of({"scale": {"data_subjects": 9999}})["large_scale"] is N
    groups = [
        {"category": "a", "relation": "targeted", "count": 6000},
        {"category": "b", "relation": "targeted", "count": 5000},
    ]
    assert facts_of({"scale": {"data_subjects": DELETE}, "data_subjects": groups})["large_scale"] is Y
    partly = [{"category": "a", "relation": "targeted", "count": 6000}, {"category": "b", "relation": "targeted"}]
    assert facts_of({"scale": {"data_subjects": DELETE}, "data_subjects": partly})["large_scale"] is U


def test_communication_data_is_never_location() -> None:
    f = facts_of(
        {
            "collection": {"methods": ["gps_tracker"]},
            "data_items": [{"name": "l", "category": "location", "type": "sensitive", "source": "sensor"}],
        }
    )
    assert (f["location_data"], f["communication_data"]) == (Y, N)


def test_presence_sensor_is_not_iot_of_persons_unless_it_observes_people() -> None:
    assert facts_of({"collection": {"methods": ["presence_sensor"], "observes_persons": False}})["iot"] is N
    assert facts_of({"collection": {"methods": ["presence_sensor"]}})["iot"] is U
    assert facts_of({"collection": {"methods": ["presence_sensor"], "observes_persons": True}})["iot"] is Y


def test_a_placeholder_reason_is_no_reason() -> None:
    proc = {
        "personal_data": False,
        "personal_data_reason": "n.t.b.",
        "data_items": [{"name": "m", "category": "measurement", "type": "ordinary", "source": "sensor"}],
        "data_subjects": DELETE,
    }
    assert facts_of(proc)["personal_data"] is U
    assert (
        facts_of({**proc, "personal_data_reason": "Alleen geluidsniveau in dB per minuut, zonder opname."})[
            "personal_data"
        ]
        is N
    )


def test_an_unverified_anonymisation_is_a_claim_not_a_fact() -> None:
    desc = description({"minimisation": {"anonymisation": {"method": "aggregation_at_source", "verification": "none"}}})
    f = processing_facts(desc["processings"][0], 0, desc)
    assert f["anonymised_at_source"].value is U
    assert [(c.path, c.decisive) for c in f.claims] == [(("processings", 0, "minimisation", "anonymisation"), False)]
    verified = description(
        {
            "minimisation": {
                "anonymisation": {"method": "on_device_counting", "verified_by": "CISO", "verification": "audit"}
            }
        }
    )
    g = processing_facts(verified["processings"][0], 0, verified)
    assert (g["anonymised_at_source"].value, g["personal_data"].value, g.claims) == (Y, N, ())


def test_unlisted_recipient_role_is_a_question() -> None:
    f = facts_of({"shared_with": ["Stichting X"]})
    assert f["shared_with_third_parties"] is U
    assert facts_of({"shared_with": ["Derde"]})["shared_with_third_parties"] is Y
    assert facts_of({"shared_with": ["Leverancier"]})["shared_with_third_parties"] is N


def test_project_facts() -> None:
    desc = description(project={"digital_service": {"offered": True, "aimed_at_minors": True}, "new_legislation": True})
    f = project_facts(desc)
    assert (f["service_for_minors"].value, f["new_legislation"].value) == (Y, Y)
    assert f["service_for_minors"].paths == (("project", "digital_service"),)
    # unanswered: no when every group of data subjects holds no minors, else the question
    adults = {"data_subjects": [{"category": "volwassenen", "minors": "no"}]}
    unanswered = description(adults, project={"digital_service": DELETE})
    assert project_facts(unanswered)["service_for_minors"].value is Tri.NO
    maybe = description(
        {"data_subjects": [{"category": "bezoekers", "minors": "possible"}]}, project={"digital_service": DELETE}
    )
    assert project_facts(maybe)["service_for_minors"].value is Tri.UNKNOWN
