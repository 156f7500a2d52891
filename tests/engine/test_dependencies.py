"""depends_on and exempt_when (design note §3): exact statuses, paths, details and chains."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbd.errors import KnowledgeBaseError
from pbd.knowledge_base import KnowledgeBase, evaluation_order
from pbd.vocabulary import Status
from tests.engine.kbkit import check, criterion, make_kb, of, statuses

#: needs an explanation of the legal basis
NEEDS_EXPLANATION = {
    "properties": {
        "legal_basis": {
            "required": ["explanation"],
            "properties": {"explanation": {"type": "string", "minLength": 1}},
        }
    },
    "required": ["legal_basis"],
}
#: needs a provision, and that it is specific
NEEDS_SPECIFIC = {
    "properties": {
        "legal_basis": {
            "required": ["specificity"],
            "properties": {"specificity": {"const": "specific"}},
        }
    },
    "required": ["legal_basis"],
}

TWO = """
project: {name: Test}
processings:
  - id: een
    legal_basis: {ground: public_task, explanation: De taak staat in de verordening., specificity: specific}
  - id: twee
    legal_basis: {ground: public_task, explanation: De taak staat in de verordening., specificity: general_competence}
"""


@pytest.fixture
def chain_kb(tmp_path: Path) -> KnowledgeBase:
    # RM-01 <- RM-02 <- RM-03: ids sort against the dependency order, so the engine must reorder
    return make_kb(
        tmp_path / "chain",
        [
            criterion("RM-01", requirement={}, depends_on=[{"criterion": "RM-02"}]),
            criterion("RM-02", requirement=NEEDS_EXPLANATION, depends_on=[{"criterion": "RM-03"}]),
            criterion("RM-03", requirement=NEEDS_SPECIFIC),
        ],
    )


def test_a_failing_dependency_turns_met_into_its_status_along_the_chain(chain_kb: KnowledgeBase) -> None:
    a = check(chain_kb, TWO)
    assert statuses(a, "RM-03") == [
        ("met", "een", "$.processings[0]"),
        ("gap", "twee", "$.processings[1].legal_basis.specificity"),
    ]
    # RM-02 itself is met on both; on "twee" it waits for RM-03
    assert statuses(a, "RM-02") == [("met", "een", "$.processings[0]"), ("gap", "twee", "$.processings[1]")]
    assert statuses(a, "RM-01") == [("met", "een", "$.processings[0]"), ("gap", "twee", "$.processings[1]")]
    rm02, rm01 = of(a, "RM-02")[1], of(a, "RM-01")[1]
    assert rm02.depends_on == ("RM-03",)
    assert rm01.depends_on == ("RM-02", "RM-03")
    assert rm02.detail_nl.startswith("hangt af van RM-03 (tekortkoming: ")
    assert rm02.detail_en.startswith("depends on RM-03 (gap: ")
    assert rm01.detail_nl.startswith("hangt af van RM-02 (tekortkoming: hangt af van RM-03")


def test_an_open_dependency_gives_open(chain_kb: KnowledgeBase) -> None:
    a = check(
        chain_kb,
        """
project: {name: Test}
processings:
  - id: een
    legal_basis: {ground: public_task, explanation: De taak staat in de verordening.}
""",
    )
    assert statuses(a, "RM-03") == [("open", "een", "$.processings[0].legal_basis.specificity")]
    assert statuses(a, "RM-02") == [("open", "een", "$.processings[0]")]
    assert of(a, "RM-02")[0].detail_en.startswith("depends on RM-03 (open: not answered yet")


def test_an_own_gap_is_kept_and_not_replaced_by_the_dependency(chain_kb: KnowledgeBase) -> None:
    a = check(
        chain_kb,
        """
project: {name: Test}
processings:
  - id: een
    legal_basis: {ground: public_task, specificity: general_competence}
""",
    )
    assert statuses(a, "RM-02") == [("open", "een", "$.processings[0].legal_basis.explanation")]
    assert of(a, "RM-02")[0].depends_on == ()
    # RM-01 waits for RM-02, whose open answer is its own
    assert of(a, "RM-01")[0].depends_on == ("RM-02",)
    assert of(a, "RM-01")[0].status is Status.OPEN


def test_findings_stay_in_knowledge_base_order(chain_kb: KnowledgeBase) -> None:
    a = check(chain_kb, TWO)
    assert [f.rule for f in a.findings] == ["RM-01", "RM-01", "RM-02", "RM-02", "RM-03", "RM-03"]
    assert evaluation_order(chain_kb.criteria) == ["RM-03", "RM-02", "RM-01"]


def test_a_not_applicable_dependency_does_not_block(tmp_path: Path) -> None:
    kb = make_kb(
        tmp_path,
        [
            criterion("RM-01", depends_on=[{"criterion": "RM-02"}]),
            criterion("RM-02", applies_when={"required": ["collection"]}, requirement=NEEDS_SPECIFIC),
        ],
    )
    a = check(kb, TWO)
    assert statuses(a, "RM-02") == [
        ("not_applicable", "een", "$.processings[0]"),
        ("not_applicable", "twee", "$.processings[1]"),
    ]
    assert statuses(a, "RM-01") == [("met", "een", "$.processings[0]"), ("met", "twee", "$.processings[1]")]


def test_a_dependency_on_another_target(tmp_path: Path) -> None:
    kb = make_kb(
        tmp_path,
        [
            criterion("VA-01", scope="project", depends_on=[{"criterion": "RM-03", "same_target": False}]),
            criterion("RM-03", requirement=NEEDS_SPECIFIC),
        ],
    )
    a = check(kb, TWO)
    assert statuses(a, "VA-01") == [("gap", "project", "$.project")]
    assert of(a, "VA-01")[0].detail_nl.startswith("hangt af van RM-03 bij twee (tekortkoming: ")


def test_a_cycle_stops_the_load(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match=r"cycle: RM-01 -> RM-02 -> RM-01"):
        make_kb(
            tmp_path,
            [
                criterion("RM-01", depends_on=[{"criterion": "RM-02"}]),
                criterion("RM-02", depends_on=[{"criterion": "RM-01"}]),
            ],
        )


def test_an_unknown_dependency_stops_the_load(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match=r"RM-01\.json: depends on criterion RM-09 which does not exist"):
        make_kb(tmp_path, [criterion("RM-01", depends_on=[{"criterion": "RM-09"}])])


def test_same_target_needs_the_same_scope(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match=r"on the same target, but RM-02 is about a project"):
        make_kb(
            tmp_path,
            [criterion("RM-01", depends_on=[{"criterion": "RM-02"}]), criterion("RM-02", scope="project")],
        )


# --- exempt_when ------------------------------------------------------------------------------

EXEMPT = {
    "schema": {
        "properties": {
            "minimisation": {
                "properties": {"needs_individual_data": {"const": True}},
                "required": ["needs_individual_data"],
            }
        },
        "required": ["minimisation"],
    },
    "reason": "minimisation.needs_individual_data_reason",
}
NEEDS_AGGREGATION = {
    "properties": {
        "minimisation": {"properties": {"aggregated_at_source": {"const": True}}, "required": ["aggregated_at_source"]}
    },
    "required": ["minimisation"],
}


@pytest.fixture
def exempt_kb(tmp_path: Path) -> KnowledgeBase:
    return make_kb(tmp_path / "exempt", [criterion("DM-02", requirement=NEEDS_AGGREGATION, exempt_when=EXEMPT)])


def _minimisation(body: str) -> str:
    return f"""
project: {{name: Test}}
processings:
  - id: tellen
    minimisation: {body}
"""


def test_an_exemption_with_its_reason_is_not_applicable_with_the_reason_quoted(exempt_kb: KnowledgeBase) -> None:
    a = check(
        exempt_kb,
        _minimisation(
            "{needs_individual_data: true, needs_individual_data_reason: Boetes vragen het kenteken per auto.}"
        ),
    )
    assert statuses(a, "DM-02") == [
        ("not_applicable", "tellen", "$.processings[0].minimisation.needs_individual_data_reason")
    ]
    f = of(a, "DM-02")[0]
    assert f.detail_nl == "n.v.t. op grond van: «Boetes vragen het kenteken per auto.»"
    assert f.detail_en == "not applicable because: «Boetes vragen het kenteken per auto.»"
    assert f.exempt_reason == "Boetes vragen het kenteken per auto."


def test_an_exemption_without_a_reason_is_open_at_the_reason(exempt_kb: KnowledgeBase) -> None:
    a = check(exempt_kb, _minimisation("{needs_individual_data: true}"))
    assert statuses(a, "DM-02") == [("open", "tellen", "$.processings[0].minimisation.needs_individual_data_reason")]
    assert of(a, "DM-02")[0].detail_en.startswith("exemption without a reason: not answered yet")
    assert of(a, "DM-02")[0].exempt_reason is None


def test_a_placeholder_reason_is_no_reason(exempt_kb: KnowledgeBase) -> None:
    a = check(exempt_kb, _minimisation("{needs_individual_data: true, needs_individual_data_reason: n.t.b.}"))
    assert statuses(a, "DM-02") == [("open", "tellen", "$.processings[0].minimisation.needs_individual_data_reason")]
    assert "‘n.t.b.’ is geen antwoord" in of(a, "DM-02")[0].detail_nl
    assert "‘n.t.b.’ is not an answer" in of(a, "DM-02")[0].detail_en


def test_without_the_exemption_the_requirement_decides(exempt_kb: KnowledgeBase) -> None:
    gap = check(exempt_kb, _minimisation("{needs_individual_data: false, aggregated_at_source: false}"))
    assert statuses(gap, "DM-02") == [("gap", "tellen", "$.processings[0].minimisation.aggregated_at_source")]
    met = check(exempt_kb, _minimisation("{aggregated_at_source: true}"))
    assert statuses(met, "DM-02") == [("met", "tellen", "$.processings[0]")]


def test_explain_shows_the_chain_and_the_reason(chain_kb: KnowledgeBase, exempt_kb: KnowledgeBase) -> None:
    from pbd.description import load_text
    from pbd.render.explain import explain_rule

    loaded = load_text(TWO)
    text = explain_rule("RM-01", loaded, check(chain_kb, TWO), chain_kb, "en")
    assert "Cannot be met while these criteria have a gap or an open question: RM-02" in text
    assert "    through: RM-01 → RM-02 → RM-03" in text
    described = _minimisation("{needs_individual_data: true, needs_individual_data_reason: Per auto nodig.}")
    text = explain_rule("DM-02", load_text(described), check(exempt_kb, described), exempt_kb, "nl")
    assert "de reden staat in minimisation.needs_individual_data_reason" in text
    assert "    reden: «Per auto nodig.»" in text
