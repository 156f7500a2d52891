"""`pbd verify`: re-running a recorded check says identical, or names what changed and why."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pbd.audit import read_result
from pbd.audit.verify import CHANGED, HOLDS, IDENTICAL, verify
from pbd.cli import cli
from pbd.description import load_text
from pbd.engine.evaluate import evaluate
from pbd.knowledge_base import KnowledgeBase
from pbd.render import RenderOptions
from pbd.render.json_result import result_dict
from pbd.render.verify import render_text
from pbd.vocabulary import Gate
from tests.conftest import EXAMPLES, ROOT, TODAY

DATE = "2026-11-01"


def run(*args: str) -> tuple[int, str, str]:
    """The command line as a user runs it: errors are one `Error:` line and exit 2; a traceback fails the test."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# ---------------------------------------------------------------------------------------------
# a tiny knowledge base with one criterion, so the exact findings do not depend on the real one

CRITERION = {
    "id": "DB-99",
    "group": "DB",
    "scope": "processing",
    "title": {"nl": "Bewaartermijn is dertig dagen", "en": "Retention is thirty days"},
    "norm": {"nl": "De bewaartermijn is P30D.", "en": "The retention period is P30D."},
    "rationale": {"nl": "Voor de test.", "en": "For the test."},
    "remediation": {"nl": "Zet de termijn op P30D.", "en": "Set the period to P30D."},
    "severity": "high",
    "basis": "law",
    "gate": "ontwerp",
    "dpia_section": 10,
    "references": ["AVG 5(1)(e)"],
    "strategy": "minimise",
    "no_system_requirement_reason": {"nl": "Alleen voor de test.", "en": "Only for the test."},
    "applies_when": {},
    "requirement": {
        "required": ["retention"],
        "properties": {"retention": {"required": ["period"], "properties": {"period": {"const": "P30D"}}}},
    },
    "version_added": "0.1.0",
}

DESCRIPTION = """\
schema_version: 1
project:
  name: Verificatietest
  phase: ontwerp
processings:
  - id: tellen
    purposes:
      - description: Bezoekers tellen.
    retention:
      period: P30D
"""


def tiny_kb(root: Path, version: str = "2026.11.99") -> KnowledgeBase:
    (root / "criteria").mkdir(parents=True)
    (root / "system_requirements").mkdir()
    ref = json.loads((ROOT / "criteria" / "referentiekader.json").read_text(encoding="utf-8"))
    ref["version"] = version
    (root / "criteria" / "referentiekader.json").write_text(json.dumps(ref, ensure_ascii=False), encoding="utf-8")
    (root / "criteria" / "DB-99.json").write_text(json.dumps(CRITERION), encoding="utf-8")
    return KnowledgeBase.load(root)


@pytest.fixture
def small_kb(tmp_path: Path) -> KnowledgeBase:
    return tiny_kb(tmp_path / "kb")


def recorded(text: str, kb: KnowledgeBase) -> dict[str, object]:
    loaded = load_text(text, "project.yaml")
    a = evaluate(loaded, kb, gate=Gate.ONTWERP, today=TODAY)
    result: dict[str, object] = json.loads(json.dumps(result_dict(a, kb, "nl")))
    return result


# ---------------------------------------------------------------------------------------------
# the library


def test_unchanged_description_is_identical(small_kb: KnowledgeBase) -> None:
    old = recorded(DESCRIPTION, small_kb)
    v = verify(old, load_text(DESCRIPTION, "project.yaml"), small_kb)
    assert v.verdict == IDENTICAL
    assert v.causes == ()
    assert v.holds
    assert render_text(v, None, RenderOptions(lang="nl")).startswith("IDENTIEK")


def test_editing_one_answer_names_the_change(small_kb: KnowledgeBase) -> None:
    old = recorded(DESCRIPTION, small_kb)
    edited = DESCRIPTION.replace("period: P30D", "period: P1Y")
    v = verify(old, load_text(edited, "project.yaml"), small_kb)
    assert v.verdict == CHANGED
    assert v.causes == ("description",)
    assert [(c.category, c.rule, c.target, c.path) for c in v.diff.findings] == [
        ("new", "DB-99", "tellen", "$.processings[0].retention.period")
    ]
    assert {name for name, _o, _n in v.diff.context} == {"input.sha256"}
    text = render_text(v, None, RenderOptions(lang="en"))
    assert text.startswith("CHANGED")
    assert "the description changed" in text
    assert "$.processings[0].retention.period" in text


def test_a_comment_changes_the_hash_but_the_result_holds(small_kb: KnowledgeBase) -> None:
    old = recorded(DESCRIPTION, small_kb)
    v = verify(old, load_text("# a remark\n" + DESCRIPTION, "project.yaml"), small_kb)
    assert v.verdict == HOLDS
    assert v.causes == ("description",)
    assert "findings" in v.cosmetic  # the line numbers moved


def test_a_new_knowledge_base_is_named(small_kb: KnowledgeBase, tmp_path: Path) -> None:
    old = recorded(DESCRIPTION, small_kb)
    newer = tiny_kb(tmp_path / "kb2", version="2027.1.0")
    v = verify(old, load_text(DESCRIPTION, "project.yaml"), newer)
    assert v.verdict == HOLDS
    assert v.causes == ("knowledge_base",)
    assert ("knowledge_base.version", "2026.11.99", "2027.1.0") in v.diff.context


def test_another_pbd_version_is_named(small_kb: KnowledgeBase) -> None:
    old = recorded(DESCRIPTION, small_kb)
    old["pbd_version"] = "0.0.9"
    v = verify(old, load_text(DESCRIPTION, "project.yaml"), small_kb)
    assert v.verdict == HOLDS
    assert v.causes == ("pbd",)


def test_a_hand_edited_result_is_unexplained(small_kb: KnowledgeBase) -> None:
    old = recorded(DESCRIPTION, small_kb)
    findings = old["findings"]
    assert isinstance(findings, list)
    findings[0]["status"] = "gap"
    v = verify(old, load_text(DESCRIPTION, "project.yaml"), small_kb)
    assert v.verdict == CHANGED
    assert v.causes == ("unexplained",)


def test_same_gate_and_date_are_used(small_kb: KnowledgeBase) -> None:
    old = recorded(DESCRIPTION.replace("phase: ontwerp", "phase: beheer"), small_kb)
    assert old["gate"] == "ontwerp" and old["date"] == DATE
    v = verify(old, load_text(DESCRIPTION.replace("phase: ontwerp", "phase: beheer"), "project.yaml"), small_kb)
    assert v.verdict == IDENTICAL


# ---------------------------------------------------------------------------------------------
# the command, with the real knowledge base


@pytest.fixture
def example(tmp_path: Path) -> Path:
    source = next((p for p in EXAMPLES if p.stem == "living-lab-scheveningen"), EXAMPLES[0])
    copy = tmp_path / "project.yaml"
    shutil.copyfile(source, copy)
    return copy


def _check(description: Path, result: Path) -> None:
    code, _out, err = run("check", str(description), "--date", DATE, "-o", f"json:{result}", "-o", "text")
    assert code in (0, 1), err
    assert result.exists()


def test_cli_unchanged_is_identical(example: Path, tmp_path: Path) -> None:
    result = tmp_path / "result.json"
    _check(example, result)
    code, out, err = run("verify", str(result), str(example))
    assert (code, err) == (0, "")
    assert out.startswith("IDENTIEK")
    code, out, _ = run("verify", str(result), str(example), "--format", "json", "--lang", "en")
    assert code == 0
    assert json.loads(out)["verdict"] == "identical"


def test_cli_finds_the_description_the_result_records(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _check(Path("project.yaml"), Path("result.json"))
    code, out, _ = run("verify", "result.json")
    assert code == 0
    assert out.startswith("IDENTIEK")


def test_cli_edited_answer_is_named(example: Path, tmp_path: Path) -> None:
    result = tmp_path / "result.json"
    _check(example, result)
    text = example.read_text(encoding="utf-8")
    example.write_text(
        text.replace("techniques: [new_technology, cloud]", "techniques: [new_technology, cloud, profiling]", 1),
        encoding="utf-8",
    )
    code, out, err = run("verify", str(result), str(example))
    assert (code, err) == (1, "")
    assert out.startswith("GEWIJZIGD")
    assert "de beschrijving is gewijzigd" in out
    assert "Evaluatie of scoretoekenning" in out  # the screening now hits WP248 criterion 1, and says so
    doc = json.loads(run("verify", str(result), str(example), "--format", "json")[1])
    assert doc["verdict"] == "changed"
    assert doc["causes"] == ["description"]
    changes = [{k: c[k] for k in ("subject", "item", "change")} for c in doc["screening_changes"]]
    assert {"subject": "EDPB", "item": "1", "change": "added"} in changes
    assert read_result(result)["input"]["sha256"] != doc["rerun"]["input"]["sha256"]


def test_cli_missing_description_is_an_error(tmp_path: Path, example: Path) -> None:
    result = tmp_path / "result.json"
    _check(example, result)
    example.unlink()
    code, out, err = run("verify", str(result))
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: {result}: the description it records")
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON (line 1, column 2"),
        ("[]", "not a pbd result (the top level is not a JSON object)"),
        ('{"result_schema_version": 2}', "written in result format version 2; this pbd reads version 1"),
        ('{"result_schema_version": 1}', "not a complete pbd result: 'pbd_version' is missing"),
    ],
)
def test_cli_bad_result_file(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    code, out, err = run("verify", str(bad))
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: {bad}: {message}")
    assert len(err.strip().splitlines()) == 1


def test_cli_no_such_result(tmp_path: Path) -> None:
    code, _out, err = run("verify", str(tmp_path / "absent.json"))
    assert code == 2
    assert err == f"Error: {tmp_path / 'absent.json'}: no such file. Check the path.\n"


# ---------------------------------------------------------------------------------------------
# a run with a municipal profile is re-run with that profile


PROFILE = "id: testgemeente\nversion: 1.0.0\norganisation: Gemeente Test\nenable: [TR-07, RB-07, SE-HO-01, SE-HO-02]\n"


def _check_with_profile(description: Path, result: Path, profile: Path) -> None:
    code, _out, err = run(
        "check", str(description), "--date", DATE, "--profile", str(profile), "-o", f"json:{result}", "-o", "text"
    )
    assert code in (0, 1), err


def _policy_findings(result: Path) -> list[str]:
    return [f["rule"] for f in read_result(result)["findings"] if f["basis"] == "policy"]


def test_cli_rerun_applies_the_recorded_profile(example: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profiel.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    result = tmp_path / "result.json"
    _check_with_profile(example, result, profile)
    assert read_result(result)["profile"]["id"] == "testgemeente"
    assert _policy_findings(result), "the profile switches policy rules on: the test needs their findings"
    code, out, err = run("verify", str(result), str(example), "--profile", str(profile))
    assert (code, err) == (0, "")
    assert out.startswith("IDENTIEK")


def test_cli_a_result_with_a_profile_needs_the_profile(example: Path, tmp_path: Path) -> None:
    """Without the profile the policy findings would all read as 'resolved': say so instead of judging."""
    profile = tmp_path / "profiel.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    result = tmp_path / "result.json"
    _check_with_profile(example, result, profile)
    code, out, err = run("verify", str(result), str(example))
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: {result}: the recorded run used the municipal profile 'testgemeente' version 1.0.0.")
    assert "--profile" in err
    assert len(err.strip().splitlines()) == 1


def test_cli_a_changed_profile_is_named_as_the_cause(example: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profiel.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    result = tmp_path / "result.json"
    _check_with_profile(example, result, profile)
    newer = tmp_path / "profiel-2.yaml"
    newer.write_text(PROFILE.replace("1.0.0", "2.0.0").replace(", SE-HO-01, SE-HO-02", ""), encoding="utf-8")
    code, out, _ = run("verify", str(result), str(example), "--profile", str(newer), "--lang", "en")
    assert "the municipal profile differs" in out
    assert "profile version: 1.0.0 → 2.0.0" in out
    doc = json.loads(run("verify", str(result), str(example), "--profile", str(newer), "--format", "json")[1])
    assert doc["causes"] == ["profile"]
    assert code == (0 if doc["holds"] else 1)
