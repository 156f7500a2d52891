"""The art. 25 report's procurement annex, and the migration notes of a version-1 description in check and report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pbd.cli import cli
from tests.conftest import ROOT, TODAY

V1 = ROOT / "tests" / "description" / "v1" / "slimme-straatverlichting.yaml"
V2 = ROOT / "examples" / "slimme-straatverlichting.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--date", TODAY.isoformat()], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- migration notes ------------------------------------------------------------------------------


def test_check_text_says_on_stderr_that_a_v1_file_was_migrated_with_every_note() -> None:
    code, out, err = run("check", str(V1))
    assert code in (0, 1)
    lines = err.splitlines()
    assert lines[0].startswith(f"Let op: {V1} is geschreven in formaat 1")
    assert f"pbd migrate {V1}" in lines[0]
    assert any("security.classification: verwijderd: BBN1 vervallen" in line for line in lines)
    assert any("transparency.signage: nog te beantwoorden" in line for line in lines)
    assert "Let op" not in out  # stdout stays the result


def test_check_json_records_the_migration_and_a_v2_file_records_none(tmp_path: Path) -> None:
    _code, out, err = run("check", str(V1), "-o", "json", "--lang", "en")
    doc = json.loads(out)
    assert doc["migration"]["from_version"] == 1
    kinds = {n["kind"] for n in doc["migration"]["notes"]}
    assert {"changed", "dropped", "undecided"} <= kinds
    assert any(n["path"] == "$.processings[0].security.classification" for n in doc["migration"]["notes"])
    assert err.startswith("Note: ")
    _code, out, err = run("check", str(V2), "-o", "json")
    assert json.loads(out)["migration"] is None
    assert err == ""


@pytest.mark.slow
def test_report_shows_the_migration_notes_and_says_so_on_stderr(tmp_path: Path) -> None:
    out_file = tmp_path / "art25.html"
    code, _out, err = run("report", str(V1), "--kind", "art25", "-o", str(out_file), "--lang", "en")
    assert code == 0, err
    assert err.startswith("Note: ")
    text = _text(out_file.read_text(encoding="utf-8"))
    assert "Converted from format 1." in text
    assert "$.processings[0].security.classification" in text
    out_file2 = tmp_path / "v2.html"
    run("report", str(V2), "--kind", "art25", "-o", str(out_file2))
    assert "Omgezet vanuit formaat 1" not in out_file2.read_text(encoding="utf-8")


def test_the_dpia_draft_shows_the_migration_notes_too(tmp_path: Path) -> None:
    out_file = tmp_path / "dpia.html"
    code, _out, err = run("report", str(V1), "--kind", "dpia", "-o", str(out_file))
    assert code == 0, err
    text = _text(out_file.read_text(encoding="utf-8"))
    assert "Omgezet vanuit formaat 1." in text
    assert "$.processings[0].security.classification" in text


def test_a_folder_report_says_on_stderr_which_file_was_migrated(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "oud.yaml").write_bytes(V1.read_bytes())
    (src / "nieuw.yaml").write_bytes(V2.read_bytes())
    out = tmp_path / "out"
    code, stdout, err = run("report", str(src), "--kind", "art25", "-o", str(out), "--format", "html")
    assert code == 0, err
    notices = [line for line in err.splitlines() if not line.startswith(" ")]
    assert len(notices) == 1 and "oud.yaml" in notices[0], err
    assert len(stdout.splitlines()) == 2


# --- procurement annex --------------------------------------------------------------------------

TENDER = ROOT / "examples" / "living-lab-scheveningen.yaml"  # phase verkenning: the systems are still to be bought


@pytest.mark.slow
def test_art25_has_the_procurement_annex_numbered_with_must_and_should(tmp_path: Path) -> None:
    from pbd import engine
    from pbd.description import load_description
    from pbd.knowledge_base import default_knowledge_base
    from pbd.todo import procurement_annex

    out_file = tmp_path / "art25.html"
    code, _out, err = run("report", str(TENDER), "--kind", "art25", "-o", str(out_file), "--lang", "en")
    assert code == 0, err
    html = out_file.read_text(encoding="utf-8")
    assert 'href="#procurement"' in html  # in the table of contents
    section = html[html.index('id="procurement"') : html.index('id="open-points"')]
    text = _text(section)
    assert "Annex: privacy requirements for the tender" in text
    # the same list, in the same order, as `pbd todo --procurement SYSTEM`
    a = engine.check(load_description(TENDER), default_knowledge_base(), engine.Options(today=TODAY))
    systems = sorted({f.target for f in a.findings if f.kind == "system_requirement"})
    assert systems
    for system in systems:
        reqs = procurement_annex(a, default_knowledge_base(), system)
        rows = re.findall(r"\((SE-[A-Z]{2}-\d{2})\)", section[section.index(f'id="procurement-{system}"') :])
        assert rows[: len(reqs)] == [r.rule for r in reqs]
        assert (
            f"{sum(r.priority == 'must' for r in reqs)} musts and {sum(r.priority == 'should' for r in reqs)}" in text
        )
    assert "must" in text and "should" in text


@pytest.mark.slow
def test_after_the_tender_the_annex_points_to_pbd_todo(tmp_path: Path) -> None:
    out_file = tmp_path / "art25.html"
    code, _out, err = run(
        "report", str(ROOT / "examples" / "stratumseind.yaml"), "--kind", "art25", "-o", str(out_file)
    )
    assert code == 0, err
    html = out_file.read_text(encoding="utf-8")
    section = _text(html[html.index('id="procurement"') : html.index('id="open-points"')])
    assert "voorbij het beslismoment aanbesteding" in section
    assert "pbd todo --procurement" in section
    assert "(SE-" not in section
