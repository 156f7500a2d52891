"""The Invulhulp's own Pre-scan rules (a faithful JEXL re-implementation) and the cross-check with pbd's screening."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbd.invulhulp.crosscheck import DEVIATIONS, cross_check, screening_of
from pbd.invulhulp.jexl import UNDEFINED, evaluate_jexl
from pbd.invulhulp.mapping import AP_OPTIONS, EDPB_OPTIONS, import_export
from pbd.invulhulp.reader import PRESCAN_URN, definition, parse_export
from pbd.invulhulp.rules import evaluate_prescan

SCHEMA_URL = "https://github.com/MinBZK/par-dpia-form/blob/main/schemas/assessment-output.v2.schema.json"


def js(expression: str, **context: Any) -> Any:
    functions = {"bool": lambda v=UNDEFINED: v is True or v == "true"}
    transforms = {"count": lambda v=UNDEFINED, *_: len(v) if isinstance(v, list) else 0}
    return evaluate_jexl(expression, context, functions, transforms)


# ---------------------------------------------------------------------------------------------
# JEXL and JavaScript values, as the Invulhulp's engine has them


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("true || false && false", False),  # && and || share one precedence, left to right
        ("false && true || true", True),
        ("0 || 'x'", "x"),  # || returns an operand
        ("'' && 1", ""),
        ("'true' == true", False),  # loose equality: "true" -> NaN, true -> 1
        ("'1' == true", True),
        ("null == undefined_name", True),
        ("false + 1", 1),
        ("true + true", 2),
        ("1 + '1'", "11"),
        ("2 > 1 == true", True),
        ("'b' in ['a', 'b']", True),
        ("1 in ['1']", False),  # `in` compares strictly
        ("'ell' in 'hello'", True),
        ("1 == 1 ? 2 : 3 == 3 ? 4 : 5", 2),
        ("1 == 2 ? 2 : 3 == 3 ? 4 : 5", 4),
        ("(1 + 2) * 3", 9),
        ("!0", True),
        ("x.y.z", UNDEFINED),  # properties of undefined are undefined
        ("[1, 2, 3] | count", 3),
        ("x | count", 0),
        ("bool('true') && bool(true) && !bool('yes')", True),
    ],
)
def test_jexl(expression: str, expected: Any) -> None:
    assert js(expression) == expected


def test_scores_context() -> None:
    assert js("(scores.a || 0) + (scores.b || 0) > 4", scores={"a": 3, "b": 2}) is True
    assert js("(scores.a || 0) + (scores.b || 0) > 4", scores={"a": 3}) is False


# ---------------------------------------------------------------------------------------------
# the Pre-scan, with its quirks kept


def test_empty_prescan_needs_nothing() -> None:
    out = evaluate_prescan({})
    assert {k: v.level for k, v in out.assessments.items()} == {"DPIA": None, "DTIA": None, "KIA": None, "IAMA": None}
    assert out.errors == ()


def test_weighted_counts_are_always_zero() -> None:
    """weightedCountMap's keys lack the 'Categorie betrokkenen: ' prefix the stored values carry."""
    out = evaluate_prescan(
        {
            "1.4.1": [
                "Categorie betrokkenen: Kinderen jonger dan 16 jaar",
                "Categorie betrokkenen: Andere kwetsbare groepen (gehandicapten, minderheden, etc.)",
            ]
        }
    )
    assert out.scores["betrokkenen"] == 0


def test_the_minors_score_never_runs() -> None:
    out = evaluate_prescan({"7.1.1": "true", "7.1.2": "true"})
    assert "digitaledienst_minderjarig" not in out.scores
    assert out.assessments["KIA"].level == "recommended"


def test_international_transfer_score_reads_a_question_that_does_not_exist() -> None:
    assert evaluate_prescan({"2.1.1": "true", "2.1.3": "Buiten EER"}).scores["internationale_doorgifte"] == 1
    assert evaluate_prescan({"2.1.1": "true", "2.1.8": "true"}).scores["internationale_doorgifte"] == 2
    assert evaluate_prescan({"2.1.3": "Buiten EER"}).scores["internationale_doorgifte"] == 0


def test_risk_score_above_four_makes_a_dpia_mandatory() -> None:
    answers = {
        "1.2.1": "true",
        "1.2.2": ["a", "b", "c", "d", "e", "f", "g"],  # 2
        "1.3.1": "true",
        "1.3.2": ["x"],  # 1
        "1.5.1": "true",  # 1
        "1.5.3": "Continu",  # 1
    }
    out = evaluate_prescan(answers)
    assert out.assessments["DPIA"].level == "required"
    assert out.assessments["DPIA"].criteria == (("riskscore", "de som van de risicoscores groter is dan 4"),)
    del answers["1.5.3"]
    assert evaluate_prescan(answers).assessments["DPIA"].level is None


def test_lists_decide_the_dpia() -> None:
    one = ["Lijst EDPB: Koppelen van datasets"]
    two = [*one, "Lijst EDPB: Gebruik van nieuwe technologieën"]
    assert evaluate_prescan({"4.1": one}).assessments["DPIA"].level == "recommended"
    assert evaluate_prescan({"4.1": two}).assessments["DPIA"].level == "required"
    assert evaluate_prescan({"3.1": ["Lijst AP: Cameratoezicht"]}).assessments["DPIA"].level == "required"
    assert evaluate_prescan({"0.1": "true"}).assessments["DPIA"].level == "required"


def test_dtia_needs_storage_or_support_outside_the_eea_on_scc_or_other() -> None:
    base = {"2.1.1": "true", "2.1.6": "Standaard contractsbepaling (SCC)"}
    assert evaluate_prescan({**base, "2.1.3": "Buiten EER"}).assessments["DTIA"].level == "required"
    assert evaluate_prescan({**base, "2.1.4": "Buiten EER"}).assessments["DTIA"].level == "required"
    assert evaluate_prescan({**base, "2.1.5": "Buiten EER"}).assessments["DTIA"].level is None
    assert (
        evaluate_prescan({**base, "2.1.3": "Buiten EER", "2.1.6": "Adequaatheidsbesluit"}).assessments["DTIA"].level
        is None
    )


# ---------------------------------------------------------------------------------------------
# the cross-check: every deviation, once, by construction


def export(answers: dict[str, Any]) -> dict[str, Any]:
    stamp = "2026-09-01T09:00:00.000Z"
    return {
        "$schema": SCHEMA_URL,
        "metadata": {"urn": PRESCAN_URN, "createdAt": stamp},
        "answers": {qid: {"value": value, "lastEditedAt": stamp} for qid, value in answers.items()},
    }


def compare(answers: dict[str, Any]) -> dict[str, tuple[str | None, str | None, tuple[str, ...]]]:
    exp = parse_export(export(answers), "generated.json")
    imp = import_export(exp)
    comparisons = cross_check(exp.answers, evaluate_prescan(exp.answers), screening_of(imp.description), imp.hidden)
    return {c.assessment: (c.invulhulp, c.pbd, c.reasons) for c in comparisons}


#: "personal data: yes, names and contact details": without it pbd's screening cannot decide anything
#: (absent is not answered), so the tests that are about something else answer it
PERSONAL_DATA = {"1.1.1": "true", "1.1.2": ["Categorie gewone persoonsgegevens: Naam, contactgegevens"]}


def _screening(answers: dict[str, Any]) -> Any:
    return screening_of(import_export(parse_export(export(answers), "generated.json")).description)


def test_ap_tick_is_a_conclusion_not_a_fact() -> None:
    # the Pre-scan records no collection methods: pbd cannot settle the AP list, and says why it differs
    answers = {**PERSONAL_DATA, "3.1": ["Lijst AP: Cameratoezicht"]}
    assert compare(answers)["DPIA"] == ("required", "undetermined", ("pbd_undetermined", "ap_ticked"))
    assert 9 not in _screening(answers).ap


def test_risk_score_has_no_counterpart() -> None:
    answers = {
        "1.2.1": "true",
        "1.2.2": ["Categorie bijzondere persoonsgegevens: Gegevens over gezondheid"],
        "1.1.1": "true",
        "1.1.2": [
            f"Categorie gewone persoonsgegevens: {x}"
            for x in (
                "Content",
                "Logging",
                "Helpdeskgegevens",
                "Demografische gegevens",
                "Naam, contactgegevens",
                "Overige",
            )
        ],
        "1.3.1": "true",
        "1.3.2": ["Categorie gevoelige persoonsgegevens: Surfgedrag"],
        "1.5.3": "Continu",
        "1.5.4": "Jaar",
    }  # 1 + 1 + 1 + 1 + 1 > 4
    assert compare(answers)["DPIA"] == ("required", "undetermined", ("pbd_undetermined", "risk_score"))


def test_facts_pbd_derives_without_a_tick() -> None:
    answers = {**PERSONAL_DATA, "1.4.1": ["Categorie betrokkenen: Kinderen jonger dan 16 jaar"], "1.5.1": "true"}
    assert compare(answers)["DPIA"] == (None, "undetermined", ("pbd_undetermined",))
    assert {5, 7} <= set(_screening(answers).edpb)  # large scale and vulnerable subjects, derived without a tick


def test_edpb_ticks_are_declared_not_facts() -> None:
    ticks = ["Lijst EDPB: Koppelen van datasets", "Lijst EDPB: Gebruik van nieuwe technologieën"]
    answers = {**PERSONAL_DATA, "4.1": ticks}
    imp = import_export(parse_export(export(answers), "generated.json"))
    assert imp.description["project"]["screening_declared"] == {
        "source": "invulhulp",
        "wp248": [6, 8],
        "date": "2026-09-01",
    }
    proc = imp.description["processings"][0]
    assert "techniques" not in proc and "scale" not in proc  # no tick became a fact
    s = _screening(answers)
    assert not {6, 8} & set(s.edpb)
    assert [(d.framework, d.item, d.declared) for d in s.declared] == [("EDPB", 6, True), ("EDPB", 8, True)]
    assert all(not d.agrees for d in s.declared)
    assert compare(answers)["DPIA"] == ("required", "undetermined", ("pbd_undetermined", "edpb_ticked"))


def test_new_legislation_is_explained() -> None:
    c = compare({**PERSONAL_DATA, "0.1": "true"})
    assert c["DPIA"][0] == "required" and "new_legislation" in c["DPIA"][2]


def test_telemetry_outside_the_eea() -> None:
    answers = {
        **PERSONAL_DATA,
        "2.1.1": "true",
        "2.1.3": "Datacenter EER",
        "2.1.4": "Binnen EER",
        "2.1.5": "Buiten EER",
        "2.1.6": "Standaard contractsbepaling (SCC)",
    }
    assert compare(answers)["DTIA"] == (None, "required", ("dtia_any_route",))


def test_transfer_without_a_mechanism() -> None:
    answers = {**PERSONAL_DATA, "2.1.1": "true", "2.1.3": "Buiten EER"}
    assert compare(answers)["DTIA"] == (None, "required", ("dtia_no_mechanism",))


def test_hidden_answers_are_named() -> None:
    # 6.1.2 is hidden (6.1.1 says no algorithm) but still counted by the Invulhulp; pbd imports 6.1.1's "no" as
    # no technique, which its screening does not read as a decided IAMA question: undetermined, and both are named
    answers = {**PERSONAL_DATA, "6.1.1": "false", "6.1.2": "true"}
    assert compare(answers)["IAMA"] == ("recommended", "undetermined", ("pbd_undetermined", "hidden_answers"))


def test_kia_and_iama_agree() -> None:
    c = compare({**PERSONAL_DATA, "7.1.1": "true", "7.1.2": "true", "6.1.1": "true", "6.1.2": "false", "6.1.3": "true"})
    assert c["KIA"] == ("recommended", "recommended", ())
    assert c["IAMA"] == ("recommended", "recommended", ())


# ---------------------------------------------------------------------------------------------
# property: for any Pre-scan the Invulhulp could export, pbd agrees or the difference is a documented one


def _options(qid: str) -> list[str]:
    out = []
    for v in definition("prescan").tasks[qid].options:
        out.append(("true" if v else "false") if isinstance(v, bool) else str(v))
    return out


YESNO = st.sampled_from(["true", "false"])


def _choice(qid: str) -> st.SearchStrategy[str]:
    return st.sampled_from(_options(qid))


def _checks(qid: str) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(_options(qid)), unique=True)


@st.composite
def prescan_answers(draw: st.DrawFn) -> dict[str, Any]:
    """Answers as the Invulhulp exports them: only questions it shows, yes/no as text, untouched lists absent."""
    answers: dict[str, Any] = {}

    def ask(qid: str, strategy: st.SearchStrategy[Any]) -> Any:
        value = draw(st.one_of(st.none(), strategy))
        if value is not None:
            answers[qid] = value
        return value

    ask("0.1", YESNO)
    ask("0.2", st.just("Een beschrijving."))
    ask("0.3", st.just("Een doel."))
    ask("0.4", _choice("0.4"))
    if ask("0.5.1", YESNO) == "true":
        ask("0.5.2", _checks("0.5.2"))
        ask("0.5.3", _choice("0.5.3"))
        ask("0.5.4", YESNO)
    for gate, follow in (("1.1.1", "1.1.2"), ("1.2.1", "1.2.2"), ("1.3.1", "1.3.2")):
        if ask(gate, YESNO) == "true":
            ask(follow, _checks(follow))
    ask("1.4.1", _checks("1.4.1"))
    ask("1.5.1", YESNO)
    ask("1.5.2", YESNO)
    ask("1.5.3", _choice("1.5.3"))
    ask("1.5.4", _choice("1.5.4"))
    if ask("2.1.1", YESNO) == "true":
        for qid in ("2.1.2", "2.1.3", "2.1.4", "2.1.5"):
            ask(qid, _choice(qid))
        if ask("2.1.6", _choice("2.1.6")) == "Overig mechanisme":
            ask("2.1.7", st.just("Een eigen regeling."))
        ask("2.1.8", YESNO)
    ask("3.1", _checks("3.1"))
    ask("4.1", _checks("4.1"))
    if ask("5.1.1", YESNO) == "true":
        ask("5.1.2", _checks("5.1.2"))
    if ask("6.1.1", YESNO) == "true" and ask("6.1.2", YESNO) == "false":
        ask("6.1.3", YESNO)
    if ask("7.1.1", YESNO) == "true" and ask("7.1.2", YESNO) == "false":
        ask("7.1.3", YESNO)
    return answers


ALLOWED = {
    "DPIA": {
        "ap_ticked",
        "edpb_ticked",
        "new_legislation",
        "items_differ",
        "risk_score",
        "derived_not_ticked",
        "pbd_undetermined",
    },
    "DTIA": {"dtia_any_route", "dtia_no_mechanism", "dtia_other_tools", "pbd_undetermined"},
    "KIA": {"pbd_undetermined"},
    "IAMA": {"pbd_undetermined", "iama_from_facts"},
}


@settings(max_examples=300, deadline=None, derandomize=True)
@given(prescan_answers())
def test_pbd_agrees_with_the_invulhulp_or_the_difference_is_deliberate(answers: dict[str, Any]) -> None:
    exp = parse_export(export(answers), "generated.json")  # valid against the Invulhulp's output schema
    imp = import_export(exp)
    assert imp.hidden == frozenset()  # the Invulhulp would have exported all of them
    accounted = [k for k, _ in imp.mapped] + [k for k, _ in imp.kept] + [k for k, *_ in imp.ignored]
    assert sorted(accounted) == sorted(answers)  # every answer mapped, kept or ignored, once
    outcome = evaluate_prescan(exp.answers)
    assert outcome.errors == ()
    screening = screening_of(imp.description)
    # no case fires AP 13 (communication data) without communication data: the combined option
    # "Communicatie- en locatiegegevens" does not say which, and a tick on the AP list is not a fact
    items = [i for p in imp.description.get("processings", []) for i in p.get("data_items", [])]
    if not any(i.get("category") == "communication" for i in items):
        assert 13 not in screening.ap, answers
    # the ticks are declared, never facts: every tick of 3.1 / 4.1 is in screening_declared, and nothing else
    declared = imp.description["project"].get("screening_declared", {})
    assert declared.get("ap", []) == sorted({AP_OPTIONS[o] for o in answers.get("3.1", [])})
    assert declared.get("wp248", []) == sorted({EDPB_OPTIONS[o] for o in answers.get("4.1", [])})
    for c in cross_check(exp.answers, outcome, screening, imp.hidden):
        if c.agree:
            assert c.reasons == ()
        else:
            assert c.reasons, c
            assert set(c.reasons) <= ALLOWED[c.assessment], (c, answers)
            assert all(r in DEVIATIONS for r in c.reasons)
