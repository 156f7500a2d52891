"""The cross-check item by item: the officer's ticks (Pre-scan 3.1, 4.1) beside pbd's derived AP/WP248 hits."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pbd.cli import cli
from pbd.engine.screening import DeclaredItem, Screening
from pbd.invulhulp.crosscheck import cross_check, item_rows
from pbd.invulhulp.mapping import AP_OPTIONS, EDPB_OPTIONS
from pbd.invulhulp.report import render_cross_check
from pbd.invulhulp.rules import AssessmentOutcome, InvulhulpOutcome

EXPORTS = Path(__file__).parent / "exports"
PRESCANS = sorted(EXPORTS.glob("*.prescan.json"))


def _import(export: Path, tmp_path: Path, *extra: str) -> tuple[dict[str, Any], str]:
    out = tmp_path / "p.yaml"
    json_run = CliRunner().invoke(
        cli, ["import", "invulhulp", str(export), "-o", str(out), "--format", "json"], catch_exceptions=False
    )
    assert json_run.exit_code == 0, json_run.stderr
    text_run = CliRunner().invoke(
        cli, ["import", "invulhulp", str(export), "-o", str(out), "--force", *extra], catch_exceptions=False
    )
    assert text_run.exit_code == 0, text_run.stderr
    return json.loads(json_run.stdout), text_run.stdout


@pytest.mark.parametrize("export", PRESCANS, ids=[p.name for p in PRESCANS])
def test_declared_and_derived_items_side_by_side(export: Path, tmp_path: Path) -> None:
    report, text = _import(export, tmp_path)
    answers = json.loads(export.read_text(encoding="utf-8"))["answers"]
    ticked_ap = {AP_OPTIONS[o] for o in answers.get("3.1", {}).get("value", [])}
    ticked_wp = {EDPB_OPTIONS[o] for o in answers.get("4.1", {}).get("value", [])}
    items = report["items"]
    assert {(i["framework"], i["item"]) for i in items if i["declared"]} == {("AP", n) for n in ticked_ap} | {
        ("EDPB", n) for n in ticked_wp
    }
    for i in items:
        assert i["agrees"] == (i["declared"] == (i["derived"] == "yes") and i["derived"] != "unknown")
        assert i["reason"]  # every row says why: which facts give it, or what is missing
    # the description holds the ticks as declared items, never as facts
    described = (tmp_path / "p.yaml").read_text(encoding="utf-8")
    assert "screening_declared:" in described and "source: invulhulp" in described
    # the DPIA comparison agrees only when the level *and* every item agree
    dpia = next(c for c in report["cross_check"] if c["assessment"] == "DPIA")
    assert dpia["agree"] == (dpia["level_agrees"] and all(i["agrees"] for i in items))
    # in text: one line per item, with the Invulhulp's tick and pbd's finding
    assert "Per item (AP-lijst en WP248):" in text
    for i in items:
        label = "AP" if i["framework"] == "AP" else "WP248"
        assert f" {label} {i['item']} " in text


def _screening(ap: tuple[int, ...], declared: tuple[DeclaredItem, ...]) -> Screening:
    return Screening(dpia="mandatory", ap=ap, edpb=(), art35_3=(), dtia=False, iama=False, kia=False, declared=declared)


def test_same_level_with_other_items_is_not_equal() -> None:
    # the Invulhulp ticked AP 12 and 14; pbd derived AP 12 and 13: both say "DPIA required", for other reasons
    declared = (
        DeclaredItem("AP", 12, True, "yes", "ook afgeleid", "also derived"),
        DeclaredItem("AP", 13, False, "yes", "niet aangevinkt, wel afgeleid", "not ticked, but derived"),
        DeclaredItem("AP", 14, True, "no", "aangevinkt, maar de feiten dragen het niet", "ticked, not supported"),
    )
    screening = _screening((12, 13), declared)
    outcome = InvulhulpOutcome(
        {},
        {"DPIA": AssessmentOutcome("DPIA", "required", "DPIA verplicht", (("aplist", "AP-lijst"),))},
        (),
    )
    dpia = cross_check({"3.1": ["Lijst AP: Locatiegegevens", "Lijst AP: Internet of things"]}, outcome, screening)[0]
    assert (dpia.invulhulp, dpia.pbd, dpia.level_agrees, dpia.agree) == ("required", "required", True, False)
    assert dpia.reasons == ("items_differ",)
    assert dpia.details == ("AP 13", "AP 14")
    lines = render_cross_check([dpia], outcome, "en", item_rows(screening))
    assert lines[1].startswith("  DPIA: Invulhulp required ≈ pbd required")  # not "="
    assert "    = AP 12 Location data: Invulhulp ticked, pbd yes — also derived" in lines
    assert any(line.startswith("    ≠ AP 13 ") and "not ticked, pbd yes" in line for line in lines)
    assert any(line.startswith("    ≠ AP 14 ") and "ticked, pbd no" in line for line in lines)


def test_same_level_and_same_items_is_equal() -> None:
    declared = (DeclaredItem("AP", 12, True, "yes", "ook afgeleid", "also derived"),)
    outcome = InvulhulpOutcome(
        {}, {"DPIA": AssessmentOutcome("DPIA", "required", "DPIA verplicht", (("aplist", "AP-lijst"),))}, ()
    )
    dpia = cross_check({"3.1": ["Lijst AP: Locatiegegevens"]}, outcome, _screening((12,), declared))[0]
    assert dpia.agree and dpia.reasons == ()


def test_a_dpia_export_has_no_items(tmp_path: Path) -> None:
    export = EXPORTS / "huishoudboekje.dpia.json"
    run = CliRunner().invoke(
        cli,
        ["import", "invulhulp", str(export), "-o", str(tmp_path / "d.yaml"), "--format", "json"],
        catch_exceptions=False,
    )
    assert run.exit_code == 0
    report = json.loads(run.stdout)
    assert report["items"] is None and report["cross_check"] is None


def test_output_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    # an atomic write renames over the target: a folder or a device (/dev/null) must never be replaced
    run = CliRunner().invoke(
        cli,
        ["import", "invulhulp", str(EXPORTS / "huishoudboekje.dpia.json"), "-o", str(tmp_path), "--force"],
        catch_exceptions=False,
    )
    assert run.exit_code == 2
    assert run.stderr == (
        f"Error: {tmp_path}: is not a regular file. Give the path of the description file to write with -o.\n"
    )
    assert tmp_path.is_dir()
