"""The first pass: the questions that decide the screening, at most about 40, and enough to decide it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from pbd import engine
from pbd.description import load_description
from pbd.description.model import ProjectDescription
from pbd.engine.facts import processing_facts, project_facts
from pbd.questionnaire import generic_path
from pbd.questionnaire.fields import _spec_at
from pbd.questionnaire.first_pass import FIRST_PASS, first_pass_questions, in_first_pass
from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
_FIRST = set(FIRST_PASS)


def _concrete(generic: str) -> tuple[str | int, ...]:
    out: list[str | int] = []
    for part in generic.split("."):
        m = re.fullmatch(r"(\w+)((?:\[\])*)", part)
        assert m, generic
        out.append(m.group(1))
        out.extend([0] * (len(m.group(2)) // 2))
    return tuple(out)


def _cut(node: Any, prefix: str = "") -> Any:
    """``node`` with only the first-pass fields (and what holds them)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            generic = f"{prefix}.{key}" if prefix else key
            if generic in _FIRST or generic == "schema_version":
                out[key] = value
            elif isinstance(value, dict | list) and any(
                p.startswith((f"{generic}.", f"{generic}[]")) for p in FIRST_PASS
            ):
                sub = _cut(value, generic)
                if sub not in ({}, []):
                    out[key] = sub
        return out
    if isinstance(node, list):
        return [_cut(item, f"{prefix}[]") for item in node]
    return node


def test_every_first_pass_path_is_a_field_of_the_model() -> None:
    assert len(FIRST_PASS) == len(_FIRST)
    for generic in FIRST_PASS:
        spec = _spec_at(_concrete(generic))
        assert spec.kind not in ("model", "model_list", "mapping"), generic


def test_a_blank_description_gets_the_project_questions_only() -> None:
    asked = [q.generic for q in first_pass_questions({"schema_version": 2, "project": {}})]
    assert asked[0] == "project.name"
    assert all(g.startswith("project.") for g in asked)
    assert "project.digital_service.aimed_at_minors" not in asked  # only when a digital service is offered


def test_one_processing_of_each_kind_stays_within_the_size_of_the_pre_scan() -> None:
    data = {
        "schema_version": 2,
        "project": {"name": "Drukte meten"},
        "processings": [
            {
                "id": "tellen",
                "purposes": [{"description": "drukte meten"}],
                "data_subjects": [{"category": "bezoekers"}],
                "data_items": [{"name": "wifi-adres"}],
            }
        ],
    }
    every = list(first_pass_questions(data, answered=True))
    assert 25 <= len(every) <= 40, [q.generic for q in every]
    assert {q.generic for q in every} <= _FIRST
    # the plan's order: the project before the processing, its id first
    generics = [q.generic for q in every]
    assert generics.index("project.name") < generics.index("processings[].id")


def test_no_question_about_personal_data_when_there_are_none() -> None:
    data = {
        "schema_version": 2,
        "project": {"name": "Luchtkwaliteit"},
        "processings": [
            {
                "id": "fijnstof",
                "personal_data": False,
                "collection": {"methods": ["environment_sensor"], "observes_persons": False},
            }
        ],
    }
    asked = {q.generic for q in first_pass_questions(data)}
    assert "processings[].personal_data_reason" in asked  # why not: the reason that makes "no" hold
    assert not {g for g in asked if g.startswith(("processings[].data_subjects", "processings[].transfers"))}
    with_data = {**data, "processings": [{**data["processings"][0], "personal_data": True}]}
    assert "processings[].personal_data_reason" not in {q.generic for q in first_pass_questions(with_data)}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_field_the_screening_reads_is_in_the_first_pass(path: Path) -> None:
    data = load_description(path).data()
    per = [processing_facts(p, i, data) for i, p in enumerate(data.get("processings", []))]
    read: set[str] = set()
    for facts in [*per, project_facts(data)]:
        for fact in facts.facts.values():
            read.update(generic_path(p).removesuffix("[]") for p in fact.paths)
            read.update(generic_path(q.path).removesuffix("[]") for q in fact.questions)
    uncovered = {g for g in read if not any(p == g or p.startswith((f"{g}.", f"{g}[]")) for p in FIRST_PASS)}
    assert not uncovered


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_cut_to_the_first_pass_screens_as_it_does_whole(path: Path) -> None:
    whole = load_description(path).data()
    cut = _cut(whole)
    ProjectDescription.model_validate(cut)  # the cut is itself a valid description
    full, first = engine.screen(whole), engine.screen(cut)
    assert first.dpia != "undetermined"
    assert first.view() == full.view()
    assert [h.rule for h in first.hits] == [h.rule for h in full.hits]


def test_in_first_pass() -> None:
    assert in_first_pass("processings[].collection.methods")
    assert not in_first_pass("processings[].retention.period")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["slimme-straatverlichting", "scanauto-parkeercontrole"])
def test_the_terminal_first_pass_asks_only_the_screening_and_gets_its_outcome(name: str, tmp_path: Path) -> None:
    from pbd.questionnaire import DescriptionDocument, Questionnaire
    from tests.conftest import TODAY
    from tests.test_questionnaire import ExampleDriver

    example = load_description(ROOT / "examples" / f"{name}.yaml").data()
    driver = ExampleDriver(example)
    target = tmp_path / "project.yaml"
    Questionnaire(DescriptionDocument(target), driver, today=TODAY, first_pass=True).run()
    written = load_description(target).data()
    asked = {generic_path(p) for p in _leaf_paths(written)}
    assert asked <= _FIRST | {"schema_version"}, asked - _FIRST
    assert engine.screen(written).view() == engine.screen(example).view()
    assert "Screening na de eerste ronde:" in "\n".join(driver.output)


def _leaf_paths(node: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _leaf_paths(v, (*path, k))]
    if isinstance(node, list) and node and isinstance(node[0], dict):
        return [p for i, v in enumerate(node) for p in _leaf_paths(v, (*path, i))]
    return [path]
