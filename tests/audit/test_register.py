"""`pbd register`: the art. 30(1) register holds every field the descriptions answer."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from pbd.audit.register import COLUMNS, register_entries
from pbd.cli import cli
from pbd.description import load_description
from tests.conftest import EXAMPLES


def run(*args: str) -> tuple[int, str, str]:
    """The command line as a user runs it: errors are one `Error:` line and exit 2; a traceback fails the test."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _personal(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in data.get("processings", []) if p.get("personal_data") is not False]


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_answered_art30_field_is_in_the_register(example: Path) -> None:
    raw = yaml.safe_load(example.read_text(encoding="utf-8"))
    entries = register_entries(load_description(example), "nl")
    processings = _personal(raw)
    assert [e["processing_id"] for e in entries] == [[p["id"]] for p in processings]
    project = raw["project"]
    roles = [p["name"] for p in raw.get("parties", []) if p.get("role") in ("controller", "joint_controller")]
    for proc, entry in zip(processings, entries, strict=True):
        where = f"{example.stem}/{proc['id']}"
        # (a) controller, contact details, DPO
        if roles or project.get("organisation"):
            assert entry["controller"] == (roles or [project["organisation"]]), where
        for key in ("contact", "department"):
            if project.get(key):
                assert project[key] in entry["contact"], where
        if project.get("dpo"):
            assert entry["dpo"] == [project["dpo"]], where
        # (b) purposes
        assert entry["purposes"] == [p["description"] for p in proc.get("purposes", [])], where
        # (c) categories of data subjects and of personal data
        assert entry["data_subjects"] == [s["category"] for s in proc.get("data_subjects", [])], where
        items = proc.get("data_items", [])
        assert len(entry["personal_data"]) == len(items), where
        for item, text in zip(items, entry["personal_data"], strict=True):
            assert text.startswith(item["name"]), where
        # (d) recipients
        recipients = set(proc.get("shared_with", []))
        recipients |= {r for p in proc.get("purposes", []) for r in p.get("recipients", [])}
        recipients |= {t["recipient"] for t in proc.get("transfers", []) if t.get("recipient")}
        assert set(entry["recipients"]) == recipients, where
        # (e) transfers to third countries
        transfers = proc.get("transfers", [])
        assert [t.split(" — ")[0] for t in entry["transfers"]] == [t["country"] for t in transfers], where
        # (f) time limits for erasure
        retention = proc.get("retention", {})
        for key in ("period", "raw_data_period"):
            if key in retention:
                assert any(retention[key] in line for line in entry["retention"]), where
        for item in items:
            if "retention" in item:
                assert f"{item['name']}: {item['retention']}" in entry["retention"], where
        # (g) security measures
        if proc.get("security"):
            assert entry["security"], where
            if "classification" in proc["security"]:
                assert proc["security"]["classification"] in entry["security"], where


def test_csv_has_one_row_per_processing_of_personal_data(tmp_path: Path) -> None:
    target = tmp_path / "register.csv"
    code, out, err = run("register", str(EXAMPLES[0].parent), "-o", str(target))
    assert (code, out, err) == (0, "", "")
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows[0] == [nl for _k, nl, _en, _ref in COLUMNS]
    expected = sum(len(_personal(yaml.safe_load(p.read_text(encoding="utf-8")))) for p in EXAMPLES)
    assert len(rows) - 1 == expected
    assert all(len(r) == len(COLUMNS) for r in rows)


def test_json_in_english(tmp_path: Path) -> None:
    target = tmp_path / "register.json"
    code, _out, _err = run("register", *map(str, EXAMPLES), "-o", str(target), "--lang", "en")
    assert code == 0
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["lang"] == "en"
    assert [c["key"] for c in doc["columns"]] == [k for k, *_ in COLUMNS]
    assert {c["article"] for c in doc["columns"]} >= {
        "30(1)(a)",
        "30(1)(b)",
        "30(1)(c)",
        "30(1)(d)",
        "30(1)(e)",
        "30(1)(f)",
        "30(1)(g)",
    }
    assert all(set(e) == {k for k, *_ in COLUMNS} for e in doc["register"])


def test_stdout_is_csv_and_deterministic() -> None:
    outs = {run("register", *map(str, EXAMPLES))[1] for _ in range(2)}
    assert len(outs) == 1
    assert next(iter(outs)).startswith("Bestand,Organisatie,Project,")


def test_register_of_a_small_description(tmp_path: Path) -> None:
    desc = tmp_path / "p.yaml"
    desc.write_text(
        "schema_version: 2\n"
        "project:\n"
        "  {name: Klein, organisation: Gemeente X, dpo: FG X,\n"
        "   impact_classification: {done: true, confidentiality: hoog, integrity: midden, availability: laag}}\n"
        "processings:\n"
        "  - id: a\n"
        "    purposes: [{description: Tellen}]\n"
        "    data_subjects: [{category: Bezoekers}]\n"
        "    data_items: [{name: telling, category: measurement}]\n"
        "    retention: {period: P30D, deletion: automatic}\n"
        "    security: {encryption_at_rest: true, access_logging: false}\n"
        "    transfers: [{country: US, recipient: Cloud Inc., mechanism: scc}]\n"
        "  - id: b\n"
        "    personal_data: false\n",
        encoding="utf-8",
    )
    (entry,) = register_entries(load_description(desc), "nl")
    assert entry["controller"] == ["Gemeente X"]
    assert entry["dpo"] == ["FG X"]
    assert entry["personal_data"] == ["telling (meetwaarde)"]
    assert entry["recipients"] == ["Cloud Inc."]
    assert entry["transfers"] == ["US — Cloud Inc. — standaardcontractbepalingen (SCC)"]
    assert entry["retention"] == ["bewaartermijn P30D", "verwijdering: automatisch"]
    assert entry["security"] == [
        "BIO2-impactclassificatie: vertrouwelijkheid hoog, integriteit midden, beschikbaarheid laag",
        "Versleutelde opslag",
    ]


def test_an_invalid_description_stops_the_export(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("project: {}\n", encoding="utf-8")
    target = tmp_path / "register.csv"
    code, out, err = run("register", str(EXAMPLES[0]), str(bad), "-o", str(target))
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: {bad}:")
    assert not target.exists()


def test_unknown_output_format(tmp_path: Path) -> None:
    code, _out, err = run("register", str(EXAMPLES[0]), "-o", str(tmp_path / "register.txt"))
    assert code == 2
    assert "cannot tell the format from '.txt'" in err
    assert len(err.strip().splitlines()) == 1
