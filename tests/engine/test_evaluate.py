"""Evaluation: placeholders are not answers, every finding carries its rule's basis and kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbd.knowledge_base import Criterion, KnowledgeBase, Rule, SystemRequirement
from pbd.vocabulary import Basis, Gate, RuleKind
from tests.engine.kbkit import check, criterion, make_kb, of, statuses, system_requirement

NEEDS_EXPLANATION = {
    "properties": {
        "legal_basis": {"required": ["explanation"], "properties": {"explanation": {"type": "string", "minLength": 1}}}
    },
    "required": ["legal_basis"],
}


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return make_kb(
        tmp_path,
        [
            criterion("RM-01", requirement=NEEDS_EXPLANATION, system_requirements=["SE-LG-01"]),
            criterion("IV-04", basis="guidance", severity="medium"),
        ],
        [system_requirement("SE-LG-01", ["RM-01"], capability="access_logging")],
    )


def _explained(explanation: str) -> str:
    return f"""
project: {{name: Test}}
processings:
  - id: scan
    legal_basis: {{ground: public_task, explanation: "{explanation}"}}
"""


@pytest.mark.parametrize("placeholder", ["Nog te implementeren", "n.t.b.", "TBD", "-", "?", "Niet onderzocht"])
def test_a_placeholder_is_an_open_question_saying_so(kb: KnowledgeBase, placeholder: str) -> None:
    a = check(kb, _explained(placeholder))
    assert statuses(a, "RM-01") == [("open", "scan", "$.processings[0].legal_basis.explanation")]
    f = of(a, "RM-01")[0]
    assert f.detail_nl.startswith(f"‘{placeholder}’ is geen antwoord: ")
    assert f.detail_en.startswith(f"‘{placeholder}’ is not an answer: ")


def test_an_answer_is_an_answer(kb: KnowledgeBase) -> None:
    a = check(kb, _explained("Nog te implementeren regels staan niet in de verordening, de taak wel: art. 3."))
    assert statuses(a, "RM-01") == [("met", "scan", "$.processings[0]")]


def test_an_absent_answer_is_open_without_the_placeholder_words(kb: KnowledgeBase) -> None:
    a = check(kb, "project: {name: Test}\nprocessings:\n  - id: scan\n    legal_basis: {ground: public_task}\n")
    assert statuses(a, "RM-01") == [("open", "scan", "$.processings[0].legal_basis.explanation")]
    assert of(a, "RM-01")[0].detail_en.startswith("not answered yet: ")


def test_findings_carry_basis_and_kind(kb: KnowledgeBase) -> None:
    a = check(kb, _explained("De taak staat in art. 3 van de verordening.") + "systems:\n  - id: platform\n")
    rm01, iv04, se = of(a, "RM-01")[0], of(a, "IV-04")[0], of(a, "SE-LG-01")[0]
    assert (rm01.kind, rm01.basis) == (RuleKind.CRITERION, Basis.LAW)
    assert (iv04.kind, iv04.basis) == (RuleKind.CRITERION, Basis.GUIDANCE)
    assert (se.kind, se.basis, se.status.value) == (RuleKind.SYSTEM_REQUIREMENT, Basis.LAW, "open")


def test_criteria_and_systeemeisen_share_the_rule_interface(kb: KnowledgeBase) -> None:
    rules: list[Rule] = [kb.criteria["RM-01"], kb.system_requirements["SE-LG-01"]]
    crit, se = rules
    assert isinstance(crit, Criterion) and isinstance(se, SystemRequirement)
    assert [(r.kind, r.group, r.gate, r.basis) for r in rules] == [
        (RuleKind.CRITERION, "RM", Gate.ONTWERP, Basis.LAW),
        (RuleKind.SYSTEM_REQUIREMENT, "LG", Gate.AANBESTEDING, Basis.LAW),
    ]
    assert crit.fix == crit.remediation
    assert se.fix == se.text


def test_enabled_by_default_false_keeps_a_law_rule_off(tmp_path: Path) -> None:
    kb = make_kb(tmp_path, [criterion("RM-01", enabled_by_default=False), criterion("RM-02")])
    a = check(kb, _explained("x"))
    assert statuses(a, "RM-01") == []
    assert statuses(a, "RM-02") == [("met", "scan", "$.processings[0]")]
