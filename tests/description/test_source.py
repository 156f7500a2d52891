"""Reading YAML safely: YAML 1.2 booleans, positions, paths."""

from __future__ import annotations

from pbd.description import load_text
from pbd.description.source import json_path, read_text


def test_norway_stays_norway() -> None:
    source = read_text("project: {name: X}\nparties:\n  - {name: A, country: NO}\n", "t.yaml")
    assert source.data["parties"][0]["country"] == "NO"


def test_yes_no_still_work_as_booleans() -> None:
    loaded = load_text("project: {name: X, pilot: yes, new_legislation: no}\n")
    assert loaded.model.project.pilot is True
    assert loaded.model.project.new_legislation is False


def test_positions_are_one_based() -> None:
    source = read_text("project:\n  name: X\nprocessings:\n  - id: p1\n    scale: {data_subjects: 5}\n", "t.yaml")
    assert source.position(("project", "name")) == (2, 9)
    assert source.position(("processings", 0, "scale", "data_subjects")) == (5, 28)
    # a path that does not exist resolves to the deepest node that does
    assert source.position(("processings", 0, "retention", "period")) == (4, 5)


def test_json_path_rendering() -> None:
    assert json_path(("processings", 1, "retention", "period")) == "$.processings[1].retention.period"
    assert json_path(("odd key",)) == '$["odd key"]'


def test_json_input_keeps_positions() -> None:
    loaded = load_text('{\n  "project": {"name": "X", "phase": "idee"}\n}\n', json_input=True)
    assert loaded.source.position(("project", "phase")) == (2, 37)
