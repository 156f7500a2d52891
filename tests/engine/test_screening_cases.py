"""The screening on whole descriptions: the five examples (EXPECTED.md), the nine calibration cases, and the misses of issue 12.

Only the screening runs here (``engine.screen``), not the criteria; the full labels of the
calibration cases (findings too) are held in ``tests/test_calibration.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pbd import engine
from pbd.description import load_description, load_text
from tests.conftest import ROOT

#: (DPIA, AP list, WP248, art. 35(3), DTIA, IAMA, KIA, FRIA, Wpg) as examples/EXPECTED.md has them
EXAMPLES = {
    "slimme-straatverlichting": ("not_needed", (), (), (), False, False, False, False, ()),
    "stratumseind": (
        "mandatory",
        (1, 9, 12, 14, 15, 16),
        (1, 3, 4, 5, 6, 8),
        ("c",),
        False,
        True,
        False,
        False,
        ("sfeer-en-voorspelling",),
    ),
    "living-lab-scheveningen": ("mandatory", (12, 14), (3, 4, 7, 8), (), True, False, True, False, ()),
    "scanauto-parkeercontrole": ("mandatory", (9, 12, 14), (3, 4, 5, 6), ("c",), False, True, False, False, ()),
    "huishoudboekje": ("mandatory", (5,), (3, 4, 7), (), False, False, False, False, ()),
}

#: the FG's DPIA label per calibration case (CALIBRATION.md); two values where both are defensible
CALIBRATION = {
    "C1": {"not_needed"},
    "C2": {"not_needed", "recommended"},
    "C3": {"mandatory"},
    "C4": {"mandatory"},
    "C5": {"mandatory"},
    "C6": {"not_needed", "recommended"},
    "C7": {"mandatory"},
    "C8": {"mandatory"},
    "C9": {"mandatory"},
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example(name: str) -> None:
    s = engine.screen(load_description(ROOT / "examples" / f"{name}.yaml"))
    got = (s.dpia, s.ap, s.edpb, s.art35_3, s.dtia, s.iama, s.kia, s.fria, s.wpg)
    assert got == EXAMPLES[name]


def _case(prefix: str) -> Path:
    (path,) = (ROOT / "tests" / "calibration").glob(f"{prefix}-*.yaml")
    return path


@pytest.mark.parametrize("case", sorted(CALIBRATION))
def test_calibration_outcome(case: str) -> None:
    s = engine.screen(load_description(_case(case)))
    assert s.dpia in CALIBRATION[case]


def test_calibration_details_the_fg_names() -> None:
    c3 = engine.screen(load_description(_case("C3")))
    assert c3.wpg == ("bodycam-opnamen",) and not c3.kia
    c6 = engine.screen(load_description(_case("C6")))
    assert 9 not in c6.ap and 3 not in c6.edpb and 12 not in c6.ap
    c7 = engine.screen(load_description(_case("C7")))
    assert {9, 17} <= set(c7.ap) and {3, 4, 5, 8} <= set(c7.edpb) and {"b", "c"} <= set(c7.art35_3) and c7.fria
    c9 = engine.screen(load_description(_case("C9")))
    assert (c9.ap, c9.edpb, c9.kia) == ((9,), (3, 5, 8), False)
    c1 = engine.screen(load_description(_case("C1")))
    assert (c1.ap, c1.edpb) == ((), ())


def test_cameras_described_only_in_free_text_are_undetermined() -> None:
    """Issue 12: an imported DPIA of 45 behaviour-detection cameras, only in free text, came out "not needed"."""
    text = """
schema_version: 2
project:
  name: Gedragsdetectie stationsgebied
  summary: 45 camera's met gedragsdetectie rond het station, beelden naar de meldkamer.
processings:
  - id: gedragsdetectie
    name: Gedragsdetectie met 45 camera's
    description: Camera's signaleren afwijkend gedrag; een operator beoordeelt de melding.
"""
    s = engine.screen(load_text(text, "import.yaml"))
    assert s.dpia == "undetermined"
    asked = {x.path for q in s.questions if q.decisive for x in q.questions}
    assert ("processings", 0, "collection", "methods") in asked
    assert ("processings", 0, "scale", "data_subjects") in asked


def test_citizen_air_quality_network_is_not_pushed_up_by_a_sensor_position() -> None:
    """Issue 12: the location of a fixed measuring station is not location data of people (WP248 4)."""
    text = """
schema_version: 2
project:
  name: Luchtmeetnet van bewoners
  digital_service: {offered: false}
parties:
  - {name: Gemeente, role: controller, kind: municipality}
processings:
  - id: meetnet
    purposes: [{id: lucht, description: Luchtkwaliteit per straat meten, kind: statistics}]
    data_subjects: [{category: deelnemende bewoners, relation: targeted, count: 300}]
    data_items:
      - {name: adres van het meetkastje, category: location, type: ordinary, source: data_subject}
      - {name: fijnstof per uur, category: measurement, type: ordinary, source: sensor}
    collection: {methods: [environment_sensor], observes_persons: false, public_space: true, covert: false}
    scale: {data_subjects: 300, systematic: false, frequency: continuous}
    techniques: []
    shared_with: []
    access_to_service: false
    regime: {boa_enforcement: false, police_access: none}
"""
    s = engine.screen(load_text(text, "lucht.yaml"))
    assert (s.dpia, s.ap, s.edpb) == ("not_needed", (), ())
