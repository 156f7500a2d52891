"""The questionnaire as form specs (pbd.web.questionnaire, no HTTP): widgets, parts, answers, list items, the panel."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pbd import engine
from pbd.description import load_description, load_text
from pbd.knowledge_base import KnowledgeBase, default_knowledge_base
from pbd.questionnaire.first_pass import in_first_pass
from pbd.web.questionnaire import (
    FIRST,
    NONE,
    AnswerError,
    Forms,
    PartError,
    add_item,
    answer,
    canonical_yaml,
    countries,
    panel,
    parse_part,
    parse_path,
    path_of,
    remove_item,
)
from tests.web.conftest import EXAMPLES, ROOT

TODAY = dt.date(2026, 12, 3)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_knowledge_base()


def _blank() -> dict[str, Any]:
    return {"schema_version": 2, "project": {"name": "Slimme lantaarnpalen"}}


def _one() -> dict[str, Any]:
    return {
        "schema_version": 2,
        "project": {"name": "Drukte meten"},
        "parties": [{"name": "Gemeente Eindhoven", "role": "controller"}, {"name": "SensorCo BV", "role": "processor"}],
        "systems": [{"id": "platform", "name": "Sensorplatform"}],
        "processings": [
            {
                "id": "tellen",
                "purposes": [{"id": "drukte", "description": "drukte meten"}],
                "data_subjects": [{"category": "bezoekers"}],
                "data_items": [{"name": "wifi-adres"}],
            }
        ],
    }


def _fields(forms: Forms, part: str) -> dict[str, Any]:
    page = forms.page(parse_part(part))
    return {f.name: f for fs in page.fieldsets for f in fs.fields}


def test_widgets_follow_the_model(kb: KnowledgeBase) -> None:
    fields = _fields(Forms(_one(), "nl", kb), "processings.0")
    covert = fields["processings.0.collection.covert"]
    assert covert.widget == "tri"
    assert covert.choices == (("yes", "Ja"), ("no", "Nee"), ("", "Weet niet (nog open)"))  # three-valued
    assert covert.value == ""  # not answered: "weet niet"
    methods = fields["processings.0.collection.methods"]
    assert methods.widget == "checkboxes"
    assert ("camera", "camera") in methods.choices or any(v == "camera" for v, _ in methods.choices)
    assert all(label and label != value for value, label in methods.choices if value == "wifi_sensor")  # Dutch labels
    assert fields["processings.0.scale.data_subjects"].widget == "number"
    assert fields["processings.0.retention.period"].widget == "duration"
    assert fields["processings.0.name"].widget == "text"
    assert fields["processings.0.description"].widget == "textarea"
    # enums with many values are a select, few are radio buttons
    assert fields["processings.0.data_items.0.category"].widget == "select"
    minors = fields["processings.0.data_subjects.0.minors"]
    assert minors.widget == "radio"
    assert minors.choices[-1] == ("", "Weet niet (nog open)")  # a choice can be taken back
    assert minors.value == ""


def test_pick_lists_come_from_the_dossier_itself(kb: KnowledgeBase) -> None:
    fields = _fields(Forms(_one(), "nl", kb), "processings.0")
    assert fields["processings.0.systems"].widget == "checkboxes"
    assert fields["processings.0.systems"].choices == (
        ("platform", "platform — Sensorplatform"),
        (NONE, "Geen van deze"),
    )
    shared = dict(fields["processings.0.shared_with"].choices)
    assert shared["SensorCo BV"] == "SensorCo BV (verwerker)"
    assert dict(fields["processings.0.data_items.0.purposes"].choices) == {
        "drukte": "drukte — drukte meten",
        NONE: "Geen van deze",
    }


def test_a_list_that_would_have_nothing_to_choose_is_not_asked(kb: KnowledgeBase) -> None:
    data = _one()
    del data["systems"]
    assert "processings.0.systems" not in _fields(Forms(data, "nl", kb), "processings.0")


def test_countries_by_dutch_name(kb: KnowledgeBase) -> None:
    data = _one()
    data["parties"][1]["country"] = "DE"
    fields = _fields(Forms(data, "nl", kb), "parties")
    assert fields["parties.1.country"].widget == "country"
    assert fields["parties.1.country"].value == "Duitsland"
    assert "Verenigde Staten" in countries("nl") and "United States" in countries("en")
    changed = answer(data, parse_path("parties.1.country"), ["Verenigde Staten"])
    assert changed.data["parties"][1]["country"] == "US"
    assert answer(data, parse_path("parties.1.country"), ["be"]).value == "BE"
    with pytest.raises(AnswerError, match="Atlantis"):
        answer(data, parse_path("parties.1.country"), ["Atlantis"])


def test_help_gives_the_article_why_it_is_asked_and_the_criteria_that_read_it(kb: KnowledgeBase) -> None:
    data = _one()
    data["processings"][0]["legal_basis"] = {"ground": "public_task"}
    fields = _fields(Forms(data, "nl", kb), "processings.0")
    ground = fields["processings.0.legal_basis.ground"]
    assert "6" in ground.ref  # AVG art. 6
    assert ground.criteria and all(c.id and c.title for c in ground.criteria)
    provision = fields["processings.0.legal_basis.provision"]
    assert provision.asked_because  # asked because the ground is statutory
    english = _fields(Forms(data, "en", kb), "processings.0")["processings.0.legal_basis.ground"]
    assert english.label != ground.label


def test_the_first_pass_of_a_blank_description_asks_the_project_and_offers_to_add(kb: KnowledgeBase) -> None:
    page = Forms(_blank(), "nl", kb).page((FIRST,))
    names = [f.name for fs in page.fieldsets for f in fs.fields]
    assert names[0] == "project.name" and all(n.startswith("project.") for n in names)
    adds = [a.name for fs in page.fieldsets for a in fs.adds]
    assert adds == ["parties", "systems", "processings"]
    assert page.asked <= 40


def test_the_first_pass_stays_within_40_questions_for_one_processing(kb: KnowledgeBase) -> None:
    page = Forms(_one(), "nl", kb).page((FIRST,))
    per_processing = [f for fs in page.fieldsets for f in fs.fields if f.name.startswith("processings.")]
    assert len(per_processing) <= 40
    assert all(in_first_pass(f.generic) for fs in page.fieldsets for f in fs.fields)


def test_no_personal_data_no_questions_about_data_subjects(kb: KnowledgeBase) -> None:
    data = _one()
    proc = data["processings"][0]
    proc.update(personal_data=False)
    del proc["data_subjects"]
    names = set(_fields(Forms(data, "nl", kb), "processings.0"))
    assert not {n for n in names if n.startswith(("processings.0.data_subjects", "processings.0.legal_basis"))}
    assert not {n for n in names if n.startswith(("processings.0.rights", "processings.0.transfers"))}
    assert "processings.0.personal_data_reason" in names


def test_fieldsets_are_labelled_by_their_block(kb: KnowledgeBase) -> None:
    page = Forms(_one(), "nl", kb).page(parse_part("processings.0"))
    legends = [fs.legend for fs in page.fieldsets]
    assert legends[0] == "Verwerking 1: tellen"
    assert any(legend.startswith("Verwerking 1: tellen › ") for legend in legends[1:])
    assert len({fs.id for fs in page.fieldsets}) == len(page.fieldsets)
    ids = [f.id for fs in page.fieldsets for f in fs.fields]
    assert len(ids) == len(set(ids))


def test_answers_are_parsed_and_validated_by_the_model() -> None:
    data = _one()
    p = "processings.0."
    assert answer(data, parse_path(p + "scale.data_subjects"), ["50.000"]).value == 50000
    assert answer(data, parse_path(p + "retention.period"), ["30 dagen"]).value == "P30D"
    assert answer(data, parse_path(p + "security.pentest"), ["2026-05-01"]).value == "2026-05-01"
    assert answer(data, parse_path(p + "collection.covert"), ["no"]).value is False
    assert answer(data, parse_path(p + "collection.methods"), ["camera", "camera", "wifi_sensor"]).value == [
        "camera",
        "wifi_sensor",
    ]
    assert answer(data, parse_path(p + "legal_framework"), ["Gemeentewet\n\n  Wet politiegegevens "]).value == [
        "Gemeentewet",
        "Wet politiegegevens",
    ]
    for path, raw in (
        (p + "scale.data_subjects", "veel"),
        (p + "collection.covert", "misschien"),
        (p + "collection.methods", "telepathie"),
        (p + "retention.period", "een tijdje"),
        ("project.phase", "morgen"),
        (p + "systems", "bestaat-niet"),
    ):
        with pytest.raises(AnswerError):
            answer(data, parse_path(path), [raw])
    # the original is never changed
    assert data == _one()


def test_weet_niet_clears_the_answer_and_prunes_the_empty_block() -> None:
    data = answer(_one(), parse_path("processings.0.collection.covert"), ["yes"]).data
    assert data["processings"][0]["collection"] == {"covert": True}
    cleared = answer(data, parse_path("processings.0.collection.covert"), [""]).data
    assert "collection" not in cleared["processings"][0]
    with pytest.raises(AnswerError, match="verplicht"):
        answer(data, parse_path("processings.0.id"), [""])


def test_items_are_added_with_their_key_and_removed_unless_referred_to() -> None:
    data = _one()
    added = add_item(data, parse_path("processings.0.purposes"), "handhaving")
    assert added.data["processings"][0]["purposes"][1] == {"description": "handhaving"}
    assert added.path == ("processings", 0, "purposes", 1)
    with pytest.raises(AnswerError, match="twee-woorden"):
        add_item(data, parse_path("processings"), "twee woorden")
    with pytest.raises(AnswerError):  # ids are unique
        add_item(data, parse_path("processings"), "tellen")
    linked = answer(data, parse_path("processings.0.systems"), ["platform"]).data
    with pytest.raises(AnswerError, match="platform"):
        remove_item(linked, parse_path("systems.0"))
    gone = remove_item(data, parse_path("systems.0")).data
    assert "systems" not in gone
    with pytest.raises(AnswerError):
        answer(data, parse_path("processings.4.name"), ["x"])  # an item that does not exist


@pytest.mark.parametrize(
    "name",
    ["", "project.__class__", "processings.x.id", "project.0", "../etc", "processings.0.0", "a" * 300, "risks.0.nope"],
)
def test_field_names_that_name_nothing_are_refused(name: str) -> None:
    with pytest.raises(PartError):
        parse_path(name)


def test_parts() -> None:
    assert parse_part("eerste") == (FIRST,)
    assert parse_part("processings.2") == ("processings", 2)
    for bad in ("processings.0.purposes", "niets", "project.name"):
        with pytest.raises(PartError):
            parse_part(bad)


def test_path_of() -> None:
    assert path_of("$.processings[0].collection.methods") == ("processings", 0, "collection", "methods")
    assert path_of("$") == ()


def test_the_panel_of_the_largest_example(kb: KnowledgeBase) -> None:
    loaded = load_description(ROOT / "examples" / "stratumseind.yaml")
    a = engine.check(loaded, kb, engine.Options(today=TODAY))
    p = panel(a, kb, "nl", 7)
    assert p.version == 7 and p.dpia == a.screening.dpia == "mandatory"
    assert p.dpia_title == "DPIA VERPLICHT"
    assert len(p.reasons) == len(a.screening.hits)
    assert {s.section for s in p.sections} <= {"project", "parties", "systems", "processings", "risks", "waivers"}
    assert sum(s.gaps + s.open for s in p.sections) == sum(1 for f in a.findings if f.status.value in ("gap", "open"))
    assert all(len(s.findings) <= 5 for s in p.sections)
    project = next(s for s in p.sections if s.section == "project")
    assert project.counts == f"{project.gaps} tekortkomingen, {project.open} open vragen"
    assert p.actions and p.gate


def test_the_panel_of_a_blank_dossier_points_at_what_decides_the_screening(kb: KnowledgeBase) -> None:
    a = engine.check(load_text(canonical_yaml(_blank())), kb, engine.Options(today=TODAY))
    p = panel(a, kb, "nl", 1)
    assert p.dpia == "undetermined"
    questions = [q for r in p.deciding for q in r.questions]
    assert questions and questions[0].part == FIRST and questions[0].anchor == "f-processings-add"
    one = engine.check(load_text(canonical_yaml(_one())), kb, engine.Options(today=TODAY))
    asked = [q for r in panel(one, kb, "nl", 2).deciding for q in r.questions]
    assert asked and all(q.part == FIRST for q in asked)  # the first pass asks what decides the screening


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_canonical_yaml_is_the_dossiers_own_format(path: Any) -> None:
    from pbd.web import services

    data = load_description(path).data()
    assert canonical_yaml(data) == services.dump_yaml(data)
    assert load_text(canonical_yaml(data)).data() == data


def test_renaming_an_item_rewrites_the_references_to_it() -> None:
    data = answer(_one(), parse_path("processings.0.systems"), ["platform"]).data
    data = answer(data, parse_path("processings.0.shared_with"), ["SensorCo BV"]).data
    data["processings"][0]["data_items"][0]["purposes"] = ["drukte"]
    renamed = answer(data, parse_path("systems.0.id"), ["sensorplatform"]).data
    assert renamed["processings"][0]["systems"] == ["sensorplatform"]
    renamed = answer(renamed, parse_path("parties.1.name"), ["SensorCo Nederland BV"]).data
    assert renamed["processings"][0]["shared_with"] == ["SensorCo Nederland BV"]
    renamed = answer(renamed, parse_path("processings.0.purposes.0.id"), ["drukte-meten"]).data
    assert renamed["processings"][0]["data_items"][0]["purposes"] == ["drukte-meten"]


def test_none_of_these_is_an_answer_unlike_a_list_left_open() -> None:
    data = _one()
    path = parse_path("processings.0.techniques")
    none = answer(data, path, [NONE])
    assert none.data["processings"][0]["techniques"] == []  # answered: no techniques
    forms = Forms(none.data, "nl")
    shown = _fields(forms, "processings.0")["processings.0.techniques"]
    assert shown.values == (NONE,) and shown.answered
    assert "techniques" not in answer(none.data, path, []).data["processings"][0]  # nothing ticked: open again
    with pytest.raises(AnswerError, match="geen van deze"):
        answer(data, path, [NONE, "profiling"])

    # the screening reads the difference: with "none", it no longer asks about techniques or an algorithm
    def asked(d: dict[str, Any]) -> set[str]:
        return {".".join(map(str, q.path)) for r in engine.screen(d).questions for q in r.questions}

    assert "processings.0.techniques" in asked(data)
    assert not {q for q in asked(none.data) if q.startswith(("processings.0.techniques", "processings.0.algorithm"))}


def test_progress_of_every_part_from_one_walk() -> None:
    data = load_description(ROOT / "examples" / "stratumseind.yaml").data()
    forms = Forms(data, "nl")
    every = forms.progress_all()
    for name in ("eerste", "project", "parties", "systems", "processings", "risks", "waivers"):
        assert every[name] == forms.progress(parse_part(name)), name
    assert every["processings.1"] == forms.progress(("processings", 1))
    assert 0 < every["eerste"][0] < every["eerste"][1]
