"""Issue #14: the DPIA body speaks words, not data; decision and advice blocks; a tagged PDF."""

from __future__ import annotations

import re
from html import unescape as html_unescape
from pathlib import Path

import pytest

from pbd.description import load_description
from pbd.engine.evaluate import evaluate
from pbd.engine.findings import Finding
from pbd.knowledge_base import KnowledgeBase
from pbd.render.common import articles, explanation, sentence
from pbd.render.html import in_words, plain, render_html
from pbd.vocabulary import LABELS, Gate, RuleKind, Severity, Status
from tests.conftest import EXAMPLES, TODAY

ISO_DURATION = re.compile(r"\bP(?:\d+[YMWD])+(?:T\d+[HMS])*\b|\bPT\d+[HMS]\b")
ANNEX = re.compile(r'<h2 id="audit-refs">.*', re.S)


def _html(path: Path, kb: KnowledgeBase, lang: str) -> str:
    loaded = load_description(path)
    return render_html(loaded, evaluate(loaded, kb, today=TODAY), kb, kind="dpia", lang=lang)


def _text(html: str) -> str:
    body = ANNEX.split(html, maxsplit=1)[0]
    body = re.sub(r"<style>.*?</style>", "", body, flags=re.S)
    return re.sub(r"<[^>]+>", " ", body)


def test_periods_and_dates_in_words() -> None:
    assert in_words("P28D", "nl") == "28 dagen"
    assert in_words("P1Y", "nl") == "1 jaar"
    assert in_words("P13M", "en") == "13 months"
    assert in_words("P4W", "nl") == "4 weken"
    assert in_words("2026-12-03", "nl") == "3 december 2026"
    assert in_words("2026-12-03", "en") == "3 December 2026"
    assert in_words("zeven dagen", "nl") == "zeven dagen"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_body_has_no_data_syntax(path: Path, lang: str, kb: KnowledgeBase) -> None:
    html = _html(path, kb, lang)
    body = _text(html)
    assert ISO_DURATION.findall(body) == []
    assert "$." not in body
    assert re.findall(r"\b(?:regel|line) \d+", body) == []
    # enum values print as labels: no snake_case code of the vocabulary in the body
    codes = {v for table in LABELS.values() for v in table if "_" in v}
    assert sorted(c for c in codes if re.search(rf"(?<![\w#/.-]){re.escape(c)}(?![\w-])", body)) == []
    if lang == "en":
        assert re.findall(r"\bAVG\b", body) == []
    # the audit annex still lists every flagged place with the file and the line
    annex = ANNEX.search(html)
    assert annex is not None
    for ref in sorted(set(re.findall(r"\[(A\d+)\]", html))):
        assert f"<td>{ref}</td>" in annex.group(0)


def test_stratumseind_front_matter(kb: KnowledgeBase) -> None:
    html = _html(Path("examples/stratumseind.yaml"), kb, "nl")
    cover = html.split('<h2 class="part" id="part-a">', 1)[0]
    assert "Het advies van de FG is niet gevolgd" in cover
    assert "AVG art. 36" in cover
    assert "Grondslag ontbreekt" in cover
    assert "stuurgroep wil de proef niet onderbreken" in html
    assert "niet de verwerkingsverantwoordelijke" in html
    assert "vastgesteld door" not in _text(html)
    assert "CONCEPT" in cover


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_english_art25_report_uses_gdpr_terms(path: Path, kb: KnowledgeBase) -> None:
    loaded = load_description(path)
    html = render_html(loaded, evaluate(loaded, kb, today=TODAY), kb, kind="art25", lang="en")
    body = _text(html)
    assert re.findall(r"\bAVG\b", body) == []
    assert "$." not in body


def test_recorded_decision_is_adopted_and_not_a_concept(kb: KnowledgeBase) -> None:
    from pbd.description import load_text

    text = Path("examples/stratumseind.yaml").read_text(encoding="utf-8")
    decision = (
        "  decision:\n    decided_by: burgemeester\n    date: 2026-12-03\n    outcome: go_with_conditions\n"
        "    version: '1.0'\n    conditions: [Eerst de AP raadplegen.]\n"
    )
    assert "  dpia:\n    status: in_progress" in text
    text = text.replace("  dpia:\n    status: in_progress", decision + "  dpia:\n    status: in_progress", 1)
    loaded = load_text(text, "stratumseind.yaml")
    html = render_html(loaded, evaluate(loaded, kb, today=TODAY), kb, kind="dpia", lang="nl")
    body = _text(html)
    assert "Deze DPIA is vastgesteld door burgemeester op 3 december 2026 (versie 1.0)." in body
    assert "Eerst de AP raadplegen." in body
    assert 'class="stamp"' not in html


def test_concept_has_no_adoption_sentence_and_no_start_prompt(kb: KnowledgeBase) -> None:
    body = _text(_html(Path("examples/stratumseind.yaml"), kb, "nl"))
    assert "Dit document is een concept en is niet vastgesteld." in body
    assert "Deze DPIA is vastgesteld" not in body
    assert "Start de DPIA nu" not in body


# --- findings as an FG writes them (pbd.render.common) -----------------------------------------------------


def test_articles_are_cited_as_a_reader_says_them() -> None:
    refs = ("AVG 6(1)", "AVG 6(3)", "Model DPIA §11", "urn:nl:ak:ver:avg-01", "overweging 39")
    assert articles(refs, "nl") == "AVG art. 6(1) en 6(3)"
    assert articles(refs, "en") == "GDPR art. 6(1) and 6(3)"
    assert articles("AVG 6(1)(c), 6(1)(e)", "nl") == "AVG art. 6(1)(c) en 6(1)(e)"
    assert articles(("Gemeentewet 151c", "AVG 5(1)(e)"), "en") == "Municipalities Act art. 151c; GDPR art. 5(1)(e)"
    assert articles(("BIO2 5.18",), "nl") == "BIO2 5.18"
    assert articles(("Model DPIA §2", "Algoritmekader"), "nl") == ""


def test_plain_leaves_out_the_field_names_of_the_description() -> None:
    assert (
        plain("Leg haar vast in parties[].role. Sluit af.", "nl")
        == "Leg haar vast in de projectbeschrijving. Sluit af."
    )
    assert plain("record it in project.contract.", "en") == "record it in the description."
    assert plain("met motivering (likelihood_reason, impact_reason), de maatregelen", "nl") == (
        "met motivering, de maatregelen"
    )
    assert plain("leg het besluit vast (project.decision: decided_by, date, outcome).", "nl") == "leg het besluit vast."
    assert (
        plain("de burgemeester (wie verwerkingsverantwoordelijke is, project.controller)", "nl")
        == "de burgemeester (wie verwerkingsverantwoordelijke is)"
    )
    assert plain("toets met internet.nl (AVG art. 6(1))", "nl") == "toets met internet.nl (AVG art. 6(1))"


def _finding(**kw: object) -> Finding:
    base: dict[str, object] = {
        "rule": "VA-10",
        "kind": RuleKind.CRITERION,
        "group": "VA",
        "target": "project",
        "status": Status.GAP,
        "severity": Severity.HIGH,
        "gate": Gate.ONTWERP,
        "path": "$.parties[1].agreement_limits_purposes",
        "line": 12,
        "column": 3,
        "message": "finding.value_not_met",
        "args": (("field", "$.parties[1].agreement_limits_purposes"), ("value", "no")),
    }
    base.update(kw)
    return Finding(**base)  # type: ignore[arg-type]


def test_a_gap_reads_as_what_is_the_case_and_the_article(kb: KnowledgeBase) -> None:
    f = _finding()
    assert sentence(f, kb, "nl", ["Sonaris Sensing BV"]) == (
        "De overeenkomst met Sonaris Sensing BV beperkt het gebruik van de gegevens niet tot de doelen van de"
        " gemeente. Dat voldoet niet aan AVG art. 5(1)(b) en 28(3)(a)."
    )
    assert sentence(f, kb, "en", ["Sonaris Sensing BV", "ListenLoop Inc."]) == (
        "The agreement with Sonaris Sensing BV and ListenLoop Inc. does not limit the use of the data to the"
        " municipality's purposes. That does not meet GDPR art. 5(1)(b) and 28(3)(a)."
    )
    # the one-line explanation of the other reporters says the same for the finding's own target
    assert explanation(f, kb, "nl").startswith("De overeenkomst met het project beperkt")


def test_an_enum_gap_names_the_label_and_an_open_question_asks_it(kb: KnowledgeBase) -> None:
    deletion = _finding(
        rule="OB-02",
        target="geluid",
        path="$.processings[0].retention.deletion",
        message="finding.enum_not_met",
        args=(("field", "$.processings[0].retention.deletion"), ("value", "manual_procedure")),
    )
    nl = sentence(deletion, kb, "nl", ["geluid", "wifi-telling"])
    assert nl.startswith(
        "Bij geluid en wifi-telling worden de gegevens na de bewaartermijn alleen met de hand verwijderd."
    )
    assert "manual_procedure" not in nl and "AVG art." in nl
    unknown_enum = _finding(
        rule="TR-02",
        target="geluid",
        path="$.processings[0].collection.signage",
        message="finding.enum_not_met",
        args=(("field", "$.processings[0].collection.signage"), ("value", "some_entrances")),
    )
    text = sentence(unknown_enum, kb, "en", ["geluid"])
    assert "some_entrances" not in text and text.startswith("For geluid, ‘Signs or markings’ is set to ‘")
    open_q = _finding(
        rule="RM-01",
        status=Status.OPEN,
        target="geluid",
        path="$.processings[0].legal_basis.necessity_tested",
        message="finding.not_answered",
        args=(("field", "$.processings[0].legal_basis.necessity_tested"),),
    )
    assert sentence(open_q, kb, "nl", ["geluid"]) == (
        "Voor geluid is nog niet beantwoord: is getoetst of de verwerking noodzakelijk is voor de wettelijke"
        " verplichting of de publieke taak? Zonder antwoord is niet aan te tonen dat aan AVG art. 6(1)(c) en"
        " 6(1)(e) is voldaan."
    )
    assert sentence(open_q, kb, "en", ["geluid"], brief=True) == (
        "Not yet answered for geluid: Was it tested whether the processing is necessary for the legal obligation"
        " or public task?"
    )


#: what the finding lines of the previous rounds looked like
RAW_FINDING = re.compile(r"voldoet niet aan de norm$|does not meet the norm$|^nog niet beantwoord:|^not answered yet:")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_finding_line_is_a_sentence(path: Path, lang: str, kb: KnowledgeBase) -> None:
    html = _html(path, kb, lang)
    blocks = re.findall(r'<ul class="places">(.*?)</ul>', html, re.S)
    lines = [re.sub(r"<[^>]+>", "", re.sub(r'<span class="tag [^"]+">[^<]*</span>', "", b)) for b in blocks]
    items = [" ".join(x.split()) for block in lines for x in block.split("\n") if x.strip()]
    assert items
    for item in items:
        text = re.sub(r"\s*\[A\d+(?:, A\d+)*\]$", "", html_unescape(item))
        assert text[:1].isupper() or text[:1] in "‘'", text
        assert text.endswith((".", "?", ".)", "’.")), text
        assert not RAW_FINDING.search(text), text
        assert "_" not in text.replace("wifi_", ""), text  # no field or enum code


def test_guidance_and_policy_say_whose_norm_they_are(kb: KnowledgeBase) -> None:
    # VA-07 is guidance: a missing exit plan falls short of the guideline, not of art. 28(3)(g) itself
    exit_plan = _finding(
        rule="VA-07",
        severity=Severity.MEDIUM,
        gate=Gate.AANBESTEDING,
        path="$.project.contract.exit_plan",
        args=(("field", "$.project.contract.exit_plan"), ("value", "no")),
    )
    nl = sentence(exit_plan, kb, "nl", ["project"])
    assert nl.endswith(
        "Dat voldoet niet aan de richtlijn ‘De gegevens blijven van de gemeente en overstappen is mogelijk’,"
        " een uitwerking van AVG art. 28(3)(g), 5(1)(e) en 24(1)."
    )
    assert "which gives effect to GDPR art. 28(3)(g)" in sentence(exit_plan, kb, "en", ["project"])
    # TR-07 is a municipality's own policy: it names no article as if the law asked for it
    register = _finding(
        rule="TR-07",
        severity=Severity.LOW,
        target="geluid",
        path="$.processings[0].transparency.sensor_register",
        args=(("field", "$.processings[0].transparency.sensor_register"), ("value", "no")),
    )
    text = sentence(register, kb, "nl", ["geluid"])
    assert text.endswith("Dat wijkt af van het gemeentelijk beleid ‘" + kb.criteria["TR-07"].title.nl + "’.")
    assert "AVG art." not in text
    # an open question on a guideline whose field cites no article of its own
    open_q = _finding(
        rule="VA-07",
        status=Status.OPEN,
        path="$.project.contract.exit_plan",
        message="finding.not_answered",
        args=(("field", "$.project.contract.exit_plan"),),
    )
    assert sentence(open_q, kb, "en", ["project"]).endswith(
        "Without an answer, compliance with the guideline ‘The data stay with the municipality and switching"
        " supplier is possible’ cannot be shown."
    )
    # a law-based rule keeps the articles (RM-01 above), and "AI-verordening art. 27" is said once as "art. 27"
    assert articles("IAMA; AI-verordening art. 27", "en") == "AI Act art. 27"


def test_a_project_norm_missed_by_one_processing_names_that_processing(kb: KnowledgeBase) -> None:
    from pbd import engine

    a = engine.check(
        load_description(next(p for p in EXAMPLES if p.stem == "stratumseind")), kb, engine.Options(today=TODAY)
    )
    (f,) = [f for f in a.findings if f.rule == "IV-01" and f.path == "$.processings[0].security.risk_analysis"]
    assert f.target == "project" and dict(f.args)["about"] == "geluid"
    assert explanation(f, kb, "nl").startswith("Voor geluid is geen informatiebeveiligingsrisicoanalyse gedaan.")
