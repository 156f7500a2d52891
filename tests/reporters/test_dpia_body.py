"""Issue #14: the DPIA body speaks words, not data; decision and advice blocks; a tagged PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pbd.description import load_description
from pbd.engine.evaluate import evaluate
from pbd.knowledge_base import KnowledgeBase
from pbd.render.html import in_words, render_html
from pbd.vocabulary import LABELS
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
