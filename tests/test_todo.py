"""The gate to-do list (pbd todo): due by the gate and only those, merged, grouped, exported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from pbd.cli import cli
from pbd.description import load_description
from pbd.engine.evaluate import evaluate
from pbd.engine.findings import Assessment, Finding
from pbd.errors import UsageError
from pbd.knowledge_base import KnowledgeBase
from pbd.render.todo import annex_csv, gate_lines, render_csv, render_ics, render_markdown, render_text, safe_cell
from pbd.todo import Assignment, build_todo, parse_sidecar, procurement_annex
from pbd.vocabulary import Basis, Gate, RuleKind, Severity, Status

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 12, 3)
STRATUMSEIND = ROOT / "examples" / "stratumseind.yaml"


def _assess(kb: KnowledgeBase, path: Path, gate: Gate | None = None) -> Assessment:
    return evaluate(load_description(path), kb, gate=gate, today=TODAY)


def _finding(rule: str, target: str, status: str = "gap", path: str = "$", **kw: object) -> Finding:
    se = rule.startswith("SE-")
    defaults: dict[str, object] = {
        "kind": RuleKind.SYSTEM_REQUIREMENT if se else RuleKind.CRITERION,
        "group": rule.split("-")[1] if se else rule.split("-", maxsplit=1)[0],
        "severity": Severity.HIGH,
        "gate": Gate.AANBESTEDING if se else Gate.ONTWERP,
        "basis": Basis.LAW,
        "line": 1,
        "column": 1,
        "detail_nl": f"detail {rule}",
        "detail_en": f"detail {rule}",
    }
    defaults.update(kw)
    return Finding(rule=rule, target=target, status=Status(status), path=path, **defaults)  # type: ignore[arg-type]


def _synthetic(kb: KnowledgeBase, findings: list[Finding], name: str = "Test") -> Assessment:
    a = _assess(kb, ROOT / "tests/calibration/C1-parkeersensoren.yaml")
    return Assessment(
        **{**{k: getattr(a, k) for k in a.__dataclass_fields__}, "findings": tuple(findings), "project": name}
    )


# ---------------------------------------------------------------------------------------------
# what is due


@pytest.mark.parametrize("case", ["C1-parkeersensoren.yaml", "C2-parkeervergunning.yaml"])
def test_positive_controls_have_an_empty_list_at_their_gate(kb: KnowledgeBase, case: str) -> None:
    a = _assess(kb, ROOT / "tests/calibration" / case)
    todo = build_todo(a, kb)
    assert todo.gate is a.phase
    assert [(x.closes, x.target) for x in todo.actions] == []


def test_ontwerp_list_is_a_strict_subset_of_the_aanbesteding_list_on_stratumseind(kb: KnowledgeBase) -> None:
    a = _assess(kb, STRATUMSEIND)
    ontwerp = {x.key for x in build_todo(a, kb, Gate.ONTWERP).actions}
    aanbesteding = {x.key for x in build_todo(a, kb, Gate.AANBESTEDING).actions}
    assert ontwerp < aanbesteding
    # systeemeisen are due at the tender, not at the design gate
    assert not any(k.startswith("SE:") for k in ontwerp)
    assert any(k.startswith("SE:dataplatform:") for k in aanbesteding)


def test_only_actions_due_by_the_gate_and_later_ones_as_counts(kb: KnowledgeBase) -> None:
    a = _synthetic(
        kb,
        [
            _finding("RM-01", "p"),
            _finding("SE-RE-06", "platform"),
            _finding("SE-BV-02", "platform", "open", gate=Gate.REALISATIE),
            _finding("RB-01", "p", "met"),
        ],
    )
    todo = build_todo(a, kb, Gate.ONTWERP)
    assert [x.key for x in todo.actions] == ["RM-01:p"]
    assert todo.later == ((Gate.AANBESTEDING, 1), (Gate.REALISATIE, 1))


def test_one_action_closes_the_paths_of_one_rule_and_its_dependants(kb: KnowledgeBase) -> None:
    a = _synthetic(
        kb,
        [
            _finding("RM-10", "p", path="$.processings[0].a"),
            _finding("RM-10", "p", "open", path="$.processings[0].b"),
            _finding("RM-01", "p", depends_on=("RM-10",), path="$.processings[0]"),
        ],
    )
    todo = build_todo(a, kb, Gate.BEHEER)
    assert [(x.key, x.closes, x.paths, x.status.value) for x in todo.actions] == [
        ("RM-10:p", ("RM-10", "RM-01"), ("$.processings[0].a", "$.processings[0].b", "$.processings[0]"), "gap")
    ]


def test_grouped_per_object_and_sorted_by_severity_then_basis(kb: KnowledgeBase) -> None:
    a = _synthetic(
        kb,
        [
            _finding("SE-TG-08", "platform", severity=Severity.LOW, basis=Basis.GUIDANCE),
            _finding("SE-LG-03", "platform", severity=Severity.MEDIUM, basis=Basis.GUIDANCE),
            _finding("SE-RE-04", "platform", severity=Severity.MEDIUM, basis=Basis.LAW),
            _finding("RM-01", "p"),
            _finding("VA-01", "project", severity=Severity.MEDIUM),
        ],
    )
    todo = build_todo(a, kb, Gate.BEHEER)
    assert [(s, t, [x.closes[0] for x in xs]) for s, t, xs in todo.groups()] == [
        ("project", "project", ["VA-01"]),
        ("processing", "p", ["RM-01"]),
        ("system", "platform", ["SE-RE-04", "SE-LG-03", "SE-TG-08"]),
    ]


def test_low_guidance_is_on_the_list_as_advice_and_does_not_hold_the_gate(kb: KnowledgeBase) -> None:
    a = _synthetic(
        kb,
        [
            _finding("SE-TG-08", "platform", severity=Severity.LOW, basis=Basis.GUIDANCE),
            _finding("SE-LG-03", "platform", severity=Severity.MEDIUM, basis=Basis.GUIDANCE),
            _finding("SE-TG-05", "platform", severity=Severity.MEDIUM, basis=Basis.GUIDANCE),
            # the logging criterion SE-LG-03 serves is not met; nothing says SE-TG-05's criteria are not
            _finding("IV-04", "melden", severity=Severity.HIGH, gate=Gate.REALISATIE),
        ],
    )
    a = Assessment(**{**{k: getattr(a, k) for k in a.__dataclass_fields__}, "gate": Gate.BEHEER})
    todo = build_todo(a, kb, Gate.BEHEER)
    assert [(x.closes[0], x.holds) for x in todo.actions] == [
        ("IV-04", True),
        ("SE-LG-03", True),
        ("SE-TG-05", False),
        ("SE-TG-08", False),
    ]
    lines = gate_lines(todo, "nl", 200)
    assert [line for line in lines if "SE-TG-08" in line and "advies" in line]
    assert "advies" in render_text(todo, "nl", 200)
    assert not [line for line in lines if "SE-LG-03" in line and "advies" in line]
    decision = a.decision()
    assert decision is not None
    assert [(i.rule, sorted(i.rules)) for i in decision.blocking] == [("IV-04", ["IV-04", "SE-LG-03"])]
    assert [f.rule for f in decision.advice] == ["SE-TG-08", "SE-TG-05"]


def test_a_systeemeis_action_says_the_fix_and_the_evidence_in_plain_dutch(kb: KnowledgeBase) -> None:
    todo = build_todo(_synthetic(kb, [_finding("SE-RE-06", "platform")]), kb, Gate.BEHEER)
    (x,) = todo.actions
    assert x.title_nl == "Laat vastleggen en aantonen: verwijderen per persoon, ook bij ontvangers"
    assert x.fix_nl == kb.system_requirements["SE-RE-06"].text.nl
    assert x.evidence_nl.startswith("controle met demonstratie of test (door of namens de gemeente), vastgelegd als ")
    assert x.closes == ("SE-RE-06",)


# ---------------------------------------------------------------------------------------------
# owner and due date


def test_owner_due_and_overdue_from_the_sidecar(kb: KnowledgeBase) -> None:
    a = _synthetic(kb, [_finding("RM-01", "p"), _finding("RM-02", "p")])
    assignments = parse_sidecar(
        {
            "actions": [
                {"rule": "RM-01", "owner": "Team Privacy", "due": dt.date(2026, 11, 1)},
                {"rule": "RM-02", "target": "p", "owner": "Jurist", "due": "2027-01-15"},
            ]
        },
        "x.actions.yaml",
    )
    todo = build_todo(a, kb, Gate.ONTWERP, assignments)
    assert [(x.closes[0], x.owner, x.due, x.overdue) for x in todo.actions] == [
        ("RM-01", "Team Privacy", dt.date(2026, 11, 1), True),
        ("RM-02", "Jurist", dt.date(2027, 1, 15), False),
    ]
    assert todo.overdue == 1
    assert "VERLOPEN" in render_text(todo, "nl", 80)


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ([1, 2], "x.yaml: $"),
        ({"actions": [{"owner": "A"}]}, "x.yaml: $.actions[0]"),
        ({"actions": [{"rule": "RM-01", "due": "morgen"}]}, "x.yaml: $.actions[0].due"),
        ({"actions": [{"rule": "RM-01", "wie": "A"}]}, "x.yaml: $.actions[0].wie"),
    ],
)
def test_a_broken_sidecar_names_the_place(data: object, where: str) -> None:
    with pytest.raises(UsageError) as info:
        parse_sidecar(data, "x.yaml")
    assert info.value.line().startswith(f"Error: {where}: ")


# ---------------------------------------------------------------------------------------------
# formats


def test_text_is_wrapped_to_the_width_and_english_throughout(kb: KnowledgeBase) -> None:
    todo = build_todo(_assess(kb, STRATUMSEIND), kb, Gate.AANBESTEDING)
    for width in (60, 100):
        assert max(len(line) for line in render_text(todo, "nl", width).splitlines()) <= width
    en = render_text(todo, "en", 100)
    assert en.startswith("Action list — ")
    for dutch in ("Wat te doen", "Sluit:", "beslismoment", "tekortkoming", "functionaliteit"):
        assert dutch not in en
    assert "functionaliteit 'pentest_report'" not in render_text(todo, "nl", 100)


def test_csv_neutralises_formulas(kb: KnowledgeBase) -> None:
    assert [safe_cell(v) for v in ("=SUM(A1)", "+1", "-1", "@x", "ok")] == ["'=SUM(A1)", "'+1", "'-1", "'@x", "ok"]
    a = _synthetic(kb, [_finding("RM-01", "=HYPERLINK(1)")])
    rows = render_csv(build_todo(a, kb, Gate.ONTWERP), "en").splitlines()
    assert rows[1].split(",")[2] == "'=HYPERLINK(1)"


def test_ics_is_deterministic_and_rfc5545_shaped(kb: KnowledgeBase) -> None:
    a = _synthetic(kb, [_finding("RM-01", "p"), _finding("RM-02", "p")], name="Proef, met; tekens")
    todo = build_todo(a, kb, Gate.ONTWERP, [Assignment("RM-01", None, "Team", dt.date(2027, 1, 31))])
    ics = render_ics(todo, "nl")
    assert ics == render_ics(todo, "nl")
    lines = ics.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "UID:rm-01-p@proef--met--tekens.pbd" in lines
    assert "DTSTART;VALUE=DATE:20270131" in lines
    assert "DTSTAMP:20261203T000000Z" in lines
    assert ics.count("BEGIN:VEVENT") == 1  # RM-02 has no due date


def test_markdown_lists_groups_and_later_gates(kb: KnowledgeBase) -> None:
    md = render_markdown(build_todo(_assess(kb, STRATUMSEIND), kb, Gate.ONTWERP), "nl")
    assert md.startswith("# Actielijst — ")
    assert "## Project" in md and "## Later" in md


def test_procurement_annex_numbers_must_before_should(kb: KnowledgeBase) -> None:
    a = _assess(kb, STRATUMSEIND)
    reqs = procurement_annex(a, kb, "dataplatform")
    assert [r.number for r in reqs] == list(range(1, len(reqs) + 1))
    priorities = [r.priority for r in reqs]
    assert priorities == sorted(priorities)  # must < should
    assert {r.rule for r in reqs} >= {"SE-RE-06", "SE-LG-01"}
    assert not {r.rule for r in reqs} & {"SE-BV-04", "SE-MN-05", "SE-VS-04"}
    rows = annex_csv(reqs, "nl").splitlines()
    assert rows[0] == "nr,id,prioriteit,eis,tekst,verificatie,grondslag,ernst,bronnen"
    with pytest.raises(UsageError):
        procurement_annex(a, kb, "bestaat-niet")


# ---------------------------------------------------------------------------------------------
# the command


def test_cli_todo_and_its_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["todo", str(STRATUMSEIND), "--gate", "ontwerp", "--date", "2026-12-03", "--width", "80"])
    assert ok.exit_code == 0, ok.output
    assert ok.output.startswith("Actielijst — ")
    bad = tmp_path / "acties.yaml"
    bad.write_text("actions:\n  - {rule: RM-01, due: morgen}\n", encoding="utf-8")
    res = runner.invoke(cli, ["todo", str(STRATUMSEIND), "--actions", str(bad)])
    assert res.exit_code == 2
    assert res.output.strip().splitlines() == [
        f"Error: {bad}: $.actions[0].due: 'morgen' is not a date. Write YYYY-MM-DD."
    ]
    csv_out = runner.invoke(cli, ["todo", str(STRATUMSEIND), "--procurement", "dataplatform", "-o", "csv"])
    assert csv_out.exit_code == 0 and csv_out.output.startswith("nr,id,prioriteit,")


def test_each_finding_an_action_closes_reads_as_the_reports_sentence(kb: KnowledgeBase) -> None:
    """The to-do list says what is the case as the DPIA draft does, not the field-level detail."""
    from pbd.render.common import explanation

    a = _assess(kb, STRATUMSEIND)
    todo = build_todo(a, kb)
    details = [d for x in todo.actions for d in x.details_nl]
    assert details and not [d for d in details if d.endswith("voldoet niet aan de norm")]
    f = next(f for f in a.findings if f.rule == "IV-01" and f.path == "$.processings[0].security.risk_analysis")
    assert f"IV-01: {explanation(f, kb, 'nl')}" in details
