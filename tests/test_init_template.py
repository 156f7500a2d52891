"""``pbd init``: the commented template mentions every field, is valid YAML, and validates once the required fields are filled."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from pbd.cli import cli
from pbd.description import load_text
from pbd.description.model import ProjectDescription
from pbd.description.values import SCHEMA_VERSION
from pbd.engine.evaluate import evaluate
from pbd.errors import DescriptionError
from pbd.init_template import COMMENTED_OUT, template
from pbd.knowledge_base import KnowledgeBase
from pbd.questionnaire import field_specs
from tests.conftest import TODAY


def _fields(model: type[BaseModel], prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for spec in field_specs(model):
        path = f"{prefix}{spec.name}"
        out.append((path, spec))
        if spec.target is not None:
            out += _fields(spec.target, f"{path}[]." if spec.kind == "model_list" else f"{path}.")
    return out


SAMPLE = {"text": "voorbeeld", "identifier": "x-1", "country": "NL"}


def _fill_required(node: Any, model: type[BaseModel]) -> None:
    """Fill every empty required field (the project name, each item's first field) with a sample value."""
    specs = {s.name: s for s in field_specs(model)}
    for key in list(node):
        spec = specs[key]
        value = node[key]
        if spec.required and value is None:
            node[key] = "DM-02" if key == "criterion" else SAMPLE.get(spec.kind, "voorbeeld")
        elif isinstance(value, CommentedMap) and spec.target is not None:
            _fill_required(value, spec.target)
        elif isinstance(value, CommentedSeq) and spec.target is not None:
            for item in value:
                _fill_required(item, spec.target)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_template_mentions_every_field_with_its_title(lang: str) -> None:
    text = template(lang)
    uncommented = re.sub(r"(?m)^(\s*)# (?=[a-z_]+:|- [a-z_]+:|  )", r"\1", text)
    for path, spec in _fields(ProjectDescription):
        name = path.rsplit(".", 1)[-1].removesuffix("[]")
        assert re.search(rf"(?m)^\s*(#\s*)*(- )?{name}:", text), f"{path} missing"
        assert spec.title(lang) in text, f"title of {path} missing"
    assert f"schema_version: {SCHEMA_VERSION}" in text and SCHEMA_VERSION == 2
    assert uncommented  # the commented blocks use the same layout


def test_template_is_yaml_and_the_commented_blocks_are_too() -> None:
    text = template("nl")
    data = yaml.safe_load(text)
    assert set(data) >= {"schema_version", "project", "parties", "processings", "systems", "risks"}
    assert "waivers" not in data  # commented out: most projects have none
    assert "transfers" not in data["processings"][0]
    # removing the comment sign from a commented block gives valid YAML in the right place
    lines = text.splitlines()
    start = lines.index("# waivers:")
    end = lines.index("", start)
    block = [line.removeprefix("# ") for line in lines[start:end]]
    assert yaml.safe_load("\n".join(block))["waivers"][0] == {
        "criterion": None,
        "target": None,
        "reason": None,
        "approved_by": None,
        "expires": None,
    }
    assert {"transfers", "waivers"} == COMMENTED_OUT


def test_empty_template_is_refused_only_for_the_required_fields() -> None:
    with pytest.raises(DescriptionError) as err:
        load_text(template("nl"))
    paths = {p.path for p in err.value.problems}
    assert paths == {
        "$.project.name",
        "$.parties[0].name",
        "$.processings[0].id",
        "$.processings[0].purposes[0].description",
        "$.processings[0].data_subjects[0].category",
        "$.processings[0].data_items[0].name",
        "$.processings[0].necessity.alternatives[0].description",
        "$.systems[0].id",
        "$.risks[0].id",
    }


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_template_validates_once_the_required_fields_are_filled(lang: str, kb: KnowledgeBase) -> None:
    y = YAML(typ="rt")
    tree = y.load(template(lang))
    _fill_required(tree, ProjectDescription)
    out = io.StringIO()
    y.dump(tree, out)
    loaded = load_text(out.getvalue(), "filled.yaml")
    project = loaded.data()["project"]
    assert {k: v for k, v in project.items() if v != {}} == {"name": "voorbeeld"}  # empty means "not answered yet"
    evaluate(loaded, kb, today=TODAY)  # and it evaluates


def test_template_explains_choices_and_conditions() -> None:
    text = template("nl")
    assert "Kies uit: controller (verwerkingsverantwoordelijke), joint_controller" in text
    assert "Alleen van toepassing als de grondslag een wettelijke verplichting of een publieke taak is." in text
    assert "Duur in ISO 8601: P30D (30 dagen)" in text
    assert "[AVG 6(3)]" in text  # the article each field serves


def test_init_command(tmp_path: Path) -> None:
    target = tmp_path / "nieuw.yaml"
    runner = CliRunner()
    result = runner.invoke(cli, ["init", str(target)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Sjabloon geschreven" in result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    schema_ref = text.splitlines()[0].split("=", 1)[1]
    assert (tmp_path / schema_ref).resolve().name == "project.schema.json"
    assert (tmp_path / schema_ref).resolve().exists()

    from pbd.cli import main

    with pytest.raises(SystemExit) as again:
        main(["init", str(target)])
    assert again.value.code == 2  # never overwrites by accident
    assert runner.invoke(cli, ["init", str(target), "--force", "--lang", "en"], catch_exceptions=False).exit_code == 0
    assert "Project name (required)" in target.read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as json_target:
        main(["init", str(tmp_path / "x.json")])
    assert json_target.value.code == 2


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_template_is_format_version_2(lang: str) -> None:
    text = template(lang)
    data = yaml.safe_load(text)
    assert data["schema_version"] == 2
    proc = data["processings"][0]
    for key in ("regime", "edge", "publication"):
        assert key in proc, key
    assert {"signage", "observes_persons", "camera_rules"} <= set(proc["collection"])
    assert set(proc["necessity"]["effectiveness"]) == {"status", "evidence"}
    assert set(proc["necessity"]["alternatives"][0]) == {"description", "outcome", "reason_kind", "reason"}
    assert {"controller", "decision", "works_council", "impact_classification", "screening_declared"} <= set(
        data["project"]
    )
    assert {"kind", "agreement_covers", "headquarters_country"} <= set(data["parties"][0])
    assert {"type", "capability_evidence"} <= set(data["systems"][0])
    for v1_only in ("alternatives_considered:", "dtia:", "\n      classification:"):
        assert v1_only not in text, v1_only
    assert "signage" not in proc["transparency"]
    assert "access_logging: {level: verified" in text  # capability_evidence says what a block looks like
