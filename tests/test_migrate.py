"""Format migration v1 -> v2: the function, the loader's in-memory migration, and ``pbd migrate``."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pbd.cli import cli
from pbd.description import load_description, load_text
from pbd.description.model import ProjectDescription
from pbd.errors import DescriptionError
from pbd.migrate import NoteKind, migrate, migration

V1 = Path(__file__).parent / "description" / "v1"
V1_FILES = sorted(V1.glob("*.yaml"))

V1_TEXT = """\
# een versie-1-beschrijving
project:
  name: Proef
  dpo_advice:
    followed: false   # het college week af
processings:
  - id: p1
    transparency:
      signage: true
      privacy_statement: https://example.org/privacy
    security:
      classification: BBN2
      encryption_in_transit: true
    necessity:
      effectiveness: Nog niet aangetoond
      alternatives_considered:
        - Handmatig tellen
        - Alleen bij evenementen
      why_rejected: Te duur
    transfers:
      - {country: US, mechanism: scc, dtia: false}
    algorithm:
      impactful: false
    minimisation:
      needs_individual_data: true
  - id: p2
    transparency: {signage: false}
"""


def _notes(data: dict[str, Any]) -> dict[tuple[str, NoteKind], str]:
    _, notes = migrate(data)
    return {(n.path, n.kind): n.en for n in notes}


def test_v1_data_migrates_to_the_v2_shape() -> None:
    source = load_text(V1_TEXT)  # the loader migrates in memory
    data = source.source.data
    before = copy.deepcopy(data)
    out, _ = migrate(data)
    assert data == before  # a new structure; the input is not changed
    assert out["schema_version"] == 2
    assert out["project"]["dpo_advice"]["followed"] == "no"
    p1, p2 = out["processings"]
    assert p1["transparency"] == {"privacy_statement": "https://example.org/privacy"}
    assert "signage" not in p1.get("collection", {})  # true: not known whether at every entrance
    assert p1["security"] == {"encryption_in_transit": True}
    assert p1["necessity"]["effectiveness"] == {"evidence": "Nog niet aangetoond"}
    assert p1["necessity"]["alternatives"] == [
        {"description": "Handmatig tellen"},
        {"description": "Alleen bij evenementen"},
    ]
    assert "alternatives_considered" not in p1["necessity"]
    assert p1["necessity"]["why_rejected"] == "Te duur"
    assert p1["transfers"] == [{"country": "US", "mechanism": "scc", "tia_done": False}]
    assert "transparency" not in p2
    assert p2["collection"] == {"signage": "none"}
    ProjectDescription.model_validate(out)


def test_notes_say_what_changed_and_what_is_undecided() -> None:
    notes = _notes(load_text(V1_TEXT).source.data)
    assert ("$.project.dpo_advice.followed", NoteKind.UNDECIDED) in notes
    assert "partly" in notes[("$.project.dpo_advice.followed", NoteKind.UNDECIDED)]
    assert "all_entrances or some_entrances" in notes[("$.processings[0].transparency.signage", NoteKind.UNDECIDED)]
    assert "BIO2" in notes[("$.processings[0].security.classification", NoteKind.DROPPED)]
    assert "project.impact_classification" in notes[("$.processings[0].security.classification", NoteKind.DROPPED)]
    assert "status" in notes[("$.processings[0].necessity.effectiveness", NoteKind.UNDECIDED)]
    assert "outcome" in notes[("$.processings[0].necessity.alternatives_considered", NoteKind.UNDECIDED)]
    assert ("$.processings[0].transfers[0].dtia", NoteKind.CHANGED) in notes
    assert "impactful_reason" in notes[("$.processings[0].algorithm.impactful", NoteKind.UNDECIDED)]
    assert (
        "needs_individual_data_reason"
        in notes[("$.processings[0].minimisation.needs_individual_data", NoteKind.UNDECIDED)]
    )
    assert ("$.processings[1].transparency.signage", NoteKind.CHANGED) in notes


def test_followed_true_becomes_yes() -> None:
    out, notes = migrate({"project": {"name": "X", "dpo_advice": {"followed": True}}})
    assert out["project"]["dpo_advice"]["followed"] == "yes"
    assert [(n.path, n.kind) for n in notes if n.path != "$.schema_version"] == [
        ("$.project.dpo_advice.followed", NoteKind.CHANGED)
    ]


def test_v2_data_is_left_alone() -> None:
    data = {"schema_version": 2, "project": {"name": "X", "dpo_advice": {"followed": "partly"}}}
    out, notes = migrate(data)
    assert out == data
    assert notes == []


@pytest.mark.parametrize("path", V1_FILES, ids=lambda p: p.name)
def test_every_v1_example_migrates_validates_and_is_idempotent(path: Path) -> None:
    loaded = load_description(path)
    assert loaded.from_version == 1
    assert loaded.model.schema_version == 2
    assert loaded.migration_notes  # at least the version note
    out, notes = migrate(loaded.source.data)
    ProjectDescription.model_validate(out)
    again, more = migrate(out)
    assert again == out
    assert more == []
    text = json.dumps(out, default=str)
    for v1_only in ('"dtia"', '"alternatives_considered"', '"classification"'):
        assert v1_only not in text
    assert [n.path for n in notes] == [n.path for n in loaded.migration_notes]


def test_stratumseind_notes_list_what_could_not_be_decided() -> None:
    loaded = load_description(V1 / "stratumseind.yaml")
    undecided = {n.path for n in loaded.migration_notes if n.kind is NoteKind.UNDECIDED}
    assert undecided >= {
        "$.project.dpo_advice.followed",
        "$.processings[0].necessity.effectiveness",
        "$.processings[0].necessity.alternatives_considered",
        "$.processings[0].algorithm.significant_effect",
    }
    dropped = {n.path for n in loaded.migration_notes if n.kind is NoteKind.DROPPED}
    assert "$.processings[0].security.classification" in dropped


def test_moved_answers_keep_their_line_numbers() -> None:
    loaded = load_text(V1_TEXT, "v1.yaml")
    src = loaded.source
    # new path, old line
    assert src.position(("processings", 0, "transfers", 0, "tia_done"))[0] == 21
    assert src.position(("processings", 0, "necessity", "alternatives", 1, "description"))[0] == 18
    assert src.position(("processings", 0, "collection", "signage"))[0] == 9
    assert src.position(("processings", 1, "collection", "signage"))[0] == 27
    # unchanged answers keep theirs
    assert src.position(("processings", 0, "security", "encryption_in_transit"))[0] == 13


def test_an_error_in_a_moved_answer_points_at_the_old_line() -> None:
    text = V1_TEXT.replace("dtia: false", "dtia: misschien")
    with pytest.raises(DescriptionError) as err:
        load_text(text, "v1.yaml")
    [problem] = err.value.problems
    assert problem.path == "$.processings[0].transfers[0].tia_done"
    assert problem.line == 21


def test_v2_file_rejects_v1_fields() -> None:
    with pytest.raises(DescriptionError) as err:
        load_text("schema_version: 2\nproject: {name: X}\nprocessings:\n  - id: p\n    transparency: {signage: true}\n")
    assert [p.path for p in err.value.problems] == ["$.processings[0].transparency.signage"]
    assert "pbd migrate" in err.value.problems[0].message_en
    assert "collection.signage" in err.value.problems[0].message_nl


def test_unknown_version_is_refused() -> None:
    with pytest.raises(DescriptionError) as err:
        load_text("schema_version: 3\nproject: {name: X}\n")
    assert [p.path for p in err.value.problems] == ["$.schema_version"]
    assert migration({"schema_version": 3, "project": {"name": "X"}}).notes == []


# --------------------------------------------------------------------------------------------
# pbd migrate


def test_cli_writes_v2_and_keeps_comments(tmp_path: Path) -> None:
    src = tmp_path / "oud.yaml"
    src.write_text(V1_TEXT, encoding="utf-8")
    out = tmp_path / "nieuw.yaml"
    result = CliRunner().invoke(cli, ["migrate", str(src), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "$.processings[0].security.classification" in result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# een versie-1-beschrijving\nschema_version: 2\n")
    assert "# het college week af" in text
    assert 'followed: "no"' in text  # quoted: a YAML 1.1 reader would see a boolean
    assert "tia_done: false" in text
    assert "dtia" not in text
    assert load_text(text).from_version == 2
    assert src.read_text(encoding="utf-8") == V1_TEXT  # the original is untouched
    again = CliRunner().invoke(cli, ["migrate", str(out), "--in-place"], catch_exceptions=False)
    assert again.exit_code == 0
    assert out.read_text(encoding="utf-8") == text  # idempotent


def test_cli_in_place_and_stdout(tmp_path: Path) -> None:
    src = tmp_path / "p.yaml"
    src.write_text(V1_TEXT, encoding="utf-8")
    to_stdout = CliRunner().invoke(cli, ["migrate", str(src), "--lang", "en"], catch_exceptions=False)
    assert to_stdout.exit_code == 0
    assert "schema_version: 2" in to_stdout.stdout
    assert "migrated from version 1 to 2" in to_stdout.stderr
    assert src.read_text(encoding="utf-8") == V1_TEXT
    in_place = CliRunner().invoke(cli, ["migrate", str(src), "--in-place"], catch_exceptions=False)
    assert in_place.exit_code == 0
    assert src.read_text(encoding="utf-8") == to_stdout.stdout


def test_cli_json(tmp_path: Path) -> None:
    src = tmp_path / "p.json"
    src.write_text(
        json.dumps(
            {"project": {"name": "X"}, "processings": [{"id": "p", "transfers": [{"country": "US", "dtia": True}]}]}
        )
    )
    result = CliRunner().invoke(cli, ["migrate", str(src), "--in-place"], catch_exceptions=False)
    assert result.exit_code == 0
    data = json.loads(src.read_text(encoding="utf-8"))
    assert data["schema_version"] == 2
    assert data["processings"][0]["transfers"] == [{"country": "US", "tia_done": True}]


@pytest.mark.parametrize(
    ("content", "args", "expected"),
    [
        ("project: {name: X, pilot: misschien}\n", [], "$.project.pilot"),
        ("project: [\n", [], "YAML"),
        (None, [], "no such file"),
        ("project: {name: X}\n", ["-o", "x.yaml", "--in-place"], "cannot be combined"),
    ],
)
def test_cli_bad_input_is_one_error_line_and_exit_2(
    tmp_path: Path, content: str | None, args: list[str], expected: str
) -> None:
    src = tmp_path / "p.yaml"
    if content is not None:
        src.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["migrate", str(src), *args], catch_exceptions=False)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: ")
    assert expected in lines[0]
    assert "Traceback" not in result.output


V2_FILES = sorted((Path(__file__).parents[1] / "examples").glob("*.yaml")) + sorted(
    (Path(__file__).parent / "calibration").glob("*.yaml")
)


@pytest.mark.parametrize("path", V2_FILES, ids=lambda p: p.name)
def test_migrate_leaves_a_v2_file_alone(path: Path) -> None:
    loaded = load_description(path)
    if loaded.from_version != 2:
        pytest.skip("not yet format version 2")
    out, notes = migrate(loaded.source.data)
    assert out == loaded.source.data
    assert notes == []
    result = CliRunner().invoke(cli, ["migrate", str(path)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == path.read_text(encoding="utf-8")
