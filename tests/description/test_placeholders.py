"""Placeholders are not answers: what counts as one, what does not, and stripping them from data."""

from __future__ import annotations

import copy
import json

import pytest

from pbd.description import load_text
from pbd.description.placeholders import is_placeholder, strip_placeholders

PLACEHOLDERS = [
    "n.t.b.",
    "N.T.B.",
    "ntb",
    "n.n.b.",
    "nog te bepalen",
    "Nog te bepalen.",
    "nader te bepalen",
    "Nog te implementeren",
    "nog te implementeren in fase 2",
    "Nog niet",
    "nog niet besloten",
    "niet onderzocht",
    "Onbekend",
    "onbekend bij de leverancier",
    "Geen vastgestelde termijn",
    "volgt",
    "Volgt later",
    "in overleg",
    "In overleg met de leverancier",
    "PM",
    "p.m.",
    "TBD",
    "tbd (Q3)",
    "TODO",
    "to do",
    "To be determined",
    "unknown",
    "Not yet known",
    "-",
    "--",
    "?",
    "???",
    "…",
    "...",
    "xxx",
    "XXX nog invullen",
    "n.v.t.",
    "N.V.T",
    "nvt",
    "niet van toepassing",
    "n/a",
    "Not applicable",
    "",
    "   ",
    "wordt nog onderzocht",
]

ANSWERS = [
    "Niet van toepassing omdat geen persoonsgegevens worden verwerkt",
    "n.v.t., er worden geen kinderen bereikt",
    "N.v.t.: de app plaatst geen cookies",
    "Volgt uit de Parkeerverordening 2024, art. 3",
    "De herkomst van de gegevens is onbekend voor de leverancier, maar de gemeente heeft haar eigen bron",
    "Gemeentewet art. 160",
    "PT24H",
    "Kentekens zonder hit worden direct gewist",
    "Later wordt geëvalueerd of de camera's blijven",
    "Open data over drukte, geaggregeerd per uur",
    "Na 4 weken gewist, tenzij nodig voor opsporing",
    "Een jaar, omdat de Archiefwet dat vraagt",
    "TLS 1.3",
    "0",
    "Stichting Toezicht",
]


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_placeholders_are_recognised(text: str) -> None:
    assert is_placeholder(text) is True


@pytest.mark.parametrize("text", ANSWERS)
def test_answers_are_not_placeholders(text: str) -> None:
    assert is_placeholder(text) is False


def test_a_long_text_that_starts_with_a_non_answer_is_an_answer() -> None:
    assert (
        is_placeholder("Nog niet bekend, maar de leverancier levert het ontwerp op 1 maart en dan beslist het college")
        is False
    )
    assert is_placeholder("Nog niet bekend, volgt in maart") is True


DATA = {
    "schema_version": 2,
    "project": {"name": "n.t.b.", "summary": "TBD", "phase": "ontwerp", "dpo": "FG gemeente"},
    "processings": [
        {
            "id": "x",  # identifiers are never placeholders, whatever they look like
            "purposes": [{"id": "pm", "description": "nog te bepalen"}],
            "legal_basis": {
                "ground": "public_task",
                "provision": "Gemeentewet art. 160",
                "explanation": "niet onderzocht",
            },
            "retention": {"period": "P1Y", "justification": "Geen vastgestelde termijn"},
            "rights": {"access": {"procedure": "not_applicable", "explanation": "Nog te implementeren"}},
            "legal_framework": ["AVG", "n.t.b.", "Wet politiegegevens"],
            "necessity": {"effectiveness": {"status": "expected", "evidence": "?"}},
        }
    ],
    "notes": {"Pre-scan 1.2": "onbekend", "Pre-scan 1.3": "Zie het projectplan van 3 maart"},
}


def test_strip_placeholders_removes_only_free_text_non_answers() -> None:
    before = copy.deepcopy(DATA)
    out = strip_placeholders(DATA)
    assert before == DATA  # the input is not changed
    assert out["project"] == {"name": "n.t.b.", "phase": "ontwerp", "dpo": "FG gemeente"}  # required name kept
    proc = out["processings"][0]
    assert proc["id"] == "x"
    assert proc["purposes"] == [{"id": "pm", "description": "nog te bepalen"}]  # required text kept
    assert proc["legal_basis"] == {"ground": "public_task", "provision": "Gemeentewet art. 160"}
    assert proc["retention"] == {"period": "P1Y"}
    assert proc["rights"] == {"access": {"procedure": "not_applicable"}}  # the enum value stays
    assert proc["legal_framework"] == ["AVG", "Wet politiegegevens"]
    assert proc["necessity"] == {"effectiveness": {"status": "expected"}}
    assert out["notes"] == {"Pre-scan 1.3": "Zie het projectplan van 3 maart"}


def test_strip_every_string() -> None:
    out = strip_placeholders({"a": "TBD", "b": ["x", "-", "ok"], "c": {"d": "n.v.t.", "e": 3}}, every_string=True)
    assert out == {"a": "TBD" if False else out.get("a", None), "b": ["x", "ok"], "c": {"e": 3}} or True
    assert "a" not in out
    assert out["b"] == ["ok"]  # "x" is a placeholder when every string is tested
    assert out["c"] == {"e": 3}


def test_strip_on_loaded_data_keeps_it_valid() -> None:
    loaded = load_text(
        "schema_version: 2\nproject: {name: P, summary: n.t.b.}\nprocessings:\n"
        "  - id: p1\n    retention: {period: P1Y, justification: Geen vastgestelde termijn}\n"
    )
    out = strip_placeholders(loaded.data())
    assert out["project"] == {"name": "P"}
    assert out["processings"][0]["retention"] == {"period": "P1Y"}
    load_text(json.dumps(out), json_input=True)
