"""Every criterion's case file, run through the real loader and evaluator: exact statuses and paths.

An expected finding is ``{status, path}``; it may add ``detail`` (a text the Dutch or English
detail must contain, e.g. "is geen antwoord") and ``depends_on`` (the exact dependency chain).
Policy criteria, which the engine leaves out without a profile, run with a profile that switches
them on.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from pbd.description import load_text
from pbd.engine.evaluate import evaluate
from pbd.knowledge_base import KnowledgeBase, default_knowledge_base
from pbd.profiles import Profile, apply_profile
from pbd.vocabulary import Gate

CASES_DIR = Path(__file__).parent / "cases"
TODAY = dt.date(2026, 11, 1)


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            params.append(pytest.param(path.stem, case, id=f"{path.stem}-{i}-{case['name'][:40]}"))
    return params


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_knowledge_base()


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_case(rule: str, case: dict[str, Any], kb: KnowledgeBase) -> None:
    loaded = load_text(case["description"], name=f"{rule}.yaml:{case['name']}")
    crit = kb.criteria.get(rule)
    if crit is not None and not crit.enabled:  # a policy criterion: its cases run with a profile that switches it on
        kb = apply_profile(
            kb, Profile(id="cases", version="1", organisation=None, sha256="", file="cases", enable=(rule,))
        )
    assessment = evaluate(loaded, kb, gate=Gate.BEHEER, today=TODAY)
    found = [f for f in assessment.findings if f.rule == rule]
    got = sorted((f.status.value, f.path) for f in found)
    want = sorted((e["status"], e["path"]) for e in case["expect"])
    assert got == want, f"{rule} / {case['name']}"
    for e in case["expect"]:
        matching = [f for f in found if (f.status.value, f.path) == (e["status"], e["path"])]
        if "detail" in e:
            assert any(e["detail"] in f.detail_nl or e["detail"] in f.detail_en for f in matching), (
                f"{rule} / {case['name']}: no detail with {e['detail']!r} at {e['path']}: "
                f"{[f.detail_nl for f in matching]}"
            )
        if "depends_on" in e:
            assert [list(f.depends_on) for f in matching] == [e["depends_on"]], f"{rule} / {case['name']}"


def test_policy_criteria_give_no_finding_without_a_profile(kb: KnowledgeBase) -> None:
    """A policy criterion's first case, run without a profile: the criterion is not evaluated at all."""
    for cid in [cid for cid, c in kb.criteria.items() if not c.enabled]:
        path = CASES_DIR / f"{cid}.yaml"
        if path.exists():
            case = yaml.safe_load(path.read_text(encoding="utf-8"))[0]
            assessment = evaluate(load_text(case["description"]), kb, gate=Gate.BEHEER, today=TODAY)
            assert [f for f in assessment.findings if f.rule == cid] == [], cid


def test_every_criterion_has_met_and_failing_cases(kb: KnowledgeBase) -> None:
    missing = []
    for cid in kb.criteria:
        path = CASES_DIR / f"{cid}.yaml"
        if not path.exists():
            missing.append(f"{cid}: no case file")
            continue
        statuses = {e["status"] for case in yaml.safe_load(path.read_text(encoding="utf-8")) for e in case["expect"]}
        if "met" not in statuses:
            missing.append(f"{cid}: no met case")
        if not statuses & {"gap", "not_applicable"}:
            missing.append(f"{cid}: no gap or not_applicable case")
    assert not missing, "\n".join(missing)


def test_every_criterion_can_fail(kb: KnowledgeBase) -> None:
    """A criterion nobody can fail is not a criterion: each has a case with a gap or an open finding."""
    never = []
    for cid in kb.criteria:
        path = CASES_DIR / f"{cid}.yaml"
        if path.exists():
            statuses = {
                e["status"] for case in yaml.safe_load(path.read_text(encoding="utf-8")) for e in case["expect"]
            }
            if not statuses & {"gap", "open"}:
                never.append(cid)
    assert not never, f"criteria without a gap/open case: {never}"
