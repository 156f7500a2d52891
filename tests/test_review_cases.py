"""Eleven review cases, labelled by a reviewer acting as the municipal FG before pbd judged them (tests/review/).

Like the calibration set, each case is a description written from the facts, as the project team
would write it. What the reviewers labelled and pbd meets is asserted. Where pbd disagrees and the
label is contested or not met yet, the label is a strict xfail with the reason, so that it turns red
the moment pbd starts to meet it. The labels are in ``tests/review/LABELS.md``.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from pbd import engine
from pbd.description import load_description
from pbd.knowledge_base import default_knowledge_base
from pbd.vocabulary import RuleKind, Status
from tests.conftest import ROOT

REVIEW = ROOT / "tests" / "review"
#: the date the reviewers ran pbd (a DPIA review date in one case has passed by then)
DATE = dt.date(2026, 12, 4)


def _path(case: str) -> Path:
    (path,) = REVIEW.glob(f"{case}-*.yaml")
    return path


@cache
def _assess(case: str) -> engine.Assessment:
    return engine.check(load_description(_path(case)), default_knowledge_base(), engine.Options(today=DATE))


def _statuses(case: str, rule: str) -> set[Status]:
    return {f.status for f in _assess(case).findings if f.rule == rule}


def test_the_eleven_cases_are_there() -> None:
    names = sorted(int(p.name.split("-", 1)[0][1:]) for p in REVIEW.glob("R*.yaml"))
    assert names == list(range(1, 12))


# --- the screening ------------------------------------------------------------------------------

DPIA = {
    "R1": {"not_needed", "recommended"},  # counts leave the sensor, verified: no personal data kept
    "R2": {"mandatory"},
    "R3": {"mandatory"},
    "R4": {"mandatory"},
    "R5": {"not_needed"},
    "R6": {"mandatory"},
    "R7": {"recommended"},  # large scale only; a payment status is no financial situation
    "R8": {"mandatory"},
    "R9": {"mandatory"},
    "R10": {"mandatory"},
    # the survey flight's head count is not given (an AP question stays open); WP248 5, 6 and 8 already hold
    "R11": {"undetermined"},
}


@pytest.mark.parametrize("case", sorted(DPIA))
def test_dpia_outcome(case: str) -> None:
    assert _assess(case).screening.dpia in DPIA[case]


def test_a_parking_payment_status_is_no_financial_situation() -> None:
    assert 5 not in _assess("R7").screening.ap


def test_cameras_under_151c_are_ap_9_with_systematic_monitoring() -> None:
    s = _assess("R9").screening
    assert 9 in s.ap and 3 in s.edpb and "c" in s.art35_3


# --- the gate -----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["R1", "R5"])
def test_well_run_projects_get_go(case: str) -> None:
    decision = _assess(case).decision()
    assert decision is not None and decision.go, [i.rule for i in decision.blocking] if decision else None


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            "R3",
            marks=pytest.mark.xfail(
                strict=True,
                reason="contested: the IAMA for an impactful enforcement algorithm is medium guidance, which holds "
                "the gate (VA-08); and necessity is genuinely unanswered for the case handling",
            ),
        ),
        pytest.param(
            "R9",
            marks=pytest.mark.xfail(
                strict=True,
                reason="not met: with police live viewing the regime is mixed, so the answer term (six weeks, Wpg "
                "art. 25) and 'rectification not applicable' are judged against the AVG (RB-01, JU-02)",
            ),
        ),
    ],
)
def test_well_run_projects_the_reviewers_passed(case: str) -> None:
    decision = _assess(case).decision()
    assert decision is not None and decision.go


@pytest.mark.parametrize("case", ["R2", "R4", "R6", "R8", "R10"])
def test_projects_with_problems_get_no_go(case: str) -> None:
    decision = _assess(case).decision()
    assert decision is not None and not decision.go


def test_a_well_run_project_has_advice_but_nothing_that_blocks() -> None:
    decision = _assess("R5").decision()
    assert decision is not None and decision.go
    # the capabilities the platform does not list are advice: every norm they serve is met on the facts
    assert decision.advice and all(f.kind is RuleKind.SYSTEM_REQUIREMENT for f in decision.advice)


# --- must flag ----------------------------------------------------------------------------------

MUST_FLAG = [
    ("R2", "VA-01", Status.GAP),  # the 2021 DPIA was due for review in February 2024
    ("R2", "DB-02", Status.GAP),  # deposit logs reused for enforcement without a compatibility test
    ("R2", "OB-01", Status.GAP),  # five years of deposit logs under a flat levy
    ("R4", "DB-02", Status.GAP),  # chat logs reused to train the model
    ("R4", "VA-04", Status.GAP),  # a transfer outside the EEA without a valid basis
    ("R6", "DM-07", Status.GAP),  # hashed plates called anonymous
    ("R6", "OB-03", Status.GAP),  # a year of hashed plates, beyond the ceiling for raw sensor data
    ("R6", "DB-04", Status.GAP),  # the data broker's use is not limited to the municipality's purposes
    ("R8", "VA-01", Status.GAP),  # the DPIA review date has passed
    ("R8", "DB-02", Status.GAP),  # income data reused for outreach
    ("R10", "RM-01", Status.GAP),  # plate registration for warning letters on a general competence
    ("R10", "OB-04", Status.GAP),  # plates without a hit kept
    ("R10", "VA-01", Status.GAP),  # no DPIA for a mandatory one
]


@pytest.mark.parametrize(("case", "rule", "status"), MUST_FLAG, ids=[f"{c}-{r}" for c, r, _ in MUST_FLAG])
def test_must_flag(case: str, rule: str, status: Status) -> None:
    assert status in _statuses(case, rule)


# --- must not -----------------------------------------------------------------------------------

FLAGGED = {Status.GAP, Status.OPEN}


@pytest.mark.parametrize("case", ["R1", "R5"])
def test_well_run_projects_have_no_criterion_flagged(case: str) -> None:
    flagged = [(f.rule, f.path) for f in _assess(case).findings if f.kind is RuleKind.CRITERION and f.status in FLAGGED]
    assert flagged == []


def test_the_151c_cameras_police_viewing_needs_no_separate_disclosure_basis() -> None:
    assert not _statuses("R9", "DB-05") & FLAGGED


def test_the_police_on_a_legal_order_are_no_partner_needing_an_agreement() -> None:
    assert not (_statuses("R7", "VA-10") | _statuses("R7", "DB-04")) & FLAGGED


def test_a_consent_based_volunteer_register_needs_no_subsidiarity_study() -> None:
    assert _statuses("R5", "RM-08") <= {Status.NOT_APPLICABLE}


def test_two_wp248_criteria_make_a_dpia_at_least_mandatory_unless_argued_with_an_ap_question_open() -> None:
    a = _assess("R11")
    assert len(set(a.screening.edpb)) >= 2 and a.screening.dpia == "undetermined"
    # the FG's advice is asked (it was not asked); the DPIA duty is argued away by the recorded reason
    assert Status.OPEN in _statuses("R11", "VA-02")
    assert _statuses("R11", "VA-01") == {Status.NOT_APPLICABLE}
    (va01,) = [f for f in a.findings if f.rule == "VA-01"]
    assert va01.exempt_reason and va01.path == "$.project.dpia.not_needed_reason"


def test_an_enforcement_camera_is_not_asked_to_count_on_the_device() -> None:
    assert not [f for f in _assess("R3").findings if f.rule == "SE-MN-02"]
