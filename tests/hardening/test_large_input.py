"""A large but valid description: bounded memory, and a JSON result in proportion to what it reports.

Issue 18: a 1 MB description needs less than 500 MB and writes a JSON proportional to what it
reports. The description is the largest example grown to the model's cap of 50 processings, each
with a long description text, to just over 1 MB.
"""

from __future__ import annotations

import copy
import json
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from pbd.limits import MAX_PROCESSINGS

ROOT = Path(__file__).resolve().parents[2]
PARAGRAPH = (
    "De sensoren tellen passanten per kwartier en sturen alleen tellingen door naar het platform; "
    "de projectgroep beschrijft hier per verwerking wat er gebeurt, wie toegang heeft en waarom. "
)


def _large_description() -> str:
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "stratumseind.yaml").read_text(encoding="utf-8"))
    originals = data["processings"]
    grown = []
    for n in range(MAX_PROCESSINGS):
        proc = copy.deepcopy(originals[n % len(originals)])
        if n >= len(originals):  # the first ones keep their ids: risks and waivers name them
            proc["id"] = f"{proc['id']}-{n}"
            proc["name"] = f"{proc['name']} {n}"
        proc["description"] = PARAGRAPH * 90
        grown.append(proc)
    data["processings"] = grown
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.mark.slow
def test_a_one_megabyte_description_stays_within_memory_and_its_json_in_proportion(tmp_path: Path) -> None:
    source = tmp_path / "groot.yaml"
    source.write_text(_large_description(), encoding="utf-8")
    assert source.stat().st_size >= 1_000_000
    out = tmp_path / "groot.json"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    run = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "check", str(source), "-o", f"json:{out}", "--date", "2026-12-01"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert run.returncode in (0, 1), run.stderr
    assert "Traceback" not in run.stderr
    # the peak of the largest child so far: this one, unless an earlier child of this process was larger
    assert max(peak_kib, before) < 500 * 1024, f"peak {peak_kib / 1024:.0f} MB"
    result = json.loads(out.read_text(encoding="utf-8"))
    findings = (
        result["findings"] if isinstance(result, dict) and "findings" in result else result["results"][0]["findings"]
    )
    size = out.stat().st_size
    # in proportion to what it reports: a bounded number of bytes per finding, and the long texts of the
    # description are not copied into the result
    assert size < 1_500 * max(len(findings), 1), f"{size} bytes for {len(findings)} findings"
    assert PARAGRAPH.strip() not in out.read_text(encoding="utf-8")
