"""`pbd diff` and baselines: exact new / resolved / persisting / changed sets for constructed pairs of results."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from pbd.audit.baseline import new_since
from pbd.audit.diff import diff_results, finding_keys
from pbd.cli import cli
from pbd.engine.findings import RESULT_SCHEMA_VERSION, Assessment, Finding
from pbd.engine.screening import Screening
from pbd.render import RenderOptions
from pbd.render.diff import render_markdown, render_text
from pbd.vocabulary import Gate, Severity, Status
from tests.conftest import EXAMPLES

DATE = "2026-11-01"


def run(*args: str) -> tuple[int, str, str]:
    """The command line as a user runs it: errors are one `Error:` line and exit 2; a traceback fails the test."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# ---------------------------------------------------------------------------------------------
# constructed results


def f(rule: str, target: str, path: str, status: str, severity: str = "high", gate: str = "ontwerp") -> dict[str, Any]:
    return {
        "rule": rule,
        "kind": "criterion",
        "group": rule[:2],
        "target": target,
        "path": path,
        "status": status,
        "severity": severity,
        "gate": gate,
        "line": 1,
        "column": 1,
        "title": f"title {rule}",
    }


def screening(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "dpia": "not_needed",
        "ap": [],
        "edpb": [],
        "art35_3": [],
        "dtia": False,
        "iama": False,
        "kia": False,
        "reasons": [],
    }
    return {**base, **overrides}


def result(findings: list[dict[str, Any]], scr: dict[str, Any] | None = None, **meta: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "result_schema_version": RESULT_SCHEMA_VERSION,
        "pbd_version": "0.1.0",
        "knowledge_base": {"version": "2026.11.0", "sha256": "a" * 64},
        "input": {"file": "project.yaml", "sha256": "b" * 64},
        "project": {"name": "P", "organisation": None, "phase": "ontwerp"},
        "date": DATE,
        "gate": "ontwerp",
        "lang": "nl",
        "waivers_applied": True,
        "screening": scr or screening(),
        "decision": None,
        "findings": findings,
        "waiver_notes": [],
    }
    out.update(meta)
    return out


def sets(old: dict[str, Any], new: dict[str, Any]) -> dict[str, set[tuple[str, str, str]]]:
    d = diff_results(old, new)
    return {
        name: {(c.rule, c.target, c.path) for c in d.category(name)}
        for name in ("new", "resolved", "persisting", "changed")
    }


# two processings, each with findings at its own path and one at a field
OLD = [
    f("RM-01", "geluid", "$.processings[0]", "met"),
    f("DM-02", "geluid", "$.processings[0].retention.period", "gap"),
    f("DM-03", "geluid", "$.processings[0].minimisation", "open", "medium"),
    f("TR-01", "geluid", "$.processings[0].transparency.signage", "gap", "low"),
    f("RM-01", "wifi", "$.processings[1]", "met"),
    f("DM-02", "wifi", "$.processings[1]", "not_applicable"),
    f("IV-01", "wifi", "$.processings[1].security", "waived"),
]


def test_new_resolved_persisting_changed() -> None:
    new = copy.deepcopy(OLD)
    new[1] = f("DM-02", "geluid", "$.processings[0]", "met")  # retention gap fixed
    new[2] = f("DM-03", "geluid", "$.processings[0].minimisation", "gap", "medium")  # open -> gap
    new[5] = f("DM-02", "wifi", "$.processings[1].retention", "open")  # now applies, unanswered
    assert sets(result(OLD), result(new)) == {
        "new": {("DM-02", "wifi", "$.processings[1].retention")},
        "resolved": {("DM-02", "geluid", "$.processings[0].retention.period")},
        "persisting": {
            ("TR-01", "geluid", "$.processings[0].transparency.signage"),
            ("IV-01", "wifi", "$.processings[1].security"),
        },
        "changed": {("DM-03", "geluid", "$.processings[0].minimisation")},
    }


def test_identical_results_have_only_persisting_findings() -> None:
    d = diff_results(result(OLD), result(copy.deepcopy(OLD)))
    assert d.counts() == {"new": 0, "changed": 0, "resolved": 0, "persisting": 4}
    assert d.screening == () and d.context == ()
    assert d.same_substance


def test_one_finding_never_absorbs_another() -> None:
    """Same criterion, same processing, two paths: each keeps its own identity."""
    old = [
        f("DM-05", "geluid", "$.processings[0].data_items[0].retention", "gap"),
        f("DM-05", "geluid", "$.processings[0].data_items[1].retention", "gap"),
    ]
    new = [
        f("DM-05", "geluid", "$.processings[0].data_items[1].retention", "gap"),
        f("DM-05", "geluid", "$.processings[0].data_items[2].retention", "gap"),
    ]
    assert sets(result(old), result(new)) == {
        "new": {("DM-05", "geluid", "$.processings[0].data_items[2].retention")},
        "resolved": {("DM-05", "geluid", "$.processings[0].data_items[0].retention")},
        "persisting": {("DM-05", "geluid", "$.processings[0].data_items[1].retention")},
        "changed": set(),
    }


def test_duplicate_keys_in_one_result_stay_apart() -> None:
    keys = finding_keys([("RM-01", "p", "$.x"), ("RM-01", "p", "$.x"), ("RM-01", "q", "$.x")])
    assert keys == [("RM-01", "p", "$.x"), ("RM-01", "p", "$.x#2"), ("RM-01", "q", "$.x")]


def test_inserting_a_processing_does_not_renumber_findings() -> None:
    """A new processing at the front shifts every index; findings are matched by processing id."""
    new = [f("RM-01", "camera", "$.processings[0]", "met"), f("DM-02", "camera", "$.processings[0].retention", "open")]
    for old_f in OLD:
        moved = dict(old_f)
        moved["path"] = old_f["path"].replace("[1]", "[2]").replace("processings[0]", "processings[1]")
        new.append(moved)
    assert sets(result(OLD), result(new)) == {
        "new": {("DM-02", "camera", "$.processings[0].retention")},
        "resolved": set(),
        "persisting": {
            ("DM-02", "geluid", "$.processings[1].retention.period"),
            ("DM-03", "geluid", "$.processings[1].minimisation"),
            ("TR-01", "geluid", "$.processings[1].transparency.signage"),
            ("IV-01", "wifi", "$.processings[2].security"),
        },
        "changed": set(),
    }


def test_severity_change_is_a_change() -> None:
    new = copy.deepcopy(OLD)
    new[3] = f("TR-01", "geluid", "$.processings[0].transparency.signage", "gap", "high")
    d = diff_results(result(OLD), result(new))
    changed = d.category("changed")
    assert [(c.rule, c.old and c.old["severity"], c.new and c.new["severity"]) for c in changed] == [
        ("TR-01", "low", "high")
    ]
    assert "laag → hoog" in render_text(d, None, RenderOptions(lang="nl"))


def test_new_gaps_respect_the_threshold() -> None:
    new = copy.deepcopy(OLD)
    new.append(f("OB-01", "wifi", "$.processings[1].transparency", "gap", "low"))
    new[2] = f("DM-03", "geluid", "$.processings[0].minimisation", "gap", "medium")
    d = diff_results(result(OLD), result(new))
    assert {c.rule for c in d.new_gaps(Severity.LOW)} == {"OB-01", "DM-03"}
    assert {c.rule for c in d.new_gaps(Severity.MEDIUM)} == {"DM-03"}
    assert d.new_gaps(Severity.HIGH) == []
    assert d.new_gaps(None) == []


def test_screening_change_says_why() -> None:
    reason = {
        "framework": "DTIA",
        "item": "2.1",
        "target": "kind-volgen",
        "reason": "doorgifte naar US buiten de EER op basis van scc",
    }
    ap = {"framework": "AP", "item": "12", "target": "kind-volgen", "reason": "locatiegegevens op grote schaal"}
    old = result([], screening(dpia="recommended", edpb=[7]))
    new = result([], screening(dpia="mandatory", edpb=[7], ap=[12], dtia=True, reasons=[reason, ap]))
    d = diff_results(old, new)
    assert [(c.subject, c.item, c.change, c.old, c.new) for c in d.screening] == [
        ("DPIA", "", "outcome", "recommended", "mandatory"),
        ("AP", "12", "added", "no", "yes"),
        ("DTIA", "", "outcome", "no", "yes"),
    ]
    text = render_text(d, None, RenderOptions(lang="nl"))
    assert "DPIA: aanbevolen → verplicht" in text
    assert (
        "DTIA: niet aangewezen → aangewezen omdat doorgifte naar US buiten de EER op basis van scc (kind-volgen)"
        in text
    )
    assert "AP-lijst 12 Locatiegegevens: nu van toepassing omdat locatiegegevens op grote schaal (kind-volgen)" in text
    back = diff_results(new, old)
    assert "DTIA: indicated → not indicated (was: doorgifte naar US" in render_text(
        back, None, RenderOptions(lang="en")
    )


def test_context_changes_are_listed() -> None:
    new = result(copy.deepcopy(OLD), pbd_version="0.2.0", knowledge_base={"version": "2027.1.0", "sha256": "c" * 64})
    d = diff_results(result(OLD), new)
    assert [name for name, _o, _n in d.context] == ["pbd_version", "knowledge_base.version", "knowledge_base.sha256"]


def test_markdown_and_json_have_every_category() -> None:
    new = copy.deepcopy(OLD)
    new[1] = f("DM-02", "geluid", "$.processings[0]", "met")
    d = diff_results(result(OLD), result(new), old_name="mei.json", new_name="nov.json")
    md = render_markdown(d, None, RenderOptions(lang="en"))
    for heading in ("## New (0)", "## Status changed (0)", "## Resolved (1)", "## Persisting (3)"):
        assert heading in md
    assert "| DM-02 | high | geluid | `$.processings[0].retention.period` | gap → — | title DM-02 |" in md


# ---------------------------------------------------------------------------------------------
# baselines


def _finding(rule: str, target: str, path: str, status: Status, severity: Severity = Severity.HIGH) -> Finding:
    return Finding(rule, "criterion", rule[:2], target, status, severity, Gate.ONTWERP, path, 1, 1)


def test_new_since_keeps_only_what_is_new_or_worse() -> None:
    current = (
        _finding("RM-01", "geluid", "$.processings[0]", Status.MET),
        _finding("DM-02", "geluid", "$.processings[0].retention.period", Status.GAP),  # persisting gap
        _finding("DM-03", "geluid", "$.processings[0].minimisation", Status.GAP),  # open -> gap: worse
        _finding("TR-01", "geluid", "$.processings[0].transparency.signage", Status.OPEN),  # gap -> open: better
        _finding("DM-02", "wifi", "$.processings[1].retention", Status.OPEN),  # new
        _finding("IV-01", "wifi", "$.processings[1].security", Status.WAIVED),
        _finding("RM-01", "wifi", "$.processings[1]", Status.MET),
    )
    a = Assessment(
        "project.yaml",
        "b" * 64,
        "P",
        None,
        Gate.ONTWERP,
        dt.date(2026, 11, 1),
        Gate.ONTWERP,
        "2026.11.0",
        "a" * 64,
        "0.1.0",
        Screening("not_needed", (), (), (), False, False, False),
        current,
    )
    kept = new_since(a, result(OLD))
    assert {(x.rule, x.target, x.path) for x in kept.findings} == {
        ("DM-03", "geluid", "$.processings[0].minimisation"),
        ("DM-02", "wifi", "$.processings[1].retention"),
    }
    assert kept.screening == a.screening and kept.kb_sha256 == a.kb_sha256


def test_new_since_rejects_a_result_of_another_format() -> None:
    from pbd.errors import PbdError

    a = Assessment(
        "p.yaml",
        "",
        "P",
        None,
        None,
        dt.date(2026, 11, 1),
        None,
        "v",
        "",
        "0.1.0",
        Screening("not_needed", (), (), (), False, False, False),
        (),
    )
    with pytest.raises(PbdError, match="result format version 2"):
        new_since(a, {"result_schema_version": 2})


# ---------------------------------------------------------------------------------------------
# the command


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_cli_exit_codes_follow_fail_on(tmp_path: Path) -> None:
    new = copy.deepcopy(OLD)
    new.append(f("OB-01", "wifi", "$.processings[1].transparency", "gap", "medium"))
    old_file, new_file = _write(tmp_path / "old.json", result(OLD)), _write(tmp_path / "new.json", result(new))
    assert run("diff", str(old_file), str(new_file))[0] == 1
    assert run("diff", str(old_file), str(new_file), "--fail-on", "medium")[0] == 1
    assert run("diff", str(old_file), str(new_file), "--fail-on", "high")[0] == 0
    assert run("diff", str(old_file), str(new_file), "--fail-on", "none")[0] == 0
    assert run("diff", str(new_file), str(old_file))[0] == 0  # only a resolved gap


def test_cli_formats(tmp_path: Path) -> None:
    new = copy.deepcopy(OLD)
    new[1] = f("DM-02", "geluid", "$.processings[0]", "met")
    old_file, new_file = _write(tmp_path / "old.json", result(OLD)), _write(tmp_path / "new.json", result(new))
    code, out, _ = run("diff", str(old_file), str(new_file), "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert doc["summary"] == {"new": 0, "changed": 0, "resolved": 1, "persisting": 3}
    assert [x["path"] for x in doc["findings"]["resolved"]] == ["$.processings[0].retention.period"]
    code, out, _ = run("diff", str(old_file), str(new_file), "--lang", "en", "--all")
    assert "Resolved (1)" in out and "TR-01 [low] geluid $.processings[0].transparency.signage: gap" in out
    target = tmp_path / "diff.md"
    code, out, _ = run("diff", str(old_file), str(new_file), "--format", "markdown", "-o", str(target))
    assert (code, out) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("# Vergelijking van resultaten")


def test_cli_deterministic(tmp_path: Path) -> None:
    new = copy.deepcopy(OLD)
    new.append(f("OB-01", "wifi", "$.processings[1].transparency", "gap"))
    old_file, new_file = _write(tmp_path / "old.json", result(OLD)), _write(tmp_path / "new.json", result(new))
    outs = {run("diff", str(old_file), str(new_file), "--format", "json")[1] for _ in range(3)}
    assert len(outs) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not JSON (line 1, column 1"),
        ('{"result_schema_version": 7}', "written in result format version 7; this pbd reads version 1"),
        ('{"result_schema_version": 1, "pbd_version": "1"}', "not a complete pbd result: 'knowledge_base' needs"),
    ],
)
def test_cli_bad_input(tmp_path: Path, content: str, message: str) -> None:
    good = _write(tmp_path / "good.json", result(OLD))
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    code, out, err = run("diff", str(good), str(bad))
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: {bad}: {message}")
    assert len(err.strip().splitlines()) == 1


def test_cli_real_runs_dtia_after_adding_a_recipient_outside_the_eea(tmp_path: Path) -> None:
    """Two real checks of one example: adding a US recipient on SCCs makes a DTIA indicated, and says why."""
    source = next((p for p in EXAMPLES if p.stem == "huishoudboekje"), EXAMPLES[0])
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    proc = data["processings"][0]
    proc.pop("personal_data", None)
    proc.pop("transfers", None)
    before, after = tmp_path / "before.yaml", tmp_path / "after.yaml"
    before.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    proc["transfers"] = [{"country": "US", "recipient": "Analytics Inc.", "mechanism": "scc"}]
    after.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for desc, res in ((before, "old.json"), (after, "new.json")):
        code, _out, err = run("check", str(desc), "--date", DATE, "-o", f"json:{tmp_path / res}", "-o", "text")
        assert code in (0, 1), err
    code, out, err = run(
        "diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--format", "json", "--fail-on", "none"
    )
    assert (code, err) == (0, "")
    doc = json.loads(out)
    dtia = [c for c in doc["screening_changes"] if c["subject"] == "DTIA"]
    assert dtia and dtia[0]["change"] == "outcome" and dtia[0]["new"] == "yes"
    assert any("US" in r["reason"] for r in dtia[0]["reasons"])
    assert [c["field"] for c in doc["context_changes"]] == ["input.file", "input.sha256"]
