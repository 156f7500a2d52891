"""Every form and version the Invulhulp writes: URNs, IAMA 2.0, exports from before June 2026, the PDF export, and
the real MOZa DPIA export from the Invulhulp's own test fixtures (EUPL-1.2, see exports/upstream/NOTICE.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pypdf
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from pbd.cli import cli
from pbd.description.values import SCHEMA_VERSION
from pbd.errors import PbdError
from pbd.invulhulp.forms import KNOWN, UPSTREAM_COMMIT, parse_urn, resolve
from pbd.invulhulp.mapping import IAMA, Imported, import_export
from pbd.invulhulp.migrate_v1 import migrate
from pbd.invulhulp.reader import SCHEMA_FILE, definition, parse_export, read_export

EXPORTS = Path(__file__).parent / "exports"
UPSTREAM = EXPORTS / "upstream"
LEGACY = EXPORTS / "legacy"
MOZA = UPSTREAM / "moza-profielservice.dpia.json"
IAMA_SEED = UPSTREAM / "risicosignalering-jeugdzorg.iama.json"
SCHEMA_URL = "https://github.com/MinBZK/par-dpia-form/blob/main/schemas/assessment-output.v2.schema.json"
STAMP = "2026-09-01T09:00:00.000Z"
PKG = Path(__file__).resolve().parents[2] / "pbd" / "invulhulp"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def raw_answer_count(data: dict[str, Any]) -> int:
    """The answers of an assessment-output v2 file, counted from the JSON itself (not by pbd's reader)."""
    n = 0
    for value in data["answers"].values():
        n += sum(len([k for k in el if k != "_index"]) for el in value) if isinstance(value, list) else 1
    return n


def assert_accounted(imp: Imported, expected: int) -> None:
    """Every answer is mapped, kept or dropped exactly once, and the summary's numbers add up to the export's."""
    keys = [k for k, _ in imp.mapped] + [k for k, _ in imp.kept] + [k for k, *_ in imp.ignored]
    assert len(keys) == len(set(keys)), "an answer is accounted for twice"
    counts = imp.counts()
    assert counts["answers"] == expected
    assert counts["mapped"] + counts["notes"] + counts["dropped"] == expected
    assert imp.description["schema_version"] == SCHEMA_VERSION


def validates(imp_or_path: Imported | Path, tmp_path: Path) -> None:
    """The imported description passes `pbd validate`, like any hand-written one."""
    if isinstance(imp_or_path, Path):
        path = imp_or_path
    else:
        from pbd.invulhulp.mapping import description_yaml

        path = tmp_path / "imported.yaml"
        path.write_text(description_yaml(imp_or_path), encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert (code, err) == (0, ""), out


def export_of(urn: str, answers: dict[str, Any], **metadata: Any) -> dict[str, Any]:
    return {
        "$schema": SCHEMA_URL,
        "metadata": {"urn": urn, "createdAt": STAMP, **metadata},
        "answers": {k: v if isinstance(v, list) else {"value": v, "lastEditedAt": STAMP} for k, v in answers.items()},
    }


# ---------------------------------------------------------------------------------------------
# form URNs by family and version


@pytest.mark.parametrize(
    ("urn", "family", "version", "concept", "coarse"),
    [
        ("urn:nl:dpia:3.0", "dpia", "3.0", False, "3.0"),
        ("urn:nl:prescan:2.0", "prescan", "2.0", False, "2.0"),
        ("urn:nl:iama:2.0", "iama", "2.0", False, "2.0"),
        ("urn:nl:dpia:3.1.0-concept.2", "dpia", "3.1.0-concept.2", True, "3.1"),
        ("urn:nl:prescan:3-concept", "prescan", "3-concept", True, "3.0"),
    ],
)
def test_urns_parse_by_family_and_version(urn: str, family: str, version: str, concept: bool, coarse: str) -> None:
    parsed = parse_urn(urn)
    assert parsed is not None
    assert (parsed.family, parsed.version, parsed.concept, parsed.coarse) == (family, version, concept, coarse)


@pytest.mark.parametrize(
    "urn", ["urn:nl:dpia:3.1.0", "urn:nl:dpia", "urn:nl:DPIA:3.0", "dpia:3.0", "urn:nl:dpia:3.0-beta"]
)
def test_not_a_form_urn(urn: str) -> None:
    assert parse_urn(urn) is None  # an official version is MAJOR.MINOR; a prerelease is only "-concept"


def test_every_known_form_has_its_definition_with_that_urn_and_version() -> None:
    for family, versions in KNOWN.items():
        for version, form in versions.items():
            d = definition(family, version)
            assert (d.urn, d.version) == (f"urn:nl:{family}", version)
            assert (PKG / form.file).is_file()


def _cli_error(tmp_path: Path, data: Any) -> str:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run("import", "invulhulp", str(path), "-o", str(tmp_path / "p.yaml"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("Error: ")  # one line, no traceback
    assert not (tmp_path / "p.yaml").exists()
    return err


def test_an_unknown_concept_version_is_named(tmp_path: Path) -> None:
    err = _cli_error(tmp_path, export_of("urn:nl:dpia:3.1.0-concept.2", {"1.1": "Samenvatting"}))
    assert err.startswith(
        f"Error: {tmp_path / 'export.json'}: $.metadata.urn: form urn:nl:dpia:3.1.0-concept.2 version "
        "3.1.0-concept.2 is not known; pbd knows dpia 3.0 ("
    )
    assert "docs/invulhulp.md" in err


def test_a_form_family_pbd_does_not_know(tmp_path: Path) -> None:
    err = _cli_error(tmp_path, export_of("urn:nl:aiia:2.0", {"1.1": "x"}))  # the AIIA is on a branch, not main
    assert "form urn:nl:aiia:2.0: the form aiia is not known; pbd knows urn:nl:prescan:2.0, urn:nl:dpia:3.0" in err


def test_a_concept_of_a_known_version_is_read_with_that_definition() -> None:
    exp = parse_export(export_of("urn:nl:dpia:3.0.1-concept.1", {"1.1": "Samenvatting"}), "c.json")
    assert (exp.form, exp.version, exp.concept, exp.urn) == ("dpia", "3.0", True, "urn:nl:dpia:3.0.1-concept.1")
    assert exp.notes == (
        (
            "conceptversie 3.0.1-concept.1 gelezen met de definitie van urn:nl:dpia:3.0",
            "concept version 3.0.1-concept.1 read with the definition of urn:nl:dpia:3.0",
        ),
    )


def test_resolve_raises_one_error() -> None:
    with pytest.raises(PbdError, match="is not an Invulhulp form URN"):
        resolve(42, "x")


# ---------------------------------------------------------------------------------------------
# IAMA 2.0


def test_iama_seed_imports(tmp_path: Path) -> None:
    data = json.loads(IAMA_SEED.read_text(encoding="utf-8"))
    imp = import_export(read_export(IAMA_SEED))
    assert_accounted(imp, raw_answer_count(data))
    assert (len(imp.mapped), len(imp.kept), len(imp.ignored)) == (2, 2, 0)
    d = imp.description
    p = d["processings"][0]
    assert d["project"]["summary"].startswith("De jeugdzorgregio ervaart")
    assert p["techniques"] == ["algorithm"]
    assert p["purposes"][0]["description"].startswith("Hoofddoel: tijdige en passende hulp")
    assert p["algorithm"] == {"iama_done": False}  # part 1 only: the IAMA is not done
    assert "1.2.2" in d["notes"]["IAMA 1.0 Deel 1 – Waarom?"]
    validates(imp, tmp_path)


def _iama_answers() -> dict[str, Any]:
    return {
        "1.1.1": "Aanleiding",
        "1.1.2": "Doel",
        "1.3.1": "false",
        "1.3.2": "true",
        "1.3.4": "Jeugdwet art. 2.1",
        "2.1.1.1": "zelflerend",
        "2.1.1.2": "Een gradient-boosting model op dossiergegevens.",
        "2.2B.1": "Dossiers 2019-2024",  # an id with a letter, which the Invulhulp's key pattern does not allow
        "1.actiepunten.tekst[0]": "Juridisch advies vragen",
        "1.actiepunten.tekst[1]": "Bias-test plannen",
        "4.2.2": "nog te bepalen",
        "5.B": "Positief, onder voorwaarden.",
    }


def test_iama_choices_map_onto_the_algorithm_part(tmp_path: Path) -> None:
    data = export_of("urn:nl:iama:2.0", _iama_answers())
    imp = import_export(parse_export(data, "iama.json"))
    assert_accounted(imp, raw_answer_count(data))
    p = imp.description["processings"][0]
    assert p["algorithm"] == {
        "description": "Een gradient-boosting model op dossiergegevens.",
        "self_learning": True,
        "iama_done": False,  # no part marked completed
        "ai_act": {"prohibited_practice": "none"},
    }
    assert p["legal_basis"] == {"ground": "public_task", "provision": "Jeugdwet art. 2.1"}
    assert imp.unanswered == ("4.2.2",)  # a placeholder stays open
    notes = imp.description["notes"]
    assert "1.actiepunten.tekst[0]" in notes["IAMA 1.0 Deel 1 – Waarom?"]
    assert "1.actiepunten.tekst[1]" in notes["IAMA 1.0 Deel 1 – Waarom?"]  # both action points, not one
    assert "2.2B.1" in notes["IAMA 2 Deel 2 – Wat?"]
    validates(imp, tmp_path)


def test_a_completed_iama_counts_as_done_and_as_fria() -> None:
    data = export_of("urn:nl:iama:2.0", _iama_answers(), completedTasks=["0", "1.0", "2", "3", "4", "5"])
    p = import_export(parse_export(data, "iama.json")).description["processings"][0]
    assert p["algorithm"]["iama_done"] is True
    assert p["algorithm"]["ai_act"] == {"prohibited_practice": "none", "fria_done": True}


def test_every_iama_mapping_names_a_question() -> None:
    d = definition("iama")
    assert set(IAMA) <= set(d.tasks)


# ---------------------------------------------------------------------------------------------
# exports from before June 2026


@pytest.mark.parametrize("stem", ["huishoudboekje.dpia", "living-lab-scheveningen.dpia"])
def test_a_v1_export_imports_like_its_v2_export(stem: str, tmp_path: Path) -> None:
    old = read_export(LEGACY / f"{stem}.v1.json")
    assert old.shape == "v1"
    assert old.urn == "urn:nl:dpia:3.0"
    assert "the export names no form version; read as urn:nl:dpia:3.0, the version pbd follows" in {
        en for _nl, en in old.notes
    }
    new = read_export(EXPORTS / f"{stem}.json")
    a, b = import_export(new, name="x"), import_export(old, name="x")
    assert a.description == b.description
    assert a.counts() == b.counts()
    data = json.loads((LEGACY / f"{stem}.v1.json").read_text(encoding="utf-8"))
    assert_accounted(b, len(data["answers"]["dpia"]))
    validates(b, tmp_path)


def test_a_namespaced_export_imports_like_its_v2_export() -> None:
    old = read_export(LEGACY / "living-lab-scheveningen.prescan.namespaced.json")
    assert (old.shape, old.urn, old.completed) == ("namespaced", "urn:nl:prescan:2.0", ("0", "1", "2"))
    new = read_export(EXPORTS / "living-lab-scheveningen.prescan.json")
    assert import_export(old, name="x").description == import_export(new, name="x").description


def test_v1_keys_become_question_ids_the_way_the_invulhulp_does_it() -> None:
    inst: dict[str, dict[str, Any]] = {
        k: {"id": k, "taskId": t, "groupId": "2", "parentInstanceId": None, "childInstanceIds": []}
        for k, t in (("2.1.1_bbb", "2.1.1"), ("2.1.1_aaa", "2.1.1"), ("1.1_x", "1.1"))
    }
    data = {
        "metadata": {"createdAt": STAMP, "activeNamespace": "dpia"},
        "answers": {"dpia": {"2.1.1_bbb": {"value": "B"}, "2.1.1_aaa": {"value": "A"}, "1.1_x": {"value": "S"}}},
        "taskState": {"dpia": {"completedRootTaskIds": ["1"], "taskInstances": inst}},
    }
    m = migrate(data)
    assert m.shape == "v1"
    assert m.data["answers"] == {"2.1.1[1]": {"value": "B"}, "2.1.1[0]": {"value": "A"}, "1.1": {"value": "S"}}
    assert m.data["metadata"] == {"urn": "urn:nl:dpia:3.0", "createdAt": STAMP, "completedTasks": ["1"]}
    assert m.data["$schema"] == SCHEMA_URL


def test_a_v1_key_without_instance_is_dropped_and_counted() -> None:
    data = {
        "metadata": {"createdAt": STAMP},
        "answers": {"prescan": {"0.2_abc": {"value": "Samenvatting", "lastEditedAt": STAMP}}},
        "taskState": {"prescan": {"completedRootTaskIds": [], "taskInstances": {}}},
    }
    exp = parse_export(data, "old.json")
    assert exp.unknown == ("0.2_abc",)
    imp = import_export(exp)
    assert_accounted(imp, 1)
    assert imp.ignored[0][0] == "0.2_abc"


def test_migrate_leaves_a_v2_export_alone() -> None:
    data = json.loads(MOZA.read_text(encoding="utf-8"))
    m = migrate(data)
    assert m.data is data and m.shape == "v2" and m.notes == ()


# ---------------------------------------------------------------------------------------------
# the PDF export: its JSON state in the document information (key AssessmentData)


def make_invulhulp_pdf(path: Path, state: str | None, *, hex_utf16: bool = False) -> Path:
    """A PDF as the Invulhulp's PDF export writes it: pages, and the JSON state under /AssessmentData in /Info."""
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    info: dict[str, Any] = {"/Title": "DPIA", "/Producer": "pdfmake", "/Creator": "Invulhulp"}
    if state is not None:
        info["/AssessmentData"] = (
            pypdf.generic.ByteStringObject(b"\xfe\xff" + state.encode("utf-16-be")) if hex_utf16 else state
        )
    writer.add_metadata(info)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("hex_utf16", [False, True], ids=["text-string", "hex-utf16"])
def test_a_pdf_export_imports_like_its_json(hex_utf16: bool, tmp_path: Path) -> None:
    state = json.dumps(json.loads(MOZA.read_text(encoding="utf-8")), ensure_ascii=False)
    pdf = make_invulhulp_pdf(tmp_path / "moza.pdf", state, hex_utf16=hex_utf16)
    from_pdf, from_json = read_export(pdf), read_export(MOZA)
    assert from_pdf.container == "pdf"
    a, b = import_export(from_pdf, name="x"), import_export(from_json, name="x")
    assert a.description == b.description and a.counts() == b.counts()
    code, out, err = run("import", "invulhulp", str(pdf), "-o", str(tmp_path / "moza.yaml"), "--format", "json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["container"] == "pdf" and report["counts"]["answers"] == 167
    validates(tmp_path / "moza.yaml", tmp_path)


def test_a_pdf_without_invulhulp_data(tmp_path: Path) -> None:
    pdf = make_invulhulp_pdf(tmp_path / "other.pdf", None)
    code, _out, err = run("import", "invulhulp", str(pdf), "-o", str(tmp_path / "p.yaml"))
    assert code == 2
    assert (
        err
        == f"Error: {pdf}: this PDF holds no Invulhulp data (no AssessmentData in its document information). Use a PDF exported by the Invulhulp itself, or its JSON export.\n"
    )


def test_a_broken_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "broken.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%garbage\n")
    code, _out, err = run("import", "invulhulp", str(pdf), "-o", str(tmp_path / "p.yaml"))
    assert code == 2 and err.startswith(f"Error: {pdf}: ") and err.count("\n") == 1


def test_a_pdf_whose_data_are_not_json(tmp_path: Path) -> None:
    pdf = make_invulhulp_pdf(tmp_path / "x.pdf", "{not json")
    code, _out, err = run("import", "invulhulp", str(pdf), "-o", str(tmp_path / "p.yaml"))
    assert code == 2 and "AssessmentData: the Invulhulp data in this PDF are not JSON" in err


# ---------------------------------------------------------------------------------------------
# the real MOZa DPIA export (Invulhulp test fixture issue-21-prod-state.json)


@pytest.fixture(scope="module")
def moza() -> Imported:
    return import_export(read_export(MOZA))


def test_moza_counts_match_the_export(moza: Imported) -> None:
    data = json.loads(MOZA.read_text(encoding="utf-8"))
    assert raw_answer_count(data) == 167
    assert_accounted(moza, 167)
    assert moza.counts() == {"answers": 167, "mapped": 95, "notes": 56, "dropped": 16, "placeholders": 13}


def test_moza_is_a_dpia_in_progress(moza: Imported) -> None:
    assert moza.description["project"]["dpia"] == {"status": "in_progress"}


def test_moza_placeholders_stay_open(moza: Imported) -> None:
    assert "15.3.2" in moza.unanswered  # "Nog te implementeren"
    assert sum(k.startswith("2.1.9[") for k in moza.unanswered) == 12  # "tbd"
    text = json.dumps(moza.description, ensure_ascii=False)
    assert "Nog te implementeren" not in text and '"tbd"' not in text and ": tbd" not in text
    for proc in moza.description["processings"]:
        assert "procedure" not in proc.get("rights", {}).get("erasure", {})  # "yes" + a placeholder: not established


def test_moza_raises_the_unknown_scale(moza: Imported) -> None:
    asked = [en for _nl, en in moza.questions if "scale.data_subjects" in en]
    assert len(asked) == len(moza.description["processings"]) == 3


@pytest.mark.slow
def test_moza_validates_and_erasure_is_open_not_met(tmp_path: Path) -> None:
    out = tmp_path / "moza.yaml"
    code, _o, err = run("import", "invulhulp", str(MOZA), "-o", str(out))
    assert (code, err) == (0, "")
    validates(out, tmp_path)
    code, _o, err = run("check", str(out), "-o", f"json:{tmp_path / 'r.json'}", "--date", "2026-11-01")
    assert err == ""
    result = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    rb02 = {f["target"]: f["status"] for f in result["findings"] if f.get("rule") == "RB-02"}
    assert rb02 and set(rb02.values()) == {"open"}  # "Nog te implementeren" is not a procedure
    asked = {q["path"] for o in result["screening"]["questions"] for q in o["questions"]}
    assert "$.processings[0].scale.data_subjects" in asked


def test_moza_summary_in_text(tmp_path: Path) -> None:
    code, out, _err = run("import", "invulhulp", str(MOZA), "-o", str(tmp_path / "m.yaml"), "--lang", "en")
    assert code == 0
    assert (
        "Summary: 167 answers in the export: 95 mapped onto a field, 56 kept as a note, 16 not imported "
        "(of which 13 placeholders, which stay open)." in out
    )
    assert "Open questions the import cannot answer (3):" in out


def test_upstream_fixtures_keep_their_licence_notice() -> None:
    notice = (UPSTREAM / "NOTICE.md").read_text(encoding="utf-8")
    assert "EUPL-1.2" in notice and "issue-21-prod-state.json" in notice and "seed-dev.ts" in notice
    assert (UPSTREAM / "LICENSE").read_text(encoding="utf-8").startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")


# ---------------------------------------------------------------------------------------------
# the shipped form definitions in step with the Invulhulp

_SHIPPED = {
    "prescan.yaml": "sources/prescan.yaml",
    "dpia.yaml": "sources/dpia.yaml",
    "iama.yaml": "sources/iama.yaml",
    "assessment-output.v2.schema.json": "schemas/assessment-output.v2.schema.json",
}


@pytest.mark.parametrize("shipped", sorted(_SHIPPED))
def test_shipped_definitions_match_the_invulhulp_checkout(shipped: str) -> None:
    """Set PBD_INVULHULP_CHECKOUT to a checkout of MinBZK/par-dpia-form (main) to compare the shipped copies."""
    checkout = os.environ.get("PBD_INVULHULP_CHECKOUT")
    if not checkout:
        pytest.skip("PBD_INVULHULP_CHECKOUT is not set (a checkout of MinBZK/par-dpia-form to compare with)")
    upstream = Path(checkout) / _SHIPPED[shipped]
    assert upstream.is_file(), f"{upstream} is missing: is PBD_INVULHULP_CHECKOUT a checkout of par-dpia-form?"
    assert (PKG / shipped).read_bytes() == upstream.read_bytes(), (
        f"pbd/invulhulp/{shipped} differs from the Invulhulp's {_SHIPPED[shipped]}: copy it, check the mapping "
        f"tables and update docs/invulhulp.md (pbd follows commit {UPSTREAM_COMMIT})"
    )


def test_docs_name_the_invulhulp_version_pbd_follows() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "invulhulp.md").read_text(encoding="utf-8")
    assert UPSTREAM_COMMIT in doc
    for versions in KNOWN.values():
        for form in versions.values():
            assert form.urn in doc


def test_the_relaxed_schema_still_checks_answers(tmp_path: Path) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$id"] == SCHEMA_URL
    data = export_of("urn:nl:iama:2.0", {"1.1.1": "x"})
    data["answers"]["1.1.1"]["value"] = 42
    err = _cli_error(tmp_path, data)
    assert "$.answers['1.1.1'].value" in err and "assessment-output v2" in err
    data = export_of("urn:nl:iama:2.0", {"__proto__": "x"})
    assert "$.answers" in _cli_error(tmp_path, data)


def test_a_placeholder_is_unanswered_but_a_name_stays_a_name(tmp_path: Path) -> None:
    data = export_of(
        "urn:nl:dpia:3.0",
        {"1.1": "n.t.b.", "6.1": [{"_index": 0, "6.1.1.1": {"value": "PM", "lastEditedAt": STAMP}}]},
    )
    data["answers"]["6.1.1"] = data["answers"].pop("6.1")
    imp = import_export(parse_export(data, "d.json"))
    assert imp.unanswered == ("1.1",)
    assert "summary" not in imp.description["project"]  # "n.t.b." is not a summary
    assert imp.description["parties"] == [{"name": "PM"}]  # a name is required: it stays, as the engine keeps it
    assert_accounted(imp, 2)
    validates(imp, tmp_path)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=12,
)
_KEYS = st.sampled_from(["1.1", "2.1", "2.1.1_ab", "prescan", "dpia", "iama", "__proto__", "0.2[1]", "x"])


@pytest.mark.slow
@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    answers=st.dictionaries(_KEYS, _JSON, max_size=4) | _JSON,
    metadata=st.fixed_dictionaries(
        {},
        optional={
            "urn": st.sampled_from(["urn:nl:dpia:3.0", "urn:nl:iama:2.0", "urn:nl:x:1.0", "bad"]) | _JSON,
            "createdAt": st.just(STAMP) | _JSON,
            "activeNamespace": st.sampled_from(["dpia", "prescan", "iama"]) | _JSON,
        },
    ),
    task_state=_JSON,
    schema=st.booleans(),
)
def test_any_json_is_read_or_refused_with_one_error(
    answers: Any, metadata: dict[str, Any], task_state: Any, schema: bool
) -> None:
    data: dict[str, Any] = {"metadata": metadata, "answers": answers, "taskState": task_state}
    if schema:
        data["$schema"] = SCHEMA_URL
    try:
        exp = parse_export(data, "fuzz.json")
    except PbdError:
        return
    imp = import_export(exp)  # whatever was read imports, and every answer is accounted for
    assert_accounted(imp, exp.answer_count)
