"""`pbd import invulhulp`: hand-made Pre-scan and DPIA exports of three examples become descriptions like any other."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from pbd.cli import cli
from pbd.description import load_text
from pbd.invulhulp.mapping import DPIA, PRESCAN, UNKNOWN_COUNTRY, Imported, import_export
from pbd.invulhulp.reader import SCHEMA_FILE, definition, read_export

EXPORTS = Path(__file__).parent / "exports"
ALL = sorted(EXPORTS.glob("*.json"))
PRESCANS = [p for p in ALL if p.name.endswith(".prescan.json")]
DPIAS = [p for p in ALL if p.name.endswith(".dpia.json")]
DATE = "2026-11-01"


def run(*args: str) -> tuple[int, str, str]:
    """The command line as a user runs it: errors are one `Error:` line and exit 2; a traceback fails the test."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def imported(name: str) -> Imported:
    return import_export(read_export(EXPORTS / name))


def processing(imp: Imported, index: int = 0) -> dict[str, Any]:
    procs: list[dict[str, Any]] = imp.description["processings"]
    return procs[index]


# ---------------------------------------------------------------------------------------------
# the exports themselves


def test_three_examples_each_have_a_prescan_and_a_dpia_export() -> None:
    stems = {p.name.split(".")[0] for p in ALL}
    assert len(stems) >= 3
    for stem in stems:
        assert (EXPORTS / f"{stem}.prescan.json").exists() and (EXPORTS / f"{stem}.dpia.json").exists()


@pytest.mark.parametrize("export", ALL, ids=[p.name for p in ALL])
def test_export_is_valid_against_the_invulhulp_output_schema(export: Path) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(export.read_text(encoding="utf-8")))


@pytest.mark.parametrize("export", ALL, ids=[p.name for p in ALL])
def test_export_answers_only_questions_of_its_form(export: Path) -> None:
    exp = read_export(export)
    assert exp.unknown == ()
    assert {qid for qid, _i, _v in exp.all_answers()} <= set(exp.definition.tasks)


# ---------------------------------------------------------------------------------------------
# every answer accounted for, exactly once


def _answer_keys(export: Path) -> list[str]:
    data = json.loads(export.read_text(encoding="utf-8"))
    keys: list[str] = []
    for key, value in data["answers"].items():
        if isinstance(value, list):
            keys.extend(f"{child}[{el['_index']}]" for el in value for child in el if child != "_index")
        else:
            keys.append(key)
    return sorted(keys)


@pytest.mark.parametrize("export", ALL, ids=[p.name for p in ALL])
def test_every_answer_is_mapped_kept_or_ignored_once(export: Path) -> None:
    imp = import_export(read_export(export))
    accounted = [k for k, _ in imp.mapped] + [k for k, _ in imp.kept] + [k for k, *_ in imp.ignored]
    assert sorted(accounted) == _answer_keys(export)


@pytest.mark.parametrize("export", ALL, ids=[p.name for p in ALL])
def test_the_imported_description_evaluates_and_reports_like_any_other(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "project.yaml"
    code, report, err = run("import", "invulhulp", str(export), "-o", str(out), "--organisation", "Gemeente Test")
    assert (code, err) == (0, "")
    assert report.startswith(f"Geïmporteerd: {export}")
    load_text(out.read_text(encoding="utf-8"), str(out))
    code, _out, err = run("validate", str(out))
    assert (code, err) == (0, "")
    result = tmp_path / "result.json"
    code, _out, err = run("check", str(out), "--date", DATE, "-o", f"json:{result}", "-o", "markdown")
    assert code in (0, 1), err
    assert json.loads(result.read_text(encoding="utf-8"))["project"]["organisation"] == "Gemeente Test"
    code, _out, err = run("screen", str(out))
    assert (code, err) == (0, "")
    code, _out, err = run("report", str(out), "-o", str(tmp_path / "dpia.html"), "--date", DATE)
    assert (code, err) == (0, "")
    assert (tmp_path / "dpia.html").stat().st_size > 0


@pytest.mark.parametrize("export", ALL, ids=[p.name for p in ALL])
def test_import_is_deterministic(export: Path, tmp_path: Path) -> None:
    texts = set()
    for i in range(2):
        out = tmp_path / f"p{i}.yaml"
        run("import", "invulhulp", str(export), "-o", str(out), "--name", "Project")
        texts.add(out.read_text(encoding="utf-8"))
    assert len(texts) == 1


# ---------------------------------------------------------------------------------------------
# what is mapped where: Pre-scan


def test_prescan_living_lab() -> None:
    imp = imported("living-lab-scheveningen.prescan.json")
    d = imp.description
    p = processing(imp)
    assert d["project"]["name"] == "living lab scheveningen"
    assert d["project"]["new_legislation"] is False
    assert d["project"]["digital_service"] == {"offered": True, "aimed_at_minors": True}
    assert p["legal_basis"] == {"ground": "consent"}
    assert p["purposes"] == [
        {"description": "Ouders helpen hun kind op het strand terug te vinden en vermissingen sneller op te lossen."}
    ]
    assert {"category": "Kinderen jonger dan 16 jaar", "minors": "yes", "under_16": True} in p["data_subjects"]
    assert [(i["name"], i.get("category"), i.get("type")) for i in p["data_items"]] == [
        ("Naam, contactgegevens", "contact", "ordinary"),
        ("Apparaat- en internetgegevens", "online_identifier", "ordinary"),
        ("Demografische gegevens", "other", "ordinary"),
        # the combined option says "communication and/or location data", not which: one item, no category
        ("Communicatie- en locatiegegevens", None, "sensitive"),
    ]
    assert any("communicatiegegevens, locatiegegevens of beide" in nl for nl, _en in imp.questions)
    assert p["transfers"] == [{"country": UNKNOWN_COUNTRY, "mechanism": "scc"}]
    assert p["scale"] == {"records": 10_000, "frequency": "continuous"}
    assert p["retention"] == {"period": "P1Y"}
    assert set(p["techniques"]) == {"cloud"}  # "new technology" was an EDPB tick: declared (WP248 8), not a fact
    assert d["project"]["screening_declared"]["wp248"] == [7, 8]
    assert d["systems"] == [
        {
            "id": "clouddienst",
            "name": "Clouddienst (uit de Pre-scan)",
            "hosting": {"provider_hq_country": "ZZ", "telemetry_country": "ZZ"},
        }
    ]
    notes = d["notes"]
    # the AP-list ticks are declared items, not notes and not facts
    assert d["project"]["screening_declared"]["ap"] == [12, 14]
    assert "Pre-scan 3 Lijst AP" not in notes
    assert "0.5.3 Welke vorm van cloud betreft het?: Public cloud" in notes["Pre-scan 0 Inleiding"]


def test_prescan_scanauto() -> None:
    imp = imported("scanauto-parkeercontrole.prescan.json")
    p = processing(imp)
    assert p["legal_basis"] == {"ground": "public_task"}
    # the EDPB tick "Stelselmatige en grootschalige monitoring" is declared, not the fact scale.systematic
    assert p["scale"] == {"data_subjects": 10_000, "records": 10_000, "frequency": "periodic"}
    assert 3 in imp.description["project"]["screening_declared"]["wp248"]
    assert p["retention"] == {"period": "P2Y"}
    assert p["transfers"] == []
    assert p["algorithm"] == {"high_risk_ai": False, "impactful": True}
    assert set(p["techniques"]) == {"cloud", "algorithm"}
    assert p["collection"] == {"methods": ["base_register"]}
    assert {"name": "Gegevens uit de Basisregistratie Voertuigen (BRV)", "source": "base_register"} in p["data_items"]
    notes = imp.description["notes"]
    assert "(overgenomen als periodic)" in notes["Pre-scan 1 Gegevensverwerking"]
    assert "(overgenomen als P2Y)" in notes["Pre-scan 1 Gegevensverwerking"]
    assert "7.1.3" in notes["Pre-scan 7 Kinderrechten"]


def test_prescan_huishoudboekje() -> None:
    imp = imported("huishoudboekje.prescan.json")
    p = processing(imp)
    types = {(i["name"], i.get("type"), i.get("special_category")) for i in p["data_items"]}
    assert ("Gegevens over gezondheid", "special", "health") in types
    assert ("Nationaal identificatienummer (BSN)", "national_id", None) in types
    assert ("Gegevens over de financiële situatie", "sensitive", None) in types
    assert {"category": "Andere kwetsbare groepen (gehandicapten, minderheden, etc.)", "vulnerable": True} in p[
        "data_subjects"
    ]
    assert imp.description["project"]["digital_service"] == {"offered": True, "aimed_at_minors": False}


# ---------------------------------------------------------------------------------------------
# what is mapped where: DPIA


def test_dpia_living_lab() -> None:
    imp = imported("living-lab-scheveningen.dpia.json")
    d = imp.description
    assert [p["id"] for p in d["processings"]] == [
        "smart-city-hubs-sensoren-en-connectiviteit",
        "strandmaatje-ouders-volgen-hun-kind",
    ]
    hubs, app = d["processings"]
    assert [i["name"] for i in hubs["data_items"]] == ["MAC-adressen en bluetooth-ID's van telefoons"]
    assert [i["name"] for i in app["data_items"]] == [
        "naam, e-mailadres en telefoonnummer van de ouder",
        "locatiespoor van het kind",
        "foto van het kind",
    ]
    assert (
        app["data_items"][2]["source"] == "third_party"
        and app["data_items"][2]["source_party"] == "Ouders en verzorgers"
    )
    assert app["legal_basis"] == {"ground": "consent", "explanation": "Ouders geven toestemming namens hun kind."}
    assert app["transfers"] == [
        {
            "country": "US",
            "mechanism": "scc",
            "supplementary_measures": "Alleen crashrapporten zonder locatie; versleuteld transport.",
        }
    ]
    assert app["retention"]["period"] == "P1Y"
    assert app["purposes"][1] == {
        "description": "Locatiesporen gebruiken om de dienst te verbeteren",
        "further_processing": True,
        "original_purpose": "Kind terugvinden en zonemeldingen",
        "compatibility": "compatible",
    }
    assert app["rights"]["erasure"] == {
        "procedure": "yes",
        "explanation": "Ouders kunnen hun account in de app verwijderen.",
    }
    assert app["rights"]["access"] == {"procedure": "not_applicable"}
    assert [(p["name"], p["role"]) for p in d["parties"]] == [
        ("Gemeente Den Haag", "controller"),
        ("BoulevardNet BV", "processor"),
        ("Strandmaatje BV", "joint_controller"),
        ("AppSignal Cloud Inc.", "sub_processor"),
    ]
    assert d["risks"][0] == {
        "id": "R1",
        "description": "Onbevoegden volgen een kind",
        "origin": "Misbruik van een account",
        "likelihood": "midden",
        "impact": "hoog",
        "measures": ["Tweestapsverificatie voor ouders; melding bij inloggen op een nieuw toestel."],
        "residual": "midden",
        "owner": "Productowner Strandmaatje",
    }
    assert d["project"]["dpia"] == {"status": "in_progress", "date": "2026-10-01"}
    assert d["project"]["dpo"] == "mr. A. de Vries (Functionaris gegevensbescherming)"
    assert imp.ignored == (
        ("1.2.1[0]", "afbeeldingen worden niet overgenomen", "images are not imported"),
        (
            "14.2",
            "plaatshouder, geen antwoord ('Nog niet beoordeeld.'): de vraag blijft open",
            "placeholder, not an answer ('Nog niet beoordeeld.'): the question stays open",
        ),
    )
    assert imp.unanswered == ("14.2",)
    assert "proportionality" not in d["processings"][0].get("necessity", {})
    assert "Op volgorde toegekend" in d["notes"]["DPIA 5 Verwerkingsdoeleinden"]
    assert d["notes"]["DPIA 4 Technieken en methoden van de gegevensverwerkingen"].startswith(
        "4 Technieken en methoden"
    )


def test_dpia_scanauto() -> None:
    d = imported("scanauto-parkeercontrole.dpia.json").description
    scan, fine = d["processings"]
    assert scan["retention"]["period"] == "PT24H" and fine["retention"]["period"] == "P2Y"
    assert fine["legal_basis"]["ground"] == "legal_obligation"
    bsn = next(i for i in fine["data_items"] if i["name"].startswith("burgerservicenummer"))
    assert bsn == {
        "name": "burgerservicenummer van de kentekenhouder",
        "category": "national_id",
        "type": "national_id",
        "source": "third_party",
        "source_party": "RDW",
        "national_id": {"statutory_basis": "Wet algemene bepalingen burgerservicenummer, art. 10"},
    }
    assert "transfers" not in scan and "transfers" not in fine  # the Netherlands is no transfer
    assert d["project"]["dpia"] == {"status": "completed", "date": "2025-09-15"}
    assert d["project"]["dpo_advice"] == {
        "date": "2025-06-20",
        "summary": "Advies FG vastgelegd in: Advies FG scanauto 2025-06.pdf",
    }
    assert scan["rights"]["automated_decision"]["procedure"] == "yes"
    assert [r["residual"] for r in d["risks"]] == ["laag", "midden"]


def test_dpia_huishoudboekje() -> None:
    d = imported("huishoudboekje.dpia.json").description
    intake, bank = d["processings"]
    notes = next(i for i in intake["data_items"] if i["name"] == "gespreksverslagen")
    assert notes["type"] == "special" and notes["special_category"] == "health"
    assert notes["uavg_provision"] == "UAVG art. 30 lid 1 onder b (hulpverlening)"
    assert bank["purposes"][1]["compatibility"] == "permitted_by_law"
    assert intake["rights"]["erasure"] == {
        "procedure": "no",
        "explanation": "Beperkt op grond van een wettelijke uitzondering: Wgs: gegevens blijven nodig zolang het traject loopt.",
    }
    imp = imported("huishoudboekje.dpia.json")
    assert "onbekend, nog uit te zoeken" not in str(imp.description.get("notes"))  # a placeholder: left open
    assert any(key.startswith("8.1.1.1") for key in imp.unanswered)


def test_answers_to_hidden_questions_are_not_imported(tmp_path: Path) -> None:
    data = json.loads((EXPORTS / "scanauto-parkeercontrole.prescan.json").read_text(encoding="utf-8"))
    data["answers"]["2.1.3"] = {"value": "Buiten EER", "lastEditedAt": "2025-03-11T10:00:00.000Z"}  # 2.1.1 is "false"
    path = tmp_path / "export.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    imp = import_export(read_export(path))
    assert (
        "2.1.3",
        "de Invulhulp verbergt deze vraag (haar voorwaarde geldt niet)",
        "the Invulhulp hides this question (its condition does not hold)",
    ) in imp.ignored
    assert imp.hidden == frozenset({"2.1.3"})


# ---------------------------------------------------------------------------------------------
# the cross-check with the Invulhulp's own outcome


def _cross(name: str, tmp_path: Path) -> dict[str, dict[str, Any]]:
    code, out, err = run("import", "invulhulp", str(EXPORTS / name), "-o", str(tmp_path / "p.yaml"), "--format", "json")
    assert (code, err) == (0, "")
    return {c["assessment"]: c for c in json.loads(out)["cross_check"]}


def test_cross_check_living_lab(tmp_path: Path) -> None:
    c = _cross("living-lab-scheveningen.prescan.json", tmp_path)
    assert {k: (v["invulhulp"], v["pbd"], v["reasons"]) for k, v in c.items()} == {
        # the Pre-scan records no collection methods or observation in public space: pbd cannot settle the AP list
        "DPIA": ("required", "undetermined", ["pbd_undetermined", "ap_ticked", "edpb_ticked"]),
        "DTIA": (None, "required", ["dtia_any_route"]),  # support and storage inside the EEA, telemetry outside
        "KIA": ("recommended", "recommended", []),
        "IAMA": (None, None, []),
    }


def test_cross_check_scanauto(tmp_path: Path) -> None:
    c = _cross("scanauto-parkeercontrole.prescan.json", tmp_path)
    assert {k: (v["invulhulp"], v["pbd"], v["reasons"]) for k, v in c.items()} == {
        # the EDPB ticks (monitoring, scoring, ...) are declared, not facts: pbd cannot settle it from the Pre-scan
        "DPIA": ("required", "undetermined", ["pbd_undetermined", "ap_ticked", "edpb_ticked"]),
        "DTIA": (None, None, []),
        "KIA": (None, None, []),
        "IAMA": ("recommended", "recommended", []),
    }


def test_cross_check_huishoudboekje(tmp_path: Path) -> None:
    c = _cross("huishoudboekje.prescan.json", tmp_path)
    dpia = c["DPIA"]
    assert (dpia["invulhulp"], dpia["pbd"], dpia["reasons"]) == ("recommended", "undetermined", ["pbd_undetermined"])
    assert any(d.startswith("AP 5 ") for d in dpia["details"])  # among the rules the Pre-scan's answers leave open
    assert all(v["agree"] for k, v in c.items() if k != "DPIA")


def test_cross_check_is_shown_in_text(tmp_path: Path) -> None:
    code, out, _ = run(
        "import",
        "invulhulp",
        str(EXPORTS / "living-lab-scheveningen.prescan.json"),
        "-o",
        str(tmp_path / "p.yaml"),
        "--lang",
        "en",
    )
    assert code == 0
    assert "The Invulhulp's own outcome next to pbd's screening:" in out
    assert "  DTIA: Invulhulp not needed ≠ pbd indicated" in out
    assert "Difference (dtia_any_route)" in out


def test_a_dpia_export_has_no_cross_check(tmp_path: Path) -> None:
    code, out, _ = run(
        "import",
        "invulhulp",
        str(EXPORTS / "huishoudboekje.dpia.json"),
        "-o",
        str(tmp_path / "p.yaml"),
        "--format",
        "json",
    )
    assert code == 0
    assert json.loads(out)["cross_check"] is None


# ---------------------------------------------------------------------------------------------
# the tables cover every question


@pytest.mark.parametrize(("form", "table"), [("prescan", PRESCAN), ("dpia", DPIA)])
def test_every_question_is_in_the_mapping_table(form: str, table: dict[str, Any]) -> None:
    questions = {t.id for t in definition(form).tasks.values() if t.kind not in ("task_group", "informational")}
    assert questions - set(table) == set()
    assert set(table) - set(definition(form).tasks) == set()


# ---------------------------------------------------------------------------------------------
# bad input


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "export.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _valid() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXPORTS / "huishoudboekje.prescan.json").read_text(encoding="utf-8"))
    return data


def _error(tmp_path: Path, data: Any) -> str:
    path = _write(tmp_path, data)
    code, out, err = run("import", "invulhulp", str(path), "-o", str(tmp_path / "p.yaml"))
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "p.yaml").exists()
    return err


def test_not_json(tmp_path: Path) -> None:
    err = _error(tmp_path, '{"answers": ')
    assert err.startswith(f"Error: {tmp_path / 'export.json'}: not JSON (line 1, column")


def test_missing_field_is_named_with_its_path(tmp_path: Path) -> None:
    data = _valid()
    del data["answers"]["0.1"]["lastEditedAt"]
    err = _error(tmp_path, data)
    assert err.startswith(
        f"Error: {tmp_path / 'export.json'}: $.answers['0.1']: does not match the Invulhulp export format"
    )
    assert "'lastEditedAt' is a required property" in err


def test_wrong_schema_url(tmp_path: Path) -> None:
    data = _valid()
    data["$schema"] = "https://example.org/other.json"
    err = _error(tmp_path, data)
    assert "$.$schema" in err or "$['$schema']" in err


def test_a_form_pbd_does_not_import(tmp_path: Path) -> None:
    data = _valid()
    data["metadata"]["urn"] = "urn:nl:iama:1.0"
    err = _error(tmp_path, data)
    assert "form urn:nl:iama:1.0 version 1.0 is not known; pbd knows iama 2.0" in err


def test_a_description_instead_of_an_export(tmp_path: Path) -> None:
    err = _error(tmp_path, yaml.safe_load("project: {name: x}"))
    assert "does not match the Invulhulp export format" in err


def test_output_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "p.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    code, _out, err = run("import", "invulhulp", str(PRESCANS[0]), "-o", str(out))
    assert code == 2
    assert err == f"Error: {out}: exists already. Use --force to replace it, or choose another -o.\n"
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert run("import", "invulhulp", str(PRESCANS[0]), "-o", str(out), "--force")[0] == 0
    assert out.read_text(encoding="utf-8").startswith("# Geïmporteerd uit de Invulhulp")


def test_dpia_fixtures_listed() -> None:
    assert len(DPIAS) == len(PRESCANS) >= 3
